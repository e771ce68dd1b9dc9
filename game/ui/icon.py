"""The game's window icon: three figures on the title's dark blue, the one who steps forward in
orange (the focus colour, Okabe-Ito).

Why our own: the task bar and Alt+Tab show the game among a teacher's other windows, and
pygame's snake says nothing. And, set before the window opens, it spares pygame loading its own
icon through `importlib.resources` (which imports zipfile and threading): about 1% of the start.
"""

from __future__ import annotations

import pygame

SIZE = 64
BACKDROP = (0x1D, 0x23, 0x33)
FIGURES = ((0x9A, 0xA3, 0xB5), (0xE6, 0x9F, 0x00), (0x9A, 0xA3, 0xB5))
"""Grey, orange, grey, left to right: the middle one stands in front."""


def window_icon() -> pygame.Surface:
    """A 64x64 picture, drawn (no file to read or to lose)."""
    icon = pygame.Surface((SIZE, SIZE))
    icon.fill(BACKDROP)
    for i, colour in enumerate(FIGURES):
        front = i == 1
        cx = 14 + 18 * i
        head_y, radius = (22, 8) if front else (20, 6)
        pygame.draw.circle(icon, colour, (cx, head_y), radius)
        body = pygame.Rect(0, 0, 16 if front else 12, 26 if front else 22)
        body.midtop = (cx, head_y + radius + 2)
        pygame.draw.rect(icon, colour, body, border_top_left_radius=6,
                         border_top_right_radius=6)
    return icon
