"""Classes kept apart: a session's class label, class size and lesson length in the record; every
unfinished session listed (those open in another window marked), one deleted on request; a
vote never counts more hands than the class has pupils."""

from __future__ import annotations

import json

import jsonschema
import pytest

from classhelp import MONDAY, to_choice
from game.classroom import records
from game.classroom.records import (RECORD_SCHEMA, RecordError, SessionLog, class_label,
                                    delete_session, last_class_size, read_record,
                                    waiting_sessions)
from game.core import engine


def begin(mini, content_hash, **plan) -> tuple[SessionLog, engine.Run]:
    run = engine.start(mini, "nl", content_hash)
    return SessionLog.begin(run, "class", content_hash, clock=lambda: MONDAY, **plan), run


def vote(log: SessionLog, run: engine.Run, counts: dict[str, int]) -> None:
    view = to_choice(run)
    choice = max(counts, key=counts.get) if counts else view.choices[0].id
    outcome = run.choose(choice)
    log.record_decision(run, outcome, counts, False, 30)


def test_a_session_keeps_its_class_label_size_and_lesson_length(mini_loaded):
    log, _ = begin(*mini_loaded, label="  3B  ", class_size=28, lesson_minutes=50)
    data = json.loads(log.path.read_text(encoding="utf-8"))
    assert (data["version"], data["label"], data["class_size"], data["lesson_minutes"]) == (
        2, "3B", 28, 50)
    jsonschema.validate(data, RECORD_SCHEMA)
    again = read_record(log.path)
    assert (again.label, again.class_size, again.lesson_minutes) == ("3B", 28, 50)


def test_a_record_of_version_1_still_loads_without_them(mini_loaded):
    log, _ = begin(*mini_loaded, label="3B", class_size=28)
    data = json.loads(log.path.read_text(encoding="utf-8"))
    for key in ("label", "class_size", "lesson_minutes"):
        del data[key]
    data["version"] = 1
    log.path.write_text(json.dumps(data), encoding="utf-8")
    old = read_record(log.path)
    assert (old.label, old.class_size, old.lesson_minutes) == ("", None, None)
    jsonschema.validate(data, RECORD_SCHEMA)


@pytest.mark.parametrize("text", ["3B", "H2a", "vwo-3", "2.1", "klas 3/4", "Ève 1", "123456789012"])
def test_class_labels_a_school_uses_are_kept(text):
    assert class_label(text) == text


@pytest.mark.parametrize("text", ["1234567890123", "<b>3B</b>", "=1+1", "Jan's klas",
                                  "a\x00b", "\u202e3B", "🙂"])
def test_anything_longer_or_stranger_is_refused(mini_loaded, text):
    with pytest.raises(ValueError):
        class_label(text)
    with pytest.raises(ValueError):
        begin(*mini_loaded, label=text)


def test_a_label_in_a_damaged_record_is_refused_as_damaged(mini_loaded):
    log, _ = begin(*mini_loaded, label="3B")
    data = json.loads(log.path.read_text(encoding="utf-8"))
    data["label"] = "Jan de Vries, 3B"
    log.path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RecordError):
        read_record(log.path)


def test_a_vote_over_the_class_size_is_refused_until_the_size_is_corrected(mini_loaded):
    log, run = begin(*mini_loaded, class_size=20)
    view = to_choice(run)
    ids = [c.id for c in view.choices if c.available]
    outcome = run.choose(ids[0])
    with pytest.raises(ValueError, match="21 hands counted in a class of 20"):
        log.record_decision(run, outcome, {ids[0]: 11, ids[1]: 10}, False, 30)
    assert log.decisions == []
    log.set_class_size(21)
    log.record_decision(run, outcome, {ids[0]: 11, ids[1]: 10}, False, 30)
    assert read_record(log.path).class_size == 21
    with pytest.raises(ValueError):
        log.set_class_size(20)  # below a vote already taken


def test_a_record_whose_vote_exceeds_its_class_is_damaged(mini_loaded):
    log, run = begin(*mini_loaded, class_size=25)
    view = to_choice(run)
    ids = [c.id for c in view.choices if c.available]
    vote(log, run, {ids[0]: 13, ids[1]: 12})
    data = json.loads(log.path.read_text(encoding="utf-8"))
    data["class_size"] = 24
    log.path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RecordError, match="more hands than the class"):
        read_record(log.path)


def test_every_unfinished_session_is_listed_newest_first_and_one_open_elsewhere_marked(
        mini_loaded):
    first, _ = begin(*mini_loaded, label="3A")
    second, _ = begin(*mini_loaded, label="3B")
    first.release()
    waiting = waiting_sessions()
    assert [(w.record.label, w.in_use) for w in waiting] == [("3B", True), ("3A", False)] or \
        [(w.record.label, w.in_use) for w in waiting] == [("3A", False), ("3B", True)]
    assert {w.record.label for w in waiting if not w.in_use} == {"3A"}
    assert [s.label for s in records.unfinished_sessions()] == ["3A"]


def test_a_session_is_deleted_on_request_but_never_one_open_elsewhere(mini_loaded):
    kept, _ = begin(*mini_loaded, label="3A")
    gone, _ = begin(*mini_loaded, label="3B")
    with pytest.raises(RecordError) as refused:
        delete_session(gone)  # this very window holds it
    assert refused.value.kind == "in_use" and gone.path.exists()
    gone.release()
    delete_session(gone)
    assert not gone.path.exists()
    assert not records.lock_path(gone.path).exists()
    assert kept.path.exists()


def test_delete_touches_only_a_record_the_game_wrote(mini_loaded, tmp_path):
    log, _ = begin(*mini_loaded)
    log.release()
    mine = log.path.with_name("notes.json")
    mine.write_text("{}", encoding="utf-8")
    other = SessionLog.from_dict(log.to_dict(), mine)
    with pytest.raises(RecordError):
        delete_session(other)
    assert mine.exists()


def test_the_last_class_size_is_offered_again(mini_loaded):
    assert last_class_size() is None
    older, _ = begin(*mini_loaded, class_size=24)
    newer, _ = begin(*mini_loaded, class_size=28)
    data = json.loads(older.path.read_text(encoding="utf-8"))
    data["started"] = "2026-11-23T09:15"
    older.path.write_text(json.dumps(data), encoding="utf-8")
    assert last_class_size() == 28



@pytest.mark.parametrize("minutes, debrief_at", [(45, 30), (50, 33)])
def test_the_lesson_clock_counts_to_the_plans_debrief_then_to_the_end(minutes, debrief_at):
    from game.classroom.lesson import LessonClock, debrief_minutes
    clock = LessonClock(minutes)
    assert clock.debrief_at == debrief_at == minutes - debrief_minutes(minutes)
    assert clock.words("en") == f"{debrief_at} min to the debrief"
    clock.tick(59)
    assert clock.words("en") == f"{debrief_at} min to the debrief", "whole minutes, rounded up"
    clock.tick(debrief_at * 60 - 60)
    assert clock.words("nl") == "Nog 1 min tot de nabespreking" and not clock.debrief_time
    clock.tick(1)
    assert clock.debrief_time
    assert clock.words("en") == f"Debrief now: {minutes - debrief_at} min left"
    clock.tick(-500)                                          # time never runs back
    clock.tick((minutes - debrief_at) * 60)
    assert clock.words("nl") == "De les is voorbij"
