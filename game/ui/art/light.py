"""How a place is lit: the mood of the victim's condition, laid over every colour of a place.

The light is a colour grade applied to each colour as the canvas draws it (see canvas.py), rather
than painted into the scenes, so every place gets the same four moods for free, a new place needs
no light-specific drawing, and grading costs nothing per pixel.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .palette import Colour

LIGHTS = ("dark", "dim", "normal", "warm")

# light -> (share of grey mixed in, multiply colour, colour added after)
_GRADES: dict[str, tuple[float, Colour, Colour]] = {
    "dark": (0.45, (96, 108, 146), (10, 12, 24)),   # night: blue-grey and much darker
    "dim": (0.45, (176, 176, 182), (0, 0, 0)),      # overcast: greyer and darker
    "normal": (0.0, (255, 255, 255), (0, 0, 0)),    # as drawn
    "warm": (0.0, (255, 246, 228), (10, 6, 0)),     # late sun: a slight golden tint
}


def grade(light: str) -> Callable[[Colour], Colour]:
    """The function that turns a colour as drawn into the colour under `light`."""
    wash, multiply, add = _GRADES[light]

    @lru_cache(maxsize=512)
    def graded(c: Colour) -> Colour:
        grey = 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
        return tuple(min(255, round((v + (grey - v) * wash) * m / 255) + a)  # type: ignore
                     for v, m, a in zip(c[:3], multiply, add))

    return graded
