"""`bystander bench`: speed measured on the user's own machine, with several runs after a warm-up.

This part measures the engine: loading and checking generated scenarios of growing size, building
the three state machines, and taking a choice. Each figure is the median of several runs, with the
minimum and maximum beside it.
"""

from __future__ import annotations

import gc
import json
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import yaml


@dataclass
class Figure:
    name: str
    unit: str
    median: float
    low: float
    high: float
    runs: int


def synthetic_scenario(scenes: int) -> str:
    """A valid scenario of `scenes` scenes: decision points leading forward, some with conditions."""
    text = lambda s: {"nl": f"{s} (nl)", "en": s}  # noqa: E731
    body: dict[str, dict] = {}
    last = scenes - 1
    for i in range(scenes):
        scene: dict = {"place": "hallway", "cast": {"v": "neutral", "b": "angry"},
                       "beats": [{"text": text(f"Scene {i} begins.")},
                                 {"who": "b", "text": text("Hey, you!")}]}
        if i >= last - 2:
            scene["ending"] = ["good", "mixed", "bad"][last - i]
        else:
            targets = [i + 1, min(i + 2, last)]
            scene["step"] = "act"
            scene["choices"] = [
                {"id": f"c{i}_{k}", "text": text("I do something."),
                 "stance": ["outsider", "support", "report"][k], "goto": f"s{t}",
                 "effects": {"wellbeing": 5 - 5 * k, "isolation": 3},
                 "consequence": text("Something happens."), "discuss": [text("Why?")],
                 **({"when": "wellbeing > 10 or visited(s0)", "unavailable": text("Not now.")}
                    if k == 1 else {})}
                for k, t in enumerate(targets)]
        body[f"s{i}"] = scene
    doc = {
        "id": f"synthetic_{scenes}", "title": text("Synthetic"), "summary": text("For the bench."),
        "audience": {"min_age": 12, "max_age": 16}, "minutes": 10, "languages": ["nl", "en"],
        "victim": "v",
        "cast": {"v": {"name": "V", "role": "victim"}, "b": {"name": "B", "role": "bully"}},
        "meters": {"wellbeing": {"label": text("Wellbeing"), "start": 50},
                   "isolation": {"label": text("Isolation"), "start": 50, "good": "low"}},
        "conditions": [{"id": "hurt", "label": text("hurt"), "expression": "hurt",
                        "when": "wellbeing < 30"},
                       {"id": "coping", "label": text("coping"), "expression": "neutral"}],
        "start": "s0", "scenes": body,
        "endings": {k: {"title": text(k), "text": text(k), "outcome": k}
                    for k in ("good", "mixed", "bad")},
        "help": [text("Talk to someone you trust.")],
    }
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)


def measure(name: str, unit: str, action: Callable[[], float | None], runs: int,
            warmup: int = 1) -> Figure:
    """Median, min and max of `runs` timings after `warmup` runs. `action` may time itself."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        own = action()
        samples.append(own if own is not None else (time.perf_counter() - start) * 1000)
    return Figure(name, unit, statistics.median(samples), min(samples), max(samples), runs)


def engine_figures(quick: bool = False) -> list[Figure]:
    from .core import engine
    from .core.loader import load
    from .core.machines import ConditionMachine, RoleMachine, StoryMachine, compile_conditions

    sizes = (100, 1000) if quick else (100, 1000, 10_000)
    runs = 3 if quick else 5
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"synthetic_{size}.yaml"
            path.write_text(synthetic_scenario(size), encoding="utf-8")
            loaded = load(path)
            assert loaded.ok, loaded.issues[:3]
            scenario = loaded.scenario
            figures.append(measure(f"load + check, {size} scenes", "ms",
                                   lambda: load(path) and None, runs))

            def build() -> None:
                run = engine.start(scenario, "en")
                conditions = compile_conditions(scenario)
                StoryMachine(scenario, run.state, conditions)
                RoleMachine(run.state)
                ConditionMachine(scenario, run.state, conditions)

            figures.append(measure(f"build machines, {size} scenes", "ms", build, runs))

        def choose_many() -> float:
            run = engine.start(scenario, "en")
            times = []
            while not run.ended:
                choice = next(c for c in run.view().choices if c.available)
                start = time.perf_counter()
                run.choose(choice.id)
                times.append((time.perf_counter() - start) * 1000)
            return statistics.median(times)

        figures.append(measure(f"choose(), median over a play-through of {sizes[-1]} scenes",
                               "ms", choose_many, runs))
    return figures


def report(figures: list[Figure]) -> str:
    width = max(len(f.name) for f in figures)
    lines = [f"{'measure':<{width}}  {'median':>10}  {'min':>10}  {'max':>10}"]
    for f in figures:
        lines.append(f"{f.name:<{width}}  {f.median:>8.3f}{f.unit:>2}  {f.low:>8.3f}{f.unit:>2}"
                     f"  {f.high:>8.3f}{f.unit:>2}")
    return "\n".join(lines)


def run_bench(quick: bool, as_json: bool) -> str:
    figures = engine_figures(quick)
    if as_json:
        return json.dumps([asdict(f) for f in figures], indent=2)
    return report(figures)
