"""The head and the face: eyes, brows and mouth carry the expression, big enough to read from the
back of a classroom.

Each expression is a small table row (brows, eyes, mouth, extras) rather than its own drawing
code, so the eight faces stay one consistent family and a new one is one more row. The head is
seen three-quarters towards the right: the near eye is a little larger, the nose and chin point
right, and the far ear shows on the left.
"""

from __future__ import annotations

from typing import NamedTuple

from . import svg
from .figure import Figure
from .palette import BLUSH, INK, METAL, MOUTH, TEAR, TONGUE, WHITE, Colour, mix, shade
from .svg import Point


class Face(NamedTuple):
    """What one expression does with each part of the face."""

    brow_inner: float
    """How far the inner ends of the brows rise, in head heights (negative: lowered)."""
    brow_outer: float
    """How far the outer ends of the brows rise."""
    eyes: str
    """`open`, `wide`, `laugh` (closed, arched up), `soft` (closed, curved down) or `squeezed`."""
    lid_inner: float = 0.0
    """How much of an open eye the upper lid covers at the nose side (0..1)."""
    lid_outer: float = 0.0
    """How much of an open eye the upper lid covers at the outer side."""
    lid_lower: float = 0.0
    """How much of an open eye the cheek pushes up from below (smiling eyes)."""
    mouth: str = "neutral"
    """`neutral`, `smile`, `frown`, `gasp`, `wobble`, `tight`, `laugh` or `soft_smile`."""
    blush: bool = False
    tears: bool = False
    sweat: bool = False
    """A drop on the temple: fright."""


FACES: dict[str, Face] = {
    "neutral": Face(0.0, 0.0, "open", lid_inner=0.08, lid_outer=0.1),
    "happy": Face(0.02, 0.01, "open", lid_inner=0.1, lid_outer=0.1, lid_lower=0.3, mouth="smile",
                  blush=True),
    "sad": Face(0.06, -0.03, "open", lid_inner=0.15, lid_outer=0.45, mouth="frown"),
    "scared": Face(0.08, 0.05, "wide", mouth="gasp", sweat=True),
    "hurt": Face(0.06, -0.03, "squeezed", mouth="wobble", tears=True),
    "angry": Face(-0.055, 0.02, "open", lid_inner=0.5, lid_outer=0.1, lid_lower=0.15,
                  mouth="tight"),
    "laughing": Face(0.04, 0.03, "laugh", mouth="laugh", blush=True),
    "relieved": Face(0.035, 0.0, "soft", mouth="soft_smile", blush=True),
}


class _Eye(NamedTuple):
    x: float
    y: float
    rx: float
    ry: float
    side: int
    """+1 for the near eye (right), -1 for the far eye; the nose lies between them."""

    def at(self, u: float, v: float) -> Point:
        """A point `u` half-widths outwards (away from the nose) and `v` half-heights down."""
        return (self.x + self.side * u * self.rx, self.y + v * self.ry)


def head(f: Figure, skin: Colour, show_ear: bool) -> list[str]:
    """The head shape, three-quarters to the right, and the far ear."""
    p = f.at
    outline = svg.d("M", p(0, -0.5),
                    "C", p(0.32, -0.5), p(0.5, -0.3), p(0.5, -0.04),
                    "C", p(0.5, 0.16), p(0.45, 0.32), p(0.3, 0.42),
                    "C", p(0.22, 0.49), p(0.14, 0.5), p(0.04, 0.5),
                    "C", p(-0.2, 0.5), p(-0.42, 0.34), p(-0.47, 0.12),
                    "C", p(-0.53, -0.2), p(-0.32, -0.5), p(0, -0.5), "Z")
    out = [svg.path(outline, skin)]
    if show_ear:
        x, y = p(-0.43, 0.06)
        out.append(svg.ellipse(x, y, 0.1 * f.head_w, 0.13 * f.head_h, skin))
        out.append(svg.ellipse(x, y + 0.01 * f.head_h, 0.045 * f.head_w, 0.07 * f.head_h,
                               shade(skin, 0.18)))
    return out


