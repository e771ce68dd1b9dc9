"""The secret ballot's rules, without a network (game/classroom/ballot/room.py, limiter.py)."""

from __future__ import annotations

import random

import pytest

from game.classroom.ballot import room as r
from game.classroom.ballot.limiter import Limiter
from game.classroom.ballot.room import Option, Room


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


OPTIONS = [Option("walk_on", "A", "Walk on"), Option("stand_by", "B", "Stand by Sam"),
           Option("closed", "C", "Not here", available=False)]
TOKENS = [f"device-token-{i:04d}-xxxx" for i in range(40)]


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def room(clock):
    room = Room(clock=clock, rng=random.Random(7))
    room.ask(OPTIONS)
    return room


def test_a_room_code_is_four_digits_from_the_random_source(clock):
    codes = {Room(clock=clock, rng=random.Random(seed)).code for seed in range(50)}
    assert all(len(c) == 4 and c.isdigit() for c in codes)
    assert len(codes) > 40
    assert Room(clock=clock, rng=random.Random(3)).code == Room(clock=clock,
                                                                rng=random.Random(3)).code


def test_one_vote_per_device_per_decision_and_changes_until_the_lock(room):
    code = room.code
    for token in TOKENS[:28]:
        assert room.vote(code, token, 1, "walk_on") is None
    for token in TOKENS[:10]:  # ten change their minds: still 28 votes
        assert room.vote(code, token, 1, "stand_by") is None
    assert room.counts() == {"walk_on": 18, "stand_by": 10}
    assert room.tally() == r.Tally(1, 28, 28)
    assert room.lock() == {"walk_on": 18, "stand_by": 10}
    assert room.vote(code, TOKENS[0], 1, "walk_on") == r.ALREADY_LOCKED
    assert room.vote(code, TOKENS[30], 1, "walk_on") == r.ALREADY_LOCKED
    assert room.counts() == {"walk_on": 18, "stand_by": 10}


def test_every_request_needs_the_room_code(room):
    for wrong in ("0000" if room.code != "0000" else "1111", "", None, 1234, room.code + "0",
                  " " + room.code):
        assert room.vote(wrong, TOKENS[0], 1, "walk_on") == r.WRONG_CODE
        assert room.join(wrong, TOKENS[0]) == r.WRONG_CODE
    assert room.tally().voted == 0 and room.tally().joined == 0


def test_a_vote_for_another_decision_or_choice_is_refused(room):
    code = room.code
    assert room.vote(code, TOKENS[0], 2, "walk_on") == r.OTHER_DECISION
    assert room.vote(code, TOKENS[0], "1", "walk_on") == r.OTHER_DECISION
    assert room.vote(code, TOKENS[0], 1, "closed") == r.UNKNOWN_CHOICE  # takes no votes
    assert room.vote(code, TOKENS[0], 1, "nonsense") == r.UNKNOWN_CHOICE
    assert room.vote(code, TOKENS[0], 1, ["walk_on"]) == r.UNKNOWN_CHOICE
    assert room.counts() == {"walk_on": 0, "stand_by": 0}


def test_a_new_decision_forgets_the_votes_of_the_last(room):
    code = room.code
    room.vote(code, TOKENS[0], 1, "walk_on")
    room.lock()
    question = room.ask(OPTIONS[:2])
    assert question.number == 2 and room.phase == r.OPEN
    assert room.counts() == {"walk_on": 0, "stand_by": 0}
    assert room.vote(code, TOKENS[0], 1, "walk_on") == r.OTHER_DECISION
    assert room.vote(code, TOKENS[0], 2, "stand_by") is None


def test_nothing_to_vote_on_before_a_decision_is_asked(clock):
    room = Room(clock=clock)
    assert room.vote(room.code, TOKENS[0], 1, "walk_on") == r.NOT_OPEN
    assert room.counts() == {}
    assert room.view(TOKENS[0]).phase == r.WAITING


def test_a_closed_room_refuses_everything_and_forgets(room):
    room.vote(room.code, TOKENS[0], 1, "walk_on")
    room.close()
    assert room.vote(room.code, TOKENS[1], 1, "walk_on") == r.ROOM_CLOSED
    assert room.join(room.code, TOKENS[1]) == r.ROOM_CLOSED
    assert room.counts() == {"walk_on": 0, "stand_by": 0}
    with pytest.raises(ValueError):
        room.ask(OPTIONS)


