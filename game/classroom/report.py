"""The school's report over session records: how classes chose, and where they held back.

The seed module asks school leaders for "a system for data collection to track bullying, identify
patterns and evaluate the effectiveness of intervention strategies". This is the game's share of it:
`bystander report [DIR] -o report.html --csv report.csv` reads the anonymous session records and
shows, per scenario and per decision point, how classes voted, the share of active against passive
choices, the endings reached and the bystander steps where classes held back.

What counts: the class's own road (the first road of each session). What-if roads, where the teacher
went back to try the other way, are counted apart. A decision with votes adds every vote; one without
(a solo player, an event screen) counts its choice once. Files that are not records are listed and
skipped.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .. import paths
from ..core import vocab
from ..core.model import Scenario
from ..core.translations import N_, Message, words
from . import pages
from .guide_map import scene_order
from .records import Skipped, load_sessions

SKIPPED_BECAUSE: dict[str, Message] = {
    "not_record": N_("this is not a Bystander session record"),
    "newer": N_("this record comes from a newer version of the game: update the game"),
    "damaged": N_("the record is damaged"),
    "too_large": N_("the file is too large to be a session record"),
    "unreadable": N_("the file cannot be read"),
    "not_text": N_("the file is not text"),
    "not_json": N_("the file is not valid JSON"),
    "other_scenario": N_("the record belongs to another scenario"),
    "in_use": N_("the session is open in another window of the game"),
}
"""Why a file was not counted, by the kind records.Skipped gives."""

MODES: dict[str, Message] = {
    # TRANSLATORS: how a session was played: by a class, alone, or at an event screen.
    "class": N_("class"),
    # TRANSLATORS: how a session was played: by a class, alone, or at an event screen.
    "solo": N_("solo"),
    # TRANSLATORS: how a session was played: by a class, alone, or at an event screen.
    "event": N_("event"),
}

KINDS: dict[bool | None, Message] = {
    True: N_("active"),
    False: N_("passive"),
    # TRANSLATORS: a choice whose stance neither the scenario nor the record says.
    None: N_("unknown"),
}
"""Whether a choice steps in, in words."""

CSV_COLUMNS = ("scenario_id", "scenario_versions", "decision_point", "scene", "step", "choice",
               "choice_text", "stance", "active", "votes", "vote_share", "taken")


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


# --- counting ---------------------------------------------------------------------------------------

@dataclass
class ChoiceTally:
    choice_id: str
    text: str
    """The choice's text when the scenario is at hand; its id otherwise."""
    stance: str | None
    """None when neither the scenario nor any record says."""
    letter: str = ""
    votes: int = 0
    taken: int = 0

    @property
    def active(self) -> bool | None:
        return None if self.stance is None else self.stance in vocab.ACTIVE_STANCES


@dataclass
class PointTally:
    """One decision point (a scene with choices) of one scenario."""

    scene_id: str
    number: int
    """The scene's number in story order (as in the guide)."""
    step: str | None
    reached: int = 0
    """How many times classes decided here on their own road."""
    choices: list[ChoiceTally] = field(default_factory=list)

    def choice(self, choice_id: str) -> ChoiceTally:
        for c in self.choices:
            if c.choice_id == choice_id:
                return c
        tally = ChoiceTally(choice_id, choice_id, None)
        self.choices.append(tally)
        return tally

    @property
    def votes(self) -> int:
        return sum(c.votes for c in self.choices)

    @property
    def active_votes(self) -> int:
        return sum(c.votes for c in self.choices if c.active)


