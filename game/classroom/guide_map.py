"""The guide's branch map, laid out: where each scene's box, each arrow and each label stands.

Nothing needs to be installed to print the guide, so the map is laid out here rather than by
Graphviz: layers top to bottom in the order of `core.layer_order` (the ending screen's order too),
at most ROW_MAX scenes a row. This module only measures and places; templates/map.svg draws.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from ..core import graph, vocab
from ..core.layer_order import layer_order
from ..core.model import Scenario

ROW_MAX = 4
NODE_W = 150
GAP_X = 30
ROW_GAP = 40
MAP_PAD = 14
FONT = 11.5
LINE = 14


def scene_order(scenario: Scenario) -> list[str]:
    """Scenes in the order of the story (breadth first from the start), unreachable ones last:
    the order in which the guide and the report number them."""
    order = [node.id for node in graph.branch_map(scenario).nodes]
    return order + [s for s in scenario.scenes if s not in set(order)]


# Advance widths of Arial/Helvetica (and Liberation Sans) in em, to guess how wide a line prints.
_NARROW = dict.fromkeys("ijl'|.,:;!", 0.23) | dict.fromkeys("ftrI ()[]·-/", 0.31)
_WIDE = dict.fromkeys("mwMW", 0.84) | dict.fromkeys("ABCDEGHKNOQRUVXY&", 0.70)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """About how wide `text` prints in a sans-serif at `size`, with 5% to spare."""
    em = sum(_NARROW.get(ch, _WIDE.get(ch, 0.56)) for ch in text)
    return em * size * (1.08 if bold else 1.0) * 1.05


def _wrap(text: str, width: int = 23, lines: int = 2) -> list[str]:
    """Greedy word wrap by characters; the map's text is short."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return [line if len(line) <= width else line[: width - 1] + "…" for line in out]


@dataclass(frozen=True)
class MapText:
    """One line of text in a scene's box, centred on x."""

    text: str
    x: float
    y: float
    size: float
    bold: bool
    italic: bool
    squeeze: int | None
    """The width to squeeze the line into when it would run over the box's edge; else None."""


@dataclass
class MapBox:
    """One scene: a hexagon (decision), a rectangle (scene) or a double-bordered pill (ending)."""

    id: str
    kind: str
    """`decision`, `scene` or `ending`."""
    lines: list[tuple[str, str]]
    """(text, kind of line: `id`, `title`, `outcome` or `sub`) from top to bottom."""
    outcome: str | None
    """An ending's outcome (`bad`, `mixed`, `good`), which colours its box; None for a scene."""
    x: float = 0.0
    y: float = 0.0
    h: float = 0.0
    texts: list[MapText] = field(default_factory=list)
    """The lines, placed (filled in once the box is)."""


@dataclass(frozen=True)
class MapArrow:
    path: str
    """The SVG path of the curve."""
    kind: str
    """`active`, `passive` (a choice of that stance) or `next` (the scene goes on by itself)."""


@dataclass(frozen=True)
class MapLabel:
    """The letters of the choices an arrow stands for, in a small box centred on x, y."""

    text: str
    x: float
    y: float
    w: float


@dataclass(frozen=True)
class MapLayout:
    width: float
    height: float
    node_w: float
    boxes: list[MapBox]
    arrows: list[MapArrow]
    labels: list[MapLabel]


