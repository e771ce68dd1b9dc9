"""Session records: a class session as it is written, what it may hold, and how it survives a crash."""

from __future__ import annotations

import getpass
import json
import logging
import os
import random
import re
import socket
import subprocess
import sys
import time
from dataclasses import asdict

import jsonschema
import pytest

from classhelp import MONDAY, ROOT, SHIPPED, play_session, play_the_mini_lesson
from game.classroom import records
from game.classroom.records import (RECORD_SCHEMA, RecordError, SessionLog, data_dir,
                                    load_sessions, resume, unfinished_sessions)
from game.core import engine
from game.core.loader import load

def read(log: SessionLog) -> dict:
    return json.loads(log.path.read_text(encoding="utf-8"))


def test_a_class_session_is_recorded_field_by_field(mini_loaded):
    mini, content_hash = mini_loaded
    log, run, what_if = play_the_mini_lesson(mini, content_hash)
    data = read(log)
    assert list(data) == ["format", "version", "session_id", "scenario_id", "scenario_version",
                          "content_hash", "lang", "mode", "started", "road", "decisions",
                          "roads", "ending", "completed", "label", "class_size",
                          "lesson_minutes"]
    assert data["format"] == "bystander-session" and data["version"] == 2
    assert (data["label"], data["class_size"], data["lesson_minutes"]) == ("", None, None)
    assert re.fullmatch(r"[0-9a-f]{32}", data["session_id"])
    assert log.path == data_dir() / "sessions" / f"{data['session_id']}.json"
    assert data["scenario_id"] == "mini" and data["scenario_version"] == 1
    assert data["content_hash"] == content_hash
    assert (data["lang"], data["mode"], data["started"]) == ("nl", "class", "2026-11-30T09:15")
    assert data["road"] == 0
    assert data["decisions"] == [
        {"scene": "hallway", "choice": "walk_on", "stance": "outsider", "step": "notice",
         "votes": {"walk_on": 14, "stand_by_sam": 11}, "overridden": False, "road": 0,
         "seconds": 60},
        {"scene": "later", "choice": "say_nothing", "stance": "outsider", "step": "act",
         "votes": {"tell_mentor": 10, "say_nothing": 15}, "overridden": False, "road": 0,
         "seconds": 100},
        {"scene": "hallway", "choice": "stand_by_sam", "stance": "support", "step": "notice",
         "votes": {"walk_on": 3, "stand_by_sam": 22}, "overridden": True, "road": 1,
         "seconds": 30},
        {"scene": "later", "choice": "check_in", "stance": "support", "step": "act",
         "votes": None, "overridden": False, "road": 1, "seconds": 40},
    ]
    assert data["roads"] == [
        {"id": 0, "parent": None, "branch_at": None, "run": run.save()},
        {"id": 1, "parent": 0, "branch_at": 0, "run": what_if.save()},
    ]
    assert data["roads"][1]["run"]["choices"] == ["stand_by_sam", "check_in"]
    assert (data["ending"], data["completed"]) == ("alone", True)
    # And back again: the file is the record, and nothing else.
    assert SessionLog.from_dict(data).to_dict() == data
    assert unfinished_sessions() == [], "a finished session is not offered again"


def test_every_session_is_a_new_random_id(mini_loaded, fast_disk):
    mini, content_hash = mini_loaded
    ids = {SessionLog.begin(engine.start(mini, "en"), "solo", "").session_id for _ in range(20)}
    assert len(ids) == 20


# --- privacy ----------------------------------------------------------------------------------------

