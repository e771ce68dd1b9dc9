"""One set of limits: whatever `bystander check` accepts, a class-session record can hold.

Each case pushes one limit of `game/core/limits.py` just past its edge (the check must refuse the
file at the value's place) and just to it (the check must accept it, and the record of a class
playing it must pass the record schema, so that it is never set aside as damaged).
"""

from __future__ import annotations

import re

import pytest

from testpaths import MINI
from game.classroom.records import RECORD_SCHEMA, SessionLog, schema_problem
from game.core import engine, limits
from game.core.loader import load

MINI_TEXT = MINI.read_text(encoding="utf-8")
LONGEST = "x" * (limits.MAX_ID_CHARS - 1)


def _rename(text: str, old: str, new: str) -> str:
    """`old` renamed to `new` wherever it stands as a whole id."""
    return re.sub(rf"\b{old}\b", new, text)


def _meters(n: int) -> str:
    """mini.yaml with `n` meters: the two it has and n - 2 more."""
    extra = "".join(f"  m{i}: {{label: {{nl: M{i}, en: M{i}}}, start: 0}}\n" for i in range(n - 2))
    return MINI_TEXT.replace("conditions:\n", extra + "conditions:\n", 1)


# name -> (mini.yaml at the limit, just past it, a fragment of the line the refusal points at)
EDGES = {
    "scenario id": (_rename(MINI_TEXT, "mini", "m" + LONGEST),
                    _rename(MINI_TEXT, "mini", "mm" + LONGEST), "id: mm"),
    "scene id": (_rename(MINI_TEXT, "later", "l" + LONGEST),
                 _rename(MINI_TEXT, "later", "ll" + LONGEST), "  ll"),
    "choice id": (_rename(MINI_TEXT, "walk_on", "w" + LONGEST),
                  _rename(MINI_TEXT, "walk_on", "ww" + LONGEST), "- id: ww"),
    "meter id": (_rename(MINI_TEXT, "isolation", "i" + LONGEST),
                 _rename(MINI_TEXT, "isolation", "ii" + LONGEST), "  ii"),
    "ending id": (_rename(MINI_TEXT, "alone", "a" + LONGEST),
                  _rename(MINI_TEXT, "alone", "aa" + LONGEST), "  aa"),
    "condition id": (_rename(MINI_TEXT, "coping", "c" + LONGEST),
                     _rename(MINI_TEXT, "coping", "cc" + LONGEST), "- id: cc"),
    "version": (MINI_TEXT + f"version: {limits.MIN_VERSION}\n", MINI_TEXT + "version: -1\n",
                "version: -1"),
    "version, high": (MINI_TEXT + f"version: {limits.MAX_VERSION}\n",
                      MINI_TEXT + f"version: {limits.MAX_VERSION + 1}\n", "version: 1"),
    "meters": (_meters(limits.MAX_METERS), _meters(limits.MAX_METERS + 1),
               f"  m{limits.MAX_METERS - 2}:"),
}


def _record_of(path) -> dict:
    """The record of a class session that takes the first choice of the start scene."""
    loaded = load(path)
    assert loaded.ok, [str(i) for i in loaded.issues]
    run = engine.start(loaded.scenario, "en", loaded.content_hash)
    log = SessionLog.begin(run, "class", loaded.content_hash)
    while run.view().can_advance:
        run.advance()
    choice = run.view().choices[0]
    outcome = run.choose(choice.id)
    log.record_decision(run, outcome, votes={choice.id: 3}, overridden=False, seconds=12)
    return log.to_dict()


@pytest.mark.parametrize("name", sorted(EDGES))
def test_what_check_accepts_a_record_can_hold(tmp_path, name):
    at_limit, _past, _where = EDGES[name]
    path = tmp_path / "edge.yaml"
    path.write_text(at_limit, encoding="utf-8")
    assert schema_problem(_record_of(path), RECORD_SCHEMA) is None


@pytest.mark.parametrize("name", sorted(EDGES))
def test_check_refuses_what_a_record_cannot_hold_at_its_place(tmp_path, name):
    _at_limit, past, where = EDGES[name]
    path = tmp_path / "past.yaml"
    path.write_text(past, encoding="utf-8")
    loaded = load(path)
    assert not loaded.ok
    errors = [i for i in loaded.issues if i.severity == "error"]
    assert errors and all(i.code != "internal" for i in errors), [str(i) for i in errors]
    line = past[: past.index(where)].count("\n") + 1
    assert any(i.pos.line == line for i in errors), ([str(i) for i in errors], line)


def test_the_record_schema_is_made_from_the_same_limits():
    run = RECORD_SCHEMA["properties"]["roads"]["items"]["properties"]["run"]
    assert RECORD_SCHEMA["properties"]["scenario_id"]["pattern"] == f"^{limits.ID_PATTERN}$"
    assert run["properties"]["meters"]["maxProperties"] == limits.MAX_METERS
    version = RECORD_SCHEMA["properties"]["scenario_version"]
    assert (version["minimum"], version["maximum"]) == (limits.MIN_VERSION, limits.MAX_VERSION)
