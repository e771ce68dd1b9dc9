"""The scene screen: the place, the cast on stage, beats one at a time, then the choices.

It renders `Run.view()` and calls `Run.choose`, `Run.advance` and `Run.back`; what a choice means
is the engine's business. Beats advance by click, Space or Enter; Backspace or Left goes back a
beat, and from the first beat back to the previous choice (`Run.back()`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from .. import stage
from .. import text as tx
from ..bindings import Binding, calls
from ..dialogue import (BoxLayout, chat_column, dialogue_layout, draw_chat, draw_dialogue,
                        draw_words, visible_prefix)
from ..intents import ShowConsequence, ShowEnding, ShowVote
from ..widgets import Button, FocusList, panel
from .base import Screen
from .chrome import Chip, draw_header, header_bottom, header_chips, place_bar
from .touch import TouchCorners, TouchWords, nav_slots, touch_height

TYPE_SPEED = {"instant": 0.0, "normal": 55.0, "slow": 22.0}
"""Characters a second for the typewriter; 0 shows the whole beat at once."""


def fit_choices(buttons: list[Button], theme, heights_now, room: int
                ) -> tuple[list[int], int, bool]:
    """(heights, gap, fits) of the choice buttons in `room` pixels.

    Each choice is as tall as its wrapped text (`heights_now()` measures them at the buttons'
    current text size). Where they do not fit with the usual gap (a 4:3 screen wraps more lines,
    larger text settings need more room), the gap is squeezed first; then the text of every
    choice gets smaller together, in `text.fit`'s steps, down to the smallest body size. Where
    they already fit nothing changes."""
    gaps = (theme.px(1.4), theme.px(0.6))
    n = max(0, len(buttons) - 1)
    sizes = list(buttons[0].sizes_down(theme)) if buttons else [None]
    for size in sizes:
        for b in buttons:
            b.text_size = size
        heights = heights_now()
        for gap in gaps:
            if sum(heights) + gap * n <= room:
                return heights, gap, True
    return heights, gaps[-1], False


FIGURE_HEIGHT = 0.74
"""How tall the cast is drawn, as a share of the screen height (the tallest look fills it)."""
FEET_LINE = 0.97
"""Where the cast's feet stand, as a share of the screen height: on the floor of every place, in
front of its furniture, below the dialogue box's top."""


def stand_xs(n: int, width: int, height: int) -> list[float]:
    """Where the centres of `n` characters stand across a screen of `width` by `height`."""
    spread = min(width * 0.8, height * 0.55 * n)
    left = (width - spread) / 2
    return [left + spread * (i + 0.5) / max(1, n) for i in range(n)]


