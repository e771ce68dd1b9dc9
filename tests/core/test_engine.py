"""The engine API: views, choices, outcomes, rollback, languages, saves, and all-or-nothing steps."""

from __future__ import annotations

import json

import pytest

from game.core import engine
from game.core.state import SaveError


def test_view_shows_every_choice_with_availability(mini):
    run = engine.start(mini, "en")
    run.choose("walk_on")
    view = run.view()
    assert [(c.id, c.available) for c in view.choices] == [
        ("tell_mentor", True), ("check_in", False), ("say_nothing", True)]
    blocked = view.choices[1]
    assert blocked.reason == "You were not there."
    assert (blocked.number, blocked.letter) == ("2", "B")


def test_outcome_tells_what_the_choice_did(mini):
    run = engine.start(mini, "en")
    outcome = run.choose("walk_on")
    assert outcome.consequence == "Sam watches you go."
    assert [(c.id, c.before, c.after, c.better) for c in outcome.changes] == [
        ("wellbeing", 60, 35, False), ("isolation", 40, 60, False)]
    assert (outcome.role_before, outcome.role_after, outcome.role_changed) == (
        "bystander", "outsider", True)
    assert (outcome.condition_before.id, outcome.condition_after.id) == ("coping", "hurt")
    assert outcome.discuss == ("Why did you walk on?",)
    assert outcome.active is False and outcome.step == "notice"


def test_victim_face_follows_his_condition(mini):
    run = engine.start(mini, "en")
    sam = lambda: next(c for c in run.view().cast if c.is_victim)  # noqa: E731
    assert sam().expression == "neutral"
    run.choose("walk_on")
    assert sam().expression == "hurt" and run.view().condition.light == "dim"


def test_meters_stay_within_bounds(mini):
    run = engine.start(mini, "en")
    run.choose("stand_by_sam")
    run.choose("tell_mentor")
    for meter in run.view().meters:
        assert meter.min <= meter.value <= meter.max


def test_bad_choices_are_refused_and_change_nothing(mini):
    run = engine.start(mini, "en")
    before = run.save()
    with pytest.raises(engine.ChoiceError, match="choices here: walk_on, stand_by_sam"):
        run.choose("tell_mentor")
    run.choose("walk_on")
    with pytest.raises(engine.ChoiceError, match="cannot be taken now"):
        run.choose("check_in")
    assert run.state.scene == "later"
    with pytest.raises(engine.ChoiceError):
        run.advance()
    assert before["scene"] == "hallway"


def test_a_failing_step_leaves_no_half_applied_state(mini, monkeypatch):
    run = engine.start(mini, "en")
    before = run.save()

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    # The story machine has moved and the meters changed when the role machine fails.
    monkeypatch.setattr(run.models.role, "trigger", broken)
    with pytest.raises(RuntimeError):
        run.choose("walk_on")
    assert run.save() == before
    assert run.models.story.scene == "hallway"
    monkeypatch.undo()
    assert run.choose("walk_on").role_after == "outsider"


def test_language_switches_at_any_time(mini):
    run = engine.start(mini, "nl")
    assert run.view().choices[0].text == "Ik loop door."
    run.lang = "en"
    assert run.view().choices[0].text == "I walk on."
    with pytest.raises(ValueError):
        run.lang = "de"
    with pytest.raises(ValueError):
        engine.start(mini, "fr")


def test_back_undoes_one_step(mini):
    run = engine.start(mini, "en")
    assert run.back() is False
    run.choose("stand_by_sam")
    run.choose("check_in")
    assert run.ended
    assert run.back() is True
    assert run.state.scene == "later" and not run.ended
    assert run.state.choices == ["stand_by_sam"]
    assert run.state.meters == {"wellbeing": 75, "isolation": 20}
    assert run.choose("check_in").ending.id == "mixed"


def test_summary_tells_the_journey(mini):
    run = engine.start(mini, "en")
    run.choose("walk_on")
    run.choose("tell_mentor")
    summary = run.summary()
    assert summary.path == ("hallway", "later", "end_good")
    # One act after standing by is a start, not yet a defender (see test_roles.py).
    assert summary.roles == ("bystander", "outsider", "stepping_in")
    assert summary.journey == ("You started as a bystander, became an outsider, became a budding "
                               "defender")
    assert summary.meter_history["wellbeing"] == (60, 35, 45)
    assert summary.active_share == 0.5
    assert summary.ending.outcome == "good" and len(summary.ending.help) == 2
    assert [d.step for d in summary.decisions] == ["notice", "act"]


