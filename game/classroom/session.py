"""Class mode's session: the anonymous record, the roads, the passive road.

The rules of a lesson, without a screen: the vote, discussion, timeline, comparison and debrief
screens all read and write one `ClassSession`, kept on the app (`app.classroom`) while a class
plays. The record itself is `records.SessionLog`; this module only adds what a lesson needs on top
of it: which moves each road took (so a road can be replayed and charted) and the moves before a
decision (so the class can go back and take the other road).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..core import engine

log = logging.getLogger(__name__)

PASSIVE_PREFERENCE = ("outsider", "reinforcer", "assistant")
"""The most passive road takes, at each decision, the first of these stances that is available."""


# --- what a run's history says -----------------------------------------------------------------

def decision_steps(run: engine.Run) -> list[int]:
    """Indexes in the run's history of the steps that were decisions (a choice taken)."""
    return [i for i, step in enumerate(run.state.history) if i > 0 and step.choice is not None]


def moves_before(run: engine.Run, at_decision: int) -> list[str | None]:
    """The moves that bring a fresh run to decision `at_decision` (from 0), not yet taken."""
    index = decision_steps(run)[at_decision]
    return [step.choice for step in run.state.history[1:index]]


def meters_by_decision(run: engine.Run) -> dict[str, tuple[int, ...]]:
    """Each meter at the start and after every decision (`next` steps change nothing)."""
    history = run.state.history
    steps = [history[0]] + [history[i] for i in decision_steps(run)]
    return {m: tuple(step.meters[m] for step in steps) for m in run.scenario.meters}


def passive_run(beside: engine.Run) -> engine.Run:
    """The most passive road through the story of `beside`, in its language: at each decision
    an available outsider, reinforcer or assistant choice (in that order of preference), else
    the first available choice; to its ending."""
    scenario = beside.scenario
    run = engine.start(scenario, beside.lang, beside.state.content_hash)
    for _ in range(4 * len(scenario.scenes) + 4):  # every scene at most a few times: no loops
        if run.ended:
            break
        scene = scenario.scenes[run.state.scene]
        if scene.next is not None and not scene.choices:
            run.advance()
            continue
        available = [c for c in run.choice_views() if c.available]
        if not available:
            break
        rank = {stance: i for i, stance in enumerate(PASSIVE_PREFERENCE)}
        pick = min(available, key=lambda c: (rank.get(c.stance, len(rank)), c.index))
        run.choose(pick.id)
    return run


# --- the session -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ClassPlan:
    """What the teacher says when a class session starts: the class's short label, how many
    pupils can vote, and how long the lesson is."""

    label: str = ""
    class_size: int | None = None
    lesson_minutes: int | None = None

