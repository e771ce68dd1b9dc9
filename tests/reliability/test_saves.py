"""Nothing is lost: what the game writes survives a process killed in the middle of writing, and a
damaged file on disk is reported and set aside (records, event counts) or replaced by the defaults
(settings), never a crash.

A child process writes the same file again and again through the game's own code, saying on stdout
after each write that it is done; the test kills it with SIGKILL at a random moment and then reads
the file: it must be whole, and hold either the last write the child finished or the one it was in
the middle of, never an older one.
"""

from __future__ import annotations

import json
import logging
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reliahelp import MINI, ROOT, SOAK

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

ROUNDS = 200 if SOAK else 6
"""Kills per kind of file."""

# --- the writers (run in a child process) --------------------------------------------------------

SETTINGS_WRITER = """
from game.ui.settings import Settings, save_settings
path = Path(sys.argv[1])
i = int(sys.argv[2])
print("ready", flush=True)
while True:
    save_settings(settings_number(i), path)
    print(i, flush=True)
    i += 1
"""

RECORDS_WRITER = """
from game.core import engine
from game.core.loader import load
from game.classroom.records import SessionLog
loaded = load(MINI)
log = SessionLog.begin(engine.start(loaded.scenario, "en"), "class", loaded.content_hash)
log.path = Path(sys.argv[1])
i = int(sys.argv[2])
if log.path.exists():  # go on with the record the last child left
    from game.classroom.records import read_record
    log.decisions = read_record(log.path).decisions
log.decisions = log.decisions[:i]
print("ready", flush=True)
while True:
    log.decisions.append({"scene": "hallway", "choice": "walk_on", "stance": "outsider",
                          "step": "notice", "votes": {"walk_on": i % 30}, "overridden": False,
                          "road": 0, "seconds": 10 * (i % 100)})
    log.save()
    print(i + 1, flush=True)
    i += 1
"""

EVENT_WRITER = """
from datetime import date
from game.event.counter import EventCounter
counter = EventCounter(Path(sys.argv[1]).parent, today=lambda: date(2026, 5, 12))
i = counter.counts().visitors_started
print("ready", flush=True)
while True:
    counter.visitor_started()
    i += 1
    print(i, flush=True)
"""

PRELUDE = f"""
import sys
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
MINI = Path({str(MINI)!r})
FIELDS = [("text_size", ("normal", "large", "xlarge")),
          ("text_speed", ("instant", "normal", "slow")), ("lang", ("nl", "en")),
          ("high_contrast", (False, True)), ("reduced_motion", (False, True)),
          ("fullscreen", (False, True)), ("software_display", (False, True))]

def settings_number(i):
    '''The i-th of 288 different settings: consecutive numbers never give the same file.'''
    from game.ui.settings import Settings
    values = {{}}
    for name, options in FIELDS:
        values[name] = options[i % len(options)]
        i //= len(options)
    return Settings(**values)
"""

def _prelude() -> dict:
    scope: dict = {}
    exec(compile(PRELUDE, "prelude", "exec"), scope)  # noqa: S102 - our own constant
    return scope


def _settings_state(path: Path):
    """The number of the settings write the file holds (mod 288)."""
    from dataclasses import asdict
    scope = _prelude()
    data = json.loads(path.read_text(encoding="utf-8"))
    for n in range(288):
        if asdict(scope["settings_number"](n)) == data:
            return n
    raise AssertionError(f"settings file holds none of the writes: {data}")


def _records_state(path: Path) -> int:
    from game.classroom.records import read_record
    return len(read_record(path).decisions)


def _event_state(path: Path) -> int:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "bystander-event-day", data
    return data["visitors_started"]


KINDS = {
    "settings": (SETTINGS_WRITER, "settings.json", _settings_state, 288),
    "records": (RECORDS_WRITER, "0123456789abcdef0123456789abcdef.json", _records_state, None),
    "event counts": (EVENT_WRITER, "2026-05-12.json", _event_state, None),
}


