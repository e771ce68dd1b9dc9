"""Session records: one anonymous JSON file per class session, written as the class plays.

A record holds what the class chose, how it voted, how long each decision took (to 10 seconds) and
when the session started (to 5 minutes). It never holds a name, free text or anything derived from
a person or a machine: `RECORD_SCHEMA` below is the whole of it, and `SessionLog.from_dict` refuses
anything else. The screens use it like this:

    log = SessionLog.begin(run, "class", loaded.content_hash)
    outcome = run.choose(choice_id)
    log.record_decision(run, outcome, votes={"walk_on": 9, "stand_by": 16}, overridden=False,
                        seconds=74.2)
    road = log.branch(run, at_decision=1)     # what if the class had done otherwise at decision 1?
    run = resume(log, scenario)               # the new road's run, at that decision
    log.switch(0)                             # back to the class's own road
    log.finish(run)

Every change is saved at once, atomically, so a crash (or a pulled plug) leaves the last good record;
`unfinished_sessions()` offers it again on the next start.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from ..core import shapes
from ..core.engine import Outcome, Run, load_run, replay
from ..core.limits import MAX_VERSION, MIN_VERSION
from ..core.model import Scenario
from ..core.state import RUN_SCHEMA, SAVE_FORMAT, SAVE_VERSION, SaveError
from .. import paths
from ..filelock import FileLock
from ..files import (TooLarge, make_folder, read_limited, remove_stale_temporaries,
                     replace_file, round_times, temporary_pattern)

log = logging.getLogger(__name__)

RECORD_FORMAT = "bystander-session"
RECORD_VERSION = 2
"""2 added the class's label, its size and the lesson's length; a record of version 1 has none of
them and still loads (as an unlabelled class of unknown size)."""
READ_VERSIONS = (1, 2)
MODES = ("class", "solo", "event")
SESSIONS = "sessions"
CORRUPT = "corrupt"
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_SECONDS = 24 * 60 * 60
LABEL_CHARS = 12
"""A class label ("3B", "H2a", "vwo-3") is at most this long: the only free text a record holds,
kept too short for a name and a sentence."""
LABEL_PATTERN = r"^[0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF .\-/]{0,12}$"
"""Letters (with the accents Dutch and its neighbours use), digits, spaces and . - /: enough for
every way a school names a class, and nothing a spreadsheet or a page would read as markup."""
MAX_CLASS_SIZE = 99
"""The most hands one vote can count (the vote screen's largest number)."""
LESSON_LENGTHS = (45, 50)
"""The Dutch lesson hour, in minutes (lesson.LESSON_MINUTES says the same for the guide)."""


class RecordError(ValueError):
    """A session record that cannot be used: not a record, a newer version, or damaged.

    `kind` names the reason in one word (one of RECORD_PROBLEMS) so that a report in Dutch can
    say it in Dutch; the message itself is the English detail for logs and the terminal.
    """

    def __init__(self, message: str, kind: str = "damaged"):
        super().__init__(message)
        self.kind = kind


RECORD_PROBLEMS = ("not_record", "newer", "damaged", "too_large", "unreadable", "not_text",
                   "not_json", "other_scenario", "in_use")
"""Every `RecordError.kind`: each has its sentence in every report language (a test checks)."""


@dataclass(frozen=True)
class Skipped:
    """A file in the sessions folder that is not a usable record: its name and why not."""
    name: str
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.name}: {self.detail}"


# --- the schema: everything a record may hold, and nothing else -------------------------------------

