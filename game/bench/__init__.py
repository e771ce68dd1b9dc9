"""`bystander bench`: speed measured on the user's own machine, with several runs after a warm-up.

One module per family of measurements:

- `startup`   process start to the first title frame, beside a bare pygame-ce window (the ratio)
- `frames`    redraw time of every screen at 720p, 1080p and 4K, frames a second, and frames of
              the meter animation that miss its frame rate; `present` adds display.flip on a
              real display
- `idle`      CPU share of one core in the real loop, on a static screen and while animating;
              `attract` the same for event mode's attract loop, on the real display if any
- `preview`   the live preview: saving the story file to the frame that shows it
- `scenarios` load + check and machine build of generated scenarios of 100 to 10,000 scenes
- `memory`    peak resident memory of a full play-through (`playthrough` is the child process)
- `ballot`    class mode's secret ballot: a vote to the projector's count, 300 devices at once
- `verdict`   one line for the teacher; `report` the table and the JSON

Every figure is a median with its minimum and maximum (frames also a 99th percentile), and the
target it is held to where there is one. `--quick` measures less, in under a minute, for CI.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

from .common import FULL, QUICK, Bench, Figure, Plan, measure
from .scenarios import engine_figures, synthetic_document, synthetic_scenario

__all__ = ["FULL", "QUICK", "Bench", "Figure", "Plan", "collect", "engine_figures", "measure",
           "progress_to_stderr", "run_bench", "synthetic_document", "synthetic_scenario"]


def _facts(bench: Bench) -> None:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no banner in the JSON
    import pygame
    bench.facts["machine"] = (f"{platform.system()} {platform.machine()}, "
                              f"{os.cpu_count()} logical cores")
    bench.facts["software"] = (f"Python {platform.python_version()}, pygame-ce {pygame.version.ver}"
                               f" (SDL {'.'.join(map(str, pygame.get_sdl_version()))})")
    from .common import display_env
    bench.facts["video driver"] = display_env(bench.env)[1]
    if hasattr(os, "getloadavg"):
        bench.facts["load average at start"] = f"{os.getloadavg()[0]:.1f}"


def collect(plan: Plan, progress=None) -> Bench:
    """Measure everything `plan` asks for; `progress(text)` hears what is being measured."""
    say = progress or (lambda text: None)
    bench = Bench(plan)
    started = time.perf_counter()
    _facts(bench)
    if "startup" in plan.sections:
        from .startup import startup_figures
        say("start-up")
        startup_figures(bench, plan.startup_runs, plan.startup_warmup)
    story = None
    if any(section in plan.sections for section in ("frames", "idle", "preview")):
        from .story import road
        try:
            story = road(Path(plan.story) if plan.story else None)
        except ValueError as exc:
            bench.note(f"frames and idle not measured: {exc}")
    if story is not None:
        if "frames" in plan.sections:
            from .frames import animation_figures, frame_figures
            from .present import present_figures
            say("frames")
            frame_figures(bench, story, plan.frame_sizes, plan.frames, plan.warmup_frames)
            say("animation")
            animation_figures(bench, story, plan.animation_sizes, plan.animation_runs,
                              plan.animation_tail)
            if plan.present:
                present_figures(bench)
        if "idle" in plan.sections:
            from .idle import idle_figures
            say("idle")
            idle_figures(bench, story, plan.idle_size, plan.idle_seconds, plan.idle_slices)
            from .attract import attract_figures
            say("attract loop")
            attract_figures(bench, story.path, plan.idle_size, plan.attract_seconds)
        if "preview" in plan.sections:
            from .preview import preview_figures
            say("preview")
            preview_figures(bench, story, plan.preview_size, plan.preview_runs)
        import pygame
        pygame.display.quit()
    if "scenarios" in plan.sections:
        say("scenarios")
        engine_figures(bench, plan.scenario_sizes, plan.scenario_runs)
    if "memory" in plan.sections:
        from .memory import memory_figures
        say("memory")
        memory_figures(bench, plan.memory_sizes, Path(plan.story) if plan.story else None)
    if "ballot" in plan.sections:
        from .ballot import ballot_figures
        say("ballot")
        ballot_figures(bench, plan.ballot_rounds, plan.ballot_devices)
    bench.facts["the bench took"] = f"{time.perf_counter() - started:.0f} s"
    return bench


def run_bench(quick: bool, as_json: bool, plan: Plan | None = None, progress=None) -> str:
    """The table (or JSON) of `bystander bench [--quick] [--json]`."""
    from .report import as_json as to_json
    from .report import table
    from .verdict import verdict
    bench = collect(plan or (QUICK if quick else FULL), progress)
    line = verdict(bench)
    return to_json(bench, line) if as_json else table(bench, line)


def progress_to_stderr(text: str) -> None:
    print(f"bench: measuring {text}...", file=sys.stderr, flush=True)
