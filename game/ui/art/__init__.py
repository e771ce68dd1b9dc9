"""Drawings of characters and places, in one flat style, at any size from 720p to 4K.

Screens call two functions: `character_surface` for a person and `place_surface` for a
background. Both return cached surfaces; treat them as read-only.
"""

from .characters import POSTURE_FOR_EXPRESSION, POSTURES, character_surface
from .light import LIGHTS
from .places import FLOOR_LINE, place_surface

__all__ = ["FLOOR_LINE", "LIGHTS", "POSTURE_FOR_EXPRESSION", "POSTURES", "character_surface",
           "place_surface"]