RECORD_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Bystander session record",
    **shapes.closed({
        "format": {"const": RECORD_FORMAT},
        "version": {"type": "integer", "enum": list(READ_VERSIONS)},
        "session_id": {"type": "string", "pattern": r"^[0-9a-f]{32}$"},
        "scenario_id": shapes.ID,
        "scenario_version": {"type": "integer", "minimum": MIN_VERSION,
                             "maximum": MAX_VERSION},
        "content_hash": shapes.HASH,
        "lang": shapes.LANG,
        "mode": {"type": "string", "enum": list(MODES)},
        "started": {"type": "string",
                    "pattern": r"^[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][05]$"},
        "road": {"type": "integer", "minimum": 0, "maximum": 10_000},
        "decisions": {"type": "array", "maxItems": 10_000, "items": shapes.closed({
            "scene": shapes.ID,
            "choice": shapes.ID,
            "stance": shapes.STANCE,
            "step": shapes.STEP_OR_NULL,
            "votes": {"type": ["object", "null"], "maxProperties": 64, "propertyNames": shapes.ID,
                      "additionalProperties": shapes.COUNT},
            "overridden": {"type": "boolean"},
            "road": {"type": "integer", "minimum": 0, "maximum": 10_000},
            "seconds": {"type": "integer", "minimum": 0, "maximum": MAX_SECONDS,
                        "multipleOf": 10},
        })},
        "roads": {"type": "array", "minItems": 1, "maxItems": 10_000, "items": shapes.closed({
            "id": {"type": "integer", "minimum": 0, "maximum": 10_000},
            "parent": {"type": ["integer", "null"], "minimum": 0, "maximum": 10_000},
            "branch_at": {"type": ["integer", "null"], "minimum": 0, "maximum": 10_000},
            "run": RUN_SCHEMA,
        })},
        "ending": shapes.ID_OR_NULL,
        "completed": {"type": "boolean"},
        "label": {"type": "string", "pattern": LABEL_PATTERN},
        "class_size": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_CLASS_SIZE},
        "lesson_minutes": {"type": ["integer", "null"], "enum": [*LESSON_LENGTHS, None]},
    }, optional=("label", "class_size", "lesson_minutes")),
}
"""The whole of a session record, as JSON Schema (draft 2020-12). `road` is the road the session is
on now, so a resumed session continues where it stopped. `label`, `class_size` and
`lesson_minutes` came with version 2: a version 1 record has none of them."""


def class_label(text: object) -> str:
    """A class label as a record keeps it: spaces at its ends dropped and runs of them made one;
    ValueError when it is longer than LABEL_CHARS or holds other characters than LABEL_PATTERN
    allows. The only free text the game stores, so it is checked where it enters."""
    if not isinstance(text, str):
        raise ValueError("a class label is a text")
    label = " ".join(text.split())
    if not re.fullmatch(LABEL_PATTERN, label):
        raise ValueError(f"a class label is at most {LABEL_CHARS} letters, digits, spaces, "
                         f"dots, dashes or slashes, not {label[:20]!r}")
    return label


def label_char_allowed(char: str) -> bool:
    """Whether a typed character may be part of a class label (the form drops others)."""
    return len(char) == 1 and re.fullmatch(LABEL_PATTERN, char) is not None


# --- folders -------------------------------------------------------------------------------------

def data_dir() -> Path:
    """Where records live: $BYSTANDER_DATA_DIR, or the platform's data folder for "bystander"."""
    return paths.data_dir()


def sessions_dir() -> Path:
    """The folder of session records: data_dir()/"sessions"."""
    return data_dir() / SESSIONS


def coarse_time(timestamp: float) -> str:
    """Local date and time, rounded down to 5 minutes: "2026-11-30T09:15"."""
    moment = datetime.fromtimestamp(timestamp)
    return moment.replace(minute=moment.minute - moment.minute % 5).strftime("%Y-%m-%dT%H:%M")


def coarse_seconds(seconds: float) -> int:
    """Seconds rounded to the nearest 10, from 0 to a day."""
    if not isinstance(seconds, (int, float)) or not math.isfinite(seconds):
        return 0
    return int(min(max(seconds, 0), MAX_SECONDS) / 10 + 0.5) * 10


# --- the log -------------------------------------------------------------------------------------

@dataclass
class Road:
    """One way through the story. The first is the class's own; each what-if branches off one."""

    id: int
    parent: int | None
    """The road this one branched off; None for the first road."""
    branch_at: int | None
    """The index of the parent's decision where this road takes another way; None for the first."""
    run: dict[str, Any]
    """The engine's `Run.save()` of this road as it stands now."""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "parent": self.parent, "branch_at": self.branch_at,
                "run": self.run}


def _decision_moves(run: Run) -> list[str | None]:
    """The run's moves: choice ids, with None for each `next` followed."""
    return [step.choice for step in run.state.history[1:]]


def _last_decision_scene(run: Run) -> tuple[str, str]:
    """(scene, choice) of the run's latest choice."""
    history = run.state.history
    for before, step in zip(reversed(history[:-1]), reversed(history[1:])):
        if step.choice is not None:
            return before.scene, step.choice
    raise ValueError("the run has no decision yet: record a decision right after run.choose()")


