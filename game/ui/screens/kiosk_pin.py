"""The organiser's code pad: the only way out of event mode when `kiosk_pin` is set.

Opened by Ctrl+Alt+Q or a three-second press in the top-left corner (see `ui/kiosk.py`). A touch
keypad and the keyboard's digits both work; the right code opens the organiser's menu, each wrong
code makes the next try wait longer (`event/code_lock.py`, the countdown in words on the pad),
three close the pad, and like every screen at an event it gives way to the attract loop when left
alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from .. import text as tx
from ..bindings import DIGITS, ENTER, Binding, calls
from ..widgets import Button, panel
from .base import Screen
from .touch import touch_height

MAX_ATTEMPTS = 3


class PinScreen(Screen):
    BINDINGS = (
        *(Binding(keys, f"type_digit('{d}')", f"Type {d}") for d, keys in enumerate(DIGITS)),
        Binding((pygame.K_BACKSPACE,), "delete", "Delete the last digit"),
        Binding(ENTER, "submit", "Try the code"),
    )

    def __init__(self, app, back_to: Screen, lock):
        super().__init__(app)
        self.back_to = back_to
        self.lock = lock
        """The organiser's code and the wait after wrong tries (`event.code_lock.CodeLock`)."""
        self._wait_shown = 0
        self.typed = ""
        self.wrong = 0
        self.message = ""

    # --- behaviour --------------------------------------------------------------------------------

    def type_digit(self, digit: str) -> None:
        if len(self.typed) < 12:
            self.typed += digit
        self.message = ""

    def delete(self) -> None:
        self.typed = self.typed[:-1]

    def submit(self) -> None:
        right = self.lock.attempt(self.typed)
        if right is None:
            return  # a wait runs: the countdown on the pad says so
        if right:
            self.app.open_organiser_menu()
            return
        self.wrong += 1
        self.typed = ""
        if self.wrong >= MAX_ATTEMPTS:
            self.cancel()
        else:
            self.message = self.t("kiosk_pin_wrong")

    def cancel(self) -> None:
        if self.app.top is self:
            self.app.pop()

    def on_escape(self) -> None:
        self.cancel()

    def buttons(self) -> list[Button]:
        return self.keys

    def update(self, dt: float) -> bool:
        """A redraw each time the countdown's seconds change."""
        left = math.ceil(self.lock.wait_left())
        changed, self._wait_shown = left != self._wait_shown, left
        return changed

    def _wait_words(self) -> str:
        """The wait before the next try, in words; empty when there is none."""
        left = math.ceil(self.lock.wait_left())
        if left <= 0:
            return ""
        return self.t("kiosk_pin_wait", n=left)

    @property
    def keys(self) -> list[Button]:
        """The keypad's twelve keys, then Back."""
        return self.layout().keys

    action_type_digit = calls("type_digit")
    action_delete = calls("delete")
    action_submit = calls("submit")

    def handle_input(self, event: pygame.event.Event) -> object:
        """Touch and the mouse only: no other key moves the focus over the keypad."""
        if event.type == pygame.KEYDOWN:
            return None
        return super().handle_input(event)

    # --- drawing ----------------------------------------------------------------------------------

    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        return (self.message, self._wait_words())

    def place(self) -> "PinLayout":
        """The title, the hint (or what went wrong), a dot per digit typed and four rows of keys,
        in the middle of the screen; Back at the top left."""
        th = self.theme
        p = th.palette
        key_h = max(touch_height(th), th.px(12))
        gap = th.px(1.5)
        pad_w = min(th.width - 2 * th.margin, int(th.height * 0.8))
        key_w = (pad_w - 2 * gap) // 3
        x0 = (th.width - pad_w) // 2
        block = (tx.line_height(th.heading, "bold") + tx.line_height(th.small) + th.px(9)
                 + 4 * key_h + 3 * gap)
        top = max(touch_height(th) + th.px(3), (th.height - block) // 2)
        title = tx.fit(self.t("kiosk_pin_title"), pygame.Rect(x0, top, pad_w, th.px(9)),
                       th.heading, p.on_backdrop, "bold", th.body_min, "center")
        said = self._wait_words() or self.message
        hint = tx.fit(said or self.t("kiosk_pin_hint"),
                      pygame.Rect(x0, title.box.y + title.height, pad_w, th.px(6)),
                      th.small, p.on_backdrop if said else p.on_backdrop_muted,
                      "bold" if said else "regular", th.small_min, "center")
        dots = pygame.Rect(x0, hint.box.y + hint.height + th.px(1), pad_w, th.px(6))
        labels = [str(d) for d in range(1, 10)] + [self.t("kiosk_pin_delete"), "0",
                                                   self.t("kiosk_pin_ok")]
        actions = [lambda d=str(d): self.type_digit(d) for d in range(1, 10)]
        actions += [self.delete, lambda: self.type_digit("0"), self.submit]
        y0 = dots.bottom + th.px(2)
        rows = 4
        key_h = min(key_h, (th.height - th.margin - y0 - (rows - 1) * gap) // rows)
        keys = []
        for i, (label, action) in enumerate(zip(labels, actions)):
            b = Button(label, action, align="center")
            b.rect = pygame.Rect(x0 + (i % 3) * (key_w + gap), y0 + (i // 3) * (key_h + gap),
                                 key_w, key_h)
            keys.append(b)
        back = Button(self.t("back"), self.cancel, icon="left")
        back.rect = pygame.Rect(th.margin, th.px(1.6), back.natural_width(th), touch_height(th))
        return PinLayout(title, hint, dots, keys + [back])

    # --- drawing ----------------------------------------------------------------------------------

    def compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        lay = self.layout()
        surface.fill(p.backdrop)
        self.drawing.blit(surface, lay.title)
        self.drawing.blit(surface, lay.hint)
        # One open circle per digit typed: shows progress without showing the code.
        dots = lay.dots
        panel(surface, dots, th)
        r = th.px(1.2)
        n = len(self.typed)
        for i in range(n):
            cx = dots.centerx + (i - (n - 1) / 2) * 3 * r
            pygame.draw.circle(surface, p.ink, (int(cx), dots.centery), r)
        self.focus.buttons = lay.keys
        self.focus.draw(surface, th)


@dataclass
class PinLayout:
    title: tx.Fit
    hint: tx.Fit
    dots: pygame.Rect
    keys: list[Button]
