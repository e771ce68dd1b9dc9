"""The order of a branch map's scenes within their layers, chosen so that fewer roads cross.

Both drawings of the map use it: the teacher's guide (an SVG, layers top to bottom) and the ending
screen (layers left to right). Keeping the one rule here means the printed map and the map on the
screen put the scenes in the same order, and a better rule improves both. It only returns an
order; how far apart the scenes stand and how they are drawn is each drawing's own.
"""

from __future__ import annotations

from .graph import BranchMap


def layer_order(bmap: BranchMap) -> list[list[str]]:
    """Scene ids per layer, first layer first. The start's layer keeps its order; every later
    layer is sorted by the mean position of each scene's parents in the layers above it (the
    barycentre heuristic), which pulls a scene towards where its roads come from. Ties keep the
    breadth-first order."""
    layers: dict[int, list[str]] = {}
    for node in bmap.nodes:
        layers.setdefault(node.layer, []).append(node.id)
    parents: dict[str, list[str]] = {}
    for edge in bmap.edges:
        parents.setdefault(edge.target, []).append(edge.source)
    position: dict[str, float] = {}
    ordered = []
    for layer in sorted(layers):
        ids = layers[layer]

        def weight(scene_id: str, ids: list[str] = ids) -> float:
            known = [position[p] for p in parents.get(scene_id, []) if p in position]
            return sum(known) / len(known) if known else ids.index(scene_id)
        ids = sorted(ids, key=weight) if layer else ids
        for i, scene_id in enumerate(ids):
            position[scene_id] = i / max(len(ids) - 1, 1)
        ordered.append(ids)
    return ordered
