"""Opening the game's window: one way, whoever opens it first.

The app opens the window (`App`), and so does a plain start before the game is even imported, to
show the title as the last start drew it (see title_snapshot.py). Both ask with a `Window`, and
the app adopts the window that start opened, as it is, with what it shows.

Light on purpose (only pygame and the game's icon): the plain start imports it first.
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

import pygame

from ..stop import keep_sdl_off_signals
from .icon import window_icon


class Window(NamedTuple):
    """A window as asked for: windowed at `size`, or full screen on the display's own size, on
    display number `display`; `software` draws without the graphics card (a setting)."""

    size: tuple[int, int]
    fullscreen: bool
    display: int
    software: bool

    def open(self, adopt: bool = False) -> pygame.Surface:
        """The window's surface, opened as asked; with `adopt`, the window already open when it
        was opened for the same request (the kept title's: it goes on showing what it shows)."""
        global _opened
        if adopt and _opened == self and pygame.display.get_init():
            surface = pygame.display.get_surface()
            if surface is not None and (self.fullscreen or surface.get_size() == self.size):
                return surface
        if self.software:
            os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        if not pygame.display.get_init():
            keep_sdl_off_signals()  # SIGTERM and Ctrl+C are ours (see app.play and stop.py)
            pygame.display.init()
            pygame.display.set_icon(window_icon())  # before the window: see icon.py
        displays = pygame.display.get_num_displays()
        index = self.display if 0 <= self.display < max(1, displays) else 0
        if self.fullscreen:
            surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN, display=index)
        else:
            surface = pygame.display.set_mode(self.size, pygame.RESIZABLE, display=index)
        _opened = self
        return surface


_opened: Window | None = None


def forget() -> None:
    """The window was closed (`pygame.display.quit`): the next `open` opens one."""
    global _opened
    _opened = None


def display_problem() -> str | None:
    """Why a window cannot be opened here, before SDL is even asked; None if it may work."""
    if sys.platform.startswith("linux") and not os.environ.get("SDL_VIDEODRIVER"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            return "no DISPLAY or WAYLAND_DISPLAY is set"
    return None