class SessionLog:
    """The record of one session, saved to its file after every change."""

    def __init__(self, *, session_id: str, scenario_id: str, scenario_version: int,
                 content_hash: str, lang: str, mode: str, started: str,
                 decisions: list[dict[str, Any]], roads: list[Road], road: int,
                 ending: str | None = None, completed: bool = False, path: Path | None = None,
                 label: str = "", class_size: int | None = None,
                 lesson_minutes: int | None = None):
        self.session_id = session_id
        self.scenario_id = scenario_id
        self.scenario_version = scenario_version
        self.content_hash = content_hash
        self.lang = lang
        self.mode = mode
        self.started = started
        self.decisions = decisions
        """Every decision the class took, in order, on whichever road it was on."""
        self.roads = roads
        self.road = road
        """The id of the road the session is on now."""
        self.ending = ending
        self.completed = completed
        self.label = label
        """The class's short label ("3B"), typed by the teacher; "" when not given."""
        self.class_size = class_size
        """How many pupils can vote; None when not known (records before version 2)."""
        self.lesson_minutes = lesson_minutes
        """The lesson's length (45 or 50), for the lesson clock; None when not known."""
        self.path = path or sessions_dir() / f"{session_id}.json"
        """The record's file; not part of the record."""
        self._claim: FileLock | None = None
        """The lock that holds this session for this window (`claim`)."""
        self.save_error: str | None = None
        """Why the last save failed, or None when it worked: the screens may show a quiet note.
        The game goes on either way; the record on disk stays the last good one."""

    # --- starting and resuming -------------------------------------------------------------------

    @classmethod
    def begin(cls, run: Run, mode: str, content_hash: str, *,
              clock: Callable[[], float] = time.time, label: str = "",
              class_size: int | None = None, lesson_minutes: int | None = None) -> "SessionLog":
        """A new record for `run`, written at once; a class's `label`, `class_size` and
        `lesson_minutes` as the teacher gave them (ValueError when one is not valid)."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        _check_class_size(class_size)
        if lesson_minutes is not None and lesson_minutes not in LESSON_LENGTHS:
            raise ValueError(f"a lesson is 45 or 50 minutes, not {lesson_minutes!r}")
        session = cls(session_id=uuid.uuid4().hex, scenario_id=run.scenario.id,
                      scenario_version=run.scenario.version, content_hash=content_hash or "",
                      lang=run.lang, mode=mode, started=coarse_time(clock()), decisions=[],
                      roads=[Road(0, None, None, run.save())], road=0,
                      label=class_label(label), class_size=class_size,
                      lesson_minutes=lesson_minutes)
        session.claim()
        session._save_quietly()
        return session

    def claim(self) -> None:
        """Hold this session for this window until `release`: a record has one writer. Two
        windows of the game that both went on with one session wrote over each other's votes;
        now the second is refused (RecordError "in_use"). The system lets go when the process
        ends, however it ends, so a crashed window's session can be resumed at once. Where the
        folder cannot be locked at all (some network folders), the session goes on unlocked."""
        if self._claim is not None:
            return
        lock = FileLock(lock_path(self.path))
        try:
            make_folder(self.path.parent)
            if not lock.acquire():
                raise RecordError("this session is open in another window of the game", "in_use")
        except OSError as exc:
            log.warning("cannot lock the session record %s (%s); going on without the lock",
                        self.path.name, exc)
            return
        self._claim = lock

    def release(self) -> None:
        """Let another window resume this session (the window leaves it, or closes)."""
        if self._claim is not None:
            self._claim.release(remove=True)
            self._claim = None

    @property
    def current(self) -> Road:
        """The road the session is on now."""
        return self._road(self.road)

    def _road(self, road_id: int) -> Road:
        for road in self.roads:
            if road.id == road_id:
                return road
        raise ValueError(f"this session has no road {road_id} "
                         f"(roads: {', '.join(str(r.id) for r in self.roads)})")

    def _check_run(self, run: Run) -> None:
        if run.scenario.id != self.scenario_id:
            raise ValueError(f"the run is of scenario '{run.scenario.id}', the session of "
                             f"'{self.scenario_id}'")

    # --- what the class does -----------------------------------------------------------------------

    def record_decision(self, run: Run, outcome: Outcome, votes: dict[str, int] | None,
                        overridden: bool, seconds: float) -> None:
        """Note the choice just taken in `run` on the current road, with the class's votes (choice
        id -> count, or None without a vote), whether the teacher overrode the vote, and the time
        spent on it. If the teacher went back (`Run.back`) before choosing again, the undone
        decisions of this road are dropped: a road's decisions are always the ones its run holds."""
        self._check_run(run)
        scene_id, choice_id = _last_decision_scene(run)
        if outcome.choice_id != choice_id:
            raise ValueError(f"the outcome is of '{outcome.choice_id}' but the run's latest "
                             f"choice is '{choice_id}'")
        scene = run.scenario.scenes[scene_id]
        counts = None
        if votes is not None:
            order = [c.id for c in scene.choices]
            unknown = sorted(set(votes) - set(order))
            if unknown:
                raise ValueError(f"votes for {', '.join(map(str, unknown))}, which are not "
                                 f"choices of scene '{scene_id}'")
            counts = {}
            for cid in order:
                if cid in votes:
                    count = votes[cid]
                    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                        raise ValueError(f"the vote count for '{cid}' must be a whole number "
                                         f"0 or more, not {count!r}")
                    counts[cid] = count
            if self.class_size is not None and sum(counts.values()) > self.class_size:
                raise ValueError(f"{sum(counts.values())} hands counted in a class of "
                                 f"{self.class_size}: correct the count, or the class size "
                                 "first (set_class_size)")
        road = self.current
        # The decisions this road holds before this one: inherited ones, then its own.
        index = sum(1 for move in _decision_moves(run) if move is not None) - 1
        own = [i for i, d in enumerate(self.decisions) if d["road"] == road.id]
        expected = (road.branch_at or 0) + len(own)
        if index < expected:  # the teacher went back: forget what was undone on this road
            undone = set(own[len(own) - (expected - index):])
            log.debug("dropping %d undone decisions of road %d", len(undone), road.id)
            self.decisions = [d for i, d in enumerate(self.decisions) if i not in undone]
        self.decisions.append({
            "scene": scene_id, "choice": choice_id, "stance": outcome.stance,
            "step": scene.step, "votes": counts, "overridden": bool(overridden),
            "road": road.id, "seconds": coarse_seconds(seconds)})
        road.run = run.save()
        self._save_quietly()

    def set_class_size(self, size: int) -> None:
        """The class is another size today (a pupil more, or the first guess was wrong): the
        teacher confirmed it on the vote screen. Votes taken before stay as they were counted,
        so the size never drops below a vote already taken."""
        _check_class_size(size)
        most = max((sum(d["votes"].values()) for d in self.decisions if d["votes"]), default=0)
        if size < most:
            raise ValueError(f"a vote of this session counted {most} hands; the class cannot be "
                             f"{size}")
        self.class_size = size
        self._save_quietly()

    def branch(self, run: Run, at_decision: int) -> int:
        """A new road that takes another way at decision `at_decision` (from 0) of the current road;
        it becomes the current road and its id is returned. Its run stands just before that
        decision: get it with `resume(log, scenario)`.

        `run` is the current road's run, either as it stands now (it is saved to the current road,
        so nothing of it is lost) or already taken back to just before that decision.
        """
        self._check_run(run)
        if isinstance(at_decision, bool) or not isinstance(at_decision, int) or at_decision < 0:
            raise ValueError(f"at_decision must be a decision index from 0, not {at_decision!r}")
        road = self.current
        moves = _decision_moves(run)
        decided = [i for i, move in enumerate(moves) if move is not None]
        if len(decided) > at_decision:
            road.run = run.save()
            start = replay(run.scenario, run.lang, moves[:decided[at_decision]],
                           run.state.content_hash)
            fresh = start.save()
        elif len(decided) == at_decision:
            saved = [c for c in road.run["choices"]]
            if run.state.choices != saved[:at_decision] or len(saved) <= at_decision:
                raise ValueError(f"the run does not lead to decision {at_decision} of road "
                                 f"{road.id}")
            fresh = run.save()
        else:
            raise ValueError(f"road {road.id} has only {len(decided)} decisions; "
                             f"cannot branch at decision {at_decision}")
        new = Road(max(r.id for r in self.roads) + 1, road.id, at_decision, fresh)
        self.roads.append(new)
        self.road = new.id
        # The session goes on (a what-if after the ending): if the game closes now, it is
        # offered for resuming again, on this road.
        self.ending, self.completed = None, False
        self._save_quietly()
        return new.id

    def switch(self, road: int) -> None:
        """Make another road the current one (resume it with `resume(log, scenario)`)."""
        self._road(road)
        self.road = road
        self._save_quietly()

    def finish(self, run: Run) -> None:
        """The current road reached its ending: note it; the session is complete until the
        teacher branches off again (None if stopped early)."""
        self._check_run(run)
        self.current.run = run.save()
        self.ending = run.state.ending
        self.completed = True
        self._save_quietly()

    # --- saving ----------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-able plain data; exactly RECORD_SCHEMA."""
        return {
            "format": RECORD_FORMAT, "version": RECORD_VERSION,
            "session_id": self.session_id, "scenario_id": self.scenario_id,
            "scenario_version": self.scenario_version, "content_hash": self.content_hash,
            "lang": self.lang, "mode": self.mode, "started": self.started, "road": self.road,
            "decisions": [dict(d) for d in self.decisions],
            "roads": [r.to_dict() for r in self.roads],
            "ending": self.ending, "completed": self.completed,
            "label": self.label, "class_size": self.class_size,
            "lesson_minutes": self.lesson_minutes,
        }

    @classmethod
    def from_dict(cls, data: Any, path: Path | None = None) -> "SessionLog":
        """A record from `to_dict()` output; RecordError when it is not a valid one."""
        if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
            raise RecordError("this is not a Bystander session record", "not_record")
        version = data.get("version")
        if _newer(version, RECORD_VERSION):
            raise RecordError(f"the record has version {version}; this game reads up to "
                              f"{RECORD_VERSION}: update the game", "newer")
        roads = data.get("roads") if isinstance(data.get("roads"), list) else []
        runs = [road.get("run") for road in roads if isinstance(road, dict)]
        if any(isinstance(run, dict) and run.get("format") == SAVE_FORMAT
               and _newer(run.get("version"), SAVE_VERSION) for run in runs):
            raise RecordError(f"a road of the record was saved by a newer game (this one reads "
                              f"saves up to version {SAVE_VERSION}): update the game", "newer")
        problem = shapes.schema_problem(data, RECORD_SCHEMA)
        if problem:
            raise RecordError(f"the record is damaged: {problem}")
        ids = [r["id"] for r in data["roads"]]
        if len(set(ids)) != len(ids):
            raise RecordError("the record is damaged: two roads have the same id")
        seen: set[int] = set()
        for r in data["roads"]:
            first = r["parent"] is None
            if first != (r["branch_at"] is None) or first != (not seen):
                raise RecordError(f"the record is damaged: road {r['id']} is neither the first "
                                  "road nor a branch of an earlier one")
            if not first and r["parent"] not in seen:
                raise RecordError(f"the record is damaged: road {r['id']} branches off road "
                                  f"{r['parent']}, which comes later or does not exist")
            if r["run"]["scenario_id"] != data["scenario_id"]:
                raise RecordError(f"the record is damaged: road {r['id']} is of another scenario")
            seen.add(r["id"])
        if data["road"] not in seen:
            raise RecordError(f"the record is damaged: it is on road {data['road']}, "
                              "which it does not have")
        if any(d["road"] not in seen for d in data["decisions"]):
            raise RecordError("the record is damaged: a decision names a road it does not have")
        size = data.get("class_size")
        if size is not None and any(sum(d["votes"].values()) > size
                                    for d in data["decisions"] if d["votes"]):
            raise RecordError(f"the record is damaged: a vote counts more hands than the class's "
                              f"{size} pupils")
        return cls(session_id=data["session_id"], scenario_id=data["scenario_id"],
                   scenario_version=data["scenario_version"], content_hash=data["content_hash"],
                   lang=data["lang"], mode=data["mode"], started=data["started"],
                   decisions=[dict(d) for d in data["decisions"]],
                   roads=[Road(r["id"], r["parent"], r["branch_at"], r["run"])
                          for r in data["roads"]],
                   road=data["road"], ending=data["ending"], completed=data["completed"],
                   path=path, label=data.get("label", ""), class_size=data.get("class_size"),
                   lesson_minutes=data.get("lesson_minutes"))

    def save(self) -> None:
        """Write the record atomically: a temporary file in the same folder, flushed and synced,
        then put in place with os.replace. A reader sees the old record or the new, never half.
        Raises OSError when the disk refuses; the old file is then untouched."""
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=1)
        atomic_write(self.path, text)

    def _save_quietly(self) -> None:
        try:
            self.save()
            self.save_error = None
        except OSError as exc:
            self.save_error = f"{self.path}: {exc.strerror or exc}"
            log.warning("could not save the session record %s", self.save_error)