def _eyes(f: Figure) -> tuple[_Eye, _Eye]:
    """The far and the near eye."""
    w, h = f.head_w, f.head_h
    x, y = f.at(0.1, 0.07 + f.gaze_down)
    return (_Eye(x - 0.17 * w, y, 0.092 * w, 0.11 * h, -1),
            _Eye(x + 0.2 * w, y, 0.104 * w, 0.115 * h, 1))


def _drop(x: float, y: float, w: float, h: float) -> str:
    """A tear or sweat drop hanging from (x, y)."""
    return svg.d("M", (x, y), "Q", (x + w, y + h * 0.8), (x, y + h),
                 "Q", (x - w, y + h * 0.8), (x, y), "Z")


def face(f: Figure, expression: str, skin: Colour, braces: bool = False,
         sweat: bool = True) -> list[str]:
    """Eyes, nose, mouth and extras for `expression` (brows come later, over any fringe).
    `braces` shows on the teeth of an open mouth; `sweat` False leaves the drop of fright to
    `sweat_drop`, for a head whose temple something covers."""
    spec = FACES[expression]
    w, h = f.head_w, f.head_h
    out: list[str] = []
    eyes = _eyes(f)
    if spec.blush:
        for e in eyes:
            x, y = e.at(0.3, 1.45)
            out.append(svg.ellipse(x, y, 0.1 * w, 0.05 * h, BLUSH, opacity=0.35))
    for e in eyes:
        out += _eye(e, spec, f, skin)
    nose = f.at(0.16, 0.22 + f.gaze_down)
    out.append(svg.path(svg.d("M", (nose[0] - 0.02 * w, nose[1] - 0.08 * h),
                              "Q", (nose[0] + 0.07 * w, nose[1] + 0.01 * h),
                              (nose[0] - 0.03 * w, nose[1] + 0.02 * h)),
                        None, shade(skin, 0.28), 0.03 * w))
    out += _mouth(spec.mouth, f.at(0.13, 0.34 + f.gaze_down * 0.6), w, h, braces)
    if spec.tears:
        for e in eyes:
            x, y = e.at(0.2, 0.9)
            out.append(svg.path(_drop(x, y, 0.045 * w, 0.1 * h), TEAR))
    if spec.sweat and sweat:
        out += sweat_drop(f, expression, (-0.3, -0.2))
    return out


def sweat_drop(f: Figure, expression: str, at: Point) -> list[str]:
    """The drop of fright on the temple, at `at` in head units, if the expression has one."""
    if not FACES[expression].sweat:
        return []
    return [svg.path(_drop(*f.at(*at), 0.06 * f.head_w, 0.12 * f.head_h), TEAR)]


