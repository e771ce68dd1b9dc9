"""Helpers for driving event mode headless: a fake clock, a KioskApp on the dummy driver, and a
counter in a test folder."""

from __future__ import annotations

import os
from datetime import date

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.event.counter import EventCounter  # noqa: E402
from game.ui.catalogue import Catalogue  # noqa: E402
from game.ui.kiosk import KioskApp, KioskConfig  # noqa: E402
from game.ui.settings import Settings  # noqa: E402

EVENT_DAY = date(2026, 5, 12)


class FakeClock:
    """A monotonic clock that only moves when told to."""

    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_kiosk(entries, folder, *, size=(1280, 720), lang="nl", langs=("nl", "en"), pin="",
               idle=60.0, clock=None, today=None, **settings) -> KioskApp:
    """A KioskApp over `entries`, counting into `folder`, on a FakeClock (`app.now`)."""
    s = Settings(lang=lang, text_speed=settings.pop("text_speed", "instant"), **settings)
    config = KioskConfig(tuple(entries), lang, langs, idle, 10, pin)
    counter = EventCounter(folder, today=today or (lambda: EVENT_DAY))
    return KioskApp(s, Catalogue(list(entries), 0), config, counter=counter,
                    clock=clock or FakeClock(), size=size, fullscreen=False)


def step(app, seconds: float, dt: float = 0.5) -> None:
    """Let `seconds` pass on the app's fake clock, stepping the loop every `dt`."""
    left = seconds
    while left > 1e-9:
        d = min(dt, left)
        app.now.advance(d)
        app.step(d)
        left -= d
