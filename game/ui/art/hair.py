"""Hair, in two layers: what hangs behind the head and body, and what sits on top of the head.

The hair style is the strongest cue, after height, for telling characters apart from across a
room, so each style has its own silhouette: a cloud of curls, a bun on top, a ponytail sticking
out behind, braids over the shoulders, a bob to the chin, long hair past the shoulders, a round
afro, locs hanging in ropes, waves to the shoulders, a pixie cut with a swept fringe, an undercut
with a quiff over shaved sides.
"""

from __future__ import annotations

import math

from . import svg
from .figure import Figure
from .palette import Colour, light, mix, shade
from .svg import Point

# Styles whose hair covers the far ear.
HIDES_EAR = frozenset({"long", "bob", "curly", "afro", "locs", "wavy"})


def _cap(f: Figure, volume: float, back_end: float, temple: float,
         hairline: list[Point]) -> str:
    """Hair hugging the skull, in head units (see `Figure.at`): from the far ear (down to
    `back_end`) over the crown with `volume` above it, down the near side to `temple`, then back
    along the `hairline`: (control, end) pairs of quadratic curves, one after the other."""
    p = f.at
    top = -0.5 - volume
    return svg.d("M", p(-0.47, back_end), "C", p(-0.6, -0.2), p(-0.38, top), p(0.02, top),
                 "C", p(0.42, top), p(0.58, -0.3), p(0.52, temple),
                 "Q", *[p(u, v) for u, v in hairline], "Z")


def _shine(f: Figure, colour: Colour, volume: float) -> str:
    """A soft highlight on the crown: flat style's hint that hair has volume."""
    top = -0.5 - volume
    return svg.curve(f.at(-0.12, top + 0.09), f.at(0.1, top + 0.02), f.at(0.3, top + 0.12),
                     light(colour, 0.22), 0.05 * f.head_w)


def _braid(x: float, y0: float, y1: float, width: float, colour: Colour, tie: Colour) -> list[str]:
    """A plait: a chain of overlapping lobes narrowing a little towards a tied end."""
    out = []
    n = max(int((y1 - y0) / (width * 0.62)), 3)
    for i in range(n):
        t = i / (n - 1)
        lobe = colour if i % 2 else shade(colour, 0.12)
        out.append(svg.ellipse(x + width * (0.08 if i % 2 else -0.08), y0 + (y1 - y0) * t,
                               width * (1 - 0.2 * t) * 0.52, width * 0.42, lobe))
    out.append(svg.ellipse(x, y1 + width * 0.4, width * 0.3, width * 0.16, tie))
    out.append(svg.path(svg.d("M", (x - width * 0.3, y1 + width * 0.45),
                              "Q", (x, y1 + width * 1.4), (x + width * 0.3, y1 + width * 0.45),
                              "Z"), colour))
    return out


