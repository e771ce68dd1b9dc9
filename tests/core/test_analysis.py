"""`bystander analyse`: how much the road matters, checked against an independent replay.

The analysis walks every path with `choose` and `back`. Here every path is found again the slow,
obvious way, each prefix replayed from the start through `engine.replay` and the choices on offer
read from the view, and the per-decision figures are worked out from those paths by hand.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from game.cli import main
from game.core import analysis, engine, loader
from testpaths import MINI, ROOT


def independent_paths(scenario):
    """(moves, weight) of every path, by replaying each prefix from the start."""
    done, todo = [], [([], 1.0)]
    while todo:
        moves, weight = todo.pop()
        run = engine.replay(scenario, "en", moves, follow_next=True)
        if run.ended:
            done.append((moves, weight))
            continue
        offered = [c.id for c in run.view().choices if c.available]
        todo += [(moves + [c], weight / len(offered)) for c in offered]
    return done


def expected_by_hand(scenario):
    """(scene, choice) -> expected ending score, from the independent paths."""
    cells = defaultdict(lambda: [0.0, 0.0])
    for moves, weight in independent_paths(scenario):
        run = engine.replay(scenario, "en", moves, follow_next=True)
        score = analysis.OUTCOME_SCORE[scenario.endings[run.state.ending].outcome]
        summary = run.summary()
        for decision in summary.decisions:
            cell = cells[(decision.scene_id, decision.choice_id)]
            cell[0] += weight
            cell[1] += weight * score
    return {key: weighted / weight for key, (weight, weighted) in cells.items()}


@pytest.mark.parametrize("story", ["group_chat", "teacher_hallway", "mini"])
def test_figures_agree_with_an_independent_replay_of_every_path(story):
    path = MINI if story == "mini" else ROOT / "scenes" / f"{story}.yaml"
    scenario = loader.load(path).scenario
    found = analysis.analyse(scenario)
    assert found.exhaustive and found.loops == 0
    assert found.paths == len(independent_paths(scenario))
    by_hand = expected_by_hand(scenario)
    figures = {(d.scene_id, c.choice_id): c.expected for d in found.decisions for c in d.choices}
    assert figures.keys() == by_hand.keys()
    for key, value in by_hand.items():
        assert figures[key] == pytest.approx(value, abs=1e-9), key
    for d in found.decisions:
        if d.effect is not None:
            assert d.effect == pytest.approx(by_hand[(d.scene_id, d.most_active)]
                                             - by_hand[(d.scene_id, d.most_passive)])
    lengths = defaultdict(float)  # how many decisions each road takes, for the lesson plan
    for moves, weight in independent_paths(scenario):
        lengths[len(moves)] += weight
    assert found.road_lengths == pytest.approx(dict(lengths))


def test_mini_in_figures(mini):
    found = analysis.analyse(mini)
    assert found.paths == 5  # walk_on: 2 roads on, stand_by_sam: 3
    first = found.first
    assert first.scene_id == "hallway" and first.most_active == "stand_by_sam"
    # stand_by_sam: good, mixed, bad a third each = 1.0; walk_on: good or bad = 1.0
    assert first.effect == pytest.approx(0.0) and first.changes_nothing
    assert found.repair == pytest.approx(0.5) and found.slip == pytest.approx(1 / 3)
    later = next(s for s in found.several_roads if s.scene_id == "later")
    assert later.remembers  # a beat reads chose(stand_by_sam)
    assert {e.ending_id: e.share for e in found.endings} == pytest.approx(
        {"better": 5 / 12, "alone": 5 / 12, "mixed": 1 / 6})
    assert found.road_lengths == {2: 1.0}
    assert (found.shortest, found.typical, found.longest) == (2, 2, 2)


def test_the_typical_road_is_the_median_one():
    found = analysis.analyse(loader.load(ROOT / "scenes" / "adrian.yaml").scenario)
    assert (found.shortest, found.typical, found.longest) == (5, 6, 9)
    assert sum(found.road_lengths.values()) == pytest.approx(1.0)
    assert found.road_lengths[5] < 0.5 <= found.road_lengths[5] + found.road_lengths[6]


def test_a_road_that_remembers_changes_the_figures(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("        goto: end_good\n", """        goto:
          - {to: end_good, when: count(active) >= 2}
          - {to: end_mixed}
