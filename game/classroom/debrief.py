"""The debrief of one road: what the class chose, where it held back, which strategies it used.

Built only from the road's own `Summary` and the scenario, so the same function serves the debrief
screen, the teacher's guide and a test. Plain frozen dataclasses, in one language.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import vocab
from ..core.engine import EndingView, Run, Summary, journey_text
from ..core.model import Scenario


@dataclass(frozen=True)
class StanceCount:
    """How often the class took one stance."""

    stance: str
    label: str
    count: int
    active: bool
    """Whether the stance is a way of defending."""


@dataclass(frozen=True)
class RoleCount:
    """How often the class's choices put it in one participant role (all defending is `defender`)."""

    role: str
    label: str
    count: int


@dataclass(frozen=True)
class DebriefDecision:
    """One decision of the road, as the debrief shows it."""

    index: int
    """Position among the road's decisions, from 0."""
    scene_id: str
    choice_id: str
    choice_text: str
    stance: str
    stance_label: str
    active: bool
    step: str | None
    """The bystander step the decision point tests, if the scenario names one."""
    step_label: str | None
    strategy: str | None
    strategy_label: str | None


@dataclass(frozen=True)
class StrategyLabel:
    id: str
    label: str


@dataclass(frozen=True)
class Debrief:
    """Everything the debrief of one road needs, in `lang`."""

    scenario_id: str
    lang: str
    decisions: tuple[DebriefDecision, ...]
    stances: tuple[StanceCount, ...]
    """Stances the class took, in the order of the vocabulary, each at least once."""
    roles: tuple[RoleCount, ...]
    """The participant roles the road put the player in (the role machine's, after each
    decision), each at least once, with how many decisions left the player in it."""
    journey: str
    """The role journey in words: "You started as a bystander, became a defender"."""
    active_share: float
    """Share of decisions that were a way of defending, 0 to 1."""
    steps: tuple[DebriefDecision, ...]
    """The decisions at a decision point with a bystander step, in order."""
    held_back_at: DebriefDecision | None
    """The first decision with a step where the class chose a passive stance; None if it never did."""
    strategies_used: tuple[StrategyLabel, ...]
    """Seed strategies of the choices the class took."""
    strategies_missed: tuple[StrategyLabel, ...]
    """Seed strategies a choice offered at the class's own decision points, which it did not take."""
    strategies_elsewhere: tuple[StrategyLabel, ...]
    """Seed strategies on roads the class never reached: material for "what if"."""
    ending: EndingView | None
    closing: tuple[str, ...]
    """The scenario's closing questions, to help students step out of their role."""


def road_debrief(run: Run, lang: str) -> Debrief:
    """The debrief of the road `run` has taken so far (the debrief screen's)."""
    return debrief(run.scenario, run.summary(), lang)


def debrief(scenario: Scenario, summary: Summary, lang: str) -> Debrief:
    """The debrief of the road `summary` sums up."""
    decisions = []
    for index, d in enumerate(summary.decisions):
        choice = next(c for c in scenario.scenes[d.scene_id].choices if c.id == d.choice_id)
        decisions.append(DebriefDecision(
            index, d.scene_id, d.choice_id, choice.text.get_text(lang), d.stance,
            vocab.label(vocab.STANCES[d.stance], lang), d.stance in vocab.ACTIVE_STANCES, d.step,
            vocab.label(vocab.STEPS[d.step], lang) if d.step else None, d.strategy,
            vocab.label(vocab.STRATEGIES[d.strategy], lang) if d.strategy else None))

    stances = tuple(
        StanceCount(s, vocab.label(term, lang), n, s in vocab.ACTIVE_STANCES)
        for s, term in vocab.STANCES.items()
        if (n := sum(1 for d in decisions if d.stance == s)))
    roles = tuple(
        RoleCount(r, vocab.label(term, lang), n)
        for r, term in vocab.ROLES.items()
        if (n := sum(1 for role in summary.roles[1:] if role == r)))
    steps = tuple(d for d in decisions if d.step)
    held_back = next((d for d in steps if not d.active), None)

    used = {d.strategy for d in decisions if d.strategy}
    offered = {c.strategy for d in decisions for c in scenario.scenes[d.scene_id].choices
               if c.strategy}
    anywhere = {c.strategy for s in scenario.scenes.values() for c in s.choices if c.strategy}

    def labelled(ids: set[str]) -> tuple[StrategyLabel, ...]:
        return tuple(StrategyLabel(s, vocab.label(vocab.STRATEGIES[s], lang))
                     for s in vocab.STRATEGIES if s in ids)

    return Debrief(
        scenario.id, lang, tuple(decisions), stances, roles,
        journey_text(list(summary.roles), lang) if summary.roles else summary.journey,
        summary.active_share, steps, held_back, labelled(used), labelled(offered - used),
        labelled(anywhere - offered), _ending(scenario, summary, lang),
        tuple(q.get_text(lang) for q in scenario.closing))


def _ending(scenario: Scenario, summary: Summary, lang: str) -> EndingView | None:
    """The road's ending in `lang` (the summary has it in the run's language)."""
    if summary.ending is None:
        return None
    e = scenario.endings[summary.ending.id]
    return EndingView(e.id, e.title.get_text(lang), e.text.get_text(lang), e.outcome,
                      vocab.label(vocab.ENDING_OUTCOMES[e.outcome], lang),
                      tuple(h.get_text(lang) for h in scenario.help))


# --- how the class split ------------------------------------------------------------------------

LETTERS = "ABCD"

TAKEN_BY = ("vote", "teacher", "no_vote")
"""How a decision's choice was taken: the most hands; the teacher's pick over the hands (a tie,
an override, or a what-if the teacher steered); no vote counted at all."""


@dataclass(frozen=True)
class Split:
    """One decision of a road as the debrief shows its vote: the hands per choice, and which
    choice was taken and how. The words say which one, never a colour alone."""

    number: int
    """The decision's number on the road, from 1."""
    hands: tuple[tuple[str, int], ...]
    """(letter, hands) of each choice that could be taken, in the vote screen's order; empty
    when no vote was counted."""
    taken: str
    """The letter of the choice taken."""
    taken_text: str
    taken_by: str
    """One of TAKEN_BY."""

    @property
    def total(self) -> int:
        return sum(n for _, n in self.hands)


def splits(scenario: Scenario, decisions: list[dict], lang: str) -> tuple[Split, ...]:
    """The splits of a road's recorded decisions (`ClassSession.votes(road)`), in order."""
    found = []
    for number, d in enumerate(decisions, start=1):
        scene = scenario.scenes.get(d["scene"])
        order = [c.id for c in scene.choices] if scene else [d["choice"]]
        letter = {cid: LETTERS[i] if i < len(LETTERS) else "?" for i, cid in enumerate(order)}
        votes = d.get("votes") or {}
        hands = tuple((letter.get(cid, "?"), n) for cid, n in
                      sorted(votes.items(), key=lambda kv: order.index(kv[0])
                             if kv[0] in order else len(order)))
        choice = next((c for c in scene.choices if c.id == d["choice"]), None) if scene else None
        taken_by = "no_vote" if not d.get("votes") else ("teacher" if d.get("overridden")
                                                         else "vote")
        found.append(Split(number, hands, letter.get(d["choice"], "?"),
                           choice.text.get_text(lang) if choice else d["choice"], taken_by))
    return tuple(found)
