"""The guide and the game agree on class mode's keys: every key the teacher's guide lists
(game/classroom/classmode.py, KEYS) is pressed in a class session of mini, on its screen, and must
do what the guide says it does. When a screen's keys change, this fails until the guide follows.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.classroom.classmode import KEYS  # noqa: E402
from game.ui.screens.compare import CompareScreen  # noqa: E402
from game.ui.screens.consequence import ConsequenceScreen  # noqa: E402
from game.ui.screens.debrief import DebriefScreen  # noqa: E402
from game.ui.screens.discussion import DiscussionScreen  # noqa: E402
from game.ui.screens.ending import EndingScreen  # noqa: E402
from game.ui.screens.pause import ClassPauseScreen  # noqa: E402
from game.ui.screens.room import RoomScreen  # noqa: E402
from game.ui.screens.scene import SceneScreen  # noqa: E402
from game.ui.screens.timeline import TimelineScreen  # noqa: E402
from game.ui.screens.vote import VoteScreen  # noqa: E402

from uihelp import make_app, press  # noqa: E402

LETTERS = [pygame.K_a, pygame.K_b, pygame.K_c, pygame.K_d]
DIGITS = [getattr(pygame, f"K_{d}") for d in range(10)]
NAMED = {"W": pygame.K_w, "L": pygame.K_l, "F11": pygame.K_F11, "Esc": pygame.K_ESCAPE,
         "Space": pygame.K_SPACE, "Enter": pygame.K_RETURN, "Backspace": pygame.K_BACKSPACE,
         "→": pygame.K_RIGHT, "←": pygame.K_LEFT, "↑": pygame.K_UP, "↓": pygame.K_DOWN,
         "+": pygame.K_PLUS, "−": pygame.K_MINUS, "U": pygame.K_u, "R": pygame.K_r,
         "C": pygame.K_c, "G": pygame.K_g, "D": pygame.K_d, "0": pygame.K_0, "Y": pygame.K_y,
         "V": pygame.K_v, "X": pygame.K_x, "N": pygame.K_n}
RANGES = {"A–D": LETTERS[:2], "0–9": DIGITS, "1–9": DIGITS[1:], "1–3": DIGITS[1:4],
          "1–4": DIGITS[1:5]}
"""The keys a printed range stands for; mini's first decision has two choices, A and B."""


@pytest.fixture(autouse=True)
def records_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("BYSTANDER_DATA_DIR", str(tmp_path / "data"))


# --- getting to each screen ----------------------------------------------------------------------

def class_app(entry):
    app = make_app([entry], reduced_motion=True)
    app.begin_class(entry)
    assert isinstance(app.top, SceneScreen)
    return app


def until(app, kind, limit: int = 40):
    """Space until the screen on top is a `kind`."""
    for _ in range(limit):
        if isinstance(app.top, kind):
            return app.top
        press(app, pygame.K_SPACE, frames=1)
    raise AssertionError(f"no {kind.__name__}; on {type(app.top).__name__}")


def vote_taken(app, letter: int = 0) -> None:
    """Hands for one choice, the vote locked and taken: on to its consequence."""
    vote = until(app, VoteScreen)
    press(app, LETTERS[letter], pygame.K_2, pygame.K_0, frames=1)
    press(app, pygame.K_RETURN, pygame.K_RETURN, frames=1)
    assert isinstance(app.top, ConsequenceScreen), vote.view.scene_id


def talk(app) -> DiscussionScreen:
    for _ in range(3):
        if isinstance(app.top, DiscussionScreen):
            return app.top
        press(app, pygame.K_SPACE, frames=1)
    raise AssertionError(type(app.top).__name__)


def to_ending(app) -> EndingScreen:
    for letter in (0, 0):  # walk on, then tell the mentor
        vote_taken(app, letter)
        talk(app)
        press(app, pygame.K_RETURN, frames=1)
    return until(app, EndingScreen)


def two_roads(app) -> None:
    """The class's road to its ending, and a what-if from its last decision to another one."""
    to_ending(app)
    press(app, pygame.K_w, frames=1)
    press(app, pygame.K_RETURN, frames=1)
    vote_taken(app, 2)  # say nothing
    talk(app)
    press(app, pygame.K_RETURN, frames=1)
    until(app, EndingScreen)
    assert len(app.classroom.road_ids()) == 2


