"""The secret ballot's server over HTTP on loopback, without a browser: the plain form, the
refusals, the queue to the game, and that nothing about a device is logged."""

from __future__ import annotations

import http.cookiejar
import logging
import queue
import urllib.error
import urllib.request

import pytest

from game.classroom import ballot_server as bs
from game.classroom.ballot.room import Room

from ballothelp import OPTIONS, open_room, until


class Device:
    """One browser without JavaScript: its own cookies (its token)."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url: str) -> tuple[int, str]:
        try:
            with self.opener.open(url, timeout=5) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def post(self, url: str, data: str, headers: dict | None = None) -> tuple[int, str, str]:
        request = urllib.request.Request(url, data=data.encode(), headers=headers or {})
        try:
            with self.opener.open(request, timeout=5) as r:
                return r.status, r.geturl(), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, url, e.read().decode()


@pytest.fixture
def link():
    link = open_room()
    yield link
    link.close()
    assert link.server.wait_closed()


def test_a_plain_form_vote_reaches_the_game_and_can_be_changed(link):
    device = Device()
    status, page = device.get(link.url)
    assert status == 200 and 'name="choice" value="stand_by"' in page
    until(link, lambda: link.tally.joined == 1)
    status, where, page = device.post(link.url + "/vote", "number=1&choice=stand_by")
    assert status == 200 and where.endswith("?said=counted") and "Your vote is counted" in page
    until(link, lambda: link.tally.voted == 1)
    device.post(link.url + "/vote", "number=1&choice=walk_on")
    link.lock()
    until(link, lambda: link.locked is not None)
    assert link.locked.counts == {"walk_on": 1, "stand_by": 0}
    assert link.tally.voted == 1


def test_a_vote_after_the_lock_is_refused_and_not_counted(link):
    early, late = Device(), Device()
    early.get(link.url)
    late.get(link.url)
    early.post(link.url + "/vote", "number=1&choice=walk_on")
    link.lock()
    until(link, lambda: link.locked is not None)
    _, _, page = late.post(link.url + "/vote", "number=1&choice=stand_by")
    assert "Too late" in page
    status, page = late.get(link.url)
    assert "The vote is locked" in page and "1 vote" in page
    link.lock()  # locking again says the same
    until(link, lambda: link.locked is not None)
    assert link.locked.counts == {"walk_on": 1, "stand_by": 0}


def test_a_wrong_room_code_is_refused_everywhere(link):
    device = Device()
    wrong = "0000" if link.code != "0000" else "1111"
    status, page = device.get(f"{link.address}/r/{wrong}")
    assert status == 404 and "no vote with that code" in page
    status, _, _ = device.post(f"{link.address}/r/{wrong}/vote", "number=1&choice=walk_on")
    assert status == 404
    status, page = device.get(f"{link.address}/join?code={wrong}")
    assert status == 404
    status, page = device.get(f"{link.address}/join?code={link.code}")
    assert status == 200 and 'value="walk_on"' in page  # the right code leads into the room
    assert device.get(f"{link.address}/r/{wrong}/part")[0] == 403
    link.lock()
    until(link, lambda: link.locked is not None)
    assert link.locked.counts == {"walk_on": 0, "stand_by": 0}


@pytest.mark.parametrize("body", ["", "number=1", "choice=walk_on", "number=x&choice=walk_on",
                                  "number=1&choice=closed", "number=99999999999999&choice=a",
                                  "number=1&choice=" + "x" * 3000])
def test_bad_forms_are_refused_without_harm(link, body):
    device = Device()
    device.get(link.url)
    status, _, page = device.post(link.url + "/vote", body)
    assert status in (200, 413)
    link.lock()
    until(link, lambda: link.locked is not None)
    assert sum(link.locked.counts.values()) == 0


def test_the_script_gets_the_middle_part_and_204_when_unchanged(link):
    device = Device()
    _, page = device.get(link.url)
    status, _, part = device.post(link.url + "/vote", "number=1&choice=walk_on",
                                  {"X-Ballot-Part": "1"})
    assert status == 200 and part.startswith('<div id="part"') and "counted" in part
    since = part.split('data-version="')[1].split('"')[0]
    assert device.get(f"{link.url}/part?since={since}")[0] == 204
    link.lock()
    until(link, lambda: link.locked is not None)
    status, part = device.get(f"{link.url}/part?since={since}")
    assert status == 200 and "The vote is locked" in part


def test_the_pages_speak_the_games_language():
    link = open_room(lang="nl")
    try:
        _, page = Device().get(link.url)
        assert '<html lang="nl">' in page and "De stemming is open" in page
        link.server.set_lang("en")
        until(link, lambda: True)
        _, page = Device().get(link.url)
        assert "The vote is open" in page
    finally:
        link.close()


def test_votes_reach_the_game_through_the_queue_only(link):
    """The game's side never touches the room: it learns the counts from the queue."""
    device = Device()
    device.get(link.url)
    device.post(link.url + "/vote", "number=1&choice=stand_by")
    message = None
    while not isinstance(message, bs.Counted) or message.tally.voted < 1:
        message = link.updates.get(timeout=5)
    assert message.tally == bs.Tally(1, 1, 1)
    assert not hasattr(message, "counts")  # never the split before the lock


def test_a_port_in_use_is_said_not_raised():
    first = open_room()
    try:
        updates: queue.Queue = queue.Queue()
        second = bs.BallotServer(updates, host="127.0.0.1", port=first.server.port)
        second.start()
        message = updates.get(timeout=5)
        assert isinstance(message, bs.Failed) and message.why
    finally:
        first.close()


def test_closing_the_room_stops_the_server(link):
    address = link.url
    link.close()
    assert link.server.wait_closed()
    with pytest.raises(OSError):
        urllib.request.urlopen(address, timeout=2)


def test_nothing_about_a_device_is_logged(link, caplog):
    caplog.set_level(logging.DEBUG)
    device = Device()
    device.get(link.url)
    device.post(link.url + "/vote", "number=1&choice=walk_on")
    device.get(f"{link.address}/r/0000")
    token = next(iter(device.jar)).value
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "127.0.0.1" not in text and token not in text and "Python-urllib" not in text
    assert not [r for r in caplog.records if r.name.startswith("aiohttp.access")]


def test_the_room_forgets_the_votes_when_it_is_closed():
    room = Room()
    room.ask(OPTIONS)
    room.vote(room.code, "a-token-of-sixteen-chars", 1, "walk_on")
    room.close()
    assert room.counts() == {"walk_on": 0, "stand_by": 0}
