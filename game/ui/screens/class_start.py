"""The start of a class session: which class (a short label), how many pupils, how long the lesson.

Asked once per session, before the story begins: the label keeps classes apart in the resume list
and the report; the size lets the vote screen flag a count with more hands than pupils; the length
sets the lesson clock. The size of the last session is offered, so a teacher with one class only
checks it. Everything works with a finger too: big steps for the size, two buttons for the
length; only the label needs the keyboard (it may stay empty).

Keys: Up, Down and Tab go from field to field; in the label the keys type (Backspace erases);
in the size digits type a number, + and - (or Left and Right) change it by one; in the length
Left and Right choose; Enter starts; Esc goes back to the title.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...classroom.background_plan import BackgroundPlans
from ...classroom.lesson import LESSON_MINUTES
from ...classroom.records import LABEL_CHARS, MAX_CLASS_SIZE, label_char_allowed
from ...classroom.session import ClassPlan
from .. import text as tx
from ..bindings import DIGITS, ENTER, MINUS, PLUS, Binding, calls
from ..widgets import Button, focus_ring, panel
from .base import FramedScreen
from .chrome import Chrome, chrome, place_steps

FIELDS = ("label", "size", "length")
SIZE_STEPS = (-5, -1, 1, 5)
"""The size's buttons: a finger reaches any class size in a few presses."""


