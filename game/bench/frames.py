"""Frames: how long one redraw of each screen takes at 1280x720, 1920x1080 and 3840x2160, the
frame rate that sustains, and how many frames of the consequence animation miss its frame rate.

The real App and screens are driven headless, placed on each screen the way `bystander
screenshot` does it; a redraw is forced with `app.dirty = True` and `app.draw()`, and draw plus
`display.flip()` is timed. On the dummy video driver the flip costs next to nothing: presenting
on a real display is measured apart (see `present.py`).
"""

from __future__ import annotations

import statistics
import time

from .common import FULL_HD, UHD, Bench, Figure, size_name, summary
from .story import Road

SECTION = "frames"
SCREENS = ("title", "scene", "choice", "consequence", "ending")
CLASS_SCREENS = {"vote": "class vote", "results": "class vote, results"}
"""Class mode's vote, measured once `bystander screenshot` can show it."""
TARGETS = {FULL_HD: (3.0, 8.0), UHD: (12.0, None)}
"""Median and p99 targets in ms by size, for a machine like ours (2 cores, no GPU)."""
BUSY = 1.25
"""Frames that took this much longer than their CPU time mean other programs were running."""


def _render(road: Road, screen: str, size: tuple[int, int]):
    from ..ui.screenshot import render
    moves = {"consequence": [road.fade_move], "ending": list(road.moves)}.get(screen, [])
    return render(road.path, screen, moves, size).app


def available_screens(bench: Bench) -> list[tuple[str, str]]:
    """(screenshot name, label) of every screen to measure; notes the ones that are missing."""
    from ..ui import screenshot
    known = set(getattr(screenshot, "SCREENS", ())) | set(getattr(screenshot, "CLASS_SCREENS", ()))
    screens = [(s, s) for s in SCREENS]
    found = [(s, label) for s, label in CLASS_SCREENS.items() if s in known]
    if not found:
        bench.note("frames: there is no class-vote screen yet (or `bystander screenshot` cannot "
                   "show it): skipped")
    return screens + found


def time_redraws(app, frames: int, warmup: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of `frames` forced redraws (draw + flip) after `warmup`."""
    import pygame
    flip = pygame.display.flip
    for _ in range(warmup):
        app.dirty = True
        app.draw()
        flip()
    walls, cpus = [], []
    clock, cpu = time.perf_counter, time.thread_time
    for _ in range(frames):
        app.dirty = True
        c0, t0 = cpu(), clock()
        app.draw()
        flip()
        t1, c1 = clock(), cpu()
        walls.append((t1 - t0) * 1000)
        cpus.append((c1 - c0) * 1000)
    return walls, cpus


def frame_figures(bench: Bench, road: Road, sizes, frames: int, warmup: int) -> list[Figure]:
    start = len(bench.figures)
    screens = available_screens(bench)
    all_wall = all_cpu = 0.0
    for size in sizes:
        name = size_name(size)
        median_target, p99_target = TARGETS.get(size, (None, None))
        rates: list[tuple[str, float]] = []
        pooled: list[float] = []
        for screen, label in screens:
            try:
                app = _render(road, screen, size)
                walls, cpus = time_redraws(app, frames, warmup)
            except Exception as exc:  # noqa: BLE001 - one broken screen must not stop the bench
                bench.note(f"frames: {label} at {name} not measured: {type(exc).__name__}: {exc}")
                continue
            all_wall += sum(walls)
            all_cpu += sum(cpus)
            pooled += walls
            rates.append((label, 1000 * len(walls) / sum(walls)))
            fig = bench.add(summary(SECTION, f"frame, {label}, {name}", "ms", walls,
                                    with_p99=True, key=f"frame_{screen}_{name}",
                                    target=median_target, target_p99=p99_target))
            fig.cpu = statistics.median(cpus)
        if rates:
            slowest = min(r for _, r in rates)
            bench.add(Figure(SECTION, f"frames a second, {name} (min, max: by screen)", "fps",
                             1000 * len(pooled) / sum(pooled),
                             slowest, max(r for _, r in rates), len(pooled),
                             key=f"fps_{name}"))
    if all_cpu > 0 and all_wall / all_cpu > BUSY:
        bench.note(f"frames: other programs were using the processor (frames took "
                   f"{all_wall / all_cpu:.1f}x their own CPU time); close them and measure again "
                   "for firm figures")
    return bench.figures[start:]


def play_animation(app, tail: float | None = None) -> tuple[int, int]:
    """Play the consequence meter animation at real timing, at its own frame rate: (frames
    drawn, frames whose update + draw + flip took longer than a frame's time)."""
    from ..ui.screens import consequence
    duration = getattr(consequence, "ANIMATION_SECONDS", 0.8)
    top = app.top
    top.elapsed = 0.0 if tail is None else max(0.0, duration - tail)
    app.animating = True
    period = 1 / animation_rate(app)
    drawn = late = 0
    clock = time.perf_counter
    last = deadline = clock()
    for _ in range(int(10 * max(duration, 0.1) / period)):  # a guard against a stuck animation
        now = clock()
        before = app.frames_drawn
        app.step(now - last)
        last = now
        if app.frames_drawn > before:
            drawn += 1
            if clock() - now > period:
                late += 1
        if not app.animating:
            break
        deadline += period
        pause = deadline - clock()
        if pause > 0:
            time.sleep(pause)
        else:
            deadline = clock()  # late: the next frame starts at once
    return drawn, late


def animation_rate(app) -> int:
    """Frames a second of the top screen's animation: its own, else the app's full rate."""
    from ..ui.app import ANIMATING_FPS
    return app.top.frame_rate or ANIMATING_FPS


def animation_figures(bench: Bench, road: Road, sizes, runs: int,
                      tail: float | None = None) -> list[Figure]:
    start = len(bench.figures)
    for size in sizes:
        name = size_name(size)
        try:
            app = _render(road, "consequence", size)
            play_animation(app, tail)  # warm-up: the faded backgrounds get made and cached
            results = [play_animation(app, tail) for _ in range(runs)]
        except Exception as exc:  # noqa: BLE001
            bench.note(f"animation at {name} not measured: {type(exc).__name__}: {exc}")
            continue
        lates = [late for _, late in results]
        drawn = statistics.median(d for d, _ in results)
        period_ms = 1000 / animation_rate(app)
        bench.add(summary(SECTION, f"meter animation: frames over {period_ms:.1f} ms of "
                          f"{drawn:.0f}, {name}", "", lates, key=f"dropped_{name}",
                          target=1 if size == FULL_HD else None))
    return bench.figures[start:]
