"""Instructions, not seconds: the engine's and the start-up's work counted by valgrind's callgrind.

`bystander bench` times things; on a shared or busy machine its figures move by 10-20% from run to
run, too much to tell whether a change made `choose()` 5% cheaper. Instructions counted under
callgrind are the same from run to run (the hash seed is fixed), whatever else the machine does,
so two commits can be compared exactly:

    .venv/bin/python tests/instructions.py .                # this checkout
    .venv/bin/python tests/instructions.py /path/to/other   # another checkout, same .venv

Prints, for the checkout given: instructions per step of 20 random roads through adrian (a choice
or a `next`, starting each road included), per choice of the synthetic bench story, per build of
its machines (2,000 scenes), and from process start to the first title frame (bytecode cached),
warm and on the very first start ever. Needs valgrind (Debian: `apt-get install valgrind`); takes
about three minutes. Not part of `make test`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROADS = """
import random, sys, tempfile
from pathlib import Path
from game.core import engine
from game.core.loader import load
rounds, which = int(sys.argv[1]), sys.argv[2]
if which == "adrian":
    scenario = load("scenes/adrian.yaml").scenario
else:
    from game.bench.scenarios import synthetic_scenario
    path = Path(tempfile.mkdtemp()) / "s.yaml"
    path.write_text(synthetic_scenario(200))
    scenario = load(path).scenario
roads = []
for k in range(20):
    run, rng, moves = engine.start(scenario, "en"), random.Random(k), []
    while not run.ended:
        view = run.view()
        if view.choices:
            pick = rng.choice([c for c in view.choices if c.available]).id
            moves.append(pick)
            run.choose(pick)
        else:
            moves.append(None)
            run.advance()
    roads.append(moves)
steps = 0
for _ in range(rounds):
    for moves in roads:
        run = engine.start(scenario, "en")
        for move in moves:
            run.advance() if move is None else run.choose(move)
            steps += 1
print(steps, file=sys.stderr)
"""

BUILD = """
import sys, tempfile
from pathlib import Path
from game.bench.scenarios import synthetic_scenario
from game.core.loader import load
path = Path(tempfile.mkdtemp()) / "s.yaml"
path.write_text(synthetic_scenario(2000))
scenario = load(path).scenario
try:
    from game.core.gcpause import gc_paused
except ImportError:                      # before the layers moved it
    from game.core.yamlsource import gc_paused
try:
    from game.core.machines import Machines
    build = lambda: Machines(scenario)
except ImportError:                      # before the machines were built once per scenario
    from game.core import engine
    build = lambda: engine.start(scenario, "en")
for _ in range(int(sys.argv[1])):
    with gc_paused():
        build()
"""


def instructions(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """(instructions, stderr) of `command` run under callgrind."""
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                             *command], cwd=cwd, env=env, capture_output=True, text=True)
    found = re.search(r"refs:\s+([\d,]+)", result.stderr)
    if not found:
        raise SystemExit(f"callgrind gave no count for {command}: {result.stderr[-500:]}")
    return int(found.group(1).replace(",", "")), result.stderr


def per_unit(script: str, arg: str, cwd: Path, env: dict[str, str], rounds: int) -> float:
    """Instructions per unit of work: the run with `rounds` minus the run with none."""
    python = [sys.executable, "-c", script]
    subprocess.run([*python, "0", arg], cwd=cwd, env=env, capture_output=True)  # the bytecode
    base, _ = instructions([*python, "0", arg], cwd, env)
    full, err = instructions([*python, str(rounds), arg], cwd, env)
    if arg == "-":
        return (full - base) / rounds
    units = int(next(line for line in err.splitlines() if line.strip().isdigit()))
    return (full - base) / units


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    checkout = Path(argv[0]).resolve()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONHASHSEED="0", PYTHONPATH=str(checkout), SDL_VIDEODRIVER="dummy",
               SDL_AUDIODRIVER="dummy", BYSTANDER_BENCH_FIRST_FRAME="1")
    with tempfile.TemporaryDirectory(prefix="bystander-instructions-") as home:
        env["PYTHONPYCACHEPREFIX"] = f"{home}/pycache"
        print(f"{checkout}")
        print(f"  adrian, per step:            {per_unit(ROADS, 'adrian', checkout, env, 3):>14,.0f}")
        print(f"  synthetic, per choice:       {per_unit(ROADS, 'synthetic', checkout, env, 2):>14,.0f}")
        print(f"  build machines, 2,000 scenes: {per_unit(BUILD, '-', checkout, env, 2):>13,.0f}")
        play = [sys.executable, "-m", "game", "play"]
        warm_env = dict(env, BYSTANDER_CONFIG_DIR=f"{home}/c", BYSTANDER_DATA_DIR=f"{home}/d",
                        BYSTANDER_CACHE_DIR=f"{home}/k")
        subprocess.run(play, cwd=checkout, env=warm_env, capture_output=True)  # the cache
        warm, _ = instructions(play, checkout, warm_env)
        first, _ = instructions(play, checkout, dict(
            env, BYSTANDER_CONFIG_DIR=f"{home}/c2", BYSTANDER_DATA_DIR=f"{home}/d2",
            BYSTANDER_CACHE_DIR=f"{home}/k2"))
        print(f"  start to first title frame:  {warm:>14,}")
        print(f"  the same, first start ever:  {first:>14,}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