class ClassStartScreen(FramedScreen):
    """The form: label, class size, lesson length; `start()` begins the session."""

    BINDINGS = (
        Binding(ENTER, "start", "Start the lesson"),
        Binding((pygame.K_DOWN, pygame.K_TAB), "field(1)", "The next field"),
        Binding((pygame.K_UP,), "field(-1)", "The field before"),
        Binding((pygame.K_BACKSPACE,), "erase", "Erase the last letter or digit"),
        *(Binding(keys, f"type_digit({d})", f"Type {d} of the class size")
          for d, keys in enumerate(DIGITS)),
        Binding(PLUS + (pygame.K_RIGHT,), "step(1)", "One pupil more; the longer lesson"),
        Binding(MINUS + (pygame.K_LEFT,), "step(-1)", "One pupil fewer; the shorter lesson"),
    )

    def __init__(self, app, entry, class_size: int | None = None, lesson_minutes: int = 50):
        super().__init__(app)
        self.entry = entry
        self.label = ""
        self.class_size = class_size
        self.lesson_minutes = lesson_minutes if lesson_minutes in LESSON_MINUTES else 50
        self.field = "label"
        self._fresh = True
        """The next digit of the size starts a new number (the offered size is replaced)."""
        pygame.key.start_text_input()  # typed letters arrive as TEXTINPUT events
        # The lesson plans are worked out while the teacher fills the form in (the form is idle
        # meanwhile): the first scene's animation then does not share the processor with them.
        BackgroundPlans.start(entry.scenario, entry.content_hash)

    @property
    def takes_text(self) -> bool:
        """While the label is typed, letters are words, not keys: the app's L (language) and
        the focused button's Space leave them alone."""
        return self.field == "label"

    # --- the form -------------------------------------------------------------------------------

    def plan(self) -> ClassPlan:
        return ClassPlan(self.label.strip(), self.class_size, self.lesson_minutes)

    @property
    def ready(self) -> bool:
        return self.class_size is not None

    def start(self) -> None:
        if self.ready:
            self.app.begin_class(self.entry, self.plan())

    def back(self) -> None:
        self.app.show_title(self.app.catalogue.index_of(self.entry.path))

    def on_escape(self) -> None:
        self.back()

    def set_field(self, name: str) -> None:
        self.field = name
        self._fresh = True

    def type_text(self, text: str) -> None:
        """Typed letters go into the label, as many as it takes; others are left out."""
        if self.field != "label":
            return
        for char in text:
            if len(self.label) < LABEL_CHARS and label_char_allowed(char) \
                    and not (char == " " and (not self.label or self.label.endswith(" "))):
                self.label += char

    def type_digit(self, digit: int) -> None:
        current = 0 if self._fresh or self.class_size is None else self.class_size
        value = current * 10 + digit
        self.class_size = value if 1 <= value <= MAX_CLASS_SIZE else (digit or None)
        self._fresh = False

    def erase(self) -> None:
        if self.field == "label":
            self.label = self.label[:-1]
        elif self.field == "size" and self.class_size is not None:
            self.class_size = self.class_size // 10 or None
            self._fresh = False

    def change_size(self, step: int) -> None:
        self.set_field("size")
        base = self.class_size if self.class_size is not None else (0 if step > 0 else 26)
        self.class_size = max(1, min(MAX_CLASS_SIZE, base + step))

    def set_length(self, minutes: int) -> None:
        self.set_field("length")
        self.lesson_minutes = minutes

    # --- keys -------------------------------------------------------------------------------------

    action_start = calls("start")

    def action_field(self, step: int) -> None:
        self.set_field(FIELDS[(FIELDS.index(self.field) + step) % len(FIELDS)])

    action_erase = calls("erase")

    def action_type_digit(self, digit: int) -> None:
        self.type_digit(digit)

    def action_step(self, step: int) -> None:
        if self.field == "size":
            self.change_size(step)
            self.set_field("size")
        else:
            self.lesson_minutes = LESSON_MINUTES[0 if step < 0 else -1]

    def check_action(self, name: str, args: tuple) -> bool:
        if name == "type_digit":
            return self.field == "size"
        if name == "step":
            return self.field != "label"
        return True

    def handle_input(self, event: pygame.event.Event) -> object:
        if event.type == pygame.TEXTINPUT:
            self.type_text(event.text)
            return True
        if self.takes_text and event.type == pygame.KEYDOWN and event.unicode \
                and event.unicode.isprintable():
            return True  # its letter comes as TEXTINPUT; Space must not press a button
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for name, rect in self.layout().rows.items():
                if rect.collidepoint(event.pos) and not any(
                        b.contains(event.pos) for b in self.buttons()):
                    self.set_field(name)
                    return True
        return super().handle_input(event)

    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        return (self.label, self.class_size, self.lesson_minutes, self.field)

    def place(self) -> "StartLayout":
        th = self.theme
        from ..catalogue import text as card_text
        chips = [self.t("class_start_title"), card_text(self.entry.card.title, self.lang)]
        back = Button(self.t("back"), self.back, size="small", icon="left")
        if self.ready:
            primary = Button(self.t("class_start_go"), self.start, icon="right")
        else:
            primary = Button(self.t("class_start_need_size"), None, enabled=False)
        frame = chrome(self, chips, gap=1.5, left=[back], primary=primary)
        area = frame.content
        gap = th.px(1.5)
        row_h = min((area.h - 2 * gap) // 3, th.px(21))
        rows, words, controls = {}, {}, []
        step = th.px(9)
        for i, name in enumerate(FIELDS):
            rect = pygame.Rect(area.x, area.y + i * (row_h + gap), area.w, row_h)
            rows[name] = rect
            right = rect.right - th.px(1.5)
            if name == "size":
                buttons = [Button(f"{'+' if s > 0 else '–'}{abs(s)}",
                                  lambda s=s: self.change_size(s), align="center")
                           for s in SIZE_STEPS]
                left = place_steps(th, right, rect.centery, buttons[2:], step)
                left = place_steps(th, left - th.px(16), rect.centery, buttons[:2], step)
                controls += buttons
                box = pygame.Rect(left, rect.y, right - left, rect.h)
            elif name == "length":
                buttons = [Button(self.t("class_start_minutes_chosen" if m == self.lesson_minutes
                                         else "class_start_minutes", n=m),
                                  lambda m=m: self.set_length(m), align="center")
                           for m in LESSON_MINUTES]
                width = max(b.natural_width(th) for b in buttons)
                left = place_steps(th, right, rect.centery, buttons, step, width)
                controls += buttons
                box = pygame.Rect(left, rect.y, right - left, rect.h)
            else:
                w = max(th.px(30), tx.text_width("W" * LABEL_CHARS, th.heading, "bold") // 2)
                box = pygame.Rect(right - w, rect.centery - step // 2, w, step)
            words[name] = pygame.Rect(rect.x + th.px(2.5), rect.y + th.px(0.8),
                                      box.x - th.px(2) - rect.x - th.px(2.5),
                                      rect.h - th.px(1.6))
            if name == "label":
                words["label_box"] = box
        return StartLayout(frame, rows, words, controls)

    # --- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_static(surface, self.compose, *self.layout_state(), self.focus.index)

    def draw_content(self, surface: pygame.Surface, lay: "StartLayout") -> None:
        th = self.theme
        p = th.palette
        texts = {"label": ("class_start_label", "class_start_label_hint"),
                 "size": ("class_start_size", "class_start_size_hint"),
                 "length": ("class_start_length", "class_start_length_hint")}
        for name, rect in lay.rows.items():
            active = name == self.field
            panel(surface, rect, th, p.panel, p.ink if active else p.panel_edge)
            title, hint = (self.t(k) for k in texts[name])
            box = lay.words[name]
            head = self.drawing.fit(title, pygame.Rect(box.x, box.y, box.w, box.h // 2),
                                    th.body, p.ink, "bold", th.body_min)
            tail = self.drawing.fit(hint, pygame.Rect(box.x, box.y, box.w, box.h - head.height),
                                    th.small, p.ink_muted, "regular", th.small_min)
            head.box.y = box.centery - (head.height + tail.height) // 2
            tail.box.y = head.box.y + head.height
            head.blit(surface)
            tail.blit(surface)
            if active:  # a bar at the left edge besides the ring: never colour alone
                pygame.draw.rect(surface, p.focus, (rect.x, rect.y, th.px(0.9), rect.h),
                                 border_top_left_radius=th.radius,
                                 border_bottom_left_radius=th.radius)
                focus_ring(surface, rect, th)
        self._draw_label_box(surface, lay.words["label_box"])
        self._draw_size(surface, lay)
        self._draw_length(surface, lay)
        for b in lay.controls:
            b.draw(surface, th)

    def _draw_label_box(self, surface, box: pygame.Rect) -> None:
        th = self.theme
        p = th.palette
        pygame.draw.rect(surface, p.backdrop, box, border_radius=th.radius)
        pygame.draw.rect(surface, p.ink, box, width=max(2, th.px(0.3)), border_radius=th.radius)
        inner = box.inflate(-th.px(3), -th.px(1))
        if self.label:
            fit = self.drawing.fit(self.label, inner, th.heading, p.on_backdrop, "bold",
                                   th.body_min)
        else:
            fit = self.drawing.fit(self.t("class_start_label_example"), inner, th.body,
                                   p.on_backdrop_muted, "italic", th.small_min)
        rect = fit.blit(surface, "center")
        if self.field == "label":  # the caret, where the next letter goes
            x = (rect.right + th.px(0.4)) if self.label else inner.x
            pygame.draw.rect(surface, p.on_backdrop,
                             (x, inner.y + th.px(0.8), max(2, th.px(0.35)),
                              inner.h - th.px(1.6)))

    def _draw_size(self, surface, lay: "StartLayout") -> None:
        th = self.theme
        p = th.palette
        minus, plus = lay.controls[1], lay.controls[2]
        middle = pygame.Rect(minus.rect.right, lay.rows["size"].y,
                             plus.rect.x - minus.rect.right, lay.rows["size"].h)
        text = str(self.class_size) if self.class_size is not None else "?"
        number = tx.render(text, th.heading, p.ink, "bold")
        surface.blit(number, number.get_rect(center=middle.center))

    def _draw_length(self, surface, lay: "StartLayout") -> None:
        """The chosen length: its button underlined by a thick bar, besides its words."""
        th = self.theme
        for b, minutes in zip(lay.controls[4:], LESSON_MINUTES):
            if minutes == self.lesson_minutes:
                pygame.draw.rect(surface, th.palette.focus,
                                 (b.rect.x, b.rect.bottom + th.px(0.4), b.rect.w, th.px(0.9)))

    def buttons(self) -> list[Button]:
        return self.layout().buttons


@dataclass
class StartLayout:
    chrome: Chrome
    rows: dict[str, pygame.Rect]
    """Each field's row, by name."""
    words: dict[str, pygame.Rect]
    """Where each field's title and hint go; "label_box" is where the label is typed."""
    controls: list[Button]
    """The size's -5, -1, +1, +5, then the lengths' buttons."""

    @property
    def buttons(self) -> list[Button]:
        return self.controls + self.chrome.buttons
