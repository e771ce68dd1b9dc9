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

A story is its id *and* its content: records carry the hash of the file they were played from, so
two different files that both say `id: adrian` (two teachers' stories, or one story before and after
an edit) are counted apart, never merged, and the report says when one id has records of several
versions. Beside the totals, each class session has a row of its own (`SessionRow`): when it
started, the story, every decision of the class's own road with how the hands split, the ending;
unfinished sessions apart.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .. import paths
from ..core import vocab
from ..core.model import Scenario
from ..core.translations import N_, Message, words
from . import pages
from .dates import date_and_time, long_date
from .guide_map import scene_order
from .lesson import scene_title
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

CSV_COLUMNS = ("scenario_id", "scenario_versions", "scenario_content", "decision_point", "scene",
               "step", "choice", "choice_text", "stance", "active", "votes", "vote_share", "taken")
CONTENT_SHOWN = 8
"""How many hex digits of a story's content hash tell two versions apart on a page."""


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
    title: str = ""
    """The words the scene opens with (lesson.scene_title), when the scenario is at hand."""

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
    """One story's counts: one scenario id with one content (see the module's docstring)."""

    scenario_id: str
    title: str
    content_hash: str = ""
    """The hash of the file the records were played from; "" when they do not say."""
    variants: int = 1
    """How many different contents of this scenario id the records hold: above 1, the report says
    that one id has records of different versions of the story, each counted apart."""
    labelled_by_another: bool = False
    """The story's texts come from another version of the file than the one played (the one on
    this computer now): the report says so, since its scenes and choices may differ."""
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

    @property
    def short_content(self) -> str:
        return self.content_hash[:CONTENT_SHOWN]

    def letter_of(self, scene_id: str, choice_id: str) -> str:
        """The choice's letter on the vote screen (A-D), or its id when the story is not at hand."""
        point = self.points.get(scene_id)
        found = next((c for c in point.choices if c.choice_id == choice_id), None) if point else None
        return found.letter if found is not None and found.letter else choice_id


@dataclass(frozen=True)
class DecisionCell:
    """One decision of a class session: how the hands split and what was taken."""

    taken: str
    """The letter of the choice taken (its id when the story is not at hand)."""
    hands: tuple[tuple[str, int], ...]
    """(letter, hands) of every choice that could be taken, in the vote screen's order; empty when
    the class did not vote."""
    overridden: bool
    """The teacher took another choice than the one with most hands."""

    @property
    def total(self) -> int:
        return sum(n for _letter, n in self.hands)


@dataclass(frozen=True)
class SessionRow:
    """One class session, as the coordinator's table shows it. Counts only: no names, no free
    text. The columns are `SESSION_COLUMNS` (the same for the page and the CSV), so a column such
    as a class label is one more field here and one more entry there."""

    session_id: str
    started: str
    """As the record keeps it: "2026-12-07T09:15", to 5 minutes."""
    story: ScenarioTally
    decisions: tuple[DecisionCell, ...]
    """The class's own road, in order; what-if roads are not in it."""
    ending: str | None
    """The ending of the class's own road; None while it is not finished."""
    what_if_roads: int
    label: str = ""
    """The class's short label as the teacher typed it ("3B"); "" when none was given."""
    class_size: int | None = None
    """How many pupils could vote; no decision's hands add up to more (the record says so)."""

    @property
    def finished(self) -> bool:
        return self.ending is not None


@dataclass
class Report:
    folder: Path
    """Where the records were read; never printed: a local path holds the account name."""
    scenarios: list[ScenarioTally]
    problems: list[Skipped]
    sessions: int
    lang: str
    classes: list[SessionRow] = field(default_factory=list)
    """Every class session (mode "class"), oldest first; solo and event play are in the totals."""