def test_a_device_sees_its_own_vote_and_the_counts_only_after_the_lock(room):
    room.join(room.code, TOKENS[0])
    room.vote(room.code, TOKENS[0], 1, "stand_by")
    view = room.view(TOKENS[0])
    assert view.mine == "stand_by" and view.counts is None
    assert room.view(TOKENS[1]).mine is None
    room.lock()
    assert room.view(TOKENS[1]).counts == {"walk_on": 0, "stand_by": 1}


def test_retext_keeps_the_votes_and_only_takes_the_same_choices(room):
    room.vote(room.code, TOKENS[0], 1, "walk_on")
    dutch = [Option(o.id, o.letter, o.text + " (nl)", o.available) for o in OPTIONS]
    room.retext(dutch)
    assert room.question.options[0].text == "Walk on (nl)" and room.counts()["walk_on"] == 1
    room.retext([Option("other", "A", "Other")])
    assert room.question.options[0].id == "walk_on"


def test_requests_are_limited_per_device(clock, room):
    allowed = sum(room.join(room.code, TOKENS[0]) is None for _ in range(100))
    assert allowed == room.limiter.capacity
    assert room.vote(room.code, TOKENS[0], 1, "walk_on") == r.TOO_MANY
    assert room.vote(room.code, TOKENS[1], 1, "walk_on") is None  # others are not held up
    clock.now += 1.0
    assert room.vote(room.code, TOKENS[0], 1, "walk_on") is None


def test_the_limiter_forgets_idle_devices_beyond_its_size():
    clock = Clock()
    limiter = Limiter(capacity=2, rate=1.0, clock=clock)
    limiter.MAX_DEVICES = 10
    for i in range(25):
        assert limiter.allow(f"d{i}")
        clock.now += 5
    assert len(limiter._buckets) <= 10


def test_nobody_joined_after_a_minute_but_not_before(clock):
    room = Room(clock=clock)
    clock.now += r.HINT_SECONDS - 1
    assert not room.nobody_joined()
    clock.now += 1
    assert room.nobody_joined()
    room.join(room.code, TOKENS[0])
    assert not room.nobody_joined()
    assert r.quiet_too_long(0, 60.0) and not r.quiet_too_long(1, 600.0)
    assert not r.quiet_too_long(0, 59.9)


@pytest.mark.parametrize("token, ok", [(TOKENS[0], True), ("short", False), ("x" * 65, False),
                                       ("with space in it ok", False), (None, False),
                                       (r.new_token(), True)])
def test_only_tokens_the_server_could_have_made_are_taken(token, ok):
    assert r.valid_token(token) is ok


def test_guessing_the_code_is_braked_for_new_devices_but_never_for_pupils_in_the_room(clock, room):
    """A guesser without a cookie is a new device each time: the brake counts wrong codes room
    wide. After WRONG_CODES_AT_ONCE of them a device not yet in the room waits, even with the
    right code (else the brake would tell a guesser when they had it); one already in does not."""
    wrong = "0000" if room.code != "0000" else "1111"
    assert room.join(room.code, TOKENS[0]) is None  # in the room before the guessing starts
    for i in range(r.WRONG_CODES_AT_ONCE):
        assert room.join(wrong, f"guess{i:040d}") == r.WRONG_CODE
    assert room.join(room.code, TOKENS[1]) == r.TOO_MANY
    assert room.join(wrong, TOKENS[2]) == r.TOO_MANY
    assert room.vote(room.code, TOKENS[0], 1, "walk_on") is None
    clock.now += 3.5  # one wrong code drained: one more try
    assert room.join(room.code, TOKENS[1]) is None
    assert room.tally().joined == 2 and room.counts()["walk_on"] == 1


def test_trying_every_code_takes_hours(clock, room):
    tries, tried = 0, 0
    while tried < 10_000 and clock.now < 3600:
        if room.join(f"{tried:04d}", f"g{tried:045d}") == r.TOO_MANY:
            clock.now += 1
        else:
            tried += 1
        tries += 1
    assert tried < 10_000 * 0.15, tried  # under 15% of the codes in the first hour