def _check_class_size(size: object) -> None:
    if size is not None and (isinstance(size, bool) or not isinstance(size, int)
                             or not 1 <= size <= MAX_CLASS_SIZE):
        raise ValueError(f"a class has 1 to {MAX_CLASS_SIZE} pupils, not {size!r}")


def atomic_write(path: Path, text: str) -> None:
    """Replace `path` with `text` all at once, durably (see SessionLog.save)."""
    replace_file(path, text.encode("utf-8"), durable=True)


# --- reading records back ------------------------------------------------------------------------

def read_record(path: Path) -> SessionLog:
    """One record file; RecordError when it cannot be read or is not a valid record."""
    try:
        data = json.loads(read_limited(path, MAX_FILE_BYTES).decode("utf-8"))
    except TooLarge as exc:
        raise RecordError("the file is too large to be a session record", "too_large") from exc
    except OSError as exc:
        raise RecordError(f"cannot read the file: {exc.strerror or exc}", "unreadable") from exc
    except UnicodeDecodeError as exc:
        raise RecordError("the file is not text", "not_text") from exc
    except (ValueError, RecursionError) as exc:  # bad JSON, 4,300-digit numbers, deep nesting
        raise RecordError(f"the file is not valid JSON ({exc})", "not_json") from exc
    return SessionLog.from_dict(data, path)