class SceneScreen(Screen):
    BINDINGS = (
        *(Binding((pygame.K_1 + i, pygame.K_KP1 + i, pygame.K_a + i), f"choose({i})",
                  f"Choice {i + 1} ({'ABCD'[i]})") for i in range(4)),
        Binding((pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_RIGHT,
                 pygame.K_PAGEDOWN), "advance", "Go on"),
        Binding((pygame.K_BACKSPACE, pygame.K_LEFT, pygame.K_PAGEUP), "back",
                "Back a beat, or to the previous choice"),
    )

    def __init__(self, app, run, at_choices: bool = False, at_last_beat: bool = False):
        super().__init__(app)
        self.run = run
        self.view = run.view()
        self.beat = 0
        self.phase = "beats"
        self.typed = 0.0
        self.choice_focus = FocusList()
        self.nav = FocusList()
        self._vote_due = False
        """Class mode: the choices go to the class vote as soon as this screen is on top."""
        if at_choices:
            self._to_end_of_scene()
        elif at_last_beat:
            self._start_beat(len(self.view.beats) - 1, typed=True)
        else:
            self._start_beat(0)

    # --- state ----------------------------------------------------------------------------------

    @property
    def is_chat(self) -> bool:
        return self.view.place == "group_chat"

    def current_beat(self):
        return self.view.beats[self.beat] if self.view.beats else None

    def _start_beat(self, index: int, typed: bool = False) -> None:
        self.phase = "beats"
        self.beat = max(0, min(index, len(self.view.beats) - 1))
        beat = self.current_beat()
        speed = TYPE_SPEED.get(self.app.settings.text_speed, 0.0)
        self.typed = float(len(beat.text)) if (typed or speed <= 0 or beat is None) else 0.0

    def show_beat(self, index: int) -> None:
        """Stand at beat `index` (the last if there are fewer), shown whole: the live preview
        keeps the author at the beat they were reading when the file was saved."""
        self._start_beat(index, typed=True)

    def _to_end_of_scene(self) -> None:
        self._start_beat(len(self.view.beats) - 1, typed=True)
        if self.view.choices:
            self.show_choices()

    def show_choices(self) -> None:
        self.phase = "choices"
        self.choice_focus = FocusList()  # no focus yet: a stray Enter never picks a choice
        if self.app.classroom is not None:  # class mode: the class votes on the choices
            self._vote_due = True
            self._start_vote()

    def _start_vote(self) -> None:
        if self._vote_due and self.app.top is self:
            self._vote_due = False
            self.app.go(ShowVote(self.run))

    def typing(self) -> bool:
        beat = self.current_beat()
        return self.phase == "beats" and beat is not None and self.typed < len(beat.text)

    def refresh(self) -> None:
        """The language changed (or the theme): the same moment, in the new words."""
        self.view = self.run.view()
        self.beat = min(self.beat, max(0, len(self.view.beats) - 1))
        beat = self.current_beat()
        if beat is not None:
            self.typed = float(len(beat.text))

    def finish_animations(self) -> None:
        beat = self.current_beat()
        if beat is not None:
            self.typed = float(len(beat.text))

    def update(self, dt: float) -> bool:
        self._start_vote()
        if not self.typing():
            return False
        self.typed += TYPE_SPEED.get(self.app.settings.text_speed, 0.0) * dt
        beat = self.current_beat()
        if TYPE_SPEED.get(self.app.settings.text_speed, 0.0) <= 0:
            self.typed = float(len(beat.text))
        return True

    # --- actions --------------------------------------------------------------------------------

    def advance(self) -> None:
        """Next: finish typing, next beat, the choices, the next scene, or the ending."""
        if self.typing():
            self.finish_animations()
            return
        if self.phase == "choices":
            return
        if self.beat < len(self.view.beats) - 1:
            self._start_beat(self.beat + 1)
        elif self.view.choices:
            self.show_choices()
        elif self.view.can_advance:
            self.view = self.run.advance()
            self._start_beat(0)
        elif self.view.ending is not None:
            self.app.go(ShowEnding(self.run))

    def back(self) -> None:
        if self.phase == "choices":
            self._start_beat(len(self.view.beats) - 1, typed=True)
        elif self.beat > 0:
            self._start_beat(self.beat - 1, typed=True)
        elif self.app.classroom is not None and self.run.moves()[-1:] not in ((), (None,)):
            self.app.open_timeline()  # class mode: undoing a vote is a what-if, on the timeline
        elif self.run.back():
            self.view = self.run.view()
            self._to_end_of_scene()

    def choose(self, choice_id: str) -> None:
        """Take a choice and show what it did."""
        choice = next(c for c in self.view.choices if c.id == choice_id)
        if not choice.available:
            return
        before = self.view
        outcome = self.run.choose(choice_id)
        self.app.go(ShowConsequence(self.run, outcome, before))

    def check_action(self, name: str, args: tuple) -> bool:
        if name == "choose":
            return self.phase == "choices" and args[0] < len(self.view.choices)
        if name == "advance":  # with the choices shown, Enter and Space press the focused one
            return self.phase == "beats"
        return True

    def action_choose(self, index: int) -> None:
        self.choose(self.view.choices[index].id)

    action_advance = calls("advance")
    action_back = calls("back")

    def handle_input(self, event: pygame.event.Event) -> object:
        lay = self.layout()
        self.nav.buttons = lay.nav
        pressed = self.nav.handle(event, arrows=False) if event.type != pygame.KEYDOWN else None
        if isinstance(pressed, Button):
            pressed.action()
            return True
        if self.phase == "choices":
            self.choice_focus.buttons = lay.choices.buttons
            chosen = self.choice_focus.handle(event)
            if isinstance(chosen, Button):
                if chosen.enabled:
                    chosen.action()
                return True
            return chosen or pressed
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and not any(
                b.contains(event.pos) for b in lay.nav):
            self.advance()
            return True
        return pressed

    def buttons(self) -> list[Button]:
        """The choices (when they show), then the corner buttons and Back and Next."""
        lay = self.layout()
        return (lay.choices.buttons if lay.choices else []) + lay.nav

    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        return self.view, self.phase, self.beat

    def header_words(self) -> tuple[list[str], list[str]]:
        """The header's two rows of chips: where it happens (and the step of the bystander
        model the class is at), then the player's role and how the victim is doing."""
        v = self.view
        return ([v.place_label] + ([self.t("step", step=v.step_label)] if v.step_label else []),
                [self.t("your_role", role=v.role_label),
                 self.t("condition", name=self.run.victim_view().name,
                        condition=v.condition.label)])

    def place(self) -> "SceneLayout":
        th = self.theme
        v = self.view
        where, status_words = self.header_words()
        chips = header_chips(th, where)
        top = header_bottom(th, chips)
        status = header_chips(th, status_words, top=top)
        header = header_bottom(th, status, top)
        corners = self.corner_buttons()
        content_top = max(header, corners[-1].rect.bottom) + th.px(1)
        lay = SceneLayout(chips + status, corners, content_top)
        if self.phase == "choices":
            lay.choices = self._place_choices(content_top)
            lay.nav = corners + [lay.choices.back]
            return lay
        beat = self.current_beat()
        footer_h = self.footer_height()
        if self.is_chat:
            column = chat_column(th)
            lay.chat = column
            lay.footer = pygame.Rect(column.x, th.height - th.margin - footer_h, column.w,
                                     footer_h)
        elif beat is not None:
            lay.dialogue = dialogue_layout(th, beat.text, beat.speaker is None, footer_h)
            lay.footer = lay.dialogue.footer
        else:
            return lay
        back = Button(self.t("back"), self.back, size=self.footer_button_size, icon="left")
        nxt = Button(self.t("next"), self.advance, size=self.footer_button_size, icon="right")
        place_bar(th, lay.footer, [], [back, nxt], th.px(1))
        lay.counter = pygame.Rect(lay.footer.x, lay.footer.y,
                                  max(1, back.rect.x - th.px(1) - lay.footer.x), lay.footer.h)
        lay.nav = corners + [back, nxt]
        return lay

    def _place_choices(self, top: int) -> "ChoicesLayout":
        """The panel of choices at the bottom, as tall as they need (from `top` at most): the
        heading, a button a choice, and Back under them."""
        th = self.theme
        m = th.margin
        pad = th.px(2)
        width = th.width - 2 * m
        inner = width - 2 * pad
        buttons = []
        for c in self.view.choices[:4]:
            buttons.append(Button(c.text, lambda cid=c.id: self.choose(cid), badge=c.number,
                                  badge_sub=c.letter, enabled=c.available, reason=c.reason))
        heading = self.t("what_do_you_do")
        heading_h = tx.font(th.heading, "bold").size(heading)[1]
        back = Button(self.t("back"), self.back, size=self.footer_button_size, icon="left")
        back_h = self.footer_height()
        fixed = pad + heading_h + th.px(1) + th.px(1.5) + back_h + pad
        heights, gap, fits = fit_choices(buttons, th, lambda: self._choice_heights(buttons, inner),
                                         th.height - m + 1 - top - fixed)
        total = fixed + sum(heights) + gap * (len(heights) - 1)
        box = pygame.Rect(m, max(top, th.height - m - total), width, total)
        box.h = min(box.h, th.height - m - box.y)
        back.rect = pygame.Rect(box.x + pad, box.bottom - pad - back_h, back.natural_width(th),
                                back_h)
        y = box.y + pad + heading_h + th.px(1)
        for b, bh in zip(buttons, heights):
            b.rect = pygame.Rect(box.x + pad, y, inner, bh)
            y += bh + gap
        return ChoicesLayout(box, heading, buttons, back, fits)

    # --- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """The layer holds the place, the cast, the box and the buttons, composed again per
        beat, phase and choice focus; the beat's words are drawn on it each frame, so typing
        costs a blit and a line of text. In a group chat the words typed so far are part of the
        layer, composed again per word (bubbles are cheap to draw, a chat has no cast)."""
        beat = self.current_beat()
        shown = visible_prefix(beat.text, self.typed) if beat else ""
        words_apart = self.phase == "beats" and not self.is_chat
        self.draw_static(surface, self.compose, *self.layout_state(), self.choice_focus.index,
                         None if words_apart else shown)
        dialogue = self.layout().dialogue
        if words_apart and dialogue is not None:
            draw_words(surface, self.theme, dialogue, shown)

    def compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        lay = self.layout()
        self._draw_stage(surface)
        draw_header(surface, th, lay.chips)
        if lay.choices is not None:
            self._draw_choices(surface, lay)
            return
        beat = self.current_beat()
        if lay.chat is not None:
            shown = visible_prefix(beat.text, self.typed) if beat else ""
            ok = draw_chat(surface, th, lay.chat, lay.footer.y - th.px(1.5), lay.content_top,
                           [(b.text, b.speaker_name) for b in self.view.beats[:self.beat + 1]],
                           shown)
            self.drawing.check(beat.text if beat else "", ok)
            self._draw_footer(surface, lay, on_panel=False)
        elif lay.dialogue is not None:
            draw_dialogue(surface, th, lay.dialogue, None, beat.speaker_name,
                          self._speaker_x(beat))
            self.drawing.check(beat.text, lay.dialogue.text.fits)
            self._draw_footer(surface, lay, on_panel=not lay.dialogue.narration)

    def _draw_footer(self, surface, lay: "SceneLayout", on_panel: bool) -> None:
        """The beat counter (with how to go on, when there is room) left of Back and Next."""
        th = self.theme
        p = th.palette
        bar = lay.counter  # the footer's left part, up to Back (event mode: between the two)
        counter = f"{self.beat + 1} / {len(self.view.beats)}"
        colour = p.ink_muted if on_panel else p.on_narration
        if not on_panel and self.is_chat:
            counter_surface = tx.render(counter, th.small, p.on_backdrop, "bold")
            bg = pygame.Rect(bar.x, bar.y, counter_surface.get_width() + th.px(2), bar.h)
            pygame.draw.rect(surface, p.backdrop, bg,
                             border_radius=th.radius if self.tall_footer else bar.h // 2)
            surface.blit(counter_surface, counter_surface.get_rect(center=bg.center))
        else:
            hint = tx.fit(f"{counter}   ·   {self.t('hint_advance')}", lay.counter, th.small,
                          colour, "regular", th.small_min)
            if hint.fits:
                hint.blit(surface, "center")
            else:
                counter_surface = tx.render(counter, th.small, colour)
                surface.blit(counter_surface, counter_surface.get_rect(
                    midleft=(bar.x, bar.centery)) if self.tall_footer else (bar.x, bar.y))
        for b in lay.nav:
            b.draw(surface, th)

    footer_button_size = "small"
    """The text size of Back and Next (and of Back under the choices): small beside the words;
    touch variants use body-sized buttons."""
    tall_footer = False
    """Whether the footer is touch-tall: then the beat counter is centred in it and the chat's
    counter is rounded like the buttons beside it, where on a low footer it is a pill."""

    def footer_height(self) -> int:
        """The height of the row with Back and Next (and of Back under the choices); touch
        variants make it touch-high."""
        return tx.line_height(self.theme.small, "bold") + self.theme.px(1.2)

    def _draw_choices(self, surface, lay: "SceneLayout") -> None:
        th = self.theme
        p = th.palette
        choices = lay.choices
        box = choices.box
        pad = th.px(2)
        if self.is_chat:  # the messages stay in view above the choices, newest last, so the
            # player answers what they can still read; the oldest go first when there is
            # little room
            draw_chat(surface, th, chat_column(th), box.y - th.px(1.5), lay.content_top,
                      [(b.text, b.speaker_name) for b in self.view.beats],
                      self.view.beats[-1].text)
        panel(surface, box, th, p.backdrop, p.backdrop)
        heading = tx.render(choices.heading, th.heading, p.on_backdrop, "bold")
        surface.blit(heading, (box.x + pad, box.y + pad))
        self.choice_focus.buttons = choices.buttons
        self.choice_focus.draw(surface, th)
        self._draw_keys_hint(surface, box, pad, heading.get_height(), choices.back)
        for b in lay.nav:
            b.draw(surface, th)
        self.drawing.check("(choice panel height)", choices.fits)

    def _draw_keys_hint(self, surface, box: pygame.Rect, pad: int, heading_h: int,
                        back: Button) -> None:
        """The keys that pick a choice, at the right of the heading; touch variants say to touch
        instead, beside their taller Back."""
        th = self.theme
        keys = tx.render(self.t("hint_keys"), th.small, th.palette.on_backdrop_muted)
        surface.blit(keys, keys.get_rect(bottomright=(box.right - pad,
                                                      box.y + pad + heading_h - 4)))

    def _choice_heights(self, buttons: list[Button], inner: int) -> list[int]:
        """How tall each choice is drawn at its current text size; touch screens make it
        taller."""
        return [b.preferred_height(self.theme, inner) for b in buttons]

    def _speaker_x(self, beat) -> int | None:
        if beat.speaker is None:
            return None
        for member, cx in self._positions():
            if member.id == beat.speaker:
                return int(cx)
        return None

    def _positions(self):
        cast = list(self.view.cast)
        return list(zip(cast, stand_xs(len(cast), self.theme.width, self.theme.height)))

    def _expressions(self):
        beat = self.current_beat() if self.phase == "beats" else None
        out = []
        for member, cx in self._positions():
            expression = member.expression
            if beat is not None and beat.speaker == member.id and beat.expression:
                expression = beat.expression
            out.append((member, cx, expression))
        return out

    def _draw_stage(self, surface: pygame.Surface) -> None:
        """The place under the victim's light, and the cast with their expressions."""
        th = self.theme
        surface.blit(stage.place(self.view.place, self.view.condition.light,
                                 (th.width, th.height)), (0, 0))
        if not self.is_chat:
            height = int(th.height * FIGURE_HEIGHT)
            for member, cx, expression in self._expressions():
                facing = 1 if cx < th.width / 2 else -1
                figure = stage.character(member.look, expression, height,
                                         posture=stage.posture_for(expression), facing=facing)
                surface.blit(figure, figure.get_rect(midbottom=(cx, th.height * FEET_LINE)))


