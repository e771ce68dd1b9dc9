"""What every measurement family shares: figures, the plan of how much to measure, and timing.

A figure is the median of several runs (or frames) with the minimum and maximum beside it, and
the target it is held to when there is one. Nothing here imports pygame.
"""

from __future__ import annotations

import gc
import math
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from typing import Callable

HD, FULL_HD, UHD = (1280, 720), (1920, 1080), (3840, 2160)
FRAME_60HZ_MS = 1000 / 60


@dataclass
class Figure:
    section: str
    name: str
    unit: str
    median: float
    low: float
    high: float
    runs: int
    """Samples behind the median: runs, frames or one-second slices."""
    p99: float | None = None
    target: float | None = None
    """The median must stay below this on a machine like ours."""
    target_p99: float | None = None
    """And the 99th percentile below this."""
    key: str = ""
    """A stable name for the verdict and for comparing JSON between versions."""
    cpu: float | None = None
    """Frames: the median CPU time of a frame (ms), which other programs running at the same
    time disturb far less than the wall-clock figures: the one to compare two versions by."""

    @property
    def met(self) -> bool | None:
        if self.target is None and self.target_p99 is None:
            return None
        return ((self.target is None or self.median < self.target)
                and (self.target_p99 is None or (self.p99 or 0) < self.target_p99))


@dataclass(frozen=True)
class Plan:
    """How much to measure: the full bench, `--quick` for CI, or the tiny one of the tests."""

    name: str
    story: str | None = None
    """The scenario file the screens, animations and memory are measured on (default adrian)."""
    startup_runs: int = 7
    startup_warmup: int = 1
    frame_sizes: tuple[tuple[int, int], ...] = (HD, FULL_HD, UHD)
    frames: int = 120
    """Timed redraws per screen and size, after `warmup_frames`."""
    warmup_frames: int = 10
    animation_sizes: tuple[tuple[int, int], ...] = (FULL_HD, UHD)
    animation_runs: int = 5
    animation_tail: float | None = None
    """Seconds of the meter animation to play; None plays all of it (tests play a little)."""
    idle_seconds: float = 10.0
    idle_slices: int = 10
    idle_size: tuple[int, int] = FULL_HD
    attract_seconds: float = 28.0
    """The attract loop of event mode: four turns of its languages (one in `--quick`)."""
    scenario_sizes: tuple[int, ...] = (100, 1000, 10_000)
    scenario_runs: int = 5
    memory_sizes: tuple[tuple[int, int], ...] = (FULL_HD, UHD)
    present: bool = True
    """Time presenting frames on a real display (skipped on the dummy driver)."""
    ballot_rounds: int = 10
    """Rounds of 30 votes timed to the projector's count."""
    ballot_devices: int = 300
    """Devices voting at once on loopback."""
    preview_runs: int = 7
    """Saves of the story file timed to the frame that shows them (`play FILE --watch`)."""
    preview_size: tuple[int, int] = FULL_HD
    sections: tuple[str, ...] = ("startup", "frames", "idle", "preview", "scenarios", "memory",
                                 "ballot")


FULL = Plan("full")
QUICK = Plan("quick", startup_runs=3, frame_sizes=(FULL_HD,), frames=30, warmup_frames=3,
             animation_sizes=(FULL_HD,), animation_runs=2, idle_seconds=3.0, idle_slices=6,
             attract_seconds=7.0,
             scenario_sizes=(100, 1000), scenario_runs=3, memory_sizes=(FULL_HD,),
             ballot_rounds=2, preview_runs=3)


@dataclass
class Bench:
    """One run of the bench: the plan, the figures so far, notes for the reader, facts."""

    plan: Plan
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)
    """Machine and settings (video driver, Python, load...), printed above the table."""
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    """The environment as it was when the bench started, for the subprocesses: measuring in this
    process switches it to the dummy video driver."""

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        return figure

    def note(self, text: str) -> None:
        self.notes.append(text)

    def get(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)


def size_name(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0-100), nearest rank: with 120 frames, p99 is the second slowest."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(section: str, name: str, unit: str, samples: list[float], *, key: str = "",
            target: float | None = None, target_p99: float | None = None,
            with_p99: bool = False) -> Figure:
    return Figure(section, name, unit, statistics.median(samples), min(samples), max(samples),
                  len(samples), percentile(samples, 99) if with_p99 or target_p99 else None,
                  target, target_p99, key)


def measure(name: str, unit: str, action: Callable[[], float | None], runs: int,
            warmup: int = 1, *, section: str = "scenarios", key: str = "",
            target: float | None = None) -> Figure:
    """Median, min and max of `runs` timings after `warmup` runs. `action` may time itself."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        own = action()
        samples.append(own if own is not None else (time.perf_counter() - start) * 1000)
    return summary(section, name, unit, samples, key=key, target=target)


def headless_env(env: dict[str, str]) -> dict[str, str]:
    """`env` for a child process that must not show anything."""
    out = dict(env)
    out["SDL_VIDEODRIVER"] = "dummy"
    out.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    return out


def display_env(env: dict[str, str]) -> tuple[dict[str, str], str]:
    """`env` for a child process that opens a real window where there is a display: the video
    driver from the environment, the dummy one when there is no display. Also says which."""
    out = dict(env)
    out.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    driver = out.get("SDL_VIDEODRIVER", "")
    if not driver and sys.platform.startswith("linux") and not (
            out.get("DISPLAY") or out.get("WAYLAND_DISPLAY")):
        out["SDL_VIDEODRIVER"] = driver = "dummy"
    return out, driver or "default"


def is_headless(driver: str) -> bool:
    return driver in ("dummy", "offscreen")


SOFTWARE_DISPLAY = {"SDL_FRAMEBUFFER_ACCELERATION": "0"}
"""The environment the game's software display setting sets (see `game.ui.app`)."""


def child_numbers(module: str, args: list[str], env: dict[str, str],
                  timeout: float) -> list[float]:
    """Run `python -m <module> ARGS` and read the numbers on the last line it printed. Raises
    what `subprocess.run` raises, and ValueError or IndexError for output without numbers."""
    import subprocess
    done = subprocess.run([sys.executable, "-m", module, *args], env=env, capture_output=True,
                          text=True, timeout=timeout, check=True)
    return [float(v) for v in done.stdout.strip().splitlines()[-1].split()]
