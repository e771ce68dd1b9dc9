"""Class mode driven headless like a teacher would: hands counted and typed in, the vote locked and
revealed, the majority taken, an override, a tie, the talk with its timer, a jump back on the
timeline to take the other road, the two roads compared, the debrief; then the record read back.

Time passes through `app.run_frames(n, dt)`; nothing sleeps. Records go to a temporary folder.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.classroom.records import read_record, unfinished_sessions  # noqa: E402
from game.core import engine, vocab  # noqa: E402
from game.classroom.session import meters_by_decision, passive_run  # noqa: E402
from game.ui.screens.compare import PASSIVE, CompareScreen  # noqa: E402
from game.ui.screens.consequence import ConsequenceScreen  # noqa: E402
from game.ui.screens.debrief import DebriefScreen  # noqa: E402
from game.ui.screens.discussion import DiscussionScreen, first_sentence  # noqa: E402
from game.ui.screens.ending import EndingScreen  # noqa: E402
from game.ui.screens.class_start import ClassStartScreen  # noqa: E402
from game.ui.screens.resume import ResumeListScreen  # noqa: E402
from game.ui.screens.scene import SceneScreen  # noqa: E402
from game.ui.screens.timeline import TimelineScreen  # noqa: E402
from game.ui.screens.vote import VoteScreen  # noqa: E402

from uihelp import (ALL_SCENARIOS, MINI, ROOT, all_out_of_reach, click, entry_of, make_app,  # noqa: E402
                    press, run_at)

ADRIAN = ROOT / "scenes" / "adrian.yaml"
LETTER = {"A": pygame.K_a, "B": pygame.K_b, "C": pygame.K_c, "D": pygame.K_d}
DIGIT = {str(d): getattr(pygame, f"K_{d}") for d in range(10)}


@pytest.fixture(autouse=True)
def records_folder(tmp_path, monkeypatch) -> Path:
    """Every record of these tests goes to a folder of their own."""
    monkeypatch.setenv("BYSTANDER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture(scope="module")
def adrian():
    return entry_of(ADRIAN)


def to_vote(app, limit: int = 60) -> VoteScreen:
    """Space through beats (and `next` scenes) until the class is asked to vote."""
    for _ in range(limit):
        if isinstance(app.top, VoteScreen):
            return app.top
        press(app, pygame.K_SPACE, frames=1)
    raise AssertionError(f"no vote after {limit} presses; on {type(app.top).__name__}")


def hands(app, **counts: int) -> None:
    """The teacher selects each choice by its letter and types its number of hands."""
    for letter, n in counts.items():
        press(app, LETTER[letter], frames=1)
        press(app, *(DIGIT[d] for d in str(n)), frames=1)


def through_consequence(app) -> DiscussionScreen:
    assert isinstance(app.top, ConsequenceScreen)
    press(app, pygame.K_SPACE, frames=1)          # ends the meters' animation
    press(app, pygame.K_SPACE, frames=1)          # on to the talk
    assert isinstance(app.top, DiscussionScreen)
    return app.top


def decide(app, letter: str) -> None:
    """A quick vote where `letter` has most hands, taken, and the talk skipped."""
    vote = to_vote(app)
    hands(app, **{letter: 20})
    press(app, pygame.K_RETURN, pygame.K_RETURN, frames=1)
    assert not isinstance(app.top, VoteScreen), vote.view.scene_id
    through_consequence(app)
    press(app, pygame.K_RETURN, frames=1)


def test_a_whole_class_session(adrian, records_folder):
    app = make_app([adrian], reduced_motion=False)
    app.begin_class(adrian)
    assert isinstance(app.top, SceneScreen) and app.classroom is not None
    session_log = app.classroom.log

    # Decision 1: hands counted, hidden until locked, then the majority taken.
    vote = to_vote(app)
    assert vote.view.scene_id == "hallway_monday" and vote.phase == "counting"
    hands(app, C="12", A="5")
    press(app, pygame.K_d, pygame.K_PLUS, pygame.K_PLUS, pygame.K_PLUS, frames=1)
    press(app, pygame.K_b, pygame.K_4, pygame.K_BACKSPACE, pygame.K_7, frames=1)
    assert vote.counts == {"walk_on": 5, "laugh_along": 7, "say_stop": 12,
                           "walk_with_adrian": 3}
    assert vote.phase == "counting" and "12" not in vote._status_text()
    press(app, pygame.K_RETURN, frames=1)                    # lock: the bars are revealed
    assert vote.phase == "revealed" and vote.majority == 2 and vote.selected == 2
    assert not vote.tie and not vote.overridden
    press(app, pygame.K_RETURN, frames=1)                    # the majority's choice
    assert isinstance(app.top, ConsequenceScreen)
    assert app.top.outcome.choice_id == "say_stop"

    # The talk: its prompts, what happened, and a countdown that ends quietly.
    talk = through_consequence(app)
    assert talk.outcome.discuss and talk.timer.minutes == 3
    press(app, pygame.K_2, frames=1)                         # 2 minutes
    press(app, pygame.K_SPACE, frames=1)                     # start
    app.run_frames(60, 1.0)
    assert talk.timer.running and talk.timer.clock() == "1:00"
    press(app, pygame.K_SPACE, frames=1)                     # pause
    app.run_frames(30, 1.0)
    assert talk.timer.clock() == "1:00" and not talk.timer.running
    press(app, pygame.K_SPACE, frames=1)                     # go on
    app.run_frames(75, 1.0)
    assert talk.timer.done and talk.timer.clock() == "0:00" and not talk.timer.running
    assert talk._timer_state() == "time is up. Round off the last thought."
    english = talk.outcome.discuss
    press(app, pygame.K_l, frames=1)                         # Dutch, mid-talk
    assert app.lang == "nl" and talk.outcome.discuss != english
    assert talk.outcome.choice_id == "say_stop"
    press(app, pygame.K_l, frames=1)
    press(app, pygame.K_RETURN, frames=1)                    # on with the story
    assert isinstance(app.top, SceneScreen)

    # Decision 2: most hands for A, but the teacher takes C.
    vote = to_vote(app)
    assert vote.view.scene_id == "group_work"
    hands(app, A="10", B="2", C="8", D="1")
    press(app, pygame.K_RETURN, frames=1)
    assert vote.majority == 0
    press(app, pygame.K_c, frames=1)
    assert vote.overridden and "instead of A" in vote._status_text()
    press(app, pygame.K_RETURN, frames=1)
    assert app.top.outcome.choice_id == "invite_adrian"
    through_consequence(app)
    press(app, pygame.K_RETURN, frames=1)

    # Decision 3: a tie; nothing is taken until the teacher picks one of the two.
    vote = to_vote(app)
    assert vote.view.scene_id == "meme"
    hands(app, A="6", B="2", C="1", D="6")
    press(app, pygame.K_RETURN, frames=1)
    assert vote.tie and vote.selected is None and "tie between A and D" in vote._status_text()
    press(app, pygame.K_RETURN, frames=1)
    assert app.top is vote                                   # no choice yet: nothing happens
    press(app, pygame.K_d, pygame.K_RETURN, frames=1)
    assert app.top.outcome.choice_id == "reply_not_funny"
    through_consequence(app)

    recorded = session_log.decisions
    assert [d["choice"] for d in recorded] == ["say_stop", "invite_adrian", "reply_not_funny"]
    assert recorded[0]["votes"] == {"walk_on": 5, "laugh_along": 7, "say_stop": 12,
                                    "walk_with_adrian": 3}
    assert [d["overridden"] for d in recorded] == [False, True, False]
    assert recorded[2]["votes"] == {"forward_meme": 6, "laugh_react": 2, "scroll_past": 1,
                                    "reply_not_funny": 6}

    # What if? Back to decision 2 on the timeline, and the other road taken there.
    press(app, pygame.K_w, frames=1)
    timeline = app.top
    assert isinstance(timeline, TimelineScreen) and len(timeline.decisions) == 3
    assert timeline.selected == 2
    press(app, pygame.K_LEFT, frames=1)
    assert timeline.selected == 1
    press(app, pygame.K_RETURN, frames=1)
    vote = app.top
    assert isinstance(vote, VoteScreen) and vote.view.scene_id == "group_work"
    assert vote.earlier == {"invite_adrian": "Taken on road 1"}
    assert session_log.road == 1 and len(session_log.roads) == 2
    assert app.run.state.choices == ["say_stop"]
    hands(app, A="9", C="3")
    press(app, pygame.K_RETURN, pygame.K_RETURN, frames=1)
    assert app.top.outcome.choice_id == "say_full"
    through_consequence(app)
    press(app, pygame.K_RETURN, frames=1)

    # Both roads side by side, then against the most passive road.
    press(app, pygame.K_w, pygame.K_c, frames=1)
    compare = app.top
    assert isinstance(compare, CompareScreen) and compare.other == 0
    mine = meters_by_decision(compare.run)
    other = meters_by_decision(compare.other_run())
    assert mine["wellbeing"][:2] == other["wellbeing"][:2]   # the same first decision
    assert mine["wellbeing"][2] != other["wellbeing"][2]     # and then not
    press(app, pygame.K_n, frames=1)
    assert compare.other == PASSIVE and compare.other_run().ended
    assert compare.overflows() == []
    press(app, pygame.K_ESCAPE, pygame.K_ESCAPE, frames=1)   # compare, then the timeline
    assert isinstance(app.top, SceneScreen)

    # On to an ending on this road, and the debrief built from its own choices.
    for letter in "CBAA":
        if isinstance(app.top, EndingScreen):
            break
        decide(app, letter)
    for _ in range(20):
        if isinstance(app.top, EndingScreen):
            break
        press(app, pygame.K_SPACE, frames=1)
    assert isinstance(app.top, EndingScreen)
    press(app, pygame.K_d, frames=1)
    debrief_screen = app.top
    assert isinstance(debrief_screen, DebriefScreen)
    d = debrief_screen.debrief
    assert d.decisions[0].choice_id == "say_stop" and d.decisions[1].choice_id == "say_full"
    # say_full, joining in after speaking up: a defender who wavers (the role weighs the road)
    assert "wavering" in {r.role for r in d.roles}
    assert d.held_back_at is not None and d.held_back_at.index == 1
    assert debrief_screen.overflows() == []
    press(app, pygame.K_3, frames=1)
    assert debrief_screen.page == "closing" and d.closing
    assert debrief_screen.overflows() == []
    press(app, pygame.K_l, frames=1)
    assert debrief_screen.debrief.closing[0].startswith("Leg je rol even neer")

    # The saved record: votes and roads, read back from disk through the records API.
    saved = read_record(session_log.path)
    assert saved.completed and len(saved.roads) == 2
    assert saved.roads[1].parent == 0 and saved.roads[1].branch_at == 1
    road0 = [d for d in saved.decisions if d["road"] == 0]
    road1 = [d for d in saved.decisions if d["road"] == 1]
    assert [d["choice"] for d in road0] == ["say_stop", "invite_adrian", "reply_not_funny"]
    assert road1[0]["choice"] == "say_full" and road1[0]["votes"]["say_full"] == 9
    assert all(set(d) == {"scene", "choice", "stance", "step", "votes", "overridden", "road",
                          "seconds"} for d in saved.decisions)
    assert unfinished_sessions() == []


def fill_form(app, label: str = "3B", size: str = "25") -> None:
    """The start form as a teacher fills it: the label typed, Down, the size typed, Enter."""
    assert isinstance(app.top, ClassStartScreen), type(app.top).__name__
    app.run_frames(1)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=label))
    app.run_frames(1)
    press(app, pygame.K_DOWN, *(DIGIT[d] for d in size), frames=1)
    press(app, pygame.K_RETURN, frames=1)


def test_an_unfinished_session_is_offered_again(mini_entry, records_folder):
    app = make_app([mini_entry])
    app.start_class(mini_entry)                              # nothing unfinished: the form
    fill_form(app, "3B", "25")
    decide(app, "B")                                         # stand by Sam
    first = app.classroom.log.session_id
    assert (app.classroom.log.label, app.classroom.class_size) == ("3B", 25)
    assert unfinished_sessions() == [], "not offered while its window holds it"
    app.leave_class()                                        # the window closes
    assert [s.session_id for s in unfinished_sessions()] == [first]

    later = make_app([mini_entry])                           # the next lesson
    later.start_class(mini_entry)
    assert isinstance(later.top, ResumeListScreen)
    later.run_frames(1)                                      # the list on screen
    assert later.top.describe(later.top.offers[0])[0] == "3B · The hallway"
    press(later, pygame.K_1, frames=1)                       # continue the first
    assert later.classroom.log.session_id == first
    assert later.run.state.choices == ["stand_by_sam"]
    assert isinstance(later.top, SceneScreen) and later.top.view.scene_id == "later"

    later.leave_class()
    again = make_app([mini_entry])
    again.start_class(mini_entry)
    again.run_frames(1)
    press(again, pygame.K_n, frames=1)                       # a new session: the form
    assert isinstance(again.top, ClassStartScreen)
    assert again.top.class_size == 25, "the last session's size is offered"
    fill_form(again, "3C", "")
    assert again.classroom.log.session_id != first and again.run.state.choices == []
    assert (again.classroom.log.label, again.classroom.class_size) == ("3C", 25)


def test_stepping_back_to_re_read_keeps_the_count_and_the_clock(mini_entry):
    app = make_app([mini_entry])
    app.begin_class(mini_entry)
    vote = to_vote(app)
    hands(app, A="6", B="14")
    app.run_frames(40, 1.0)
    vote.back_to_story()                                     # the class wants to re-read it
    assert isinstance(app.top, SceneScreen)
    again = to_vote(app)
    assert again is not vote
    assert again.counts == {"walk_on": 6, "stand_by_sam": 14} and again.touched == {
        "walk_on", "stand_by_sam"}
    assert again.seconds >= 40, "the time spent on the decision goes on"
    press(app, pygame.K_RETURN, pygame.K_RETURN, frames=1)
    talk = through_consequence(app)
    press(app, pygame.K_SPACE, frames=1)                     # start the talk's clock
    app.run_frames(30, 1.0)
    left = talk.timer.clock()
    press(app, pygame.K_LEFT, frames=1)                      # back to what the choice did
    assert isinstance(app.top, ConsequenceScreen)
    press(app, pygame.K_SPACE, frames=1)                     # on to the talk again
    talk_again = app.top
    assert isinstance(talk_again, DiscussionScreen) and talk_again is not talk
    assert talk_again.timer.clock() == left and talk_again.timer.running
    assert app.classroom.log.decisions[0]["votes"] == {"walk_on": 6, "stand_by_sam": 14}
    assert app.classroom.log.decisions[0]["seconds"] >= 40


def test_unavailable_choices_take_no_votes(mini_entry):
    app = make_app([mini_entry])
    app.begin_class(mini_entry)
    decide(app, "A")                                         # walk on: check_in is closed
    vote = to_vote(app)
    check_in = vote.view.choices[1]
    assert not check_in.available and check_in.reason == "You were not there."
    press(app, pygame.K_a, pygame.K_3, frames=1)
    press(app, pygame.K_b, pygame.K_9, frames=1)             # B cannot be taken: selects nothing
    assert vote.selected is None and vote.counts == {"tell_mentor": 3, "check_in": 0,
                                                     "say_nothing": 0}
    assert vote._status_text().startswith("B cannot be taken here")
    press(app, pygame.K_a, pygame.K_5, frames=1)             # `b 9 a 5`: A has 5, B nothing
    assert vote.counts == {"tell_mentor": 5, "check_in": 0, "say_nothing": 0}
    assert vote._status_text().startswith("A–D or arrows")
    vote.set_count(1, 5)
    assert vote.counts["check_in"] == 0
    press(app, pygame.K_RETURN, frames=1)
    assert vote.majority == 0


def test_digits_after_plus_or_minus_start_a_new_number(mini_entry):
    app = make_app([mini_entry])
    app.begin_class(mini_entry)
    vote = to_vote(app)
    press(app, pygame.K_a, pygame.K_3, pygame.K_PLUS, frames=1)
    assert vote.counts["walk_on"] == 4
    press(app, pygame.K_1, pygame.K_2, frames=1)             # a new number, not 412
    assert vote.counts["walk_on"] == 12
    press(app, pygame.K_MINUS, pygame.K_7, frames=1)
    assert vote.counts["walk_on"] == 7


def test_no_hands_waits_for_the_teacher(mini_entry):
    app = make_app([mini_entry])
    app.begin_class(mini_entry)
    vote = to_vote(app)
    press(app, pygame.K_RETURN, pygame.K_RETURN, frames=1)
    assert app.top is vote and vote.selected is None
    assert vote._status_text().startswith("No hands were counted")
    press(app, pygame.K_b, pygame.K_RETURN, frames=1)
    assert app.top.outcome.choice_id == "stand_by_sam"
    assert app.classroom.log.decisions[0]["votes"] is None


def test_votes_by_mouse(mini_entry):
    app = make_app([mini_entry])
    app.begin_class(mini_entry)
    vote = to_vote(app)
    app.draw()
    plus_b, plus5_b = vote.controls[4:6]                     # the +1 and +5 of choice B
    assert (plus_b.label, plus5_b.label) == ("+1", "+5")
    for button in (plus5_b, plus_b, plus_b, vote.controls[3]):   # +5 +1 +1 -1
        click(button.rect.center)
        app.run_frames(1)
    assert vote.counts["stand_by_sam"] == 6 and vote.selected == 1
    lock = next(b for b in vote.nav if b.label.startswith("Lock"))
    click(lock.rect.center)
    app.run_frames(1)
    assert vote.phase == "revealed"


def test_every_class_screen_speaks_both_languages(mini_entry):
    """L switches the language on the vote, the talk, the timeline and the comparison."""
    app = make_app([mini_entry])
    app.begin_class(mini_entry)
    vote = to_vote(app)
    hands(app, B="3")
    press(app, pygame.K_l, frames=1)
    assert vote.view.choices[1].text == "Ik ga naast Sam staan."
    assert vote.counts["stand_by_sam"] == 3
    press(app, pygame.K_RETURN, pygame.K_RETURN, frames=1)
    talk = through_consequence(app)
    assert talk.outcome.discuss == ("Wat deed het voor Sam dat je er stond?",)
    press(app, pygame.K_w, frames=1)
    timeline = app.top
    assert isinstance(timeline, TimelineScreen)
    assert timeline.decisions[0].text == "Ik ga naast Sam staan."
    press(app, pygame.K_l, frames=1)
    assert timeline.decisions[0].text == "I go and stand next to Sam."
    press(app, pygame.K_c, frames=1)
    compare = app.top
    assert compare.road_name(PASSIVE) == "The most passive road"
    press(app, pygame.K_l, frames=1)
    assert compare.road_name(PASSIVE) == "De meest passieve weg" and compare.overflows() == []
    press(app, pygame.K_ESCAPE, pygame.K_w, frames=1)
    assert app.top is talk
    press(app, pygame.K_ESCAPE, frames=1)                    # the class's pause menu
    assert app.top.items[1].label == "Wat als? (W)"
    press(app, pygame.K_2, frames=1)                         # -> the timeline
    assert isinstance(app.top, TimelineScreen)


def test_class_mode_from_the_title_and_the_command_line(mini_entry, monkeypatch):
    from game.cli import main
    from game.ui import app as app_module
    from game.ui.screens.title import TitleScreen
    app = make_app([mini_entry])
    app.show_title()
    app.run_frames(1)
    press(app, pygame.K_k, frames=1)                         # K: the class plays
    fill_form(app)
    assert app.classroom is not None and isinstance(app.top, SceneScreen)
    assert isinstance(app.stack[0], TitleScreen)
    seen = {}
    monkeypatch.setattr(app_module.App, "loop", lambda self: seen.update(
        top=type(self.top).__name__, classroom=self.classroom is not None))
    monkeypatch.setattr(app_module, "load_settings", lambda: app_module.Settings(lang="en"))
    assert main(["play", "--class", str(MINI)]) == 0
    # The title's session is open in that window: another window lists it, open elsewhere.
    assert seen == {"top": "ResumeListScreen", "classroom": False}
    app.leave_class()
    assert main(["play", "--class", str(MINI)]) == 0
    assert seen == {"top": "ResumeListScreen", "classroom": False}  # now it can be continued


def test_the_most_passive_road(adrian):
    run = passive_run(engine.start(adrian.scenario, "en"))
    assert run.ended
    stances = [s.stance for s in run.state.history if s.choice]
    assert stances and all(s in vocab.PASSIVE_STANCES for s in stances)


def test_the_talk_lasts_as_long_as_the_guide_plans_it():
    from game.classroom.lesson import DISCUSSION_MINUTES
    from game.ui.screens.discussion import Countdown
    assert Countdown().minutes == DISCUSSION_MINUTES


def test_first_sentence():
    assert first_sentence("Sam kijkt je na. Dan gaat hij.") == "Sam kijkt je na."
    assert first_sentence("'Stop!' Daan lacht.") == "'Stop!'"
    assert first_sentence("No end here") == "No end here"


# --- every text fits -------------------------------------------------------------------------

def _show(app, screen) -> list[str]:
    app.stack = [screen]
    screen.finish_animations()
    app.draw()
    return screen.overflows()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", ALL_SCENARIOS, ids=lambda p: p.stem)
def test_class_screens_fit_at_720p(path, lang):
    """The vote (counting, revealed, all closed), the talk of every branch, at 1280x720."""
    problems = class_misfits(entry_of(path), lang)
    assert not problems, "text does not fit:\n" + "\n".join(problems)


def class_misfits(entry, lang: str) -> list[str]:
    """Every text of the class screens that does not fit at 1280x720: the vote at every decision
    (counting, revealed, overridden, all closed) and the talk after every branch (its timer
    running and run out). test_text_limits.py asks it too."""
    s = entry.scenario
    app = make_app([entry], size=(1280, 720), lang=lang)
    app.entry = entry
    problems: list[str] = []

    def check(where: str, screen) -> None:
        problems.extend(f"{where}: {text!r}" for text in _show(app, screen))

    template = None
    for scene_id, scene in s.scenes.items():
        if not scene.choices:
            continue
        run = run_at(s, scene_id, lang)
        app.run = run
        vote = VoteScreen(app, run)
        check(f"{scene_id} vote", vote)
        for c in vote.view.choices:
            vote.set_count(c.index, 10 + c.index)
        vote.lock()
        check(f"{scene_id} results", vote)
        vote.selected = next((c.index for c in vote.view.choices[1:] if c.available),
                             vote.selected)
        check(f"{scene_id} override", vote)
        vote.view = replace(vote.view, choices=all_out_of_reach(vote.view.choices, scene, lang))
        vote.unlock()
        check(f"{scene_id} vote, all closed", vote)
        for choice in scene.choices:
            attempt = run_at(s, scene_id, lang)
            try:
                outcome = attempt.choose(choice.id)
                template = template or outcome
            except engine.ChoiceError:
                if template is None:
                    continue
                outcome = replace(template, choice_text=choice.text.get_text(lang),
                                  consequence=choice.consequence.get_text(lang),
                                  discuss=tuple(d.get_text(lang) for d in choice.discuss))
            talk = DiscussionScreen(app, attempt, outcome, attempt.view())
            check(f"{scene_id} -> {choice.id} talk", talk)
            talk.timer.toggle()
            talk.timer.tick(1000)
            check(f"{scene_id} -> {choice.id} talk, time up", talk)
    return problems


@pytest.mark.parametrize("size, lang", [((1280, 720), "nl"), ((1920, 1080), "nl"),
                                        ((1920, 1080), "en"), ((1024, 768), "nl"),
                                        ((1024, 768), "en"), ((3840, 2160), "nl")])
def test_a_session_fits_on_every_screen(adrian, size, lang):
    """Timeline, comparison and both debrief pages of a long road, wide and 4:3."""
    moves = (["say_stop", "invite_adrian", "reply_not_funny", "anon_form", "stand_by_adrian",
              "hand_it_over"] if lang == "nl" else   # active, then holding back at the end
             ["walk_on", "say_full", "forward_meme", "shrug_forwarded", "walk_past",
              "not_my_business"])
    app = make_app([adrian], size=size, lang=lang)
    app.begin_class(adrian)
    for choice_id in moves:                                  # straight to each vote: no stage
        while app.run.view().can_advance and not app.run.view().choices:
            app.run.advance()
        vote = VoteScreen(app, app.run)
        app.stack = [vote]
        vote.set_count(next(c.index for c in vote.view.choices if c.id == choice_id), 20)
        vote.lock()
        assert _show(app, vote) == [], (choice_id, vote.overflows())
        vote.confirm()
        cons = app.top
        talk = DiscussionScreen(app, app.run, cons.outcome, cons.before)
        assert _show(app, talk) == [], (choice_id, talk.overflows())
    problems = []
    app.open_timeline()
    timeline = app.top
    for i in range(len(moves)):
        timeline.select(i)
        problems += [f"timeline {i}: {t}" for t in _show(app, timeline)]
    compare = CompareScreen(app, app.classroom.road, app.run)
    problems += [f"compare: {t}" for t in _show(app, compare)]
    for _ in range(20):
        if app.run.ended:
            break
        app.run.advance()
    debrief_screen = DebriefScreen(app, app.run)
    for page in debrief_screen.pages():
        debrief_screen.show(page)
        problems += [f"debrief {page}: {t}" for t in _show(app, debrief_screen)]
    assert not problems, "\n".join(problems)


# --- pictures (the class screens' snapshots are in test_snapshots.py) ----------------------

def test_class_pictures_from_the_command_line_leave_no_record(records_folder, tmp_path, capsys):
    from game.cli import main
    out = tmp_path / "debrief.png"
    assert main(["screenshot", str(MINI), "--screen", "debrief", "--choose",
                 "stand_by_sam,check_in", "--size", "1024x768", "--lang", "nl",
                 "-o", str(out)]) == 0
    assert pygame.image.load(str(out)).get_size() == (1024, 768)
    assert main(["screenshot", str(MINI), "--screen", "discussion", "-o", str(out)]) == 2
    assert "needs at least one --choose" in capsys.readouterr().err
    assert not records_folder.exists() or not any(records_folder.rglob("*.json"))


def test_every_unfinished_class_is_listed_and_one_is_deleted_after_a_question(
        mini_entry, records_folder):
    from game.classroom.session import ClassPlan
    from game.ui.screens.resume import DeleteSessionScreen
    other_window = make_app([mini_entry])
    other_window.begin_class(mini_entry, ClassPlan("3A", 24, 50))   # open elsewhere
    app = make_app([mini_entry])
    app.begin_class(mini_entry, ClassPlan("3B", 26, 45))
    decide(app, "B")
    mine = app.classroom.log
    app.leave_class()
    app.start_class(mini_entry)
    listed = app.top
    assert isinstance(listed, ResumeListScreen)
    app.run_frames(1)
    rows = {listed.describe(o)[0]: o for o in listed.offers}
    assert set(rows) == {"3A · The hallway", "3B · The hallway"}
    busy = listed.offers.index(rows["3A · The hallway"])
    assert listed.describe(listed.offers[busy])[1].endswith("open in another window of the game")
    press(app, pygame.K_1 + busy, frames=1)                  # the one open elsewhere
    assert app.classroom is None and app.top is listed
    assert listed.notice == "open in another window of the game"
    free = 1 - busy
    listed.selected = free
    press(app, pygame.K_x, frames=1)                         # delete? asks first
    assert isinstance(app.top, DeleteSessionScreen)
    press(app, pygame.K_1, frames=1)                         # "No, keep it"
    assert app.top is listed and mine.path.exists()
    press(app, pygame.K_x, frames=1)
    press(app, pygame.K_2, frames=1)                         # "Yes, delete it"
    assert app.top is listed and not mine.path.exists()
    assert [o.record.label for o in listed.offers] == ["3A"]
    other_window.leave_class()


def test_the_start_form_keeps_the_label_short_and_needs_a_size_given_by_touch(
        mini_entry, records_folder):
    app = make_app([mini_entry], size=(1920, 1080))
    app.start_class(mini_entry)
    form = app.top
    assert isinstance(form, ClassStartScreen) and form.class_size is None
    app.run_frames(1)
    for text in ("<3B>", " klas ", "Jan's", "1234567890"):
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    app.run_frames(1)
    assert form.label == "3B klas Jans", "at most 12 characters a label allows; no others"
    form.label = "3B"
    for k in (pygame.K_l, pygame.K_SPACE):                    # typed, with a button focused
        form.focus.index = 0
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0,
                                             unicode=" " if k == pygame.K_SPACE else "l",
                                             scancode=0))
        app.run_frames(1)
    assert app.lang == "en" and form.class_size is None, "letters are words in the label"
    form.label = "3B klas Jans"
    press(app, pygame.K_RETURN, frames=1)
    assert app.top is form and app.classroom is None, "no start without a class size"
    steps = {b.label: b for b in form.layout().controls}
    assert all(b.rect.h >= 48 and b.rect.w >= 48 for b in steps.values()), "finger-sized"
    for label in ("+5", "+5", "+5", "+5", "+5", "+1", "+1", "–1"):
        click(steps[label].rect.center)
        app.run_frames(1)
    assert form.class_size == 26
    click(steps["45 minutes"].rect.center)
    app.run_frames(1)
    assert form.lesson_minutes == 45
    click(form.layout().chrome.primary.rect.center)
    app.run_frames(1)
    log = app.classroom.log
    assert (log.label, log.class_size, log.lesson_minutes) == ("3B klas Jans", 26, 45)


def test_the_debrief_shows_how_the_class_split_and_whose_pick_each_choice_was(mini_entry):
    app = make_app([mini_entry])
    app.begin_class(mini_entry)
    to_vote(app)
    hands(app, A=14, B=11)
    press(app, pygame.K_RETURN, pygame.K_b, pygame.K_RETURN, frames=1)   # the teacher takes B
    assert app.classroom.chose_key() == "teacher_chose"   # "The teacher chose: ..."
    through_consequence(app)
    press(app, pygame.K_RETURN, frames=1)
    to_vote(app)
    hands(app, A=3, B=20, C=2)
    press(app, pygame.K_RETURN, pygame.K_RETURN, frames=1)                # the class's B
    assert app.classroom.chose_key() == "class_chose"
    while not isinstance(app.top, EndingScreen):
        press(app, pygame.K_SPACE, pygame.K_RETURN, frames=1)
    press(app, pygame.K_d, frames=1)
    debrief = app.top
    assert isinstance(debrief, DebriefScreen) and debrief.page == "split"
    assert [(s.number, s.hands, s.taken, s.taken_by) for s in debrief.splits] == [
        (1, (("A", 14), ("B", 11)), "B", "teacher"),
        (2, (("A", 3), ("B", 20), ("C", 2)), "B", "vote")]
    app.run_frames(1)
    assert debrief.overflows() == []


def test_quit_has_one_number_in_every_menu_and_asks_first_in_class(mini_entry):
    from game.ui.screens.pause import ClassPauseScreen, PauseScreen, QuitScreen
    from game.ui.screens.title import TitleScreen

    def quit_badge(menu) -> str:
        app.run_frames(1)
        [badge] = [b.badge for b in menu.items if b.label in ("Quit", "Yes, quit")]
        return badge

    app = make_app([mini_entry])
    app.show_title()
    press(app, pygame.K_ESCAPE, frames=1)                     # the title's question
    assert isinstance(app.top, QuitScreen) and quit_badge(app.top) == "0"
    app.start_run(mini_entry)
    app.pause()
    assert type(app.top) is PauseScreen and quit_badge(app.top) == "0"
    app.begin_class(mini_entry)
    app.pause()
    before = app.top
    assert isinstance(before, ClassPauseScreen) and quit_badge(before) == "0"
    assert "Debrief now" in [b.label for b in before.items]
    press(app, pygame.K_0, frames=1)                          # Quit: asks first in class
    assert isinstance(app.top, QuitScreen) and app.running
    assert app.top.title().startswith("Quit Bystander? The class session is saved")
    press(app, pygame.K_RETURN, frames=1)                     # "No, stay" has the focus
    assert app.running and app.top is before
    press(app, pygame.K_ESCAPE, frames=1)
    decide(app, "A")
    decide(app, "A")
    while not isinstance(app.top, EndingScreen):
        press(app, pygame.K_SPACE, frames=1)
    app.pause()
    assert quit_badge(app.top) == "0" and "Debrief (D)" in [b.label for b in app.top.items]
    assert isinstance(app.stack[0], TitleScreen)


def test_debrief_now_shows_the_decisions_so_far_and_goes_back_to_the_story(mini_entry):
    app = make_app([mini_entry])
    app.begin_class(mini_entry)
    decide(app, "B")
    app.pause()
    now = next(b for b in app.top.items if b.label == "Debrief now")
    now.action()
    debrief = app.top
    assert isinstance(debrief, DebriefScreen) and not app.run.ended
    assert [s.taken for s in debrief.splits] == ["B"]
    app.run_frames(1)
    assert debrief.overflows() == []
    press(app, pygame.K_BACKSPACE, frames=1)                  # back to the story
    assert isinstance(app.top, SceneScreen) and app.run.state.choices == ["stand_by_sam"]


def test_the_lesson_clock_sits_in_the_corner_of_the_class_screens(mini_entry):
    from game.classroom.session import ClassPlan
    app = make_app([mini_entry])
    app.begin_class(mini_entry, ClassPlan("3B", 25, 45))
    vote = to_vote(app)
    app.run_frames(1)
    corner = vote.layout().chrome.corners[0]
    assert corner.label == "30 min to the debrief"
    assert corner.rect.bottom < vote.layout().heading.box.y, "above the pupils' words"
    app.run_frames(30, dt=60.0)                               # half an hour later
    assert vote.layout().chrome.corners[0].label == "Debrief now: 15 min left"
    assert vote.overflows() == []
    app.begin_class(mini_entry)                               # no lesson length: no clock
    assert to_vote(app).layout().chrome.corners[0].label != "30 min to the debrief"


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_timeline_of_another_road_fits_its_crowded_bar(adrian, size):
    """'Andere weg vanaf keuze 5 (Enter)' was cut off at 1920x1080 beside four buttons."""
    app = make_app([adrian], size=size, lang="nl")
    app.begin_class(adrian)
    for _ in range(5):
        decide(app, "A")
    press(app, pygame.K_w, pygame.K_5, frames=1)
    press(app, pygame.K_RETURN, frames=1)                    # a second road from decision 5
    press(app, pygame.K_w, pygame.K_r, frames=1)             # the first road, shown
    timeline = app.top
    assert isinstance(timeline, TimelineScreen) and not timeline.on_current_road
    press(app, pygame.K_5, frames=1)
    app.run_frames(1)
    assert timeline.overflows() == []
    assert timeline.layout().chrome.primary.label == "Andere weg (Enter)"


def test_a_fifty_minute_lesson_with_two_classes(adrian, records_folder):
    """The issue's lesson, headless: two classes begun (label, size, length on the form), the
    first one continued from the list, five votes in all (with keys and with touch), a vote
    with more hands than pupils refused until corrected, the lesson clock running out, debrief
    now; then the record and the report."""
    from game.classroom.report import build_report, report_html, sessions_csv
    from game.classroom.records import sessions_dir
    from game.ui.screens.pause import ClassPauseScreen

    def new_window():
        return make_app([adrian], size=(1920, 1080), lang="nl")

    def talk_and_on(app):
        through_consequence(app)
        press(app, pygame.K_RETURN, frames=1)

    # Monday, 3A: the form, then two votes with the keys; the bell rings.
    first = new_window()
    first.start_class(adrian)
    fill_form(first, "3A", "28")
    assert first.classroom.log.lesson_minutes == 50            # the form's default length
    for letter in ("A", "A"):
        to_vote(first)
        hands(first, **{letter: 17}, B=9)
        press(first, pygame.K_RETURN, pygame.K_RETURN, frames=1)
        talk_and_on(first)
    first_id = first.classroom.log.session_id
    first.leave_class()

    # Monday, 3B: the list offers 3A; the teacher begins anew for 3B.
    second = new_window()
    second.start_class(adrian)
    assert isinstance(second.top, ResumeListScreen)
    press(second, pygame.K_n, frames=1)
    fill_form(second, "3B", "")
    assert second.classroom.class_size == 28                    # the last size, offered
    decide(second, "A")
    second.leave_class()

    # Tuesday: 3A again, the first of the two unfinished classes.
    app = new_window()
    app.start_class(adrian)
    listed = app.top
    app.run_frames(1)
    labels = [o.record.label for o in listed.offers]
    assert sorted(labels) == ["3A", "3B"]
    press(app, pygame.K_1 + labels.index("3A"), frames=1)
    assert app.classroom.log.session_id == first_id and len(app.run.state.choices) == 2

    # Decision 3 with the keys, decision 4 by touch only.
    to_vote(app)
    hands(app, A=20, B=6)
    press(app, pygame.K_RETURN, pygame.K_RETURN, frames=1)
    talk_and_on(app)
    vote = to_vote(app)
    app.run_frames(1)
    a_plus5 = vote.controls[2]
    b_plus1 = vote.controls[4]
    assert (a_plus5.label, b_plus1.label) == ("+5", "+1")
    for button in (a_plus5, a_plus5, a_plus5, b_plus1, b_plus1):
        click(button.rect.center)
        app.run_frames(1)
    assert vote.total == 17
    click(vote.layout().chrome.primary.rect.center)             # lock
    app.run_frames(1)
    click(vote.layout().chrome.primary.rect.center)             # take A
    app.run_frames(1)
    talk_and_on(app)

    # Decision 5: 30 hands in a class of 28 are flagged and not locked; corrected, locked.
    vote = to_vote(app)
    hands(app, A=21, B=9)
    press(app, pygame.K_RETURN, frames=1)
    assert vote.phase == "counting" and vote.over_size
    assert "30 handen, maar de klas heeft 28 leerlingen" in vote._status_text()
    press(app, pygame.K_b, pygame.K_7, pygame.K_RETURN, frames=1)   # B was 9: it was 7
    assert vote.phase == "revealed" and vote.total == 28
    press(app, pygame.K_RETURN, frames=1)
    talk_and_on(app)

    # The lesson clock reaches the plan's debrief (minute 33 of 50): debrief now.
    app.run_frames(34, dt=60.0)
    assert app.classroom.clock.words("nl").startswith("Nu nabespreken")
    press(app, pygame.K_ESCAPE, frames=1)
    menu = app.top
    assert isinstance(menu, ClassPauseScreen)
    next(b for b in menu.items if b.label == "Nu nabespreken").action()
    debrief = app.top
    assert isinstance(debrief, DebriefScreen) and not app.run.ended
    assert [s.taken_by for s in debrief.splits] == ["vote"] * 5
    app.run_frames(1)
    assert debrief.overflows() == []

    # The record: the class, its size, the length, five votes, none above the class.
    saved = read_record(app.classroom.log.path)
    assert (saved.label, saved.class_size, saved.lesson_minutes) == ("3A", 28, 50)
    assert len(saved.decisions) == 5 and not saved.completed
    assert all(sum(d["votes"].values()) <= 28 for d in saved.decisions)
    assert [sum(d["votes"].values()) for d in saved.decisions] == [26, 26, 26, 17, 28]

    # The report: a row per class by its label, never more hands than pupils.
    report = build_report(sessions_dir(), "nl")
    rows = {r.label: r for r in report.classes}
    assert set(rows) == {"3A", "3B"}
    assert len(rows["3A"].decisions) == 5 and len(rows["3B"].decisions) == 1
    assert all(d.total <= rows["3A"].class_size for d in rows["3A"].decisions)
    page = report_html(report)
    assert "3A (28 leerlingen)" in page and "3B (28 leerlingen)" in page
    assert "3A,28," in sessions_csv(report)


def test_counts_from_elsewhere_lock_and_record_as_the_teachers_do(mini_entry):
    from game.classroom.session import ClassPlan
    app = make_app([mini_entry])
    app.begin_class(mini_entry, ClassPlan("3B", 20))
    vote = to_vote(app)
    vote.set_counts({"walk_on": 15, "stand_by_sam": 9, "no_such_choice": 4})
    vote.lock()
    assert vote.phase == "counting" and vote.over_size       # 24 of 20: refused
    vote.set_counts({"stand_by_sam": 5})
    vote.lock()
    vote.confirm()
    assert app.classroom.log.decisions[0]["votes"] == {"walk_on": 15, "stand_by_sam": 5}


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_every_vote_of_every_story_has_finger_sized_steps(size):
    """-1, +1 and +5 at every decision of every shipped story, both languages: 48 px at least
    (a fingertip on a touch board), and every word fits."""
    smallest = 10_000
    for path in ALL_SCENARIOS:
        entry = entry_of(path)
        for lang in ("nl", "en"):
            app = make_app([entry], size=size, lang=lang)
            app.begin_class(entry)
            for scene_id, scene in entry.scenario.scenes.items():
                if not scene.choices:
                    continue
                vote = VoteScreen(app, run_at(entry.scenario, scene_id, lang))
                app.push(vote)
                app.draw()
                assert vote.overflows() == [], (path.stem, scene_id, lang)
                smallest = min([smallest] + [min(b.rect.w, b.rect.h) for b in vote.controls])
                app.stack.pop()
    assert smallest >= 48, smallest


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_vote_fits_a_4_3_projector_with_the_lesson_clock(lang):
    """XGA and 4:3 projectors are common in classrooms: the lesson clock goes under the corner
    buttons rather than over the screen's name, and every word of the vote stays in its box."""
    from game.classroom.session import ClassPlan
    entry = entry_of(ROOT / "scenes" / "adrian.yaml")
    app = make_app([entry], lang=lang, reduced_motion=True)
    app.begin_class(entry, ClassPlan("3B", 28, 50))
    for _ in range(40):
        if isinstance(app.top, VoteScreen):
            break
        press(app, pygame.K_SPACE, frames=1)
    for size in ((1280, 960), (1024, 768)):
        app.resize(size)
        app.run_frames(1)
        app.draw()
        assert app.top.overflows() == [], (lang, size)
        lay = app.top.layout()
        name, clock = lay.chrome.chips[0].rect, lay.chrome.corners[-1].rect
        assert not name.colliderect(clock), (lang, size)
    app.leave_class()


