"""What `bystander analyse` prints: how much the road matters in one story, for its author.

The figures come from `core.analysis`; this only puts them in words (English, like every message
of the command line). The last three lines are the verdict, so `tail -n 3` gives it.
"""

from __future__ import annotations

from .core import vocab
from .core.analysis import Analysis, DecisionFigure

GOOD_FIRST_EFFECT = 0.5
"""A good story: the first decision moves the expected ending by at least this much (design)."""


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def _decision_line(d: DecisionFigure) -> str:
    effect = "   n/a" if d.effect is None else f"{d.effect:+.2f}"
    parts = [f"  {d.order + 1:>2}. {d.scene_id:<24} {effect}"]
    if d.most_active and d.most_passive:
        by_id = {c.choice_id: c for c in d.choices}
        act, pas = by_id[d.most_active], by_id[d.most_passive]
        parts.append(f"  {act.choice_id} ({act.stance}) {act.expected:.2f} vs "
                     f"{pas.choice_id} ({pas.stance}) {pas.expected:.2f}")
    parts.append(f"  reached by {_pct(d.reached)}")
    if d.changes_nothing:
        parts.append("  CHANGES NOTHING")
    return "".join(parts)


def analysis_text(found: Analysis) -> str:
    lines = []
    how = "all of them" if found.exhaustive else "a random sample: there are more than can be " \
                                                "walked"
    lines.append(f"{found.scenario_id}: {found.paths:,} paths ({how}); expected ending "
                 f"{found.expected:.2f} on a scale of 0 (hard) to 2 (hopeful), for a player "
                 "choosing at random")
    if found.loops:
        lines.append(f"  {found.loops:,} paths never end (a loop, or nothing can be chosen)")
    lines.append("")
    lines.append("Decisions, earliest first: how far the most active choice moves the expected "
                 "ending from the most passive one")
    lines += [_decision_line(d) for d in found.decisions]
    lines.append("")
    lines.append("Endings, how often a player choosing at random reaches them, and the roles "
                 "players end in there")
    for e in found.endings:
        roles = ", ".join(f"{vocab.ROLES[r].msgid} {_pct(v)}" for r, v in e.roles.items())
        lines.append(f"  {e.ending_id} ({vocab.ENDING_OUTCOMES[e.outcome].msgid}) "
                     f"{_pct(e.share)}: {roles}")
    lines.append("")
    several = found.several_roads
    lines.append(f"Scenes reached by several roads: {len(several)}, of which "
                 f"{len(found.forgetful)} remember none of them")
    for roads in found.forgetful:
        lines.append(f"  {roads.scene_id} ({len(roads.roads)} roads)")
    lines.append("")
    lines.append(f"Meters cut off at a bound: {len(found.cuts)} effects of choices take a "
                 "meter past its bound on some road, where it stops (often meant: a meter that "
                 "tops out)")
    for cut in found.cuts:
        share = _pct(cut.share) if cut.share >= 0.005 else "under 1%"
        lines.append(f"  {cut.choice_id}: {cut.meter} would reach {cut.furthest}, stops at "
                     f"{cut.bound}; for {share} of players, e.g. after {', '.join(cut.road)}")
    lines.append("")
    first = found.first
    if first is None or first.effect is None:
        lines.append("First decision: offers no choice between acting and standing by")
    else:
        verdict = "good" if abs(first.effect) >= GOOD_FIRST_EFFECT else \
            f"below the {GOOD_FIRST_EFFECT} a story should reach"
        lines.append(f"First decision ({first.scene_id}) moves the expected ending by "
                     f"{first.effect:+.2f} ({verdict}); {len(found.unchanged)} decisions change "
                     "nothing")
    lines.append(f"Forgetful scenes: {len(found.forgetful)} of {len(several)} reached by "
                 "several roads remember none of them")
    repair = "n/a" if found.repair is None else _pct(found.repair)
    slip = "n/a" if found.slip is None else _pct(found.slip)
    lines.append(f"Repair: {repair} of players who stand by first still end hopeful; slip: "
                 f"{slip} of players who act first still end hard")
    return "\n".join(lines) + "\n"
