"""At home: a teenager's bedroom in the evening, where the victim is alone with a screen.

The lights of a place are the victim's condition, not the time of day (light.py), so the evening
is in the drawing itself: the ceiling light is off, the window shows the night, and the desk lamp
throws a warm pool of light on the wall. The room follows the layout of the others (places.py): the
bed on the left and the desk on the right against the back wall, a poster up high in the middle,
and the floor plain where the characters stand and the dialogue box goes.
"""

from __future__ import annotations

from .canvas import Canvas
from .furniture import WALL_BASE, WOOD, books, chair, desk, room
from .palette import Colour, light, mix, shade

WALL = (134, 138, 172)
"""A dusky blue-grey: a wall in lamplight after dark, lighter than the night outside."""
FLOOR = (148, 116, 94)
NIGHT = (40, 50, 84)
GLOW = (250, 222, 160)
"""The warm light of the desk lamp and of lit windows across the street."""
DUVET = (92, 136, 146)
CURTAIN = (122, 98, 136)
LAMP = (214, 96, 80)


def home(c: Canvas) -> None:
    """The bed under the window on the left, the desk with its lamp and shelf on the right.

    Both reach to the edges of a wide screen and still show whole on a 4:3 projector."""
    room(c, WALL, FLOOR)
    right = min(-c.left, 0.9) - 0.01
    lamp = (right - 0.08, 0.37)
    _glow(c, *lamp)
    _night_window(c, -0.6, 0.1, 0.3, 0.27)
    _fairy_lights(c, -0.22, 0.3)
    _poster(c, -0.08, 0.1)
    _rug(c)
    left = max(c.left, -0.9) + 0.01
    _bed(c, left, max(-0.3, left + 0.36))
    # The desk: a shelf of books above it, the laptop still open, the lamp on.
    shelf = shade(WOOD, 0.15)
    c.rect(shelf, 0.36, 0.27, right - 0.4, 0.014, radius=0.003)
    books(c, 0.38, 0.52, 0.27, 4)
    c.rect((236, 226, 200), 0.56, 0.222, 0.05, 0.048, radius=0.004)  # a framed photo
    c.rect((150, 180, 200), 0.568, 0.23, 0.034, 0.032)
    desk(c, 0.34, right - 0.34, 0.5, shade(WOOD, 0.05))
    c.ellipse(mix(shade(WOOD, 0.05), GLOW, 0.45), lamp[0] - 0.04, 0.503, 0.1, 0.008)
    _laptop(c, 0.38, 0.5)
    c.rect((226, 108, 84), 0.55, 0.474, 0.028, 0.026, radius=0.004)  # a mug
    _desk_lamp(c, *lamp)
    chair(c, 0.58, 0.6, (70, 80, 110))


def _glow(c: Canvas, x: float, y: float) -> None:
    """The lamp's light on the wall: flat rings, each a little warmer and lighter."""
    with c.clip(c.left, 0.04, -2 * c.left, WALL_BASE - 0.058):
        for i in range(6):
            r = 0.32 - 0.045 * i
            c.ellipse(mix(WALL, GLOW, 0.08 + 0.08 * i), x, y + 0.06, r * 1.15, r)


def _night_window(c: Canvas, x: float, y: float, w: float, h: float) -> None:
    """A window on the night: moon, stars and the roofs across the street, between curtains."""
    t = 0.012
    frame = (210, 208, 214)
    c.rect(shade(frame, 0.12), x - t, y - t, w + 2 * t, h + 2 * t, radius=0.006)
    c.rect(NIGHT, x, y, w, h)
    with c.clip(x, y, w, h):
        c.circle((236, 232, 200), x + w * 0.72, y + h * 0.26, h * 0.12)
        c.circle(NIGHT, x + w * 0.75, y + h * 0.22, h * 0.1)
        for sx, sy in ((0.14, 0.16), (0.34, 0.3), (0.52, 0.12), (0.9, 0.44), (0.24, 0.5)):
            c.circle((220, 224, 236), x + w * sx, y + h * sy, 0.0035)
        roofs = shade(NIGHT, 0.35)
        c.polygon(roofs, [(x - 0.02, y + h), (x - 0.02, y + h * 0.7), (x + w * 0.18, y + h * 0.56),
                          (x + w * 0.38, y + h * 0.7), (x + w * 0.38, y + h)])
        c.rect(roofs, x + w * 0.36, y + h * 0.66, w * 0.7, h * 0.4)
        for wx, wy in ((0.12, 0.78), (0.5, 0.76), (0.78, 0.76)):
            c.rect(GLOW, x + w * wx, y + h * wy, w * 0.07, h * 0.09)
    c.rect(frame, x + w / 2 - t / 2, y, t, h)
    c.rect(shade(frame, 0.2), x - t * 1.5, y + h + t, w + 3 * t, t * 0.9)
    # Curtains hang open on a rod above the window.
    c.rect(shade(CURTAIN, 0.3), x - 0.07, y - 0.035, w + 0.14, 0.01, radius=0.004)
    for cx in (x - 0.06, x + w + 0.005):
        c.rect(CURTAIN, cx, y - 0.03, 0.055, h + 0.09, radius=0.01)
        c.rect(shade(CURTAIN, 0.15), cx + 0.02, y - 0.03, 0.01, h + 0.09)


