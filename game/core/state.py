"""The state of one play-through: ids and plain values only, so it saves to JSON and back.

Nothing here refers to a screen, a surface or a machine: the machines move a `RunState`, the engine
reads it, and a save file is `to_dict()` of it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
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

    # The condition language reads these three sets (see expr.Context). They are derived from
    # the history, and rebuilt only when it has grown, so a long run stays linear.
    @property
    def visited(self) -> set[str]:
        return self._derived()[0]

    @property
    def chosen(self) -> set[str]:
        return self._derived()[1]

    @property
    def stances(self) -> set[str]:
        return self._derived()[2]

    def _derived(self) -> tuple[set[str], set[str], set[str]]:
        key = (id(self.history), len(self.history), id(self.choices), len(self.choices),
               self.scene)
        cached = self.__dict__.get("_derived_cache")
        if cached is None or cached[0] != key:
            sets = ({step.scene for step in self.history} | {self.scene}, set(self.choices),
                    {step.stance for step in self.history if step.stance})
            cached = (key, sets)
            self.__dict__["_derived_cache"] = cached
        return cached[1]

    def forget_derived(self) -> None:
        """Drop the derived sets; call after replacing the history wholesale."""
        self.__dict__.pop("_derived_cache", None)

    def snapshot(self) -> "RunState":
        """A copy to put back if a step fails half-way. Steps are never changed once taken, so
        the lists are copied but not the steps in them."""
        return replace(self, meters=dict(self.meters), choices=list(self.choices),
                       history=list(self.history))

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