""", 1)
    (tmp_path / "roads.yaml").write_text(text, encoding="utf-8")
    found = analysis.analyse(loader.load(tmp_path / "roads.yaml").scenario)
    assert found.first.effect == pytest.approx(1.0 - 0.5)  # stand_by 1.0 vs walk_on 0.5
    assert not found.first.changes_nothing


def test_a_sample_says_so_and_comes_close(tmp_path):
    scenario = loader.load(ROOT / "scenes" / "group_chat.yaml").scenario
    exact = analysis.analyse(scenario)
    sampled = analysis.analyse(scenario, max_paths=10, sample=3000)
    assert not sampled.exhaustive and sampled.paths == 3000
    assert sampled.expected == pytest.approx(exact.expected, abs=0.1)
    assert sampled.first.effect == pytest.approx(exact.first.effect, abs=0.15)


def test_strict_check_warns_about_roads_that_do_not_matter(tmp_path, capsys):
    # mini remembers its one shared scene; without that beat's condition it forgets.
    text = MINI.read_text(encoding="utf-8").replace("        when: chose(stand_by_sam)\n", "")
    text = text.replace("        unavailable: {nl: Je stond er niet bij., en: You were not there.}\n",
                        "")
    forgetful = tmp_path / "forgetful.yaml"
    forgetful.write_text(text, encoding="utf-8")
    assert main(["check", str(forgetful)]) == 0  # without --strict: no road analysis
    out = capsys.readouterr().out
    assert "road" not in out
    assert main(["check", "--strict", str(forgetful)]) == 1
    out = capsys.readouterr().out
    assert "scene 'later' is reached by 2 roads (hallway/walk_on, hallway/stand_by_sam) but " \
           "remembers none of them" in out
    assert "forgetful.yaml:34:3: warning: the decision in scene 'hallway' changes nothing" in out


def test_analyse_command(capsys):
    assert main(["analyse", str(MINI)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("mini: 5 paths (all of them)")
    assert out.splitlines()[-3].startswith("First decision (hallway) moves the expected ending")
    assert main(["analyse", str(MINI), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paths"] == 5 and data["first_decision_effect"] == 0.0
    assert data["decisions"][0]["changes_nothing"] is True


def _mini_with(tmp_path, *changes):
    text = MINI.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "meters.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_effect_past_the_start_value_but_within_every_road_is_not_warned(tmp_path, capsys):
    """Isolation starts at 40 and both first choices raise it (to 60 or 50), so telling the
    mentor's -45 never leaves 0..100 on a road, though 40 - 45 would: no warning (so none to
    fail --strict), and analyse tells of no cut."""
    path = _mini_with(tmp_path, ("effects: {wellbeing: 15, isolation: -20}",
                                 "effects: {wellbeing: 15, isolation: 10}"),
                      ("effects: {wellbeing: 10}", "effects: {wellbeing: 10, isolation: -45}"))
    loaded = loader.load(path)
    assert loaded.ok and not [i for i in loaded.issues if i.code == "effect_bounds"]
    assert analysis.analyse(loaded.scenario).cuts == ()
    _strict_says_nothing_of_meters(path, capsys)


def _strict_says_nothing_of_meters(path, capsys):
    """(mini's first decision changes nothing, a --strict warning of its own: left aside)"""
    main(["check", "--strict", str(path)])
    out = capsys.readouterr().out
    assert "warning" in out and "cut off" not in out and "isolation" not in out \
        and "wellbeing" not in out, out


def test_a_road_that_takes_a_meter_past_its_bound_is_told_with_the_road(tmp_path, capsys):
    """Wellbeing 60, +15 standing by Sam: 75; telling the mentor's +30 would make 105 on that
    road only (after walking on it is 35 + 30 = 65). Told by analyse, not warned by --strict."""
    path = _mini_with(tmp_path, ("effects: {wellbeing: 10}", "effects: {wellbeing: 30}"))
    scenario = loader.load(path).scenario
    cut, = analysis.analyse(scenario).cuts
    assert (cut.choice_id, cut.meter, cut.furthest, cut.bound) == ("tell_mentor", "wellbeing",
                                                                   105, 100)
    assert cut.road == ("stand_by_sam", "tell_mentor")
    assert cut.share == pytest.approx(1 / 2 * 1 / 3)  # stand by (1 of 2), then 1 of 3 choices
    _strict_says_nothing_of_meters(path, capsys)
    assert main(["analyse", str(path)]) == 0
    out = capsys.readouterr().out
    assert ("tell_mentor: wellbeing would reach 105, stops at 100; for 17% of players, e.g. "
            "after stand_by_sam, tell_mentor") in out
    assert main(["analyse", "--json", str(path)]) == 0
    cuts = json.loads(capsys.readouterr().out)["meter_cuts"]
    assert cuts == [{"choice": "tell_mentor", "meter": "wellbeing", "share": 0.1667,
                     "furthest": 105, "bound": 100, "road": ["stand_by_sam", "tell_mentor"]}]


def test_an_effect_larger_than_the_whole_range_is_warned(tmp_path):
    path = _mini_with(tmp_path, ("effects: {wellbeing: 10}", "effects: {wellbeing: 150}"))
    warnings = [i for i in loader.load(path).issues if i.code == "effect_bounds"]
    assert len(warnings) == 1 and "more than the meter's whole range" in warnings[0].message