# --- what the lesson plan says at each decision --------------------------------------------------

def plan_words(screen) -> str | None:
    """The plan's mark in the bar of a class screen as drawn, or None."""
    screen.app.run_frames(1)
    mark = screen.layout().chrome.mark
    assert screen.overflows() == []
    return mark.fit.text if mark is not None else None


def plan_ready(app):
    plans = app.classroom.plans
    assert plans is not None and plans.wait(app.classroom.log.lesson_minutes, 60) is not None
    app.run_frames(1)


@pytest.mark.parametrize("lang, talk, vote_only, go_on", [
    ("en", "Plan: talk here", "Plan: vote and go on (no talk planned)",
     "Plan: no talk here, go on (Enter)"),
    ("nl", "Plan: hier bespreken", "Plan: stemmen, geen gesprek",
     "Plan: hier geen gesprek, ga verder (Enter)"),
])
def test_the_vote_and_the_talk_say_where_the_plan_talks(adrian, lang, talk, vote_only, go_on):
    """Adrian in 45 minutes has three talks for six decisions: the first decision gets its
    talk, the second is voted on and the class goes on. The vote says so in its bar, and the
    talk of a decision without one says to go on, with the key that always goes on."""
    from game.classroom.session import ClassPlan
    app = make_app([adrian], size=(1920, 1080), lang=lang)
    app.begin_class(adrian, ClassPlan("3B", 28, 45))
    plan_ready(app)

    def vote_and_talk(scene_id: str) -> tuple[str | None, DiscussionScreen, str | None]:
        vote = to_vote(app)
        assert vote.view.scene_id == scene_id
        on_vote = plan_words(vote)
        hands(app, A=20)
        press(app, pygame.K_RETURN, pygame.K_RETURN, frames=1)
        talk_screen = through_consequence(app)
        return on_vote, talk_screen, plan_words(talk_screen)

    on_vote, _, on_talk = vote_and_talk("hallway_monday")
    assert (on_vote, on_talk) == (talk, None), "a planned talk needs no word on the talk"
    press(app, pygame.K_RETURN, frames=1)
    on_vote, talk_screen, on_talk = vote_and_talk("group_work")
    assert (on_vote, on_talk) == (vote_only, go_on)
    mark = talk_screen.layout().chrome.mark.rect
    primary = talk_screen.layout().chrome.primary.rect
    assert mark.right <= primary.left and mark.colliderect(primary.move(-primary.w, 0)), \
        "beside the button that goes on"
    press(app, pygame.K_RETURN, frames=1)                     # Enter goes on, as ever
    assert isinstance(app.top, SceneScreen)
    app.leave_class()


