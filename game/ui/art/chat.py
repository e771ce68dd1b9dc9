"""The group chat: a messaging app's wallpaper under its header bar.

The screens draw the chat bubbles themselves; this is only what they sit on. The header bar is
the app's colour only: the game's header chips and corner buttons are drawn on it.
"""

from __future__ import annotations

from .canvas import Canvas
from .palette import shade

WALLPAPER = (214, 222, 218)
HEADER = (56, 96, 104)


def group_chat(c: Canvas) -> None:
    """Doodle wallpaper and the header of a group conversation."""
    c.band(WALLPAPER, 0, 1)
    doodle = shade(WALLPAPER, 0.07)
    step = 0.14
    row = 0
    y = 0.16
    while y < 1.05:
        x = c.left - (step / 2 if row % 2 else 0)
        i = row
        while x < -c.left + step:
            _doodle(c, i % 4, x, y, doodle)
            x += step
            i += 1
        y += step * 0.8
        row += 1
    # The app's header bar, bare: the game's own header (place, step, role, the victim's
    # condition) and its corner buttons sit on it, where an app's back arrow, group avatar, name
    # and call icons would be covered by them.
    c.band(HEADER, 0, 0.12)


def _doodle(c: Canvas, kind: int, x: float, y: float, colour: tuple[int, int, int]) -> None:
    """One faint wallpaper doodle: a speech bubble, a heart, a star or a smiley."""
    s = 0.022
    if kind == 0:
        c.rect(colour, x - s, y - s * 0.7, 2 * s, 1.4 * s, radius=s * 0.5)
        c.polygon(colour, [(x - s * 0.4, y + s * 0.6), (x - s * 0.9, y + s * 1.2),
                           (x, y + s * 0.6)])
    elif kind == 1:
        c.circle(colour, x - s * 0.45, y - s * 0.2, s * 0.5)
        c.circle(colour, x + s * 0.45, y - s * 0.2, s * 0.5)
        c.polygon(colour, [(x - s * 0.93, y - s * 0.05), (x + s * 0.93, y - s * 0.05),
                           (x, y + s * 0.9)])
    elif kind == 2:
        c.polygon(colour, [(x, y - s), (x + s * 0.3, y - s * 0.3), (x + s, y - s * 0.2),
                           (x + s * 0.45, y + s * 0.25), (x + s * 0.6, y + s),
                           (x, y + s * 0.6), (x - s * 0.6, y + s), (x - s * 0.45, y + s * 0.25),
                           (x - s, y - s * 0.2), (x - s * 0.3, y - s * 0.3)])
    else:
        c.ring(colour, x, y, s, s * 0.25)
        c.circle(colour, x - s * 0.35, y - s * 0.2, s * 0.14)
        c.circle(colour, x + s * 0.35, y - s * 0.2, s * 0.14)
