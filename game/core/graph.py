"""The branch map of a scenario: as data for the screens, and as Mermaid or Graphviz text.

Only data: the core writes no file and runs no program. `game/mapfile.py` turns the text into the
file `bystander graph` writes, drawing pictures with Graphviz's `dot`.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from . import vocab
from .model import Scenario


@dataclass(frozen=True)
class MapNode:
    id: str
    layer: int
    """Distance from the start scene, in steps."""
    slot: int
    """Position within its layer, from 0."""
    ending: str | None
    """The ending this scene closes the story with, if any."""
    decision: bool
    """Whether the player chooses here."""


@dataclass(frozen=True)
class MapEdge:
    source: str
    target: str
    choice_id: str | None
    """The choice that takes this road; None for a scene's `next`."""


@dataclass(frozen=True)
class BranchMap:
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    layers: int
    max_slots: int


def branch_map(scenario: Scenario) -> BranchMap:
    """Scenes laid out in layers by their distance from the start (breadth first)."""
    layer_of: dict[str, int] = {scenario.start: 0}
    order = [scenario.start]
    todo = deque([scenario.start])
    edges: list[MapEdge] = []
    while todo:
        scene = scenario.scenes[todo.popleft()]
        targets = [(r.to, c.id) for c in scene.choices for r in c.routes]
        targets += [(r.to, None) for r in scene.next_routes]
        for target, choice_id in targets:
            edges.append(MapEdge(scene.id, target, choice_id))
            if target not in layer_of:
                layer_of[target] = layer_of[scene.id] + 1
                order.append(target)
                todo.append(target)
    slots: dict[int, int] = {}
    nodes = []
    for scene_id in order:
        layer = layer_of[scene_id]
        scene = scenario.scenes[scene_id]
        nodes.append(MapNode(scene_id, layer, slots.get(layer, 0), scene.ending,
                             bool(scene.choices)))
        slots[layer] = slots.get(layer, 0) + 1
    return BranchMap(tuple(nodes), tuple(edges), max(slots) + 1 if slots else 0,
                     max(slots.values(), default=0))


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', "'").replace("\n", " ")


def _choice_labels(scenario: Scenario, lang: str) -> dict[str, str]:
    return {c.id: f"{c.id} ({vocab.label(vocab.STANCES[c.stance], lang)})"
            for s in scenario.scenes.values() for c in s.choices}


def to_mermaid(scenario: Scenario, lang: str = "nl") -> str:
    """The map as a Mermaid flowchart."""
    bm = branch_map(scenario)
    labels = _choice_labels(scenario, lang)
    lines = ["flowchart TD"]
    ident = lambda scene_id: f"s_{scene_id}"  # noqa: E731  ('end' and others are reserved)
    for node in bm.nodes:
        if node.ending:
            title = scenario.endings[node.ending].title.get_text(lang)
            lines.append(f'    {ident(node.id)}(["{_quote(node.id)}: {_quote(title)}"])')
        elif node.decision:
            lines.append(f'    {ident(node.id)}{{"{_quote(node.id)}"}}')
        else:
            lines.append(f'    {ident(node.id)}["{_quote(node.id)}"]')
    for edge in bm.edges:
        if edge.choice_id:
            lines.append(f'    {ident(edge.source)} -->|"{_quote(labels[edge.choice_id])}"| '
                         f'{ident(edge.target)}')
        else:
            lines.append(f"    {ident(edge.source)} --> {ident(edge.target)}")
    return "\n".join(lines) + "\n"


def to_dot(scenario: Scenario, lang: str = "nl") -> str:
    """The map as Graphviz DOT. Active choices are solid, passive ones dashed: not colour alone."""
    bm = branch_map(scenario)
    stance_of = {c.id: c.stance for s in scenario.scenes.values() for c in s.choices}
    labels = _choice_labels(scenario, lang)
    lines = [f'digraph "{_quote(scenario.id)}" {{', "    rankdir=TB;",
             '    node [fontname="Helvetica"]; edge [fontname="Helvetica", fontsize=10];']
    for node in bm.nodes:
        if node.ending:
            title = scenario.endings[node.ending].title.get_text(lang)
            lines.append(f'    "{node.id}" [shape=doubleoctagon, label="{_quote(node.id)}\\n'
                         f'{_quote(title)}"];')
        else:
            shape = "diamond" if node.decision else "box"
            lines.append(f'    "{node.id}" [shape={shape}, label="{_quote(node.id)}"];')
    for edge in bm.edges:
        if edge.choice_id:
            style = "dashed" if stance_of[edge.choice_id] in vocab.PASSIVE_STANCES else "solid"
            lines.append(f'    "{edge.source}" -> "{edge.target}" [style={style}, '
                         f'label="{_quote(labels[edge.choice_id])}"];')
        else:
            lines.append(f'    "{edge.source}" -> "{edge.target}";')
    lines.append("}")
    return "\n".join(lines) + "\n"