def test_a_long_journey_is_summed_up_not_listed():
    week = ["bystander", "outsider", "stepping_in", "defender", "wavering", "wavering"]
    assert engine.journey_text(week, "en") == ("You started as a bystander, changed roles 4 "
                                               "times and ended as a wavering defender")
    assert engine.journey_text(week, "nl") == ("Je begon als omstander, wisselde 4 keer van rol "
                                               "en eindigde als twijfelende verdediger")
    three = ["bystander", "stepping_in", "defender", "defender"]
    assert engine.journey_text(three, "en") == ("You started as a bystander, became a budding "
                                                "defender, became a defender, and stayed a "
                                                "defender")


def test_save_and_load_round_trip_through_json(mini):
    run = engine.start(mini, "en", "ab" * 32)
    run.choose("stand_by_sam")
    data = json.loads(json.dumps(run.save()))
    assert data["format"] == "bystander-run" and data["version"] == 2
    again = engine.load_run(mini, data, "ab" * 32)
    assert again.save() == run.save()
    assert again.choose("check_in").ending.id == "mixed"


@pytest.mark.parametrize("damage,message", [
    (lambda d: d.update(format="x"), "not a saved"),
    (lambda d: d.update(version=99), "update the game"),
    (lambda d: d.update(scenario_id="other"), "scenario 'other'"),
    (lambda d: d.update(content_hash="cd" * 32), "changed"),
    (lambda d: d.update(content_hash="zzz"), "content_hash: 'zzz' is not of the expected form"),
    (lambda d: d.update(lang="de"), "'de'"),
    (lambda d: d.pop("history"), "damaged"),
    (lambda d: d["meters"].update(wellbeing=99), "does not match"),
    (lambda d: d["history"][1].update(choice="nope"), "do not fit"),
    (lambda d: d.update(meters={"wellbeing": "lots"}), "meters.wellbeing: must be integer"),
    (lambda d: d["history"][0].update(extra=1), r"history\[0\]: unexpected key 'extra'"),
])
def test_damaged_saves_are_refused(mini, damage, message):
    # One description of a save (state.RUN_SCHEMA) refuses it here and inside a session record.
    run = engine.start(mini, "en", "ab" * 32)
    run.choose("stand_by_sam")
    data = json.loads(json.dumps(run.save()))
    damage(data)
    with pytest.raises(SaveError, match=message):
        engine.load_run(mini, data, "ab" * 32)


def test_replay_follows_next_scenes_when_asked(mini):
    run = engine.replay(mini, "en", ["walk_on", "say_nothing"], follow_next=True)
    assert run.ended and run.state.ending == "alone"


def test_a_trigger_name_clash_fails_the_tests():
    """The alarm in conftest turns transitions' "Skip binding" log line into a failure."""
    from transitions import Machine

    class Clashing:
        next = "taken"

    with pytest.raises(AssertionError, match="Skip binding"):
        Machine(model=Clashing(), states=["a", "b"], initial="a", auto_transitions=False,
                transitions=[{"trigger": "next", "source": "a", "dest": "b"}])


def test_runs_share_the_machines_and_leave_nothing_behind(mini):
    """The machines are built once per scenario; every run attaches its own models, and a run
    that is gone takes them along (an event screen starts thousands of runs a day)."""
    import gc

    from game.core.machines import machines_for
    machines = machines_for(mini)
    first = engine.start(mini, "en")
    assert first.machines is machines and engine.start(mini, "nl").machines is machines
    gc.collect()
    before = len(machines.story.models)
    for _ in range(200):
        run = engine.start(mini, "en")
        run.choose("walk_on")
        run.back()
    del run
    gc.collect()
    assert len(machines.story.models) == before
    assert len(machines.role.models) == before + 1  # and the probe that asks role_after
    assert first.choose("stand_by_sam").role_after == "defender"  # the first run still plays


