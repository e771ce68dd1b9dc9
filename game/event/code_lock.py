"""The organiser's code, and the wait after each wrong try that makes guessing it hopeless.

Closing the pad after three wrong codes did not slow anyone down: it opened again at once, so a
visitor could try code after code. Now every wrong try makes the next one wait, twice as long each
time (1 s, 2 s, 4 s ... at most `MAX_WAIT_SECONDS`): the organiser who mistypes waits a second,
and a visitor trying every four-digit code would need about a week. The wait belongs to the event
screen, not to the pad, so closing and opening the pad does not cut it short; after
`FORGET_SECONDS` without a wrong try, or after the right code, tries start again from one.
During a wait no code is checked at all, the right one included.
"""

from __future__ import annotations

import hmac
from typing import Callable

from . import organiser_log

FIRST_WAIT_SECONDS = 1.0
MAX_WAIT_SECONDS = 60.0
FORGET_SECONDS = 15 * 60.0
"""Wrong tries this long ago no longer count: stray taps in the morning must not make the
organiser wait a minute in the evening."""


class CodeLock:
    """Checks typed codes against the organiser's, with the wait described above; `clock` is the
    kiosk's monotonic clock."""

    def __init__(self, code: str, clock: Callable[[], float]):
        self._code = code
        self.now = clock
        self.wrong = 0
        """Wrong tries in a row (forgotten after `FORGET_SECONDS`)."""
        self._last_wrong: float | None = None
        self._open_at = 0.0

    def wait_left(self) -> float:
        """Seconds until a code is checked again; 0 when one may be typed now."""
        return max(0.0, self._open_at - self.now())

    def attempt(self, typed: str) -> bool | None:
        """True for the right code; False for a wrong one (which makes the next try wait);
        None while a wait runs: the code was not checked."""
        now = self.now()
        if self.wait_left() > 0:
            return None
        if self._last_wrong is not None and now - self._last_wrong >= FORGET_SECONDS:
            self.wrong = 0
        if typed and hmac.compare_digest(typed.encode(), self._code.encode()):
            self.wrong = 0
            self._last_wrong = None
            return True
        self.wrong += 1
        self._last_wrong = now
        wait = min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** min(self.wrong - 1, 32))
        self._open_at = now + wait
        organiser_log.note("wrong_code", n=self.wrong, seconds=int(wait))
        return False
