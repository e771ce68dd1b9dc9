"""The event counter: how many visitors played today and how many of them stepped in.

One small JSON file per day in `<data dir>/event/` (the data dir is `$BYSTANDER_DATA_DIR`, else the
platform's data folder for "bystander"), holding counts only:

    {"format": "bystander-event-day", "version": 1, "date": "2026-05-12",
     "visitors_started": 124, "visitors_finished": 80, "visitors_stepped_in": 91}

No names, no times, no choices: nothing that tells one visitor from another. Every change is written
at once and atomically (temp file, fsync, os.replace), so a pulled plug leaves the last good count,
and under a lock shared by every process counting into the folder, so that their counts add up.
A file that cannot be read as a day's counts is moved aside (`<date>.corrupt-1.json`) and counting
starts again from zero (one written by a newer version of the game is not damaged: it is left as it
is, and that day is counted in memory only); a disk that cannot be written keeps the counts in memory and logs a warning.
Nothing here ever raises to the caller: the event screen must keep running whatever the disk does.

A visitor *stepped in* when at least one of their choices had an active stance
(`vocab.ACTIVE_STANCES`), even if they later went back on it or walked away before the end.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from ..filelock import FileLock
from ..files import (make_folder, read_limited, remove_stale_temporaries, replace_file,
                     round_times, temporary_pattern)

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
TEMPORARIES = temporary_pattern(r"\d{4}-\d{2}-\d{2}\.json") + r"|\.day-[a-z0-9_]{8}\.tmp"
"""The names of the days' temporary files, and as earlier versions named them."""
LOCK_NAME = ".counts.lock"
"""An empty file beside the days' files: whoever holds its lock may add to them."""
LOCK_SECONDS = 5.0
"""How long a count waits for another process to finish its own (which takes milliseconds)."""


def data_dir() -> Path:
    """$BYSTANDER_DATA_DIR, or the platform's data folder for "bystander"."""
    override = os.environ.get("BYSTANDER_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_data_dir("bystander", appauthor=False))


def event_dir() -> Path:
    return data_dir() / EVENT_FOLDER


class NewerDay(ValueError):
    """A day's counts in a newer version's format: not damaged, only not this game's to write."""


@dataclass(frozen=True)
class DayCounts:
    """One day's counts at the event screen."""

    day: date
    visitors_started: int = 0
    """Visitors who left the attract loop to play."""
    visitors_finished: int = 0
    """Visitors who saw an ending (once each, however often they played again)."""
    visitors_stepped_in: int = 0
    """Visitors with at least one choice of an active stance."""

    @property
    def share_stepped_in(self) -> float | None:
        """Stepped in / started, or None while too few have played to show it."""
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
        counts = []
        for key in COUNT_KEYS:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int) or not (
                    0 <= value <= MAX_COUNT):
                raise ValueError(f"{key} is not a count: {value!r}")
            counts.append(value)
        started, finished, stepped_in = counts
        if finished > started or stepped_in > started:
            raise ValueError("more visitors finished or stepped in than started")
        return cls(day, started, finished, stepped_in)


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
        self._newer_day: date | None = None
        """A day whose file a newer version of the game wrote: counted in memory only."""

    # --- reading ---------------------------------------------------------------------------------

    def path_for(self, day: date) -> Path:
        return self.folder / f"{day.isoformat()}.json"

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
        path = self.path_for(day)
        try:
            data = json.loads(read_limited(path, MAX_FILE_BYTES).decode("utf-8"))
            return DayCounts.from_dict(data, day)
        except FileNotFoundError:
            return DayCounts(day)
        except NewerDay as exc:  # left as it is: the newer game goes on counting into it
            if self._newer_day != day:
                self._newer_day = day
                log.warning("the event counts %s were %s: they are left as they are, and "
                            "today's visitors are counted in memory only", path, exc)
            return DayCounts(day)
        except (OSError, ValueError, RecursionError) as exc:  # RecursionError: "[[[[..."
            self._set_aside(path, exc)
            return DayCounts(day)

    def _set_aside(self, path: Path, why: Exception) -> None:
        """Move a damaged day file out of the way (never delete it, nor put it over another file
        or a link of that name), then count from zero."""
        names = (path.with_name(f"{path.stem}.corrupt-{n}.json") for n in range(1, 1000))
        target = next((t for t in names if not os.path.lexists(t)), None)
        try:
            if target is None:
                raise FileExistsError("999 damaged files of that day are kept already")
            os.replace(path, target)
            round_times(self.folder)
            log.warning("event counts %s were unreadable (%s); moved to %s, counting from zero",
                        path, why, target.name)
        except OSError as exc:
            log.warning("event counts %s were unreadable (%s) and could not be moved aside (%s); "
                        "counting from zero", path, why, exc)

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
            self._unsaved = not self._write(self._counts)
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

    def _write(self, counts: DayCounts) -> bool:
        if counts.day == self._newer_day:
            return False  # never over a newer game's counts (see _load)
        path = self.path_for(counts.day)
        try:
            replace_file(path, json.dumps(counts.to_dict()).encode("utf-8"), durable=True)
            return True
        except OSError as exc:
            self.writes_failed += 1
            if self.writes_failed == 1 or self.writes_failed % 100 == 0:
                log.warning("cannot save the event counts to %s (%s); keeping them in memory "
                            "(%d failed writes)", path, exc, self.writes_failed)
            return False