@dataclass
class ScenarioTally:
    scenario_id: str
    title: str
    versions: set[int] = field(default_factory=set)
    sessions: int = 0
    completed: int = 0
    modes: Counter = field(default_factory=Counter)
    first: str = ""
    last: str = ""
    what_if_roads: int = 0
    points: dict[str, PointTally] = field(default_factory=dict)
    active_taken: int = 0
    passive_taken: int = 0
    held_back: Counter = field(default_factory=Counter)
    """Step -> sessions whose first passive choice at a step was at this one; None -> never."""
    step_taken: dict[str, list[int]] = field(default_factory=dict)
    """Step -> [active taken, passive taken]."""
    endings: Counter = field(default_factory=Counter)
    endings_what_if: Counter = field(default_factory=Counter)
    ending_labels: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """Ending id -> (title, outcome) when the scenario is at hand."""

    @property
    def active_votes(self) -> int:
        return sum(p.active_votes for p in self.points.values())

    @property
    def votes(self) -> int:
        return sum(p.votes for p in self.points.values())

    def ordered_points(self) -> list[PointTally]:
        return sorted(self.points.values(), key=lambda p: (p.number, p.scene_id))


@dataclass
class Report:
    folder: Path
    """Where the records were read; never printed: a local path holds the account name."""
    scenarios: list[ScenarioTally]
    problems: list[Skipped]
    sessions: int
    lang: str


