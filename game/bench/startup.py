"""Start-up: from process start to the first frame of the title screen, beside the time a bare
pygame-ce window takes to open and show one frame, measured in the same run, alternating.

Both are child processes of this one, timed by this one's clock from just before the process is
started to the moment its "first frame" line arrives; the game prints that line after its first
`display.flip()` when `BYSTANDER_BENCH_FIRST_FRAME` is set (see `game.ui.app`), and quits. The
figure is the ratio: what the game adds to what opening a window costs on this machine anyway.

Two moments of the game's start are timed. The first title frame on screen: on a warm start
that is the title as the last start drew it (ui/title_snapshot.py), shown before the game has
loaded. And "ready": the game's own first frame, drawn by the loaded game, which from then on
answers input (a press before it waits in SDL's queue). Without a kept title they are the same.

The game's runs share one user folder, whose cache (the title's cards and pictures, see
`game.ui.catalogue` and `game.ui.pictures`) the warm-up run writes: the start of a teacher who has
opened the game before. Beside them, in the same alternation, the very first start ever: a fresh
folder each time, so nothing cached (but what an installed game has from the start: its bytecode,
and the title cards of the shipped stories, which the install makes; see `ui/shipped_cards.py`).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time

from .common import Bench, Figure, display_env, summary

SECTION = "start-up"
MARKER = "BYSTANDER_FIRST_FRAME"
READY = "BYSTANDER_READY"
RATIO_TARGET = 1.2
FIRST_EVER_TARGET = 1.5
TIMEOUT = 120.0

BARE_WINDOW = f"""
import pygame
pygame.display.init()
surface = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
surface.fill((40, 44, 52))
pygame.display.flip()
print("{MARKER}", flush=True)
pygame.display.quit()
"""


class StartupError(Exception):
    """A child process ended without showing its first frame."""


def time_to_first_frame(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Milliseconds from starting `command` to its first-frame line on stdout, and to its
    ready line (the same moment when it prints none: the bare window)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                             text=True)
    first = ready = None
    try:
        assert child.stdout is not None
        for line in child.stdout:
            now = (time.perf_counter() - start) * 1000
            if line.startswith(MARKER) and first is None:
                first = now
            elif line.startswith(READY):
                ready = now
                break
        if first is None:
            child.wait(TIMEOUT)
            err = (child.stderr.read() if child.stderr else "").strip().splitlines()
            raise StartupError(f"{' '.join(command[-2:])} exited with {child.returncode} "
                               f"before its first frame: {err[-1] if err else 'no message'}")
        child.communicate(timeout=TIMEOUT)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return first, first if ready is None else ready


def startup_figures(bench: Bench, runs: int, warmup: int = 1) -> list[Figure]:
    env, driver = display_env(bench.env)
    with tempfile.TemporaryDirectory(prefix="bystander-bench-") as home:
        # Default settings and no records: the same start-up for everyone who measures.
        env.update(BYSTANDER_BENCH_FIRST_FRAME="1", BYSTANDER_CONFIG_DIR=f"{home}/config",
                   BYSTANDER_DATA_DIR=f"{home}/data")
        # Compiled bytecode kept between the runs, as an installed game has it: the warm-up
        # writes it. Without it (PYTHONDONTWRITEBYTECODE) every start compiles the game again.
        if env.pop("PYTHONDONTWRITEBYTECODE", None):
            bench.note("start-up: this environment sets PYTHONDONTWRITEBYTECODE, so every start "
                       "of the game here compiles its source again; measured with a bytecode "
                       "cache instead, as an installed game has one")
        env["PYTHONPYCACHEPREFIX"] = f"{home}/pycache"
        env["BYSTANDER_CACHE_DIR"] = f"{home}/cache"
        game = [sys.executable, "-m", "game", "play"]
        bare = [sys.executable, "-c", BARE_WINDOW]
        bares, firsts, readies, fresh, fresh_readies = [], [], [], [], []
        try:
            for i in range(warmup + runs):
                b, _ = time_to_first_frame(bare, env)
                g, g_ready = time_to_first_frame(game, env)
                if i < warmup:
                    continue
                first = dict(env, BYSTANDER_CONFIG_DIR=f"{home}/first{i}/config",
                             BYSTANDER_DATA_DIR=f"{home}/first{i}/data",
                             BYSTANDER_CACHE_DIR=f"{home}/first{i}/cache")
                f, f_ready = time_to_first_frame(game, first)
                bares.append(b)
                firsts.append(g)
                readies.append(g_ready)
                fresh.append(f)
                fresh_readies.append(f_ready)
        except (StartupError, OSError, subprocess.TimeoutExpired) as exc:
            bench.note(f"start-up not measured: {exc}")
            return []
    figures = [
        summary(SECTION, "game: process start to first title frame", "ms", firsts,
                key="startup_game"),
        summary(SECTION, "bare pygame-ce window: start to one frame", "ms", bares,
                key="startup_bare"),
        summary(SECTION, "ratio game / bare window, run by run", "x",
                [g / b for g, b in zip(firsts, bares)], key="startup_ratio",
                target=RATIO_TARGET),
        summary(SECTION, "game: to ready (its own first frame, input answered)", "ms",
                readies, key="startup_ready"),
        summary(SECTION, "ratio ready / bare window", "x",
                [g / b for g, b in zip(readies, bares)], key="startup_ready_ratio"),
        summary(SECTION, "game, first start ever (nothing cached yet)", "ms", fresh,
                key="startup_first_ever"),
        summary(SECTION, "ratio first start ever / bare window", "x",
                [f / b for f, b in zip(fresh, bares)], key="startup_first_ever_ratio",
                target=FIRST_EVER_TARGET),
        summary(SECTION, "ratio first start ever, to ready / bare window", "x",
                [f / b for f, b in zip(fresh_readies, bares)],
                key="startup_first_ever_ready_ratio"),
    ]
    if driver == "dummy":
        bench.note("start-up was measured on the dummy video driver (no display here): a real "
                   "window adds the time the system takes to open one, to both sides alike")
    for f in figures:
        bench.add(f)
    return figures
