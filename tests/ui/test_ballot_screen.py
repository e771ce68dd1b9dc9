"""The secret ballot's projector screen (game/ui/screens/room.py) in a class session of mini:
opened by V from the vote, never the split before the lock, the locked counts recorded as the
hand count records them, the 'nobody connected' hint on the game's own clock, and the room
closed when the session ends."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.request

import pygame

from game.classroom.session import ClassPlan
from game.ui.screens.consequence import ConsequenceScreen
from game.ui.screens.room import RoomScreen
from game.ui.screens.vote import VoteScreen

from uihelp import make_app, press

import pytest


@pytest.fixture(autouse=True)
def records_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("BYSTANDER_DATA_DIR", str(tmp_path / "data"))


def at_the_room(entry, lang="en", class_size=None):
    app = make_app([entry], lang=lang, reduced_motion=True)
    app.begin_class(entry, ClassPlan("3B", class_size, 50))
    for _ in range(20):
        if isinstance(app.top, VoteScreen):
            break
        press(app, pygame.K_SPACE, frames=1)
    vote = app.top
    press(app, pygame.K_v, frames=1)
    assert isinstance(app.top, RoomScreen)
    frames_until(app, lambda: app.ballot.address)
    return app, vote, app.top


def frames_until(app, condition, limit: int = 500):
    """Frames of the game until `condition()`; the server answers in its own thread, and a frame
    takes what it sent without waiting, so this waits a little on the queue between frames."""
    for _ in range(limit):
        if condition():
            return
        app.ballot.poll(wait=0.02) and setattr(app, "dirty", True)
        app.run_frames(1)
    raise AssertionError("not seen")


def vote_from_a_device(app, choice: str) -> None:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    opener.open(app.ballot.url, timeout=5).read()
    opener.open(urllib.request.Request(app.ballot.url + "/vote",
                                       data=f"number=1&choice={choice}".encode()),
                timeout=5).read()


def test_locked_counts_come_back_as_the_hand_count_and_are_recorded(mini_entry):
    app, vote, room = at_the_room(mini_entry)
    for choice in ("stand_by_sam", "stand_by_sam", "walk_on"):
        vote_from_a_device(app, choice)
    frames_until(app, lambda: app.ballot.tally.voted == 3)
    assert vote.counts == {"walk_on": 0, "stand_by_sam": 0}  # never the split before the lock
    assert "3 of 3 voted" in room.lines()[4][0]
    press(app, pygame.K_RETURN, frames=1)
    frames_until(app, lambda: app.top is vote)
    assert vote.phase == "revealed" and vote.counts == {"walk_on": 1, "stand_by_sam": 2}
    assert vote.selected == 1  # the majority, as after a hand count
    press(app, pygame.K_RETURN, frames=1)
    assert isinstance(app.top, ConsequenceScreen)
    decision = app.classroom.log.decisions[-1]
    assert decision["votes"] == {"walk_on": 1, "stand_by_sam": 2}
    assert not decision["overridden"]


def test_back_keeps_the_room_and_its_votes_and_v_returns_to_it(mini_entry):
    app, vote, room = at_the_room(mini_entry)
    vote_from_a_device(app, "walk_on")
    frames_until(app, lambda: app.ballot.tally.voted == 1)
    press(app, pygame.K_BACKSPACE, frames=1)
    assert app.top is vote and app.ballot is not None
    press(app, pygame.K_v, frames=1)
    frames_until(app, lambda: isinstance(app.top, RoomScreen))
    assert app.ballot.tally.voted == 1


def test_close_the_room_and_ending_the_session_stop_the_server(mini_entry):
    app, vote, room = at_the_room(mini_entry)
    server = app.ballot.server
    press(app, pygame.K_x, frames=1)
    assert app.top is vote and app.ballot is None and server.wait_closed()
    press(app, pygame.K_v, frames=1)
    frames_until(app, lambda: app.ballot.address)
    server = app.ballot.server
    app.show_title()  # the session ends
    assert app.ballot is None and server.wait_closed()


def test_the_hint_shows_when_nobody_connected_within_a_minute(mini_entry):
    app, vote, room = at_the_room(mini_entry)
    nobody = room.t("ballot_nobody")
    app.run_frames(59, 1.0)  # the game's clock: nothing sleeps
    assert nobody not in [line[0] for line in room.lines()]
    app.run_frames(2, 1.0)
    room.layout_state()
    assert nobody in [line[0] for line in room.lines()]
    vote_from_a_device(app, "walk_on")
    frames_until(app, lambda: app.ballot.tally.joined == 1)
    room.layout_state()
    assert nobody not in [line[0] for line in room.lines()]


def test_the_room_screen_fits_in_both_languages_and_sizes(mini_entry):
    """16:9 from 720p to 4K, and 4:3 and 16:10 projectors; with the lesson clock in the corner,
    which a 4:3 screen puts under the corner buttons."""
    for lang in ("en", "nl"):
        app, vote, room = at_the_room(mini_entry, lang)
        for size in ((1280, 720), (1920, 1080), (3840, 2160), (1280, 960), (1024, 768),
                     (1920, 1200)):
            app.resize(size)
            app.ballot.seconds = 61.0  # the longest text: the hint
            app.run_frames(1)
            app.draw()
            assert room.overflows() == [], (lang, size)
        app.leave_class()


def test_v_does_nothing_once_the_hands_are_revealed(mini_entry):
    app = make_app([mini_entry], reduced_motion=True)
    app.begin_class(mini_entry)
    for _ in range(20):
        if isinstance(app.top, VoteScreen):
            break
        press(app, pygame.K_SPACE, frames=1)
    press(app, pygame.K_a, pygame.K_3, pygame.K_RETURN, pygame.K_v, frames=1)
    assert isinstance(app.top, VoteScreen) and app.ballot is None


def test_the_port_is_a_setting_and_a_command_line_option(monkeypatch, mini_entry):
    import socket

    from game.cli import main
    from game.ui import app as app_module
    from game.ui.settings import Settings
    assert Settings.from_dict({"ballot_port": 9000}).ballot_port == 9000
    for bad in (80, 70000, "9000", True, 9000.0):
        assert Settings.from_dict({"ballot_port": bad}).ballot_port == 8765
    said = {}
    monkeypatch.setattr(app_module, "play", lambda *a, **kw: said.update(kw))
    assert main(["play", "--class", "--ballot-port", "9123"]) == 0
    assert said["ballot_port"] == 9123
    # Without the tests' override the room opens on the port of the settings.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    monkeypatch.delenv("BYSTANDER_BALLOT_PORT")
    app = make_app([mini_entry], ballot_port=free)
    link = app.open_ballot()
    for _ in range(250):
        if link.address:
            break
        link.poll(wait=0.02)
    assert link.address.endswith(f":{free}")
    app.close_ballot()
    assert link.server.wait_closed()


def test_the_record_holds_counts_only_nothing_of_a_device(mini_entry, tmp_path):
    app, vote, room = at_the_room(mini_entry)
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar := http.cookiejar.CookieJar()))
    opener.open(app.ballot.url, timeout=5).read()
    opener.open(urllib.request.Request(app.ballot.url + "/vote",
                                       data=b"number=1&choice=walk_on",
                                       headers={"User-Agent": "PupilPhone/1.0"}), timeout=5)
    token = next(iter(jar)).value
    frames_until(app, lambda: app.ballot.tally.voted == 1)
    press(app, pygame.K_RETURN, frames=1)
    frames_until(app, lambda: app.top is vote)
    press(app, pygame.K_RETURN, frames=1)
    written = "".join(p.read_text(encoding="utf-8", errors="replace")
                      for p in (tmp_path / "data").rglob("*") if p.is_file())
    assert re.search(r'"walk_on":\s*1\b', written)  # the count, as after a hand count
    for secret in (token, "127.0.0.1", "PupilPhone", app.ballot.code):
        assert secret not in written


def test_the_pupils_pages_follow_the_games_language(mini_entry):
    app, vote, room = at_the_room(mini_entry, "en")
    press(app, pygame.K_BACKSPACE, frames=1)  # the room screen need not be on top
    press(app, pygame.K_l, frames=1)
    assert app.lang == "nl"
    opener = urllib.request.build_opener()
    for _ in range(250):
        page = opener.open(app.ballot.url, timeout=5).read().decode()
        if '<html lang="nl">' in page:
            break
        app.ballot.poll(wait=0.02)
    assert '<html lang="nl">' in page
    app.leave_class()


def test_the_computers_own_address_or_loopback(monkeypatch):
    import socket

    from game.classroom import ballot_server
    address = ballot_server.local_address()
    assert socket.inet_aton(address)

    class NoRoute:
        def __init__(self, *args):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *args):
            return False

        def connect(self, where):
            raise OSError("Network is unreachable")

    monkeypatch.setattr(ballot_server.socket, "socket", NoRoute)
    assert ballot_server.local_address() == "127.0.0.1"


def test_the_count_is_out_of_the_class_size_when_the_session_has_one(mini_entry):
    """'17 of 28 voted': of the class's size, given when the class began; without one, of the
    devices that opened the page."""
    app, vote, room = at_the_room(mini_entry, class_size=28)
    vote_from_a_device(app, "walk_on")
    frames_until(app, lambda: app.ballot.tally.voted == 1)
    assert "1 of 28 voted" in [text for text, _, _ in room.lines()]
    app.leave_class()
    app, vote, room = at_the_room(mini_entry)
    lines = [text for text, _, _ in room.lines()]
    assert "Waiting for the first device…" in lines, "never '0 of 0 voted'"
    assert not any("0 of 0" in line for line in lines)
    vote_from_a_device(app, "walk_on")
    frames_until(app, lambda: app.ballot.tally.voted == 1)
    assert "1 of 1 voted" in [text for text, _, _ in room.lines()]
    app.leave_class()
