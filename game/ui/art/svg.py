"""A tiny SVG writer and rasteriser for the characters.

Characters are written as SVG text and rasterised by SDL_image (nanosvg, built into pygame-ce):
that gives anti-aliased Bezier curves for hair, faces and limbs at exactly the requested size,
without drawing big and scaling down. nanosvg knows paths, fills, strokes, gradients, opacity and
transforms, but no clipping, so flat two-tone shading is done with hard-stop gradients instead.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pygame

from .palette import Colour, hexc

Point = tuple[float, float]


def _num(v: float) -> str:
    return f"{v:.1f}"


def d(*parts: str | Point) -> str:
    """Path data from commands and points: `d("M", a, "Q", c, b, "Z")`."""
    return " ".join(p if isinstance(p, str) else f"{_num(p[0])},{_num(p[1])}" for p in parts)


def _paint(fill: Colour | str | None, stroke: Colour | None, width: float,
           opacity: float) -> str:
    if isinstance(fill, tuple):
        fill = hexc(fill)
    attrs = f'fill="{fill or "none"}"'
    if stroke is not None:
        attrs += (f' stroke="{hexc(stroke)}" stroke-width="{_num(width)}"'
                  ' stroke-linecap="round" stroke-linejoin="round"')
    if opacity < 1:
        attrs += f' opacity="{opacity:.2f}"'
    return attrs


def path(data: str, fill: Colour | str | None = None, stroke: Colour | None = None,
         width: float = 0, opacity: float = 1) -> str:
    """A path element; `fill` may also be a `url(#id)` gradient reference."""
    return f'<path d="{data}" {_paint(fill, stroke, width, opacity)}/>'


def line(points: Sequence[Point], stroke: Colour, width: float) -> str:
    """A round-capped polyline: limbs, drawstrings, squeezed eyes."""
    return path(d("M", points[0], "L", *points[1:]), None, stroke, width)


def curve(a: Point, control: Point, b: Point, stroke: Colour, width: float) -> str:
    """A round-capped quadratic curve from `a` to `b` bending towards `control`."""
    return path(d("M", a, "Q", control, b), None, stroke, width)


def rect(x: float, y: float, w: float, h: float, r: float, fill: Colour | None,
         stroke: Colour | None = None, width: float = 0) -> str:
    """A rectangle with corners rounded by `r`: glasses frames."""
    return (f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" '
            f'rx="{_num(r)}" {_paint(fill, stroke, width, 1)}/>')


def ellipse(cx: float, cy: float, rx: float, ry: float, fill: Colour | str,
            rotate: float = 0, opacity: float = 1) -> str:
    """A filled ellipse, optionally rotated by `rotate` degrees around its centre."""
    turn = f' transform="rotate({rotate:.1f} {_num(cx)} {_num(cy)})"' if rotate else ""
    return (f'<ellipse cx="{_num(cx)}" cy="{_num(cy)}" rx="{_num(rx)}" ry="{_num(ry)}"{turn} '
            f'{_paint(fill, None, 0, opacity)}/>')


def circle(cx: float, cy: float, r: float, fill: Colour | str) -> str:
    """A filled circle."""
    return ellipse(cx, cy, r, r, fill)


def ring(cx: float, cy: float, r: float, stroke: Colour, width: float) -> str:
    """An unfilled circle: a wheel's tyre or rim."""
    return (f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r)}" '
            f'{_paint(None, stroke, width, 1)}/>')


def two_tone(gid: str, dark: Colour, base: Colour, split: float) -> str:
    """A hard-edged horizontal gradient: `dark` on the left `split` of a shape's box, `base` on
    the rest. This is how a shape gets its flat shadow side without clipping, which nanosvg
    lacks."""
    return (f'<linearGradient id="{gid}" x1="0" y1="0" x2="1" y2="0">'
            f'<stop offset="0" stop-color="{hexc(dark)}"/>'
            f'<stop offset="{split:.3f}" stop-color="{hexc(dark)}"/>'
            f'<stop offset="{split:.3f}" stop-color="{hexc(base)}"/>'
            f'<stop offset="1" stop-color="{hexc(base)}"/></linearGradient>')


def render(defs: Sequence[str], body: Sequence[str], view: tuple[float, float],
           size: tuple[int, int]) -> pygame.Surface:
    """Rasterise the elements, drawn in a `view` sized coordinate box, to a surface of `size`."""
    text = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(view[0])} '
            f'{_num(view[1])}"><defs>{"".join(defs)}</defs>{"".join(body)}</svg>')
    return pygame.image.load_sized_svg(io.BytesIO(text.encode()), size)
