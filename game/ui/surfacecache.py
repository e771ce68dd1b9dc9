"""A least-recently-used cache of surfaces, bounded by count and by pixels, and the window's size
that pixel budgets follow.

A count alone is not a bound on memory here: sixteen 4K backgrounds take half a gigabyte, sixteen
720p ones a sixteenth of that. So the cache also keeps the total number of pixels under a budget,
dropping the least recently used surfaces first. Budgets are counted in windows (or in surfaces of
the size asked for) up to 1920x1080, and in the bytes that takes beyond (`past_full_hd`): what a
screen needs grows with the window, so a budget sized for 4K would let a 1080p game keep four
times what it needs; and one that keeps as many surfaces at 4K as at 1080p holds four times the
bytes (366 MB for a play-through at 4K), where a few more drawings cost a few more milliseconds
(a 4K background 30 ms, a character 17 ms, when a screen composes its picture).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

import pygame

NO_WINDOW = (1920, 1080)
"""The size budgets assume while no window is open (tests, drawing headless)."""
FULL_HD_PIXELS = 1920 * 1080


def window_pixels() -> int:
    """The number of pixels of the window now open (of a NO_WINDOW one when there is none)."""
    surface = pygame.display.get_surface() if pygame.display.get_init() else None
    w, h = surface.get_size() if surface is not None else NO_WINDOW
    return w * h


def past_full_hd() -> float:
    """What a budget counted in windows (or surfaces of the window's scale) is multiplied by so
    that it holds no more bytes than at 1920x1080: 1 up to that size, a quarter at 4K."""
    return min(1.0, FULL_HD_PIXELS / window_pixels())


def screenfuls(windows: float) -> int:
    """The pixels of `windows` windows, a window counted at most as 1920x1080."""
    return int(windows * window_pixels() * past_full_hd())


class SurfaceCache:
    """Surfaces by key, at most `max_entries` of them and `max_pixels` pixels in all."""

    def __init__(self, max_entries: int, max_pixels: int) -> None:
        self.max_entries = max_entries
        self.max_pixels = max_pixels
        self._surfaces: OrderedDict[Hashable, pygame.Surface] = OrderedDict()
        self.pixels = 0
        """Pixels held right now."""

    def __len__(self) -> int:
        return len(self._surfaces)

    def get(self, key: Hashable, make: Callable[[], pygame.Surface],
            max_pixels: int | None = None) -> pygame.Surface:
        """The surface for `key`, made by `make()` and kept if it is not cached yet. A
        `max_pixels` given becomes the budget from now on: callers pass one that follows the
        window's size, and what a smaller window does not need is dropped at once."""
        if max_pixels is not None:
            self.max_pixels = max_pixels
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
        else:
            surface = make()
            self._surfaces[key] = surface
            self.pixels += surface.get_width() * surface.get_height()
        # Never drop the newest one: a single huge surface is still worth keeping.
        while len(self._surfaces) > 1 and (len(self._surfaces) > self.max_entries
                                           or self.pixels > self.max_pixels):
            _, old = self._surfaces.popitem(last=False)
            self.pixels -= old.get_width() * old.get_height()
        return surface

    def clear(self) -> None:
        """Forget every surface, e.g. after the display mode changed."""
        self._surfaces.clear()
        self.pixels = 0