def back(f: Figure, style: str, colour: Colour) -> list[str]:
    """Hair behind the head: drawn before the body and the head."""
    p, w, h = f.at, f.head_w, f.head_h
    dark = shade(colour, 0.15)
    if style == "long":
        x, bottom = f.head_x, f.down_body(0.45)
        return [svg.path(svg.d("M", p(-0.56, -0.1),
                               "C", p(-0.68, 0.5), (x - 0.72 * w, bottom - 0.2 * h),
                               (x - 0.6 * w, bottom),
                               "Q", (x - 0.1 * w, bottom + 0.1 * h),
                               (x + 0.42 * w, bottom - 0.04 * h),
                               "C", p(0.5, 0.7), p(0.6, 0.3), p(0.52, -0.1), "Z"), dark)]
    if style == "bob":
        return [svg.path(svg.d("M", p(-0.6, 0.47), "C", p(-0.72, -0.2), p(-0.4, -0.64), p(0, -0.64),
                               "C", p(0.45, -0.64), p(0.66, -0.2), p(0.56, 0.4), "Z"), dark)]
    if style == "curly":
        # A cloud of curls: an oval ringed with round tufts, wider than the head.
        cx, cy = p(-0.04, -0.08)
        out = [svg.ellipse(cx, cy, 0.66 * w, 0.6 * h, dark)]
        for i in range(14):
            t = i / 13
            out.append(svg.circle(cx + (t * 1.3 - 0.62) * w,
                                  cy + 0.02 * h - 0.6 * h * (1 - (2 * t - 1) ** 2) ** 0.5,
                                  0.15 * w, dark))
        for s in (-1, 1):
            for j in range(4):
                out.append(svg.circle(cx + s * 0.66 * w, cy + (j * 0.14 - 0.12) * h, 0.14 * w,
                                      dark))
        return out
    if style == "ponytail":
        return [svg.path(svg.d("M", p(-0.42, -0.36),
                               "C", p(-0.85, -0.45), p(-0.98, 0.15), p(-0.8, 0.75),
                               "C", p(-0.78, 0.35), p(-0.66, -0.05), p(-0.42, -0.12), "Z"),
                         colour)]
    if style == "bun":
        return [svg.circle(*p(-0.1, -0.6), 0.24 * w, colour),
                svg.curve(p(-0.24, -0.66), p(-0.12, -0.76), p(0.02, -0.7), light(colour, 0.18),
                          0.04 * w)]
    if style == "braids":
        return _braid(p(-0.46, 0)[0], p(0, 0.1)[1], f.down_body(0.3), 0.2 * w, dark,
                      shade(dark, 0.3))
    if style == "afro":
        # A big round halo, its edge softly crinkled by many small bumps.
        cx, cy = p(-0.05, -0.17)
        rx, ry = 0.8 * w, 0.7 * h
        out = [svg.ellipse(cx, cy, rx, ry, dark)]
        for i in range(26):
            a = math.pi * (0.8 + 1.4 * i / 25)
            out.append(svg.circle(cx + rx * 0.96 * math.cos(a), cy + ry * 0.96 * math.sin(a),
                                  0.085 * w, dark))
        return out
    if style == "locs":
        # Ropes of hair from all round the head, hanging to the shoulders and beyond.
        out = [svg.path(svg.d("M", p(-0.62, 0.3), "C", p(-0.7, -0.3), p(-0.4, -0.66),
                              p(0.02, -0.66), "C", p(0.45, -0.66), p(0.66, -0.3), p(0.58, 0.2),
                              "Z"), dark)]
        for i, (u, end_u, end_t) in enumerate(_LOCS_BACK):
            start = p(u, -0.2)
            end = (f.head_x + end_u * w, f.down_body(end_t))
            bend = (end[0] - 0.06 * w, (start[1] + end[1]) / 2)
            out.append(svg.curve(start, bend, end, dark if i % 2 else shade(dark, 0.12),
                                 0.13 * w))
        return out
    if style == "wavy":
        # Waves to the shoulders: wider than a bob and longer, its sides rippling.
        x, bottom = f.head_x, f.down_body(0.06)
        return [svg.path(svg.d("M", p(0.5, -0.1),
                               "C", p(0.62, -0.62), p(-0.52, -0.8), p(-0.62, -0.2),
                               "Q", p(-0.78, 0.0), p(-0.64, 0.2),
                               "Q", p(-0.5, 0.4), p(-0.68, 0.6),
                               "Q", (x - 0.82 * w, bottom - 0.1 * h), (x - 0.6 * w, bottom),
                               "L", (x + 0.44 * w, bottom),
                               "Q", (x + 0.62 * w, bottom - 0.12 * h), p(0.56, 0.56),
                               "Q", p(0.48, 0.4), p(0.6, 0.22),
                               "Q", p(0.7, 0.05), p(0.5, -0.1), "Z"), dark)]
    if style == "pixie":
        # Cut close at the nape, to a point.
        return [svg.path(svg.d("M", p(-0.44, -0.1), "Q", p(-0.56, 0.2), p(-0.4, 0.44),
                               "Q", p(-0.32, 0.2), p(-0.2, 0.1), "Z"), dark)]
    return []


_LOCS_BACK = [(-0.45, -0.72, 0.3), (-0.3, -0.58, 0.38), (-0.12, -0.44, 0.32), (0.05, -0.3, 0.36),
              (0.22, 0.44, 0.22), (0.4, 0.6, 0.28), (-0.52, -0.8, 0.2)]