class ScenarioShelf:
    """Scenarios by id from a folder, loaded once, to label what the records only name by id."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._cache: dict[str, Scenario | None] = {}
        self._scanned = False

    def get(self, scenario_id: str) -> Scenario | None:
        if scenario_id in self._cache:
            return self._cache[scenario_id]
        found = None
        if self.folder is not None:
            found = self._load(self.folder / f"{scenario_id}.yaml")
            if found is None or found.id != scenario_id:
                found = self._scan().get(scenario_id)
        self._cache[scenario_id] = found
        return found

    def _load(self, path: Path) -> Scenario | None:
        if not path.is_file():
            return None
        from ..core.loader import load
        loaded = load(path)
        return loaded.scenario if loaded.ok else None

    def _scan(self) -> dict[str, Scenario]:
        from ..core.loader import scenario_files
        out: dict[str, Scenario] = {}
        if self.folder is None or self._scanned or not self.folder.is_dir():
            return out
        self._scanned = True
        for path in scenario_files([self.folder]):
            scenario = self._load(path)
            if scenario is not None:
                out.setdefault(scenario.id, scenario)
                self._cache.setdefault(scenario.id, scenario)
        return out


def tally(records: Iterable[dict[str, Any]], lang: str = "nl",
          scenes: Path | None = paths.SCENES_DIR) -> list[ScenarioTally]:
    """Count valid records (as `load_sessions` gives them), per scenario."""
    shelf = ScenarioShelf(scenes)
    by_id: dict[str, ScenarioTally] = {}
    for record in records:
        sid = record["scenario_id"]
        t = by_id.get(sid)
        if t is None:
            t = by_id[sid] = _new_tally(sid, shelf.get(sid), lang)
        _count(t, record)
    for t in by_id.values():  # what the scenario did not order, order by id, not by file name
        for point in t.points.values():
            known = [c for c in point.choices if c.letter]
            point.choices = known + sorted((c for c in point.choices if not c.letter),
                                           key=lambda c: c.choice_id)
    return sorted(by_id.values(), key=lambda t: t.scenario_id)


def _new_tally(sid: str, scenario: Scenario | None, lang: str) -> ScenarioTally:
    t = ScenarioTally(sid, scenario.title.get_text(lang) if scenario else sid)
    if scenario is not None:
        for number, scene_id in enumerate(scene_order(scenario), start=1):
            scene = scenario.scenes[scene_id]
            if not scene.choices:
                continue
            point = PointTally(scene_id, number, scene.step)
            for i, c in enumerate(scene.choices):
                point.choices.append(ChoiceTally(c.id, c.text.get_text(lang), c.stance,
                                                 "ABCDEFGHIJ"[i] if i < 10 else ""))
            t.points[scene_id] = point
        for e in scenario.endings.values():
            t.ending_labels[e.id] = (e.title.get_text(lang), e.outcome)
    return t


def _count(t: ScenarioTally, record: dict[str, Any]) -> None:
    t.sessions += 1
    t.modes[record["mode"]] += 1
    t.versions.add(record["scenario_version"])
    day = record["started"][:10]
    t.first = min(t.first or day, day)
    t.last = max(t.last, day)
    first_road = next(r for r in record["roads"] if r["parent"] is None)
    t.what_if_roads += len(record["roads"]) - 1
    held_back: str | None = None
    for d in record["decisions"]:
        if d["road"] != first_road["id"]:
            continue
        point = t.points.get(d["scene"])
        if point is None:
            point = t.points[d["scene"]] = PointTally(d["scene"], 10_000, d["step"])
        point.reached += 1
        taken = point.choice(d["choice"])
        if taken.stance is None:
            taken.stance = d["stance"]
        taken.taken += 1
        if d["votes"] is None:
            taken.votes += 1
        else:
            for choice_id, count in d["votes"].items():
                point.choice(choice_id).votes += count
        active = d["stance"] in vocab.ACTIVE_STANCES
        t.active_taken += active
        t.passive_taken += not active
        if d["step"]:
            counts = t.step_taken.setdefault(d["step"], [0, 0])
            counts[0 if active else 1] += 1
            if not active and held_back is None:
                held_back = d["step"]
    if record["decisions"] or first_road["run"]["ending"]:
        t.held_back[held_back] += 1
    if first_road["run"]["ending"]:  # finished: the class's own road reached its ending
        t.completed += 1
        t.endings[first_road["run"]["ending"]] += 1
    for road in record["roads"]:
        if road is not first_road and road["run"]["ending"]:
            t.endings_what_if[road["run"]["ending"]] += 1


def build_report(folder: Path, lang: str = "nl",
                 scenes: Path | None = paths.SCENES_DIR) -> Report:
    """Read every record in `folder` and count them."""
    records, problems = load_sessions(folder)
    return Report(folder, tally(records, lang, scenes), problems, len(records), lang)


# --- CSV ----------------------------------------------------------------------------------------------

# A spreadsheet takes a cell that starts with one of these for a formula, and a scenario's text
# could then run one (=HYPERLINK(...) on a school laptop): such a text is written after an
# apostrophe, which spreadsheets show as text (OWASP's advice for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    """A scenario's text as a CSV cell that no spreadsheet runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def report_csv(report: Report) -> str:
    """One row per scenario x decision point x choice."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for t in report.scenarios:
        versions = ";".join(str(v) for v in sorted(t.versions))
        for n, point in enumerate(t.ordered_points(), start=1):
            total = point.votes
            for c in point.choices:
                writer.writerow([
                    t.scenario_id, versions, n, point.scene_id, point.step or "", c.choice_id,
                    csv_text(c.text), c.stance or "",
                    {True: "yes", False: "no", None: ""}[c.active], c.votes,
                    f"{c.votes / total:.3f}" if total else "", c.taken])
    return out.getvalue()


# --- HTML ---------------------------------------------------------------------------------------------

CHART_W = 680
BAR_X = 4
BAR_MAX = 520
ROW_H = 38


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    kind: str
    """`active`, `passive`, or `neutral`: drawn solid, hatched, or grey; the label says it too."""
    note: str = ""
    """Text after the number, e.g. the share."""
    outcome: str | None = None
    """An ending's outcome (`bad`, `mixed`, `good`): a neutral bar in that outcome's colour."""
    suffix: str = ""
    """Text after the label that is never cut off, e.g. "(outsider, passive)"."""


@dataclass(frozen=True)
class PlacedBar:
    """A bar as templates/chart.svg draws it: its label above it, its number after it."""

    label: str
    label_y: int
    bar_y: int
    width: float
    number: str
    number_x: float
    number_y: int
    kind: str
    outcome: str | None


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart, each bar with its text and its number: not colour alone."""

    number: int
    """Its place among the page's charts, which names its hatching pattern."""
    title: str
    width: int
    height: int
    x: int
    bars: list[PlacedBar]


