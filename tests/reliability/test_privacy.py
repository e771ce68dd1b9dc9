"""No personal data: everything the game writes during full plays keeps to a documented, anonymous
schema, and the README says what is stored, where, and how to delete it.

The plays: a pupil alone (settings changed on the way), a class session, and a visitor at the event
screen, each through the real screens. Then every file under the config, data and cache folders is
read: it must be one of the documented kinds, hold exactly its documented fields, and every string
in it must be an id, a language code, an enum value, a hash, a date or time, or a format name: never
free text, so never a name. The one exception is the cache of the title screen's cards: it holds
titles and summaries, and each of those must be exactly what its scenario file says.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
from dataclasses import fields
from pathlib import Path

import pygame
import pytest

from reliahelp import ROOT, SHIPPED, RandomPlayer, Tally, entries, make_app

ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
LANG = re.compile(r"[a-z]{2,3}")
HASH = re.compile(r"[0-9a-f]{16}|[0-9a-f]{32}|[0-9a-f]{64}")
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?")
FORMATS = {"bystander-run", "bystander-session", "bystander-event-day", "bystander-catalogue"}
PIN = re.compile(r"\d{4,12}")
LABEL_PATTERN = r"[0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF .\-/]{1,12}"
"""A class label as the README's Privacy section describes it (records.LABEL_PATTERN)."""


def kind_of(value: str, key: str) -> str | None:
    """What an anonymous string is, or None when it could be free text."""
    if value == "":
        return "empty"
    if value in FORMATS:
        return "format"
    if key == "kiosk_pin" and PIN.fullmatch(value):
        return "organiser's code (digits)"
    if key == "label" and re.fullmatch(LABEL_PATTERN, value):
        return "class label (the only free text: at most 12 letters, digits, . - /)"
    for name, rx in (("id or enum value", ID), ("language", LANG), ("hash", HASH),
                     ("date or time", ISO_TIME)):
        if rx.fullmatch(value):
            return name
    return None


def free_text(data, where: str = "") -> list[str]:
    """Every string (key or value) in `data` that is not of an anonymous kind."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if not isinstance(key, str) or not ID.fullmatch(key):
                found.append(f"{where}: key {key!r}")
            found += free_text(value, f"{where}.{key}")
    elif isinstance(data, list):
        for i, item in enumerate(data):
            found += free_text(item, f"{where}[{i}]")
    elif isinstance(data, str):
        if kind_of(data, where.rsplit(".", 1)[-1]) is None:
            found.append(f"{where}: {data[:60]!r}")
    elif not (data is None or isinstance(data, (bool, int, float))):
        found.append(f"{where}: a {type(data).__name__}")
    return found


# --- the plays --------------------------------------------------------------------------------

def play_alone(rng: random.Random) -> None:
    """A pupil starts the game (which lists the stories, writing the cache of their cards), plays
    two stories, switching language, and changes every setting on the way."""
    from game.ui.catalogue import scan
    from game.ui.screens.settings import ROWS, SettingsScreen
    scan()
    scenarios = entries([p for p in SHIPPED if p.stem in ("adrian", "group_chat")])
    app = make_app(scenarios, persist=True)
    player = RandomPlayer(app, rng, Tally(), sizes=[(1280, 720)])
    for entry, lang in zip(scenarios, ("nl", "en")):
        assert player.play(entry, lang)
    app.show_title()
    app.push(SettingsScreen(app))
    for name in ROWS:
        app.top.change(name)
        app.run_frames(1)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_l, mod=0, unicode="",
                                         scancode=0))
    app.run_frames(1)


def play_in_class(rng: random.Random) -> None:
    """A class session: votes at every decision, the talk after each, to an ending."""
    pytest.importorskip("game.classroom.records")
    from game.ui.screens.consequence import ConsequenceScreen
    from game.ui.screens.discussion import DiscussionScreen
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.scene import SceneScreen
    from game.ui.screens.vote import VoteScreen
    scenarios = entries([p for p in SHIPPED if p.stem == "adrian"])
    app = make_app(scenarios, persist=True, reduced_motion=True)
    app.start_class(scenarios[0])                  # the form: the class's label and size
    app.top.type_text("3B")
    app.top.change_size(25)
    app.top.start()
    for _ in range(2000):
        top = app.top
        if isinstance(top, EndingScreen):
            break
        if isinstance(top, VoteScreen):
            open_ = [c for c in top.view.choices if c.available]
            for c in open_:
                top.set_count(c.index, rng.randrange(0, 25))
            top.lock()
            top.select(rng.choice(open_).index)
            top.confirm()
        elif isinstance(top, (ConsequenceScreen, DiscussionScreen)):
            top.finish_animations()
            top.go_on()
        elif isinstance(top, SceneScreen):
            top.advance()
        app.run_frames(1)
    assert isinstance(app.top, EndingScreen), app.top
    app.run_frames(1)


def visit_the_event_screen(rng: random.Random) -> None:
    """A visitor at the event screen plays a story to its end; the next one walks away."""
    kiosk = pytest.importorskip("game.ui.kiosk")
    from game.ui.catalogue import Catalogue
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.scene import SceneScreen
    from game.ui.settings import Settings
    scenarios = entries([p for p in SHIPPED if p.stem == "group_chat"])
    config = kiosk.KioskConfig(tuple(scenarios), "nl", ("nl", "en"), 60.0, 10, "")
    app = kiosk.KioskApp(Settings(text_speed="instant"), Catalogue(scenarios, 0), config,
                         size=(1280, 720), fullscreen=False)
    app.choose_story("en", 0)
    for _ in range(500):
        top = app.top
        if isinstance(top, EndingScreen):
            break
        if isinstance(top, SceneScreen) and top.phase == "choices":
            top.choose(rng.choice([c for c in top.view.choices if c.available]).id)
        elif hasattr(top, "go_on"):
            top.finish_animations()
            top.go_on()
        elif hasattr(top, "advance"):
            top.advance()
        app.step(1 / 60)
    assert isinstance(app.top, EndingScreen), app.top
    app.step(1 / 60)
    app.to_attract()
    app.choose_story("nl", 0)
    app.top._to_end_of_scene()
    app.top.choose(app.top.view.choices[0].id)
    app.last_input -= 3600                           # walks away: the organiser's log says so
    app.step(1 / 60)
    assert app.at_rest


# --- the audit --------------------------------------------------------------------------------

def audit_settings(path: Path) -> list[str]:
    from game.ui.settings import Settings
    data = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    if set(data) != {f.name for f in fields(Settings)}:
        problems.append(f"{path.name}: fields {sorted(data)} are not the Settings fields")
    if Settings.from_dict(data).__dict__ != data:
        problems.append(f"{path.name}: a value is not one the game itself accepts: {data}")
    return problems + free_text(data, path.name)


def audit_record(path: Path) -> list[str]:
    from jsonschema import Draft202012Validator

    from game.classroom.records import RECORD_SCHEMA, read_record
    data = json.loads(path.read_text(encoding="utf-8"))
    problems = [f"{path.name}: {e.message}" for e in
                Draft202012Validator(RECORD_SCHEMA).iter_errors(data)]
    read_record(path)
    return problems + free_text(data, path.name)


def audit_event_day(path: Path) -> list[str]:
    """A day's counts, or their last good copy."""
    from datetime import date

    from game.event.counter import DayCounts
    data = json.loads(path.read_text(encoding="utf-8"))
    DayCounts.from_dict(data, date.fromisoformat(path.name[:10]))
    return free_text(data, path.name)


