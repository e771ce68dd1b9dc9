"""The ending screen's pictures: the victim's meters as a line chart and the branch map.

Both tell things apart by shape and line style as well as colour: each meter has its own dash
pattern and marker; the road taken is thick and solid, roads not taken thin and dashed; scenes,
choice points and endings are circles, diamonds and squares.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from ..core.layer_order import layer_order
from . import text as tx
from .theme import Theme

DASHES = ((0, 0), (14, 8), (3, 6), (18, 6))
"""Dash and gap per series, in tenths of a layout unit; (0, 0) is a solid line."""
MARKERS = ("circle", "square", "triangle", "diamond")


def dashed_polyline(surface, colour, points, width: int, dash: float, gap: float) -> None:
    """A polyline drawn solid (dash 0) or as dashes; the pattern restarts at each corner."""
    if dash <= 0:
        if len(points) > 1:
            pygame.draw.lines(surface, colour, False, points, width)
        return
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        length = math.hypot(bx - ax, by - ay)
        if length == 0:
            continue
        pos = 0.0
        while pos < length:
            e = min(length, pos + dash)
            pygame.draw.line(surface, colour, (ax + (bx - ax) * pos / length,
                                               ay + (by - ay) * pos / length),
                             (ax + (bx - ax) * e / length, ay + (by - ay) * e / length), width)
            pos += dash + gap


def marker(surface, colour, center, r: float, shape: str, outline=None, width: int = 0) -> None:
    cx, cy = center
    if shape == "circle":
        pts = None
        pygame.draw.circle(surface, colour, (cx, cy), r, width)
    elif shape == "square":
        pts = [(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r)]
    elif shape == "triangle":
        pts = [(cx, cy - r * 1.2), (cx + r * 1.1, cy + r * 0.8), (cx - r * 1.1, cy + r * 0.8)]
    else:
        pts = [(cx, cy - r * 1.3), (cx + r * 1.3, cy), (cx, cy + r * 1.3), (cx - r * 1.3, cy)]
    if pts is not None:
        pygame.draw.polygon(surface, colour, pts, width)
        if outline is not None:
            pygame.draw.polygon(surface, outline, pts, max(1, int(r // 4)))
    elif outline is not None:
        pygame.draw.circle(surface, outline, (cx, cy), r, max(1, int(r // 4)))


@dataclass
class Series:
    label: str
    values: tuple[int, ...]
    low: int
    high: int


def line_chart(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, series: list[Series],
               x_label: str, y_label: str, legend: bool = True) -> bool:
    """Meters over the run: labelled axes, a legend with names, one style per series.

    Returns False when the legend did not fit. Small multiples that share one legend drawn
    elsewhere pass `legend=False` (and may leave `y_label` empty).
    """
    p = theme.palette
    size = theme.small
    line_h = tx.line_height(size)
    # Legend: each entry a line sample with its marker, then the name; wraps onto more rows.
    x, y = rect.x, rect.y
    sample_w = theme.px(5)
    fits = True
    for i, s in enumerate(series if legend else ()):
        label = tx.render(s.label, size, p.ink)
        w = sample_w + theme.px(0.8) + label.get_width() + theme.px(2)
        if x + w > rect.right and x > rect.x:
            x, y = rect.x, y + line_h
        cy = y + line_h // 2
        dash, gap = DASHES[i % len(DASHES)]
        colour = p.series[i % len(p.series)]
        dashed_polyline(surface, colour, [(x, cy), (x + sample_w, cy)], max(2, theme.px(0.5)),
                        dash * theme.u / 10, gap * theme.u / 10)
        marker(surface, colour, (x + sample_w // 2, cy), theme.px(0.8), MARKERS[i % 4])
        surface.blit(label, (x + sample_w + theme.px(0.8), y))
        fits &= x + w - theme.px(2) <= rect.right
        x += w
    top = y + line_h + theme.px(1) if legend else rect.y + line_h // 2
    # Axes: the y-axis title turned on its side, tick values, the x-axis title underneath.
    y_title = (pygame.transform.rotate(tx.render(y_label, size, p.ink), 90) if y_label
               else pygame.Surface((0, 0)))
    lo = min(s.low for s in series) if series else 0
    hi = max(s.high for s in series) if series else 100
    ticks = [lo, (lo + hi) // 2, hi]
    if rect.h < 8 * line_h:  # a short chart: the middle tick would crowd the others
        ticks = [lo, hi]
    tick_w = max(tx.text_width(str(v), size) for v in ticks)
    x_title = tx.render(x_label, size, p.ink)
    plot = pygame.Rect(rect.x + y_title.get_width() + tick_w + theme.px(1.5), top,
                       0, 0)
    plot.w = rect.right - plot.x - theme.px(1)
    plot.h = rect.bottom - top - x_title.get_height() - line_h - theme.px(0.5)
    if plot.h < theme.px(4) or plot.w < theme.px(10):
        return False
    surface.blit(y_title, y_title.get_rect(midleft=(rect.x, plot.centery)))
    for v in ticks:
        ty = plot.bottom - (v - lo) / max(1, hi - lo) * plot.h
        label = tx.render(str(v), size, p.ink)
        surface.blit(label, label.get_rect(midright=(plot.x - theme.px(0.6), ty)))
        pygame.draw.line(surface, p.track, (plot.x, ty), (plot.right, ty), 1)
    n = max((len(s.values) for s in series), default=1)
    step_every = max(1, math.ceil(n / max(1, plot.w // theme.px(6))))
    for k in range(0, n, step_every):
        tx_ = plot.x + (k / max(1, n - 1)) * plot.w
        label = tx.render(str(k), size, p.ink)
        where = label.get_rect(midtop=(tx_, plot.bottom + theme.px(0.3)))
        where.left = max(where.left, plot.x + theme.px(0.3))  # clear of the y-axis's lowest tick
        surface.blit(label, where)
    surface.blit(x_title, x_title.get_rect(midbottom=(plot.centerx, rect.bottom)))
    pygame.draw.line(surface, p.ink, plot.bottomleft, plot.bottomright, max(1, theme.px(0.2)))
    pygame.draw.line(surface, p.ink, plot.topleft, plot.bottomleft, max(1, theme.px(0.2)))
    for i, s in enumerate(series):
        colour = p.series[i % len(p.series)]
        pts = [(plot.x + (k / max(1, n - 1)) * plot.w,
                plot.bottom - (v - lo) / max(1, hi - lo) * plot.h) for k, v in enumerate(s.values)]
        dash, gap = DASHES[i % len(DASHES)]
        dashed_polyline(surface, colour, pts, max(2, theme.px(0.45)), dash * theme.u / 10,
                        gap * theme.u / 10)
        for pt in pts:
            marker(surface, colour, pt, theme.px(0.75), MARKERS[i % 4])
    return fits


def branch_map(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, bmap, path,
               legend: dict[str, str]) -> bool:
    """The scenario's scenes and roads, the path taken drawn thick and solid, the rest dashed;
    layers left to right, each in the order `core.layer_order` gives (the guide's map's too)."""
    p = theme.palette
    legend_h = _legend(surface, theme, rect, legend)
    area = pygame.Rect(rect.x, rect.y + legend_h + theme.px(0.5), rect.w,
                       rect.h - legend_h - theme.px(0.5))
    if not bmap.nodes or area.h < theme.px(4):
        return area.h >= theme.px(4)
    r = max(3, min(theme.px(1.3), area.h / (2.6 * max(1, bmap.max_slots))))
    pos = {}
    for layer, ids in enumerate(layer_order(bmap)):
        x = area.x + r * 1.6 + (area.w - 3.2 * r) * (layer / max(1, bmap.layers - 1))
        for slot, scene_id in enumerate(ids):
            pos[scene_id] = (x, area.y + area.h * (slot + 0.5) / max(1, len(ids)))
    visited = set(path)
    taken = set(zip(path, path[1:]))
    for e in bmap.edges:
        if (e.source, e.target) not in taken and e.source in pos and e.target in pos:
            dashed_polyline(surface, p.road_not_taken, [pos[e.source], pos[e.target]],
                            max(1, theme.px(0.25)), theme.px(0.8), theme.px(0.6))
    for e in bmap.edges:
        if (e.source, e.target) in taken:
            pygame.draw.line(surface, p.path, pos[e.source], pos[e.target],
                             max(3, theme.px(0.8)))
    for node in bmap.nodes:
        shape = "square" if node.ending else ("diamond" if node.decision else "circle")
        if node.id in visited:
            marker(surface, p.path, pos[node.id], r, shape, outline=p.ink)
        else:
            marker(surface, p.panel, pos[node.id], r * 0.8, shape)
            marker(surface, p.road_not_taken, pos[node.id], r * 0.8, shape,
                   width=max(1, theme.px(0.25)))
    if path and path[-1] in pos:  # where the story ended: an extra ring
        pygame.draw.circle(surface, p.ink, pos[path[-1]], r * 2.0, max(2, theme.px(0.3)))
    return True


def _legend(surface, theme: Theme, rect: pygame.Rect, legend: dict[str, str]) -> int:
    """Line styles and shapes with their words; returns the height it took."""
    p = theme.palette
    size = theme.small
    line_h = tx.line_height(size)
    x, y = rect.x, rect.y
    sample = theme.px(4)
    r = theme.px(1.0)
    items = [("taken", legend["taken"]), ("not_taken", legend["not_taken"]),
             ("circle", legend["scene"]), ("diamond", legend["choice"]),
             ("square", legend["ending"])]
    for kind, label in items:
        text = tx.render(label, size, p.ink)
        w = sample + theme.px(0.8) + text.get_width() + theme.px(2)
        if x + w > rect.right and x > rect.x:
            x, y = rect.x, y + line_h
        cy = y + line_h // 2
        if kind == "taken":
            pygame.draw.line(surface, p.path, (x, cy), (x + sample, cy), max(3, theme.px(0.8)))
        elif kind == "not_taken":
            dashed_polyline(surface, p.road_not_taken, [(x, cy), (x + sample, cy)],
                            max(2, theme.px(0.3)), theme.px(0.8), theme.px(0.6))
        else:
            marker(surface, p.path, (x + sample // 2, cy), r, kind, outline=p.ink)
        surface.blit(text, (x + sample + theme.px(0.8), y))
        x += w
    return y + line_h - rect.y
