"""The attract loop: what the event screen shows while nobody plays.

The title, the story on offer (in turn, when there are several) with its place and its cast
walking in, today's count of players and how many of them stepped in, and an invitation to touch,
in Dutch and English by turns (or only the language set in `kiosk_lang`), its button ringed.

It runs all day on one screen, so it moves gently and costs little. At every turn of the
language (every `LANG_SECONDS`) the picture changes for `CHANGE_SECONDS`: the story's next place
cross-fades in behind the words, the cast steps to new spots and the ring around the start
button breathes once. Something changes every few seconds for an eye three metres away, and no
picture stands still for hours on an OLED or plasma screen. In between nothing moves and nothing
is drawn: presenting a 1080p frame costs about 12 ms of a core where OpenGL runs in software
(no graphics drivers), so what the loop costs is how many frames it presents, at most
`MOTION_FPS` a second and only while something moves. Those frames put back and redraw only the
part right of the column (the fade and the cast) and the ring, over still pictures composed once
per change of words and place. With reduced motion nothing moves: the picture and the words
change at each turn in one redraw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from .. import stage
from .. import text as tx
from ..bindings import ENTER, Binding
from ..drawing import Drawing
from ..i18n import t
from ..widgets import Button, FocusList, ease_in_out, ease_out, focus_ring, panel
from .base import Screen
from .touch import touch_height

LANG_SECONDS = 7.0
"""How long each language stays on screen."""
MOTION_FPS = 8
"""Frames a second while something moves: the motion is slow, and every frame presented costs."""
SLIDE_SECONDS = 1.2
"""Cast walking in when a story comes on screen."""
CHANGE_SECONDS = 1.6
"""At each turn of the language: the place cross-fades, the cast steps aside, the ring breathes."""
PLACES = 3
"""The story's places shown in turn (its first ones, in the story's order)."""
CAST_SPOTS = (0.0, 0.08, -0.06)
"""Where the cast stand at each turn, as a share of the width right of the column: a few spots
in turn, so that no figure stands on the same pixels all day."""


def balanced_width(text: str, width: int, size: int, style: str) -> int:
    """The narrowest width that wraps `text` into as few lines as `width` does, so that a
    sentence breaks into even lines rather than leaving one word on the last."""
    height = tx.wrapped_height(text, width, size, style)
    lo, hi = width // 3, width
    while hi - lo > max(4, width // 64):
        mid = (lo + hi) // 2
        if tx.wrapped_height(text, mid, size, style) <= height:
            hi = mid
        else:
            lo = mid
    return hi


class AttractScreen(Screen):
    BINDINGS = (
        Binding((*ENTER, pygame.K_SPACE), "press_or('start')",
                "Press the focused button, else start in the language on screen"),
        *(Binding((pygame.K_1 + i,), f"start_button({i})", f"Start button {i + 1}")
          for i in range(9)),
    )

    def __init__(self, app):
        super().__init__(app)
        self.elapsed = 0.0
        self.focus = FocusList(hover=True)  # the start buttons show the mouse over them
        self._drawn_state = None
        self._still_key = None
        self._still: pygame.Surface | None = None
        self._fade_from: pygame.Surface | None = None
        """The part right of the column as the last turn showed it, while it fades out."""

    # --- the cycle --------------------------------------------------------------------------------

    @property
    def langs(self) -> tuple[str, ...]:
        return self.app.config.langs

    @property
    def entries(self):
        return self.app.config.entries

    @property
    def shown_lang(self) -> str:
        return self.langs[int(self.elapsed // LANG_SECONDS) % len(self.langs)]

    @property
    def story_seconds(self) -> float:
        """Each story stays for one round of every language."""
        return LANG_SECONDS * len(self.langs)

    @property
    def story_index(self) -> int:
        return int(self.elapsed // self.story_seconds) % len(self.entries)

    @property
    def turn(self) -> int:
        """The turns of the language so far: the picture changes at each."""
        return int(self.elapsed // LANG_SECONDS)

    @property
    def changing(self) -> float | None:
        """How far the change to this turn's place and spots has got (0 to 1), while it runs;
        else None. A story coming on screen walks its cast in instead."""
        if self.app.settings.reduced_motion or self.turn == 0 or self.walking_in:
            return None
        into = self.elapsed % LANG_SECONDS / CHANGE_SECONDS
        return into if into < 1 else None

    @property
    def moving(self) -> bool:
        return self.walking_in or self.changing is not None

    def _frame_state(self) -> tuple:
        """What a frame drawn now would show, as far as deciding whether to draw one goes: the
        words and the turn, and while something moves, which of its frames."""
        key = (self.shown_lang, self.story_index, self.turn)
        return key + (int(self.elapsed * MOTION_FPS),) if self.moving else key

    def seek(self, seconds: float) -> None:
        """Jump to a moment of the cycle (pictures and tests)."""
        self.elapsed = max(0.0, seconds)
        self._drawn_state = None

    def update(self, dt: float) -> bool:
        """Whether to draw: a new frame of what moves, or the picture of a new turn."""
        self.elapsed += dt
        return self._frame_state() != self._drawn_state

    def refresh(self) -> None:
        self._still_key = None
        self._fade_from = None

    def on_escape(self) -> None:
        """Nothing: visitors have no way out of event mode."""

    # --- starting ---------------------------------------------------------------------------------

    def start(self, lang: str | None = None) -> None:
        self.app.choose_story(lang or self.shown_lang, self.story_index)

    def buttons(self) -> list[Button]:
        return self.starts

    @property
    def starts(self) -> list[Button]:
        """The big start buttons, one a language (or one Play)."""
        return self.layout().starts

    def check_action(self, name: str, args: tuple) -> bool:
        return name != "start_button" or args[0] < len(self.starts)

    def action_start_button(self, index: int) -> None:
        self.starts[index].action()

    def handle_input(self, event: pygame.event.Event) -> object:
        """The start buttons; a touch anywhere else starts, in the language on screen."""
        self.focus.buttons = self.starts
        pressed = self.focus.handle(event)
        if isinstance(pressed, Button):
            pressed.action()
            return True
        if (event.type == pygame.MOUSEBUTTONUP and event.button == 1
                and not any(b.contains(event.pos) for b in self.starts)):
            self.start()  # a touch anywhere starts, in the language on screen
            return True
        return pressed

    # --- drawing ----------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        th = self.theme
        entry = self.entries[self.story_index]
        lang = self.shown_lang
        counts = self.app.counter.counts()
        turn = self.turn
        change = self.changing
        place = self._place(entry, turn)
        words = ((th.width, th.height), th.high_contrast, th.text_scale, lang, self.story_index,
                 counts.visitors_started, counts.visitors_stepped_in)
        right = self._right()
        if (words, place) != self._still_key or self._still is None:
            self._still = self._still_picture(entry, place)
            self._still_key = (words, place)
            self._fade_from = None
            before = self._place(entry, turn - 1)
            if change is not None and before != place:  # the last turn's place, to fade out
                size = (th.width, th.height)
                self._fade_from = stage.place(before, "warm", size).subsurface(right).copy()
                self._count_over = self._count_overlay(counts, lang)
        if change is None:
            self._fade_from = None
        buttons = (self.focus.index, tuple(b.hover for b in self.starts))
        patch = self.window_shows_last_frame(surface, (words, buttons))
        if patch:  # the window still shows our last frame: put back only what moved
            for rect in self._moved:
                surface.blit(self._still, rect, rect)
        else:
            surface.blit(self._still, (0, 0))
        moved = []
        if self._fade_from is not None:  # the places fade, the count stays on top
            self._fade_from.set_alpha(round(255 * (1 - ease_in_out(change))))
            moved.append(surface.blit(self._fade_from, right))
            surface.blit(*self._count_over)
        spot = CAST_SPOTS[turn % len(CAST_SPOTS)]
        slide = 0.0
        if change is not None:
            before = CAST_SPOTS[(turn - 1) % len(CAST_SPOTS)]
            spot = before + (spot - before) * ease_in_out(change)
        elif self.walking_in:
            into = self.elapsed % self.story_seconds / SLIDE_SECONDS
            slide = (1 - ease_out(into)) * right.w * 0.6
        moved += self._draw_cast(surface, entry, spot, slide)
        moved += self._draw_starts(surface, lang, breath=change)
        self._moved = moved
        self.patched = patch
        self.changed = moved if patch else None
        self._drawn_state = self._frame_state()

    patched = False
    """Whether the last frame was drawn by putting back only what moved."""
    _moved: list[pygame.Rect] = []
    _count_over: tuple[pygame.Surface, pygame.Rect] | None = None

    def _still_picture(self, entry, place: str) -> pygame.Surface:
        """Everything that stays still until the words or the place change: the place, the
        column, the texts and the count."""
        still = stage.place(place, "warm", (self.theme.width, self.theme.height)).copy()
        self.composing(self.compose)(still)
        if self.theme.width > 0 and pygame.display.get_surface() is not None:
            still = still.convert()
        return still

    def _count_overlay(self, counts, lang: str) -> tuple[pygame.Surface, pygame.Rect]:
        """The count's panel with its shadow, on a transparent surface, and where it goes: drawn
        over the places while they fade (the still picture has it over the new place)."""
        th = self.theme
        box = self.layout().count
        area = box.inflate(4 * th.px(1), 4 * th.px(1))
        over = pygame.Surface(area.size, pygame.SRCALPHA)
        drawing, self.drawing = self.drawing, Drawing()  # the still's record stays the record
        try:
            self._draw_count(over, box.move(-area.x, -area.y), counts, lang)
        finally:
            self.drawing = drawing
        return over, area

    def _place(self, entry, turn: int) -> str:
        """The place shown at `turn`: the story's first `PLACES` places in turn, its first
        scene's first."""
        s = entry.scenario
        places = [s.scenes[s.start].place]
        for scene in s.scenes.values():
            if len(places) == PLACES:
                break
            if scene.place not in places:
                places.append(scene.place)
        return places[turn % len(places)]

    def _right(self) -> pygame.Rect:
        """The part of the screen right of the column: the place, the count and the cast."""
        left = self._column_w()
        return pygame.Rect(left, 0, max(0, self.theme.width - left), self.theme.height)

    # --- layout -----------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        counts = self.app.counter.counts()
        return (self.shown_lang, self.story_index, counts.visitors_started,
                counts.visitors_stepped_in)

    def place(self) -> "AttractLayout":
        """The column at the left: from the bottom up, the start buttons, the invitation and (on
        narrow screens) the count; from the top down, the title and the story on offer. On wide
        screens the count is at the top right, the cast standing below it."""
        th = self.theme
        p = th.palette
        w, h = th.width, th.height
        lang = self.shown_lang
        entry = self.entries[self.story_index]
        counts = self.app.counter.counts()
        column = pygame.Rect(0, 0, self._column_w(), h)
        m = th.margin
        x, inner = m + th.px(1), column.w - 2 * m - th.px(2)
        right = pygame.Rect(column.right + m, m, w - column.right - 2 * m, h - 2 * m)
        starts = self._start_buttons(lang)
        bh = max(touch_height(th), tx.line_height(th.body, "bold") + th.px(3))
        gap = th.px(3.5)  # room for the pulse between the buttons
        y = h - m - len(starts) * bh - (len(starts) - 1) * gap
        bw = min(inner, max([b.natural_width(th) for b in starts] + [inner * 2 // 3]))
        for b in starts:
            b.rect = pygame.Rect(x, y, bw, bh)
            y += bh + gap
        bottom = starts[0].rect.y - th.px(2)
        invite = self._fit(t("kiosk_touch_to_start", lang), x, bottom, inner, th.px(16),
                           th.heading, p.on_backdrop, "bold", th.body_min, from_bottom=True)
        bottom = invite.box.y - th.px(2.5)
        # The count at the top right, the cast standing below it (smaller if it needs the room);
        # on a screen too narrow for that, in the column above the invitation.
        cast_h = int(h * 0.62)
        if right.w >= h * 0.3:
            count = pygame.Rect(right.x, right.y, right.w, 0)
            count.h = self._count_height(count.w - 2 * th.px(1.8), counts, lang)
            cast_h = min(cast_h, h - th.px(4) - count.bottom - th.px(2))
        else:
            need = self._count_height(inner - 2 * th.px(2), counts, lang)
            count = pygame.Rect(x, bottom - need, inner, need)
            count.h = self._count_height(count.w - 2 * th.px(1.8), counts, lang)
            bottom = count.y - th.px(2)
        # From the top down: the title, what this is, and the story on offer. When not all of
        # it fits (a narrow screen, a large text size), the line about what this is goes first,
        # then the summary: the story's title and the way to start always stay.
        title = (x, th.px(3))
        y = th.px(3) + tx.font(th.title, "bold").size(t("app_title", lang))[1]
        for optional in (("invite", "summary"), ("summary",), ()):
            texts = self._story_texts(entry, lang, x, y, inner, bottom, optional)
            if all(f.fits for f in texts if f is not None):
                break
        return AttractLayout(column, starts, invite, count, cast_h, title,
                             [f for f in texts if f is not None])

    # --- drawing ----------------------------------------------------------------------------------

    def compose(self, still: pygame.Surface) -> None:
        """The column, its texts and the count over the place on `still`."""
        th = self.theme
        p = th.palette
        lay = self.layout()
        lang = self.shown_lang
        pygame.draw.rect(still, p.backdrop, lay.column)
        self.drawing.blit(still, lay.invite)
        self._draw_count(still, lay.count, self.app.counter.counts(), lang)
        still.blit(tx.render(t("app_title", lang), th.title, p.on_backdrop, "bold"), lay.title)
        for f in lay.texts:
            self.drawing.blit(still, f)

    def _story_texts(self, entry, lang: str, x: int, y: int, width: int, bottom: int,
                     optional: tuple[str, ...]) -> list[tx.Fit | None]:
        """The texts above the invitation, laid out from `y` down to `bottom`."""
        th = self.theme
        p = th.palette
        s = entry.scenario
        out: list[tx.Fit | None] = []

        def add(text, size, colour, style, min_size, gap_after):
            nonlocal y
            w = balanced_width(text, width, size, style)
            fit = tx.fit(text, pygame.Rect(x, y, w, max(1, bottom - y)), size, colour, style,
                         min_size)
            out.append(fit)
            y += fit.height + gap_after

        if "invite" in optional:
            add(t("kiosk_invite", lang), th.body, p.on_backdrop_muted, "italic", th.small_min,
                th.px(3))
        else:
            y += th.px(2)
        if len(self.entries) > 1:
            add(t("kiosk_story_n", lang, i=self.story_index + 1, n=len(self.entries)), th.small,
                p.on_backdrop_muted, "bold", th.small_min, 0)
        add(s.title.get_text(lang), th.heading, p.on_backdrop, "bold", th.body_min, th.px(0.8))
        if "summary" in optional:
            add(s.summary.get_text(lang), th.body, p.on_backdrop, "regular", th.small_min, 0)
        return out

    def _fit(self, text: str, x: int, y: int, w: int, h: int, size: int, colour, style: str,
             min_size: int, from_bottom: bool = False) -> tx.Fit:
        w = balanced_width(text, w, size, style)
        box = pygame.Rect(x, y - h if from_bottom else y, w, h)
        fit = tx.fit(text, box, size, colour, style, min_size)
        if from_bottom:
            fit.box.y = y - fit.height
        return fit

    # --- the count --------------------------------------------------------------------------------

    def _count_lines(self, counts, lang: str) -> list[str]:
        n = counts.visitors_started
        if n == 0:
            return [t("kiosk_be_first", lang)]
        played = t("kiosk_played_n", lang, n=n)
        share = counts.share_stepped_in
        if share is None:
            return [played]
        return [t("kiosk_stepped_in", lang, pct=f"{round(share * 100)}%"), played]

    def _count_height(self, width: int, counts, lang: str) -> int:
        th = self.theme
        lines = self._count_lines(counts, lang)
        h = tx.wrapped_height(lines[0], width, th.body, "bold")
        h += sum(tx.wrapped_height(line, width, th.small) for line in lines[1:])
        bar = th.px(1.8) + th.px(1) if counts.share_stepped_in is not None else 0
        return h + bar + 2 * th.px(1.8)

    def _draw_count(self, surface: pygame.Surface, box: pygame.Rect, counts, lang: str) -> None:
        """Today's players and the share who stepped in: in words, with a bar beside the words."""
        th = self.theme
        p = th.palette
        pad = th.px(1.8)
        panel(surface, box, th, p.narration, p.narration)
        y = box.y + pad
        lines = self._count_lines(counts, lang)
        for i, line in enumerate(lines):
            size, style = (th.body, "bold") if i == 0 else (th.small, "regular")
            width = balanced_width(line, box.w - 2 * pad, size, style)
            fit = self.drawing.fit(line, pygame.Rect(box.x + pad, y, width, box.bottom - y),
                                   size, p.on_narration, style, th.small_min)
            fit.blit(surface)
            y += fit.height
            share = counts.share_stepped_in
            if i == 0 and share is not None:
                bar = pygame.Rect(box.x + pad, y + th.px(0.5), box.w - 2 * pad, th.px(1.8))
                pygame.draw.rect(surface, p.track, bar, border_radius=bar.h // 2)
                pygame.draw.rect(surface, p.fill, (bar.x, bar.y, int(bar.w * share), bar.h),
                                 border_radius=bar.h // 2)
                pygame.draw.rect(surface, p.on_narration, bar, width=max(1, th.px(0.15)),
                                 border_radius=bar.h // 2)
                y = bar.bottom + th.px(0.5)

    # --- what moves -------------------------------------------------------------------------------

    def _start_buttons(self, lang: str) -> list[Button]:
        if len(self.langs) == 1:
            return [Button(t("play", lang), lambda: self.start(lang), icon="right")]
        return [Button(t("kiosk_play_in_lang", code), lambda c=code: self.start(c), icon="right")
                for code in self.langs]

    def _draw_starts(self, surface: pygame.Surface, lang: str,
                     breath: float | None = None) -> list[pygame.Rect]:
        """The start buttons and a ring around the one in the language on screen, breathing
        out and in once as `breath` goes from 0 to 1 (the invitation, moving); returns the area
        the buttons and the ring may cover (all of it is put back before the next frame: the
        ring reaches the neighbour's shadow, and a shadow drawn twice darkens)."""
        th = self.theme
        p = th.palette
        primary = self.starts[self.langs.index(lang)] if len(self.starts) > 1 else self.starts[0]
        for i, b in enumerate(self.starts):
            b.draw(surface, th, focused=self.focus.index == i)
        if self.app.settings.reduced_motion:
            grow = th.px(0.8)
        else:
            out = 0.0 if breath is None else 0.5 - 0.5 * math.cos(breath * 2 * math.pi)
            grow = th.px(0.6) + int(th.px(1.2) * out)
        ring = primary.rect.inflate(2 * grow, 2 * grow)
        pygame.draw.rect(surface, p.focus, ring, width=th.focus_width,
                         border_radius=th.radius + grow)
        if self.focus.index is not None:
            focus_ring(surface, self.starts[self.focus.index].rect, th)
        reach = 2 * (th.px(1.8) + 2 * th.focus_width + 2)
        return [b.rect.inflate(reach, reach) for b in self.starts]

    @property
    def walking_in(self) -> bool:
        """Whether the cast is walking in: when the loop starts, and when the next story comes
        on screen."""
        if self.app.settings.reduced_motion:
            return False
        if len(self.entries) == 1:
            return self.elapsed < SLIDE_SECONDS
        return self.elapsed % self.story_seconds < SLIDE_SECONDS

    def _column_w(self) -> int:
        return int(min(self.theme.width * 0.58, self.theme.height * 1.12))

    def _draw_cast(self, surface: pygame.Surface, entry, spot: float,
                   slide: float) -> list[pygame.Rect]:
        """The cast at `spot` (a share of the width right of the column, see CAST_SPOTS), and
        `slide` pixels further right while walking in; returns where they went."""
        th = self.theme
        h = th.height
        cast_h = self.layout().cast_h
        cast = list(entry.scenario.cast.values())[:3]
        left = self._column_w()
        span = th.width - left
        drawn = []
        for i, member in enumerate(cast):
            figure = stage.character(member.look, "neutral", max(8, cast_h),
                                     posture="upright", facing=-1 if i % 2 else 1)
            cx = left + span * ((i + 1) / (len(cast) + 1) + spot) + slide * (1 + 0.3 * i)
            drawn.append(surface.blit(figure, figure.get_rect(midbottom=(int(cx),
                                                                          h - th.px(4)))))
        return drawn


@dataclass
class AttractLayout:
    column: pygame.Rect
    starts: list[Button]
    invite: tx.Fit
    count: pygame.Rect
    cast_h: int
    """How tall the cast stands (below the count, on wide screens)."""
    title: tuple[int, int]
    """Where the game's name goes."""
    texts: list[tx.Fit]
    """The story on offer: what this is (if there is room), the story's title and summary."""
