"""The class talks about the branch it just took: its prompts, large and calm, with what happened
still in view (the consequence, or its first sentence, and how the meters moved) and an optional
countdown for the talk.

Timer: + and - (or Up and Down) set 1 to 10 minutes, digits 1-9 set them straight (0 is 10),
Space starts and pauses, R starts over. When the time is up the timer says so in words and stays at
0:00; there is no sound and nothing flashes. Enter or Right goes on with the story. Teacher notes
from the scenario are never drawn here: this screen is on the projector.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pygame

from ...classroom.lesson import marks
from ...classroom.lesson import DISCUSSION_MINUTES as DEFAULT_MINUTES
from .. import text as tx
from ..bindings import DIGITS, ENTER, MINUS, PLUS, Binding, calls
from ..intents import ShowConsequence, ShowScene
from ..widgets import Button, chip, panel
from .base import FramedScreen
from .chrome import Chrome, chrome

MIN_MINUTES, MAX_MINUTES = 1, 10
_SENTENCE_END = re.compile(r"[.!?…][’”'\"]?(?=\s|$)")


def first_sentence(text: str) -> str:
    """The text up to the end of its first sentence (all of it if there is no clear end)."""
    match = _SENTENCE_END.search(text)
    return text[:match.end()] if match else text


class Countdown:
    """Minutes for the talk, counting down while running; ends quietly at zero."""

    def __init__(self, minutes: int = DEFAULT_MINUTES):
        self.minutes = minutes
        self.remaining = float(minutes * 60)
        self.running = False

    @property
    def done(self) -> bool:
        return self.remaining <= 0

    @property
    def started(self) -> bool:
        return self.running or self.remaining < self.minutes * 60

    def clock(self) -> str:
        """Minutes and seconds left, e.g. 2:05; rounded up so it reads 0:00 only at the end."""
        seconds = max(0, math.ceil(self.remaining - 1e-9))
        return f"{seconds // 60}:{seconds % 60:02d}"

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(MIN_MINUTES, min(MAX_MINUTES, minutes))
        self.remaining = float(self.minutes * 60)
        self.running = False

    def toggle(self) -> None:
        if self.done:
            self.reset()
        self.running = not self.running

    def reset(self) -> None:
        self.remaining = float(self.minutes * 60)
        self.running = False

    def tick(self, dt: float) -> bool:
        """Time passes; True when the shown clock changed."""
        if not self.running:
            return False
        before = self.clock()
        self.remaining = max(0.0, self.remaining - dt)
        if self.done:
            self.running = False
        return self.clock() != before


class DiscussionScreen(FramedScreen):
    BINDINGS = (
        Binding(ENTER, "press_or('go_on')", "Press the focused button, else on with the story"),
        Binding((pygame.K_RIGHT,), "go_on", "On with the story"),
        Binding((pygame.K_SPACE,), "toggle_timer", "Start or pause the timer"),
        Binding((pygame.K_r,), "reset_timer", "Start the timer over"),
        Binding((*PLUS, pygame.K_UP), "more", "A minute more"),
        Binding((*MINUS, pygame.K_DOWN), "less", "A minute less"),
        *(Binding(keys, f"minutes({d or 10})", f"{d or 10} minutes")
          for d, keys in enumerate(DIGITS)),
        Binding((pygame.K_BACKSPACE, pygame.K_LEFT), "back", "Back to the consequence"),
    )

    def __init__(self, app, run, outcome, before_view):
        super().__init__(app)
        self.run = run
        self.outcome = outcome
        self.before = before_view
        self.timer = Countdown()
        if app.classroom is not None:  # the same clock when the teacher steps back and returns
            key = app.classroom.moment("discussion", run)
            self.timer = app.classroom.kept.setdefault(key, self.timer)
        self._lang = run.lang

    def plan_mark(self) -> tuple[str, ...]:
        """What the lesson plan says after this decision where that is not the talk on screen
        (go on at once, Enter as ever; or the debrief), in the bar's words."""
        classroom = self.app.classroom
        said = (classroom.plan_at(self.before.scene_id, self.run.decision_count)
                if classroom else None)
        return marks(said, self.lang, on_talk=True)

    # --- behaviour ------------------------------------------------------------------------------

    def update(self, dt: float) -> bool:
        if self.timer.tick(dt):
            self.app.dirty = True  # a redraw once a second, not an animation at 60 fps
        return False

    def refresh(self) -> None:
        """Another language: the engine's words for the same outcome (as the consequence does)."""
        if self.run.lang != self._lang and self.run.back():
            self.before = self.run.view()
            self.outcome = self.run.choose(self.outcome.choice_id)
        self._lang = self.run.lang

    def go_on(self) -> None:
        """On with the story: the scene the choice led to."""
        self.app.go(ShowScene(self.run))

    def back(self) -> None:
        """Back to the full consequence."""
        self.app.go(ShowConsequence(self.run, self.outcome, self.before, animate=False))

    def more(self) -> None:
        self.timer.set_minutes(self.timer.minutes + 1)

    def less(self) -> None:
        self.timer.set_minutes(self.timer.minutes - 1)

    action_go_on = calls("go_on")

    def action_toggle_timer(self) -> None:
        self.timer.toggle()

    def action_reset_timer(self) -> None:
        self.timer.reset()

    action_more = calls("more")
    action_less = calls("less")

    def action_minutes(self, minutes: int) -> None:
        self.timer.set_minutes(minutes)

    action_back = calls("back")
    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        """The timer's words and its button's label change its panel's height; its clock does
        not move anything."""
        return self.outcome, self._timer_state(), self._toggle_key()

    def place(self) -> "DiscussionLayout":
        th = self.theme
        m = th.margin
        chips = [self.t("discuss")]
        if self.outcome.step_label:
            chips.append(self.t("step", step=self.outcome.step_label))
        frame = chrome(self, chips, gap=2,
                       corner_extra=[Button(self.t("whatif"), self.app.open_timeline,
                                            size="small")],
                       left=[Button(self.t("back"), self.back, size="small", icon="left")],
                       primary=Button(self.t("continue_story"), self.go_on, icon="right"))
        y = frame.content.y
        room = frame.content.h - th.px(2)
        gap = th.px(2)
        if th.width / th.height > 1.5:  # the prompts on the left, what happened and the timer
            side_w = int((th.width - 2 * m) * 0.4)               # on the right
            prompts = pygame.Rect(m, y, th.width - 2 * m - side_w - gap, room)
            side = pygame.Rect(prompts.right + gap, y, side_w, prompts.h)
            timer_h = self._timer_height(side.w)
            happened = pygame.Rect(side.x, side.y, side.w, side.h - timer_h - gap)
            timer = self._place_timer(pygame.Rect(side.x, side.bottom - timer_h, side.w,
                                                  timer_h))
        else:  # 4:3: what happened and the timer side by side on top, the prompts under them
            full = th.width - 2 * m
            timer_w = int(full * 0.42)
            timer_h = self._timer_height(timer_w)
            # The prompts first, at body size; the top row gets the rest (at least the timer's
            # height, at most half: what happened falls back to its first sentence).
            top_h = min(max(timer_h, room // 2), max(timer_h, int(room * 0.3),
                                                     room - gap - self._prompts_need(full)))
            happened = pygame.Rect(m, y, full - timer_w - gap, top_h)
            timer = self._place_timer(pygame.Rect(happened.right + gap, y, timer_w, top_h))
            prompts = pygame.Rect(m, y + top_h + gap, full, room - top_h - gap)
        return DiscussionLayout(frame, happened, timer, prompts)

    # --- drawing --------------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface, lay: "DiscussionLayout") -> None:
        self._draw_what_happened(surface, lay.happened)
        self._draw_timer(surface, lay.timer)
        self._draw_prompts(surface, lay.prompts)

    def _prompts_need(self, width: int) -> int:
        """The height the prompts take at body size in a panel `width` wide."""
        th = self.theme
        prompts = list(self.outcome.discuss) or [self.t("no_prompts")]
        inner = width - 2 * th.px(2.5) - int(th.heading * 0.9)
        return (2 * th.px(2.5) + sum(tx.wrapped_height(q, inner, th.body) for q in prompts)
                + th.px(2.5) * (len(prompts) - 1))

    def _draw_prompts(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The prompts, numbered, as large as they fit (from a calm large size down)."""
        th = self.theme
        p = th.palette
        panel(surface, area, th, p.narration, p.narration)
        pad = th.px(2.5)
        inner = area.inflate(-2 * pad, -2 * pad)
        prompts = list(self.outcome.discuss) or [self.t("no_prompts")]
        number_w = int(th.heading * 0.9)
        width = inner.w - number_w
        gap = th.px(2.5)
        size = max(th.body, int(th.heading * 0.8))
        while True:  # the largest size from a calm heading size down to body that fits
            heights = [tx.wrapped_height(q, width, size) for q in prompts]
            total = sum(heights) + gap * (len(prompts) - 1)
            if total <= inner.h or size <= th.small_min:
                break
            size = max(th.small_min, int(size * 0.94))
        y = inner.y + max(0, (inner.h - total) // 3)
        for i, (prompt, h) in enumerate(zip(prompts, heights)):
            number = tx.render(f"{i + 1}", size, p.on_narration, "bold")
            surface.blit(number, (inner.x, y))
            fit = self.drawing.fit(prompt, pygame.Rect(inner.x + number_w, y, width,
                                                       max(1, inner.bottom - y)),
                                   size, p.on_narration, "regular", th.small_min)
            fit.blit(surface)
            y += h + gap

    def _draw_what_happened(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        th = self.theme
        p = th.palette
        o = self.outcome
        panel(surface, area, th)
        pad = th.px(1.8)
        inner = area.inflate(-2 * pad, -2 * pad)
        changes = self._change_chips()
        chips_h = self._chips_height(changes, inner.w)
        text_bottom = inner.bottom - chips_h - th.px(1)
        classroom = self.app.classroom
        chose_text = self.t(classroom.chose_key() if classroom else "class_chose",
                            choice=o.choice_text)
        # The whole consequence if it fits, else its first sentence; the line saying what the
        # class chose goes last, when even the first sentence needs its room.
        for with_choice, words in ((True, o.consequence), (True, first_sentence(o.consequence)),
                                   (False, first_sentence(o.consequence))):
            y = inner.y
            chose = None
            if with_choice:
                chose = tx.fit(chose_text, pygame.Rect(inner.x, y, inner.w, inner.h // 3),
                               th.small, p.ink_muted, "italic", th.small_min)
                y += chose.height + th.px(1)
            text = tx.fit(words, pygame.Rect(inner.x, y, inner.w, max(1, text_bottom - y)),
                          th.body, p.ink, "regular", th.small_min)
            if text.fits and (chose is None or chose.fits):
                break
        if chose is not None:
            chose.blit(surface)
        text.blit(surface)
        self.drawing.check("(what happened)", text.fits and (chose is None or chose.fits))
        self._draw_chips(surface, changes, pygame.Rect(inner.x, inner.bottom - chips_h, inner.w,
                                                       chips_h))

    def _change_chips(self) -> list[tuple[str, str, tuple, tuple]]:
        """(label, icon, background, text colour) per meter that moved, or one 'no change'."""
        p = self.theme.palette
        out = []
        for c in self.outcome.changes:
            word = self.t("better") if c.better else self.t("worse")
            bg, fg = (p.better, p.on_better) if c.better else (p.worse, p.on_worse)
            out.append((f"{c.label} {c.delta:+d} {word}", "up" if c.delta > 0 else "down", bg,
                        fg))
        if not out:
            out.append((self.t("no_meter_change"), "same", p.same, p.on_same))
        return out

    def _chips_height(self, chips, width: int) -> int:
        th = self.theme
        h = tx.line_height(th.small, "bold") + th.px(0.5)
        x, rows = 0, 1
        for label, *_ in chips:
            w = tx.text_width(label, th.small, "bold") + th.small + th.px(3.5)
            if x and x + w > width:
                rows, x = rows + 1, 0
            x += w + th.px(0.8)
        return rows * h + (rows - 1) * th.px(0.6)

    def _draw_chips(self, surface, chips, area: pygame.Rect) -> None:
        th = self.theme
        h = tx.line_height(th.small, "bold") + th.px(0.5)
        x, y = area.x, area.y
        for label, icon, bg, fg in chips:
            w = tx.text_width(label, th.small, "bold") + th.small + th.px(3.5)
            if x > area.x and x + w > area.right:
                x, y = area.x, y + h + th.px(0.6)
            rect = chip(surface, th, (x, y), label, bg, fg, icon=icon)
            self.drawing.check(label, rect.right <= area.right + 1)
            x = rect.right + th.px(0.8)

    def _timer_state(self) -> str:
        timer = self.timer
        if timer.done:
            return self.t("timer_done")
        if timer.running:
            return self.t("timer_running")
        if timer.started:
            return self.t("timer_paused")
        return self.t("timer_ready", n=timer.minutes)

    def _timer_height(self, width: int) -> int:
        th = self.theme
        pad = th.px(1.6)
        inner = width - 2 * pad
        state_h = tx.wrapped_height(f"{self.t('timer')}: {self._timer_state()}", inner, th.small,
                                    "bold")
        rows = 1 if self._fits_one_row(inner) else 2
        return (pad + state_h + th.px(0.8) + self._clock_size() * 5 // 4
                + (rows - 1) * (self._button_height() + th.px(0.8)) + th.px(1.8) + pad)

    def _clock_size(self) -> int:
        return int(self.theme.heading * 1.25)

    def _button_height(self) -> int:
        return tx.line_height(self.theme.small, "bold") + self.theme.px(1.6)

    def _toggle_width(self) -> int:
        """The start/pause button's width: its widest label, so it never moves."""
        th = self.theme
        return max(Button(self.t(k), size="small").natural_width(th)
                   for k in ("timer_start", "timer_pause", "timer_again"))

    def _fits_one_row(self, width: int) -> bool:
        th = self.theme
        clock_w = tx.text_width("10:00", self._clock_size(), "bold")
        return (clock_w + th.px(1.5) + 2 * (self._button_height() + th.px(0.8))
                + self._toggle_width() <= width)

    def _toggle_key(self) -> str:
        """The words of the start/pause button now."""
        timer = self.timer
        return "timer_pause" if timer.running else ("timer_again" if timer.done else
                                                    "timer_start")

    def _place_timer(self, area: pygame.Rect) -> "TimerLayout":
        """Its state in words; the clock's row; buttons to set, start and pause it, right of
        the clock (or under it when narrow); the progress bar under them."""
        th = self.theme
        pad = th.px(1.6)
        inner = area.inflate(-2 * pad, -2 * pad)
        state = tx.fit(f"{self.t('timer')}: {self._timer_state()}",
                       pygame.Rect(inner.x, inner.y, inner.w, inner.h // 2), th.small,
                       th.palette.ink, "bold", th.small_min)
        row = pygame.Rect(inner.x, inner.y + state.height + th.px(0.8), inner.w,
                          self._clock_size() * 5 // 4)
        h = self._button_height()
        if self._fits_one_row(inner.w):
            buttons_row = row
        else:
            buttons_row = pygame.Rect(inner.x, row.bottom + th.px(0.8), inner.w, h)
        # - and + for the minutes, then start or pause.
        toggle = Button(self.t(self._toggle_key()), self.timer.toggle, size="small")
        less = Button("–", self.less, size="small", align="center")
        more = Button("+", self.more, size="small", align="center")
        x = buttons_row.right
        for b, w in ((toggle, min(self._toggle_width(), inner.w - 2 * (h + th.px(0.8)))),
                     (more, h), (less, h)):
            b.rect = pygame.Rect(x - w, buttons_row.centery - h // 2, w, h)
            x -= w + th.px(0.8)
        progress = pygame.Rect(inner.x, buttons_row.bottom + th.px(0.6), inner.w, th.px(1.2))
        return TimerLayout(area, state, row, progress, [less, more, toggle])

    def _draw_timer(self, surface: pygame.Surface, timer: "TimerLayout") -> None:
        """Its state in words; minutes:seconds, big; the progress bar (the buttons are drawn
        with the others)."""
        th = self.theme
        p = th.palette
        panel(surface, timer.area, th, p.panel, p.ink if self.timer.done else p.panel_edge,
              shadow=False)
        self.drawing.blit(surface, timer.words)
        clock = tx.render(self.timer.clock(), self._clock_size(), p.ink, "bold")
        surface.blit(clock, clock.get_rect(midleft=(timer.clock.x, timer.clock.centery)))
        self._draw_progress(surface, timer.progress)

    def _draw_progress(self, surface, bar: pygame.Rect) -> None:
        """Time used as a quiet bar that fills up (the clock carries the number)."""
        th = self.theme
        p = th.palette
        timer = self.timer
        pygame.draw.rect(surface, p.track, bar, border_radius=bar.h // 2)
        used = 1 - timer.remaining / max(1, timer.minutes * 60)
        if used > 0:
            pygame.draw.rect(surface, p.fill, (bar.x, bar.y, int(bar.w * used), bar.h),
                             border_radius=bar.h // 2)
        pygame.draw.rect(surface, p.ink, bar, width=1, border_radius=bar.h // 2)


@dataclass
class TimerLayout:
    """The timer's panel: its state in words, the clock's row, the progress bar, its buttons."""

    area: pygame.Rect
    words: tx.Fit
    clock: pygame.Rect
    progress: pygame.Rect
    buttons: list[Button]


@dataclass
class DiscussionLayout:
    chrome: Chrome
    happened: pygame.Rect
    timer: TimerLayout
    prompts: pygame.Rect

    @property
    def buttons(self) -> list[Button]:
        """In focus order: the timer's, the bar's, the corners."""
        return self.timer.buttons + self.chrome.buttons
