"""The state of one play-through: ids and plain values only, so it saves to JSON and back.

Nothing here refers to a screen, a surface or a machine: the machines move a `RunState`, the engine
reads it, and a save file is `to_dict()` of it.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field
from typing import Any

SAVE_FORMAT = "bystander-run"
SAVE_VERSION = 1


class SaveError(ValueError):
    """A saved run that cannot be used: wrong format, newer version, or another scenario."""


@dataclass
class Step:
    """One point in the run's history: after the start, or after a choice or `next`."""

    scene: str
    """The scene the run is in after this step."""
    choice: str | None
    """The choice taken to get here; None for the start and for `next`."""
    stance: str | None
    """The stance of that choice."""
    role: str
    """The player's role after this step."""
    condition: str
    """The victim's condition after this step."""
    meters: dict[str, int]
    """The victim's meters after this step."""


@dataclass
class RunState:
    """Where a run is and how it got there."""

    scenario_id: str
    content_hash: str
    """SHA-256 of the scenario file played: a save is only resumed on the same text."""
    lang: str
    scene: str
    meters: dict[str, int]
    role: str
    condition: str = ""
    choices: list[str] = field(default_factory=list)
    """Every choice taken, in order; replaying them rebuilds the run."""
    history: list[Step] = field(default_factory=list)
    ending: str | None = None

    # The condition language reads these (see expr.Context).
    @property
    def visited(self) -> set[str]:
        return {step.scene for step in self.history} | {self.scene}

    @property
    def chosen(self) -> set[str]:
        return set(self.choices)

    @property
    def stances(self) -> set[str]:
        return {step.stance for step in self.history if step.stance}

    def snapshot(self) -> "RunState":
        """A deep copy, to put back if a step fails half-way."""
        return copy.deepcopy(self)

    def to_dict(self) -> dict[str, Any]:
        """The run as JSON-able plain data, with its format and version."""
        data = asdict(self)
        return {"format": SAVE_FORMAT, "version": SAVE_VERSION, **data}

    @classmethod
    def from_dict(cls, data: Any) -> "RunState":
        """A run from `to_dict()` output; SaveError when it is not one."""
        if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
            raise SaveError("this is not a saved Bystander run")
        version = data.get("version")
        if not isinstance(version, int) or version > SAVE_VERSION:
            raise SaveError(f"the save has version {version!r}; this game reads up to "
                            f"{SAVE_VERSION}: update the game")
        try:
            history = [Step(**step) for step in data["history"]]
            state = cls(scenario_id=str(data["scenario_id"]),
                        content_hash=str(data["content_hash"]), lang=str(data["lang"]),
                        scene=str(data["scene"]), meters=dict(data["meters"]),
                        role=str(data["role"]), condition=str(data["condition"]),
                        choices=[str(c) for c in data["choices"]], history=history,
                        ending=data.get("ending"))
        except (KeyError, TypeError, ValueError) as exc:
            raise SaveError(f"the save is damaged: {exc}") from exc
        if not all(isinstance(v, int) for v in state.meters.values()):
            raise SaveError("the save is damaged: meters must be whole numbers")
        return state
