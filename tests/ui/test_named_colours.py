"""Named colours draw as named (issue 17: "red" was drawn orange-red, "purple" pink): each
clothes colour's hue is its name's, and every two stay apart, for normal vision and simulated
protanopia, deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, full severity),
so that a look is never told apart by a colour some pupils cannot see."""

from __future__ import annotations

import colorsys
import itertools
import math

import pytest

from game.core.vocab import CLOTHES_COLOURS
from game.ui.art.palette import CLOTHES

HUES = {
    "red": (345, 10), "orange": (25, 50), "yellow": (50, 65), "green": (90, 170),
    "sky": (190, 215), "blue": (190, 225), "purple": (260, 300),
}
"""The hue (degrees, from-to, through 0 for red) a colour of that name has."""
NEUTRAL = ("grey", "black", "white")
MIN_DELTA_E = 12.0
"""CIE76 distance two clothes colours keep under every simulation: Okabe-Ito's own closest pair
(green and grey for deuteranopes) is 13.6 apart."""

VISION = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(linear: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = linear
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def seen(colour, vision: str) -> tuple[float, float, float]:
    """`colour` in CIELAB as a viewer with `vision` sees it."""
    lin = [_linear(c) for c in colour]
    m = VISION[vision]
    return _lab(tuple(min(1.0, max(0.0, sum(m[i][j] * lin[j] for j in range(3))))
                      for i in range(3)))


def test_every_clothes_colour_has_a_drawing():
    assert set(CLOTHES) == set(CLOTHES_COLOURS)


@pytest.mark.parametrize("name", [n for n in CLOTHES_COLOURS if n not in NEUTRAL])
def test_a_colour_has_the_hue_of_its_name(name):
    hue, saturation, _value = colorsys.rgb_to_hsv(*(c / 255 for c in CLOTHES[name]))
    degrees = hue * 360
    low, high = HUES[name]
    inside = low <= degrees <= high if low < high else (degrees >= low or degrees <= high)
    assert inside and saturation > 0.4, (name, round(degrees), round(saturation, 2))


@pytest.mark.parametrize("name", NEUTRAL)
def test_grey_black_and_white_are_neutral(name):
    assert colorsys.rgb_to_hsv(*(c / 255 for c in CLOTHES[name]))[1] < 0.15


@pytest.mark.parametrize("vision", list(VISION))
def test_every_two_clothes_colours_stay_apart(vision):
    close = [(a, b, round(math.dist(seen(CLOTHES[a], vision), seen(CLOTHES[b], vision)), 1))
             for a, b in itertools.combinations(CLOTHES_COLOURS, 2)
             if math.dist(seen(CLOTHES[a], vision), seen(CLOTHES[b], vision)) < MIN_DELTA_E]
    assert close == []


def test_the_simulation_sees_what_it_should():
    # red and green, apart for most, close for a deuteranope (the classic confusion)
    red, green = (200, 40, 48), (40, 140, 40)
    assert math.dist(seen(red, "normal"), seen(green, "normal")) > 60
    assert math.dist(seen(red, "deuteranopia"), seen(green, "deuteranopia")) < 30
