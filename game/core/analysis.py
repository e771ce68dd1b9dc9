"""Does the road matter? Every path through a story, and what each decision does to its ending.

The module's lesson is that silence adds up. A story teaches it only if what the player did all
along changes how it ends, and `analyse` measures that, for authors and teachers:

- every path through the story is played through the engine (`start`, `choose`, `back`), or, when
  there are more than `MAX_PATHS`, a random sample of `SAMPLE` walks, and the result says so;
- each path weighs what a player choosing at random among the choices on offer would give it: the
  product of 1/n over its decisions. The *expected ending* is the mean of the endings' outcomes
  on the scale `OUTCOME_SCORE` (0 hard, 1 mixed, 2 hopeful), weighted so;
- per decision point, the expected ending after each choice, and the *effect*: how far its most
  active choice moves the expected ending from its most passive one (`ACTIVITY` orders the
  stances). A decision whose choices all give the same expected ending changes nothing;
- scenes reached by several roads (different choices or scenes lead there) that read nothing of
  the road: no beat, choice or road of theirs has a condition, so they cannot remember it;
- the roles players end in per ending, and whether a player who starts passive can still reach a
  hopeful ending (repair) and one who starts active can still end hard.

Pure: it returns data; `cli.py` prints it and `checks.road_issues` turns it into warnings.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field

from . import expr, vocab
from .engine import Run, start
from .issues import Issue
from .model import Scenario

OUTCOME_SCORE = {"bad": 0, "mixed": 1, "good": 2}
ACTIVITY = {"assistant": 0, "reinforcer": 1, "outsider": 2, "report": 3, "support": 4,
            "confront": 5, "mobilise": 6}
"""From most passive to most active: joining in is the most passive road, since it does most
harm by not acting against the bully; getting others to act together is the most active."""
MAX_PATHS = 50_000
"""Above this many paths the analysis samples instead of walking them all."""
SAMPLE = 20_000
"""Random walks in a sample; their figures are within about 0.02 of the exhaustive ones."""
MAX_STEPS = 500
"""A path longer than this is taken to loop and is not counted."""
SAME = 0.05
"""Expected endings closer than this are "the same": a decision whose choices all give the same
expected ending changes nothing."""


@dataclass(frozen=True)
class ChoiceFigure:
    """One choice at a decision point, over the paths that take it there."""

    choice_id: str
    stance: str
    expected: float
    """The expected ending of the paths that take it (0 hard .. 2 hopeful)."""
    share: float
    """The chance that a player choosing at random reaches the point and takes it."""


@dataclass(frozen=True)
class DecisionFigure:
    """A decision point: its choices, and how much acting instead of standing by moves the end."""

    scene_id: str
    order: int
    """Its place among the decision points, by how early a player meets it (0: the first)."""
    reached: float
    """The chance that a player choosing at random reaches it."""
    choices: tuple[ChoiceFigure, ...]
    most_active: str | None
    most_passive: str | None
    effect: float | None
    """Expected ending after the most active choice minus after the most passive one; None when
    the point offers only active or only passive choices."""
    spread: float
    """The largest difference between the expected endings of its choices."""

    @property
    def changes_nothing(self) -> bool:
        return len(self.choices) > 1 and self.spread < SAME


@dataclass(frozen=True)
class SceneRoads:
    """A scene that several roads lead to."""

    scene_id: str
    roads: tuple[str, ...]
    """Each road in: `scene/choice`, or `scene` for a scene's `next`."""
    remembers: bool
    """Whether anything in the scene (a beat, a choice, a road) has a condition."""


@dataclass(frozen=True)
class EndingFigure:
    ending_id: str
    outcome: str
    share: float
    """The chance that a player choosing at random ends here."""
    roles: dict[str, float] = field(default_factory=dict)
    """The roles players end in here, each with its share of this ending's players."""


@dataclass(frozen=True)
class MeterCut:
    """A choice whose effect takes a meter past its bound on some road: the engine stops the
    meter there. Often meant (a meter that tops out), so it is told, not warned about."""

    choice_id: str
    meter: str
    share: float
    """The chance that a player choosing at random takes the choice with the meter so near its
    bound that the effect is cut off."""
    furthest: int
    """The value the meter would have had, furthest beyond its bound on any road."""
    bound: int
    """The bound it stops at: the meter's min or max."""
    road: tuple[str, ...]
    """A road on which that happens: the choices up to and including this one."""


