"""The event counter: counts only, one file a day, written atomically, never a crash."""

from __future__ import annotations

import json
import logging
import os
from datetime import date

import pytest

from game.event import organiser_log
from game.event.counter import (MIN_PLAYERS_FOR_SHARE, DayCounts, EventCounter, data_dir,
                                event_dir)

DAY = date(2026, 5, 12)


def day_file(folder, day=DAY):
    return folder / f"{day.isoformat()}.json"


def backup_file(folder, day=DAY):
    return folder / f"{day.isoformat()}.backup.json"


def day_json(started, finished, stepped_in, day=DAY) -> str:
    return json.dumps({"format": "bystander-event-day", "version": 1, "date": day.isoformat(),
                       "visitors_started": started, "visitors_finished": finished,
                       "visitors_stepped_in": stepped_in})


def test_the_folder_comes_from_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("BYSTANDER_DATA_DIR", str(tmp_path / "d"))
    assert data_dir() == tmp_path / "d" and event_dir() == tmp_path / "d" / "event"
    assert EventCounter().folder == tmp_path / "d" / "event"


def test_counts_survive_a_restart_and_hold_nothing_else(tmp_path):
    counter = EventCounter(tmp_path, today=lambda: DAY)
    counter.visitor_started()
    counter.visitor_started()
    counter.visitor_stepped_in()
    counter.visitor_finished()
    again = EventCounter(tmp_path, today=lambda: DAY).counts()
    assert again == DayCounts(DAY, 2, 1, 1)
    assert json.loads(day_file(tmp_path).read_text()) == {
        "format": "bystander-event-day", "version": 1, "date": "2026-05-12",
        "visitors_started": 2, "visitors_finished": 1, "visitors_stepped_in": 1}
    assert json.loads(backup_file(tmp_path).read_text()) == json.loads(day_file(tmp_path)
                                                                      .read_text())
    assert sorted(p.name for p in tmp_path.iterdir()) == [  # and no temporary file
        ".counts.lock", "2026-05-12.backup.json", "2026-05-12.json"]


def test_a_new_day_starts_from_zero(tmp_path):
    today = [DAY]
    counter = EventCounter(tmp_path, today=lambda: today[0])
    counter.visitor_started()
    today[0] = date(2026, 5, 13)
    assert counter.counts() == DayCounts(date(2026, 5, 13))
    counter.visitor_started()
    assert day_file(tmp_path).exists() and day_file(tmp_path, today[0]).exists()


@pytest.mark.parametrize("content", [
    "{not json", "[1, 2]", '{"format": "other"}', "\udcff".encode("utf-8", "surrogatepass"),
    json.dumps({"format": "bystander-event-day", "version": 1, "date": "2026-05-12",
                "visitors_started": 1, "visitors_finished": 5, "visitors_stepped_in": 0}),
    json.dumps({"format": "bystander-event-day", "version": 1, "date": "2026-05-11",
                "visitors_started": 1, "visitors_finished": 0, "visitors_stepped_in": 0}),
    json.dumps({"format": "bystander-event-day", "version": 1, "date": "2026-05-12",
                "visitors_started": -1, "visitors_finished": 0, "visitors_stepped_in": 0}),
    "x" * 10_000, "[" * 4000, '{"visitors_started": 1' + "0" * 4000 + "}",
], ids=["json", "list", "format", "bytes", "finished>started", "date", "negative",
        "huge", "deep nesting", "huge number"])
def test_a_corrupt_file_with_nothing_to_keep_is_set_aside_and_counting_restarts(
        tmp_path, caplog, content):
    path = day_file(tmp_path)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    counter = EventCounter(tmp_path, today=lambda: DAY)
    with caplog.at_level(logging.WARNING):
        assert counter.counts() == DayCounts(DAY)
    assert "moved to 2026-05-12.corrupt-1.json" in caplog.text
    assert (tmp_path / "2026-05-12.corrupt-1.json").exists()
    counter.visitor_started()
    assert EventCounter(tmp_path, today=lambda: DAY).counts().visitors_started == 1


def test_an_unwritable_folder_keeps_counting_in_memory(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    counter = EventCounter(blocker / "event", today=lambda: DAY)
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            counter.visitor_started()
    assert counter.counts().visitors_started == 3 and counter.writes_failed == 3
    assert "keeping them in memory" in caplog.text


def test_a_failing_write_leaves_the_last_good_file(tmp_path, monkeypatch):
    counter = EventCounter(tmp_path, today=lambda: DAY)
    counter.visitor_started()

    def broken_fsync(fd):
        raise OSError("disk full")
    monkeypatch.setattr(os, "fsync", broken_fsync)
    counter.visitor_started()
    monkeypatch.undo()
    assert EventCounter(tmp_path, today=lambda: DAY).counts().visitors_started == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".counts.lock", "2026-05-12.backup.json", "2026-05-12.json"]
    assert EventCounter(tmp_path, today=lambda: DAY)._read(backup_file(tmp_path), DAY) == (
        DayCounts(DAY, 1))


def test_a_clock_that_fails_does_not_stop_the_count(tmp_path):
    calls = [0]

    def today():
        calls[0] += 1
        if calls[0] > 1:
            raise OSError("no clock")
        return DAY
    counter = EventCounter(tmp_path, today=today)
    counter.visitor_started()
    counter.visitor_started()
    assert counter.counts() == DayCounts(DAY, 2)


def test_the_share_is_shown_only_from_enough_players():
    assert DayCounts(DAY, MIN_PLAYERS_FOR_SHARE - 1, 0, 3).share_stepped_in is None
    assert DayCounts(DAY, 20, 10, 15).share_stepped_in == 0.75


