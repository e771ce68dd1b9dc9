"""The attract loop of event mode: the share of one core it takes in the real loop, where it runs
all day. Measured on the real display when there is one, with SDL's default presentation and
with the software display setting (on a machine without graphics drivers the default presents
through OpenGL in software, and presenting is most of the cost); headless otherwise.

Whole turns of the language are measured (`LANG_SECONDS` each), since the loop moves for a
moment at each turn and stands still in between: one slice is one turn (the tests' tiny plan
measures less than one).

Child process: `python -m game.bench.attract WxH SECONDS SCENARIO` prints the shares, one a turn.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .common import (FULL_HD, SOFTWARE_DISPLAY, Bench, Figure, child_numbers, display_env,
                     is_headless, size_name, summary)

SECTION = "idle"
TARGET = 5.0
"""Per cent of one core, all day, with default settings."""
TIMEOUT = 300.0


def _shares(size: tuple[int, int], seconds: float, scenario: Path) -> list[float]:
    """CPU per cent of one core in each turn of the attract loop over `seconds`."""
    import tempfile
    import time
    from datetime import date

    from ..event.counter import EventCounter
    from ..ui.catalogue import Catalogue, entry_for
    from ..ui.kiosk import KioskApp, KioskConfig
    from ..ui.screens.attract import LANG_SECONDS, SLIDE_SECONDS
    from ..ui.settings import Settings
    entry, issues = entry_for(scenario)
    if entry is None:
        raise SystemExit(f"cannot load {scenario}: {issues}")
    with tempfile.TemporaryDirectory(prefix="bystander-bench-") as folder:
        counter = EventCounter(Path(folder), today=lambda: date(2026, 5, 12))
        # Settings as a fresh install has them; the display setting comes from the environment.
        app = KioskApp(Settings(), Catalogue([entry], 0), KioskConfig((entry,)), counter=counter,
                       size=size, fullscreen=False)
        clock, cpu = time.perf_counter, time.process_time
        start = clock()
        while clock() - start < SLIDE_SECONDS + 0.3:  # the cast walking in, the first frames
            app.step()
        shares = []
        while seconds > 0:
            length = min(seconds, LANG_SECONDS)
            w0, c0 = clock(), cpu()
            while clock() - w0 < length:
                app.step()
            shares.append(100 * (cpu() - c0) / (clock() - w0))
            seconds -= length
        return shares


def attract_figures(bench: Bench, scenario: Path, size: tuple[int, int] = FULL_HD,
                    seconds: float = 28.0) -> list[Figure]:
    """The attract loop's share of a core at `size`: with the default presentation, and on a
    real display also with the software display setting."""
    env, driver = display_env(bench.env)
    env.pop("SDL_FRAMEBUFFER_ACCELERATION", None)
    ways = [("default", "idle_attract", {})]
    if not is_headless(driver):
        ways.append(("software display setting", "idle_attract_software", SOFTWARE_DISPLAY))
    start = len(bench.figures)
    name = size_name(size)
    where = "headless" if is_headless(driver) else "on this display"
    for label, key, extra in ways:
        try:
            shares = child_numbers("game.bench.attract", [name, f"{seconds:g}", str(scenario)],
                                   {**env, **extra}, TIMEOUT)
        except (subprocess.SubprocessError, OSError, ValueError, IndexError) as exc:
            bench.note(f"attract loop ({label}) not measured: {exc}")
            continue
        bench.add(summary(SECTION, f"CPU, event mode's attract loop, {where}, {label}, {name} "
                          f"({seconds:g} s)", "%", shares, key=key,
                          target=TARGET if key == "idle_attract" else None))
    if is_headless(driver):
        bench.note("attract loop measured headless, where presenting a frame costs nothing; on "
                   "the event's laptop, run `bystander bench` in its desktop session")
    return bench.figures[start:]


def main(argv: list[str]) -> int:
    w, h = (int(v) for v in argv[0].split("x"))
    print(" ".join(f"{s:.2f}" for s in _shares((w, h), float(argv[1]), Path(argv[2]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
