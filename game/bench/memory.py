"""Memory: the peak resident memory of a full headless play-through of adrian, in a child
process (`playthrough.py`), at 1920x1080 and 3840x2160.

The peak is `resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`, read by a tiny launcher process
whose only child is the play-through. Not read here directly: on Linux a child's `ru_maxrss`
starts at its parent's resident size when it is started (the peak of the memory it was started
from), and this process holds a 10,000-scene scenario and 4K screens by then. Windows has no
`resource` module: there memory is skipped with a note, and the rest of the bench runs.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from .common import FULL_HD, UHD, Bench, Figure, headless_env, size_name, summary
from .story import STORY

SECTION = "memory"
TARGET_MB = {FULL_HD: 200.0, UHD: 250.0}
"""A school laptop's share for the game; at 4K the window and one layer alone are 66 MB."""
TIMEOUT = 600.0
MARKER = "BYSTANDER_CHILD_MAXRSS"
LAUNCHER = f"""
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
print("{MARKER}", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, flush=True)
sys.exit(code)
"""


def peak_rss_mb(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """The peak resident memory of `command` in MB, and what it printed."""
    done = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *command], env=env,
                          capture_output=True, text=True, timeout=TIMEOUT)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines or not lines[-1].startswith(MARKER):
        problem = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(f"exit {done.returncode}: {problem[-1] if problem else 'no message'}")
    maxrss = int(lines[-1].split()[1])
    # Linux reports kilobytes, macOS bytes.
    mb = maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024
    return mb, " ".join(lines[:-1])


def memory_figures(bench: Bench, sizes, story: Path | None = None,
                   runs: int = 1) -> list[Figure]:
    start = len(bench.figures)
    if importlib.util.find_spec("resource") is None:  # the launcher needs it
        bench.note("memory not measured: this system has no `resource` module (Windows)")
        return []
    env = headless_env(bench.env)
    for size in sizes:
        name = size_name(size)
        command = [sys.executable, "-m", "game.bench.playthrough", name] + (
            [str(story)] if story else [])
        try:
            results = [peak_rss_mb(command, env) for _ in range(runs)]
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
            bench.note(f"memory at {name} not measured: {exc}")
            continue
        bench.add(summary(SECTION, f"peak, a play-through of {story.stem if story else STORY}, "
                          f"{name}", "MB",
                          [mb for mb, _ in results], key=f"memory_{name}",
                          target=TARGET_MB.get(size)))
        bench.facts[f"play-through at {name}"] = results[0][1]
    return bench.figures[start:]