class TouchSceneScreen(TouchCorners, TouchWords, SceneScreen):
    """Beats and choices with touch-sized Back, Next, choice, language and menu buttons."""

    footer_button_size = "body"
    tall_footer = True

    def header_words(self) -> tuple[list[str], list[str]]:
        """Where it happens and the player's role, without the class's theory: a visitor
        does not know the bystander model's steps ("Step: interpret as a problem") or the
        victim's condition by its name ("Fenna: coping"); the consequence says in words how
        she is doing."""
        v = self.view
        return [v.place_label], [self.t("your_role", role=v.role_label)]

    def place(self) -> "SceneLayout":
        """The parent's layout with Back and Next where every story screen of event mode has
        them (`nav_slots`), the beat counter between them."""
        lay = super().place()
        back_slot, next_slot = nav_slots(self)
        if lay.choices is not None:
            lay.choices.back.rect = back_slot
        elif lay.counter is not None:
            back, nxt = lay.nav[-2:]
            back.rect, nxt.rect = back_slot, next_slot
            gap = self.theme.px(1)
            lay.counter = pygame.Rect(back.rect.right + gap, back.rect.y,
                                      max(1, nxt.rect.x - back.rect.right - 2 * gap), back.rect.h)
        return lay

    def footer_height(self) -> int:
        return touch_height(self.theme)

    def _draw_keys_hint(self, surface, box: pygame.Rect, pad: int, heading_h: int,
                        back: Button) -> None:
        hint = tx.render(self.t("hint_keys"), self.theme.small,
                         self.theme.palette.on_backdrop_muted)
        surface.blit(hint, hint.get_rect(midright=(box.right - pad, back.rect.centery)))

    def _choice_heights(self, buttons: list[Button], inner: int) -> list[int]:
        return [max(touch_height(self.theme), h) for h in super()._choice_heights(buttons, inner)]


@dataclass
class ChoicesLayout:
    """The panel of choices: its box, its heading's words, a button a choice, Back, and whether
    the choices fit (`fit_choices`)."""

    box: pygame.Rect
    heading: str
    buttons: list[Button]
    back: Button
    fits: bool


@dataclass
class SceneLayout:
    """The header's two rows of chips, the corner buttons, where the chat and the choices may
    start; then either the choices, or a beat's dialogue box (or the chat's column) with its
    footer of Back and Next. `nav`: the corner buttons, Back and Next (or Back)."""

    chips: list[Chip]
    corners: list[Button]
    content_top: int
    choices: ChoicesLayout | None = None
    dialogue: BoxLayout | None = None
    chat: pygame.Rect | None = None
    footer: pygame.Rect | None = None
    counter: pygame.Rect | None = None
    """The footer left of Back: the beat's number, and how to go on when there is room."""
    nav: list[Button] = field(default_factory=list)