def test_a_run_in_another_thread_has_machines_of_its_own(mini):
    """A class session works out its lesson plan (every road of the story) in a thread of its
    own while the class plays: the machines move a run's models and a probe, so the two threads
    never share a set, and each plays as it would alone."""
    import threading

    from game.core.machines import machines_for
    here = machines_for(mini)
    there: list = []

    def play() -> None:
        run = engine.start(mini, "en")
        there.append((machines_for(mini), run.machines, run.choose("stand_by_sam").role_after))

    thread = threading.Thread(target=play)
    thread.start()
    thread.join()
    (theirs, their_run, role), = there
    assert theirs is their_run and theirs is not here
    assert role == "defender"
    assert machines_for(mini) is here and engine.start(mini, "en").machines is here


def _mini_with(tmp_path, old: str, new: str):
    from game.core.loader import load
    from testpaths import ROOT
    text = (ROOT / "tests" / "data" / "mini.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "mini.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    loaded = load(path)
    assert loaded.ok, [str(i) for i in loaded.issues]
    return loaded.scenario


def test_a_condition_that_reads_the_road_is_asked_even_when_no_meter_moves(tmp_path):
    # The condition machine is skipped only when its rules read nothing but the meters and no
    # meter moved; a rule over the road must still be asked after a choice without effects.
    scenario = _mini_with(tmp_path, "when: wellbeing < 40", "when: count(passive) >= 1")
    scenario.scenes["hallway"].choices[0].effects.clear()
    run = engine.start(scenario, "en")
    assert run.state.condition == "coping"
    before = dict(run.state.meters)
    run.choose("walk_on")
    assert run.state.meters == before
    assert run.state.condition == "hurt"


def test_a_choice_that_moves_no_meter_leaves_a_meters_only_condition(mini):
    run = engine.start(mini, "en")
    assert run.machines.condition_follows_meters_only
    run.state.meters["wellbeing"] = 10   # as if an earlier step had hurt him, not yet reassessed
    run.choose("walk_on")                # its effects move the meters: the machine is asked
    assert run.state.condition == "hurt"


def test_the_views_hold_all_a_screen_needs_of_the_road_so_far(mini):
    """Victim, moves, decisions with their labels and the choices there were, stepped in, help:
    a screen reads these, never the run's state or the scenario."""
    run = engine.start(mini, "en")
    assert (run.victim_view().id, run.victim_view().name) == ("sam", "Sam")
    assert run.victim_view().look == mini.cast["sam"].look
    assert (run.moves(), run.decisions(), run.decision_count, run.stepped_in) == ((), (), 0, False)
    assert run.languages == ("nl", "en")
    run.choose("walk_on")
    assert run.stepped_in is False, "walking on is not stepping in"
    run.choose("tell_mentor")
    assert run.stepped_in is True and run.decision_count == 2
    assert run.moves() == ("walk_on", "tell_mentor")
    first, second = run.decisions()
    assert (first.number, first.scene_id, first.letter, first.text, first.stance_label,
            first.step_label) == (1, "hallway", "A", "I walk on.", "outsider", "notice")
    assert [option_id for option_id, _ in second.options] == [
        "tell_mentor", "check_in", "say_nothing"]
    assert (second.choice_id, second.letter) == ("tell_mentor", "A")
    run.lang = "nl"
    assert run.decisions()[0].text == "Ik loop door."
    assert run.help_texts()[0].startswith("Praat met iemand")
    assert run.branch_map().nodes[0].id == "hallway"
    run.back()
    assert run.moves() == ("walk_on",) and run.stepped_in is False


# --- following an edited scenario (the live preview) ---------------------------------------------

def test_follow_replays_the_moves_of_the_last_version(mini):
    run = engine.replay(mini, "en", ["stand_by_sam"])
    again = engine.follow(mini, "en", run.moves(), run.state.scene)
    assert again.state.scene == run.state.scene and again.state.meters == run.state.meters


def test_follow_places_the_run_at_a_scene_it_can_no_longer_reach_by_its_moves(mini):
    again = engine.follow(mini, "nl", ["a_choice_renamed"], "later")
    assert again.state.scene == "later" and not again.ended
    ended = engine.follow(mini, "nl", [], "end_good")
    assert ended.ended and ended.ending_view() is not None


def test_follow_a_scene_that_is_gone_stays_where_the_moves_go(mini):
    assert engine.follow(mini, "en", ["stand_by_sam"], "gone").state.scene == "later"
    assert engine.follow(mini, "en", [], "gone").state.scene == mini.start


def test_follow_a_language_that_is_gone_becomes_the_first(mini):
    assert engine.follow(mini, "de", [], mini.start).lang == mini.languages[0]