def _record_files(folder: Path) -> list[Path]:
    """The files in `folder` that may be records: not hidden (temporary files are), not folders."""
    try:
        return sorted(p for p in folder.iterdir() if not p.name.startswith(".") and p.is_file())
    except OSError:
        return []


RECORD_NAME = re.compile(r"[0-9a-f]{32}\.json")
"""The name of a record the game wrote: its session id. Only such files are ever moved."""
TEMPORARIES = (temporary_pattern(RECORD_NAME.pattern)
               + r"|\.[0-9a-f]{32}\.json\.[a-z0-9_]{8}\.tmp")
"""The names of records' temporary files (a record's can be 16 MB), and as earlier versions
named them."""


def _newer(version: Any, known: int) -> bool:
    """Whether `version` is a version number above the `known` one: a newer game's."""
    return isinstance(version, int) and not isinstance(version, bool) and version > known


def lock_path(record: Path) -> Path:
    """The empty file whose lock holds a session for one window: `.<session id>.lock`."""
    return record.with_name(f".{record.stem}.lock")


LOCK_NAME = re.compile(r"\.([0-9a-f]{32})\.lock")


def _sessions_in_use(folder: Path) -> set[str]:
    """The ids of the sessions another window holds now. The lock files of sessions nobody
    holds (their window closed or was killed) are removed on the way, by their exact names."""
    held = set()
    try:
        names = [n for n in os.listdir(folder) if LOCK_NAME.fullmatch(n)]
    except OSError:
        return held
    for name in names:
        lock = FileLock(folder / name)
        try:
            if lock.acquire():
                lock.release(remove=True)
            else:
                held.add(LOCK_NAME.fullmatch(name).group(1))
        except OSError:
            continue
    return held


