"""The story the screen measurements play: adrian, along a fixed road to an ending."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import paths

STORY = "adrian"


@dataclass(frozen=True)
class Road:
    path: Path
    moves: tuple[str, ...]
    """The first available choice at every decision, up to an ending."""
    fade_move: str
    """A first choice whose consequence changes the light (the heavier animation), else the
    first available one."""


def road(path: Path | None = None) -> Road:
    from ..core import engine
    from ..core.loader import load

    path = path or paths.SCENES_DIR / f"{STORY}.yaml"
    loaded = load(path)
    if not loaded.ok:
        raise ValueError(f"{path} does not load: {[str(i) for i in loaded.issues[:3]]}")
    run = engine.start(loaded.scenario, "en")
    moves: list[str] = []
    fade = None
    while not run.ended:
        view = run.view()
        if view.choices:
            available = [c for c in view.choices if c.available]
            if not moves:
                for c in available:
                    outcome = run.choose(c.id)
                    if outcome.condition_before.light != outcome.condition_after.light:
                        fade = c.id
                    run.back()
                    if fade:
                        break
            moves.append(available[0].id)
            run.choose(available[0].id)
        elif view.can_advance:
            run.advance()
        else:
            break
    if not moves:
        raise ValueError(f"{path} has no decisions to measure")
    return Road(path, tuple(moves), fade or moves[0])
