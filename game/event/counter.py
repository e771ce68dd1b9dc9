"""The event counter: how many visitors played today and how many of them stepped in.

One small JSON file per day in `<data dir>/event/` (the data dir is `$BYSTANDER_DATA_DIR`, else the
platform's data folder for "bystander"), holding counts only:

    {"format": "bystander-event-day", "version": 1, "date": "2026-05-12",
     "visitors_started": 124, "visitors_finished": 80, "visitors_stepped_in": 91}

No names, no times, no choices: nothing that tells one visitor from another. Who counts as a player,
and when, is `visits.py`'s to say. Every change is written at once and atomically (temp file,
fsync, os.replace), so a pulled plug leaves the last good count, and under a lock shared by every
process counting into the folder, so that their counts add up. After each count the same counts go
to `<date>.backup.json` too: the last good copy, for when the day's file is damaged anyway (a disk
or a file system that loses what it was told was written, a person editing it).

A day's file that cannot be read as a day's counts does not throw the day away: the counts are
what can be read of it (the three counts found in it, when they agree with each other), else the
last good copy, else zero (`Repair` says which, for the organiser's menu and log). The damaged file
is moved aside (`<date>.corrupt-1.json`), never deleted. One written by a newer version of the game
is not damaged: it is left as it is, and that day is counted in memory only; a disk that cannot be
written keeps the counts in memory and logs a warning. Nothing here ever raises to the caller: the
event screen must keep running whatever the disk does.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from .. import paths
from ..filelock import FileLock
from ..files import (coarse_now, make_folder, read_limited, remove_stale_temporaries,
                     replace_file, round_times, temporary_pattern)
from . import organiser_log

log = logging.getLogger(__name__)

DAY_FORMAT = "bystander-event-day"
DAY_VERSION = 1
EVENT_FOLDER = "event"
MAX_FILE_BYTES = 4096
"""A day's file is about 150 bytes; anything much bigger is not one of ours."""
MAX_COUNT = 10_000_000
MIN_PLAYERS_FOR_SHARE = 10
"""The share who stepped in is shown from this many players on: with fewer, the next visitor could
read what the last one did from how the figure moved."""
COUNT_KEYS = ("visitors_started", "visitors_finished", "visitors_stepped_in")
BACKUP_SUFFIX = ".backup.json"
"""`<date>.backup.json`: the last good copy of that day's counts."""
TEMPORARIES = (temporary_pattern(r"\d{4}-\d{2}-\d{2}(?:\.backup)?\.json")
               + r"|\.day-[a-z0-9_]{8}\.tmp")
"""The names of the days' (and their copies') temporary files, and as earlier versions named
them."""
LOCK_NAME = ".counts.lock"
"""An empty file beside the days' files: whoever holds its lock may add to them."""
LOCK_SECONDS = 5.0
"""How long a count waits for another process to finish its own (which takes milliseconds)."""


def data_dir() -> Path:
    """$BYSTANDER_DATA_DIR, or the platform's data folder for "bystander"."""
    return paths.data_dir()


def event_dir() -> Path:
    return data_dir() / EVENT_FOLDER


class NewerDay(ValueError):
    """A day's counts in a newer version's format: not damaged, only not this game's to write."""