def test_no_plan_no_marks(adrian, mini_entry):
    """Without a lesson length there is no plan; a story whose every talk fits the lesson
    shows nothing new."""
    from game.classroom.session import ClassPlan
    app = make_app([adrian, mini_entry])
    app.begin_class(adrian)
    assert app.classroom.plans is None and app.classroom.plan is None
    assert plan_words(to_vote(app)) is None
    app.begin_class(mini_entry, ClassPlan("3B", 28, 45))
    plan_ready(app)
    assert plan_words(to_vote(app)) is None
    decide(app, "B")
    assert plan_words(to_vote(app)) is None
    app.leave_class()


def test_the_first_frame_never_waits_for_the_plan(tmp_path, monkeypatch):
    """The plan needs the analysis of every road (1.7 s of CPU for adrian): the session starts,
    the story shows and the class votes while it is worked out, with no mark; when it is ready
    the screen on view gets its mark by itself."""
    import threading
    import time

    from game.classroom import background_plan
    from game.classroom.session import ClassPlan
    from game.core.analysis import analyse
    from stories import write_linear_story
    go = threading.Event()

    def slow_analysis(scenario):
        assert go.wait(30), "the test never let the analysis finish"
        return analyse(scenario)

    background_plan.forget()
    monkeypatch.setattr(background_plan, "analyse", slow_analysis)
    entry = entry_of(write_linear_story(tmp_path, 7))
    app = make_app([entry])
    began = time.perf_counter()
    app.begin_class(entry, ClassPlan("3B", 28, 45))
    app.run_frames(2)
    assert time.perf_counter() - began < 2.0 and app.frames_drawn
    vote = to_vote(app)
    assert plan_words(vote) is None and not app.classroom.plans.done
    go.set()
    assert app.classroom.plans.wait(45, 30) is not None
    drawn = app.frames_drawn
    app.run_frames(1)                                         # nothing pressed
    assert app.frames_drawn > drawn and vote.layout().chrome.mark.fit.text == "Plan: talk here"
    app.leave_class()
    background_plan.forget()