@dataclass(frozen=True)
class Waiting:
    """An unfinished session, as the resume list offers it: `in_use` when another window holds
    it now (the list says so, and it cannot be picked or deleted there)."""
    record: "SessionLog"
    in_use: bool


def waiting_sessions() -> list[Waiting]:
    """Every unfinished session, newest first, those open in another window too (marked). A
    record the game wrote (by its name) that is not valid is moved aside to sessions/corrupt/
    with a warning in the log; one written by a newer version of the game is not damaged and
    stays where it is, for that version (and the report, which says so); any other file is left
    where it is: the folder may hold someone else's."""
    folder = sessions_dir()
    remove_stale_temporaries(folder, TEMPORARIES)
    in_use = _sessions_in_use(folder)
    found = []
    for path in _record_files(folder):
        if path.suffix != ".json":
            continue
        try:
            record = read_record(path)
        except RecordError as exc:
            if exc.kind == "newer":  # not damaged: the newer game it came from can resume it
                log.warning("kept the session record %s where it is (%s); it is not offered "
                            "here", path.name, exc)
            elif RECORD_NAME.fullmatch(path.name):
                _set_aside(path, str(exc))
            else:
                log.info("%s in the sessions folder is not a session record (%s); left as it is",
                         path.name, exc)
            continue
        if not record.completed:
            try:  # the last write: its modification time is rounded (files.round_times)
                st = path.stat()
                written = max(st.st_mtime, st.st_ctime)
            except OSError:
                written = 0.0
            found.append((record.started, written, Waiting(record, path.stem in in_use)))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [waiting for _, _, waiting in found]