def lay_out(scenario: Scenario, lang: str) -> MapLayout:
    """The branch map of `scenario` with its words in `lang`, placed."""
    bm = graph.branch_map(scenario)
    numbers = {s: i + 1 for i, s in enumerate(scene_order(scenario))}
    boxes: dict[str, MapBox] = {}
    for node in bm.nodes:
        scene = scenario.scenes[node.id]
        head = (f"{numbers[node.id]} · {node.id}", "id")
        if node.ending:
            ending = scenario.endings[node.ending]
            lines = [head] + [(t, "title") for t in _wrap(ending.title.get_text(lang))]
            lines.append((vocab.label(vocab.ENDING_OUTCOMES[ending.outcome], lang), "outcome"))
            boxes[node.id] = MapBox(node.id, "ending", lines, ending.outcome)
        elif node.decision:
            sub = (vocab.label(vocab.STEPS[scene.step], lang) if scene.step
                   else vocab.label(vocab.PLACES[scene.place], lang))
            boxes[node.id] = MapBox(node.id, "decision",
                                    [head] + [(t, "sub") for t in _wrap(sub, 20)], None)
        else:
            boxes[node.id] = MapBox(node.id, "scene",
                                    [head, (vocab.label(vocab.PLACES[scene.place], lang), "sub")],
                                    None)
    rows: list[list[str]] = []
    for layer in layer_order(bm):
        for i in range(0, len(layer), ROW_MAX):
            rows.append(layer[i:i + ROW_MAX])
    columns = min(max((len(r) for r in rows), default=1), ROW_MAX)
    width = MAP_PAD * 2 + columns * NODE_W + (columns - 1) * GAP_X
    row_of: dict[str, int] = {}
    y = MAP_PAD
    for r, row in enumerate(rows):
        row_h = max(len(boxes[s].lines) * LINE + 14 for s in row)
        span = len(row) * NODE_W + (len(row) - 1) * GAP_X
        # Rows of one layer that wrap are shifted half a slot, so their edges do not overlap.
        left = (width - span) / 2
        for i, scene_id in enumerate(row):
            box = boxes[scene_id]
            box.x = left + i * (NODE_W + GAP_X)
            box.h = row_h
            box.y = y
            box.texts = _place_texts(box)
            row_of[scene_id] = r
        y += row_h + ROW_GAP
    height = y - ROW_GAP + MAP_PAD
    row_boxes = [[boxes[s] for s in row] for row in rows]

    # Parallel choices between the same two scenes become one arrow per kind, labelled A, B...
    stance_of: dict[str, str] = {}
    letter_of: dict[str, str] = {}
    for scene in scenario.scenes.values():
        for i, c in enumerate(scene.choices):
            stance_of[c.id] = c.stance
            letter_of[c.id] = string.ascii_uppercase[i]
    roads: dict[tuple[str, str, str], list[str]] = {}
    for edge in bm.edges:
        if edge.choice_id is None:
            kind = "next"
        else:
            kind = "passive" if stance_of[edge.choice_id] in vocab.PASSIVE_STANCES else "active"
        roads.setdefault((edge.source, edge.target, kind), [])
        if edge.choice_id:
            roads[(edge.source, edge.target, kind)].append(letter_of[edge.choice_id])

    arrows, labels = [], []
    placed: list[tuple[float, float, float, float]] = []
    for (source, target, kind), letters in roads.items():
        a, b = boxes[source], boxes[target]
        pair = {k for (s, t, k) in roads if s == source and t == target}
        shift = 0.0
        if len(pair) > 1:
            shift = {"active": -9.0, "passive": 9.0, "next": 0.0}[kind]
        path, spots = _edge_path(a, b, row_of[source], row_of[target], shift, row_boxes)
        arrows.append(MapArrow(path, kind))
        if letters:
            text = ",".join(letters)
            w = 8 + 7 * len(text)
            if shift:  # two labels side by side, not on top of each other
                spots = [(x + (w / 2 + 2) * (1 if shift > 0 else -1), y) for x, y in spots]
            lx, ly = _free_spot(placed, spots, w, 15)
            labels.append(MapLabel(text, lx, ly, w))
    return MapLayout(width, height, NODE_W, list(boxes.values()), arrows, labels)


def _place_texts(box: MapBox) -> list[MapText]:
    """The box's lines centred in it, a line squeezed only when it would run over the edge."""
    top = box.y + (box.h - len(box.lines) * LINE) / 2 + LINE - 3
    room = NODE_W - (30 if box.kind == "decision" else 12)
    texts = []
    for i, (text, kind) in enumerate(box.lines):
        bold = kind in ("id", "outcome")
        size = FONT if kind != "outcome" else FONT - 1
        wide = text_width(text, size, bold) > room
        texts.append(MapText(text, box.x + NODE_W / 2, top + i * LINE, size, bold,
                             kind == "sub", room if wide else None))
    return texts


