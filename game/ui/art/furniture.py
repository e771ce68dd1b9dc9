"""Things several places share: the room shell, windows, doors, desks, chairs, plants, trees.

All sizes are in screen-height units (see canvas.py). Colours are muted on purpose: the
background should be recognisable at a glance and then stay out of the way of the characters.
"""

from __future__ import annotations

from .canvas import Canvas
from .palette import Colour, light, mix, shade

WALL_BASE = 0.66
"""Where the back wall meets the floor. Characters stand lower (FLOOR_LINE), in front of it."""

SKY = (178, 210, 226)
CLOUD = (238, 242, 244)
LEAF = (118, 158, 112)
TRUNK = (126, 98, 78)
WOOD = (176, 138, 102)
METAL = (150, 156, 164)


def room(c: Canvas, wall: Colour, floor: Colour) -> None:
    """Ceiling edge, back wall, skirting board and floor; the floor stays plain where the
    dialogue box goes."""
    c.band(wall, 0, WALL_BASE)
    c.band(light(wall, 0.25), 0, 0.035)
    c.band(shade(wall, 0.08), 0.035, 0.04)
    c.band(floor, WALL_BASE, 1)
    c.band(shade(wall, 0.35), WALL_BASE - 0.018, WALL_BASE)
    # A few faint boards or tile joints, closer together towards the wall: depth without clutter.
    for y in (0.685, 0.72, 0.775):
        c.band(shade(floor, 0.05), y, y + 0.004)


def ceiling_lights(c: Canvas, xs: list[float]) -> None:
    """Long fluorescent panels along the ceiling."""
    for x in xs:
        c.rect((246, 246, 236), x - 0.1, 0.035, 0.2, 0.018, radius=0.004)


def window(c: Canvas, x: float, y: float, w: float, h: float, *, panes: int = 2,
           frame: Colour = (236, 236, 230), outside: str = "sky") -> None:
    """A window with a frame, mullions and the view: a cloud, and tree tops unless `outside` is
    "clouds" (a high window)."""
    t = 0.012
    c.rect(shade(frame, 0.12), x - t, y - t, w + 2 * t, h + 2 * t, radius=0.006)
    c.rect(SKY, x, y, w, h)
    with c.clip(x, y, w, h):
        cloud(c, x + w * 0.3, y + h * 0.35, min(w, h) * 0.22)
        if outside == "sky":
            c.ellipse(LEAF, x + w * 0.85, y + h * 1.0, w * 0.3, h * 0.4)
            c.ellipse(shade(LEAF, 0.1), x + w * 0.15, y + h * 1.05, w * 0.25, h * 0.28)
    for i in range(1, panes):
        c.rect(frame, x + w * i / panes - t / 2, y, t, h)
    c.rect(frame, x, y + h * 0.42, w, t * 0.8)
    c.rect(shade(frame, 0.2), x - t * 1.5, y + h + t, w + 3 * t, t * 0.9)
    # A pale diagonal glint on each pane says "glass".
    for i in range(panes):
        px = x + w * i / panes + w / panes * 0.2
        c.polygon(light(SKY, 0.35), [(px, y + h * 0.15), (px + w * 0.06, y + h * 0.15),
                                      (px - w * 0.02, y + h * 0.36), (px - w * 0.08, y + h * 0.36)])


def cloud(c: Canvas, x: float, y: float, r: float) -> None:
    """A flat cartoon cloud of three overlapping puffs."""
    c.circle(CLOUD, x - r * 0.9, y + r * 0.2, r * 0.7)
    c.circle(CLOUD, x + r * 0.9, y + r * 0.25, r * 0.65)
    c.circle(CLOUD, x, y, r)
    c.rect(CLOUD, x - r * 0.9, y + r * 0.2, r * 1.8, r * 0.7, radius=r * 0.3)


def door(c: Canvas, x: float, w: float, colour: Colour, *, top: float = 0.2,
         glass: bool = True) -> None:
    """A door standing on the wall base, with a frame, a glass panel and a handle."""
    h = WALL_BASE - top
    c.rect(shade(colour, 0.3), x - 0.012, top - 0.012, w + 0.024, h + 0.012, radius=0.004)
    c.rect(colour, x, top, w, h)
    c.rect(shade(colour, 0.1), x + w * 0.12, top + h * 0.62, w * 0.76, h * 0.28, radius=0.006)
    if glass:
        c.rect(shade(colour, 0.35), x + w * 0.2, top + h * 0.1, w * 0.6, h * 0.38, radius=0.006)
        c.rect(SKY, x + w * 0.23, top + h * 0.12, w * 0.54, h * 0.34, radius=0.004)
        c.rect(mix(SKY, (255, 255, 255), 0.35), x + w * 0.23, top + h * 0.12, w * 0.54, h * 0.08)
    c.rect(METAL, x + w * 0.8, top + h * 0.52, w * 0.12, 0.014, radius=0.006)


