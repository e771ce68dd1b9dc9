"""Idle: the share of one processor core the game takes in its real loop (`app.step()` with its
own clock), on a static scene screen and during the consequence screen's animation (the meters
filling and the light fading, at the screen's own frame rate), played again and again:
`time.process_time()` against wall time, in equal slices whose median, minimum and maximum are
the figure."""

from __future__ import annotations

import time

from .common import FULL_HD, Bench, Figure, size_name, summary
from .story import Road

SECTION = "idle"
IDLE_TARGET = 1.0
"""Per cent of one core on a static screen."""
ANIMATING_TARGET = 5.0
"""Per cent of one core while animating at 1920x1080: a consequence after every choice, all day
at an event, on a school laptop (issue 20)."""


RESTART_AT = 0.95
"""Where the consequence's animation starts again, as a share of its length: past its last
frame that moves, before the still one, after which the screen lets go of its fade (the pieces
of the picture before, 30 MB at 4K). Played again from there it would compose that picture
anew: a cost of opening the screen, not of animating it, and one the bench never counted here
(the screens kept both pictures until they were left)."""


def loop_share(app, seconds: float, slices: int, restart: bool = False) -> list[float]:
    """CPU per cent of one core in each of `slices` slices of the real loop. With `restart`, the
    screen's animation starts again at its end (`RESTART_AT`: the consequence meters)."""
    clock, cpu = time.perf_counter, time.process_time
    length = seconds / max(1, slices)
    shares = []
    for _ in range(max(1, slices)):
        w0, c0 = clock(), cpu()
        while clock() - w0 < length:
            app.step()
            if restart and (not app.animating
                            or getattr(app.top, "progress", 0.0) >= RESTART_AT):
                app.top.elapsed = 0.0
                app.animating = True
        shares.append(100 * (cpu() - c0) / (clock() - w0))
    return shares


def idle_figures(bench: Bench, road: Road, size: tuple[int, int], seconds: float,
                 slices: int) -> list[Figure]:
    from ..ui.screenshot import render
    start = len(bench.figures)
    name = size_name(size)
    try:
        app = render(road.path, "scene", [], size).app
        loop_share(app, min(0.5, seconds / 4), 1)  # warm-up: first ticks, first redraw
        before = app.frames_drawn
        shares = loop_share(app, seconds, slices)
        redraws = app.frames_drawn - before
        bench.add(summary(SECTION, f"CPU, static scene screen, {name} ({seconds:g} s)",
                          "%", shares, key="idle_static", target=IDLE_TARGET))
        if redraws:
            bench.note(f"idle: the static scene was redrawn {redraws} times in {seconds:g} s; "
                       "it should be drawn only when something changes")
        app = render(road.path, "consequence", [road.fade_move], size).app
        loop_share(app, min(0.5, seconds / 4), 1, restart=True)
        rate = app.top.frame_rate
        bench.add(summary(SECTION, f"CPU, meter animation at {rate} fps, {name} ({seconds:g} s)",
                          "%", loop_share(app, seconds, slices, restart=True),
                          key="idle_animating",
                          target=ANIMATING_TARGET if size == FULL_HD else None))
    except Exception as exc:  # noqa: BLE001 - one broken screen must not stop the bench
        bench.note(f"idle not measured: {type(exc).__name__}: {exc}")
    return bench.figures[start:]
