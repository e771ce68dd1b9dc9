"""The engine API: start a run, look at it, choose, and sum it up. Returns plain data only.

Every front end (the terminal player, the pygame game, the tests) drives a `Run` the same way:

    run = start(scenario, "nl")
    view = run.view()              # what to show now: beats, choices (with availability), meters
    outcome = run.choose("walk_on")  # what the choice did: consequence, meter changes, role change
    run.advance()                  # follow a scene's `next` once its beats have been shown
    run.summary()                  # the path, the role journey, the meter history, the ending

Views are frozen dataclasses in the run's current language; the language can change at any time.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass
from typing import Any, Iterable

from . import vocab
from .machines import NEXT_TRIGGER, RoadSoFar, choice_trigger, machines_for, role_trigger
from .model import Choice, Look, Scenario, Text
from .state import SAVE_VERSION, HistoryEntry, RunState, SaveError
from .translations import words

log = logging.getLogger(__name__)


class ChoiceError(ValueError):
    """A choice that cannot be taken here: unknown, not in this scene, or unavailable."""


_label = vocab.label


def unavailable_reason(lang: str) -> str:
    """What a choice that cannot be taken now says, where its scenario gives no reason."""
    _ = words(lang)
    return _("Not possible now")


@dataclass(frozen=True)
class CastView:
    id: str
    name: str
    role: str
    expression: str
    is_victim: bool
    look: Look


@dataclass(frozen=True)
class BeatView:
    text: str
    speaker: str | None
    """Cast id of the speaker; None for narration."""
    speaker_name: str | None
    expression: str | None


@dataclass(frozen=True)
class ChoiceView:
    id: str
    index: int
    """Position in the scene, from 0; keys 1-4 and A-D follow it."""
    text: str
    stance: str
    stance_label: str
    available: bool
    reason: str | None
    """Why the choice cannot be taken now; None when it can."""

    @property
    def number(self) -> str:
        return str(self.index + 1)

    @property
    def letter(self) -> str:
        return "ABCD"[self.index]


@dataclass(frozen=True)
class MeterView:
    id: str
    label: str
    value: int
    min: int
    max: int
    good: str
    """`high` when a high value is good for the victim, `low` when it is bad."""


@dataclass(frozen=True)
class ConditionView:
    id: str
    label: str
    expression: str
    light: str


@dataclass(frozen=True)
class EndingView:
    id: str
    title: str
    text: str
    outcome: str
    outcome_label: str
    help: tuple[str, ...]


@dataclass(frozen=True)
class VictimView:
    """The person the story is about, whether or not he is in the scene: his name for the
    screens' words, his look for his figure."""

    id: str
    name: str
    look: Look


@dataclass(frozen=True)
class DecisionView:
    """One decision taken on the road so far, with the choices there were (the class timeline
    shows them all, the one taken marked)."""

    number: int
    """From 1."""
    scene_id: str
    choice_id: str
    letter: str
    text: str
    stance: str
    stance_label: str
    step_label: str | None
    options: tuple[tuple[str, str], ...]
    """(id, text) of each choice of that scene, in order."""


@dataclass(frozen=True)
class SceneView:
    """Everything a front end needs to show the current scene."""

    scenario_id: str
    scene_id: str
    lang: str
    place: str
    place_label: str
    step: str | None
    step_label: str | None
    cast: tuple[CastView, ...]
    beats: tuple[BeatView, ...]
    choices: tuple[ChoiceView, ...]
    can_advance: bool
    """The scene has a `next` scene: advance once its beats are shown."""
    ending: EndingView | None
    meters: tuple[MeterView, ...]
    condition: ConditionView
    role: str
    role_label: str


@dataclass(frozen=True)
class MeterChange:
    id: str
    label: str
    before: int
    after: int
    good: str

    @property
    def delta(self) -> int:
        return self.after - self.before

    @property
    def better(self) -> bool:
        """Whether the change is good for the victim."""
        return self.delta > 0 if self.good == "high" else self.delta < 0


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """What a choice did, to show right after it (made with keywords: it has many fields)."""

    choice_id: str
    choice_text: str
    stance: str
    stance_label: str
    active: bool
    """Whether the stance is one of the ways of defending."""
    consequence: str
    changes: tuple[MeterChange, ...]
    role_before: str
    role_after: str
    role_label: str
    condition_before: ConditionView
    condition_after: ConditionView
    discuss: tuple[str, ...]
    step: str | None
    step_label: str | None
    strategy: str | None
    strategy_label: str | None
    scene_id: str
    """The scene the story is in now."""
    ending: EndingView | None

    @property
    def role_changed(self) -> bool:
        return self.role_before != self.role_after

    @property
    def condition_changed(self) -> bool:
        return self.condition_before.id != self.condition_after.id