def test_a_resumed_lesson_follows_the_decision_the_class_is_at(tmp_path):
    """Eleven decisions in a row do not fit 45 minutes even without talks: the plan goes to the
    debrief after decision 9. A class that took eight decisions one day and goes on the next is
    at decision 9, not at the first of this window: the vote says the debrief follows it."""
    from game.classroom.session import ClassPlan
    from stories import write_linear_story
    entry = entry_of(write_linear_story(tmp_path, 11))
    app = make_app([entry])
    app.begin_class(entry, ClassPlan("3B", 28, 45))
    plan_ready(app)
    for _ in range(8):
        assert plan_words(to_vote(app)) == "Plan: vote and go on (no talk planned)"
        decide(app, "A")
    session = app.classroom.log.session_id
    app.leave_class()

    later = make_app([entry])                                 # the next lesson
    later.start_class(entry)
    press(later, pygame.K_1, frames=1)                        # continue the first
    assert later.classroom.log.session_id == session
    plan_ready(later)
    vote = to_vote(later)
    assert (vote.decision_number, vote.view.scene_id) == (9, "d9")
    assert plan_words(vote) == "Plan: after this decision, the debrief"
    hands(later, A=20)
    press(later, pygame.K_RETURN, pygame.K_RETURN, frames=1)
    assert plan_words(through_consequence(later)) == "Plan: the debrief now (Esc, Debrief now)"
    later.leave_class()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 768), (1280, 960)])