def desk(c: Canvas, x: float, w: float, top: float, colour: Colour = WOOD) -> None:
    """A simple table seen from the front: top, apron and two legs, on the floor behind the
    characters."""
    base = 0.735
    leg = 0.014
    c.shadow(x + w / 2, base, w * 0.55, 0.012)
    c.rect(shade(colour, 0.3), x + w * 0.06, top, leg, base - top)
    c.rect(shade(colour, 0.3), x + w * 0.94 - leg, top, leg, base - top)
    c.rect(shade(colour, 0.12), x + w * 0.03, top + 0.015, w * 0.94, 0.03)
    c.rect(colour, x, top, w, 0.018, radius=0.004)


def chair(c: Canvas, x: float, seat: float, colour: Colour) -> None:
    """A school chair seen from the front: back rest, seat and metal legs."""
    w = 0.08
    base = 0.74
    c.rect(METAL, x + 0.008, seat, 0.008, base - seat)
    c.rect(METAL, x + w - 0.016, seat, 0.008, base - seat)
    c.rect(METAL, x + 0.012, seat - 0.07, 0.006, 0.07)
    c.rect(METAL, x + w - 0.018, seat - 0.07, 0.006, 0.07)
    c.rect(colour, x, seat - 0.1, w, 0.05, radius=0.01)
    c.rect(shade(colour, 0.15), x - 0.004, seat, w + 0.008, 0.016, radius=0.005)


SPINES: tuple[Colour, ...] = ((120, 140, 170), (190, 150, 100), (150, 110, 120), (110, 150, 130),
                              (210, 190, 140), (170, 110, 90), (130, 130, 150))


def books(c: Canvas, x0: float, x1: float, base: float, first: int = 0) -> None:
    """A row of book spines of varied heights standing on `base`, from `x0` until `x1`; `first`
    picks where in the pattern the row starts, so rows above each other differ."""
    x, i = x0, first
    while x < x1:
        w = 0.022 + 0.008 * ((i * 7) % 3)
        h = 0.07 + 0.012 * ((i * 5) % 4)
        c.rect(SPINES[i % len(SPINES)], x, base - h, w, h, radius=0.002)
        x += w + 0.004 + (0.03 if i % 9 == 8 else 0)
        i += 1


def plant(c: Canvas, x: float, base: float, size: float) -> None:
    """A potted plant: a tapered pot and a fan of leaves."""
    pot = (184, 118, 88)
    leaves = [(-0.9, -0.9, 0.16), (0.8, -1.0, 0.16), (-0.3, -1.35, 0.18), (0.3, -1.3, 0.17),
              (0.0, -1.05, 0.2), (-1.1, -0.45, 0.14), (1.05, -0.5, 0.14)]
    for i, (dx, dy, r) in enumerate(leaves):
        colour = LEAF if i % 2 else shade(LEAF, 0.15)
        c.ellipse(colour, x + dx * size * 0.45, base - size * 0.55 + dy * size * 0.5,
                  r * size * 1.2, r * size * 2.1)
    c.polygon(pot, [(x - size * 0.32, base - size * 0.55), (x + size * 0.32, base - size * 0.55),
                    (x + size * 0.24, base), (x - size * 0.24, base)])
    c.rect(shade(pot, 0.12), x - size * 0.35, base - size * 0.6, size * 0.7, size * 0.1,
           radius=0.004)


def tree(c: Canvas, x: float, base: float, size: float, leaf: Colour = LEAF) -> None:
    """A rounded flat tree: trunk and a canopy of overlapping circles."""
    c.polygon(TRUNK, [(x - size * 0.07, base), (x + size * 0.07, base),
                      (x + size * 0.04, base - size * 0.8), (x - size * 0.04, base - size * 0.8)])
    for dx, dy, r, dark in ((-0.28, -0.95, 0.3, True), (0.28, -0.98, 0.3, True),
                            (0.0, -1.25, 0.36, False), (-0.22, -1.15, 0.26, False),
                            (0.22, -1.12, 0.28, False)):
        c.circle(shade(leaf, 0.14) if dark else leaf, x + dx * size, base + dy * size, r * size)