# --- what each action does -----------------------------------------------------------------------

def unfinished(entry, n: int) -> None:
    """`n` unfinished class sessions on disk, as windows closed mid-lesson leave them."""
    from game.classroom.records import SessionLog
    from game.core import engine
    for i in range(n):
        log = SessionLog.begin(engine.start(entry.scenario, "en", entry.content_hash), "class",
                               entry.content_hash, label=f"{i + 1}A", class_size=25)
        log.release()


def session_list(entry, n: int = 2):
    from game.ui.screens.resume import ResumeListScreen
    unfinished(entry, n)
    app = make_app([entry], reduced_motion=True)
    app.start_class(entry)
    assert isinstance(app.top, ResumeListScreen)
    return app, app.top


def check_list_continue(entry, key):
    number = DIGITS.index(key)
    app, listed = session_list(entry, number)
    press(app, key)
    assert app.classroom is not None
    assert app.classroom.log.session_id == listed.offers[number - 1].record.session_id


def check_list_delete(entry, key):
    from game.ui.screens.resume import DeleteSessionScreen
    assert isinstance(list_after(entry, key), DeleteSessionScreen)


def check_list_new(entry, key):
    from game.ui.screens.class_start import ClassStartScreen
    assert isinstance(list_after(entry, key), ClassStartScreen)


def list_after(entry, key):
    """The screen on top once `key` is pressed on the list of two unfinished sessions."""
    app, _listed = session_list(entry)
    press(app, key)
    return app.top


def form(entry):
    from game.ui.screens.class_start import ClassStartScreen
    app = make_app([entry], reduced_motion=True)
    app.start_class(entry)
    assert isinstance(app.top, ClassStartScreen)
    return app, app.top


def check_form_field(entry, key):
    app, screen = form(entry)
    press(app, key)
    assert screen.field == ("size" if key == pygame.K_DOWN else "length")


def check_form_size(entry, key):
    app, screen = form(entry)
    press(app, pygame.K_DOWN, key)
    assert screen.class_size == (DIGITS.index(key) or None)


def check_form_step(entry, key):
    app, screen = form(entry)
    screen.class_size = 25
    press(app, pygame.K_DOWN, key)
    assert screen.class_size == (26 if key == pygame.K_PLUS else 24)


def check_form_start(entry, key):
    app, screen = form(entry)
    press(app, pygame.K_DOWN, pygame.K_2, pygame.K_5, key)
    assert app.classroom is not None and app.classroom.class_size == 25


def check_whatif(entry, key):
    app = class_app(entry)
    press(app, key)
    assert isinstance(app.top, TimelineScreen)
    press(app, key)
    assert not isinstance(app.top, TimelineScreen)


def check_language(entry, key):
    app = class_app(entry)
    before = app.lang
    press(app, key)
    assert app.lang != before


def check_fullscreen(entry, key):
    app = class_app(entry)
    calls = []
    app.toggle_fullscreen = lambda: calls.append(1)
    press(app, key)
    assert calls == [1]


def check_menu(entry, key):
    app = class_app(entry)
    press(app, key)
    assert isinstance(app.top, ClassPauseScreen)


def check_advance(entry, key):
    app = class_app(entry)
    scene = app.top
    press(app, key)
    assert scene.beat == 1
    press(app, key, key)
    assert isinstance(app.top, VoteScreen)  # after the last line the class votes


def check_back(entry, key):
    app = class_app(entry)
    scene = app.top
    press(app, pygame.K_SPACE)
    assert scene.beat == 1
    press(app, key)
    assert scene.beat == 0


def check_select(entry, key):
    app = class_app(entry)
    vote = until(app, VoteScreen)
    if key in LETTERS:
        press(app, key)
        assert vote.selected == LETTERS.index(key)
    else:
        step = 1 if key == pygame.K_DOWN else -1
        press(app, key)
        assert vote.selected == (0 + step) % 2


def check_hands(entry, key):
    app = class_app(entry)
    vote = until(app, VoteScreen)
    press(app, pygame.K_b, key, key)
    digit = DIGITS.index(key)
    assert vote.counts["stand_by_sam"] == 11 * digit


