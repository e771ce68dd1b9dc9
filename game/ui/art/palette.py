"""Colours of the drawings, and the little colour arithmetic the drawings need.

Characters get natural skin and hair and clothes from the Okabe-Ito palette, which stays distinct
for colour-blind viewers. Places get muted, lighter colours so that characters and text stand out
against them on a washed-out projector.
"""

from __future__ import annotations

Colour = tuple[int, int, int]

SKIN: dict[str, Colour] = {
    "light": (247, 218, 199),
    "fair": (238, 194, 160),
    "medium": (214, 160, 120),
    "olive": (198, 156, 104),
    "tan": (190, 131, 90),
    "brown": (141, 92, 60),
    "dark": (94, 60, 42),
    "deep": (68, 44, 34),
}

HAIR: dict[str, Colour] = {
    "black": (38, 33, 36),
    "dark_brown": (70, 45, 32),
    "brown": (112, 72, 44),
    "auburn": (138, 62, 36),
    "red": (196, 96, 46),
    "blond": (222, 184, 110),
    "grey": (170, 168, 166),
}

# Okabe-Ito where its colours are what their names say, with grey, black and white softened a
# little so they keep some shading. Okabe-Ito has no red and no purple: its "vermillion" is
# orange-red and its "reddish purple" pink, which is how "red" and "purple" were drawn until a
# teacher noticed. Those two are a true red and a dark violet, chosen so that every two colours
# stay apart for viewers with any of the common colour-vision deficiencies, as Okabe-Ito's own
# do (tests/ui/test_named_colours.py holds each name to its hue, and every pair apart).
CLOTHES: dict[str, Colour] = {
    "blue": (0, 114, 178),
    "sky": (86, 180, 233),
    "green": (0, 158, 115),
    "orange": (230, 159, 0),
    "yellow": (240, 228, 66),
    "purple": (96, 48, 140),
    "red": (200, 40, 48),
    "grey": (140, 144, 150),
    "black": (48, 48, 54),
    "white": (238, 238, 234),
}

# Trousers stay dark and unsaturated, so the top colour is what tells characters apart.
TROUSERS: tuple[Colour, ...] = ((58, 78, 112), (54, 56, 64), (96, 90, 74), (40, 44, 60))

INK: Colour = (40, 30, 34)
"""Eyes, brows, mouths: near-black with a warm cast, softer than pure black."""
WHITE: Colour = (250, 250, 246)
BLUSH: Colour = (236, 110, 110)
TEAR: Colour = (120, 196, 240)
MOUTH: Colour = (96, 34, 44)
TONGUE: Colour = (226, 110, 112)
METAL: Colour = (150, 160, 176)
"""Braces and the wheelchair's rims: a cool grey that reads on white teeth and dark tyres."""
TYRE: Colour = (52, 54, 62)
CHAIR: Colour = (70, 84, 104)
"""The wheelchair's frame: a dark steel blue, quieter than any top."""


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """The colour a fraction `t` of the way from `a` to `b`."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))


def shade(c: Colour, t: float = 0.22) -> Colour:
    """A darker, slightly cooler version of `c`: the shadow side of a flat shape."""
    return mix(c, (30, 26, 50), t)


def light(c: Colour, t: float = 0.2) -> Colour:
    """A lighter version of `c`: a highlight."""
    return mix(c, (255, 255, 255), t)


def hexc(c: Colour) -> str:
    """`c` as an SVG colour, `#rrggbb`."""
    return f"#{c[0]:02x}{c[1]:02x}{c[2]:02x}"
