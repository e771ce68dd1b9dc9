"""Class mode's state shared by its screens: the anonymous record, the roads, the passive road.

Not a screen itself: the vote, discussion, timeline, comparison and debrief screens all read and
write one `ClassSession`, kept on the app (`app.classroom`) while a class plays. The record itself
is `game.classroom.records.SessionLog`; this module only adds what the screens need on top of it:
which moves each road took (so a road can be replayed and charted) and the moves before a decision
(so the class can go back and take the other road).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ...core import engine, vocab
from .. import text as tx

log = logging.getLogger(__name__)

PASSIVE_PREFERENCE = ("outsider", "reinforcer", "assistant")
"""The most passive road takes, at each decision, the first of these stances that is available."""


# --- what a run's history says -----------------------------------------------------------------

def moves_of(run: engine.Run) -> list[str | None]:
    """The run's moves for `engine.replay`: choice ids, None for each `next` followed."""
    return [step.choice for step in run.state.history[1:]]


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


@dataclass(frozen=True)
class DecisionTaken:
    """One decision of a road, as the timeline shows it."""

    number: int
    """From 1."""
    scene_id: str
    choice_id: str
    letter: str
    text: str
    stance: str
    stance_label: str
    step_label: str | None


def decisions_taken(run: engine.Run) -> list[DecisionTaken]:
    """The decisions of `run` in its language, in order."""
    s = run.scenario
    history = run.state.history
    out = []
    for n, i in enumerate(decision_steps(run), start=1):
        scene = s.scenes[history[i - 1].scene]
        index = next(k for k, c in enumerate(scene.choices) if c.id == history[i].choice)
        choice = scene.choices[index]
        step_label = vocab.label(vocab.STEPS[scene.step], run.lang) if scene.step else None
        out.append(DecisionTaken(n, scene.id, choice.id, "ABCD"[index],
                                 choice.text.get_text(run.lang), choice.stance,
                                 vocab.label(vocab.STANCES[choice.stance], run.lang), step_label))
    return out


def passive_run(scenario, lang: str, content_hash: str = "") -> engine.Run:
    """The most passive road: at each decision an available outsider, reinforcer or assistant
    choice (in that order of preference), else the first available choice; to its ending."""
    run = engine.start(scenario, lang, content_hash)
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


# --- drawing help shared by the class screens ---------------------------------------------------

def chips_that_fit(theme, labels: list[str], right: int) -> list[str]:
    """The header chips (see `base.header_bar`) that fit left of `right`: later ones give way
    first, so a narrow (4:3) screen never puts a chip under the corner buttons."""
    x = theme.margin
    kept = []
    for i, label in enumerate(labels):
        width = (tx.text_width(label[:1].upper() + label[1:], theme.small,
                               "bold" if i == 0 else "regular") + 2 * theme.px(1.0))
        if x + width > right - theme.px(1) and kept:
            break
        kept.append(label)
        x += width + theme.px(1)
    return kept


# --- the session -------------------------------------------------------------------------------

@dataclass
class ClassSession:
    """One lesson: the record (which holds every road) and the roads already closed."""

    entry: object
    """The catalogue entry being played (scenario and content hash)."""
    log: object
    """The `SessionLog` every decision is recorded in; its roads are the session's roads."""
    finished: set[int] = field(default_factory=set)
    """Roads whose ending was noted in the record during this sitting."""
    kept: dict[tuple, object] = field(default_factory=dict)
    """What a class screen holds while the teacher steps back to re-read and comes forward again
    (the hands counted so far, the discussion timer), by `moment()`. In memory only: like the
    count on the board, it is not part of the record until the vote is taken."""

    def moment(self, kind: str, run: engine.Run) -> tuple:
        """The key of one decision's `kind` of screen state on the current road."""
        return (kind, self.road, tuple(run.state.choices))

    @classmethod
    def begin(cls, entry, run: engine.Run) -> "ClassSession":
        """A new anonymous record for `run` (written at once by the records module)."""
        from ...classroom.records import SessionLog
        return cls(entry, SessionLog.begin(run, mode="class", content_hash=entry.content_hash))

    @classmethod
    def resumed(cls, entry, session_log, lang: str) -> tuple["ClassSession", engine.Run]:
        """An unfinished record picked up again, and the run of the road it stopped on."""
        from ...classroom.records import resume
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

    def record(self, run: engine.Run, outcome, votes: dict[str, int] | None, overridden: bool,
               seconds: float) -> None:
        """A decision taken by the class: into the record with its counts, never names."""
        self.log.record_decision(run, outcome, votes, overridden, seconds)

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