def walk_against_schema(value, schema, where="record"):
    """Every key and value the record holds, held against the documented schema. A string is only
    allowed where the schema pins it down (a pattern, a list of values or a constant): nowhere
    can free text, a name or a path slip in."""
    if isinstance(value, dict):
        allowed = schema.get("properties", {})
        extra = schema.get("additionalProperties", False)
        for key, item in value.items():
            if key in allowed:
                walk_against_schema(item, allowed[key], f"{where}.{key}")
            else:
                assert isinstance(extra, dict), f"{where}: key {key!r} is not in the schema"
                walk_against_schema(key, schema["propertyNames"], f"{where} key {key!r}")
                walk_against_schema(item, extra, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            walk_against_schema(item, schema["items"], f"{where}[{i}]")
    elif isinstance(value, str):
        assert {"pattern", "enum", "const"} & set(schema), f"{where}: free text {value!r}"
        if "pattern" in schema:
            assert re.search(schema["pattern"], value), f"{where}: {value!r}"
        if "enum" in schema:
            assert value in schema["enum"], f"{where}: {value!r}"
        if "const" in schema:
            assert value == schema["const"], f"{where}: {value!r}"
    elif isinstance(value, bool):
        assert "boolean" in schema.get("type", ()), f"{where}: unexpected true/false"
    elif isinstance(value, int):
        assert "integer" in schema.get("type", ()) or isinstance(schema.get("const"), int), where
    else:
        assert value is None and "null" in schema.get("type", ()), f"{where}: {value!r}"


def test_a_record_holds_nothing_outside_the_documented_schema(mini_loaded):
    mini, content_hash = mini_loaded
    log, _, _ = play_the_mini_lesson(mini, content_hash)
    data = read(log)
    walk_against_schema(data, RECORD_SCHEMA)
    jsonschema.validate(data, RECORD_SCHEMA)  # the game's own reading of the schema agrees
    text = log.path.read_text(encoding="utf-8")
    scenario_text = (ROOT / "tests" / "data" / "mini.yaml").read_text(encoding="utf-8")
    for private in (getpass.getuser(), socket.gethostname(), str(ROOT), str(data_dir())):
        if len(private) >= 4 and private not in scenario_text:
            assert private not in text, f"the record mentions {private!r}"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_random_sessions_of_every_scenario_keep_to_the_schema(path, fast_disk):
    loaded = load(path)
    if not loaded.ok:  # the corpus tests report a broken scenario; here it has nothing to play
        pytest.skip(f"{path.name} does not load")
    scenario, content_hash = loaded.scenario, loaded.content_hash
    rng = random.Random(7)
    for mode in ("class", "solo", "event"):
        log = play_session(scenario, content_hash, rng, mode, what_if=True)
        data = read(log)
        walk_against_schema(data, RECORD_SCHEMA)
        jsonschema.validate(data, RECORD_SCHEMA)


def test_the_schema_leaves_no_room_for_free_text():
    def strings(schema, where="record"):
        types = schema.get("type", ())
        types = [types] if isinstance(types, str) else types
        if "string" in types:
            assert {"pattern", "enum", "const"} & set(schema), where
        for key, sub in schema.get("properties", {}).items():
            strings(sub, f"{where}.{key}")
        for key in ("items", "additionalProperties", "propertyNames"):
            if isinstance(schema.get(key), dict):
                strings(schema[key], f"{where}.{key}")
    strings(RECORD_SCHEMA)
    jsonschema.Draft202012Validator.check_schema(RECORD_SCHEMA)


@pytest.mark.parametrize("damage", [
    lambda d: d.update(teacher="Mevrouw Jansen"),
    lambda d: d["decisions"][0].update(comment="Tim riep iets"),
    lambda d: d["decisions"][0]["votes"].update({"Tim de Vries": 3}),
    lambda d: d["decisions"][0].update(choice="Tim walked on"),
    lambda d: d["roads"][0]["run"].update(player="Tim"),
    lambda d: d.update(started="2026-11-30T09:17:43"),
    lambda d: d["decisions"][0].update(seconds=64),
    lambda d: d.update(session_id="tim@laptop-3b"),
    lambda d: d.update(mode="home"),
], ids=["name", "comment", "vote-by-name", "free-text-choice", "player", "exact-time",
        "exact-seconds", "machine-id", "mode"])
def test_anything_outside_the_schema_is_refused(mini_loaded, damage, fast_disk):
    mini, content_hash = mini_loaded
    log, _, _ = play_the_mini_lesson(mini, content_hash)
    data = read(log)
    damage(data)
    with pytest.raises(RecordError):
        SessionLog.from_dict(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, RECORD_SCHEMA)


def test_votes_must_name_choices_of_the_scene(mini_loaded):
    mini, content_hash = mini_loaded
    run = engine.start(mini, "en", content_hash)
    log = SessionLog.begin(run, "class", content_hash)
    outcome = run.choose("walk_on")
    with pytest.raises(ValueError, match="not choices"):
        log.record_decision(run, outcome, {"walk_on": 3, "Tim": 1}, False, 10)
    with pytest.raises(ValueError, match="whole number"):
        log.record_decision(run, outcome, {"walk_on": -1}, False, 10)
    assert read(log)["decisions"] == []


def test_coarse_times():
    assert records.coarse_seconds(64.9) == 60 and records.coarse_seconds(65) == 70
    assert records.coarse_seconds(-3) == 0 and records.coarse_seconds(float("nan")) == 0
    assert records.coarse_seconds(10 ** 9) == records.MAX_SECONDS
    assert records.coarse_time(time.mktime((2026, 1, 2, 23, 59, 59, 0, 0, -1))) == \
        "2026-01-02T23:55"


# --- roads -----------------------------------------------------------------------------------------

def test_a_road_may_branch_from_a_run_already_taken_back(mini_loaded):
    mini, content_hash = mini_loaded
    run = engine.start(mini, "en", content_hash)
    log = SessionLog.begin(run, "class", content_hash)
    for choice in ("walk_on", "say_nothing"):
        log.record_decision(run, run.choose(choice), None, False, 10)
    run.back()  # the screen took the run back to decision 1 itself
    assert log.branch(run, 1) == 1
    assert log.roads[0].run["choices"] == ["walk_on", "say_nothing"], "road 0 is kept whole"
    assert resume(log, mini).state.choices == ["walk_on"]
    with pytest.raises(ValueError):
        log.branch(resume(log, mini), 5)


def test_a_what_if_after_the_ending_is_offered_again_if_the_game_closes(mini_loaded, tmp_path):
    from game.classroom.report import build_report
    mini, content_hash = mini_loaded
    run = engine.start(mini, "en", content_hash)
    log = SessionLog.begin(run, "class", content_hash)
    for choice in ("walk_on", "say_nothing"):
        while run.view().can_advance:
            run.advance()
        log.record_decision(run, run.choose(choice), None, False, 10)
    while not run.ended:
        run.advance()
    log.finish(run)
    assert unfinished_sessions() == []
    log.branch(run, 1)  # what if the class had spoken up? ... and then the laptop dies
    log.release()  # (its window holds the session no more)
    [offered] = unfinished_sessions()
    assert offered.session_id == log.session_id and offered.road == 1
    assert resume(offered, mini).state.choices == ["walk_on"]
    report = build_report(log.path.parent, "en", scenes=ROOT / "tests" / "data")
    [tally] = report.scenarios
    assert tally.completed == 1, "the class's own road did reach its ending"


def test_going_back_on_a_road_forgets_what_was_undone(mini_loaded):
    mini, content_hash = mini_loaded
    run = engine.start(mini, "en", content_hash)
    log = SessionLog.begin(run, "class", content_hash)
    log.record_decision(run, run.choose("walk_on"), None, False, 10)
    log.record_decision(run, run.choose("say_nothing"), None, False, 10)
    run.back()
    run.back()
    log.record_decision(run, run.choose("stand_by_sam"), None, False, 10)
    assert [d["choice"] for d in read(log)["decisions"]] == ["stand_by_sam"]
    assert read(log)["roads"][0]["run"]["choices"] == ["stand_by_sam"]


def test_switching_to_an_unknown_road_is_refused(mini_loaded):
    mini, content_hash = mini_loaded
    log = SessionLog.begin(engine.start(mini, "en", content_hash), "class", content_hash)
    with pytest.raises(ValueError, match="no road 3"):
        log.switch(3)


# --- crashes, atomic writes, corrupt files -------------------------------------------------------

CRASHING_CLASS = """
import json, os, sys
from dataclasses import asdict
from game.core import engine
from game.core.loader import load
from game.classroom.records import SessionLog
loaded = load(sys.argv[1])
run = engine.start(loaded.scenario, "nl", loaded.content_hash)
log = SessionLog.begin(run, "class", loaded.content_hash)
for choice in sys.argv[2:]:
    while run.view().can_advance:
        run.advance()
    log.record_decision(run, run.choose(choice), None, False, 12)
print(json.dumps(asdict(run.view())))
sys.stdout.flush()
os._exit(9)  # the laptop dies: no finish, no clean-up
"""


def test_a_session_resumes_after_a_crash_with_the_same_view(mini_loaded):
    mini, _ = mini_loaded
    result = subprocess.run([sys.executable, "-c", CRASHING_CLASS, str(ROOT / "tests" / "data" /
                                                                          "mini.yaml"), "walk_on"],
                            capture_output=True, text=True, cwd=ROOT, env=os.environ.copy(),
                            timeout=60)
    assert result.returncode == 9, result.stderr
    before = json.loads(result.stdout)
    logs = unfinished_sessions()  # the next start of the game, in this (new) process
    assert len(logs) == 1
    run = resume(logs[0], mini)
    assert json.loads(json.dumps(asdict(run.view()))) == before
    assert run.state.choices == ["walk_on"]


def test_the_old_record_stays_whole_when_a_save_fails(mini_loaded, monkeypatch):
    mini, content_hash = mini_loaded
    run = engine.start(mini, "en", content_hash)
    log = SessionLog.begin(run, "class", content_hash)
    log.record_decision(run, run.choose("walk_on"), None, False, 10)
    before = log.path.read_bytes()

    def no_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", no_disk)
    log.record_decision(run, run.choose("say_nothing"), None, False, 10)  # the class plays on
    assert log.save_error and "No space left" in log.save_error
    with pytest.raises(OSError):
        log.save()
    assert log.path.read_bytes() == before
    assert sorted(p.name for p in log.path.parent.iterdir()) == [
        f".{log.session_id}.lock", log.path.name], "no temp file left"
    monkeypatch.undo()
    log.finish(run)
    assert log.save_error is None and read(log)["completed"] is True


def test_a_record_is_synced_before_it_replaces_the_old_one(mini_loaded, monkeypatch):
    mini, content_hash = mini_loaded
    log = SessionLog.begin(engine.start(mini, "en", content_hash), "class", content_hash)
    order = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (order.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (order.append("replace"),
                                                     real_replace(a, b))[1])
    log.save()
    assert order[:2] == ["fsync", "replace"]


def test_corrupt_files_are_set_aside_never_a_crash(mini_loaded, caplog):
    mini, content_hash = mini_loaded
    older = SessionLog.begin(engine.start(mini, "en", content_hash), "class", content_hash,
                             clock=lambda: MONDAY)
    newer = SessionLog.begin(engine.start(mini, "en", content_hash), "solo", content_hash,
                             clock=lambda: MONDAY + 3600)
    done = SessionLog.begin(engine.start(mini, "en", content_hash), "class", content_hash)
    done.finish(engine.replay(mini, "en", ["walk_on", "say_nothing"], content_hash))
    for log in (older, newer, done):
        log.release()  # their windows closed
    folder = older.path.parent
    whole = older.path.read_text(encoding="utf-8")
    bad = {name: f"{i:032x}.json" for i, name in enumerate(
        ["half", "garbage", "foreign", "wrong_road"])}
    future_name = "f" * 32 + ".json"
    (folder / bad["half"]).write_text(whole[: len(whole) // 2], encoding="utf-8")
    (folder / bad["garbage"]).write_bytes(b"\xff\xfe\x00garbage")
    (folder / bad["foreign"]).write_text('{"hello": "world"}', encoding="utf-8")
    future = json.loads(whole)
    future["version"] = 99
    (folder / future_name).write_text(json.dumps(future), encoding="utf-8")
    wrong_road = json.loads(whole)
    wrong_road["road"] = 4
    (folder / bad["wrong_road"]).write_text(json.dumps(wrong_road), encoding="utf-8")
    # Not named as the game names its records: someone else's, never moved.
    (folder / "half.json").write_text(whole[: len(whole) // 2], encoding="utf-8")
    (folder / "notes.json").write_text('{"hello": "world"}', encoding="utf-8")

    with caplog.at_level(logging.WARNING, logger="game.classroom.records"):
        found = unfinished_sessions()
    assert [log.session_id for log in found] == [newer.session_id, older.session_id]
    assert {p.name for p in (folder / "corrupt").iterdir()} == set(bad.values())
    assert not set(bad.values()) & {p.name for p in folder.iterdir()}
    assert {"half.json", "notes.json"} <= {p.name for p in folder.iterdir()}
    # A newer game's record is not damaged: it stays for that game, and is not offered here.
    assert (folder / future_name).exists()
    assert len([r for r in caplog.records if "set aside" in r.getMessage()]) == 4
    assert any("kept the session record" in r.getMessage() for r in caplog.records)
    assert [log.session_id for log in unfinished_sessions()] == [newer.session_id,
                                                                  older.session_id]


def test_load_sessions_reads_the_good_and_names_the_bad(mini_loaded, tmp_path):
    mini, content_hash = mini_loaded
    log = play_session(mini, content_hash, random.Random(1))
    folder = log.path.parent
    (folder / "notes.txt").write_text("Tim: check in with him", encoding="utf-8")
    (folder / "empty.json").write_text("", encoding="utf-8")
    good, problems = load_sessions(folder)
    assert [r["session_id"] for r in good] == [log.session_id]
    assert sorted(p.name for p in problems) == ["empty.json", "notes.txt"]
    assert (folder / "notes.txt").exists(), "load_sessions moves nothing"
    assert load_sessions(tmp_path / "nowhere") == ([], [])


def test_resume_refuses_another_scenario_or_a_changed_one(mini_loaded, adrian_loaded):
    mini, content_hash = mini_loaded
    log = SessionLog.begin(engine.start(mini, "en", content_hash), "class", content_hash)
    with pytest.raises(RecordError, match="scenario"):
        resume(log, adrian_loaded[0])
    log.content_hash = "0" * 64
    with pytest.raises(RecordError, match="changed"):
        resume(log, mini)


def test_data_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BYSTANDER_DATA_DIR", str(tmp_path / "x"))
    assert data_dir() == tmp_path / "x"
    monkeypatch.delenv("BYSTANDER_DATA_DIR")
    assert data_dir().name.lower() == "bystander"
