"""The secret ballot's room, without a network: who may vote, on what, and the counts.

A room has a short code the projector shows; every request a pupil's page makes carries it, and a
wrong one is refused. The teacher puts one decision at a time to the room (`ask`); each device, by
the random token its browser carries, has one vote on it, which it may change until the teacher
locks the vote; after the lock every vote is refused and the pages show the counts. Only counts
ever leave the room: no vote is tied to anything outside it, and nothing here is written
anywhere. The web server (ballot_server.py) calls these methods from its one thread.

Why pure: every rule of the ballot is tested here without a server or a browser, with an
injected clock (the "nobody connected" hint) and an injected random source (the code).
"""

from __future__ import annotations

import hmac
import random
import secrets
import time
from dataclasses import dataclass, field
from typing import Callable

from .limiter import Limiter

CODE_DIGITS = 4
"""A room code is four digits: quick to type on a phone's number pad, and a wrong guess is cheap
to refuse (the pages reach the room by the QR code or a link, with the code in it)."""
WRONG_CODES_AT_ONCE = 20
WRONG_CODES_PER_SECOND = 1 / 3
"""The room's brake on guessing its code: after 20 wrong codes (from any device: a guesser
without a cookie is a new device each time, and no address is kept to tell them apart), a device
that has not joined yet is asked to wait until the wrong codes have drained at one per three
seconds. Trying all 10,000 codes then takes about eight hours; a class that mistypes a few is
never held up, and pupils already in the room are never held up at all."""
HINT_SECONDS = 60.0
"""How long after the room opens without a device joining the projector suggests another way."""
TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

WAITING, OPEN, LOCKED, CLOSED = "waiting", "open", "locked", "closed"
"""The room's phases: no decision put yet, voting, the vote locked (counts shown), closed."""

WRONG_CODE = "wrong_code"
TOO_MANY = "too_many"
NOT_OPEN = "not_open"
ALREADY_LOCKED = "locked"
OTHER_DECISION = "other_decision"
UNKNOWN_CHOICE = "unknown_choice"
ROOM_CLOSED = "closed"
"""Why a request is refused (the pupil's page says each in words)."""


@dataclass(frozen=True)
class Option:
    """One choice on the ballot: A-D, its text in the game's language, and whether it takes votes
    (a choice the story does not allow here is shown but takes none, as in the hand count)."""

    id: str
    letter: str
    text: str
    available: bool = True


@dataclass(frozen=True)
class Question:
    """A decision put to the room; `number` counts the decisions of this room, from 1, so a vote
    sent for an earlier one is told apart."""

    number: int
    options: tuple[Option, ...]

    def takes(self, choice_id: str) -> bool:
        return any(o.id == choice_id and o.available for o in self.options)


@dataclass(frozen=True)
class Tally:
    """What the projector may show while the vote is open: how many voted, of how many devices
    joined. Never the split."""

    number: int
    voted: int
    joined: int


@dataclass(frozen=True)
class PupilView:
    """What one device's page shows: the phase, the question, its own vote, and the counts once
    locked (by choice id)."""

    phase: str
    question: Question | None
    mine: str | None
    counts: dict[str, int] | None
    tally: Tally


def quiet_too_long(joined: int, seconds_open: float) -> bool:
    """No device has reached a room open `seconds_open` seconds, after `HINT_SECONDS`: the
    network probably keeps pupils' devices from the computer (the projector says what to do)."""
    return joined == 0 and seconds_open >= HINT_SECONDS


def new_token() -> str:
    """A device's random token: 128 bits, nothing derived from the device."""
    return secrets.token_urlsafe(16)


def valid_token(token: object) -> bool:
    """Whether `token` is one `new_token` could have made (anything else gets a new one)."""
    return (isinstance(token, str) and 16 <= len(token) <= 64
            and all(c in TOKEN_CHARS for c in token))


