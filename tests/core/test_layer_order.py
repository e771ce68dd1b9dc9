"""The order of the scenes within the branch map's layers: one rule for the guide and the screen."""

from __future__ import annotations

from itertools import combinations

from game.core.graph import BranchMap, MapEdge, MapNode
from game.core.layer_order import layer_order


def make_map(layers: list[list[str]], roads: list[tuple[str, str]]) -> BranchMap:
    """A branch map whose layers hold these ids in breadth-first order, with these roads."""
    nodes = tuple(MapNode(scene_id, layer, slot, None, True)
                  for layer, ids in enumerate(layers) for slot, scene_id in enumerate(ids))
    edges = tuple(MapEdge(a, b, None) for a, b in roads)
    return BranchMap(nodes, edges, len(layers), max(len(ids) for ids in layers))


def crossings(order: list[list[str]], roads: list[tuple[str, str]]) -> int:
    """How many pairs of roads between neighbouring layers cross, the scenes in this order."""
    where = {s: (layer, i) for layer, ids in enumerate(order) for i, s in enumerate(ids)}
    between = [(where[a], where[b]) for a, b in roads if where[b][0] == where[a][0] + 1]
    return sum(1 for (a1, b1), (a2, b2) in combinations(between, 2)
               if a1[0] == a2[0] and (a1[1] - a2[1]) * (b1[1] - b2[1]) < 0)


# Z is found first (from A), but three of its four parents stand right of W's only parent B.
FAN = [["start"], ["A", "B", "C", "D"], ["Z", "W"]]
FAN_ROADS = [("start", s) for s in "ABCD"] + [("A", "Z"), ("B", "W"), ("C", "Z"), ("D", "Z")]


def test_a_scene_moves_towards_the_mean_of_its_parents_and_fewer_roads_cross():
    order = layer_order(make_map(FAN, FAN_ROADS))
    assert order == [["start"], ["A", "B", "C", "D"], ["W", "Z"]]
    assert crossings(order, FAN_ROADS) == 1 < crossings(FAN, FAN_ROADS) == 2


def test_the_first_layer_keeps_its_order_and_every_scene_appears_once():
    layers = [["b", "a"], ["y", "x"]]
    roads = [("b", "x"), ("a", "y")]
    order = layer_order(make_map(layers, roads))
    assert order == [["b", "a"], ["x", "y"]]
    assert sorted(s for ids in order for s in ids) == ["a", "b", "x", "y"]