@dataclass(frozen=True)
class Decision:
    """One choice made, for the summary and the debrief."""

    scene_id: str
    choice_id: str
    stance: str
    step: str | None
    strategy: str | None


@dataclass(frozen=True)
class Summary:
    scenario_id: str
    lang: str
    path: tuple[str, ...]
    """Scene ids in the order visited."""
    decisions: tuple[Decision, ...]
    roles: tuple[str, ...]
    """The player's role after each decision, starting with the start role."""
    journey: str
    """The role journey in words, e.g. "You started as bystander, became defender"."""
    meter_history: dict[str, tuple[int, ...]]
    condition_history: tuple[str, ...]
    ending: EndingView | None
    active_share: float
    """Share of decisions that were active (a way of defending), 0 to 1."""


class Run:
    """One play-through of a scenario."""

    def __init__(self, scenario: Scenario, state: RunState):
        self.scenario = scenario
        self.state = state
        self._condition_views: dict[tuple[str, str], ConditionView] = {}
        self.machines = machines_for(scenario)
        self.models = self.machines.attach(state)
        # The machines are the scenario's and outlive the run: they let go of its models when
        # the run is gone.
        weakref.finalize(self, self.machines.detach, self.models).atexit = False
        if not state.condition:
            self.models.condition.reassess()

    # --- reading -------------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.state.lang

    @lang.setter
    def lang(self, lang: str) -> None:
        if lang not in self.scenario.languages:
            raise ValueError(f"'{lang}' is not a language of this scenario "
                             f"({', '.join(self.scenario.languages)})")
        self.state.lang = lang

    @property
    def ended(self) -> bool:
        return self.state.ending is not None

    def text(self, text: Text | None) -> str:
        return "" if text is None else text.get_text(self.lang)

    def condition_view(self, condition_id: str | None = None) -> ConditionView:
        key = (condition_id or self.state.condition, self.lang)
        view = self._condition_views.get(key)
        if view is None:  # a handful per run: every choice shows one before and one after
            rule = next(r for r in self.scenario.conditions if r.id == key[0])
            view = ConditionView(rule.id, self.text(rule.label), rule.expression, rule.light)
            self._condition_views[key] = view
        return view

    def ending_view(self) -> EndingView | None:
        if self.state.ending is None:
            return None
        e = self.scenario.endings[self.state.ending]
        return EndingView(e.id, self.text(e.title), self.text(e.text), e.outcome,
                          _label(vocab.ENDING_OUTCOMES[e.outcome], self.lang),
                          tuple(self.text(h) for h in self.scenario.help))

    def choice_views(self) -> tuple[ChoiceView, ...]:
        scene = self.scenario.scenes[self.state.scene]
        views = []
        for index, c in enumerate(scene.choices):
            available = self.models.story.may_trigger(choice_trigger(index))
            reason = None
            if not available:
                reason = self.text(c.unavailable) or unavailable_reason(self.lang)
            views.append(ChoiceView(c.id, index, self.text(c.text), c.stance,
                                    _label(vocab.STANCES[c.stance], self.lang), available, reason))
        return tuple(views)

    def available_choices(self) -> list[str]:
        """The ids of the choices that can be taken now, in scene order (no texts made)."""
        scene = self.scenario.scenes[self.state.scene]
        may = self.models.story.may_trigger
        return [c.id for i, c in enumerate(scene.choices) if may(choice_trigger(i))]

    def meter_views(self) -> tuple[MeterView, ...]:
        return tuple(MeterView(m.id, self.text(m.label), self.state.meters[m.id], m.min, m.max,
                               m.good) for m in self.scenario.meters.values())

    def view(self) -> SceneView:
        """What to show now."""
        s = self.scenario
        scene = s.scenes[self.state.scene]
        condition = self.condition_view()
        cast = []
        for who, expression in scene.cast.items():
            member = s.cast[who]
            is_victim = who == s.victim
            if is_victim and expression == "neutral":
                expression = condition.expression  # his face follows his condition
            cast.append(CastView(who, member.name, member.role, expression, is_victim,
                                 member.look))
        shown = [b for b in scene.beats if self.machines.holds(b.when, self.state)] or scene.beats[:1]
        beats = tuple(BeatView(self.text(b.text), b.who, s.cast[b.who].name if b.who else None,
                               b.expression) for b in shown)
        step_label = _label(vocab.STEPS[scene.step], self.lang) if scene.step else None
        return SceneView(s.id, scene.id, self.lang, scene.place,
                         _label(vocab.PLACES[scene.place], self.lang), scene.step, step_label,
                         tuple(cast), beats, self.choice_views(), scene.next is not None,
                         self.ending_view(), self.meter_views(), condition, self.state.role,
                         _label(vocab.ROLES[self.state.role], self.lang))

    # --- the road so far, for the screens ------------------------------------------------------

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the story can be told in: `lang` can be set to any of them."""
        return tuple(self.scenario.languages)

    def victim_view(self) -> VictimView:
        who = self.scenario.victim
        member = self.scenario.cast[who]
        return VictimView(who, member.name, member.look)

    def moves(self) -> tuple[str | None, ...]:
        """The moves so far, for `replay`: choice ids, None for each `next` followed."""
        return tuple(step.choice for step in self.state.history[1:])

    @property
    def decision_count(self) -> int:
        """Choices taken so far."""
        return len(self.state.choices)

    @property
    def stepped_in(self) -> bool:
        """Whether any choice so far was a way of defending."""
        return bool(self.state.stances & vocab.ACTIVE_STANCES)

    def decisions(self) -> tuple[DecisionView, ...]:
        """The decisions taken so far, in the run's language, in order."""
        s, history, out = self.scenario, self.state.history, []
        for i in range(1, len(history)):
            if history[i].choice is None:
                continue
            scene = s.scenes[history[i - 1].scene]
            index = next(k for k, c in enumerate(scene.choices) if c.id == history[i].choice)
            c = scene.choices[index]
            step_label = _label(vocab.STEPS[scene.step], self.lang) if scene.step else None
            out.append(DecisionView(len(out) + 1, scene.id, c.id, "ABCD"[index], self.text(c.text),
                                    c.stance, _label(vocab.STANCES[c.stance], self.lang),
                                    step_label,
                                    tuple((o.id, self.text(o.text)) for o in scene.choices)))
        return tuple(out)

    def help_texts(self) -> tuple[str, ...]:
        """Where to get help, in the run's language (the ending shows it too)."""
        return tuple(self.text(h) for h in self.scenario.help)

    def branch_map(self):
        """The scenario's branch map (`graph.BranchMap`), for the ending's picture of the road."""
        from .graph import branch_map
        return branch_map(self.scenario)

    # --- acting --------------------------------------------------------------------------------

    def choose(self, choice_id: str) -> Outcome:
        """Take a choice of the current scene; ChoiceError if it cannot be taken."""
        scene = self.scenario.scenes[self.state.scene]
        index = next((i for i, c in enumerate(scene.choices) if c.id == choice_id), None)
        if index is None:
            here = ", ".join(c.id for c in scene.choices) or "none: this scene has no choices"
            raise ChoiceError(f"'{choice_id}' is not a choice in scene '{scene.id}' "
                              f"(choices here: {here})")
        choice = scene.choices[index]
        before_meters = dict(self.state.meters)
        role_before = self.state.role
        condition_before = self.condition_view()
        self._atomically(lambda: self._take(index, choice), choice.id, choice.stance)
        after = self.scenario.meters
        changes = tuple(MeterChange(m, self.text(after[m].label), before_meters[m],
                                    self.state.meters[m], after[m].good)
                        for m in after if before_meters[m] != self.state.meters[m])
        step_label = _label(vocab.STEPS[scene.step], self.lang) if scene.step else None
        strategy_label = (_label(vocab.STRATEGIES[choice.strategy], self.lang)
                          if choice.strategy else None)
        log.debug("choice %s in %s -> %s", choice.id, scene.id, self.state.scene)
        return Outcome(
            choice_id=choice.id, choice_text=self.text(choice.text), stance=choice.stance,
            stance_label=_label(vocab.STANCES[choice.stance], self.lang),
            active=choice.stance in vocab.ACTIVE_STANCES,
            consequence=self.text(choice.consequence), changes=changes,
            role_before=role_before, role_after=self.state.role,
            role_label=_label(vocab.ROLES[self.state.role], self.lang),
            condition_before=condition_before, condition_after=self.condition_view(),
            discuss=tuple(self.text(d) for d in choice.discuss),
            step=scene.step, step_label=step_label, strategy=choice.strategy,
            strategy_label=strategy_label, scene_id=self.state.scene,
            ending=self.ending_view())

    def advance(self) -> SceneView:
        """Follow the current scene's `next` once its beats have been shown."""
        scene = self.scenario.scenes[self.state.scene]
        if scene.next is None:
            raise ChoiceError(f"scene '{scene.id}' has no next scene to advance to")
        self._atomically(self._next, None, None)
        return self.view()

    def _next(self) -> None:
        if not self.models.story.trigger(NEXT_TRIGGER):
            raise ChoiceError(f"no road of scene '{self.state.scene}''s next holds")

    def _take(self, index: int, choice: Choice) -> None:
        road = RoadSoFar.after(self.state, choice.stance)  # the role weighs this choice too
        # The story machine's guards are the choice's availability: no transition, no choice.
        if not self.models.story.trigger(choice_trigger(index)):
            raise ChoiceError(f"'{choice.id}' cannot be taken now: "
                              f"{self.text(choice.unavailable) or choice.when}")
        self.models.role.trigger(role_trigger(choice.stance), road=road)

    def _atomically(self, action, choice_id: str | None, stance: str | None) -> None:
        """Take one step of the story (a choice or a `next`) all-or-nothing: if anything fails,
        the run is as it was before. The step is recorded as one `HistoryEntry`."""
        mark = self.state.mark()
        meters = self.state.meters
        try:
            action()
            if choice_id is not None:
                self.state.choices.append(choice_id)
            ending = self.scenario.scenes[self.state.scene].ending
            self.state.ending = ending
            entry = HistoryEntry(self.state.scene, choice_id, stance, self.state.role,
                                 self.state.condition, dict(self.state.meters))
            self.state.history.append(entry)
            # The victim's condition is asked of the road with this step on it. Rules that read
            # only the meters need not be asked when no meter moved (most `next` steps).
            if self.state.meters != meters or not self.machines.condition_follows_meters_only:
                self.models.condition.reassess()
                entry.condition = self.state.condition
        except BaseException:
            self.state.rewind(mark)  # the machines read the state: nothing else to undo
            raise

    def back(self) -> bool:
        """Undo the last step (rollback). False at the start, where there is nothing to undo.
        Every step keeps what it left (scene, role, condition, meters), so this is the history
        one step shorter, not a replay."""
        if len(self.state.history) <= 1:
            return False
        self.state.step_back()
        return True

    # --- summing up ----------------------------------------------------------------------------

    def summary(self) -> Summary:
        s = self.scenario
        history = self.state.history
        decisions = []
        for before, step in zip(history, history[1:]):
            if step.choice is not None:
                decisions.append(Decision(before.scene, step.choice, step.stance or "",
                                          s.scenes[before.scene].step,
                                          _choice(s, before.scene, step.choice).strategy))
        roles = [history[0].role] + [step.role for step in history[1:] if step.choice]
        active = sum(1 for d in decisions if d.stance in vocab.ACTIVE_STANCES)
        return Summary(
            s.id, self.lang, tuple(step.scene for step in history), tuple(decisions),
            tuple(roles), journey_text(roles, self.lang),
            {m: tuple(step.meters[m] for step in history) for m in s.meters},
            tuple(step.condition for step in history), self.ending_view(),
            active / len(decisions) if decisions else 0.0)

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> dict[str, Any]:
        """The run as versioned, JSON-able plain data."""
        return self.state.to_dict()


