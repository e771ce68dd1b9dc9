"""The group chat: a messaging app's wallpaper under its header bar.

The screens draw the chat bubbles themselves; this is only what they sit on. The header shows a
group avatar and grey bars where a name would be, so no text is baked into the picture and the
language can change at any time.
"""

from __future__ import annotations

from .canvas import Canvas
from .palette import light, shade

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
    # The header: back arrow, group avatar, name and members as bars, call and menu icons.
    c.band(HEADER, 0, 0.12)
    ink = (236, 240, 238)
    x = c.left + 0.05
    c.line(ink, (x + 0.025, 0.04), (x, 0.06), 0.01)
    c.line(ink, (x, 0.06), (x + 0.025, 0.08), 0.01)
    c.circle(light(HEADER, 0.35), x + 0.1, 0.06, 0.04)
    for dx, colour in ((-0.018, (230, 180, 90)), (0.018, (120, 180, 220)), (0.0, (230, 150, 170))):
        c.circle(colour, x + 0.1 + dx, 0.05, 0.011)
        c.ellipse(colour, x + 0.1 + dx, 0.082, 0.017, 0.014)
    c.rect(ink, x + 0.17, 0.035, 0.26, 0.022, radius=0.011)
    c.rect(light(HEADER, 0.4), x + 0.17, 0.07, 0.38, 0.014, radius=0.007)
    right = -c.left - 0.05
    for i in range(3):
        c.circle(ink, right, 0.04 + i * 0.02, 0.006)
    c.rect(ink, right - 0.13, 0.045, 0.05, 0.032, radius=0.006)
    c.polygon(ink, [(right - 0.08, 0.061), (right - 0.06, 0.047), (right - 0.06, 0.075)])


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