@dataclass(frozen=True)
class Analysis:
    scenario_id: str
    paths: int
    """Paths played: all of them, or the sample's walks."""
    exhaustive: bool
    expected: float
    """The expected ending of the whole story."""
    decisions: tuple[DecisionFigure, ...]
    """Every decision point reached, the earliest first."""
    several_roads: tuple[SceneRoads, ...]
    endings: tuple[EndingFigure, ...]
    repair: float | None
    """Of the players whose first choice stood by, the share that still ends hopeful; None when
    the first decision offers no passive choice."""
    slip: float | None
    """Of the players whose first choice acted, the share that still ends hard."""
    loops: int = 0
    """Paths left out because they never end: past MAX_STEPS, or stuck where nothing can be
    chosen."""
    cuts: tuple[MeterCut, ...] = ()
    """The choices whose effects a road takes past a meter's bound, the most often first."""
    road_lengths: dict[int, float] = field(default_factory=dict)
    """How many decisions a road takes to its ending -> the share of players whose road takes as
    many: how long a class is busy with the story (the guide's lesson plan)."""

    @property
    def shortest(self) -> int:
        """The fewest decisions a road to an ending takes."""
        return min(self.road_lengths, default=0)

    @property
    def longest(self) -> int:
        return max(self.road_lengths, default=0)

    @property
    def typical(self) -> int:
        """The decisions of a typical road: the median over players choosing at random (half the
        roads take as many or fewer)."""
        total = sum(self.road_lengths.values())
        seen = 0.0
        for length in sorted(self.road_lengths):
            seen += self.road_lengths[length]
            if seen >= total / 2 - 1e-9:
                return length
        return 0

    @property
    def first(self) -> DecisionFigure | None:
        return self.decisions[0] if self.decisions else None

    @property
    def unchanged(self) -> tuple[DecisionFigure, ...]:
        return tuple(d for d in self.decisions if d.changes_nothing)

    @property
    def forgetful(self) -> tuple[SceneRoads, ...]:
        return tuple(s for s in self.several_roads if not s.remembers)

    def to_json(self) -> dict:
        return {
            "scenario": self.scenario_id, "paths": self.paths, "exhaustive": self.exhaustive,
            "expected": round(self.expected, 4), "loops": self.loops,
            "first_decision_effect": None if self.first is None or self.first.effect is None
            else round(self.first.effect, 4),
            "decisions": [{
                "scene": d.scene_id, "order": d.order, "reached": round(d.reached, 4),
                "effect": None if d.effect is None else round(d.effect, 4),
                "spread": round(d.spread, 4), "changes_nothing": d.changes_nothing,
                "most_active": d.most_active, "most_passive": d.most_passive,
                "choices": [{"choice": c.choice_id, "stance": c.stance,
                             "expected": round(c.expected, 4), "share": round(c.share, 4)}
                            for c in d.choices]} for d in self.decisions],
            "several_roads": [{"scene": s.scene_id, "roads": list(s.roads),
                               "remembers": s.remembers} for s in self.several_roads],
            "endings": [{"ending": e.ending_id, "outcome": e.outcome, "share": round(e.share, 4),
                         "roles": {r: round(v, 4) for r, v in e.roles.items()}}
                        for e in self.endings],
            "road_lengths": {str(n): round(share, 4) for n, share in self.road_lengths.items()},
            "repair": None if self.repair is None else round(self.repair, 4),
            "slip": None if self.slip is None else round(self.slip, 4),
            "meter_cuts": [{"choice": c.choice_id, "meter": c.meter, "share": round(c.share, 4),
                            "furthest": c.furthest, "bound": c.bound, "road": list(c.road)}
                           for c in self.cuts],
        }


