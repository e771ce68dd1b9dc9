"""SIGTERM and Ctrl+C (SIGINT) end the game within a second, in every mode, and cleanly.

SDL installs a handler of its own for SIGTERM when Python has none, and turns the signal into a
window-close event. Event mode ignores those on purpose (a visitor must not close the game), and a
game busy drawing reads no events, so `timeout` and systemd's stop did nothing and only SIGKILL
ended it. Now SDL is told to leave signals alone (`keep_sdl_off_signals`, before the display
starts), and `StopOnSignals` asks the loop to stop: the loop notices at its next turn (it turns at
least 20 times a second, idle or not). A loop too busy to turn within GRACE_SECONDS is interrupted
where it is; a second signal interrupts at once. Either way the game ends as it does when quit:
what must be kept (settings, a class session's record, the event counts) is saved as it changes,
so nothing is lost by not finishing a frame.
"""

from __future__ import annotations

import os
import signal
from typing import Callable

from .lazylog import get_logger

log = get_logger(__name__)  # imported before the first frame: logging only when it is used

GRACE_SECONDS = 1.0
"""How long a busy loop has to notice a stop before it is interrupted."""
SDL_HINT = "SDL_NO_SIGNAL_HANDLERS"


def keep_sdl_off_signals() -> None:
    """Let Python, not SDL, handle SIGTERM and SIGINT: call before the display is initialised."""
    os.environ[SDL_HINT] = "1"


class Interrupted(BaseException):
    """Raised inside the loop by a stop it did not notice in time; `StopOnSignals` catches it."""


class StopOnSignals:
    """While the `with` block runs, SIGTERM and SIGINT call `request_stop` (which asks the loop to
    end), or with no `request_stop` interrupt the block at once. The block ends quietly either
    way; `signum` says which signal ended it, if one did. The handlers it replaces come back at
    the end."""

    def __init__(self, request_stop: Callable[[], None] | None = None,
                 grace: float = GRACE_SECONDS):
        self.request_stop = request_stop
        self.grace = grace
        self.signum: int | None = None
        self._previous: dict[int, object] = {}
        self._timer = None
        self._ending = False

    def __enter__(self) -> StopOnSignals:
        for name in ("SIGTERM", "SIGINT"):
            sig = getattr(signal, name, None)
            if sig is None:
                continue
            try:
                self._previous[sig] = signal.signal(sig, self._handle)
            except (ValueError, OSError):  # not the main thread, or not on this system
                pass
        return self

    def _handle(self, signum: int, frame) -> None:  # noqa: ARG002
        if self._ending:  # the block is over: a late signal from the timer has nothing to stop
            return
        if self.signum is not None or self.request_stop is None:
            self.signum = self.signum or signum
            raise Interrupted(signum)
        self.signum = signum
        log.info("stopping: signal %d", signum)
        self.request_stop()
        # If the loop is too busy to notice, the same handler runs again in GRACE_SECONDS
        # (interrupt_main delivers the signal to the main thread) and interrupts it.
        import _thread
        import threading
        self._timer = threading.Timer(self.grace, _thread.interrupt_main, (signum,))
        self._timer.daemon = True
        self._timer.start()

    def __exit__(self, kind, exc, tb) -> bool:
        self._ending = True
        if self._timer is not None:
            self._timer.cancel()
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        if isinstance(exc, Interrupted):
            log.warning("stopped by signal %d: interrupted what was being done", self.signum)
            return True
        return False