def test_every_mark_of_the_plan_fits_every_bar(adrian, monkeypatch, size, lang):
    """Each word of the plan in each state of the vote's bar (counting, more hands than pupils,
    revealed, nothing picked) and of the talk's, wide and 4:3: it fits, in the room between the
    bar's buttons, without touching them."""
    from game.classroom.lesson import DEBRIEF_AFTER, TALK, VOTE_ONLY
    from game.classroom.session import ClassPlan, ClassSession
    app = make_app([adrian], size=size, lang=lang)
    app.begin_class(adrian, ClassPlan("3B", 28, 45))
    vote = to_vote(app)
    problems = []

    def check(where: str, screen) -> None:
        app.stack = [screen]
        app.draw()
        lay = screen.layout()
        mark = lay.chrome.mark
        if mark is None:
            problems.append(f"{where}: no mark")
            return
        problems.extend(f"{where}: {text!r}" for text in screen.overflows())
        touching = [b.label for b in lay.chrome.left + [lay.chrome.primary]
                    if b.rect.colliderect(mark.rect)]
        if touching or not lay.chrome.bar.contains(mark.rect):
            problems.append(f"{where}: {mark.fit.text!r} touches {touching} or leaves the bar")

    for said in (TALK, VOTE_ONLY, DEBRIEF_AFTER):
        monkeypatch.setattr(ClassSession, "plan_at", lambda self, scene, n, said=said: said)
        vote = VoteScreen(app, app.run)
        check(f"{said} counting", vote)
        vote.set_count(0, 40)
        check(f"{said} over size", vote)
        vote.set_count(0, 0)
        vote.lock()
        check(f"{said} nothing picked", vote)
        vote.set_count(1, 12)
        vote.lock()
        check(f"{said} revealed", vote)
    run = engine.start(adrian.scenario, lang)
    before = run.view()
    outcome = run.choose(before.choices[0].id)
    for said in (VOTE_ONLY, DEBRIEF_AFTER):
        monkeypatch.setattr(ClassSession, "plan_at", lambda self, scene, n, said=said: said)
        check(f"{said} talk", DiscussionScreen(app, run, outcome, before))
    app.leave_class()
    assert not problems, "\n".join(problems)


def test_the_plans_are_worked_out_while_the_form_is_filled_in(tmp_path, monkeypatch):
    """The analysis begins as the class form opens (idle while the teacher types), so the first
    scene's animation does not share the processor with it; the session takes that work."""
    import threading

    from game.classroom import background_plan
    from game.core.analysis import analyse
    from stories import write_linear_story
    started = threading.Event()

    def analysis(scenario):
        started.set()
        return analyse(scenario)

    background_plan.forget()
    monkeypatch.setattr(background_plan, "analyse", analysis)
    entry = entry_of(write_linear_story(tmp_path, 7))
    app = make_app([entry])
    app.start_class(entry)                                    # nothing unfinished: the form
    assert isinstance(app.top, ClassStartScreen)
    assert started.wait(10), "under way before the form is filled in"
    job = background_plan.BackgroundPlans.start(entry.scenario, entry.content_hash)
    fill_form(app, "3B", "25")
    assert app.classroom.plans is job
    app.leave_class()
    background_plan.forget()