@dataclass
class _Tally:
    """What the paths add up to, as they are played."""

    paths: int = 0
    loops: int = 0
    total: float = 0.0
    score: float = 0.0
    at: dict[tuple[str, str], list[float]] = field(default_factory=lambda: defaultdict(
        lambda: [0.0, 0.0]))
    """(scene, choice) -> [weight, weight * score]."""
    first_seen: dict[str, int] = field(default_factory=dict)
    """Scene -> the fewest decisions made before reaching it."""
    endings: dict[str, list] = field(default_factory=dict)
    first: dict[bool, list[float]] = field(default_factory=lambda: {True: [0.0, 0.0],
                                                                    False: [0.0, 0.0]})
    """First choice active? -> [weight, weight of the paths that end hopeful (passive start) or
    hard (active start)]."""
    cuts: dict[tuple[str, str], list] = field(default_factory=dict)
    """(choice, meter) -> [weight, furthest value, bound, road]: effects cut off at a bound."""
    lengths: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    """Decisions on a path -> weight."""

    def choice(self, run: Run, choice_id: str, weight: float,
               decisions: list[tuple[str, str]]) -> None:
        """Note where `choice_id`, about to be taken, takes a meter past its bound: the meter
        as the road has it now, not as the story starts it."""
        scene = run.scenario.scenes[run.state.scene]
        choice = next(c for c in scene.choices if c.id == choice_id)
        for meter_id, amount in choice.effects.items():
            meter = run.scenario.meters.get(meter_id)
            if meter is None or amount == 0:
                continue
            value = run.state.meters[meter_id] + amount
            if meter.min <= value <= meter.max:
                continue
            bound = meter.max if value > meter.max else meter.min
            road = tuple(c for _scene, c in decisions) + (choice_id,)
            cell = self.cuts.setdefault((choice_id, meter_id), [0.0, value, bound, road])
            cell[0] += weight
            if abs(value - bound) > abs(cell[1] - bound):
                cell[1], cell[3] = value, road

    def path(self, run: Run, weight: float, decisions: list[tuple[str, str]]) -> None:
        ending = run.scenario.endings[run.state.ending]
        score = OUTCOME_SCORE[ending.outcome]
        self.paths += 1
        self.total += weight
        self.score += weight * score
        self.lengths[len(decisions)] += weight
        for scene_choice in decisions:
            cell = self.at[scene_choice]
            cell[0] += weight
            cell[1] += weight * score
        roles = self.endings.setdefault(ending.id, [0.0, defaultdict(float)])
        roles[0] += weight
        roles[1][run.state.role] += weight
        if decisions:
            scene, choice = decisions[0]
            stance = _stance(run.scenario, scene, choice)
            active = stance in vocab.ACTIVE_STANCES
            self.first[active][0] += weight
            if (active and score == 0) or (not active and score == 2):
                self.first[active][1] += weight


def _stance(s: Scenario, scene_id: str, choice_id: str) -> str:
    return next(c.stance for c in s.scenes[scene_id].choices if c.id == choice_id)


class _TooMany(Exception):
    pass


def analyse(scenario: Scenario, *, max_paths: int = MAX_PATHS, sample: int = SAMPLE,
            seed: int = 7) -> Analysis:
    """Play every path (or a sample) and sum up what the road does to the ending."""
    tally = _Tally()
    try:
        _walk_all(scenario, tally, max_paths)
        exhaustive = True
    except _TooMany:
        tally = _Tally()
        _walk_sample(scenario, tally, sample, random.Random(seed))
        exhaustive = False
    return _sum_up(scenario, tally, exhaustive)


def _walk_all(scenario: Scenario, tally: _Tally, max_paths: int) -> None:
    run = start(scenario, scenario.languages[0])
    decisions: list[tuple[str, str]] = []

    def visit(weight: float, steps: int) -> None:
        if steps > MAX_STEPS:
            tally.loops += 1
            return
        while not run.ended and not run.scenario.scenes[run.state.scene].choices:
            run.advance()  # follow `next`: no decision, nothing to weigh
            steps += 1
            if steps > MAX_STEPS:
                tally.loops += 1
                return
        if run.ended:
            tally.path(run, weight, decisions)
            if tally.paths > max_paths:
                raise _TooMany
            return
        scene = run.state.scene
        tally.first_seen.setdefault(scene, len(decisions))
        tally.first_seen[scene] = min(tally.first_seen[scene], len(decisions))
        offered = run.available_choices()
        if not offered:
            tally.loops += 1  # stuck: nothing can be chosen here
            return
        for choice_id in offered:
            depth = len(run.state.history)
            tally.choice(run, choice_id, weight / len(offered), decisions)
            run.choose(choice_id)
            decisions.append((scene, choice_id))
            visit(weight / len(offered), steps + 1)
            decisions.pop()
            while len(run.state.history) > depth:
                run.back()

    visit(1.0, 0)


def _walk_sample(scenario: Scenario, tally: _Tally, walks: int, rng: random.Random) -> None:
    for _ in range(walks):
        run = start(scenario, scenario.languages[0])
        decisions: list[tuple[str, str]] = []
        for _step in range(MAX_STEPS):
            if run.ended:
                break
            if not run.scenario.scenes[run.state.scene].choices:
                run.advance()
                continue
            scene = run.state.scene
            tally.first_seen[scene] = min(tally.first_seen.get(scene, len(decisions)),
                                          len(decisions))
            offered = run.available_choices()
            if not offered:
                break
            choice_id = rng.choice(offered)
            tally.choice(run, choice_id, 1.0 / walks, decisions)
            run.choose(choice_id)
            decisions.append((scene, choice_id))
        if run.ended:
            tally.path(run, 1.0 / walks, decisions)  # drawn as a random player would play
        else:
            tally.loops += 1


