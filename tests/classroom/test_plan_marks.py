"""What the lesson plan says at each decision (`lesson.plan_at`): the guide's own plan, decision by
decision, for adrian at 45 and 50 minutes and for stories written to have too few talks and too
many decisions; and the plan worked out beside the game (`background_plan`), never waited for."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from classhelp import load_ok
from game.classroom import background_plan, lesson
from game.classroom.lesson import DEBRIEF_AFTER, TALK, VOTE_ONLY, plan_at
from game.core.analysis import analyse
from stories import write_linear_story


@pytest.fixture(scope="module")
def adrian_found(adrian_loaded):
    scenario, _ = adrian_loaded
    return scenario, analyse(scenario)


@pytest.fixture
def fresh_plans():
    """No plan kept from an earlier test (they are shared by content and lesson length)."""
    background_plan.forget()
    yield
    background_plan.forget()


def marks(plan, scenario, found, number: int = 1) -> dict[str, str | None]:
    return {d.scene_id: plan_at(plan, d.scene_id, number) for d in found.decisions}


@pytest.mark.parametrize("minutes, talk_here, no_talk_here", [
    (45, {"hallway_monday", "toilets", "last_chance", "after_backfire", "after_together",
          "office", "played_down"},
     {"group_work", "meme", "evening_forwarded", "evening", "toilets_watched", "face_daan"}),
    (50, {"hallway_monday", "toilets", "toilets_watched", "last_chance", "after_backfire",
          "after_together", "office", "played_down"},
     {"group_work", "meme", "evening_forwarded", "evening", "face_daan"}),
])
def test_adrian_at_each_decision_says_what_the_guide_prints(adrian_found, minutes, talk_here,
                                                           no_talk_here):
    """The guide lists where the class talks and where it only votes; the game says the same
    at every decision, whatever number the decision has on the class's road."""
    scenario, found = adrian_found
    plan = lesson.lesson_plan(scenario, found, minutes, "en")
    assert {d.scene_id for d in plan.talk_at} == talk_here
    for number in (1, 6, 9):
        said = marks(plan, scenario, found, number)
        assert {s for s, m in said.items() if m == TALK} == talk_here, number
        assert {s for s, m in said.items() if m == VOTE_ONLY} == no_talk_here, number
    assert plan_at(plan, "hallway_monday", 1) == TALK           # the first decision
    assert plan_at(plan, "group_work", 2) == VOTE_ONLY          # the second
    assert plan_at(plan, "gone", 3) is None                     # not a decision


def test_a_story_where_every_talk_fits_says_nothing(analysed_mini):
    scenario, found = analysed_mini
    plan = lesson.lesson_plan(scenario, found, 45, "en")
    assert plan.talks == plan.decisions
    assert set(marks(plan, scenario, found).values()) == {None}


@pytest.fixture(scope="module")
def analysed_mini(mini_loaded):
    scenario, _ = mini_loaded
    return scenario, analyse(scenario)


def linear(tmp_path, decisions: int):
    scenario, content_hash = load_ok(write_linear_story(tmp_path, decisions))
    return scenario, content_hash, analyse(scenario)


def test_seven_decisions_in_a_row_get_two_talks_where_the_ending_moves(tmp_path):
    """45 minutes leave 27 for the story: seven votes take 21 of them, and two talks the other
    six. The last decision decides the ending, so it gets a talk; then the first."""
    scenario, _, found = linear(tmp_path, 7)
    plan = lesson.lesson_plan(scenario, found, 45, "en")
    assert (plan.decisions, plan.talks, plan.stop_after) == (7, 2, None)
    said = marks(plan, scenario, found)
    assert said == {"d1": TALK, "d2": VOTE_ONLY, "d3": VOTE_ONLY, "d4": VOTE_ONLY,
                    "d5": VOTE_ONLY, "d6": VOTE_ONLY, "d7": TALK}


def test_eleven_decisions_in_a_row_go_to_the_debrief_after_the_ninth(tmp_path):
    """Not even the votes fit: every decision is voted on without a talk, and from the plan's
    last decision on (counted on the class's road, earlier lessons too) the debrief follows."""
    scenario, _, found = linear(tmp_path, 11)
    for minutes, last in ((45, 9), (50, 10)):
        plan = lesson.lesson_plan(scenario, found, minutes, "en")
        assert (plan.talks, plan.stop_after) == (0, last)
        assert f"after decision {last}, stop and start the debrief" in plan.rows[1].what
        assert [plan_at(plan, f"d{n}", n) for n in range(1, 12)] == (
            [VOTE_ONLY] * (last - 1) + [DEBRIEF_AFTER] * (12 - last))
        # A what-if road takes a decision again: what counts is its number on the road.
        assert plan_at(plan, "d2", last) == DEBRIEF_AFTER and plan_at(plan, "d9", 2) == VOTE_ONLY