def _choice(s: Scenario, scene_id: str, choice_id: str):
    return next(c for c in s.scenes[scene_id].choices if c.id == choice_id)


JOURNEY_STEPS_SHOWN = 3
"""Roles a journey names one by one. A week of wavering passes through more (bystander, outsider,
budding defender, defender, wavering defender, ...): then the journey says how often the role
changed and where it ended, which a class can take in from the back of the room."""


def journey_text(roles: list[str], lang: str) -> str:
    """"You started as bystander, became outsider, became defender" without repeats; a longer
    journey as "You started as bystander, changed roles 4 times and ended as defender"."""
    _ = words(lang)
    collapsed = [r for i, r in enumerate(roles) if i == 0 or roles[i - 1] != r]
    label = lambda r: _label(vocab.ROLE_PHRASES[r], lang)  # noqa: E731
    if len(collapsed) > JOURNEY_STEPS_SHOWN:
        # TRANSLATORS: {first} and {last} are roles as they read in a sentence ("a defender").
        return _.ngettext("You started as {first}, changed roles {n} time and ended as {last}",
                          "You started as {first}, changed roles {n} times and ended as {last}",
                          len(collapsed) - 1, first=label(collapsed[0]), last=label(collapsed[-1]))
    # TRANSLATORS: the start of a journey through the roles, as "became {role}" goes on with it.
    parts = [_("You started as {role}", role=label(collapsed[0]))]
    # TRANSLATORS: after "You started as {role}," and before another "became {role}".
    parts += [_("became {role}", role=label(r)) for r in collapsed[1:]]
    if len(collapsed) > 1 and len(roles) > 1 and roles[-1] == roles[-2]:
        # TRANSLATORS: the end of a journey: the last choices kept the role.
        parts.append(_("and stayed {role}", role=label(roles[-1])))
    return ", ".join(parts)