def _sum_up(s: Scenario, tally: _Tally, exhaustive: bool) -> Analysis:
    total = tally.total or 1.0
    decisions = []
    points = sorted(tally.first_seen, key=lambda scene: (tally.first_seen[scene],
                                                         list(s.scenes).index(scene)))
    for order, scene_id in enumerate(points):
        figures = []
        for choice in s.scenes[scene_id].choices:
            weight, weighted = tally.at.get((scene_id, choice.id), (0.0, 0.0))
            if weight > 0:
                figures.append(ChoiceFigure(choice.id, choice.stance, weighted / weight,
                                            weight / total))
        if not figures:
            continue
        active = [f for f in figures if f.stance in vocab.ACTIVE_STANCES]
        passive = [f for f in figures if f.stance in vocab.PASSIVE_STANCES]
        most_active = max(active, key=lambda f: ACTIVITY[f.stance], default=None)
        most_passive = min(passive, key=lambda f: ACTIVITY[f.stance], default=None)
        effect = (most_active.expected - most_passive.expected
                  if most_active and most_passive else None)
        spread = max(f.expected for f in figures) - min(f.expected for f in figures)
        decisions.append(DecisionFigure(
            scene_id, order, sum(f.share for f in figures), tuple(figures),
            most_active.choice_id if most_active else None,
            most_passive.choice_id if most_passive else None, effect, spread))
    endings = []
    for ending_id, (weight, roles) in sorted(tally.endings.items(),
                                             key=lambda item: -item[1][0]):
        endings.append(EndingFigure(ending_id, s.endings[ending_id].outcome, weight / total,
                                    {r: v / weight for r, v in sorted(roles.items(),
                                                                      key=lambda i: -i[1])}))
    (passive_w, repaired), (active_w, slipped) = tally.first[False], tally.first[True]
    cuts = sorted((MeterCut(choice_id, meter, weight, furthest, bound, road)
                   for (choice_id, meter), (weight, furthest, bound, road) in tally.cuts.items()),
                  key=lambda c: (-c.share, c.choice_id, c.meter))
    return Analysis(s.id, tally.paths, exhaustive, tally.score / total, tuple(decisions),
                    several_roads(s), tuple(endings),
                    repaired / passive_w if passive_w else None,
                    slipped / active_w if active_w else None, tally.loops, tuple(cuts),
                    {n: w / total for n, w in sorted(tally.lengths.items())})


def several_roads(s: Scenario) -> tuple[SceneRoads, ...]:
    """The scenes that more than one road leads to, and whether each can remember which."""
    roads: dict[str, list[str]] = defaultdict(list)
    for scene in s.scenes.values():
        for choice in scene.choices:
            for route in choice.routes:
                roads[route.to].append(f"{scene.id}/{choice.id}")
        for route in scene.next_routes:
            roads[route.to].append(scene.id)
    out = []
    for scene_id, into in roads.items():
        if len(into) > 1 and scene_id in s.scenes:
            out.append(SceneRoads(scene_id, tuple(into), remembers(s, scene_id)))
    return tuple(out)


def remembers(s: Scenario, scene_id: str) -> bool:
    """Whether a scene shows anything of the road: a beat, choice or road with a condition."""
    scene = s.scenes[scene_id]
    whens = [b.when for b in scene.beats] + [c.when for c in scene.choices]
    whens += [r.when for c in scene.choices for r in c.routes]
    whens += [r.when for r in scene.next_routes]
    for when in whens:
        if when is None:
            continue
        try:
            if expr.reads_the_road(expr.parse(when)):
                return True
        except expr.ExprError:
            continue
    return False


def road_issues(scenario: Scenario, found: Analysis) -> list[Issue]:
    """Warnings for `check --strict`: decisions that change nothing, and scenes that several
    roads lead to but that remember none of them."""
    issues = []
    for d in found.unchanged:
        scene = scenario.scenes[d.scene_id]
        issues.append(Issue(scene.where("id"), f"the decision in scene '{d.scene_id}' changes "
                            "nothing: every choice here leads to the same expected ending "
                            f"({d.choices[0].expected:.2f} on 0 hard .. 2 hopeful); let a later "
                            "scene or the ending depend on it (see 'bystander analyse')",
                            "warning", "road_unchanged"))
    for roads in found.forgetful:
        scene = scenario.scenes[roads.scene_id]
        shown = ", ".join(roads.roads[:4]) + (", ..." if len(roads.roads) > 4 else "")
        issues.append(Issue(scene.where("id"), f"scene '{roads.scene_id}' is reached by "
                            f"{len(roads.roads)} roads ({shown}) but remembers none of them: "
                            "give a beat, a choice or a road a 'when' that reads the road",
                            "warning", "road_forgets"))
    return issues