@dataclass(frozen=True)
class DayCounts:
    """One day's counts at the event screen."""

    day: date
    visitors_started: int = 0
    """Players: visitors who made at least one choice (see visits.py)."""
    visitors_finished: int = 0
    """Players who saw an ending (once each, however often they played again)."""
    visitors_stepped_in: int = 0
    """Players with at least one choice of an active stance (once each)."""

    @property
    def share_stepped_in(self) -> float | None:
        """Stepped in / players, or None while too few have played to show it."""
        if self.visitors_started < MIN_PLAYERS_FOR_SHARE:
            return None
        return min(1.0, self.visitors_stepped_in / self.visitors_started)

    def to_dict(self) -> dict:
        return {"format": DAY_FORMAT, "version": DAY_VERSION, "date": self.day.isoformat(),
                "visitors_started": self.visitors_started,
                "visitors_finished": self.visitors_finished,
                "visitors_stepped_in": self.visitors_stepped_in}

    @classmethod
    def from_dict(cls, data: object, day: date) -> "DayCounts":
        """The counts in `data`, which must be exactly a day file for `day`; ValueError if not."""
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        version = data.get("version")
        if data.get("format") == DAY_FORMAT and type(version) is int and version > DAY_VERSION:
            raise NewerDay(f"written by a newer version of the game (version {version} of the "
                           f"day's counts; this game writes {DAY_VERSION})")
        if data.get("format") != DAY_FORMAT or version != DAY_VERSION:
            raise ValueError(f"not a {DAY_FORMAT} file of version {DAY_VERSION}")
        if set(data) != {"format", "version", "date", *COUNT_KEYS}:
            raise ValueError(f"unexpected fields: {sorted(set(data))}")
        if data["date"] != day.isoformat():
            raise ValueError(f"holds {data['date']!r}, not {day.isoformat()}")
        return cls.checked(day, *(data[key] for key in COUNT_KEYS))

    @classmethod
    def checked(cls, day: date, started: object, finished: object,
                stepped_in: object) -> "DayCounts":
        """The counts, if they can be a day's (whole numbers in range, no more finished or
        stepped in than played); ValueError if not."""
        for key, value in zip(COUNT_KEYS, (started, finished, stepped_in)):
            if isinstance(value, bool) or not isinstance(value, int) or not (
                    0 <= value <= MAX_COUNT):
                raise ValueError(f"{key} is not a count: {value!r}")
        if finished > started or stepped_in > started:
            raise ValueError("more visitors finished or stepped in than started")
        return cls(day, started, finished, stepped_in)


def counts_in_damaged(raw: bytes, day: date) -> DayCounts | None:
    """The three counts still found in a damaged day file, or None: each must be there once,
    as whole digits followed by what follows a number in JSON (a number cut short by the end
    of the file, or garbled, is not taken), they must agree with each other, and a date, if
    one is found, must be `day`'s."""
    text = raw.decode("latin-1")  # every byte a character: junk around the counts is fine
    if any(found != day.isoformat() for found in re.findall(r'"date"\s*:\s*"([^"]*)"', text)):
        return None
    counts = []
    for key in COUNT_KEYS:
        numbers = re.findall(rf'"{key}"\s*:\s*(\d{{1,9}})\s*[,}}]', text)
        if len(numbers) != 1 or text.count(f'"{key}"') != 1:
            return None
        counts.append(int(numbers[0]))
    try:
        return DayCounts.checked(day, *counts)
    except ValueError:
        return None


@dataclass(frozen=True)
class Repair:
    """What happened to a damaged day's file and what was kept of it: counts only, for the
    organiser's menu and log."""

    day: date
    kept: str
    """"read": the counts found in the damaged file (or elsewhere, where that holds more);
    "backup": its last good copy; "memory": what this screen had counted that day; "zero":
    nothing could be kept."""
    counts: DayCounts
    """The counts the day goes on from."""
    moved_to: int | None
    """N of `<date>.corrupt-N.json`, where the damaged file now is; None when it could not be
    moved aside (the day is then counted in memory only, never written over it)."""
    at: int
    """When it was found (seconds since the epoch, rounded down to 5 minutes)."""


