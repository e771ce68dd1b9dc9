"""The debrief of one road: roles, the step where the class held back, strategies used and missed."""

from __future__ import annotations

from game.classroom.debrief import debrief
from game.core import engine


def test_a_road_that_walked_on_then_reported(mini_loaded):
    mini, _ = mini_loaded
    run = engine.replay(mini, "nl", ["walk_on", "tell_mentor"])
    d = debrief(mini, run.summary(), "en")  # played in Dutch, debriefed in English
    assert [(s.stance, s.label, s.count, s.active) for s in d.stances] == [
        ("outsider", "outsider", 1, False), ("report", "report", 1, True)]
    assert [(r.role, r.count) for r in d.roles] == [("outsider", 1), ("stepping_in", 1)]
    assert d.journey == "You started as a bystander, became an outsider, became a budding defender"
    assert d.active_share == 0.5
    assert [(s.step, s.active) for s in d.steps] == [("notice", False), ("act", True)]
    assert d.held_back_at is not None and d.held_back_at.step == "notice"
    assert d.held_back_at.step_label == "notice" and d.held_back_at.choice_text == "I walk on."
    assert [s.id for s in d.strategies_used] == ["anonymous_reporting"]
    assert [(s.id, s.label) for s in d.strategies_missed] == [
        ("bystander_skills", "Bystander skills: assertive, safe and together")]
    assert d.strategies_elsewhere == ()
    assert d.ending is not None and (d.ending.id, d.ending.title) == ("better", "Together")
    assert d.closing == tuple(q.get_text("en") for q in mini.closing)


def test_a_road_that_never_held_back(mini_loaded):
    mini, _ = mini_loaded
    run = engine.replay(mini, "en", ["stand_by_sam", "check_in"])
    d = debrief(mini, run.summary(), "nl")
    assert d.held_back_at is None
    assert [s.label for s in d.stances] == ["steunen"]
    assert d.journey.startswith("Je begon als omstander")
    assert [s.id for s in d.strategies_used] == ["bystander_skills"]
    assert [s.id for s in d.strategies_missed] == ["anonymous_reporting"]
    assert d.ending is not None and d.ending.title == "Een begin"


def test_the_debrief_of_a_road_not_yet_ended(adrian_loaded):
    adrian, _ = adrian_loaded
    run = engine.start(adrian, "en")
    d = debrief(adrian, run.summary(), "en")
    assert (d.decisions, d.stances, d.held_back_at, d.ending) == ((), (), None, None)
    assert d.closing and all(d.closing)


def test_classroom_mode_without_screens_never_imports_pygame():
    import subprocess
    import sys

    from classhelp import ROOT
    code = ("import sys\nimport game.classroom.records, game.classroom.debrief, "
            "game.classroom.guide, game.classroom.report\n"
            "print(','.join(m for m in sys.modules if m.startswith(('pygame', 'game.ui'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == ""