def _eye(e: _Eye, spec: Face, f: Figure, skin: Colour) -> list[str]:
    lash = 0.042 * f.head_w
    if spec.eyes == "laugh":
        return [svg.curve((e.x - e.rx, e.y + e.ry * 0.25), (e.x, e.y - e.ry * 1.3),
                          (e.x + e.rx, e.y + e.ry * 0.25), INK, lash * 1.3)]
    if spec.eyes == "soft":
        return [svg.curve((e.x - e.rx, e.y), (e.x, e.y + e.ry * 0.9), (e.x + e.rx, e.y), INK,
                          lash * 1.2)]
    if spec.eyes == "squeezed":
        # A ">" and a "<" pointing at the nose.
        return [svg.line([e.at(1, -0.55), e.at(-0.9, 0), e.at(1, 0.45)], INK, lash * 1.3)]
    wide = spec.eyes == "wide"
    rx, ry = (e.rx * 1.08, e.ry * 1.2) if wide else (e.rx, e.ry)
    iris = rx * (0.52 if wide else 0.72)
    look_x = e.x + rx * 0.16
    look_y = e.y + f.gaze_down * f.head_h * 0.6
    out = [svg.ellipse(e.x, e.y, rx, ry, WHITE),
           svg.circle(look_x, look_y + ry * 0.1, iris, INK),
           svg.circle(look_x + iris * 0.35, look_y - ry * 0.25, iris * 0.32, WHITE)]
    inner_x, outer_x = e.x - e.side * rx * 1.15, e.x + e.side * rx * 1.15
    top = e.y - ry
    lid_in, lid_out = top + 2 * ry * spec.lid_inner, top + 2 * ry * spec.lid_outer
    # The upper lid is skin laid over the eye down to the lid line; the lash line marks its edge.
    out.append(svg.path(svg.d("M", (inner_x, lid_in), "L", (inner_x, top - ry),
                              (outer_x, top - ry), (outer_x, lid_out), "Z"), skin))
    if spec.lid_lower:
        bottom = e.y + ry - 2 * ry * spec.lid_lower
        out.append(svg.path(svg.d("M", (inner_x, e.y + ry * 1.4), "L", (inner_x, bottom + ry * .2),
                                  "Q", (e.x, bottom - ry * 0.25), (outer_x, bottom + ry * 0.2),
                                  "L", (outer_x, e.y + ry * 1.4), "Z"), skin))
    lash_in = (e.x - e.side * rx * 0.95, lid_in + ry * 0.12 if spec.lid_inner else e.y - ry * .35)
    lash_out = (e.x + e.side * rx * 1.05, lid_out + ry * 0.1 if spec.lid_outer else e.y - ry * .3)
    mid_y = min(lid_in, lid_out) - (0 if spec.lid_inner or spec.lid_outer else ry * 0.2)
    out.append(svg.curve(lash_in, ((lash_in[0] + lash_out[0]) / 2, mid_y), lash_out, INK, lash))
    return out


def _brace(p, left: float, right: float, v: float, w: float, size: float) -> list[str]:
    """A wire across the teeth from `left` to `right` at height `v`, with a bracket on each
    tooth: small, as braces are, but light against dark lips and grey against white teeth."""
    out = [svg.line([p(left, v), p(right, v)], METAL, size * 0.4)]
    n = 4
    for i in range(n):
        x, y = p(left + (right - left) * (i + 0.5) / n, v)
        out.append(svg.rect(x - size * 0.5, y - size * 0.5, size, size, size * 0.2, METAL))
    return out