class ScenarioShelf:
    """Scenarios by id from a folder, loaded once, to label what the records only name by id."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._by_id: dict[str, Scenario] = {}
        self._by_hash: dict[str, Scenario] = {}
        self._tried: set[str] = set()
        self._scanned = False

    def get(self, scenario_id: str, content_hash: str = "") -> tuple[Scenario | None, bool]:
        """The scenario to label records of this id and content with, and whether it is that
        very version: the file with this content if there is one, else the file with this id
        (another version: its texts may differ), else None."""
        if content_hash in self._by_hash and self._by_hash[content_hash].id == scenario_id:
            return self._by_hash[content_hash], True
        if self.folder is not None and scenario_id not in self._tried:
            self._tried.add(scenario_id)
            self._load(self.folder / f"{scenario_id}.yaml")
        if content_hash and content_hash not in self._by_hash:
            self._scan()
        exact = self._by_hash.get(content_hash)
        if exact is not None and exact.id == scenario_id:
            return exact, True
        return self._by_id.get(scenario_id), False

    def _load(self, path: Path) -> None:
        if not path.is_file():
            return
        from ..core.loader import load
        loaded = load(path)
        if loaded.ok and loaded.scenario is not None:
            self._by_hash.setdefault(loaded.content_hash, loaded.scenario)
            if path.stem == loaded.scenario.id or loaded.scenario.id not in self._by_id:
                self._by_id[loaded.scenario.id] = loaded.scenario  # as paths.duplicate_ids

    def _scan(self) -> None:
        from ..core.loader import scenario_files
        if self.folder is None or self._scanned or not self.folder.is_dir():
            return
        self._scanned = True
        for path in scenario_files([self.folder]):
            if path.stem not in self._tried:
                self._load(path)


def tally(records: Iterable[dict[str, Any]], lang: str = "nl",
          scenes: Path | None = paths.SCENES_DIR) -> list[ScenarioTally]:
    """Count valid records (as `load_sessions` gives them), per story: id and content."""
    return _tally(records, lang, scenes)[0]


def _tally(records: Iterable[dict[str, Any]], lang: str,
           scenes: Path | None) -> tuple[list[ScenarioTally], list[SessionRow]]:
    """The stories' counts, and a row for each class session."""
    shelf = ScenarioShelf(scenes)
    by_story: dict[tuple[str, str], ScenarioTally] = {}
    classes = []
    for record in records:
        key = (record["scenario_id"], record["content_hash"])
        t = by_story.get(key)
        if t is None:
            scenario, exact = shelf.get(*key)
            t = by_story[key] = _new_tally(key[0], scenario, lang)
            t.content_hash, t.labelled_by_another = key[1], scenario is not None and not exact
        _count(t, record)
        if record["mode"] == "class":
            classes.append(record)
    variants = Counter(sid for sid, _hash in by_story)
    for t in by_story.values():  # what the scenario did not order, order by id, not by file name
        t.variants = variants[t.scenario_id]
        for point in t.points.values():
            known = [c for c in point.choices if c.letter]
            point.choices = known + sorted((c for c in point.choices if not c.letter),
                                           key=lambda c: c.choice_id)
    rows = [_session_row(by_story[r["scenario_id"], r["content_hash"]], r) for r in classes]
    return (sorted(by_story.values(), key=lambda t: (t.scenario_id, t.labelled_by_another,
                                                     t.first, t.content_hash)),
            sorted(rows, key=lambda r: (r.started, r.session_id)))


def _session_row(t: ScenarioTally, record: dict[str, Any]) -> SessionRow:
    first_road = next(r for r in record["roads"] if r["parent"] is None)
    cells = []
    for d in record["decisions"]:
        if d["road"] != first_road["id"]:
            continue
        hands = tuple((t.letter_of(d["scene"], cid), n) for cid, n in (d["votes"] or {}).items())
        cells.append(DecisionCell(t.letter_of(d["scene"], d["choice"]), hands, d["overridden"]))
    return SessionRow(record["session_id"], record["started"], t, tuple(cells),
                      first_road["run"]["ending"], len(record["roads"]) - 1,
                      record.get("label", ""), record.get("class_size"))


def _new_tally(sid: str, scenario: Scenario | None, lang: str) -> ScenarioTally:
    t = ScenarioTally(sid, scenario.title.get_text(lang) if scenario else sid)
    if scenario is not None:
        for number, scene_id in enumerate(scene_order(scenario), start=1):
            scene = scenario.scenes[scene_id]
            if not scene.choices:
                continue
            point = PointTally(scene_id, number, scene.step,
                               title=scene_title(scenario, scene, lang))
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
    scenarios, classes = _tally(records, lang, scenes)
    return Report(folder, scenarios, problems, len(records), lang, classes)


# --- CSV ----------------------------------------------------------------------------------------------

# A spreadsheet takes a cell that starts with one of these for a formula, and a scenario's text
# could then run one (=HYPERLINK(...) on a school laptop): such a text is written after an
# apostrophe, which spreadsheets show as text (OWASP's advice for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    """A scenario's text as a CSV cell that no spreadsheet runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A CSV table in which every text cell goes through `csv_text`: not only the columns that
    hold a story's text today, but any that a later column (a class label) adds. Numbers are
    written as they are."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_text(cell) if isinstance(cell, str) else cell for cell in row])
    return out.getvalue()


