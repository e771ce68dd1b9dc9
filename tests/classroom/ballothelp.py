"""Helpers for the secret ballot's tests: a room on loopback, and waiting for what the game sees
(through the same queue the projector's screen reads, `BallotLink.poll`)."""

from __future__ import annotations

import time

from game.classroom.ballot.room import Option
from game.classroom.ballot_server import BallotLink

OPTIONS = [Option("walk_on", "A", "Walk on, you did not see it"),
           Option("stand_by", "B", "Stand by Sam and say something"),
           Option("closed", "C", "Call the head (not possible here)", available=False)]


def open_room(lang: str = "en", poll_ms: int = 500) -> BallotLink:
    """A room on loopback, any free port, started and asked its first decision; its pages ask
    for news twice a second (the game's pages every two seconds; a device may make 4 requests a
    second), so no test waits long."""
    link = BallotLink.open(host="127.0.0.1", port=0, lang=lang, poll_ms=poll_ms)
    until(link, lambda: link.address or link.failed)
    assert not link.failed, link.failed
    link.ask(OPTIONS)
    until(link, lambda: link.tally.number == 1)
    return link


def until(link: BallotLink, condition, timeout: float = 10.0):
    """Take in the server's messages until `condition()` holds (blocking on the queue, not
    sleeping); fails after `timeout` seconds."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"not seen in {timeout} s; the game sees {link.tally}, "
                                 f"locked {link.locked}")
        link.poll(wait=0.2)
    return condition()