@dataclass
class Room:
    """One class's ballot. `clock` (seconds) and `rng` are injectable for tests."""

    clock: Callable[[], float] = time.monotonic
    rng: random.Random = field(default_factory=random.SystemRandom)
    limiter: Limiter | None = None
    code: str = ""
    phase: str = WAITING
    question: Question | None = None
    opened_at: float = 0.0
    _joined: set[str] = field(default_factory=set)
    _votes: dict[str, str] = field(default_factory=dict)
    _asked: int = 0
    _wrong_codes: float = 0.0
    """Wrong codes not yet drained (see WRONG_CODES_AT_ONCE)."""
    _wrong_codes_at: float = 0.0

    def __post_init__(self) -> None:
        if not self.code:
            self.code = "".join(self.rng.choice("0123456789") for _ in range(CODE_DIGITS))
        if self.limiter is None:
            self.limiter = Limiter(clock=self.clock)
        self.opened_at = self.clock()

    # --- the teacher's side (the game) ----------------------------------------------------------

    def ask(self, options: tuple[Option, ...] | list[Option]) -> Question:
        """Put a new decision to the room: the votes on the last one are forgotten."""
        if self.phase == CLOSED:
            raise ValueError("the room is closed")
        self._asked += 1
        self.question = Question(self._asked, tuple(options))
        self._votes.clear()
        self.phase = OPEN
        return self.question

    def retext(self, options: tuple[Option, ...] | list[Option]) -> None:
        """The same decision in other words (the game's language changed): votes are kept."""
        if self.question is not None and [o.id for o in options] == [
                o.id for o in self.question.options]:
            self.question = Question(self.question.number, tuple(options))

    def lock(self) -> dict[str, int]:
        """Lock the vote: from now on every vote is refused. The counts, by choice id."""
        if self.phase == OPEN:
            self.phase = LOCKED
        return self.counts()

    def close(self) -> None:
        """Close the room: every request is refused from now on; the votes are forgotten."""
        self.phase = CLOSED
        self._votes.clear()
        self._joined.clear()

    def counts(self) -> dict[str, int]:
        """Votes per choice that takes votes (0 where none), in the question's order."""
        if self.question is None:
            return {}
        counts = {o.id: 0 for o in self.question.options if o.available}
        for choice in self._votes.values():
            counts[choice] += 1
        return counts

    def tally(self) -> Tally:
        return Tally(self.question.number if self.question else 0, len(self._votes),
                     len(self._joined))

    def nobody_joined(self, now: float | None = None) -> bool:
        """No device has reached the room in the first `HINT_SECONDS` (and none since): the
        network probably keeps pupils' devices from the computer."""
        now = self.clock() if now is None else now
        return quiet_too_long(len(self._joined), now - self.opened_at)

    # --- the pupils' side (each request of a page) ----------------------------------------------

    def admit(self, code: object, token: str) -> str | None:
        """Why a request with `code` from the device `token` is refused, or None to go on."""
        if self.phase == CLOSED:
            return ROOM_CLOSED
        if token not in self._joined and self._guessing():
            return TOO_MANY
        if not isinstance(code, str) or not hmac.compare_digest(code.encode(),
                                                                self.code.encode()):
            self._wrong_codes += 1
            return WRONG_CODE
        if not self.limiter.allow(token):
            return TOO_MANY
        return None

    def _guessing(self) -> bool:
        """Whether so many wrong codes came lately that someone may be guessing the code."""
        now = self.clock()
        drained = (now - self._wrong_codes_at) * WRONG_CODES_PER_SECOND
        self._wrong_codes = max(0.0, self._wrong_codes - drained)
        self._wrong_codes_at = now
        return self._wrong_codes >= WRONG_CODES_AT_ONCE

    def join(self, code: object, token: str) -> str | None:
        """A page opened (or refreshed) with `code`: the device counts as joined."""
        refused = self.admit(code, token)
        if refused is None:
            self._joined.add(token)
        return refused

    def view(self, token: str) -> PupilView:
        """What the page of `token` shows now (after `join` or `admit`)."""
        locked = self.phase == LOCKED
        return PupilView(self.phase, self.question, self._votes.get(token),
                         self.counts() if locked else None, self.tally())

    def vote(self, code: object, token: str, number: object, choice_id: object) -> str | None:
        """`token` votes `choice_id` on decision `number`: None when counted (a first vote or a
        change), else why it is refused."""
        refused = self.admit(code, token)
        if refused is not None:
            return refused
        if self.phase == LOCKED:
            return ALREADY_LOCKED
        if self.phase != OPEN or self.question is None:
            return NOT_OPEN
        if number != self.question.number:
            return OTHER_DECISION
        if not isinstance(choice_id, str) or not self.question.takes(choice_id):
            return UNKNOWN_CHOICE
        self._joined.add(token)
        self._votes[token] = choice_id
        return None