def report_csv(report: Report) -> str:
    """The totals: one row per story x decision point x choice."""
    def rows():
        for t in report.scenarios:
            versions = ";".join(str(v) for v in sorted(t.versions))
            for n, point in enumerate(t.ordered_points(), start=1):
                total = point.votes
                for c in point.choices:
                    yield [t.scenario_id, versions, t.short_content, n, point.scene_id,
                           point.step or "", c.choice_id, c.text, c.stance or "",
                           {True: "yes", False: "no", None: ""}[c.active], c.votes,
                           f"{c.votes / total:.3f}" if total else "", c.taken]
    return _csv(CSV_COLUMNS, rows())


@dataclass(frozen=True)
class SessionColumn:
    """One column of the class sessions' table: its name in the CSV, its heading on the page,
    and its value in each (None: not shown there). A class label is one more of these."""

    key: str
    heading: Message | None
    page: Callable[[SessionRow, str], str] | None
    csv: Callable[[SessionRow], object]


def _story_on_page(t: ScenarioTally, lang: str) -> str:
    """The story's title, and which version when the records hold several of its id."""
    return f"{t.title} ({_version_note(t, lang)})" if t.variants > 1 else t.title


def _ending_on_page(row: SessionRow, lang: str) -> str:
    _ = words(lang)
    if row.ending is None:
        return _("not finished yet")
    name, outcome = row.story.ending_labels.get(row.ending, (row.ending, None))
    return f"{name} ({vocab.label(vocab.ENDING_OUTCOMES[outcome], lang)})" if outcome else name


def _label_on_page(row: SessionRow, lang: str) -> str:
    """The class's label, and its size when known: "3B (28 pupils)"."""
    _ = words(lang)
    label = row.label or _("no label")
    if row.class_size is None:
        return label
    # TRANSLATORS: a class in the report's sessions: {label} is its label ("3B"), {n} its size.
    return _.ngettext("{label} ({n} pupil)", "{label} ({n} pupils)", row.class_size,
                      label=label)


SESSION_COLUMNS: tuple[SessionColumn, ...] = (
    SessionColumn("label", N_("Class"), _label_on_page, lambda r: r.label),
    SessionColumn("class_size", None, None, lambda r: "" if r.class_size is None
                  else r.class_size),
    SessionColumn("date", N_("Started"), lambda r, lang: date_and_time(r.started, lang),
                  lambda r: r.started[:10]),
    SessionColumn("time", None, None, lambda r: r.started[11:16]),
    SessionColumn("scenario_id", None, None, lambda r: r.story.scenario_id),
    SessionColumn("story", N_("Story"), lambda r, lang: _story_on_page(r.story, lang),
                  lambda r: r.story.title),
    SessionColumn("scenario_content", None, None, lambda r: r.story.short_content),
    SessionColumn("finished", None, None, lambda r: "yes" if r.finished else "no"),
    SessionColumn("ending", N_("Ending"), _ending_on_page, lambda r: r.ending or ""),
    SessionColumn("ending_title", None, None,
                  lambda r: r.story.ending_labels.get(r.ending, (r.ending, None))[0]
                  if r.ending else ""),
    SessionColumn("what_if_roads", None, None, lambda r: r.what_if_roads),
    SessionColumn("decisions", None, None, lambda r: len(r.decisions)),
)
"""The class sessions' columns, in order; the decisions follow them (`decision_1`...)."""


def decision_csv(cell: DecisionCell) -> str:
    """One decision in one CSV cell: "C (A 5, B 7, C 12, D 3)", the choice taken first; "C" when
    the class did not vote; " overridden" when the teacher took another than the most hands."""
    hands = f" ({', '.join(f'{letter} {n}' for letter, n in cell.hands)})" if cell.hands else ""
    return cell.taken + hands + (" overridden" if cell.overridden else "")


