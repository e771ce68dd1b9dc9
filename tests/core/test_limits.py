"""One set of limits: whatever `bystander check` accepts, a class-session record can hold.

Each case pushes one limit of `game/core/limits.py` just past its edge (the check must refuse the
file at the value's place) and just to it (the check must accept it, and the record of a class
playing it must pass the record schema, so that it is never set aside as damaged).
"""

from __future__ import annotations

import dataclasses
import re
import time
import typing

import pytest

from testpaths import MINI, SHIPPED
from game.classroom.records import RECORD_SCHEMA, SessionLog
from game.core.shapes import schema_problem
from game.cli import main
from game.core import engine, limits, model
from game.core.build import holds_text
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
    "condition id": (MINI_TEXT.replace("id: coping", "id: c" + LONGEST),  # not its label
                     MINI_TEXT.replace("id: coping", "id: cc" + LONGEST), "- id: cc"),
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


# --- every text has a limit the screen can show -------------------------------------------------

def _model_classes() -> list[type]:
    """Every class of the format, from the scenario down."""
    found: list[type] = []
    todo = [model.Scenario]
    while todo:
        cls = todo.pop()
        if cls in found:
            continue
        found.append(cls)
        for hint in typing.get_type_hints(cls, vars(model)).values():
            todo += [t for t in _types_in(hint) if dataclasses.is_dataclass(t)]
    return found


def _types_in(hint) -> list:
    return [hint, *[t for arg in typing.get_args(hint) for t in _types_in(arg)]]


def test_every_field_that_holds_text_has_a_limit():
    """A new field of the format that holds text (a text, a name, an id, a condition, a
    mapping's keys) fails here until limits.FIELD_CHARS says how long it may be."""
    holding = set()
    for cls in _model_classes():
        hints = typing.get_type_hints(cls, vars(model))
        for f in dataclasses.fields(cls):
            if (not f.metadata.get("bookkeeping") and not f.metadata.get("from_key")
                    and holds_text(hints[f.name])):
                holding.add(f"{cls.__name__}.{f.name}")
    assert holding == set(limits.FIELD_CHARS), (holding ^ set(limits.FIELD_CHARS))
    text_fields = {f"{cls.__name__}.{f.name}" for cls in _model_classes()
                   for f in dataclasses.fields(cls)
                   if model.Text in _types_in(typing.get_type_hints(cls, vars(model))[f.name])}
    assert text_fields | {"CastMember.name"} == set(limits.TEXT_CHARS)


def test_the_shipped_stories_have_room_to_grow_by_half():
    """Stories are rewritten and grow: every text of the shipped stories is at most two thirds
    of its limit. Not a choice's text: its button shows no more than 129 characters (see
    limits.TEXT_CHARS), and check warns from 110 on."""
    tight = {"Choice.text": 1.0}
    for path in SHIPPED:
        scenario = load(path).scenario
        for field, most, value in _texts_with_fields(scenario):
            share = len(value) / most
            assert share <= tight.get(field, 2 / 3), (path.name, field, len(value), most)


def _texts_with_fields(obj):
    """(Class.field, its limit, the text) for every text and name in a scenario."""
    if dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            key = f"{type(obj).__name__}.{f.name}"
            value = getattr(obj, f.name)
            for item in value if isinstance(value, list) else [value]:
                if key in limits.TEXT_CHARS and isinstance(item, (str, model.Text)):
                    for text in item.values() if isinstance(item, model.Text) else [item]:
                        yield key, limits.TEXT_CHARS[key], text
                else:
                    yield from _texts_with_fields(item)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from _texts_with_fields(item)


PLACES = {
    # field: (what in mini.yaml, what it becomes, with {x} for the text)
    "Scenario.title": ('en: "The hallway"}', 'en: "{x}"}'),
    "Scenario.summary": ("  en: Sam is laughed at in the hallway. What do you do?",
                         '  en: "{x}"'),
    "Scenario.help": ('en: "In the Netherlands, De Kindertelefoon: call 0800-0432 for free or '
                      'chat at kindertelefoon.nl."}', 'en: "{x}"}'),
    "Scenario.closing": ("help:\n", 'closing:\n  - {nl: Hoe was het?, en: "{x}"}\nhelp:\n'),
    "Scenario.note": ("help:\n", 'note: {nl: Let op., en: "{x}"}\nhelp:\n'),
    "LearningGoal.text": ("help:\n", "learning_goals:\n  - {strategy: bystander_skills, "
                          'text: {nl: Leren., en: "{x}"}}\nhelp:\n'),
    "CastMember.name": ("name: Sam\n", 'name: "{x}"\n'),
    "Meter.label": ("en: Wellbeing}", 'en: "{x}"}'),
    "ConditionRule.label": ("en: hurt}", 'en: "{x}"}'),
    "Beat.text": ("en: The bell rings. Rik is at Sam's locker.}", 'en: "{x}"}'),
    "Choice.text": ("en: I walk on.}", 'en: "{x}"}'),
    "Choice.consequence": ("en: Sam watches you go.}", 'en: "{x}"}'),
    "Choice.discuss": ("en: Why did you walk on?}", 'en: "{x}"}'),
    "Choice.unavailable": ("en: You were not there.}", 'en: "{x}"}'),
    "Scene.note": ("    step: notice\n", '    step: notice\n    note: {nl: Let op., en: "{x}"}\n'),
    "Ending.title": ("en: Together}", 'en: "{x}"}'),
    "Ending.text": ("en: Sam is no longer alone.}", 'en: "{x}"}'),
}
"""Where each text of mini.yaml is, or goes: every field of limits.TEXT_CHARS."""


