"""The three state machines, built with `transitions`. The only module that imports it.

1. The story machine: states are scene ids, triggers are choices (`choose_0`..`choose_3`, shared by
   every scene) and `next`. A choice has one transition for each road of its `goto`, in order,
   guarded by the choice's own `when` (asked of the road so far: can the player take it?) and the
   road's `when` (asked of the road as the choice leaves it: its effects on the meters made, its
   stance counted, the role it gives). transitions takes the first whose guards hold. Taking it
   applies the choice's effects to the victim's meters.
2. The role machine: the player's participant role, moved by the weight of the road, not by the
   last stance alone (see `ROLE_RULES`).
3. The condition machine: the victim's condition, moved when the meters (or the road) meet the
   scenario's rules.

Each machine is built once per scenario (`machines_for`), with no model. A run attaches models of
its own (`Machines.attach`): small objects whose `scene`, `role` and `condition` are properties over
the run's `RunState`, so what a machine reads and writes is the run's own state, one source of truth
with nothing to keep in step. The guards get transitions' event data (`send_event`) and read the
run's state through it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from transitions import Machine

from . import expr, vocab
from .model import Choice, Scenario
from .state import RunState

log = logging.getLogger(__name__)

# transitions logs every trigger at INFO; the story's own log says what matters.
logging.getLogger("transitions").setLevel(logging.WARNING)


CHOICE_PREFIX = "choose_"


def choice_trigger(index: int) -> str:
    """The trigger that takes the choice at `index` of the current scene."""
    return f"{CHOICE_PREFIX}{index}"


NEXT_TRIGGER = "next"
STEP_IN, STAND_BY = "step_in", "stand_by"
"""The role machine's triggers: a choice that acts, and one that does not."""


def role_trigger(stance: str) -> str:
    return STEP_IN if stance in vocab.ACTIVE_STANCES else STAND_BY


class _Part:
    """A model for one machine: a view of a run's state. `scene`, `role` and `condition` read and
    write the state's own fields. Each machine gets a part of its own, since transitions binds
    `trigger` and `may_trigger` on every model it moves."""

    def __init__(self, run: RunState):
        self.run = run

    scene = property(lambda self: self.run.scene,
                     lambda self, value: setattr(self.run, "scene", value))
    role = property(lambda self: self.run.role,
                    lambda self, value: setattr(self.run, "role", value))
    condition = property(lambda self: self.run.condition,
                         lambda self, value: setattr(self.run, "condition", value))
    trigger: Any  # bound by transitions: trigger(name) fires the named trigger
    may_trigger: Any


class RunModels(NamedTuple):
    """The three models of one run, one per machine, named as the machines are: `story` moves
    the scene, `role` the player's role, `condition` the victim's condition."""

    story: _Part
    role: _Part
    condition: _Part


# --- the role: guards over the road ---------------------------------------------------------------

class RoadSoFar(NamedTuple):
    """What the role's guards read of the road, the latest choice included: little enough to
    make in constant time however long the road is."""

    recent: tuple[str, ...]
    """The stances of the last `vocab.RECENT` choices, the latest last."""
    ever_passive: bool
    """Whether any choice on the road stood by."""

    @classmethod
    def of(cls, stances: Sequence[str]) -> "RoadSoFar":
        """From every stance of the road (tests; the engine keeps the counts as it goes)."""
        return cls(tuple(stances[-vocab.RECENT:]),
                   any(s in vocab.PASSIVE_STANCES for s in stances))

    @classmethod
    def after(cls, run: RunState, stance: str) -> "RoadSoFar":
        """The run's road with one more choice of `stance` on it."""
        recent, ever_passive = run.recent_and_ever_passive()
        return cls((*recent[len(recent) - vocab.RECENT + 1:], stance),
                   ever_passive or stance in vocab.PASSIVE_STANCES)


def never_passive(road: RoadSoFar) -> bool:
    """Every choice so far acted: a player who steps in from the start is a defender at once."""
    return not road.ever_passive


def acts_often(road: RoadSoFar) -> bool:
    """At least two of the recent choices acted."""
    return sum(1 for stance in road.recent if stance in vocab.ACTIVE_STANCES) >= 2


def heaviest_passive(road: RoadSoFar) -> str | None:
    """The passive stance that weighs most among the recent choices: the most frequent, and of
    those the latest. None when none of them was passive."""
    recent = [s for s in road.recent if s in vocab.PASSIVE_STANCES]
    best, most = None, 0
    for stance in reversed(recent):  # the latest first: an equal count does not replace it
        count = recent.count(stance)
        if count > most:
            best, most = stance, count
    return best