def unfinished_sessions() -> list[SessionLog]:
    """Sessions not finished, newest first, that this window may resume: not those open in
    another window now (see `waiting_sessions`)."""
    return [w.record for w in waiting_sessions() if not w.in_use]


def delete_session(record: SessionLog) -> None:
    """Delete an unfinished session the teacher no longer wants (the resume list asks first).
    Only a record the game wrote, by its exact name, and never one another window holds:
    RecordError "in_use" then. OSError when the disk refuses."""
    if not RECORD_NAME.fullmatch(record.path.name):
        raise RecordError(f"{record.path.name} is not a record the game wrote", "not_record")
    lock = FileLock(lock_path(record.path))
    if not lock.acquire():
        raise RecordError("this session is open in another window of the game", "in_use")
    try:
        if record.path.is_symlink():
            raise RecordError(f"{record.path.name} is a link, not a record", "not_record")
        record.path.unlink(missing_ok=True)
        log.info("deleted the unfinished session %s at the teacher's request", record.path.name)
    finally:
        lock.release(remove=True)


def last_class_size() -> int | None:
    """The class size of the newest class session that has one: the start form offers it, so a
    teacher with one class types it once."""
    records, _ = load_sessions(sessions_dir())
    sized = [r for r in records if r.get("class_size") and r["mode"] == "class"]
    return max(sized, key=lambda r: r["started"])["class_size"] if sized else None


def _set_aside(path: Path, reason: str) -> None:
    """Move a damaged record into corrupt/, under a name nothing there has yet: never over
    another file, nor through a link of that name."""
    target_dir = path.parent / CORRUPT
    target = target_dir / path.name
    n = 1
    while os.path.lexists(target):
        target = target_dir / f"{path.stem}.{n}{path.suffix}"
        n += 1
    try:
        make_folder(target_dir)
        os.rename(path, target)
        round_times(path.parent, target_dir)
        log.warning("set aside the session record %s (%s) as %s", path.name, reason, target)
    except OSError as exc:
        log.warning("the session record %s is not valid (%s) and could not be set aside: %s",
                    path.name, reason, exc)


def resume(log: SessionLog, scenario: Scenario) -> Run:
    """The current road's run, rebuilt by the engine from the record, which this window then
    holds (`SessionLog.claim`): RecordError "in_use" when another window holds it."""
    if scenario.id != log.scenario_id:
        raise RecordError(f"the session is of scenario '{log.scenario_id}', not '{scenario.id}'",
                          "other_scenario")
    try:
        run = load_run(scenario, log.current.run, log.content_hash)
    except SaveError as exc:
        raise RecordError(f"cannot resume this session: {exc}") from exc
    log.claim()
    return run


def load_sessions(folder: Path) -> tuple[list[dict[str, Any]], list[Skipped]]:
    """Every valid record in `folder` (as `to_dict()` data, in file name order), and every file
    that is not one, with why. Nothing is moved; a bad file never stops the others."""
    records: list[dict[str, Any]] = []
    problems: list[Skipped] = []
    for path in _record_files(folder):
        try:
            records.append(read_record(path).to_dict())
        except RecordError as exc:
            problems.append(Skipped(path.name, exc.kind, str(exc)))
    return records, problems