def test_finishing_after_midnight_still_adds_up(tmp_path):
    today = [DAY]
    counter = EventCounter(tmp_path, today=lambda: today[0])
    counter.visitor_started()
    today[0] = date(2026, 5, 13)
    c = counter.visitor_finished()              # started yesterday, finished today
    assert (c.visitors_started, c.visitors_finished) == (1, 1)


# --- a damaged day's file: keep what can be kept ----------------------------------------------

GOOD = day_json(26, 20, 9)
"""The day's file as it was: 26 players, 20 saw an ending, 9 stepped in."""
BACKUP = day_json(25, 19, 9)
"""Its last good copy, a count behind (written on the count before the damage)."""


@pytest.mark.parametrize("damaged,backup,kept,counts", [
    (GOOD.encode() + b"\x00" * 300, BACKUP, "read", (26, 20, 9)),           # a power cut on FAT
    (GOOD.replace('"format"', '"f\x8frmat"').encode(), BACKUP, "read", (26, 20, 9)),
    (GOOD.encode()[:-1], BACKUP, "backup", (25, 19, 9)),                     # truncated
    (GOOD.encode()[:40], BACKUP, "backup", (25, 19, 9)),                     # truncated early
    (GOOD.replace("20", "2\x070").encode(), BACKUP, "backup", (25, 19, 9)),  # a number garbled
    (GOOD.replace("20", "90").encode(), BACKUP, "backup", (25, 19, 9)),      # > played: not kept
    (bytes(range(256)) * 3, BACKUP, "backup", (25, 19, 9)),                 # binary junk
    (b"", BACKUP, "backup", (25, 19, 9)),                                    # empty
    (GOOD.encode()[:-1], None, "zero", (0, 0, 0)),                           # no backup
    (bytes(range(256)), "{damaged too", "zero", (0, 0, 0)),                  # backup damaged
    (GOOD.encode() + b"\x00", day_json(27, 20, 9), "read", (27, 20, 9)),     # the most of each
    (day_json(26, 20, 9, date(2026, 5, 11)).encode() + b"}", BACKUP, "backup", (25, 19, 9)),
], ids=["zeros appended", "a key garbled", "truncated", "truncated early", "a number garbled",
        "inconsistent", "binary junk", "empty", "missing backup", "damaged backup",
        "backup holds more", "another day's"])
def test_a_damaged_file_keeps_what_can_be_read_else_the_last_good_copy(
        tmp_path, caplog, damaged, backup, kept, counts):
    """A damaged day's file threw the whole day away ("Be the first to play today!")."""
    day_file(tmp_path).write_bytes(damaged)
    if backup is not None:
        backup_file(tmp_path).write_text(backup, encoding="utf-8")
    counter = EventCounter(tmp_path, today=lambda: DAY)
    with caplog.at_level(logging.WARNING):
        c = counter.counts()
    assert (c.visitors_started, c.visitors_finished, c.visitors_stepped_in) == counts
    assert counter.repair.kept == kept and counter.repair.counts == c
    assert counter.repair.moved_to == 1 and counter.repair.at % 300 == 0
    assert (tmp_path / "2026-05-12.corrupt-1.json").read_bytes() == damaged   # never deleted
    assert "moved to 2026-05-12.corrupt-1.json" in caplog.text
    # What was kept is the day's file again, and the day counts on from it, after a restart too.
    assert EventCounter(tmp_path, today=lambda: DAY).counts() == c
    counter.visitor_started()
    again = EventCounter(tmp_path, today=lambda: DAY)
    assert again.counts().visitors_started == counts[0] + 1 and again.repair is None
    assert again._read(backup_file(tmp_path), DAY) == again.counts()


def test_a_file_damaged_while_the_screen_counts_keeps_what_it_counted(tmp_path):
    """No last good copy could be written (a full disk), then the day's file was damaged: what
    this screen counted today is kept."""
    counter = EventCounter(tmp_path, today=lambda: DAY)
    for _ in range(5):
        counter.visitor_started()
    backup_file(tmp_path).unlink()
    day_file(tmp_path).write_bytes(b"\x00" * 64)
    assert counter.visitor_started().visitors_started == 6
    assert counter.repair.kept == "memory"


def test_a_damaged_file_that_cannot_be_moved_aside_is_never_written_over(tmp_path, monkeypatch):
    day_file(tmp_path).write_bytes(GOOD.encode() + b"\x00")
    real_replace = os.replace

    def replace(src, dst):
        if ".corrupt-" in str(dst):
            raise PermissionError("read-only")
        real_replace(src, dst)
    monkeypatch.setattr(os, "replace", replace)
    counter = EventCounter(tmp_path, today=lambda: DAY)
    assert counter.counts().visitors_started == 26
    assert counter.visitor_started().visitors_started == 27      # counted on, in memory
    assert counter.visitor_started().visitors_started == 28
    assert counter.repair.moved_to is None
    assert day_file(tmp_path).read_bytes() == GOOD.encode() + b"\x00"


def test_the_organiser_log_says_what_happened_to_the_counts(tmp_path):
    organiser_log.open_log(tmp_path)
    try:
        day_file(tmp_path).write_bytes(GOOD.encode()[:-1])
        backup_file(tmp_path).write_text(BACKUP, encoding="utf-8")
        EventCounter(tmp_path, today=lambda: DAY).counts()
    finally:
        organiser_log.close_log()
    lines = [line.split("  ", 1)[1] for line in
             (tmp_path / organiser_log.LOG_NAME).read_text(encoding="utf-8").splitlines()]
    assert lines == [
        "the count file 2026-05-12.json was damaged; kept its last good copy: 25 players, "
        "9 stepped in, 19 saw an ending",
        "the damaged count file is kept as 2026-05-12.corrupt-1.json"]