def check_plus_minus(entry, key):
    app = class_app(entry)
    vote = until(app, VoteScreen)
    press(app, pygame.K_a, pygame.K_5, key)
    assert vote.counts["walk_on"] == (6 if key == pygame.K_PLUS else 4)


def check_erase(entry, key):
    app = class_app(entry)
    vote = until(app, VoteScreen)
    press(app, pygame.K_a, pygame.K_1, pygame.K_2, key)
    assert vote.counts["walk_on"] == 1


def locked(entry):
    app = class_app(entry)
    vote = until(app, VoteScreen)
    press(app, pygame.K_a, pygame.K_9, pygame.K_b, pygame.K_3, pygame.K_RETURN)
    assert vote.phase == "revealed" and vote.selected == 0
    return app, vote


def check_lock(entry, key):
    app = class_app(entry)
    vote = until(app, VoteScreen)
    press(app, pygame.K_a, pygame.K_9, key)
    assert vote.phase == "revealed" and vote.selected == 0


def check_confirm_size(entry, key):
    from game.classroom.session import ClassPlan
    app = make_app([entry], reduced_motion=True)
    app.begin_class(entry, ClassPlan("3B", 15))
    vote = until(app, VoteScreen)
    press(app, LETTERS[0], pygame.K_2, pygame.K_0, pygame.K_RETURN, frames=1)
    assert vote.phase == "counting", "20 hands in a class of 15 are not locked"
    press(app, key)
    assert vote.phase == "revealed" and app.classroom.class_size == 20


def check_override(entry, key):
    app, vote = locked(entry)
    press(app, key)
    assert vote.selected == LETTERS.index(key)
    assert vote.overridden == (key != pygame.K_a)


def check_unlock(entry, key):
    app, vote = locked(entry)
    press(app, key)
    assert vote.phase == "counting" and vote.counts["walk_on"] == 9


def check_take(entry, key):
    app, vote = locked(entry)
    press(app, key)
    assert isinstance(app.top, ConsequenceScreen) and app.top.outcome.choice_id == "walk_on"


def at_the_ballot(entry):
    app = class_app(entry)
    vote = until(app, VoteScreen)
    press(app, pygame.K_v)
    assert isinstance(app.top, RoomScreen)
    for _ in range(500):  # the server starts in its own thread
        if app.ballot.address:
            return app, vote
        app.ballot.poll(wait=0.02)
    raise AssertionError("the ballot did not start")


def check_ballot(entry, key):
    app, _vote = at_the_ballot(entry)
    app.leave_class()
    assert app.ballot is None


def check_ballot_lock(entry, key):
    app, vote = at_the_ballot(entry)
    press(app, key)
    for _ in range(500):
        if app.top is vote:
            break
        app.ballot.poll(wait=0.02)
        app.run_frames(1)
    assert vote.phase == "revealed"
    app.leave_class()


def check_ballot_back(entry, key):
    app, vote = at_the_ballot(entry)
    press(app, key)
    assert app.top is vote and app.ballot is not None
    app.leave_class()


def check_ballot_close(entry, key):
    app, vote = at_the_ballot(entry)
    press(app, key)
    assert app.top is vote and app.ballot is None


def check_to_talk(entry, key):
    app = class_app(entry)
    vote_taken(app)
    for _ in range(2):  # the first press may end the meters' animation
        if not isinstance(app.top, DiscussionScreen):
            press(app, key)
    assert isinstance(app.top, DiscussionScreen)


def at_talk(entry):
    app = class_app(entry)
    vote_taken(app)
    return app, talk(app)


def check_timer(entry, key):
    app, screen = at_talk(entry)
    press(app, key)
    assert screen.timer.running
    press(app, key)
    assert not screen.timer.running


def check_timer_reset(entry, key):
    app, screen = at_talk(entry)
    press(app, pygame.K_SPACE)
    app.run_frames(5, 1.0)
    assert screen.timer.remaining < screen.timer.minutes * 60
    press(app, key)
    assert screen.timer.remaining == screen.timer.minutes * 60 and not screen.timer.running


def check_timer_minutes(entry, key):
    app, screen = at_talk(entry)
    before = screen.timer.minutes
    press(app, key)
    more = key in (pygame.K_PLUS, pygame.K_UP)
    assert screen.timer.minutes == before + (1 if more else -1)


