"""The title as the last plain start drew it (ui/title_snapshot.py): shown before the game loads,
only while nothing it was drawn from has changed, and always the same pixels as the title the
game then draws. A kept frame may make the title appear sooner, never show something else."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game import launch  # noqa: E402
from game.ui import diskcache, title_snapshot  # noqa: E402
from game.ui.window import Window  # noqa: E402

from uihelp import MINI, ROOT, SHIPPED, make_app  # noqa: E402

KEPT = "BYSTANDER_FIRST_FRAME (the kept title)"
DRAWN = "BYSTANDER_FIRST_FRAME\n"


@pytest.fixture(autouse=True)
def _nothing_kept_from_other_tests():
    title_snapshot.forget()
    yield
    title_snapshot.forget()


def start(env: dict[str, str]) -> subprocess.CompletedProcess:
    """A plain start of the game in its own process, quitting after its first frame."""
    done = subprocess.run([sys.executable, "-m", "game", "play"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "BYSTANDER_READY" in done.stdout, done.stderr[-800:]
    assert "differed" not in done.stderr, done.stderr[-800:]
    return done


def test_a_plain_start_shows_the_title_the_last_one_drew_until_what_it_shows_changes(tmp_path):
    env = dict(os.environ, BYSTANDER_BENCH_FIRST_FRAME="1", BYSTANDER_CACHE_DIR=str(tmp_path / "c"),
               BYSTANDER_CONFIG_DIR=str(tmp_path / "config"),
               BYSTANDER_DATA_DIR=str(tmp_path / "data"))
    assert start(env).stdout.startswith(DRAWN)  # nothing kept yet
    assert start(env).stdout.startswith(KEPT)
    # The settings changed (the language): the kept title is another language's.
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text('{"lang": "en"}', encoding="utf-8")
    assert start(env).stdout.startswith(DRAWN)
    assert start(env).stdout.startswith(KEPT)
    # A story of one's own: the title lists one more.
    stories = tmp_path / "data" / "stories"
    stories.mkdir(parents=True)
    shutil.copy(MINI, stories / "mine.yaml")
    assert start(env).stdout.startswith(DRAWN)
    assert start(env).stdout.startswith(KEPT)
    # Any other start (a story named, another size) neither shows nor keeps one.
    other = subprocess.run([sys.executable, "-m", "game", "play", "--size", "800x600"], env=env,
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert other.stdout.startswith(DRAWN), other.stderr[-800:]
    assert start(env).stdout.startswith(KEPT)


def kept_title(tmp_path, monkeypatch, size=(1280, 720)):
    """An app on the title of two shipped stories, drawn once and kept as a plain start keeps
    it; returns the app and the pixels of its first frame."""
    from game.ui.catalogue import scan
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    for path in SHIPPED[:2]:
        shutil.copy(path, scenes / path.name)
    monkeypatch.setattr(title_snapshot, "SCENES_DIR", scenes)
    title_snapshot._key = title_snapshot.inputs()
    app = make_app(size=size)
    app.catalogue = scan(scenes, use_cache=False)
    app.show_title()
    app.step(0.01)  # the first frame: kept
    assert title_snapshot.path().is_file()
    return app, pygame.display.get_surface().get_view("1").raw


def test_the_kept_frame_is_exactly_the_title_the_game_draws(tmp_path, monkeypatch, caplog):
    app, drawn = kept_title(tmp_path, monkeypatch)
    pygame.display.get_surface().fill((0, 0, 0))
    assert title_snapshot.show()
    assert pygame.display.get_surface().get_view("1").raw == drawn
    assert title_snapshot.shown()
    caption, _ = pygame.display.get_caption()
    assert caption == "Bystander"
    app.show_title()
    app.frames_drawn = 0
    app.step(0.01)  # the same frame again: nothing to write, nothing to say
    assert not title_snapshot.shown() and "differed" not in caplog.text


def test_a_kept_frame_that_differs_from_the_title_is_said_and_replaced(tmp_path, monkeypatch,
                                                                       caplog):
    app, drawn = kept_title(tmp_path, monkeypatch)
    path = title_snapshot.path()
    data = bytearray(path.read_bytes())
    data[-4000:] = bytes(4000)  # damaged, or drawn from something the key does not cover
    path.write_bytes(bytes(data))
    assert title_snapshot.show()  # its key still holds: it is shown...
    app.frames_drawn = 0
    app.dirty = True
    app.step(0.01)  # ...and the real title replaces it
    assert "differed" in caplog.text
    pygame.display.get_surface().fill((0, 0, 0))
    assert title_snapshot.show()
    assert pygame.display.get_surface().get_view("1").raw == drawn


def test_what_the_title_is_drawn_from_is_all_in_the_key(tmp_path, monkeypatch):
    code = tmp_path / "root" / "game"
    (code / "ui").mkdir(parents=True)
    (code / "ui" / "title.py").write_text("x = 1\n")
    (code / "__pycache__").mkdir()
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    shutil.copy(MINI, scenes / "mini.yaml")
    monkeypatch.setattr(title_snapshot, "ROOT", tmp_path / "root")
    monkeypatch.setattr(title_snapshot, "ASSETS_DIR", tmp_path / "root" / "assets")
    monkeypatch.setattr(title_snapshot, "SCENES_DIR", scenes)
    seen = {title_snapshot.inputs()}

    def changed() -> bool:
        key = title_snapshot.inputs()
        new = key not in seen
        seen.add(key)
        return new

    (code / "__pycache__" / "title.cpython-311.pyc").write_bytes(b"compiled")
    assert not changed()  # bytecode follows the source
    (code / "ui" / "title.py").write_text("x = 22\n")
    assert changed()  # the code
    (tmp_path / "root" / "assets" / "fonts").mkdir(parents=True)
    (tmp_path / "root" / "assets" / "fonts" / "a.ttf").write_bytes(b"font")
    assert changed()  # a font
    (scenes / "mini.yaml").write_text((scenes / "mini.yaml").read_text() + "\n")
    assert changed()  # a shipped story
    (scenes / "notes.txt").write_text("not a story")
    assert not changed()
    own = Path(os.environ["BYSTANDER_DATA_DIR"]) / "stories"
    own.mkdir(parents=True)
    shutil.copy(MINI, own / "mine.yml")
    assert changed()  # one of the teacher's own
    settings = Path(os.environ["BYSTANDER_CONFIG_DIR"]) / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"lang": "en"}')
    assert changed()
    settings.write_text('{"lang": "nl"}')  # the same size: the bytes tell
    assert changed()


@pytest.mark.parametrize("damage", ["cut short", "too long", "another magic", "huge size",
                                    "a link", "a folder", "empty", "untagged cache"])
def test_a_damaged_or_strange_kept_frame_is_not_shown_and_is_kept_again(tmp_path, monkeypatch,
                                                                          damage):
    app, drawn = kept_title(tmp_path, monkeypatch)
    path = title_snapshot.path()
    data = path.read_bytes()
    head = title_snapshot.HEADER
    if damage == "cut short":
        path.write_bytes(data[:-1])
    elif damage == "too long":
        path.write_bytes(data + b"\0")
    elif damage == "another magic":
        path.write_bytes(b"XXXX" + data[4:])
    elif damage == "huge size":
        fields = list(head.unpack_from(data))
        fields[3] = fields[4] = 16000
        path.write_bytes(head.pack(*fields) + data[head.size:])
    elif damage == "a link":
        (tmp_path / "elsewhere").write_bytes(data)
        path.unlink()
        path.symlink_to(tmp_path / "elsewhere")
    elif damage == "a folder":
        path.unlink()
        path.mkdir()
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "untagged cache":
        (path.parent / diskcache.MARKER).unlink()
    pygame.display.get_surface().fill((0, 0, 0))
    assert not title_snapshot.show()
    assert not title_snapshot.shown()
    if damage in ("a link", "a folder", "untagged cache"):
        return  # not the game's to write over; the start goes on without it
    app.frames_drawn = 0
    app.dirty = True
    app.step(0.01)
    pygame.display.get_surface().fill((0, 0, 0))
    assert title_snapshot.show()
    assert pygame.display.get_surface().get_view("1").raw == drawn


def test_a_window_of_another_size_shows_nothing_early(tmp_path, monkeypatch):
    app, _ = kept_title(tmp_path, monkeypatch, size=(1280, 720))
    app.resize((1024, 768))
    data = bytearray(title_snapshot.path().read_bytes())
    fields = list(title_snapshot.HEADER.unpack_from(data))
    fields[11:13] = [1024, 768]  # the window asked for: this one, not the kept frame's size
    title_snapshot.path().write_bytes(title_snapshot.HEADER.pack(*fields)
                                      + bytes(data[title_snapshot.HEADER.size:]))
    assert not title_snapshot.show()
    assert pygame.display.get_surface().get_size() == (1024, 768)


def test_only_a_plain_start_looks_for_the_kept_title(monkeypatch):
    calls = []
    monkeypatch.setattr(title_snapshot, "show", lambda: calls.append("show"))
    monkeypatch.setattr("game.cli.main", lambda argv: calls.append(tuple(argv)) or 0)
    for argv in ([], ["play"], ["play", "adrian"], ["play", "--class"], ["check"]):
        monkeypatch.setattr(sys, "argv", ["bystander", *argv])
        assert launch.main() == 0
    assert calls == ["show", (), "show", ("play",), ("play", "adrian"), ("play", "--class"),
                     ("check",)]


def test_the_app_adopts_the_window_the_kept_title_opened(monkeypatch):
    window = Window((640, 480), False, 0, False)
    first = window.open()
    opened = []
    real = pygame.display.set_mode
    monkeypatch.setattr(pygame.display, "set_mode",
                        lambda *a, **k: opened.append(a) or real(*a, **k))
    assert window.open(adopt=True) is first and opened == []
    Window((800, 600), False, 0, False).open(adopt=True)  # another window: opened
    Window((800, 600), False, 0, False).open()  # not adopting: opened again
    assert opened == [((800, 600), pygame.RESIZABLE)] * 2
