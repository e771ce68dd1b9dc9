"""The state of one play-through: ids and plain values only, so it saves to JSON and back.

Nothing here refers to a screen, a surface or a machine: the machines move a `RunState`, the engine
reads it, and a save file is `to_dict()` of it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from . import shapes
from .vocab import PASSIVE_STANCES, RECENT

SAVE_FORMAT = "bystander-run"
SAVE_VERSION = 2
"""2: the role follows the weight of the road (stepping_in, wavering). A version 1 save is
resumed by replaying its choices, its roles worked out again (see `engine.load_run`)."""


class SaveError(ValueError):
    """A saved run that cannot be used: wrong format, newer version, or another scenario."""


RUN_SCHEMA: dict[str, Any] = shapes.closed({
    "format": {"const": SAVE_FORMAT},
    "version": {"type": "integer", "minimum": 1, "maximum": SAVE_VERSION},
    "scenario_id": shapes.ID,
    "content_hash": shapes.HASH,
    "lang": shapes.LANG,
    "scene": shapes.ID,
    "meters": shapes.METERS,
    "role": shapes.ROLE,
    "condition": shapes.ID,
    "choices": {"type": "array", "maxItems": 10_000, "items": shapes.ID},
    "history": {"type": "array", "minItems": 1, "maxItems": 100_000, "items": shapes.closed({
        "scene": shapes.ID,
        "choice": shapes.ID_OR_NULL,
        "stance": shapes.STANCE_OR_NULL,
        "role": shapes.ROLE,
        "condition": shapes.ID,
        "meters": shapes.METERS,
    })},
    "ending": shapes.ID_OR_NULL,
})
"""The engine's `Run.save()` of one road (format `bystander-run`): ids and numbers only."""


@dataclass
class HistoryEntry:
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
    history: list[HistoryEntry] = field(default_factory=list)
    ending: str | None = None

    # The condition language reads these (see expr.Context). They are derived from the history
    # and kept up to date as it grows, so every step of a long run costs the same.
    @property
    def visited(self) -> set[str]:
        return self._derived().visited

    @property
    def chosen(self) -> set[str]:
        return self._derived().chosen

    @property
    def stances(self) -> set[str]:
        return self._derived().stances

    @property
    def counts(self) -> dict[str, int]:
        """How many choices of each stance the road holds."""
        return self._derived().counts

    @property
    def road(self) -> list[str]:
        """The stance of every choice taken, in order: what the role and `count()` read."""
        return self._derived().road

    def recent_and_ever_passive(self) -> tuple[tuple[str, ...], bool]:
        """The stances of the last `vocab.RECENT` choices, and whether any choice stood by:
        what the role's guards read at every choice, kept as the road grows."""
        derived = self._derived()
        return derived.recent, derived.ever_passive

    def _derived(self) -> "_Derived":
        cache: _Derived | None = self.__dict__.get("_derived_cache")
        if cache is None or not cache.extends(self):
            cache = _Derived(self)
            self.__dict__["_derived_cache"] = cache
        cache.catch_up(self)
        return cache

    def forget_derived(self) -> None:
        """Drop the derived sets; call after replacing or shortening the history."""
        self.__dict__.pop("_derived_cache", None)

    def mark(self) -> tuple:
        """A cheap bookmark to `rewind` to if a step fails half-way: steps are only ever
        appended, so the lengths of the lists are enough to undo them."""
        return (self.scene, dict(self.meters), self.role, self.condition, self.ending, self.lang,
                len(self.choices), len(self.history))

    def rewind(self, mark: tuple) -> None:
        """Back to a `mark()`."""
        (self.scene, meters, self.role, self.condition, self.ending, self.lang, n_choices,
         n_history) = mark
        self.meters = meters
        del self.choices[n_choices:]
        del self.history[n_history:]
        self.forget_derived()

    def step_back(self) -> None:
        """Forget the last step: the run is where the step before left it. (That step cannot
        have ended the story, so the run has no ending.)"""
        last = self.history.pop()
        if last.choice is not None:
            self.choices.pop()
        before = self.history[-1]
        self.scene, self.role, self.condition = before.scene, before.role, before.condition
        self.meters = dict(before.meters)
        self.ending = None
        self.forget_derived()

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
        problem = shapes.schema_problem(data, RUN_SCHEMA, "save")
        if problem:
            raise SaveError(f"the save is damaged: {problem}")
        return cls(scenario_id=data["scenario_id"], content_hash=data["content_hash"],
                   lang=data["lang"], scene=data["scene"], meters=dict(data["meters"]),
                   role=data["role"], condition=data["condition"],
                   choices=list(data["choices"]),
                   history=[HistoryEntry(**{**step, "meters": dict(step["meters"])})
                            for step in data["history"]],
                   ending=data["ending"])


class _Derived:
    """The sets the condition language asks about, grown step by step with the history."""

    def __init__(self, state: RunState):
        self.history_id, self.choices_id = id(state.history), id(state.choices)
        self.n_history = self.n_choices = 0
        self.visited: set[str] = set()
        self.chosen: set[str] = set()
        self.stances: set[str] = set()
        self.road: list[str] = []
        self.counts: dict[str, int] = {}
        self.recent: tuple[str, ...] = ()
        self.ever_passive = False

    def extends(self, state: RunState) -> bool:
        """Whether the state's lists are the ones seen before, only longer."""
        return (self.history_id == id(state.history) and self.choices_id == id(state.choices)
                and self.n_history <= len(state.history)
                and self.n_choices <= len(state.choices))

    def catch_up(self, state: RunState) -> None:
        if self.n_history == len(state.history) and self.n_choices == len(state.choices):
            self.visited.add(state.scene)  # asked at every guard: the common case, made short
            return
        for step in state.history[self.n_history:]:
            self.visited.add(step.scene)
            if step.stance:
                self.stances.add(step.stance)
                self.road.append(step.stance)
                self.counts[step.stance] = self.counts.get(step.stance, 0) + 1
                self.recent = (*self.recent[len(self.recent) - RECENT + 1:], step.stance)
                self.ever_passive = self.ever_passive or step.stance in PASSIVE_STANCES
        self.chosen.update(state.choices[self.n_choices:])
        self.n_history, self.n_choices = len(state.history), len(state.choices)
        self.visited.add(state.scene)
