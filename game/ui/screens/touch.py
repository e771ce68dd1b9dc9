"""Touch-sized chrome for an event screen: every button at least a twelfth of the screen high, and
touch words instead of key hints.

Not a screen itself: the story screens' touch variants (`TouchSceneScreen` in scene.py,
`TouchConsequenceScreen`, `TouchEndingScreen`) and event mode's own screens are made of it. Event
mode's table of screens (`ui/routes.py`) shows the variants; they override only the layout of
their buttons, while reading, choosing and what a choice does stay their parents'.
"""

from __future__ import annotations

import math

import pygame

from ..i18n import LANGUAGE_NAMES, next_language
from ..theme import Theme
from ..widgets import Button
from .base import Screen

TOUCH_FRACTION = 1 / 12
"""Every button in event mode is at least this share of the screen height."""

TOUCH_WORDS = {
    "hint_advance": "kiosk_hint_advance",
    "hint_keys": "kiosk_hint_keys",
    "discuss_hint": "kiosk_think",
    "discuss": "kiosk_think",
    "to_title": "kiosk_done",
}
"""Interface texts that name keys or the title screen, and what a touch screen says instead."""
FORWARD_WORDS = ("next", "continue")
"""The words of the way on in a story (a beat's Next, a consequence's Continue)."""


def touch_height(theme: Theme) -> int:
    return math.ceil(theme.height * TOUCH_FRACTION)


def touch_corner_buttons(screen: Screen, extra: list[Button] | None = None,
                         left: tuple[int, int] | None = None) -> list[Button]:
    """The language and menu buttons, touch-sized and without key names: at the top right, or
    in a row from `left` (x, y) when given."""
    th = screen.theme
    other = next_language(screen.lang)
    buttons = (extra or []) + [
        Button(LANGUAGE_NAMES.get(other, other.upper()), screen.app.toggle_language),
        Button(screen.t("menu"), screen.app.pause),
    ]
    h = touch_height(th)
    if left is not None:
        x, y = left
        for b in buttons:
            b.rect = pygame.Rect(x, y, b.natural_width(th), h)
            x = b.rect.right + th.px(1)
        return buttons
    x = th.width - th.margin
    for b in reversed(buttons):
        w = b.natural_width(th)
        b.rect = pygame.Rect(x - w, th.px(1.6), w, h)
        x -= w + th.px(1)
    return buttons


def nav_slots(screen: Screen) -> tuple[pygame.Rect, pygame.Rect]:
    """Where Back and the way on (Next, Continue) go on every story screen of event mode: the
    bottom left and the bottom right corners, the way on as wide as the widest of its words. A
    visitor who taps where Next was on the last screen never meets Back on this one (the chat
    and the room used to put them side by side at different places, so a tap on "next" undid
    the choice just made)."""
    th = screen.theme
    inset = th.margin + th.px(2)
    h = touch_height(th)
    y = th.height - inset - h
    back = Button(screen.t("back"), None, icon="left").natural_width(th)
    on = max(Button(screen.t(word), None, icon="right").natural_width(th)
             for word in FORWARD_WORDS)
    return pygame.Rect(inset, y, back, h), pygame.Rect(th.width - inset - on, y, on, h)


class TouchWords:
    """Mixin: key hints read as touch hints."""

    def t(self, key: str, **values: object) -> str:
        return super().t(TOUCH_WORDS.get(key, key), **values)


class TouchCorners:
    """Mixin: the language and menu buttons (`Screen.corner_buttons`) touch-sized."""

    def corner_buttons(self, extra: list[Button] | None = None) -> list[Button]:
        return touch_corner_buttons(self, extra)