def sessions_csv(report: Report) -> str:
    """One row per class session (finished or not), oldest first: `SESSION_COLUMNS`, then each
    decision of the class's own road in a column of its own."""
    most = max((len(r.decisions) for r in report.classes), default=0)
    header = [c.key for c in SESSION_COLUMNS] + [f"decision_{n}" for n in range(1, most + 1)]
    return _csv(header, ([c.csv(r) for c in SESSION_COLUMNS] + [decision_csv(d) for d in r.decisions]
                         for r in report.classes))


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
    headings = [_.message(c.heading) for c in SESSION_COLUMNS if c.heading is not None]
    return pages.render(
        "report.html", lang, title=_("Bystander: report on class sessions"),
        intro=_intro(report.sessions, lang), stylesheet="report.css",
        problems=[(p.name, _.message(SKIPPED_BECAUSE[p.kind])) for p in report.problems],
        session_headings=headings,
        finished=[_session_on_page(r, lang) for r in report.classes if r.finished],
        unfinished=[_session_on_page(r, lang) for r in report.classes if not r.finished],
        scenarios=[_scenario(t, lang, charts) for t in report.scenarios])


def _session_on_page(row: SessionRow, lang: str) -> dict[str, object]:
    """A class session's cells as the page shows them, and its decisions in words."""
    _ = words(lang)
    decisions = []
    for cell in row.decisions:
        # TRANSLATORS: a class vote that was not counted: the teacher took the choice.
        hands = " · ".join(f"{letter} {n}" for letter, n in cell.hands) or _("no vote")
        said = f"{hands} → {cell.taken}"
        if cell.overridden:
            # TRANSLATORS: after a vote: the teacher took another choice than most hands.
            said += " " + _("(the teacher's pick)")
        decisions.append(said)
    cells = [c.page(row, lang) for c in SESSION_COLUMNS if c.page is not None]
    if row.what_if_roads:
        cells[-1] += " · " + _.ngettext("{n} what-if road", "{n} what-if roads",
                                        row.what_if_roads)
    return {"cells": cells, "decisions": decisions}


def _version_note(t: ScenarioTally, lang: str) -> str:
    """Which version of a story, when the records hold several with one id."""
    _ = words(lang)
    versions = ", ".join(str(v) for v in sorted(t.versions))
    # TRANSLATORS: {version} is a story's version number, {content} the start of its content hash.
    return _("version {version}, content {content}", version=versions,
             content=t.short_content or "?")


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
        (_("Period"), f"{long_date(t.first, lang)} – {long_date(t.last, lang)}"
         if t.first != t.last else long_date(t.first, lang)),
        (_("Version of the story"), _version_note(t, lang)),
        (_("What-if roads"), str(t.what_if_roads)),
    ]
    notes = []
    if t.variants > 1:
        notes.append(_.ngettext(
            "The records hold {n} different version of the story ‘{id}’ (the file changed, or "
            "two files have this id); each is counted apart, never together.",
            "The records hold {n} different versions of the story ‘{id}’ (the file changed, or "
            "two files have this id); each is counted apart, never together.", t.variants,
            id=t.scenario_id))
    if t.labelled_by_another:
        notes.append(_("This version of the story is not on this computer: its scenes, choices "
                       "and endings are named as in the version that is, and may differ."))
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
        # TRANSLATORS: a decision point: {number} is its scene's number in the guide, {scene} the
        # words the scene opens with (or its id, when the story is not on this computer).
        heading = _("Scene {number} · {scene}", number=number, scene=point.title or point.scene_id)
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
    return {"id": t.scenario_id, "anchor": f"{t.scenario_id}-{t.short_content or 'unknown'}",
            "title": t.title, "which": f"{t.scenario_id}, {_version_note(t, lang)}"
            if t.variants > 1 else t.scenario_id,
            "facts": facts, "notes": notes, "overall": overall,
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
    finished = sum(r.finished for r in report.classes)
    if report.classes:
        # TRANSLATORS: {finished} and {open} are numbers of class sessions.
        lines.append(_("Class sessions: {finished} finished, {open} not finished",
                       finished=finished, open=len(report.classes) - finished))
    for t in report.scenarios:
        taken = t.active_taken + t.passive_taken
        sessions = _.ngettext("{n} session", "{n} sessions", t.sessions)
        active = _.message(KINDS[True])
        which = f"{t.scenario_id}, {_version_note(t, lang)}" if t.variants > 1 else t.scenario_id
        lines.append(f"\n{t.title} ({which}): {sessions}, {active} {_pct(t.active_taken, taken)}")
        for n, point in enumerate(t.ordered_points(), start=1):
            votes = ", ".join(f"{c.choice_id} {c.votes}" for c in point.choices)
            lines.append(f"  {n}. {point.scene_id}: {votes}")
    return "\n".join(lines) + "\n"