def audit_organiser_log(path: Path) -> list[str]:
    """The organiser's log: each line a time to 5 minutes and one of its fixed sentences, with
    only numbers and dates filled in."""
    from game.event.organiser_log import MESSAGES
    sentences = [re.sub(r"\\\{\w+\\\}", r"(?:\\d+|\\d{4}-\\d{2}-\\d{2}|\\?)", re.escape(m))
                 for m in MESSAGES.values()]
    line_rx = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d[05]  (?:" + "|".join(sentences) + ")")
    return [f"{path.name}: {line!r}" for line in path.read_text(encoding="utf-8").splitlines()
            if not line_rx.fullmatch(line)]


def audit_catalogue(path: Path) -> list[str]:
    """The title's cards: each names a scenario file and holds what that file says, nothing else."""
    from game.core.loader import load
    from game.ui.catalogue import CARD_FIELDS, FORMAT, Card
    data = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    if set(data) != {"format", "code", "files"} or data["format"] != FORMAT:
        problems.append(f"{path.name}: not the documented format: {sorted(data)}")
    from game.paths import SCENES_DIR
    for record in data["files"]:
        name = record.pop("name")
        if Path(name).name != name:
            problems.append(f"{path.name}: {name!r} is a path, not a file's name")
        scenario_file = SCENES_DIR / name
        if scenario_file.suffix not in (".yaml", ".yml") or not scenario_file.is_file():
            problems.append(f"{path.name}: {scenario_file} is not a scenario file")
        card = record.pop("card", None)
        if card is not None:
            if set(card) != CARD_FIELDS:
                problems.append(f"{path.name}: card fields {sorted(card)}")
            loaded = load(scenario_file)
            if not loaded.ok or Card.of(loaded.scenario).to_json() != card:
                problems.append(f"{path.name}: the card of {scenario_file.name} is not what the "
                                "file says")
            # The texts are the file's own (checked just above); everything else is anonymous.
            record["card"] = {k: v for k, v in card.items() if k not in ("title", "summary")}
        problems += free_text(record, f"{path.name}[{scenario_file.name}]")
    return problems + free_text({k: v for k, v in data.items() if k != "files"}, path.name)


def audit_picture(path: Path) -> list[str]:
    """A drawing of the title screen: named by ids and numbers, holding only pixels."""
    import zlib

    from game.ui.pictures import HEADER, decode
    data = path.read_bytes()
    decode(data, 4)  # raises unless it is a header and exactly its width x height pixels
    rest = zlib.decompressobj(-15)
    rest.decompress(data[HEADER.size:])
    problems = [] if rest.eof and not rest.unused_data else [f"{path.name}: more than pixels"]
    parts = [p for p in path.name.split("-") if p]
    problems += [f"{path.name}: {p!r}" for p in parts
                 if not (ID.fullmatch(p) or re.fullmatch(r"\d+(x\d+)?", p))]
    return problems


