"""Random walks over every scenario that ships: hundreds of play-throughs, no error, full coverage.

Like ink's autoPlay and ChoiceScript's randomtest. Walks also go back a step now and then and go
through a save and a load, as players and crashed laptops do.
"""

from __future__ import annotations

import json
import random

import pytest

from testpaths import ALL_SCENARIOS
from game.core import engine
from game.core.loader import load

WALKS = 300
MAX_STEPS = 400


def walk(scenario, rng: random.Random, content_hash: str,
         taken: dict[str, int]) -> tuple[list[str], str | None]:
    """One play-through. Half the time it takes the choice taken least often so far, so rare
    roads deep in a story are walked without depending on a lucky seed."""
    run = engine.start(scenario, rng.choice(scenario.languages), content_hash)
    for _ in range(MAX_STEPS):
        view = run.view()
        assert view.meters and all(m.min <= m.value <= m.max for m in view.meters)
        if view.ending is not None:
            assert view.ending.help, "every ending says where to get help"
            return list(run.summary().path), view.ending.id
        roll = rng.random()
        if roll < 0.05:
            run.back()
            continue
        if roll < 0.15:
            run = engine.load_run(scenario, json.loads(json.dumps(run.save())), content_hash)
        if roll < 0.2:
            run.lang = rng.choice(scenario.languages)
        if view.can_advance:
            run.advance()
            continue
        available = [c for c in view.choices if c.available]
        assert available, f"stuck in scene {view.scene_id}: no choice is available"
        if rng.random() < 0.5:
            pick = min(available, key=lambda c: (taken.get(c.id, 0), rng.random()))
        else:
            pick = rng.choice(available)
        taken[pick.id] = taken.get(pick.id, 0) + 1
        outcome = run.choose(pick.id)
        assert outcome.consequence
    raise AssertionError(f"no ending after {MAX_STEPS} steps")


@pytest.mark.parametrize("path", ALL_SCENARIOS, ids=[p.stem for p in ALL_SCENARIOS])
def test_random_walks_reach_every_scene_and_ending(path):
    loaded = load(path)
    assert loaded.ok, [str(i) for i in loaded.issues]
    scenario = loaded.scenario
    rng = random.Random(f"walks:{path.name}")
    scenes: set[str] = set()
    endings: set[str] = set()
    taken: dict[str, int] = {}
    for _ in range(WALKS):
        path_taken, ending = walk(scenario, rng, loaded.content_hash, taken)
        scenes.update(path_taken)
        endings.add(ending)
    assert scenes == set(scenario.scenes), f"never visited: {set(scenario.scenes) - scenes}"
    assert endings == set(scenario.endings), f"never reached: {set(scenario.endings) - endings}"
    every_choice = {c.id for s in scenario.scenes.values() for c in s.choices}
    assert set(taken) == every_choice, f"never taken: {every_choice - set(taken)}"
