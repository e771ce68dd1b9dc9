"""A headscarf (hijab): fabric round the head and over the neck and shoulders, the face open.

It is drawn in three layers, so that no clipping is needed (nanosvg has none): the drape over the
neck and chest with the body; behind the head, the hood, which shows beside the face and under the
chin; and after the face, the band that covers the crown, the forehead's top and the far side of
the head down to the jaw, its inner edge framing the face. Hair is not drawn under it.
"""

from __future__ import annotations

from . import svg
from .figure import Figure
from .palette import Colour, light, shade


def drape(f: Figure, colour: Colour) -> list[str]:
    """The fabric falling from under the chin over the neck, the shoulders and the chest: drawn
    over the top, before the head (it does not turn with the head)."""
    top, bottom = f.neck_top - f.head_h * 0.1, f.down_body(0.3)
    neck, wide = f.head_w * 0.46, f.shoulder_half * 0.86
    x = f.cx
    outline = svg.d("M", (x - neck, top), "L", (x + neck, top),
                    "C", (x + neck * 1.2, f.shoulder_y - 4), (x + wide, f.shoulder_y),
                    (x + wide, bottom - f.head_h * 0.12),
                    "Q", (x + wide * 0.5, bottom + f.head_h * 0.08), (x, bottom),
                    "Q", (x - wide * 0.55, bottom + f.head_h * 0.06),
                    (x - wide * 0.98, bottom - f.head_h * 0.14),
                    "C", (x - wide, f.shoulder_y), (x - neck * 1.2, f.shoulder_y - 4),
                    (x - neck, top), "Z")
    fold = shade(colour, 0.16)
    return [svg.path(outline, colour),
            svg.curve((x - wide * 0.5, f.shoulder_y + f.arm_w * 0.6),
                      (x - wide * 0.05, bottom - f.head_h * 0.02),
                      (x + wide * 0.55, bottom - f.head_h * 0.22), fold, f.head_w * 0.035)]


def hood(f: Figure, colour: Colour) -> list[str]:
    """The scarf behind the head: beside the face's profile and under the chin, in shadow."""
    p = f.at
    return [svg.path(svg.d("M", p(0.02, -0.66),
                           "C", p(0.46, -0.66), p(0.66, -0.36), p(0.63, -0.02),
                           "C", p(0.61, 0.34), p(0.48, 0.66), p(0.16, 0.74),
                           "C", p(-0.22, 0.8), p(-0.6, 0.62), p(-0.66, 0.2),
                           "C", p(-0.72, -0.3), p(-0.44, -0.66), p(0.02, -0.66), "Z"),
                     shade(colour, 0.2))]


def band(f: Figure, colour: Colour) -> list[str]:
    """The scarf over the crown and the far side of the head, framing the face: drawn after
    the face, before the brows."""
    p = f.at
    out = [svg.path(svg.d("M", p(0.62, -0.24),
                          "C", p(0.64, -0.52), p(0.4, -0.67), p(0.02, -0.67),
                          "C", p(-0.44, -0.67), p(-0.7, -0.32), p(-0.66, 0.12),
                          "C", p(-0.62, 0.46), p(-0.36, 0.68), p(-0.04, 0.66),
                          # the inner edge: along the far jaw and temple, over the forehead
                          "C", p(-0.26, 0.5), p(-0.36, 0.2), p(-0.32, -0.06),
                          "C", p(-0.28, -0.3), p(-0.02, -0.38), p(0.3, -0.35),
                          "C", p(0.44, -0.33), p(0.56, -0.28), p(0.62, -0.24), "Z"),
                    colour)]
    # A soft fold along the face's edge, and a highlight on the crown.
    out.append(svg.curve(p(-0.44, 0.42), p(-0.5, -0.02), p(-0.36, -0.36), shade(colour, 0.14),
                         0.04 * f.head_w))
    out.append(svg.curve(p(-0.2, -0.56), p(0.08, -0.64), p(0.34, -0.54), light(colour, 0.22),
                         0.05 * f.head_w))
    return out
