"""The participant role follows the weight of the road, not the last click: transcripts.

Each case is a road of stances and the role after each of them, as `scenes/README.md` explains it
to authors. The role machine is asked through `Machines.role_after`, the same question the engine
asks when it takes a choice; the last test plays the same through the engine itself.
"""

from __future__ import annotations

import pytest

from game.core import engine
from game.core.machines import (RoadSoFar, acts_often, heaviest_passive, machines_for,
                                never_passive)

ROADS = {
    "acting from the start makes a defender at once": (
        ["support", "report", "confront"],
        ["defender", "defender", "defender"]),
    "a passive streak, then one act, is starting to step in": (
        ["outsider", "outsider", "outsider", "support"],
        ["outsider", "outsider", "outsider", "stepping_in"]),
    "... and acting again makes a defender": (
        ["outsider", "outsider", "support", "report"],
        ["outsider", "outsider", "stepping_in", "defender"]),
    "starting to step in, then looking away again, is back to standing by": (
        ["outsider", "outsider", "support", "outsider"],
        ["outsider", "outsider", "stepping_in", "outsider"]),
    "a defender who looks away once is wavering, not an outsider": (
        ["support", "report", "outsider"],
        ["defender", "defender", "wavering"]),
    "... and steps back in: a defender again": (
        ["support", "report", "outsider", "confront"],
        ["defender", "defender", "wavering", "defender"]),
    "... or looks away twice: an outsider": (
        ["support", "report", "outsider", "outsider"],
        ["defender", "defender", "wavering", "outsider"]),
    "five times joining in, then one report: starting to step in, not a defender": (
        ["assistant"] * 5 + ["report"],
        ["assistant"] * 5 + ["stepping_in"]),
    "three times joining in, then one silence: still an assistant": (
        ["assistant", "assistant", "assistant", "outsider"],
        ["assistant", "assistant", "assistant", "assistant"]),
    "silence that goes on becomes the heavier weight": (
        ["assistant", "assistant", "outsider", "outsider"],
        ["assistant", "assistant", "assistant", "outsider"]),
    "of equal weights the latest counts": (
        ["reinforcer", "outsider"],
        ["reinforcer", "outsider"]),
    "laughing along after helping": (
        ["support", "reinforcer", "reinforcer"],
        ["defender", "wavering", "reinforcer"]),
}


def roles_along(mini, road: list[str]) -> list[str]:
    machines = machines_for(mini)
    role, out = "bystander", []
    for i in range(len(road)):
        role = machines.role_after(role, RoadSoFar.of(road[: i + 1]))
        out.append(role)
    return out


@pytest.mark.parametrize("case", list(ROADS))
def test_role_follows_the_weight_of_the_road(mini, case):
    road, roles = ROADS[case]
    assert roles_along(mini, road) == roles


def test_the_guards_read_the_recent_road():
    road = RoadSoFar.of
    assert never_passive(road([])) and never_passive(road(["support"]))
    assert not never_passive(road(["outsider", "support", "report", "confront"]))  # ever
    assert acts_often(road(["outsider", "support", "report"]))
    assert not acts_often(road(["support", "outsider", "outsider", "report"]))  # the last three
    assert heaviest_passive(road(["support"])) is None
    assert heaviest_passive(road(["assistant", "assistant", "outsider"])) == "assistant"
    assert heaviest_passive(road(["assistant", "outsider", "report"])) == "outsider"


def test_the_engine_asks_the_same_machine(mini):
    run = engine.start(mini, "en")
    outcome = run.choose("walk_on")
    assert (outcome.role_before, outcome.role_after) == ("bystander", "outsider")
    outcome = run.choose("tell_mentor")
    assert outcome.role_after == "stepping_in" and outcome.role_label == "budding defender"
    run.back()
    run.lang = "nl"
    assert run.choose("tell_mentor").role_label == "beginnende verdediger"
