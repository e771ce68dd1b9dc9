"""Static layers: what a screen shows that does not move, composed once and then blitted whole.

Why: drawing a screen from scratch (a background, characters, panels with their shadows, fitted
text) costs 3 to 20 ms from 1080p to 4K; blitting one window-sized surface costs 0.7 ms at 1080p
and 4.5 ms at 4K. So a screen composes its picture onto a layer and every frame after that is a
blit, with only what moves (the meters, a light fading) drawn on top.

What invalidates a layer is its key: the screen passes everything its picture depends on, which is
the theme (window size, text size, high contrast), the language and its own state (the beat, the
selection, the focus...). A key that differs from the one the layer was composed for composes it
again, and so does a new window size. A screen that forgets something in its key shows a stale
picture, which `tests/ui/test_layers.py` looks for by drawing every screen afresh beside it.

Memory: a layer is window-sized (8 MB at 1080p, 33 MB at 4K), so at most `MAX_LAYERS` of them
(one) hold a surface at any time, shared by every screen. A layer that needs a surface takes over
the one of the layer used least recently (reusing it when it has the right size), which then
composes again if it is ever drawn. Screens under the top one and screens gone from the stack give their
surfaces back this way without anybody telling them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import pygame

from .memory import return_big_blocks

MAX_LAYERS = 1
"""The most window-sized layer surfaces alive at once: the screen on top draws from one (a menu
over it draws it and itself, but has no layer of its own; the consequence's light fades over
its layer from pieces, fade.py). A screen gone back to composes its picture again."""

_holders: list["Layer"] = []
"""Layers that hold a surface, least recently drawn first."""


class Layer:
    """One composed picture, valid for one key."""

    def __init__(self) -> None:
        self.key: Hashable | None = None
        self.surface: pygame.Surface | None = None

    def get(self, target: pygame.Surface, key: Hashable,
            compose: Callable[[pygame.Surface], None]) -> pygame.Surface:
        """The layer for `key`, the size of `target`; `compose(layer)` draws it when it is not
        already that picture. `compose` must paint every pixel (it starts with a background)."""
        size = target.get_size()
        if self.surface is None or self.surface.get_size() != size:
            self.surface = _take_surface(self, size, target)
            self.key = None
        if self.key is None or self.key != key:
            self.key = None  # a compose that raises must not leave half a picture valid
            compose(self.surface)
            self.key = key
        _holders.remove(self)
        _holders.append(self)
        return self.surface

    def draw(self, target: pygame.Surface, key: Hashable,
             compose: Callable[[pygame.Surface], None]) -> pygame.Surface:
        """Blit the layer for `key` onto `target` (see `get`); returns the layer."""
        layer = self.get(target, key, compose)
        target.blit(layer, (0, 0))
        return layer

    def release(self) -> pygame.Surface | None:
        """Give up the surface (it is composed again on the next draw); returns it."""
        surface, self.surface, self.key = self.surface, None, None
        if self in _holders:
            _holders.remove(self)
        return surface


def _take_surface(layer: Layer, size: tuple[int, int], target: pygame.Surface) -> pygame.Surface:
    """A surface of `size` in `target`'s pixel format for `layer`: its own, the least recently
    used layer's when all `MAX_LAYERS` are taken (reused if it has the right size), or a new one."""
    spare = layer.release()
    while len(_holders) >= MAX_LAYERS:
        taken = _holders[0].release()
        # A second screen draws: from now on big surfaces come and go (see memory.py).
        return_big_blocks()
        if spare is None or spare.get_size() != size:
            spare = taken
    if spare is not None and spare.get_size() == size and (
            spare.get_bitsize(), spare.get_masks()) == (target.get_bitsize(), target.get_masks()):
        surface = spare
    else:
        surface = pygame.Surface(size, 0, target)
    _holders.append(layer)
    return surface


def release_all() -> None:
    """Forget every layer's picture and surface (tests; after the display is closed)."""
    for layer in list(_holders):
        layer.release()
