"""SIGTERM (systemd's stop, `timeout`) and SIGINT (Ctrl+C) end the game within a second, in every
mode: the real game, started headless in a process of its own, idle or busy drawing.

SDL's own handler used to take SIGTERM and turn it into a window-close event, which a game busy
drawing never read and event mode ignores: only SIGKILL ended it.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time

import pytest

from testpaths import MINI, ROOT

STOP_WITHIN = 4.0
"""Seconds from the signal to the end of the process: one second of grace for a busy loop, and
the rest for a machine shared with other work."""

DRIVER = """
import sys
from game.ui import app as app_module
busy = sys.argv[1] == "busy"
step = app_module.App.step
def announce(self, dt=None):
    going = step(self, dt)
    if self.frames_drawn and not getattr(self, "_announced", False):
        self._announced = True
        print("READY", flush=True)
        while busy:  # drawing something that takes far longer than a second, in Python
            pass
    return going
app_module.App.step = announce
from game.cli import main
sys.exit(main(sys.argv[2:]))
"""

MODES = {
    "play": ["play", "--size", "1280x720"],
    "play a story": ["play", str(MINI), "--size", "1280x720"],
    "class": ["play", "--class", str(MINI), "--size", "1280x720"],
    "kiosk": ["play", "--kiosk", "--scenario", str(MINI), "--size", "1280x720"],
}


def _start(tmp_path, mode: str, busy: bool) -> subprocess.Popen:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "BYSTANDER_CONFIG_DIR": str(tmp_path / "config"),
           "BYSTANDER_DATA_DIR": str(tmp_path / "data"),
           "BYSTANDER_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    env.pop("SDL_NO_SIGNAL_HANDLERS", None)
    return subprocess.Popen([sys.executable, "-c", DRIVER, "busy" if busy else "idle",
                             *MODES[mode]], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=ROOT, env=env)


def _wait_ready(proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    line = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.2)
        if ready:
            line = proc.stdout.readline()
            if line.strip() == b"READY":
                return
        if proc.poll() is not None:
            break
    proc.kill()
    pytest.fail(f"the game did not start: {line!r} {proc.stderr.read().decode()[-2000:]}")


CASES = [(mode, sig, False) for mode in MODES for sig in ("SIGTERM", "SIGINT")]
CASES += [(mode, "SIGTERM", True) for mode in MODES] + [("kiosk", "SIGINT", True)]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("mode,sig,busy", CASES,
                         ids=[f"{m}-{s}-{'busy' if b else 'idle'}" for m, s, b in CASES])
def test_a_signal_ends_the_game_within_a_second(tmp_path, mode, sig, busy):
    proc = _start(tmp_path, mode, busy)
    try:
        _wait_ready(proc)
        time.sleep(0.3)  # well into the loop (or the busy drawing)
        sent = time.monotonic()
        proc.send_signal(getattr(signal, sig))
        try:
            code = proc.wait(timeout=STOP_WITHIN + 10)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{mode}: still running {STOP_WITHIN + 10:.0f} s after {sig}")
        took = time.monotonic() - sent
        err = proc.stderr.read().decode(errors="replace")
    finally:
        proc.kill()
        proc.wait()
    assert took < STOP_WITHIN, f"{mode}: {took:.1f} s after {sig}"
    assert code == 0, (code, err[-2000:])
    assert "Traceback" not in err, err[-2000:]


def _as_from_a_terminal() -> None:
    """Ctrl+C as a command typed in a terminal has it. A shell starts a command put in the
    background (`make test &`, a CI runner's job) with SIGINT ignored, and Python then rightly
    leaves Ctrl+C alone: the test waited in vain when the suite ran that way."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_a_signal_ends_the_game_in_the_terminal(tmp_path, sig):
    """`bystander run` waiting for the player's answer. It has nothing to save, so SIGTERM keeps
    its default, which the system carries out at once (a Python handler could miss a signal that
    lands just before the read begins); Ctrl+C ends the transcript with a new line."""
    proc = subprocess.Popen([sys.executable, "-m", "game", "run", str(MINI), "--lang", "en"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)},
                            preexec_fn=_as_from_a_terminal)
    try:
        seen = b""
        deadline = time.monotonic() + 60
        while b"Choose a number" not in seen and time.monotonic() < deadline:
            if select.select([proc.stdout], [], [], 0.2)[0]:
                seen += os.read(proc.stdout.fileno(), 4096)
        assert b"Choose a number" in seen, seen
        time.sleep(0.3)  # waiting for the answer, as a person would see it
        sent = time.monotonic()
        proc.send_signal(getattr(signal, sig))
        code = proc.wait(timeout=STOP_WITHIN + 10)
        took = time.monotonic() - sent
        err = proc.stderr.read().decode(errors="replace")
    finally:
        proc.kill()
        proc.wait()
    assert took < STOP_WITHIN, took
    assert code == (-signal.SIGTERM if sig == "SIGTERM" else 0), (code, err)
    assert "Traceback" not in err, err


def test_a_second_signal_interrupts_at_once_and_the_old_handlers_come_back():
    from game.stop import StopOnSignals
    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    asked = []
    with StopOnSignals(lambda: asked.append(True)) as stop:
        signal.raise_signal(signal.SIGINT)
        assert asked == [True]
        signal.raise_signal(signal.SIGTERM)
        pytest.fail("the second signal did not interrupt")
    assert stop.signum == signal.SIGINT
    assert {s: signal.getsignal(s) for s in previous} == previous
