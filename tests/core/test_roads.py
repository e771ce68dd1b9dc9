"""A `goto` or `next` that names several roads: the first whose condition holds is taken.

The variant of mini used here ends by the week, not the last click: telling the mentor ends well
only for a player who acted twice; and a scene's `next` picks its follow-up by the meters.
"""

from __future__ import annotations

import json

import pytest

from game.core import engine, loader
from game.core.state import SaveError
from testpaths import MINI

ROADS_GOTO = """        goto:
          - {to: end_good, when: count(active) >= 2}
          - {to: end_mixed}
"""


def variant(tmp_path, old: str, new: str, name: str = "roads.yaml"):
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return loader.load(path)


@pytest.fixture
def roads(tmp_path):
    loaded = variant(tmp_path, "        goto: end_good\n", ROADS_GOTO)
    assert loaded.ok, loaded.issues
    return loaded.scenario


def test_the_road_decides_the_ending(roads):
    run = engine.start(roads, "en")
    run.choose("stand_by_sam")
    run.choose("tell_mentor")
    assert run.state.scene == "end_good" and run.view().ending.outcome == "good"

    run = engine.start(roads, "en")
    run.choose("walk_on")
    run.choose("tell_mentor")  # the same last click, after walking on
    assert run.state.scene == "end_mixed" and run.view().ending.outcome == "mixed"


def test_a_road_counts_the_choice_that_takes_it(tmp_path):
    # `count(report) >= 1` is asked of the road with tell_mentor on it, so it holds.
    loaded = variant(tmp_path, "        goto: end_good\n", """        goto:
          - {to: end_good, when: count(report) >= 1 and wellbeing >= 70}
          - {to: end_mixed}
""")
    assert loaded.ok, loaded.issues
    run = engine.start(loaded.scenario, "en")
    run.choose("stand_by_sam")  # wellbeing 60 + 15 = 75
    run.choose("tell_mentor")  # + 10 = 85: the road's condition sees the meters after it
    assert run.state.scene == "end_good"
    run = engine.start(loaded.scenario, "en")
    run.choose("walk_on")  # 60 - 25 = 35, + 10 = 45
    run.choose("tell_mentor")
    assert run.state.scene == "end_mixed"


def test_back_and_save_keep_the_road(roads):
    run = engine.start(roads, "en", "ab" * 32)
    run.choose("walk_on")
    run.choose("tell_mentor")
    assert run.state.scene == "end_mixed"
    assert run.back() and run.state.scene == "later" and run.state.role == "outsider"
    assert run.state.meters == {"wellbeing": 35, "isolation": 60}
    run.choose("tell_mentor")
    data = json.loads(json.dumps(run.save()))
    again = engine.load_run(roads, data, "ab" * 32)
    assert again.state.to_dict() == run.state.to_dict()
    assert again.state.scene == "end_mixed"


def test_next_with_roads_follows_the_meters(tmp_path):
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("        goto: end_good\n", "        goto: talk\n", 1)
    text = text.replace("  end_good:\n", """  talk:
    place: office
    beats:
      - text: {nl: De mentor luistert., en: The mentor listens.}
    next:
      - {to: end_good, when: wellbeing >= 50}
      - {to: end_bad}
  end_good:
""", 1)
    (tmp_path / "next.yaml").write_text(text, encoding="utf-8")
    loaded = loader.load(tmp_path / "next.yaml")
    assert loaded.ok, loaded.issues
    for first, end in (("stand_by_sam", "end_good"), ("walk_on", "end_bad")):
        run = engine.start(loaded.scenario, "en")
        run.choose(first)
        run.choose("tell_mentor")
        assert run.state.scene == "talk" and run.view().can_advance
        run.advance()
        assert run.state.scene == end


@pytest.mark.parametrize("goto,fragment", [
    ("[{to: end_good, when: count(active) >= 2}, {to: nowhere}]",
     "goes to 'nowhere', which is not a scene"),
    ("[{to: end_good, when: count(active) >= 2}, {to: end_mixed, when: took(report)}]",
     "the last road of choice 'tell_mentor' must have no 'when'"),
    ("[{to: end_good}, {to: end_mixed}]", "road 1 of choice 'tell_mentor' has no 'when'"),
    ("[{to: end_good, when: count(bravery) >= 2}, {to: end_mixed}]",
     "'bravery' is not a stance; the stances are: outsider,"),
    ("[{to: end_good, when: count(active) >>= 2}, {to: end_mixed}]", "road 1 of 'tell_mentor'"),
    ("{to: end_good}", "should be a scene id, or a list of roads"),
    ("[]", "names no road"),
    ("[{to: end_good, if: took(report)}, {to: end_mixed}]", "unknown field 'if'"),
])
def test_bad_roads_say_where(tmp_path, goto, fragment):
    loaded = variant(tmp_path, "        goto: end_good\n", f"        goto: {goto}\n")
    assert not loaded.ok
    messages = [str(issue) for issue in loaded.issues]
    assert any(fragment in m for m in messages), messages
    assert all(":" in m and m.split(":")[1].isdigit() for m in messages)


def test_an_ending_whose_only_road_can_never_hold_is_unreachable(tmp_path):
    loaded = variant(tmp_path, "        goto: end_good\n", """        goto:
          - {to: end_good, when: wellbeing > 100}
          - {to: end_mixed}
""")
    messages = [str(i) for i in loaded.issues if i.code == "unreachable_ending"]
    assert len(messages) == 1 and "'better' cannot be reached" in messages[0]
    assert "can never hold" in messages[0]


def test_a_save_from_before_the_roles_changed_still_loads(mini):
    run = engine.start(mini, "en", "ab" * 32)
    run.choose("walk_on")
    run.choose("tell_mentor")
    data = json.loads(json.dumps(run.save()))
    # What version 1 saved: the role was the last choice's.
    data["version"] = 1
    data["role"] = "defender"
    data["history"][-1]["role"] = "defender"
    again = engine.load_run(mini, data, "ab" * 32)
    assert again.state.role == "stepping_in"
    assert again.summary().roles == ("bystander", "outsider", "stepping_in")
    data["version"] = 3
    with pytest.raises(SaveError, match="update the game"):
        engine.load_run(mini, data, "ab" * 32)
    data["version"] = 1
    data["history"][-1]["meters"]["wellbeing"] = 99
    with pytest.raises(SaveError, match="does not match"):
        engine.load_run(mini, data, "ab" * 32)