class _Charts:
    """The page's charts, numbered in the order they are made."""

    def __init__(self) -> None:
        self.count = 0

    def bars(self, bars: list[Bar], title: str) -> Chart:
        self.count += 1
        top = max((b.value for b in bars), default=0) or 1
        placed = []
        for i, bar in enumerate(bars):
            y = i * ROW_H + 4
            room = 94 - len(bar.suffix)
            label = bar.label if len(bar.label) <= room else bar.label[:room - 1].rstrip() + "…"
            width = max(BAR_MAX * bar.value / top, 1.5 if bar.value else 0)
            placed.append(PlacedBar(f"{label} {bar.suffix}".strip(), y + 11, y + 16, width,
                                    f"{bar.value}" + (f" · {bar.note}" if bar.note else ""),
                                    BAR_X + width + 6, y + 28, bar.kind, bar.outcome))
        return Chart(self.count, title, CHART_W, ROW_H * len(bars) + 6, BAR_X, placed)


def report_html(report: Report) -> str:
    """The report as one self-contained HTML document (templates/report.html)."""
    lang = report.lang
    _ = words(lang)
    charts = _Charts()
    return pages.render(
        "report.html", lang, title=_("Bystander: report on class sessions"),
        intro=_intro(report.sessions, lang), stylesheet="report.css",
        problems=[(p.name, _.message(SKIPPED_BECAUSE[p.kind])) for p in report.problems],
        scenarios=[_scenario(t, lang, charts) for t in report.scenarios])


def _intro(sessions: int, lang: str) -> str:
    return words(lang).ngettext(
        "About {n} session from the folder of session records. Sessions are anonymous: they "
        "hold only choices, votes, rounded times and endings, never names.",
        "About {n} sessions from the folder of session records. Sessions are anonymous: they "
        "hold only choices, votes, rounded times and endings, never names.", sessions)


def _scenario(t: ScenarioTally, lang: str, charts: _Charts) -> dict[str, object]:
    """One scenario's part of the report: its facts, charts and table, worked out."""
    _ = words(lang)
    modes = ", ".join(f"{_.message(MODES[m])}: {n}" for m, n in sorted(t.modes.items()))
    facts = [
        # TRANSLATORS: {total} sessions in all, of which {completed} reached an ending.
        (_("Sessions"), _("{total} ({completed} finished, {open} not finished)", total=t.sessions,
                          completed=t.completed, open=t.sessions - t.completed)),
        (_("How it was played"), modes),
        (_("Period"), f"{t.first} – {t.last}" if t.first != t.last else t.first),
        (_("Scenario versions"), ", ".join(str(v) for v in sorted(t.versions))),
        (_("What-if roads"), str(t.what_if_roads)),
    ]
    taken = t.active_taken + t.passive_taken
    votes = t.votes
    # TRANSLATORS: a bar's label: {kind} is "active" or "passive", counted over the choices taken.
    by_taken = lambda kind: _("{kind} (taken)", kind=kind)  # noqa: E731
    # TRANSLATORS: a bar's label: {kind} is "active" or "passive", counted over the votes.
    by_votes = lambda kind: _("{kind} (votes)", kind=kind)  # noqa: E731
    active, passive = _.message(KINDS[True]), _.message(KINDS[False])
    overall = charts.bars([
        Bar(by_taken(active), t.active_taken, "active", _pct(t.active_taken, taken)),
        Bar(by_taken(passive), t.passive_taken, "passive", _pct(t.passive_taken, taken)),
        Bar(by_votes(active), t.active_votes, "active", _pct(t.active_votes, votes)),
        Bar(by_votes(passive), votes - t.active_votes, "passive",
            _pct(votes - t.active_votes, votes)),
    ], _("Active or passive, over all decisions"))

    held = [Bar(vocab.label(vocab.STEPS[s], lang), t.held_back.get(s, 0), "passive",
                _pct(t.held_back.get(s, 0), sum(t.held_back.values())))
            for s in vocab.STEPS]
    # TRANSLATORS: the class held back at no step: it acted every time.
    held.append(Bar(_("nowhere"), t.held_back.get(None, 0), "active",
                    _pct(t.held_back.get(None, 0), sum(t.held_back.values()))))
    held_back = charts.bars(held, _("Where classes held back"))
    steps = [(vocab.label(vocab.STEPS[s], lang), *t.step_taken.get(s, [0, 0]))
             for s in vocab.STEPS]

    endings = _endings_chart(t, t.endings, lang, charts, _("Endings reached (own road)"))
    endings_what_if = None
    if t.endings_what_if:
        endings_what_if = _endings_chart(t, t.endings_what_if, lang, charts,
                                         _("Endings on what-if roads"), only_reached=True)

    points = []
    for n, point in enumerate(t.ordered_points(), start=1):
        number = point.number if point.number < 10_000 else n
        # TRANSLATORS: a decision point: {number} is its scene's number in the guide, {scene} its id.
        heading = _("Scene {number} · {scene}", number=number, scene=point.scene_id)
        # TRANSLATORS: how many times classes decided here.
        meta = [_.ngettext("reached {n} time", "reached {n} times", point.reached)]
        if point.step:
            # TRANSLATORS: {step} is a bystander step ("notice").
            meta.insert(0, _("step: {step}", step=vocab.label(vocab.STEPS[point.step], lang)))
        # TRANSLATORS: {active} of the {n} votes went to active choices; {pct} is that share ("40%").
        meta.append(_.ngettext("{active} of {n} vote active ({pct})",
                               "{active} of {n} votes active ({pct})", point.votes,
                               active=point.active_votes,
                               pct=_pct(point.active_votes, point.votes)))
        bars = []
        # TRANSLATORS: before how many times a choice was taken: "taken 3×".
        taken = _("taken")
        for c in point.choices:
            stance = vocab.label(vocab.STANCES[c.stance], lang) if c.stance in vocab.STANCES \
                else "?"
            prefix = f"{c.letter}. " if c.letter else ""
            bars.append(Bar(f"{prefix}{c.text}", c.votes,
                            {True: "active", False: "passive"}.get(c.active, "neutral"),
                            f"{_pct(c.votes, point.votes)} · {taken} {c.taken}×",
                            suffix=f"({stance}, {_.message(KINDS[c.active])})"))
        points.append({"meta": " · ".join(meta), "chart": charts.bars(bars, heading)})
    return {"id": t.scenario_id, "title": t.title, "facts": facts, "overall": overall,
            "held_back": held_back, "steps": steps, "endings": endings,
            "endings_what_if": endings_what_if, "points": points}


