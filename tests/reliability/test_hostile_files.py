"""What a hostile tester did with the game's folders (issue 16), one class of problem per section:
each test failed before its fix.

The folders are the user's: `BYSTANDER_CONFIG_DIR`, `BYSTANDER_DATA_DIR` and `BYSTANDER_CACHE_DIR`
may name any folder, a home folder too, and anything in them may be someone else's or hostile.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pygame
import pytest

from reliahelp import MINI, ROOT

DAY = date(2026, 5, 12)


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file, link and folder under `folder`, with its bytes or where it points: what must
    not change. Links are not followed."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_dir():
            found[name] = "folder"
        else:
            found[name] = path.read_bytes()
    return found


def symlink(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target, target_is_directory=target.is_dir())
    except (OSError, NotImplementedError) as exc:  # Windows without the right to make links
        pytest.skip(f"cannot make a symbolic link here: {exc}")


def start_the_game(env: dict[str, str]) -> subprocess.CompletedProcess:
    """One real start of `bystander play` to its first frame (the title, whose pictures are
    written to the cache right after it is on screen), headless."""
    env = dict(os.environ, BYSTANDER_BENCH_FIRST_FRAME="1", **env)
    done = subprocess.run([sys.executable, "-m", "game", "play"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "BYSTANDER_FIRST_FRAME" in done.stdout, done.stderr[-800:]
    return done


# --- never delete what is not ours ----------------------------------------------------------------

def a_home_folder(home: Path) -> Path:
    """A home folder with photos in its own `pictures/` (on Windows and macOS `Pictures` is the
    same name), among them folder and file names the game itself could have chosen."""
    (home / "pictures" / "Holiday").mkdir(parents=True)
    (home / "pictures" / "Holiday" / "beach.jpg").write_bytes(b"\xff\xd8 a photo")
    (home / "pictures" / "0123456789abcdef").mkdir()
    (home / "pictures" / "0123456789abcdef" / "place-hallway-warm-320x240").write_bytes(b"mine")
    (home / "catalogue.json").write_text('{"books": ["Wonder"]}', encoding="utf-8")
    (home / "notes.txt").write_text("shopping list", encoding="utf-8")
    return home


def test_a_start_with_the_cache_in_a_home_folder_deletes_and_writes_nothing_there(tmp_path):
    home = a_home_folder(tmp_path / "home")
    before = snapshot(home)
    done = start_the_game({"BYSTANDER_CACHE_DIR": str(home),
                           "BYSTANDER_CONFIG_DIR": str(tmp_path / "config"),
                           "BYSTANDER_DATA_DIR": str(tmp_path / "data")})
    assert snapshot(home) == before
    assert "holds files Bystander did not write" in done.stderr
    # The game's own cache folder, made by a start, is used as before.
    own = tmp_path / "cache"
    start_the_game({"BYSTANDER_CACHE_DIR": str(own), "BYSTANDER_CONFIG_DIR": str(tmp_path / "c"),
                    "BYSTANDER_DATA_DIR": str(tmp_path / "d")})
    assert (own / "catalogue.json").is_file() and any((own / "pictures").rglob("place-*"))


def test_tidying_the_pictures_deletes_only_the_games_own_and_never_through_a_link(
        tmp_path, monkeypatch):
    from game.ui import diskcache, pictures, stage
    from reliahelp import make_app
    make_app([])
    pictures.forget()
    stage.place("hallway", "warm", (319, 240), keep=pygame.Rect(0, 0, 319, 240))
    pictures.write_pending()  # the game makes its cache folder; then things appear in it
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "album").mkdir(parents=True)
    (elsewhere / "album" / "place-hallway-warm-1x1").write_bytes(pictures.MAGIC + b" a photo")
    (elsewhere / "letter.txt").write_text("dear", encoding="utf-8")
    base = pictures.folder().parent
    old = base / "fedcba9876543210"          # pictures of other code: a folder of ours...
    old.mkdir()
    (old / "place-hallway-warm-2x2").write_bytes(pictures.MAGIC + b"old pixels")
    (old / "readme.txt").write_text("someone put this here", encoding="utf-8")  # ...not only
    (old / "place-hallway-warm-not-ours").write_bytes(b"a file without the game's mark")
    symlink(old / "place-hallway-warm-3x3", elsewhere / "letter.txt")
    symlink(base / "0123456789abcdef", elsewhere / "album")  # a linked folder of "pictures"
    monkeypatch.setattr(pictures, "MAX_FILES", 2)
    for w in range(320, 325):
        stage.place("hallway", "warm", (w, 240), keep=pygame.Rect(0, 0, w, 240))
        pictures.write_pending()
    assert (elsewhere / "album" / "place-hallway-warm-1x1").exists()
    assert (elsewhere / "letter.txt").read_text(encoding="utf-8") == "dear"
    assert sorted(p.name for p in old.iterdir()) == [
        "place-hallway-warm-3x3", "place-hallway-warm-not-ours", "readme.txt"]
    assert len(list(pictures.folder().iterdir())) == 2
    assert diskcache.usable() is not None


def test_a_settings_file_of_another_program_is_never_written_over(caplog):
    from game.ui.settings import Settings, save_settings, settings_path
    path = settings_path()
    path.parent.mkdir(parents=True)
    for theirs in ('{"editor.fontSize": 14}', "[1, 2, 3]", "not json at all"):
        path.write_text(theirs, encoding="utf-8")
        with caplog.at_level(logging.WARNING, logger="game"):
            assert save_settings(Settings(lang="en")) is False
        assert path.read_text(encoding="utf-8") == theirs
        assert "not a Bystander settings file" in caplog.text
    path.write_text('{"lang": "nl", "a_newer_setting": 1}', encoding="utf-8")  # a newer game's
    assert save_settings(Settings(lang="en")) is True
    assert json.loads(path.read_text(encoding="utf-8"))["lang"] == "en"


def test_only_files_named_as_the_games_own_are_moved_aside(tmp_path):
    from game.classroom.records import sessions_dir, unfinished_sessions
    from game.event.counter import EventCounter
    folder = sessions_dir()
    folder.mkdir(parents=True)
    (folder / "notes.json").write_text('{"class": "3b"}', encoding="utf-8")
    (folder / "plan.json").write_bytes(b"\x00not json")
    assert unfinished_sessions() == []
    assert sorted(p.name for p in folder.iterdir()) == ["notes.json", "plan.json"]
    # A damaged day of counts is moved aside, but never over a file or link of that name.
    counter = EventCounter(tmp_path / "event", today=lambda: DAY)
    counter.folder.mkdir()
    counter.path_for(DAY).write_text("{damaged", encoding="utf-8")
    symlink(counter.folder / f"{DAY}.corrupt-1.json", tmp_path / "nowhere")
    assert counter.visitor_started().visitors_started == 1
    assert (counter.folder / f"{DAY}.corrupt-1.json").is_symlink()
    assert (counter.folder / f"{DAY}.corrupt-2.json").read_text(encoding="utf-8") == "{damaged"