def start(scenario: Scenario, lang: str = "nl", content_hash: str = "") -> Run:
    """A new run at the scenario's start scene."""
    if lang not in scenario.languages:
        raise ValueError(f"'{lang}' is not a language of scenario '{scenario.id}' "
                         f"(it has: {', '.join(scenario.languages)})")
    state = RunState(scenario.id, content_hash, lang, scenario.start,
                     {m.id: m.start for m in scenario.meters.values()}, vocab.START_ROLE)
    run = Run(scenario, state)
    state.history.append(HistoryEntry(state.scene, None, None, state.role, state.condition,
                              dict(state.meters)))
    return run


def replay(scenario: Scenario, lang: str, moves: Iterable[str | None],
           content_hash: str = "", follow_next: bool = False) -> Run:
    """A run rebuilt from its moves: choice ids, with None for each `next` taken.

    With `follow_next`, `next` scenes are followed by themselves before each choice and at the end,
    so that a plain list of choice ids (as on the command line) is enough.
    """
    run = start(scenario, lang, content_hash)
    for move in moves:
        if move is None:
            run.advance()
            continue
        if follow_next:
            _follow(run)
        run.choose(move)
    if follow_next:
        _follow(run)
    return run


def follow(scenario: Scenario, lang: str, moves: Iterable[str | None], scene_id: str,
           content_hash: str = "") -> Run:
    """A run of an edited scenario standing where a run of its last version stood: the live
    preview (`bystander play FILE --watch`) keeps the author at the scene they are working on.

    The moves are replayed as far as they still go (a choice renamed or gone stops them), so
    meters and roles are what the road gives; then a run that stands elsewhere is placed at
    `scene_id` if the scenario still has it, as if it had got there. A scene that is gone
    leaves the run where the replay stopped: the nearest scene before it that is still there,
    the start at the least. A language the scenario no longer has becomes its first."""
    if lang not in scenario.languages:
        lang = scenario.languages[0]
    run = start(scenario, lang, content_hash)
    for move in moves:
        try:
            if move is None:
                run.advance()
            else:
                run.choose(move)
        except ChoiceError:
            break
    if run.state.scene != scene_id and scene_id in scenario.scenes:
        run.state.scene = scene_id
        run.state.ending = scenario.scenes[scene_id].ending
    return run