def _edge_path(a: MapBox, b: MapBox, row_a: int, row_b: int, shift: float,
               rows: list[list[MapBox]]) -> tuple[str, list[tuple[float, float]]]:
    """A curve from scene a to scene b, and places along it for its label, best first. An arrow that passes rows on its
    way down goes through the gap between their scenes nearest to its course, never behind one."""
    ax, bx = a.x + NODE_W / 2 + shift, b.x + NODE_W / 2 + shift
    if row_b > row_a:  # downwards: bottom to top
        points = [(ax, a.y + a.h)]
        for r in range(row_a + 1, row_b):
            row = rows[r]
            t = (r - row_a) / (row_b - row_a)
            want = ax + (bx - ax) * t
            gaps = ([row[0].x - GAP_X / 2] + [box.x + NODE_W + GAP_X / 2 for box in row[:-1]]
                    + [row[-1].x + NODE_W + GAP_X / 2])
            gx = min(gaps, key=lambda g: abs(g - want)) + shift / 3
            points += [(gx, row[0].y - 4), (gx, row[0].y + row[0].h + 4)]
        points.append((bx, b.y))
        path = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            if abs(x1 - x2) < 0.5:
                path.append(f"L{x2:.1f},{y2:.1f}")
            else:
                dy = (y2 - y1) / 2
                path.append(f"C{x1:.1f},{y1 + dy:.1f} {x2:.1f},{y2 - dy:.1f} {x2:.1f},{y2:.1f}")
        (x1, y1), (x2, y2) = points[0], points[1]
        dy = (y2 - y1) / 2
        spots = [(_bezier(x1, x1, x2, x2, t), _bezier(y1, y1 + dy, y2 - dy, y2, t))
                 for t in (0.3, 0.5, 0.15, 0.7)]
        return " ".join(path), spots
    if row_b == row_a:  # same row: from the side, around underneath
        right = b.x > a.x
        x1 = a.x + (NODE_W if right else 0)
        x2 = b.x + (0 if right else NODE_W)
        y1 = y2 = a.y + a.h * 0.7 + shift / 3
        path = f"M{x1:.1f},{y1:.1f} C{x1 + (12 if right else -12):.1f},{y1 + 22:.1f} " \
               f"{x2 + (-12 if right else 12):.1f},{y2 + 22:.1f} {x2:.1f},{y2:.1f}"
        return path, [((x1 + x2) / 2, y1 + 16)]
    # upwards (a loop back): out of the right side, round, into the right side
    x1, x2 = a.x + NODE_W, b.x + NODE_W
    y1, y2 = a.y + a.h / 2, b.y + b.h / 2
    bend = max(x1, x2) + 30
    path = f"M{x1:.1f},{y1:.1f} C{bend:.1f},{y1:.1f} {bend:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
    return path, [(bend - 8, (y1 + y2) / 2)]


def _free_spot(placed: list[tuple[float, float, float, float]],
               spots: list[tuple[float, float]], w: float, h: float) -> tuple[float, float]:
    """A place for a label of w x h that overlaps no label placed before: one of the spots along
    its arrow, else one beside the first."""
    x, y = spots[0]
    tries = spots + [(x + dx, y + dy) for dx, dy in ((0, h + 2), (w + 2, 0), (-w - 2, 0),
                                                      (0, -h - 2), (0, 2 * h + 4))]
    for cx, cy in tries:
        box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        if not any(box[0] < p[2] + 1 and p[0] < box[2] + 1 and box[1] < p[3] + 1
                   and p[1] < box[3] + 1 for p in placed):
            placed.append(box)
            return cx, cy
    placed.append((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    return x, y


def _bezier(p0: float, p1: float, p2: float, p3: float, t: float) -> float:
    u = 1 - t
    return u ** 3 * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t ** 3 * p3