RoadGuard = Callable[[RoadSoFar], bool]


def _weighs_most(stance: str) -> RoadGuard:
    guard = lambda road: heaviest_passive(road) == stance  # noqa: E731
    guard.__name__ = f"{stance}_weighs_most"
    return guard


ROLE_RULES: tuple[tuple[str, str | list[str], str, RoadGuard | None], ...] = (
    # (trigger, from, to, guard): the first rule whose guard holds is taken.
    (STEP_IN, "*", "defender", never_passive),
    (STEP_IN, "*", "defender", acts_often),
    (STEP_IN, "*", "stepping_in", None),
    (STAND_BY, ["defender"], "wavering", None),
    (STAND_BY, "*", "outsider", _weighs_most("outsider")),
    (STAND_BY, "*", "reinforcer", _weighs_most("reinforcer")),
    (STAND_BY, "*", "assistant", _weighs_most("assistant")),
)
"""The participant role, from the road (the stances taken, the latest one included):
- acting from the start makes a defender; so does acting in two of the last three choices;
  acting once after standing by is "starting to step in" (a budding defender);
- a defender who stands by once is "wavering"; standing by again, they fall to a passive role;
- otherwise standing by gives the passive role that weighs most among the last three choices (the
  most frequent passive stance there, the latest of equals): three times joining in and then one
  silence is still an assistant.
scenes/README.md says the same for authors; tests/core/test_roles.py holds it as transcripts."""


# --- what a choice would leave --------------------------------------------------------------------

class RoadAfter:
    """The run as a choice would leave it, for the conditions of its roads: its effects on the
    meters made, its id and stance on the road, the role it gives. Read-only, made on demand."""

    def __init__(self, run: RunState, meters: dict[str, int], choice: Choice, role: str):
        self.meters = meters
        self.visited = run.visited
        self.chosen = run.chosen | {choice.id}
        self.road = [*run.road, choice.stance]
        self.counts = {**run.counts, choice.stance: run.counts.get(choice.stance, 0) + 1}
        self.role = role


