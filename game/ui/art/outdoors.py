"""The outdoor places: the playground in front of the school, and the bike shed.

Outside there is no wall to hold things back, so the school building, the fence and the trees
are layered behind a plain stretch of paving where the characters stand.
"""

from __future__ import annotations

import math

from .canvas import Canvas
from .furniture import LEAF, SKY, WALL_BASE, cloud, tree
from .palette import Colour, light, mix, shade

PAVING = (186, 180, 168)
GRASS = (150, 176, 120)
BRICK = (176, 122, 100)


def _sky(c: Canvas, horizon: float) -> None:
    """A sky a little paler near the horizon, in a few flat bands, with clouds."""
    steps = 6
    for i in range(steps):
        c.band(mix(SKY, light(SKY, 0.5), i / (steps - 1)), horizon * i / steps,
               horizon * (i + 1) / steps + 0.002)
    cloud(c, -0.6, 0.12, 0.05)
    cloud(c, 0.35, 0.07, 0.04)
    cloud(c, 0.8, 0.16, 0.035)


def _building(c: Canvas, x0: float, x1: float, top: float, base: float) -> None:
    """The school: a brick block with rows of windows and a flat roof edge."""
    c.rect(BRICK, x0, top, x1 - x0, base - top)
    c.rect(shade(BRICK, 0.3), x0 - 0.01, top - 0.02, x1 - x0 + 0.02, 0.025)
    glass = mix(SKY, (255, 255, 255), 0.15)
    rows = int((base - top - 0.05) / 0.12)
    x = x0 + 0.04
    while x + 0.09 < x1:
        for r in range(rows):
            y = top + 0.04 + r * 0.12
            c.rect((236, 232, 222), x - 0.006, y - 0.006, 0.102, 0.082)
            c.rect(glass, x, y, 0.09, 0.07)
            c.rect((236, 232, 222), x + 0.042, y, 0.006, 0.07)
        x += 0.14


def _fence(c: Canvas, y0: float, y1: float, colour: Colour) -> None:
    """A bar fence across the whole width."""
    c.band(colour, y0 + 0.01, y0 + 0.018)
    c.band(colour, y1 - 0.03, y1 - 0.022)
    x = c.left - 0.02
    while x < -c.left + 0.02:
        c.rect(colour, x, y0, 0.008, y1 - y0)
        x += 0.035


def playground(c: Canvas) -> None:
    """The school, a fence with trees behind it, and an open stretch of paving."""
    horizon = 0.56
    _sky(c, horizon)
    _building(c, c.left - 0.02, 0.42, 0.2, horizon)
    c.rect(shade(BRICK, 0.2), -0.3, 0.38, 0.2, horizon - 0.38)
    c.rect((120, 140, 150), -0.285, 0.395, 0.17, horizon - 0.395)
    c.rect((236, 232, 222), -0.201, 0.395, 0.006, horizon - 0.395)
    tree(c, 0.58, horizon + 0.02, 0.3)
    tree(c, 0.86, horizon + 0.03, 0.24, shade(LEAF, 0.05))
    c.band(GRASS, horizon, WALL_BASE)
    _fence(c, 0.48, WALL_BASE, (92, 110, 104))
    for x in (-0.7, 0.2, 0.75):
        c.ellipse(shade(GRASS, 0.12), x, WALL_BASE - 0.01, 0.09, 0.04)
    c.band(PAVING, WALL_BASE, 1)
    c.band(shade(PAVING, 0.1), WALL_BASE, WALL_BASE + 0.008)
    # Painted court lines, faint, only at the edges of the picture.
    c.band(light(PAVING, 0.25), 0.71, 0.715)
    c.ellipse(light(PAVING, 0.25), -c.left - 0.05, 0.9, 0.18, 0.1)
    c.ellipse(PAVING, -c.left - 0.05, 0.9, 0.17, 0.092)


def bike_shed(c: Canvas) -> None:
    """A shelter with a sloping roof over bike racks and parked bikes; a hedge behind."""
    horizon = 0.5
    _sky(c, horizon)
    _building(c, 0.3, -c.left + 0.02, 0.16, horizon)
    c.band(shade(GRASS, 0.1), horizon, WALL_BASE)
    # A hedge of round shrubs along the horizon, as wide as the screen.
    for i in range(int(-c.left / 0.05) + 2):
        for side in (-1, 1):
            c.circle(shade(LEAF, 0.1 if i % 2 else 0.2), side * i * 0.05, horizon + 0.01, 0.045)
    c.band(PAVING, WALL_BASE, 1)
    # The shelter: a back panel, posts and a corrugated roof sloping towards us.
    x0, x1 = c.left - 0.05, 0.18
    roof = (110, 126, 136)
    c.rect((200, 208, 206), x0, 0.22, x1 - x0, WALL_BASE - 0.22)
    for x in (-0.6, -0.2):
        c.rect((214, 222, 220), x, 0.24, 0.006, WALL_BASE - 0.26)
    c.polygon(roof, [(x0, 0.14), (x1 + 0.04, 0.14), (x1 + 0.06, 0.22), (x0, 0.22)])
    x = x0
    while x < x1:
        c.rect(shade(roof, 0.15), x, 0.15, 0.01, 0.07)
        x += 0.035
    c.rect(shade(roof, 0.3), x0, 0.22, x1 + 0.06 - x0, 0.012)
    for x in (-0.82, -0.42, 0.12):
        c.rect((90, 98, 106), x, 0.23, 0.018, WALL_BASE - 0.23)
    for x in (-0.84, -0.58, -0.32, -0.06):
        _rack(c, x)
    for x, colour in ((-0.84, (96, 140, 170)), (-0.58, (200, 150, 90)), (-0.06, (120, 160, 120))):
        _bike(c, x + 0.01, colour)
    c.band(shade(PAVING, 0.1), WALL_BASE, WALL_BASE + 0.008)
    tree(c, 0.6, horizon + 0.04, 0.26)


def _rack(c: Canvas, x: float) -> None:
    """A bent steel hoop that bikes lean on."""
    hoop = [(x - 0.04, WALL_BASE), (x - 0.04, 0.575)]
    hoop += [(x - 0.04 * math.cos(math.pi * i / 8), 0.575 - 0.04 * math.sin(math.pi * i / 8))
             for i in range(1, 8)]
    hoop += [(x + 0.04, 0.575), (x + 0.04, WALL_BASE)]
    c.polyline((130, 136, 140), hoop, 0.01)


def _bike(c: Canvas, x: float, colour: Colour) -> None:
    """A bike parked side on: two wheels, a diamond frame, saddle and handlebar."""
    r, y = 0.05, WALL_BASE + 0.005 - 0.05
    back, front = (x - 0.075, y), (x + 0.075, y)
    tyre = (60, 62, 68)
    for wx, wy in (back, front):
        c.ring(tyre, wx, wy, r, 0.009)
        c.circle(tyre, wx, wy, 0.006)
    seat, bar, crank = (x - 0.03, y - 0.075), (x + 0.05, y - 0.085), (x - 0.005, y)
    for a, b in ((back, crank), (crank, seat), (seat, back), (crank, bar), (seat, bar),
                 (bar, front)):
        c.line(colour, a, b, 0.009)
    c.rect((50, 50, 56), seat[0] - 0.025, seat[1] - 0.012, 0.045, 0.012, radius=0.005)
    c.line(colour, bar, (bar[0] - 0.004, bar[1] - 0.016), 0.008)
    c.line((70, 70, 76), (bar[0] - 0.012, bar[1] - 0.018), (bar[0] + 0.022, bar[1] - 0.012),
           0.008)