def _mouth(kind: str, at: Point, w: float, h: float, braces: bool = False) -> list[str]:
    x, y = at

    def p(u: float, v: float) -> Point:
        """`u` mouth widths right of the mouth's centre, `v` head heights below it."""
        return (x + u * 0.3 * w, y + v * h)

    stroke = 0.046 * w
    if kind == "neutral":
        return [svg.curve(p(-0.36, 0), p(0, 0.025), p(0.4, -0.01), INK, stroke)]
    if kind == "soft_smile":
        return [svg.curve(p(-0.42, -0.015), p(0, 0.07), p(0.45, -0.025), INK, stroke)]
    if kind == "frown":
        return [svg.curve(p(-0.42, 0.04), p(0, -0.05), p(0.42, 0.04), INK, stroke * 1.1)]
    if kind == "tight":
        # Clenched teeth behind a tight, down-turned mouth: reads on every skin tone.
        teeth = svg.d("M", p(-0.4, 0.055), "Q", p(-0.32, -0.01), p(0, -0.01),
                      "Q", p(0.32, -0.01), p(0.4, 0.055), "Q", p(0, 0.033), p(-0.4, 0.055), "Z")
        out = [svg.path(teeth, WHITE, INK, stroke * 0.8),
               svg.line([p(-0.32, 0.018), p(0.32, 0.018)], INK, stroke * 0.5)]
        if braces:
            out += _brace(p, -0.26, 0.26, 0.006, w, 0.028 * w)
        return out
    if kind == "wobble":
        return [svg.path(svg.d("M", p(-0.46, 0.04), "Q", p(-0.36, -0.01), p(-0.23, -0.005),
                               "T", p(0, 0.02), p(0.23, -0.005), p(0.46, 0.04)),
                         None, INK, stroke)]
    if kind == "gasp":
        return [svg.ellipse(*p(0, 0.02), 0.045 * w, 0.065 * h, MOUTH),
                svg.ellipse(*p(0, 0.045), 0.027 * w, 0.03 * h, TONGUE)]
    # Open mouths: a flat-topped D with a band of teeth, and a tongue when laughing.
    big = kind == "laugh"
    half, depth = (0.58 if big else 0.52), (0.17 if big else 0.12)
    top = -0.02 if big else -0.01
    out = [svg.path(svg.d("M", p(-half, top - 0.01), "Q", p(0, top + 0.02), p(half, top - 0.015),
                          "Q", p(half * 0.6, top + depth * 1.3), p(0, top + depth),
                          "Q", p(-half * 0.6, top + depth * 1.3), p(-half, top - 0.01), "Z"),
                    MOUTH),
           svg.path(svg.d("M", p(-half * 0.82, top), "Q", p(0, top + 0.025),
                          p(half * 0.82, top - 0.005), "L", p(half * 0.7, top + depth * 0.3),
                          p(-half * 0.7, top + depth * 0.3), "Z"), WHITE)]
    if big:
        tongue = p(0.07, top + depth * 0.82)
        out.append(svg.ellipse(*tongue, half * 0.48 * 0.3 * w, depth * 0.28 * h, TONGUE))
    if braces:
        out += _brace(p, -half * 0.62, half * 0.62, top + depth * 0.16, w, 0.03 * w)
    return out


def brows(f: Figure, expression: str, colour: Colour) -> list[str]:
    """The eyebrows, drawn last so no fringe hides what they say."""
    spec = FACES[expression]
    h = f.head_h
    out = []
    for e in _eyes(f):
        base = e.y - e.ry - 0.07 * h
        inner = (e.x - e.side * e.rx * 0.85, base - spec.brow_inner * h)
        outer = (e.x + e.side * e.rx * 1.15, base - spec.brow_outer * h + 0.015 * h)
        bend = ((inner[0] + outer[0]) / 2, min(inner[1], outer[1]) - 0.025 * h)
        out.append(svg.curve(inner, bend, outer, colour, 0.068 * f.head_w))
    return out


def glasses(f: Figure) -> list[str]:
    """Bold frames with a glint: glasses must be visible from the back of the room."""
    frame = mix(INK, (60, 60, 80), 0.3)
    width = 0.035 * f.head_w
    far, near = _eyes(f)
    out = []
    for e in (far, near):
        rx, ry = e.rx * 1.45, e.ry * 1.22
        out.append(svg.rect(e.x - rx, e.y - ry, 2 * rx, 2 * ry, ry * 0.5, None, frame, width))
        # A glint in the upper corner says "glass" without clouding the eyes behind it.
        out.append(svg.path(svg.d("M", (e.x + rx * 0.45, e.y - ry * 0.72),
                                  "L", (e.x + rx * 0.72, e.y - ry * 0.35)),
                            None, WHITE, width * 0.8, opacity=0.7))
    out.append(svg.curve((far.x + far.rx * 1.45, far.y - far.ry * 0.3),
                         ((far.x + near.x) / 2, far.y - far.ry * 0.6),
                         (near.x - near.rx * 1.45, near.y - near.ry * 0.3), frame, width))
    out.append(svg.line([(far.x - far.rx * 1.45, far.y - far.ry * 0.4), f.at(-0.4, 0.02)],
                        frame, width))
    return out