@dataclass
class ClassSession:
    """One lesson: the record (which holds every road) and the roads already closed."""

    entry: object
    """The catalogue entry being played (scenario and content hash)."""
    log: object
    """The `SessionLog` every decision is recorded in; its roads are the session's roads."""
    finished: set[int] = field(default_factory=set)
    """Roads whose ending was noted in the record during this sitting."""
    clock: object = None
    """The lesson clock (`lesson.LessonClock`) when the teacher gave the lesson's length."""
    plans: object = None
    """The lesson plans being worked out for the story (`background_plan.BackgroundPlans`),
    whose marks the vote and the talk show; None without a lesson length."""
    _plan_shown: bool = False
    kept: dict[tuple, object] = field(default_factory=dict)
    """What a class screen holds while the teacher steps back to re-read and comes forward again
    (the hands counted so far, the discussion timer), by `moment()`. In memory only: like the
    count on the board, it is not part of the record until the vote is taken."""

    def __post_init__(self) -> None:
        if self.clock is None and getattr(self.log, "lesson_minutes", None):
            from .lesson import LessonClock
            self.clock = LessonClock(self.log.lesson_minutes)
        if self.plans is None and getattr(self.log, "lesson_minutes", None):
            from .background_plan import BackgroundPlans
            self.plans = BackgroundPlans.start(self.scenario, self.entry.content_hash)

    def plan_at(self, scene_id: str, number: int) -> str | None:
        """What the lesson plan says at the class's decision in `scene_id`, the `number`th on
        its road (`lesson.plan_at`); None while the plan is being worked out, without one, and
        where it has nothing to say."""
        from .lesson import plan_at
        plan = self.plan
        return plan_at(plan, scene_id, number) if plan is not None else None

    @property
    def plan(self):
        """The lesson plan (`lesson.LessonPlan`) for the lesson's length, once it is worked
        out; None before, and without a length. Never waits."""
        return self.plans.plan(self.log.lesson_minutes) if self.plans is not None else None

    def plan_arrived(self) -> bool:
        """Whether the plan has been worked out since this was last asked: the screen on view
        is drawn again, with its mark."""
        if self._plan_shown or self.plans is None or not self.plans.done:
            return False
        self._plan_shown = True
        return True

    def moment(self, kind: str, run: engine.Run) -> tuple:
        """The key of one decision's `kind` of screen state on the current road."""
        return (kind, self.road, tuple(run.state.choices))

    @classmethod
    def begin(cls, entry, run: engine.Run, plan: "ClassPlan | None" = None) -> "ClassSession":
        """A new anonymous record for `run` (written at once by the records module), for the
        class and lesson of `plan` (the start form's answers)."""
        from .records import SessionLog
        plan = plan or ClassPlan()
        return cls(entry, SessionLog.begin(run, mode="class", content_hash=entry.content_hash,
                                           label=plan.label, class_size=plan.class_size,
                                           lesson_minutes=plan.lesson_minutes))

    @classmethod
    def resumed(cls, entry, session_log, lang: str) -> tuple["ClassSession", engine.Run]:
        """An unfinished record picked up again, and the run of the road it stopped on."""
        from .records import resume
        run = resume(session_log, entry.scenario)
        if lang in entry.scenario.languages:
            run.lang = lang
        return cls(entry, session_log), run

    @property
    def scenario(self):
        return self.entry.scenario

    @property
    def road(self) -> int:
        """The id of the road the class is on now."""
        return self.log.road

    def road_ids(self) -> list[int]:
        return [r.id for r in self.log.roads]

    def road_number(self, road_id: int) -> int:
        """Roads are shown as Road 1, Road 2... in the order they were made."""
        ids = self.road_ids()
        return ids.index(road_id) + 1 if road_id in ids else len(ids) + 1

    def branch_point(self, road_id: int) -> tuple[int | None, int | None]:
        """(the road it branched off, the decision index it branched at); (None, None) for the
        class's first road."""
        road = next(r for r in self.log.roads if r.id == road_id)
        return road.parent, road.branch_at

    def road_run(self, road_id: int, lang: str) -> engine.Run:
        """A road rebuilt from the record (as it stood at its latest decision)."""
        road = next(r for r in self.log.roads if r.id == road_id)
        moves = [step["choice"] for step in road.run["history"][1:]]
        return engine.replay(self.scenario, lang, moves, self.entry.content_hash)

    def votes(self, road_id: int) -> list[dict]:
        """The recorded decisions that make up a road, in order: those it shares with the road
        it branched off, then its own. Each has the class's `votes` and `overridden`."""
        road = next(r for r in self.log.roads if r.id == road_id)
        own = [d for d in self.log.decisions if d["road"] == road_id]
        if road.parent is None:
            return own
        return self.votes(road.parent)[:road.branch_at] + own

    @property
    def class_size(self) -> int | None:
        """How many pupils can vote (None when the record does not say)."""
        return self.log.class_size

    def over_size(self, hands: int) -> bool:
        """Whether `hands` is more than the class has pupils: a count to check before locking."""
        return self.class_size is not None and hands > self.class_size

    def splits(self, road_id: int, lang: str) -> tuple:
        """How the class voted at each decision of a road (`debrief.Split`), for the debrief."""
        from .debrief import splits
        return splits(self.scenario, self.votes(road_id), lang)

    def record(self, run: engine.Run, outcome, votes: dict[str, int] | None, overridden: bool,
               seconds: float) -> None:
        """A decision taken by the class: into the record with its counts, never names. Any way
        of counting (the vote screen's hands, pupils' phones) records through this one call;
        votes above the class size are refused (ValueError): confirm a bigger class first with
        `set_class_size`."""
        self.log.record_decision(run, outcome, votes, overridden, seconds)

    def chose_key(self) -> str:
        """Who took the road's latest decision, as the screens say it: "class_chose" when the
        class's hands decided, "teacher_chose" when the teacher picked (over the hands, in a
        tie, or without a vote): the teacher's pick is never called the class's choice."""
        own = [d for d in self.log.decisions if d["road"] == self.road]
        latest = own[-1] if own else None
        if latest is None or not latest["votes"] or latest["overridden"]:
            return "teacher_chose"
        return "class_chose"

    def set_class_size(self, size: int) -> None:
        """The teacher confirmed that the class has `size` pupils today."""
        self.log.set_class_size(size)

    def branch(self, run: engine.Run, at_decision: int) -> engine.Run:
        """What if: a new road from decision `at_decision` (from 0) of the current road. The old
        road stays in the record; the new one's run stands just before that decision."""
        moves = moves_before(run, at_decision)
        self.log.branch(run, at_decision)  # the new road becomes the current one
        return engine.replay(self.scenario, run.lang, moves, self.entry.content_hash)

    def switch(self, road_id: int, lang: str) -> engine.Run:
        """Go on with another road, rebuilt from its record."""
        self.log.switch(road_id)
        return self.road_run(road_id, lang)

    def finish(self, run: engine.Run) -> None:
        """The road reached its ending: note it in the record, once per road."""
        if self.road not in self.finished:
            self.finished.add(self.road)
            self.log.finish(run)