def _words(n: int) -> str:
    """`n` characters of words, ending in a letter."""
    return ("Sam kijkt je na " * (n // 16 + 1))[:n - 1] + "x"


def _with(field: str, text: str) -> str:
    old, new = PLACES[field]
    assert MINI_TEXT.count(old) >= 1, old
    return MINI_TEXT.replace(old, new.replace("{x}", text), 1)


def test_every_text_field_has_a_place_in_the_edge_tests():
    assert set(PLACES) == set(limits.TEXT_CHARS)


@pytest.mark.parametrize("field", sorted(limits.TEXT_CHARS))
def test_a_text_at_its_limit_is_accepted_and_one_longer_refused_where_it_stands(tmp_path, field):
    most = limits.TEXT_CHARS[field]
    path = tmp_path / "edge.yaml"
    path.write_text(_with(field, _words(most)), encoding="utf-8")
    loaded = load(path)
    assert loaded.ok, [str(i) for i in loaded.issues if i.severity == "error"]
    past = _with(field, _words(most + 1))
    path.write_text(past, encoding="utf-8")
    loaded = load(path)
    refused = [i for i in loaded.issues if i.code == "too_long" and i.severity == "error"]
    assert not loaded.ok and len(refused) == 1, [str(i) for i in loaded.issues]
    line = past.splitlines()[refused[0].pos.line - 1]
    assert line[refused[0].pos.col - 1:].startswith(_words(most + 1)[:20]), (line, refused[0])
    lang = "" if field == "CastMember.name" else " in 'en'"  # a name is the same in every language
    assert f"has {most + 1:,} characters{lang}; at most {most:,} fit" in refused[0].message


IDS_AND_CONDITIONS = [
    # (what, replacement in mini.yaml, the value refused)
    ("a scene a choice goes to", "goto: later\n", "goto: {x}\n", limits.MAX_ID_CHARS),
    ("a meter a choice changes", "effects: {wellbeing: -25", "effects: {{x}: -25",
     limits.MAX_ID_CHARS),
    ("the speaker of a beat", "who: rik\n", "who: {x}\n", limits.MAX_ID_CHARS),
    ("a scene's next", "    ending: alone\n", "    next: {x}\n", limits.MAX_ID_CHARS),
    ("a condition", "when: chose(stand_by_sam)\n        unavailable",
     "when: {x}\n        unavailable", limits.MAX_CONDITION_CHARS),
    ("a road's condition", "goto: end_mixed\n",
     "goto: [{to: end_good, when: {x}}, {to: end_mixed}]\n", limits.MAX_CONDITION_CHARS),
    ("a language", "languages: [nl, en]", "languages: [nl, en, {x}]", limits.MAX_LANG_CHARS),
]


@pytest.mark.parametrize("what,old,new,most", IDS_AND_CONDITIONS,
                         ids=[c[0] for c in IDS_AND_CONDITIONS])
def test_an_id_or_condition_too_long_is_refused_where_it_stands(tmp_path, what, old, new, most):
    value = "x" * (most + 1) if most != limits.MAX_CONDITION_CHARS else \
        ("visited(later) or " * 40)[:most + 1 - 14] + "visited(later)"
    text = MINI_TEXT.replace(old, new.replace("{x}", value), 1)
    path = tmp_path / "long.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    refused = [i for i in loaded.issues if i.code == "too_long"]
    assert refused, [str(i) for i in loaded.issues]
    line = text.splitlines()[refused[0].pos.line - 1]
    assert line[refused[0].pos.col - 1:].startswith(value[:20]), (line, refused[0])


@pytest.mark.parametrize("field,size", [("Scenario.summary", 200 * 1024),
                                        ("Scenario.title", 1024 * 1024)])
def test_a_huge_text_is_refused_by_check_at_once(tmp_path, capsys, field, size):
    """A 200 KB summary took 58 s a draw of the title screen, a 1 MB title never finished."""
    path = tmp_path / "huge.yaml"
    path.write_text(_with(field, _words(size)), encoding="utf-8")
    began = time.monotonic()
    assert main(["check", str(path)]) == 1
    seconds = time.monotonic() - began
    out = capsys.readouterr().out
    assert f"has {size:,} characters in 'en'" in out and len(out) < 1000, out[:300]
    assert seconds < 5, seconds
