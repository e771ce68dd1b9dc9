"""Backgrounds for the places of vocab.PLACES, at any size, in any of the four lights.

Every place shares one layout so screens can rely on it: characters stand with their feet on
FLOOR_LINE (a fraction of the height), the middle of the picture is kept free for two to four of
them, and the lower third is calm, because the dialogue box sits there.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.core.vocab import PLACES

from . import chat, home, outdoors, rooms
from ..surfacecache import SurfaceCache, past_full_hd
from .canvas import Canvas
from .light import LIGHTS, grade

FLOOR_LINE = 0.8
"""Where characters' feet stand, as a fraction of the screen height from the top."""

KEPT = 2
"""Backgrounds of the window's size kept: what the consequence screen needs, the place under the
light before and after (16 MB at 1080p; the same bytes past it, so one background at 4K, 33 MB:
see surfacecache.py). Screens keep what they composed on their layers, so a background is only
asked for again when a layer is composed again, and drawing one anew takes 10 ms at 1080p,
30 ms at 4K."""

CACHE = SurfaceCache(max_entries=16, max_pixels=KEPT * 1920 * 1080)

_PAINTERS: dict[str, Callable[[Canvas], None]] = {
    "hallway": rooms.hallway,
    "classroom": rooms.classroom,
    "canteen": rooms.canteen,
    "toilets": rooms.toilets,
    "office": rooms.office,
    "playground": outdoors.playground,
    "bike_shed": outdoors.bike_shed,
    "group_chat": chat.group_chat,
    "home": home.home,
}


def place_surface(place: str, light: str, size: tuple[int, int]) -> pygame.Surface:
    """The opaque background for `place` at `size` pixels, lit by `light`.

    The surface is shared by the cache: copy it before drawing on it.
    """
    if place not in PLACES or place not in _PAINTERS:
        raise ValueError(f"unknown place {place!r}; expected one of {list(PLACES)}")
    if light not in LIGHTS:
        raise ValueError(f"unknown light {light!r}; expected one of {list(LIGHTS)}")
    w, h = int(size[0]), int(size[1])
    if w < 16 or h < 16:
        raise ValueError(f"size must be at least 16x16, not {size!r}")
    return CACHE.get((place, light, w, h), lambda: _render(place, light, w, h),
                     max_pixels=int(KEPT * w * h * past_full_hd()))


def _render(place: str, light: str, w: int, h: int) -> pygame.Surface:
    """Draw one background, in the current display's pixel format if there is one."""
    display = pygame.display.get_surface() if pygame.display.get_init() else None
    canvas = Canvas((w, h), grade(light), like=display)
    _PAINTERS[place](canvas)
    return canvas.surface
