"""Scenarios: loading and checking generated scenarios of growing size, building the three state
machines, and taking a choice; and how each grows when the scenario gets ten times bigger
(10x is linear)."""

from __future__ import annotations

import math
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from .common import Bench, Figure, measure

SECTION = "scenarios"
LOAD_TARGET_MS = {10_000: 3000.0}
"""Load + check of a 10,000-scene scenario in under 3 s on a machine like ours."""

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _text(s: str) -> dict[str, str]:
    return {"nl": f"{s} (nl)", "en": s}


def _scene(i: int, last: int) -> dict:
    scene: dict = {"place": "hallway", "cast": {"v": "neutral", "b": "angry"},
                   "beats": [{"text": _text(f"Scene {i} begins.")},
                             {"who": "b", "text": _text("Hey, you!")}]}
    if i >= last - 2:
        scene["ending"] = ["good", "mixed", "bad"][last - i]
    else:
        targets = [i + 1, min(i + 2, last)]
        scene["step"] = "act"
        scene["choices"] = [
            {"id": f"c{i}_{k}", "text": _text("I do something."),
             "stance": ["outsider", "support", "report"][k], "goto": f"s{t}",
             "effects": {"wellbeing": 5 - 5 * k, "isolation": 3},
             "consequence": _text("Something happens."), "discuss": [_text("Why?")],
             **({"when": "wellbeing > 10 or visited(s0)", "unavailable": _text("Not now.")}
                if k == 1 else {})}
            for k, t in enumerate(targets)]
    return scene


def synthetic_document(scenes: int) -> dict:
    """A valid scenario of `scenes` scenes as plain data: decision points leading forward, one
    choice of each with a condition, the last three scenes endings."""
    last = scenes - 1
    return {
        "id": f"synthetic_{scenes}", "title": _text("Synthetic"),
        "summary": _text("For the bench."),
        "audience": {"min_age": 12, "max_age": 16}, "minutes": 10, "languages": ["nl", "en"],
        "victim": "v",
        "cast": {"v": {"name": "V", "role": "victim"}, "b": {"name": "B", "role": "bully"}},
        "meters": {"wellbeing": {"label": _text("Wellbeing"), "start": 50},
                   "isolation": {"label": _text("Isolation"), "start": 50, "good": "low"}},
        "conditions": [{"id": "hurt", "label": _text("hurt"), "expression": "hurt",
                        "when": "wellbeing < 30"},
                       {"id": "coping", "label": _text("coping"), "expression": "neutral"}],
        "start": "s0", "scenes": {f"s{i}": _scene(i, last) for i in range(scenes)},
        "endings": {k: {"title": _text(k), "text": _text(k), "outcome": k}
                    for k in ("good", "mixed", "bad")},
        "help": [_text("Talk to someone you trust.")],
    }


def _dump(doc: dict) -> str:
    return yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def synthetic_scenario(scenes: int) -> str:
    """`synthetic_document(scenes)` as YAML text.

    Dumping 10,000 scenes through PyYAML's representer takes a minute, so every decision scene
    is dumped once with placeholders and copied; the text is the same as dumping the document
    (a test holds it to that).
    """
    last = scenes - 1
    marker = "zzscenes_go_herezz"
    head = synthetic_document(min(scenes, 3))
    head.update(id=f"synthetic_{scenes}", scenes={marker: 0})
    text = _dump(head)
    # One decision scene with a marker index; the ids and targets are the only parts that vary.
    probe = 7_777_777
    block = _dump({"scenes": {f"s{probe}": _scene(probe, probe + 10)}}).split("\n", 1)[1]
    parts = []
    for i in range(scenes):
        if i >= last - 2:
            parts.append(_dump({"scenes": {f"s{i}": _scene(i, last)}}).split("\n", 1)[1])
        else:
            parts.append(block.replace(f"{probe + 2}", str(i + 2))
                         .replace(f"{probe + 1}", str(i + 1)).replace(str(probe), str(i)))
    return text.replace(f"  {marker}: 0\n", "".join(parts))


def engine_figures(bench: Bench | None = None, sizes: tuple[int, ...] = (100, 1000, 10_000),
                   runs: int = 5) -> list[Figure]:
    """Load + check, machine build and choose() figures, then the growth per 10x."""
    from ..core import engine
    from ..core.loader import load
    from ..core.machines import Machines

    bench = bench or Bench(plan=None)  # type: ignore[arg-type]
    start_count = len(bench.figures)
    by_size: dict[int, tuple[Figure, Figure]] = {}
    scenario = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"synthetic_{size}.yaml"
            path.write_text(synthetic_scenario(size), encoding="utf-8")
            loaded = load(path)  # also the warm-up
            assert loaded.ok, [str(i) for i in loaded.issues[:3]]
            scenario = loaded.scenario
            # Ten seconds a run at 10,000 scenes; at 100 a run is over in 25 ms, too short for
            # five of them to tell a few percent from the machine's noise.
            size_runs = min(runs, 3) if size >= 10_000 else runs * max(1, min(5, 1000 // size))
            load_fig = bench.add(measure(
                f"load + check, {size:,} scenes", "ms", lambda: load(path) and None, size_runs,
                warmup=0, section=SECTION, key=f"load_{size}", target=LOAD_TARGET_MS.get(size)))

            def build() -> None:
                # The three machines (story, role, victim condition), built once per scenario,
                # when its first run starts, as machines_for does it.
                Machines(scenario)

            build_fig = bench.add(measure(f"build machines, {size:,} scenes", "ms", build,
                                          size_runs, section=SECTION, key=f"build_{size}"))
            by_size[size] = (load_fig, build_fig)
            bench.add(measure(f"start a run, {size:,} scenes (machines built)", "ms",
                              lambda: engine.start(scenario, "en") and None, size_runs,
                              section=SECTION, key=f"start_{size}"))

        def choose_many() -> float:
            run = engine.start(scenario, "en")
            times = []
            while not run.ended:
                choice = next(c for c in run.view().choices if c.available)
                start = time.perf_counter()
                run.choose(choice.id)
                times.append((time.perf_counter() - start) * 1000)
            return statistics.median(times)

        bench.add(measure(f"choose(), median over a play-through of {sizes[-1]:,} scenes",
                          "ms", choose_many, min(runs, 3), section=SECTION, key="choose"))
    for small, big in zip(sizes, sizes[1:]):
        steps = _log10(big / small)
        for index, what in ((0, "load + check"), (1, "build machines")):
            a, b = by_size[small][index], by_size[big][index]
            growth = [(b.median / a.median) ** (1 / steps), (b.low / a.high) ** (1 / steps),
                      (b.high / a.low) ** (1 / steps)]
            bench.add(Figure(SECTION, f"{what}: growth per 10x scenes, {small:,} -> {big:,}",
                             "x", growth[0], growth[1], growth[2], runs,
                             key=f"growth_{'load' if index == 0 else 'build'}_{big}"))
    return bench.figures[start_count:]


def _log10(x: float) -> float:
    return max(1e-9, math.log10(x))
