"""The branch map of a scenario: as data for the screens, and as Mermaid or Graphviz text.

Only data: the core writes no file and runs no program. `game/mapfile.py` turns the text into the
file `bystander graph` writes, drawing pictures with Graphviz's `dot`.
"""

from __future__ import annotations

import html
import textwrap
from collections import deque
from dataclasses import dataclass

from . import vocab
from .model import Choice, Scenario
from .translations import words


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
    when: str | None = None
    """The road's own condition, when its `goto` or `next` names several roads."""
    otherwise: bool = False
    """The last of several roads: taken when no condition before it holds."""


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
        targets = [(r, c.id, len(c.routes)) for c in scene.choices for r in c.routes]
        targets += [(r, None, len(scene.next_routes)) for r in scene.next_routes]
        for route, choice_id, roads in targets:
            target = route.to
            edges.append(MapEdge(scene.id, target, choice_id, route.when,
                                 roads > 1 and route.when is None))
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


STANCE_COLOURS = {
    "assistant": "#D55E00", "reinforcer": "#E69F00", "outsider": "#000000",
    "confront": "#0072B2", "support": "#009E73", "report": "#56B4E9", "mobilise": "#CC79A7",
}
"""Okabe-Ito, as the game's charts: standing by in the warm colours (vermillion, the charts'
passive, for joining in), acting in the cool ones (blue, the charts' active, for confronting).
Standing by is also dashed, so no colour has to be told apart alone."""
OUTCOME_COLOURS = {"bad": "#F5C8A8", "mixed": "#F9E79F", "good": "#A8DCC8"}
"""The fills of the endings by outcome, as the classroom pages' charts; the outcome is written
in the ending too."""
NEXT_COLOUR = "#555555"
"""A scene's `next`: no choice, grey as in the charts."""
WRAP = 28
"""Characters a line of a choice's text on an arrow, so that arrows stay narrow."""


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', "'").replace("\n", " ")


def _wrapped(text: str, width: int = WRAP) -> list[str]:
    """A text in lines of at most `width` characters (a condition breaks at its spaces)."""
    return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False) or [""]


def _edge_lines(scenario: Scenario, edge: MapEdge, lang: str) -> list[str]:
    """What an arrow says: the choice's text and stance, its condition, and the road's."""
    _ = words(lang)
    lines: list[str] = []
    if edge.choice_id is not None:
        choice = _choices(scenario)[edge.choice_id]
        lines += _wrapped(choice.text.get_text(lang))
        lines.append(f"({vocab.label(vocab.STANCES[choice.stance], lang)})")
        if choice.when is not None:
            # TRANSLATORS: on an arrow of the branch map: the choice's condition, as written.
            only = _.pgettext("branch map", "only if {condition}", condition=choice.when)
            lines += _wrapped(only, WRAP + 12)
    if edge.when is not None:
        if edge.choice_id:
            road = _.pgettext("branch map", "then if {condition}", condition=edge.when)
        else:
            road = _.pgettext("branch map", "if {condition}", condition=edge.when)
        lines += _wrapped(road, WRAP + 12)
    elif edge.otherwise:
        lines.append(_.pgettext("branch map", "otherwise"))
    return lines


def _choices(scenario: Scenario) -> dict[str, Choice]:
    return {c.id: c for s in scenario.scenes.values() for c in s.choices}


def _ending_lines(scenario: Scenario, ending_id: str, lang: str) -> list[str]:
    ending = scenario.endings[ending_id]
    outcome = vocab.label(vocab.ENDING_OUTCOMES[ending.outcome], lang)
    return [*_wrapped(ending.title.get_text(lang)), f"({outcome})"]


def _mermaid_text(lines: list[str]) -> str:
    """Lines as a Mermaid label: no double quotes, and < and > as entities, which Mermaid
    would otherwise read as HTML."""
    return "<br/>".join(_quote(line).replace("<", "#lt;").replace(">", "#gt;")
                        for line in lines)


def to_mermaid(scenario: Scenario, lang: str = "nl") -> str:
    """The map as a Mermaid flowchart: arrows coloured by stance (dashed when standing by),
    endings by outcome, and a legend."""
    bm = branch_map(scenario)
    choices = _choices(scenario)
    lines = ["flowchart TD"]
    ident = lambda scene_id: f"s_{scene_id}"  # noqa: E731  ('end' and others are reserved)
    for node in bm.nodes:
        if node.ending:
            label = _mermaid_text([node.id, *_ending_lines(scenario, node.ending, lang)])
            outcome = scenario.endings[node.ending].outcome
            lines.append(f'    {ident(node.id)}(["{label}"]):::{outcome}')
        elif node.decision:
            lines.append(f'    {ident(node.id)}{{"{_quote(node.id)}"}}')
        else:
            lines.append(f'    {ident(node.id)}["{_quote(node.id)}"]')
    styles = []
    for number, edge in enumerate(bm.edges):
        label = _mermaid_text(_edge_lines(scenario, edge, lang))
        arrow = f' -->|"{label}"| ' if label else " --> "
        lines.append(f"    {ident(edge.source)}{arrow}{ident(edge.target)}")
        styles.append(f"    linkStyle {number} {_mermaid_stroke(choices, edge)}")
    lines += _mermaid_legend(lang)
    lines += styles
    lines += [f"    classDef {outcome} fill:{colour},stroke:#333333"
              for outcome, colour in OUTCOME_COLOURS.items()]
    return "\n".join(lines) + "\n"