def _fairy_lights(c: Canvas, x0: float, x1: float) -> None:
    """A string of small warm bulbs sagging along the wall above the poster."""
    wire = shade(WALL, 0.4)
    n = 16
    points = []
    for i in range(n + 1):
        t = i / n
        sag = 4 * (t * 2 % 1) * (1 - t * 2 % 1) if t < 1 else 0
        points.append((x0 + (x1 - x0) * t, 0.06 + 0.03 * sag))
    c.polyline(wire, points, 0.003)
    for i, (px, py) in enumerate(points[1:-1]):
        c.circle(GLOW if i % 2 else light(GLOW, 0.3), px, py + 0.008, 0.007)


def _poster(c: Canvas, x: float, y: float) -> None:
    """A poster taped to the wall: a ringed planet among stars."""
    w, h = 0.18, 0.24
    c.rect((34, 40, 70), x, y, w, h, radius=0.003)
    c.circle((224, 150, 96), x + w * 0.5, y + h * 0.42, w * 0.24)
    c.ellipse(shade((224, 150, 96), 0.2), x + w * 0.5, y + h * 0.42, w * 0.45, w * 0.06)
    c.circle((224, 150, 96), x + w * 0.5, y + h * 0.4, w * 0.2)
    for sx, sy in ((0.15, 0.12), (0.8, 0.18), (0.2, 0.7), (0.85, 0.62), (0.5, 0.1)):
        c.circle((230, 230, 240), x + w * sx, y + h * sy, 0.003)
    c.rect((230, 230, 240), x + w * 0.2, y + h * 0.8, w * 0.6, 0.012, radius=0.005)
    c.rect((200, 200, 214), x + w * 0.3, y + h * 0.87, w * 0.4, 0.008, radius=0.004)
    tape = (236, 230, 200)
    for tx in (x - 0.008, x + w - 0.022):
        c.rect(tape, tx, y - 0.006, 0.03, 0.014)


def _rug(c: Canvas) -> None:
    """A round rug on the floor between the bed and the desk."""
    rug = (164, 110, 112)
    c.ellipse(shade(rug, 0.12), 0.05, 0.72, 0.44, 0.042)
    c.ellipse(rug, 0.05, 0.718, 0.4, 0.034)
    c.ellipse(light(rug, 0.15), 0.05, 0.718, 0.28, 0.022)


def _bed(c: Canvas, x0: float, x1: float) -> None:
    """A bed seen from its long side: headboard, frame, sheet, duvet and pillow."""
    frame = shade(WOOD, 0.1)
    base = 0.735
    c.shadow((x0 + x1) / 2, base, (x1 - x0) * 0.55, 0.014)
    for lx in (x0 + 0.03, x1 - 0.05):
        c.rect(shade(frame, 0.3), lx, 0.64, 0.02, base - 0.64)
    c.rect(frame, x0, 0.38, 0.04, base - 0.38, radius=0.008)  # headboard
    c.rect(shade(frame, 0.1), x0, 0.58, x1 - x0, 0.07, radius=0.006)
    c.rect((236, 234, 226), x0 + 0.03, 0.54, x1 - x0 - 0.04, 0.05, radius=0.01)
    c.rect(light((236, 234, 226), 0.2), x0 + 0.06, 0.48, 0.16, 0.07, radius=0.025)  # pillow
    c.rect(DUVET, x0 + 0.17, 0.52, x1 - x0 - 0.16, 0.11, radius=0.014)
    c.rect(light(DUVET, 0.2), x0 + 0.17, 0.52, 0.05, 0.11, radius=0.012)
    with c.clip(x0 + 0.17, 0.52, x1 - x0 - 0.19, 0.11):  # stripes, as many as the bed is long
        x = x0 + 0.3
        while x < x1:
            c.rect(shade(DUVET, 0.12), x, 0.52, 0.04, 0.11)
            x += 0.12
    c.rect(frame, x1 - 0.03, 0.54, 0.035, base - 0.54, radius=0.008)  # footboard


def _laptop(c: Canvas, x: float, desk_top: float) -> None:
    """An open laptop, its screen the brightest thing in the room."""
    c.rect((64, 68, 80), x, desk_top - 0.085, 0.13, 0.08, radius=0.005)
    c.rect((196, 220, 240), x + 0.008, desk_top - 0.077, 0.114, 0.064, radius=0.003)
    for i, w in enumerate((0.07, 0.05, 0.08)):
        c.rect((150, 176, 206), x + 0.02, desk_top - 0.068 + i * 0.016, w, 0.007, radius=0.003)
    c.rect((84, 88, 100), x - 0.015, desk_top - 0.007, 0.16, 0.008, radius=0.003)


def _desk_lamp(c: Canvas, x: float, y: float) -> None:
    """An angled desk lamp, switched on: base, arm, shade and bulb."""
    top = 0.5
    arm: Colour = shade(LAMP, 0.2)
    c.ellipse(arm, x + 0.03, top - 0.006, 0.045, 0.01)
    c.polyline(arm, [(x + 0.03, top - 0.01), (x + 0.06, y + 0.04), (x + 0.01, y - 0.01)], 0.008)
    c.polygon(LAMP, [(x - 0.04, y - 0.03), (x + 0.03, y - 0.01), (x + 0.01, y + 0.06),
                     (x - 0.06, y + 0.04)])
    c.ellipse(light(GLOW, 0.3), x - 0.025, y + 0.05, 0.034, 0.012)