"""Locs hanging behind: where each leaves the head (head widths), where it ends (head widths
from the centre, and how far down the top)."""


# The hairline of each style, from the near temple back to the far ear (see `_cap`):
# volume, back_end, temple, then (control, end) points.
_CAPS: dict[str, tuple[float, float, float, list[Point]]] = {
    "short": (0.14, 0.02, -0.14, [(0.44, -0.3), (0.26, -0.22), (0.02, -0.4), (-0.26, -0.26),
                                   (-0.37, -0.12), (-0.36, 0.02)]),
    "buzz": (0.025, -0.02, -0.22, [(0.3, -0.3), (0.1, -0.33), (-0.15, -0.34), (-0.3, -0.26),
                                    (-0.37, -0.15), (-0.37, -0.02)]),
    "curly": (0.1, 0.1, -0.1, [(0.3, -0.28), (0.0, -0.28), (-0.3, -0.28), (-0.36, -0.1),
                                (-0.4, 0.05), (-0.38, 0.1)]),
    "long": (0.12, 0.2, 0.1, [(0.42, -0.26), (0.1, -0.3), (-0.15, -0.33), (-0.28, -0.42),
                               (-0.34, -0.2), (-0.34, 0.2)]),
    "bob": (0.13, 0.46, 0.36, [(0.46, 0.1), (0.43, -0.22), (0.0, -0.26), (-0.3, -0.23),
                                (-0.3, 0.1), (-0.3, 0.44)]),
    "ponytail": (0.07, 0.0, -0.18, [(0.35, -0.32), (0.05, -0.35), (-0.25, -0.33), (-0.34, -0.15),
                                     (-0.38, -0.05), (-0.37, 0.02)]),
    "bun": (0.06, 0.0, -0.18, [(0.35, -0.32), (0.05, -0.35), (-0.25, -0.33), (-0.34, -0.15),
                                (-0.38, -0.05), (-0.37, 0.02)]),
    "braids": (0.07, 0.08, -0.05, [(0.4, -0.3), (0.08, -0.37), (-0.2, -0.3), (-0.32, -0.15),
                                    (-0.38, 0.0), (-0.37, 0.08)]),
    "afro": (0.12, 0.12, -0.08, [(0.32, -0.3), (0.0, -0.3), (-0.3, -0.3), (-0.38, -0.1),
                                  (-0.42, 0.05), (-0.4, 0.12)]),
    "locs": (0.1, 0.16, -0.06, [(0.38, -0.3), (0.06, -0.32), (-0.22, -0.32), (-0.34, -0.14),
                                 (-0.4, 0.02), (-0.38, 0.16)]),
    "wavy": (0.13, 0.24, 0.16, [(0.46, -0.18), (0.2, -0.32), (-0.08, -0.34), (-0.26, -0.36),
                                 (-0.32, -0.1), (-0.32, 0.24)]),
    "pixie": (0.08, 0.02, -0.06, [(0.48, -0.18), (0.34, -0.14), (0.1, -0.17), (-0.1, -0.35),
                                   (-0.3, -0.3), (-0.36, -0.1), (-0.4, 0.0), (-0.37, 0.04)]),
    "undercut": (0.025, -0.02, -0.2, [(0.3, -0.3), (0.1, -0.33), (-0.15, -0.34), (-0.3, -0.26),
                                       (-0.37, -0.15), (-0.37, -0.02)]),
}