def _follow(run: Run) -> None:
    seen = 0
    while run.scenario.scenes[run.state.scene].next is not None and seen < 10_000:
        run.advance()
        seen += 1


def load_run(scenario: Scenario, data: Any, content_hash: str = "") -> Run:
    """A saved run, rebuilt by replaying its history and checked against what was saved.

    A save of version 1 was made when the role was the last choice's: its choices are replayed
    and the roles worked out again by today's rules; the rest must still match."""
    saved = RunState.from_dict(data)
    if saved.scenario_id != scenario.id:
        raise SaveError(f"the save is of scenario '{saved.scenario_id}', not '{scenario.id}'")
    if content_hash and saved.content_hash and saved.content_hash != content_hash:
        raise SaveError("the scenario has changed since this run was saved")
    if saved.lang not in scenario.languages:
        raise SaveError(f"the save is in '{saved.lang}', which this scenario does not have")
    moves = [step.choice for step in saved.history[1:]]
    try:
        run = replay(scenario, saved.lang, moves, saved.content_hash)
    except (ChoiceError, ValueError, KeyError) as exc:
        raise SaveError(f"the saved choices do not fit this scenario: {exc}") from exc
    if data.get("version") != SAVE_VERSION:
        saved.role = run.state.role
        for old, new in zip(saved.history, run.state.history):
            old.role = new.role
    if run.state.to_dict() != saved.to_dict():
        raise SaveError("the save does not match what its choices lead to")
    return run
