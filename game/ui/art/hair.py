"""Hair, in two layers: what hangs behind the head and body, and what sits on top of the head.

The hair style is the strongest cue, after height, for telling characters apart from across a
room, so each style has its own silhouette: a cloud of curls, a bun on top, a ponytail sticking
out behind, braids over the shoulders, a bob to the chin, long hair past the shoulders.
"""

from __future__ import annotations

from . import svg
from .figure import Figure
from .palette import Colour, light, mix, shade
from .svg import Point

# Styles whose hair covers the far ear.
HIDES_EAR = frozenset({"long", "bob", "curly"})


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
    return []


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
}


def front(f: Figure, style: str, colour: Colour, skin: Colour, tie: Colour) -> list[str]:
    """Hair on and around the head: drawn after the face, before the brows."""
    p, w, h = f.at, f.head_w, f.head_h
    volume, back_end, temple, hairline = _CAPS[style]
    cap = _cap(f, volume, back_end, temple, hairline)
    if style == "buzz":
        # Stubble: the hair colour let through with some skin, and no shine.
        return [svg.path(cap, mix(colour, skin, 0.3))]
    if style == "curly":
        # Curls scatter the light: no shine, a row of curls along the hairline instead.
        out = [svg.path(cap, colour)]
        for i in range(7):
            t = i / 6
            out.append(svg.circle(*p(-0.36 + t * 0.8, -0.27 - 0.04 * (1 - (2 * t - 1) ** 2)),
                                  0.1 * w, colour))
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
    return out