class EventCounter:
    """Today's counts, kept on disk as they change; the day rolls over at local midnight.

    `today` is injectable so tests (and the event-day soak test) can run any calendar.
    """

    def __init__(self, folder: Path | None = None, today: Callable[[], date] = date.today):
        self.folder = Path(folder) if folder is not None else event_dir()
        self._today = today
        self._counts: DayCounts | None = None
        self.writes_failed = 0
        """Writes that did not reach the disk (the counts stay right in memory)."""
        self._unsaved = False
        """Whether the last write failed: memory holds more than the disk."""
        self._lock_warned = False
        self._memory_day: date | None = None
        """A day whose file this game must not write: a newer version of the game wrote it, or
        it is damaged and could not be moved aside. That day is counted in memory only."""
        self.repair: Repair | None = None
        """The last damaged day's file found, and what was kept of it."""

    # --- reading ---------------------------------------------------------------------------------

    def path_for(self, day: date) -> Path:
        return self.folder / f"{day.isoformat()}.json"

    def backup_for(self, day: date) -> Path:
        """The last good copy of `day`'s counts."""
        return self.folder / f"{day.isoformat()}{BACKUP_SUFFIX}"

    def counts(self) -> DayCounts:
        """Today's counts, read from disk on first use and after midnight (the first time, the
        orphaned temporary files of writes a kill interrupted go too)."""
        day = self._safe_today()
        if self._counts is None:
            remove_stale_temporaries(self.folder, TEMPORARIES)
        if self._counts is None or self._counts.day != day:
            self._counts = self._load(day)
        return self._counts

    def _safe_today(self) -> date:
        try:
            return self._today()
        except Exception as exc:  # noqa: BLE001 - a clock problem must not stop the screen
            log.warning("cannot tell today's date (%s); counting on the last day known", exc)
            return self._counts.day if self._counts is not None else date(1970, 1, 1)

    def _load(self, day: date) -> DayCounts:
        """`day`'s counts on disk: zero when there are none yet, what can be kept when the file
        is damaged (`_recover`)."""
        if day == self._memory_day:
            return DayCounts(day)  # what memory holds is added in `_add`
        path = self.path_for(day)
        try:
            raw = read_limited(path, MAX_FILE_BYTES)
        except (FileNotFoundError, NotADirectoryError):  # none yet (or no folder can be)
            return DayCounts(day)
        except OSError as exc:  # not a regular file, too large, not readable
            return self._recover(day, b"", exc)
        try:
            return DayCounts.from_dict(json.loads(raw.decode("utf-8")), day)
        except NewerDay as exc:  # left as it is: the newer game goes on counting into it
            self._memory_day = day
            log.warning("the event counts %s were %s: they are left as they are, and "
                        "today's visitors are counted in memory only", path, exc)
            return DayCounts(day)
        except (ValueError, RecursionError) as exc:  # RecursionError: "[[[[..."
            return self._recover(day, raw, exc)

    def _read(self, path: Path, day: date) -> DayCounts | None:
        """The counts in `path` if it is a good day file for `day`, else None."""
        try:
            return DayCounts.from_dict(json.loads(read_limited(path, MAX_FILE_BYTES)
                                                  .decode("utf-8")), day)
        except (OSError, ValueError, RecursionError):
            return None

    def _recover(self, day: date, raw: bytes, why: Exception) -> DayCounts:
        """Keep what can be kept of `day`'s damaged file (`raw`, its bytes, where they could be
        read): the counts found in it, else its last good copy, else what this screen counted
        today, else zero. Counts only grow in a day, so where several hold counts, each count is
        the largest of them. The damaged file is moved aside and the kept counts are written in
        its place; the organiser is told."""
        found = counts_in_damaged(raw, day)
        backup = self._read(self.backup_for(day), day)
        memory = self._counts if self._counts is not None and self._counts.day == day else None
        sources = [c for c in (found, backup, memory) if c is not None]
        counts = DayCounts(day, *(max(getattr(c, k) for c in sources) for k in COUNT_KEYS)) \
            if sources else DayCounts(day)
        kept = ("read" if found is not None else "backup" if backup is not None
                else "memory" if memory is not None else "zero")
        moved = self._set_aside(self.path_for(day), why, kept)
        self.repair = Repair(day, kept, counts, moved, coarse_now())
        if kept == "zero":
            organiser_log.note("counts_zero", day=day)
        else:
            organiser_log.note(f"counts_{kept}", day=day, players=counts.visitors_started,
                               stepped_in=counts.visitors_stepped_in,
                               finished=counts.visitors_finished)
        if moved is None:
            organiser_log.note("counts_not_moved")
            self._memory_day = day
            self._unsaved = True
        else:
            organiser_log.note("counts_moved", day=day, n=moved)
            self._unsaved = not self._save(counts)
        return counts

    def _set_aside(self, path: Path, why: Exception, kept: str) -> int | None:
        """Move a damaged day file out of the way, never deleting it, nor putting it over
        another file or a link of that name; returns N of its new name `<date>.corrupt-N.json`,
        or None when it could not be moved."""
        names = ((n, path.with_name(f"{path.stem}.corrupt-{n}.json")) for n in range(1, 1000))
        n, target = next(((n, t) for n, t in names if not os.path.lexists(t)), (None, None))
        what = {"read": "keeping the counts still in it", "backup": "keeping its last good copy",
                "memory": "keeping what this screen counted today",
                "zero": "counting from zero"}[kept]
        try:
            if target is None:
                raise FileExistsError("999 damaged files of that day are kept already")
            os.replace(path, target)
            round_times(self.folder)
            log.warning("event counts %s were unreadable (%s); moved to %s, %s",
                        path, why, target.name, what)
            return n
        except OSError as exc:
            log.warning("event counts %s were unreadable (%s) and could not be moved aside (%s); "
                        "%s, in memory only", path, why, exc, what)
            return None

    # --- counting --------------------------------------------------------------------------------

    def visitor_started(self) -> DayCounts:
        return self._add(started=1)

    def visitor_finished(self) -> DayCounts:
        return self._add(finished=1)

    def visitor_stepped_in(self) -> DayCounts:
        return self._add(stepped_in=1)

    def _add(self, started: int = 0, finished: int = 0, stepped_in: int = 0) -> DayCounts:
        """Add to today's counts on disk: read, add and write while holding the folder's lock,
        so that two event screens counting into one folder (two windows, two processes) add up
        instead of writing over each other's visitors."""
        day = self._safe_today()
        lock = self._lock()
        try:
            c = self._load(day)
            if self._unsaved and self._counts is not None and self._counts.day == day:
                c = DayCounts(day, *(max(getattr(c, k), getattr(self._counts, k))
                                     for k in COUNT_KEYS))  # what memory holds, and disk lost
            s = min(MAX_COUNT, c.visitors_started + started)
            # A visitor who started just before midnight and finishes after it counts as started
            # today too, so that today's figures always add up.
            if (c.visitors_finished + finished > s) or (c.visitors_stepped_in + stepped_in > s):
                s = min(MAX_COUNT, s + 1)
            self._counts = DayCounts(c.day, s, min(s, c.visitors_finished + finished),
                                     min(s, c.visitors_stepped_in + stepped_in))
            self._unsaved = not self._save(self._counts)
        finally:
            if lock is not None:
                lock.release()
        return self._counts

    def _lock(self) -> FileLock | None:
        """The folder's lock, held; None (and a warning, once) when it cannot be had: counting
        goes on regardless, as a screen that stopped counting would be worse."""
        lock = FileLock(self.folder / LOCK_NAME)
        try:
            make_folder(self.folder)
            if lock.acquire(timeout=LOCK_SECONDS):
                return lock
            why = f"another process held it for {LOCK_SECONDS:.0f} s"
        except OSError as exc:
            why = str(exc)
        if not self._lock_warned:
            self._lock_warned = True
            log.warning("cannot lock the event counts in %s (%s); counting without the lock",
                        self.folder, why)
        return None

    def _save(self, counts: DayCounts) -> bool:
        """Write the day's file, then its last good copy; whether the day's file was written."""
        if counts.day == self._memory_day:
            return False  # never over a newer game's counts, nor a damaged file (see _load)
        if not self._write(self.path_for(counts.day), counts):
            return False
        self._write(self.backup_for(counts.day), counts)
        return True

    def _write(self, path: Path, counts: DayCounts) -> bool:
        try:
            replace_file(path, json.dumps(counts.to_dict()).encode("utf-8"), durable=True)
            return True
        except OSError as exc:
            self.writes_failed += 1
            if self.writes_failed == 1 or self.writes_failed % 100 == 0:
                log.warning("cannot save the event counts to %s (%s); keeping them in memory "
                            "(%d failed writes)", path, exc, self.writes_failed)
            return False
