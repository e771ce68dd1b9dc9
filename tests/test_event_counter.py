"""The event counter: counts only, one file a day, written atomically, never a crash."""

from __future__ import annotations

import json
import logging
import os
from datetime import date

import pytest

from game.event.counter import (MIN_PLAYERS_FOR_SHARE, DayCounts, EventCounter, data_dir,
                                event_dir)

DAY = date(2026, 5, 12)


def day_file(folder, day=DAY):
    return folder / f"{day.isoformat()}.json"


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
    assert sorted(p.name for p in tmp_path.iterdir()) == [".counts.lock", "2026-05-12.json"]  # no temp


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
    json.dumps({"format": "bystander-event-day", "version": 1, "date": "2026-05-12",
                "visitors_started": 1, "visitors_finished": 0, "visitors_stepped_in": 0,
                "name": "Sam"}),
    "x" * 10_000, "[" * 4000, '{"visitors_started": 1' + "0" * 4000 + "}",
], ids=["json", "list", "format", "bytes", "finished>started", "date", "negative", "extra",
        "huge", "deep nesting", "huge number"])
def test_a_corrupt_file_is_set_aside_and_counting_restarts(tmp_path, caplog, content):
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
    assert sorted(p.name for p in tmp_path.iterdir()) == [".counts.lock", "2026-05-12.json"]


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