# --- worked out beside the game ---------------------------------------------------------------

def test_the_plan_worked_out_beside_the_game_is_the_guides(adrian_loaded, adrian_found,
                                                          fresh_plans):
    scenario, content_hash = adrian_loaded
    _, found = adrian_found
    job = background_plan.BackgroundPlans.start(scenario, content_hash)
    for minutes in lesson.LESSON_MINUTES:
        got = job.wait(minutes, 60)
        printed = lesson.lesson_plan(scenario, found, minutes, scenario.languages[0])
        assert got == printed, minutes


class SlowAnalysis:
    """An analysis that takes as long as the test says: it waits for `go`, then analyses."""

    def __init__(self, fail: bool = False):
        self.go = threading.Event()
        self.started = threading.Event()
        self.fail = fail
        self.calls = 0

    def __call__(self, scenario):
        self.calls += 1
        self.started.set()
        assert self.go.wait(30), "the test never let the analysis finish"
        if self.fail:
            raise RuntimeError("the analysis broke")
        return analyse(scenario)


def test_asking_for_the_plan_never_waits_for_the_analysis(mini_loaded, monkeypatch,
                                                        fresh_plans):
    scenario, content_hash = mini_loaded
    slow = SlowAnalysis()
    monkeypatch.setattr(background_plan, "analyse", slow)
    began = time.perf_counter()
    job = background_plan.BackgroundPlans.start(scenario, content_hash)
    assert job.plan(45) is None and not job.done
    assert slow.started.wait(10)                     # under way in its own thread
    assert job.plan(45) is None and job.wait(45, 0.01) is None
    assert time.perf_counter() - began < 1.0
    slow.go.set()
    assert job.wait(45, 30) is not None and job.done and job.plan(50) is not None
    assert job.plan(60) is None, "a length the game does not plan"
    # Another session of the same story shares the work done, whatever its length.
    assert background_plan.BackgroundPlans.start(scenario, content_hash) is job
    assert slow.calls == 1


def test_a_plan_that_cannot_be_worked_out_is_logged_and_shows_nothing(mini_loaded, monkeypatch,
                                                                    fresh_plans, caplog):
    scenario, content_hash = mini_loaded
    broken = SlowAnalysis(fail=True)
    broken.go.set()
    monkeypatch.setattr(background_plan, "analyse", broken)
    with caplog.at_level(logging.ERROR, logger="game.classroom.background_plan"):
        job = background_plan.BackgroundPlans.start(scenario, content_hash)
        assert job.wait(45, 30) is None and job.done
    assert "could not be worked out" in caplog.text
    # Not kept: the next session tries again.
    monkeypatch.setattr(background_plan, "analyse", analyse)
    again = background_plan.BackgroundPlans.start(scenario, content_hash)
    assert again is not job and again.wait(45, 30) is not None


def test_a_story_changed_on_disk_gets_its_own_plan(tmp_path, fresh_plans):
    """A plan is of the content it was worked out from: the same file, edited, is another
    content (another hash) and never gets the old plan."""
    before, before_hash, _ = linear(tmp_path, 7)
    job = background_plan.BackgroundPlans.start(before, before_hash)
    assert job.wait(45, 60).talks == 2
    after, after_hash, _ = linear(tmp_path, 11)           # the same file, written again
    assert after_hash != before_hash
    changed = background_plan.BackgroundPlans.start(after, after_hash)
    assert changed is not job
    assert (changed.wait(45, 60).talks, changed.plan(45).stop_after) == (0, 9)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_guide_quotes_the_words_the_game_shows(adrian_loaded, lang):
    """The guide's class-mode section says what the vote's bar will say, in the game's own
    words, and what a session continued another day gets."""
    import html

    from game.classroom import guide
    scenario, _ = adrian_loaded
    page = html.unescape(guide.guide_html(scenario, lang))
    for said in (TALK, VOTE_ONLY, DEBRIEF_AFTER):
        assert f"“{lesson.marks(said, lang)[0]}”" in page, said
    assert {"en": "A session continued another day gets the words of the decision the class is "
                  "at", "nl": "Ga je op een andere dag verder met een sessie"}[lang] in page
    assert lesson.marks(VOTE_ONLY, lang, on_talk=True)[0] == {
        "en": "Plan: no talk here, go on (Enter)",
        "nl": "Plan: hier geen gesprek, ga verder (Enter)"}[lang]
    assert lesson.marks(None, lang) == () and lesson.marks(TALK, lang, on_talk=True) == ()