def check_timer_set(entry, key):
    app, screen = at_talk(entry)
    press(app, key)
    assert screen.timer.minutes == (DIGITS.index(key) or 10)


def check_go_on(entry, key):
    app, _screen = at_talk(entry)
    press(app, key)
    assert isinstance(app.top, SceneScreen)


def check_talk_back(entry, key):
    app, _screen = at_talk(entry)
    press(app, key)
    assert isinstance(app.top, ConsequenceScreen)


def from_ending(entry, key: int, kind, roads: int = 1):
    """A class at its ending (with one road, or two), `key` pressed: the screen it opens."""
    app = class_app(entry)
    two_roads(app) if roads == 2 else to_ending(app)
    press(app, key)
    assert isinstance(app.top, kind)
    return app, app.top


def timeline(entry, roads: int = 1):
    return from_ending(entry, pygame.K_w, TimelineScreen, roads)


def check_pick(entry, key):
    app, screen = timeline(entry)
    assert screen.selected == 1
    if key in DIGITS:
        press(app, pygame.K_1)
        press(app, key)
        wanted = DIGITS.index(key) - 1  # mini's road has two decisions: 9 picks none of them
        assert screen.selected == (wanted if wanted < len(screen.decisions) else 0)
    else:
        press(app, pygame.K_1)
        press(app, key)
        assert screen.selected == (1 if key == pygame.K_RIGHT else 0)


def check_other_road(entry, key):
    app, _screen = timeline(entry)
    press(app, key)
    assert isinstance(app.top, VoteScreen) and len(app.classroom.road_ids()) == 2


def shows_another_road(app, screen, key) -> None:
    shown = screen.road
    press(app, key)
    assert screen.road != shown


def opens_the_comparison(app, _screen, key) -> None:
    press(app, key)
    assert isinstance(app.top, CompareScreen)


def check_next_road(entry, key):
    shows_another_road(*timeline(entry, roads=2), key)


def check_compare(entry, key):
    opens_the_comparison(*timeline(entry, roads=2), key)


def check_go_road(entry, key):
    app, screen = timeline(entry, roads=2)
    press(app, pygame.K_r)
    shown = screen.road
    assert shown != app.classroom.road
    press(app, key)
    assert app.classroom.road == shown and not isinstance(app.top, TimelineScreen)


def check_close(entry, key):
    app, _screen = timeline(entry)
    press(app, key)
    assert isinstance(app.top, EndingScreen)


def check_debrief(entry, key):
    from_ending(entry, key, DebriefScreen)


def debrief(entry, roads: int = 1):
    return from_ending(entry, pygame.K_d, DebriefScreen, roads)


def check_pages(entry, key):
    app, screen = debrief(entry)
    pages = screen.pages()
    assert screen.page == pages[0]
    press(app, key)
    if key in DIGITS:
        assert screen.page == pages[DIGITS.index(key) - 1]
    else:
        assert screen.page == pages[1 if key == pygame.K_RIGHT else -1]


def check_debrief_road(entry, key):
    shows_another_road(*debrief(entry, roads=2), key)


def check_debrief_compare(entry, key):
    opens_the_comparison(*debrief(entry, roads=2), key)


def check_debrief_back(entry, key):
    app, _screen = debrief(entry)
    press(app, key)
    assert isinstance(app.top, EndingScreen)


# --- every key of the guide ----------------------------------------------------------------------

def pressed(token: str) -> list[int]:
    """The pygame keys a printed key stands for: both ends of a range."""
    if token in RANGES:
        keys = RANGES[token]
        return [keys[0], keys[-1]] if len(keys) > 1 else keys
    if token.isdigit():
        return [DIGITS[int(token)]]
    return [NAMED[token]]


CASES = [pytest.param(key.action, code, id=f"{key.action}-{token}")
         for screen in KEYS for key in screen.keys for token in key.keys
         for code in pressed(token)]


@pytest.mark.parametrize("action, code", CASES)
def test_every_key_in_the_guide_does_what_it_says(mini_entry, action, code):
    globals()[f"check_{action}"](mini_entry, code)


def test_every_action_of_the_guide_has_its_check():
    actions = {key.action for screen in KEYS for key in screen.keys}
    assert {a for a in actions if f"check_{a}" not in globals()} == set()
