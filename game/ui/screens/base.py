"""The small base every screen shares, and the pieces of chrome most screens draw."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .. import text as tx
from ..drawing import Drawing
from ..i18n import t
from ..layers import Layer
from ..theme import Theme
from ..widgets import Button

if TYPE_CHECKING:
    from ..app import App


class Screen:
    """A screen on the app's stack.

    `handle_event` returns something truthy when the screen must be redrawn; `update` returns
    whether it is still animating (the app then draws at 60 fps, otherwise it idles at 20 Hz
    and redraws only on change).
    """

    _layer: Layer | None = None

    def __init__(self, app: "App"):
        self.app = app
        self.drawing = Drawing()
        """The last composition's record of what did not fit (see `composing`)."""

    @property
    def theme(self) -> Theme:
        return self.app.theme

    @property
    def lang(self) -> str:
        return self.app.lang

    def t(self, key: str, **values: object) -> str:
        return t(key, self.app.lang, **values)

    def handle_event(self, event: pygame.event.Event) -> object:
        return None

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError

    def static_layer(self, surface: pygame.Surface, compose, *state: object) -> pygame.Surface:
        """This screen's static layer (see layers.py), the size of `surface`, composed by
        `compose(layer)` once per theme (window size, text size, contrast), language and
        `state`: everything else the picture depends on, which the screen must list in full."""
        if self._layer is None:
            self._layer = Layer()
        return self._layer.get(surface, self.layer_key(*state), self.composing(compose))

    def draw_static(self, surface: pygame.Surface, compose, *state: object) -> pygame.Surface:
        """Blit the static layer (see `static_layer`) onto `surface`; returns the layer."""
        layer = self.static_layer(surface, compose, *state)
        surface.blit(layer, (0, 0))
        return layer

    def composing(self, compose):
        """`compose`, drawing into a new `Drawing`: what did not fit is then what this
        composition could not fit, until the screen composes its picture again."""
        def run(surface: pygame.Surface) -> None:
            self.drawing = Drawing()
            compose(surface)
        return run

    def draw_afresh(self, surface: pygame.Surface, compose) -> None:
        """`compose` the whole picture straight onto `surface` (screens without a static layer:
        they draw everything each frame), recorded as `composing` says."""
        self.composing(compose)(surface)

    def layer_key(self, *state: object) -> tuple:
        return (self.theme, self.lang) + state

    def on_escape(self) -> None:
        """Esc: the pause menu, from every screen unless it says otherwise."""
        self.app.pause()

    def refresh(self) -> None:
        """The language, the settings or the window size changed: rebuild what depends on them."""

    def finish_animations(self) -> None:
        """Jump every animation to its end (reduced motion, screenshots)."""

    def overflows(self) -> list[str]:
        """Texts that did not fit their boxes in the last draw, buttons' labels last; the
        overflow tests read this."""
        return self.drawing.misfits + [b.label for b in self.buttons() if not b.fits]

    def buttons(self) -> list[Button]:
        return []

    def corner_buttons(self, extra: list[Button] | None = None) -> list[Button]:
        """`extra` buttons, then the language and menu buttons, at the top right: the story
        screens' touch variants (touch.py) make them touch-sized."""
        return corner_buttons(self, extra)


def header_bar(surface: pygame.Surface, theme: Theme, left: list[str]) -> pygame.Rect:
    """A strip of chips at the top left (place, step...); returns the area it used."""
    p = theme.palette
    x = theme.margin
    y = theme.px(2)
    bottom = y
    for i, label in enumerate(left):
        from ..widgets import chip
        label = label[:1].upper() + label[1:]
        rect = chip(surface, theme, (x, y), label, p.name_tag if i == 0 else p.panel,
                    p.on_name_tag if i == 0 else p.ink, style="bold" if i == 0 else "regular")
        x = rect.right + theme.px(1)
        bottom = max(bottom, rect.bottom)
    return pygame.Rect(0, 0, surface.get_width(), bottom)


def chips_that_fit(theme, labels: list[str], right: int) -> list[str]:
    """The header chips (see `header_bar`) that fit left of `right`: later ones give way
    first, so a narrow (4:3) screen never puts a chip under the corner buttons."""
    x = theme.margin
    kept = []
    for i, label in enumerate(labels):
        width = (tx.text_width(label[:1].upper() + label[1:], theme.small,
                               "bold" if i == 0 else "regular") + 2 * theme.px(1.0))
        if x + width > right - theme.px(1) and kept:
            break
        kept.append(label)
        x += width + theme.px(1)
    return kept


def corner_buttons(screen: Screen, extra: list[Button] | None = None) -> list[Button]:
    """Language and Menu buttons at the top right: touch screens have no L or Esc key."""
    th = screen.theme
    lang_label = "EN" if screen.lang == "nl" else "NL"
    buttons = (extra or []) + [
        Button(f"{lang_label} (L)", screen.app.toggle_language, size="small"),
        Button(f"{screen.t('menu')} (Esc)", screen.app.pause, size="small"),
    ]
    x = th.width - th.margin
    y = th.px(1.6)
    for b in reversed(buttons):
        w = b.natural_width(th)
        h = tx.line_height(th.small, "bold") + th.px(1.2)
        b.rect = pygame.Rect(x - w, y, w, h)
        x -= w + th.px(1)
    return buttons