def audit_cache_tag(path: Path) -> list[str]:
    """The tag that says the cache folder is the game's: always the same few bytes."""
    from game.ui.diskcache import MARKER_TEXT
    return [] if path.read_bytes() == MARKER_TEXT else [f"{path.name}: not the game's tag"]


def audit_lock(path: Path) -> list[str]:
    """A lock file (two event screens take turns, a class session has one window): empty."""
    return [] if path.stat().st_size == 0 else [f"{path.name}: a lock file that holds data"]


DOCUMENTED = [
    (re.compile(r"config/settings\.json"), audit_settings),
    (re.compile(r"data/sessions/[0-9a-f]{32}\.json"), audit_record),
    (re.compile(r"data/event/\d{4}-\d{2}-\d{2}(\.backup)?\.json"), audit_event_day),
    (re.compile(r"data/event/organiser-log\.txt(\.1)?"), audit_organiser_log),
    (re.compile(r"data/event/\.counts\.lock|data/sessions/\.[0-9a-f]{32}\.lock"), audit_lock),
    (re.compile(r"cache/catalogue\.json"), audit_catalogue),
    (re.compile(r"cache/CACHEDIR\.TAG"), audit_cache_tag),
    (re.compile(r"cache/pictures/[0-9a-f]{16}/(place|character)-[a-z0-9_-]+"), audit_picture),
]
"""Every file the game may write, relative to the folders of the `_private_dirs` fixture."""


def test_everything_written_during_full_plays_is_anonymous(monkeypatch, tmp_path, figure):
    import os
    base = Path(os.environ["BYSTANDER_CONFIG_DIR"]).parent
    rng = random.Random(5)
    play_alone(rng)
    play_in_class(rng)
    visit_the_event_screen(rng)
    written = sorted(p for p in base.rglob("*") if p.is_file())
    problems, kinds = [], set()
    for path in written:
        name = path.relative_to(base).as_posix()
        audit = next((a for rx, a in DOCUMENTED if rx.fullmatch(name)), None)
        if audit is None:
            problems.append(f"{name}: a file the privacy section does not document")
            continue
        kinds.add(audit.__name__)
        problems += audit(path)
    figure("files written during a solo play, a class session and an event visit",
           f"{len(written)}: " + ", ".join(p.relative_to(base).as_posix() for p in written))
    assert not problems, "\n".join(problems)
    assert {"audit_settings", "audit_catalogue", "audit_picture", "audit_event_day",
            "audit_organiser_log"} <= kinds
    # The records hold their times to 5 minutes: the files and folders do not tell more.
    exact = sorted(p.relative_to(base).as_posix() for p in {*written, *(q.parent for q in written)}
                   if p.stat().st_mtime % 300)
    assert not exact, f"modification times not rounded to 5 minutes: {exact}"


def test_the_free_text_detector_catches_names():
    assert free_text({"lang": "nl", "scene": "hallway_monday", "started": "2026-05-12T09:15"}) == []
    assert free_text({"student": "Emma de Vries"})
    assert free_text({"note": "Adrian was sad"})
    assert free_text({"votes": {"Emma": 3}})
    assert free_text({"label": "3B"}) == [] and free_text({"note": "3B"})
    assert free_text({"label": "Emma de Vries 3B"}), "longer than a class label may be"


def test_the_organiser_log_audit_catches_free_text(tmp_path):
    path = tmp_path / "organiser-log.txt"
    path.write_text("2026-05-12 14:35  idle reset: back to the attract loop after 70 s without "
                    "a touch\n", encoding="utf-8")
    assert audit_organiser_log(path) == []
    path.write_text("2026-05-12 14:35  idle reset: back to the attract loop after Emma s "
                    "without a touch\n2026-05-12 14:37  closed by the organiser\n",
                    encoding="utf-8")
    assert len(audit_organiser_log(path)) == 2


def _privacy_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^## Privacy.*?(?=^## |\Z)", readme, re.S | re.M)
    assert m, "README has no Privacy section"
    return m.group(0)


def test_the_readme_says_what_is_stored_where_and_how_to_delete_it():
    from game.ui.settings import Settings
    text = " ".join(_privacy_section().split()).lower()
    assert "settings.json" in text and "bystander_config_dir" in text
    assert "catalogue.json" in text and "pictures" in text and "bystander_cache_dir" in text
    for f in fields(Settings):
        words = f.name.replace("kiosk_", "").replace("_", " ")
        assert words in text or f.name in text, f"the privacy section does not mention {f.name}"
    if importlib.util.find_spec("game.classroom.records"):
        assert "sessions" in text and "bystander_data_dir" in text, "session records"
    if importlib.util.find_spec("game.event.counter"):
        assert "event" in text and "visitors" in text, "the event counter"
    assert "delete" in text
    assert "network" in text
