"""Drawing places at any screen size, in units of the screen height.

A place is laid out in height units: y runs from 0 (top) to 1 (bottom), x from the centre of the
screen, so a 16:9 screen spans x = -0.89..0.89. Shapes keep their proportions on any aspect ratio;
wider screens simply show more wall. Everything is drawn at the final pixel size (never drawn small
and scaled up), with anti-aliased edges on circles and slanted lines.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import pygame

from .palette import Colour

Point = tuple[float, float]


class Canvas:
    """An opaque surface of a given pixel size, drawn on in height units.

    Every colour passes through `grade` on its way to the surface: that is how the light of a
    scene (light.py) reaches every shape without the scenes knowing about it.
    """

    def __init__(self, size: tuple[int, int],
                 grade: Callable[[Colour], Colour] = lambda c: c,
                 like: pygame.Surface | None = None) -> None:
        self.surface = pygame.Surface(size, 0, like) if like is not None else pygame.Surface(size)
        """In the pixel format of `like` (the display) when given: drawn in it directly, it
        needs no conversion, which would hold two copies at once (66 MB at 4K)."""
        self.w, self.h = size
        self.grade = grade
        self.left = -self.w / 2 / self.h
        """The x of the left edge, in height units; the right edge is `-left`."""

    def px(self, x: float, y: float) -> tuple[float, float]:
        """A point in height units as pixel coordinates."""
        return self.w / 2 + x * self.h, y * self.h

    def band(self, colour: Colour, y0: float, y1: float) -> None:
        """A full-width horizontal band: wall, floor, skirting board."""
        top, bottom = round(y0 * self.h), round(y1 * self.h)
        pygame.draw.rect(self.surface, self.grade(colour), (0, top, self.w, bottom - top))

    def rect(self, colour: Colour, x: float, y: float, w: float, h: float,
             radius: float = 0) -> None:
        """A rectangle with its top left at (x, y); `radius` rounds the corners smoothly."""
        colour = self.grade(colour)
        left, top = self.px(x, y)
        right, bottom = self.px(x + w, y + h)
        left, top, right, bottom = round(left), round(top), round(right), round(bottom)
        r = min(round(radius * self.h), (right - left) // 2, (bottom - top) // 2)
        if r < 2:
            pygame.draw.rect(self.surface, colour, (left, top, right - left, bottom - top))
            return
        # Two crossing rectangles and four anti-aliased quarter circles: smooth corners,
        # which pygame's own border_radius draws jagged.
        pygame.draw.rect(self.surface, colour, (left + r, top, right - left - 2 * r, bottom - top))
        pygame.draw.rect(self.surface, colour, (left, top + r, right - left, bottom - top - 2 * r))
        corners = {"draw_top_left": (left + r, top + r), "draw_top_right": (right - r - 1, top + r),
                   "draw_bottom_left": (left + r, bottom - r - 1),
                   "draw_bottom_right": (right - r - 1, bottom - r - 1)}
        for corner, centre in corners.items():
            pygame.draw.aacircle(self.surface, colour, centre, r, **{corner: True})

    def polygon(self, colour: Colour, points: Sequence[Point]) -> None:
        """A filled polygon with anti-aliased edges."""
        pixels = [self.px(x, y) for x, y in points]
        colour = self.grade(colour)
        pygame.draw.polygon(self.surface, colour, pixels)
        pygame.draw.aalines(self.surface, colour, True, pixels)

    def circle(self, colour: Colour, x: float, y: float, r: float) -> None:
        """A filled, anti-aliased circle."""
        pygame.draw.aacircle(self.surface, self.grade(colour), self.px(x, y), max(r * self.h, 1))

    def ellipse(self, colour: Colour, x: float, y: float, rx: float, ry: float) -> None:
        """A filled ellipse with anti-aliased edges, centred on (x, y)."""
        n = max(24, min(int((rx + ry) * self.h / 3), 160))
        self.polygon(colour, [(x + rx * math.cos(2 * math.pi * i / n),
                               y + ry * math.sin(2 * math.pi * i / n)) for i in range(n)])

    def line(self, colour: Colour, a: Point, b: Point, width: float) -> None:
        """A thick line with round ends: bars, bike frames, table legs."""
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = math.hypot(dx, dy) or 1.0
        ox, oy = -dy / n * width / 2, dx / n * width / 2
        self.polygon(colour, [(a[0] + ox, a[1] + oy), (b[0] + ox, b[1] + oy),
                              (b[0] - ox, b[1] - oy), (a[0] - ox, a[1] - oy)])
        self.circle(colour, *a, width / 2)
        self.circle(colour, *b, width / 2)

    def ring(self, colour: Colour, x: float, y: float, r: float, width: float) -> None:
        """A circle outline, e.g. a wheel or a clock face."""
        pygame.draw.aacircle(self.surface, self.grade(colour), self.px(x, y),
                             max(r * self.h, 1), max(round(width * self.h), 1))

    def polyline(self, colour: Colour, points: Sequence[Point], width: float) -> None:
        """Thick connected lines with round joins: a bent steel hoop, a handlebar."""
        for a, b in zip(points, points[1:]):
            self.line(colour, a, b, width)

    @contextmanager
    def clip(self, x: float, y: float, w: float, h: float) -> Iterator[None]:
        """Keep what is drawn inside the block inside this rectangle: the view out of a window."""
        left, top = self.px(x, y)
        right, bottom = self.px(x + w, y + h)
        before = self.surface.get_clip()
        self.surface.set_clip(pygame.Rect(round(left), round(top), round(right) - round(left),
                                          round(bottom) - round(top)))
        try:
            yield
        finally:
            self.surface.set_clip(before)

    def shadow(self, x: float, y: float, rx: float, ry: float, alpha: int = 60) -> None:
        """A soft dark ellipse on the floor under furniture, blended over what is there."""
        w, h = max(round(2 * rx * self.h), 1), max(round(2 * ry * self.h), 1)
        blob = pygame.Surface((w, h), pygame.SRCALPHA)
        pygame.draw.ellipse(blob, (0, 0, 0, alpha), blob.get_rect())
        cx, cy = self.px(x, y)
        self.surface.blit(blob, (round(cx - w / 2), round(cy - h / 2)))