def _mermaid_stroke(choices: dict[str, Choice], edge: MapEdge) -> str:
    if edge.choice_id is None:
        return f"stroke:{NEXT_COLOUR},stroke-width:1px"
    stance = choices[edge.choice_id].stance
    dashed = ",stroke-dasharray:6 4" if stance in vocab.PASSIVE_STANCES else ""
    return f"stroke:{STANCE_COLOURS[stance]},stroke-width:2px{dashed}"


def _mermaid_legend(lang: str) -> list[str]:
    """The legend as a subgraph: a box per stance in its colour, the shapes, the outcomes."""
    _ = words(lang)
    legend = _quote(_.pgettext("branch map", "Legend"))
    scene = _quote(_.pgettext("branch map", "scene"))
    decision = _quote(_.pgettext("branch map", "decision"))
    lines = [f'    subgraph legend ["{legend}"]', "        direction LR",
             f'        l_scene["{scene}"]', f'        l_decision{{"{decision}"}}']
    for outcome in OUTCOME_COLOURS:
        word = vocab.label(vocab.ENDING_OUTCOMES[outcome], lang)
        ending = _quote(_.pgettext("branch map", "ending ({outcome})", outcome=word))
        lines.append(f'        l_{outcome}(["{ending}"]):::{outcome}')
    for stance, colour in STANCE_COLOURS.items():
        line = "- - -" if stance in vocab.PASSIVE_STANCES else "———"
        word = _quote(vocab.label(vocab.STANCES[stance], lang))
        lines.append(f'        l_{stance}["{line} {word}"]')
        dashed = ",stroke-dasharray:6 4" if stance in vocab.PASSIVE_STANCES else ""
        lines.append(f"        style l_{stance} stroke:{colour},color:{colour},"
                     f"stroke-width:2px{dashed}")
    lines.append("    end")
    return lines


def to_dot(scenario: Scenario, lang: str = "nl") -> str:
    """The map as Graphviz DOT: arrows coloured by stance and dashed when standing by (not
    colour alone), labelled with the choice's text, stance and conditions; endings filled by
    outcome; a legend."""
    bm = branch_map(scenario)
    choices = _choices(scenario)
    lines = [f'digraph "{_quote(scenario.id)}" {{', "    rankdir=TB;",
             '    node [fontname="Helvetica"]; edge [fontname="Helvetica", fontsize=10];']
    for node in bm.nodes:
        if node.ending:
            outcome = scenario.endings[node.ending].outcome
            label = "\\n".join(_quote(line) for line in
                               [node.id, *_ending_lines(scenario, node.ending, lang)])
            lines.append(f'    "{node.id}" [shape=doubleoctagon, style=filled, '
                         f'fillcolor="{OUTCOME_COLOURS[outcome]}", label="{label}"];')
        else:
            shape = "diamond" if node.decision else "box"
            lines.append(f'    "{node.id}" [shape={shape}, label="{_quote(node.id)}"];')
    for edge in bm.edges:
        label = "\\n".join(_quote(line) for line in _edge_lines(scenario, edge, lang))
        label_attr = f', label="{label}"' if label else ""
        if edge.choice_id:
            stance = choices[edge.choice_id].stance
            style = "dashed" if stance in vocab.PASSIVE_STANCES else "solid"
            lines.append(f'    "{edge.source}" -> "{edge.target}" [style={style}, '
                         f'color="{STANCE_COLOURS[stance]}", fontcolor="{STANCE_COLOURS[stance]}"'
                         f", penwidth=1.6{label_attr}];")
        else:
            lines.append(f'    "{edge.source}" -> "{edge.target}" [color="{NEXT_COLOUR}"'
                         f"{label_attr}];")
    lines += _dot_legend(lang)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_legend(lang: str) -> list[str]:
    """The legend: one box in a corner, an HTML-like table of the stances' lines and colours,
    the outcomes' fills and the shapes."""
    _ = words(lang)
    esc = html.escape
    legend = _.pgettext("branch map", "Legend")
    rows = [f'<TR><TD COLSPAN="2"><B>{esc(legend)}</B></TD></TR>']
    for stance, colour in STANCE_COLOURS.items():
        passive = stance in vocab.PASSIVE_STANCES
        line = "- - - -" if passive else "———"
        how = (_.pgettext("branch map", "standing by, dashed") if passive
               else _.pgettext("branch map", "acting, solid"))
        word = esc(vocab.label(vocab.STANCES[stance], lang))
        rows.append(f'<TR><TD><FONT COLOR="{colour}">{line}</FONT></TD>'
                    f'<TD ALIGN="LEFT"><FONT COLOR="{colour}">{word}</FONT> ({esc(how)})</TD></TR>')
    for outcome, colour in OUTCOME_COLOURS.items():
        word = vocab.label(vocab.ENDING_OUTCOMES[outcome], lang)
        ending = _.pgettext("branch map", "ending: {outcome}", outcome=word)
        rows.append(f'<TR><TD BGCOLOR="{colour}" BORDER="1">  </TD>'
                    f'<TD ALIGN="LEFT">{esc(ending)}</TD></TR>')
    decision = _.pgettext("branch map", "decision: the player chooses")
    scene = _.pgettext("branch map", "scene that goes on by itself (grey arrow)")
    rows.append(f'<TR><TD>◇</TD><TD ALIGN="LEFT">{esc(decision)}</TD></TR>')
    rows.append(f'<TR><TD>▭</TD><TD ALIGN="LEFT">{esc(scene)}</TD></TR>')
    table = ('<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="3" COLOR="#999999">'
             + "".join(rows) + "</TABLE>")
    return ["    subgraph cluster_legend {", '        style=invis;',
            f"        legend [shape=plaintext, fontsize=10, label=<{table}>];", "    }"]