class Machines:
    """The story, role and condition machines of one scenario, and its parsed conditions."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.conditions = compile_conditions(scenario)
        self._guards: dict[tuple[str, str], Callable[[Any], bool]] = {}
        self.story = _machine(list(scenario.scenes), scenario.start, "scene")
        self.role = _machine(list(vocab.ROLES), vocab.START_ROLE, "role")
        ids = [rule.id for rule in scenario.conditions]
        self.condition = _machine(ids, ids[-1], "condition")
        self._add_story()
        self._add_roles()
        for rule in scenario.conditions:
            guards = [self._guard(rule.when)] if rule.when else []
            self.condition.add_transition("reassess", "*", rule.id, conditions=guards)
        self.condition_follows_meters_only = all(
            expr.reads_only_meters(self.conditions[rule.when])
            for rule in scenario.conditions if rule.when)
        """Whether the victim's condition rules read only the meters: then a choice that leaves
        the meters as they were leaves the condition too, and the machine need not be asked."""
        # One model that no run owns, to ask the role machine what a road would make of a player
        # (`role_after`) without moving anybody's role.
        self._probe = _Part(RunState("", "", "", "", {}, vocab.START_ROLE))
        self.role.add_model(self._probe, initial=vocab.START_ROLE)

    # --- building ----------------------------------------------------------------------------

    def _add_story(self) -> None:
        # Guards and the effects callback are shared, not made per choice: a guard per condition
        # text, one callback for every choice's effects. A 10,000-scene story then makes a third
        # fewer objects, which is what building it, and later collecting it, costs.
        apply_effects = self._apply_effects
        for scene in self.scenario.scenes.values():
            for index, choice in enumerate(scene.choices):
                available = [self._guard(choice.when)] if choice.when else []
                for route in choice.routes:
                    guards = available + ([self._road_guard(route.when)] if route.when else [])
                    self.story.add_transition(choice_trigger(index), scene.id, route.to,
                                              conditions=guards, before=apply_effects)
            for route in scene.next_routes:
                guards = [self._guard(route.when)] if route.when else []
                self.story.add_transition(NEXT_TRIGGER, scene.id, route.to, conditions=guards)

    def _add_roles(self) -> None:
        for trigger, source, dest, guard in ROLE_RULES:
            conditions = [lambda event, g=guard: g(event.kwargs["road"])] if guard else []
            self.role.add_transition(trigger, source, dest, conditions=conditions)

    def _guard(self, when: str) -> Callable[[Any], bool]:
        """The guard asking `when` of the run's state as it is (one per condition text)."""
        key = ("now", when)
        guard = self._guards.get(key)
        if guard is None:
            node = self.conditions[when]
            guard = self._guards[key] = lambda event: expr.evaluate(node, event.model.run)
        return guard

    def _road_guard(self, when: str) -> Callable[[Any], bool]:
        """The guard asking a road's `when` of the run as the transition's choice would leave it
        (one per condition text)."""
        key = ("after", when)
        guard = self._guards.get(key)
        if guard is None:
            node = self.conditions[when]
            guard = self._guards[key] = lambda event: expr.evaluate(
                node, self.after(event.model.run, self._choice_of(event)))
        return guard

    def _choice_of(self, event: Any) -> Choice:
        """The choice a story transition takes: its trigger names the index in its scene."""
        index = int(event.event.name[len(CHOICE_PREFIX):])
        return self.scenario.scenes[event.transition.source].choices[index]

    def _apply_effects(self, event: Any) -> None:
        """Make the effects of the choice a transition takes on the run's meters."""
        event.model.run.meters = self.meters_after(event.model.run.meters, self._choice_of(event))

    # --- asking --------------------------------------------------------------------------------

    def meters_after(self, meters: dict[str, int], choice: Choice) -> dict[str, int]:
        """The meters once a choice's effects are made, each kept within its bounds."""
        out = dict(meters)
        for meter_id, amount in choice.effects.items():
            meter = self.scenario.meters[meter_id]
            out[meter_id] = max(meter.min, min(meter.max, out[meter_id] + amount))
        return out

    def role_after(self, role: str, road: RoadSoFar) -> str:
        """The role a player in `role` has once the road's latest choice is counted."""
        self._probe.run.role = role
        self._probe.trigger(role_trigger(road.recent[-1]), road=road)
        return self._probe.run.role

    def after(self, run: RunState, choice: Choice) -> RoadAfter:
        return RoadAfter(run, self.meters_after(run.meters, choice), choice,
                         self.role_after(run.role, RoadSoFar.after(run, choice.stance)))

    def holds(self, when: str | None, run: Any) -> bool:
        """Whether a condition holds for the run (or a `RoadAfter`) right now."""
        return when is None or expr.evaluate(self.conditions[when], run)

    # --- runs ----------------------------------------------------------------------------------

    def attach(self, run: RunState) -> RunModels:
        """The models of a run, added to the machines in the states its state says."""
        models = RunModels(_Part(run), _Part(run), _Part(run))
        self.story.add_model(models.story, initial=run.scene)
        self.role.add_model(models.role, initial=run.role)
        ids = [rule.id for rule in self.scenario.conditions]
        self.condition.add_model(models.condition, initial=run.condition or ids[-1])
        return models

    def detach(self, models: RunModels) -> None:
        """Let the machines forget a run's models (the run is gone)."""
        for machine, model in zip((self.story, self.role, self.condition), models):
            try:
                machine.remove_model(model)
            except ValueError:
                pass


def _machine(states: list[str], initial: str, attribute: str) -> Machine:
    return Machine(model=None, states=states, initial=initial, auto_transitions=False,
                   ignore_invalid_triggers=False, queued=False, send_event=True,
                   model_attribute=attribute)


def compile_conditions(scenario: Scenario) -> dict[str, expr.Node]:
    """Parsed condition of every choice, road, beat and rule that has one, by `when` text."""
    texts = [c.when for s in scenario.scenes.values() for c in s.choices if c.when]
    texts += [r.when for s in scenario.scenes.values() for c in s.choices for r in c.routes
              if r.when]
    texts += [r.when for s in scenario.scenes.values() for r in s.next_routes if r.when]
    texts += [r.when for r in scenario.conditions if r.when]
    texts += [b.when for s in scenario.scenes.values() for b in s.beats if b.when]
    return {text: expr.parse(text) for text in dict.fromkeys(texts)}


def machines_for(scenario: Scenario) -> Machines:
    """The machines of a scenario, built on first use in each thread and kept with it: every run
    of the scenario in that thread shares them. One set per thread, because a set is not safe to
    share between threads: a run's models are added to it and taken from it, and `role_after`
    moves its probe. The game plays in one thread, and a class session works out its lesson plan
    (every road of the story) in another (classroom/background_plan.py)."""
    per_thread = scenario.__dict__.get("_machines")
    if per_thread is None:
        per_thread = scenario.__dict__.setdefault("_machines", threading.local())
    found = getattr(per_thread, "machines", None)
    if found is None:
        # Not with the collector paused, as loading is: the heap is large by now, so the collector
        # rarely runs in full, while a pause leaves every new object to one long pass afterwards.
        found = Machines(scenario)
        per_thread.machines = found
    return found