def front(f: Figure, style: str, colour: Colour, skin: Colour, tie: Colour) -> list[str]:
    """Hair on and around the head: drawn after the face, before the brows."""
    p, w, h = f.at, f.head_w, f.head_h
    volume, back_end, temple, hairline = _CAPS[style]
    cap = _cap(f, volume, back_end, temple, hairline)
    if style == "buzz":
        # Stubble: the hair colour let through with some skin, and no shine.
        return [svg.path(cap, mix(colour, skin, 0.3))]
    if style == "undercut":
        # Shaved sides, and the top left long and swept up and back into a quiff.
        top = svg.d("M", p(0.44, -0.26), "C", p(0.62, -0.42), p(0.6, -0.74), p(0.3, -0.78),
                    "C", p(0.02, -0.82), p(-0.26, -0.68), p(-0.38, -0.44),
                    "Q", p(0.0, -0.46), p(0.44, -0.26), "Z")
        out = [svg.path(cap, mix(colour, skin, 0.45)), svg.path(top, colour)]
        for v in (0.0, 0.08):
            out.append(svg.curve(p(-0.24, -0.58 + v), p(0.12, -0.74 + v), p(0.46, -0.52 + v),
                                 light(colour, 0.2 - v), 0.035 * w))
        return out
    if style == "locs":
        # Grooves between the locs run from the crown to the hairline.
        out = [svg.path(cap, colour)]
        groove = light(colour, 0.16) if sum(colour) < 240 else shade(colour, 0.3)
        for u in (-0.3, -0.12, 0.06, 0.24, 0.4):
            out.append(svg.curve(p(u * 0.4, -0.62), p(u * 0.9, -0.5), p(u, -0.34), groove,
                                 0.03 * w))
        for u, end_u, end_t in _LOCS_FRONT:
            start = p(u, -0.3)
            end = (f.head_x + end_u * w, f.down_body(end_t))
            out.append(svg.curve(start, (end[0] + 0.05 * w, (start[1] + end[1]) / 2), end,
                                 colour, 0.13 * w))
        return out
    if style in _CURLS:
        # Curls scatter the light: no shine, a row of curls along the hairline instead (small
        # and many for an afro's soft, round hairline).
        n, left, top, arch, r = _CURLS[style]
        out = [svg.path(cap, colour)]
        for i in range(n):
            t = i / (n - 1)
            out.append(svg.circle(*p(left + t * 0.8, top - arch * (1 - (2 * t - 1) ** 2)),
                                  r * w, colour))
        return out
    out = [svg.path(cap, colour), _shine(f, colour, volume)]
    if style == "long":
        # A lock falling over the far shoulder onto the chest.
        x, chest = f.head_x, f.down_body(0.4)
        out.append(svg.path(svg.d("M", p(-0.5, -0.25),
                                  "C", p(-0.62, 0.3), (x - 0.6 * w, chest - 0.3 * h),
                                  (x - 0.52 * w, chest),
                                  "Q", (x - 0.4 * w, chest + 0.04 * h),
                                  (x - 0.26 * w, chest - 0.08 * h),
                                  "C", p(-0.3, 0.6), p(-0.3, 0.2), p(-0.3, -0.2), "Z"), colour))
    elif style in ("ponytail", "bun"):
        ponytail = style == "ponytail"
        out.append(svg.ellipse(*p(-0.46, -0.26) if ponytail else p(-0.1, -0.5), 0.07 * w,
                               0.045 * h, tie, rotate=-60 if ponytail else 0))
    elif style == "braids":
        out += _braid(p(0.44, 0)[0], p(0, 0.22)[1], f.down_body(0.42), 0.2 * w, colour, tie)
    elif style == "wavy":
        # A wave falling over the far ear onto the shoulder.
        x, y = f.head_x, f.down_body(0.04)
        out.append(svg.path(svg.d("M", p(-0.44, -0.32),
                                  "Q", p(-0.62, -0.06), p(-0.48, 0.16),
                                  "Q", p(-0.36, 0.36), p(-0.52, 0.56),
                                  "Q", (x - 0.62 * w, y - 0.06 * h), (x - 0.44 * w, y),
                                  "Q", (x - 0.34 * w, y - 0.12 * h), p(-0.34, 0.5),
                                  "Q", p(-0.24, 0.34), p(-0.32, 0.16),
                                  "Q", p(-0.4, -0.02), p(-0.3, -0.24), "Z"), colour))
    return out


_CURLS = {"curly": (7, -0.36, -0.27, 0.04, 0.1), "afro": (9, -0.38, -0.28, 0.03, 0.065)}
"""The row of curls along the hairline, in head units: how many, where the row starts (u) and
how high (v), how much it arches, and each curl's radius."""

_LOCS_FRONT = [(-0.36, -0.62, 0.26), (-0.24, -0.46, 0.2), (0.42, 0.56, 0.02)]
"""Locs in front: over the far ear onto the shoulder, and one at the near temple."""
