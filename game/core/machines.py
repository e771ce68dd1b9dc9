"""The three state machines, built with `transitions`. The only module that imports it.

1. The story machine: states are scene ids, triggers are choices (`choose_0`..`choose_3`, shared by
   every scene, each guarded by that scene's choice condition) and `next`. Taking a transition applies
   the choice's effects to the victim's meters.
2. The role machine: the player's participant role, moved by the stance of each choice.
3. The condition machine: the victim's condition, moved when the meters cross the scenario's rules.

The machines act on a `RunState` (plain values, see `state.py`) through small model objects, so a
scene id can never clash with an attribute of the run. Triggers are fired with `model.trigger(name)`.
"""

from __future__ import annotations

import logging
import warnings
from functools import partial
from typing import Any

from transitions import Machine, MachineError

from . import expr, vocab
from .model import Choice, Scenario
from .state import RunState

log = logging.getLogger(__name__)

# transitions logs every trigger at INFO; the story's own log says what matters.
logging.getLogger("transitions").setLevel(logging.WARNING)


def choice_trigger(index: int) -> str:
    """The trigger that takes the choice at `index` of the current scene."""
    return f"choose_{index}"


NEXT_TRIGGER = "next"


class _Model:
    """What a machine moves: just its `state`. Kept apart from the run so names never clash."""

    state: str
    trigger: Any  # bound by transitions: trigger(name) fires the named trigger


def _machine(states: list[str], initial: str) -> tuple[Machine, _Model]:
    model = _Model()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a "Skip binding" warning would mean a clash: fail loudly
        machine = Machine(model=model, states=states, initial=initial, auto_transitions=False,
                          ignore_invalid_triggers=False, queued=False)
    return machine, model


def compile_conditions(scenario: Scenario) -> dict[str, expr.Node]:
    """Parsed condition of each choice and rule that has one, by `when` text. Checked at load."""
    out: dict[str, expr.Node] = {}
    texts = [c.when for s in scenario.scenes.values() for c in s.choices if c.when]
    texts += [r.when for r in scenario.conditions if r.when]
    texts += [b.when for s in scenario.scenes.values() for b in s.beats if b.when]
    for text in texts:
        if text not in out:
            out[text] = expr.parse(text)
    return out


class StoryMachine:
    """Scenes as states, choices as guarded triggers that apply their effects."""

    def __init__(self, scenario: Scenario, state: RunState, conditions: dict[str, expr.Node]):
        self.scenario = scenario
        self.state = state
        self.conditions = conditions
        self.machine, self.model = _machine(list(scenario.scenes), state.scene)
        for scene in scenario.scenes.values():
            for index, choice in enumerate(scene.choices):
                guards = [partial(self.holds, choice.when)] if choice.when else []
                self.machine.add_transition(choice_trigger(index), scene.id, choice.goto,
                                            conditions=guards,
                                            before=partial(self.apply_effects, choice))
            if scene.next is not None:
                self.machine.add_transition(NEXT_TRIGGER, scene.id, scene.next)

    def holds(self, when: str | None, *_: Any) -> bool:
        """Whether a condition holds for the run right now."""
        return when is None or expr.evaluate(self.conditions[when], self.state)

    def apply_effects(self, choice: Choice, *_: Any) -> None:
        for meter_id, amount in choice.effects.items():
            meter = self.scenario.meters[meter_id]
            value = self.state.meters[meter_id] + amount
            self.state.meters[meter_id] = max(meter.min, min(meter.max, value))

    def fire(self, trigger: str) -> bool:
        """Fire a trigger; False when its guard does not hold."""
        try:
            moved = self.model.trigger(trigger)
        except MachineError as exc:
            raise ValueError(f"'{trigger}' cannot be fired in scene '{self.model.state}'") from exc
        self.state.scene = self.model.state
        return bool(moved)

    def restore(self, scene: str) -> None:
        self.machine.set_state(scene, self.model)


class RoleMachine:
    """The player's participant role. Every stance is a trigger into the role it expresses."""

    def __init__(self, state: RunState):
        self.state = state
        self.machine, self.model = _machine(list(vocab.ROLES), state.role)
        for stance, role in vocab.ROLE_OF_STANCE.items():
            self.machine.add_transition(stance, "*", role)

    def take(self, stance: str) -> None:
        self.model.trigger(stance)
        self.state.role = self.model.state

    def restore(self, role: str) -> None:
        self.machine.set_state(role, self.model)


class ConditionMachine:
    """The victim's condition, reassessed after every change to the meters; first rule wins."""

    TRIGGER = "reassess"

    def __init__(self, scenario: Scenario, state: RunState, conditions: dict[str, expr.Node]):
        self.state = state
        self.conditions = conditions
        ids = [rule.id for rule in scenario.conditions]
        self.machine, self.model = _machine(ids, state.condition or ids[-1])
        for rule in scenario.conditions:
            guards = [partial(self._holds, rule.when)] if rule.when else []
            self.machine.add_transition(self.TRIGGER, "*", rule.id, conditions=guards)

    def _holds(self, when: str, *_: Any) -> bool:
        return expr.evaluate(self.conditions[when], self.state)

    def reassess(self) -> str:
        self.model.trigger(self.TRIGGER)
        self.state.condition = self.model.state
        return self.state.condition

    def restore(self, condition: str) -> None:
        self.machine.set_state(condition, self.model)