def _endings_chart(t: ScenarioTally, counts: Counter, lang: str, charts: _Charts, title: str,
                   only_reached: bool = False) -> Chart:
    ids = list(t.ending_labels) + sorted(set(counts) - set(t.ending_labels))
    total = sum(counts.values())
    bars = []
    for ending_id in ids:
        if only_reached and not counts.get(ending_id):
            continue
        name, outcome = t.ending_labels.get(ending_id, (ending_id, None))
        outcome_word = vocab.label(vocab.ENDING_OUTCOMES[outcome], lang) if outcome else "?"
        bars.append(Bar(f"{name} ({outcome_word})", counts.get(ending_id, 0), "neutral",
                        _pct(counts.get(ending_id, 0), total), outcome=outcome))
    unfinished = t.sessions - total if not only_reached else 0
    if unfinished > 0:
        _ = words(lang)
        bars.append(Bar(_("not finished yet"), unfinished, "neutral"))
    return charts.bars(bars, title)


def report_text(report: Report) -> str:
    """A short plain-text summary for the terminal (the skipped files go to stderr)."""
    lang = report.lang
    _ = words(lang)
    lines = [_("Bystander: report on class sessions"), _intro(report.sessions, lang)]
    if not report.scenarios:
        lines.append(_("No sessions found yet."))
    for t in report.scenarios:
        taken = t.active_taken + t.passive_taken
        sessions = _.ngettext("{n} session", "{n} sessions", t.sessions)
        active = _.message(KINDS[True])
        lines.append(f"\n{t.title} ({t.scenario_id}): {sessions}, "
                     f"{active} {_pct(t.active_taken, taken)}")
        for n, point in enumerate(t.ordered_points(), start=1):
            votes = ", ".join(f"{c.choice_id} {c.votes}" for c in point.choices)
            lines.append(f"  {n}. {point.scene_id}: {votes}")
    return "\n".join(lines) + "\n"