def _kill_during_writes(kind: str, folder: Path, rounds: int, rng: random.Random):
    """Start a writer, kill it at a random moment, check the file; `rounds` times over."""
    code, name, state_of, modulo = KINDS[kind]
    path = folder / name
    child = PRELUDE + textwrap.dedent(code)
    done = 0       # the number the file must hold at least (the last write a child finished)
    writes = 0
    for _ in range(rounds):
        start = done if kind != "settings" else done + 1
        proc = subprocess.Popen([sys.executable, "-c", child, str(path), str(start)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                cwd=ROOT, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        first = proc.stdout.readline()  # one write done: from here on the kill lands mid-stream
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err
        out = first + out
        finished = [int(line) for line in out.split("\n")[:-1] if line.strip().isdigit()]
        writes += len(finished)
        if finished:
            done = finished[-1]
        if not path.exists():
            assert done == 0, f"{kind}: the file vanished after {done} writes"
            continue
        held = state_of(path)  # raises on a partial or corrupt file
        allowed = {done, done + 1} if modulo is None else {done % modulo, (done + 1) % modulo}
        assert held in allowed, (f"{kind}: the file holds write {held}, but write {done} had "
                                 "finished: a completed write was lost")
        done = held if modulo is None else done + (held != done % modulo)
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    return writes, leftovers


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_write_killed_half_way_leaves_the_last_good_file(tmp_path, kind, figure, monkeypatch):
    if kind == "records":
        pytest.importorskip("game.classroom.records")
    if kind == "event counts":
        pytest.importorskip("game.event.counter")
    rounds = ROUNDS if kind != "records" or SOAK else 4
    writes, leftovers = _kill_during_writes(kind, tmp_path, rounds, random.Random(kind))
    _next_start_cleans(kind, tmp_path, monkeypatch)
    left = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    figure(f"kills during writes of {kind}",
           f"{rounds} kills over {writes} completed writes: 0 corrupt, 0 lost "
           f"({len(leftovers)} temporary files left behind by the kills, {len(left)} after the "
           "next start)")
    assert writes >= rounds
    assert left == [], "the next start removes the temporary files killed writers left"


def _next_start_cleans(kind: str, folder: Path, monkeypatch) -> None:
    """What the next start does in the folder, a minute later (when a temporary file is surely
    no live writer's): the game's own clean-up, through the code that runs at a start."""
    from game import files
    monkeypatch.setattr(files, "STALE_SECONDS", 0.0)
    if kind == "settings":
        from game.ui.settings import load_settings
        load_settings(folder / "settings.json")
    elif kind == "records":
        from game.classroom import records
        monkeypatch.setattr(records, "sessions_dir", lambda: folder)
        records.unfinished_sessions()
    else:
        from datetime import date

        from game.event.counter import EventCounter
        EventCounter(folder, today=lambda: date(2026, 5, 12)).counts()


# --- damaged files on disk ------------------------------------------------------------------------

DAMAGED = {
    "empty": b"",
    "truncated": b'{"text_size": "large", "lang": "e',
    "garbage": bytes(range(256)) * 4,
    "nul bytes": b"\x00" * 64,
    "a list": b'["lang", "en"]',
    "wrong types": b'{"lang": 3, "high_contrast": "yes", "text_size": null}',
    "latin-1 text": '{"lang": "één"}'.encode("latin-1"),
    "utf-16": '{"lang": "en"}'.encode("utf-16"),
    "deep nesting": b"[" * 100_000,
    "huge number": b'{"lang": 1' + b"0" * 5000 + b"}",
    "NaN": b'{"lang": NaN, "text_size": Infinity}',
}
# Known bugs, as case -> reason: the case is marked as an expected failure until it is fixed.
SETTINGS_BUGS: dict[str, str] = {}
RECORD_BUGS: dict[str, str] = {}
EVENT_BUGS: dict[str, str] = {}


def _maybe_xfail(table: dict, case: str):
    if case in table:
        return [pytest.mark.xfail(strict=True, reason=table[case])]
    return []


@pytest.mark.parametrize("case", [pytest.param(c, marks=_maybe_xfail(SETTINGS_BUGS, c))
                                  for c in DAMAGED])
def test_damaged_settings_mean_the_defaults_and_a_warning(tmp_path, case, caplog):
    from game.ui.settings import Settings, load_settings, settings_path
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(DAMAGED[case])
    with caplog.at_level(logging.WARNING, logger="game"):
        settings = load_settings()
    defaults = Settings()
    assert settings == defaults
    assert caplog.records, "a damaged settings file must be mentioned in the log"


def test_a_folder_where_the_settings_file_should_be(tmp_path, caplog):
    from game.ui.settings import Settings, load_settings, save_settings, settings_path
    settings_path().mkdir(parents=True)
    with caplog.at_level(logging.WARNING, logger="game"):
        assert load_settings() == Settings()
        assert save_settings(Settings(lang="en")) is False
    assert caplog.records


@pytest.mark.parametrize("case", [pytest.param(c, marks=_maybe_xfail(RECORD_BUGS, c))
                                  for c in DAMAGED])
def test_a_damaged_record_is_set_aside_never_a_crash(case, caplog):
    records = pytest.importorskip("game.classroom.records")
    folder = records.sessions_dir()
    folder.mkdir(parents=True)
    (folder / "0123456789abcdef0123456789abcdef.json").write_bytes(DAMAGED[case])
    with caplog.at_level(logging.WARNING, logger="game"):
        found = records.unfinished_sessions()
    assert found == []
    assert not (folder / "0123456789abcdef0123456789abcdef.json").exists()
    assert [p.name for p in (folder / records.CORRUPT).iterdir()] == [
        "0123456789abcdef0123456789abcdef.json"]
    assert any("set aside" in r.getMessage() for r in caplog.records)


def test_the_report_skips_damaged_records_and_says_so():
    records = pytest.importorskip("game.classroom.records")
    folder = records.sessions_dir()
    folder.mkdir(parents=True)
    for i, case in enumerate(c for c in DAMAGED if c not in RECORD_BUGS):
        (folder / f"{i:032x}.json").write_bytes(DAMAGED[case])
    found, problems = records.load_sessions(folder)
    assert found == [] and len(problems) == len(DAMAGED) - len(RECORD_BUGS)


@pytest.mark.parametrize("case", [pytest.param(c, marks=_maybe_xfail(EVENT_BUGS, c))
                                  for c in DAMAGED])
def test_damaged_event_counts_are_set_aside_and_counting_goes_on(tmp_path, case, caplog):
    counter_mod = pytest.importorskip("game.event.counter")
    from datetime import date
    day = date(2026, 5, 12)
    counter = counter_mod.EventCounter(tmp_path, today=lambda: day)
    data = DAMAGED[case][:counter_mod.MAX_FILE_BYTES]
    counter.path_for(day).write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="game"):
        assert counter.visitor_started().visitors_started == 1
    assert json.loads(counter.path_for(day).read_text())["visitors_started"] == 1
    assert len(list(tmp_path.glob("*.corrupt-*.json"))) == 1
    assert caplog.records, "damaged counts must be mentioned in the log"
