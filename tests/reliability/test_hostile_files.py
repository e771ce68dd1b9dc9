"""What a hostile tester did with the game's folders (issue 16), one class of problem per section:
each test failed before its fix.

The folders are the user's: `BYSTANDER_CONFIG_DIR`, `BYSTANDER_DATA_DIR` and `BYSTANDER_CACHE_DIR`
may name any folder, a home folder too, and anything in them may be someone else's or hostile.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import subprocess
import sys
import time
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


NAMED_LIKE_OURS = {  # a folder holding nothing but names the game writes, none of them its own
    "a catalogue of books": {"catalogue.json": b'{"books": ["Wonder"]}'},
    "another program's cache tag": {
        "CACHEDIR.TAG": b"Signature: 8a477f597d28d172789f06886806bc55\n# photo thumbnails\n"},
    "another program's texts.bin": {"texts.bin": b"\x00\x01 a database"},
    "another program's title.bin": {"title.bin": b"BYTE a database"},
    "a photo named like a picture": {
        "pictures/0123456789abcdef/place-hallway-warm-320x240": b"\xff\xd8 a photo"},
}


@pytest.mark.parametrize("case", list(NAMED_LIKE_OURS))
def test_a_folder_holding_only_the_games_names_is_not_its_cache_unless_their_bytes_are(
        tmp_path, monkeypatch, caplog, case):
    """A folder was the game's cache when every name in it was one the game writes: another
    program's catalogue.json or cache tag was then written over. A file counts as the game's
    only when its first bytes are the game's too."""
    from game.ui import diskcache, pictures, stage
    from game.ui.catalogue import scan
    from reliahelp import make_app
    theirs = tmp_path / "theirs"
    for name, data in NAMED_LIKE_OURS[case].items():
        (theirs / name).parent.mkdir(parents=True, exist_ok=True)
        (theirs / name).write_bytes(data)
    before = snapshot(theirs)
    monkeypatch.setenv("BYSTANDER_CACHE_DIR", str(theirs))
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "mini.yaml").write_bytes(MINI.read_bytes())
    make_app([])
    diskcache.forget()
    pictures.forget()
    with caplog.at_level(logging.WARNING, logger="game"):
        assert [e.card.id for e in scan(scenes).entries] == ["mini"]
        stage.place("hallway", "warm", (320, 240), keep=pygame.Rect(0, 0, 320, 240))
        pictures.write_pending()
    assert snapshot(theirs) == before
    assert "holds files Bystander did not write" in caplog.text


def test_a_cache_the_game_wrote_before_it_tagged_its_folder_is_still_its_own(tmp_path):
    from game.ui import diskcache, pictures, stage
    from game.ui.catalogue import scan
    from reliahelp import make_app
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "mini.yaml").write_bytes(MINI.read_bytes())
    make_app([])
    pictures.forget()
    scan(scenes)
    stage.place("hallway", "warm", (320, 240), keep=pygame.Rect(0, 0, 320, 240))
    pictures.write_pending()
    cache = diskcache.cache_dir()
    (cache / diskcache.MARKER).unlink()  # as an earlier version left it
    (cache / ".catalogue.json-abcd1234.tmp").write_bytes(b"half a wr")  # and a killed write
    (pictures.folder() / "place-hallway-warm-1x1").write_bytes(b"")  # and a power cut
    diskcache.forget()
    assert diskcache.usable() == cache
    assert (cache / diskcache.MARKER).read_bytes() == diskcache.MARKER_TEXT


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


# --- every file the game reads can be hostile --------------------------------------------------------

HOSTILE_READER = r"""
import os, resource, sys
from datetime import date
from pathlib import Path
kind, scenes = sys.argv[1], Path(sys.argv[2])
# Less memory than an unchecked read would take: a read of it all ends in MemoryError here.
resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, resource.RLIM_INFINITY))

def hostile(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        os.symlink("/dev/zero", path)
    else:  # a sparse file of 3 GB: on disk it takes nothing
        with open(path, "wb") as f:
            f.truncate(3 * 2**30)

from game.ui import diskcache
from game.ui.settings import Settings, load_settings, settings_path
hostile(settings_path())
assert load_settings() == Settings()
print("settings", flush=True)

cache = diskcache.cache_dir()
cache.mkdir(parents=True)
(cache / diskcache.MARKER).write_bytes(diskcache.MARKER_TEXT)
hostile(cache / "catalogue.json")
from game.ui.catalogue import scan
assert [e.card.id for e in scan(scenes).entries] == ["mini"]
print("catalogue", flush=True)

import pygame
pygame.display.init()
pygame.display.set_mode((320, 240))
from game.ui import pictures, stage
hostile(pictures.folder() / "place-hallway-warm-320x240-0-0-320x240")
assert stage.place("hallway", "warm", (320, 240), keep=pygame.Rect(0, 0, 320, 240))
print("picture", flush=True)

from game.ui import textstore
hostile(cache / diskcache.TEXTS)
textstore.open_store()
assert textstore._store is not None and textstore._store.found == {}
textstore._store = None
print("texts", flush=True)

from game.ui import title_snapshot
hostile(title_snapshot.path())
assert not title_snapshot.show()
print("kept title", flush=True)

from game.ui import shipped_cards
hostile(scenes.parent / "shipped_cards.json")
assert shipped_cards.ShippedCards.open(scenes.parent / "shipped_cards.json").records == {}
print("shipped cards", flush=True)

from game.event.counter import EventCounter
counter = EventCounter(Path(os.environ["BYSTANDER_DATA_DIR"]) / "event",
                       today=lambda: date(2026, 5, 12))
hostile(counter.path_for(date(2026, 5, 12)))
assert counter.counts().visitors_started == 0
print("event counts", flush=True)

from game.classroom.records import load_sessions, sessions_dir, unfinished_sessions
hostile(sessions_dir() / ("0" * 32 + ".json"))
assert unfinished_sessions() == []
assert load_sessions(sessions_dir() / "corrupt")[0] == []
print("session record", flush=True)

from game.core.loader import load
hostile(scenes.parent / "story.yaml")
assert not load(scenes.parent / "story.yaml").ok
print("scenario", flush=True)
"""
READS = ["settings", "catalogue", "picture", "texts", "kept title", "shipped cards", "event counts",
         "session record", "scenario"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero: POSIX")
@pytest.mark.parametrize("kind", ["fifo", "zero", "sparse"])
def test_no_file_the_game_reads_hangs_it_or_takes_its_memory(tmp_path, kind):
    """A FIFO where a file should be waited for a writer forever; a link to /dev/zero and a 3 GB
    sparse file were read whole, to a MemoryError: in each file the game reads."""
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "mini.yaml").write_bytes(MINI.read_bytes())
    env = dict(os.environ, BYSTANDER_CONFIG_DIR=str(tmp_path / "config"),
               BYSTANDER_DATA_DIR=str(tmp_path / "data"),
               BYSTANDER_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-c", HOSTILE_READER, kind, str(scenes)], env=env,
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        err = f"hung after: {out.split()}\n{err}"
    assert out.splitlines() == READS, err[-1500:]


def cached_scan(scenes: Path, change) -> "object":
    """Scan `scenes` once (writing the cache), let `change(card)` damage mini's cached card, and
    scan again: what the next start shows."""
    from game.ui import diskcache
    from game.ui.catalogue import CACHE_NAME, scan
    scan(scenes)
    path = diskcache.cache_dir() / CACHE_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    (record,) = [r for r in data["files"] if r.get("card", {}).get("id") == "mini"]
    change(record["card"])
    path.write_text(json.dumps(data), encoding="utf-8")
    return scan(scenes)


HOSTILE_CARDS = {
    "NUL in the title": lambda c: c["title"].update(en="The hall\x00way"),
    "terminal escape in the summary": lambda c: c["summary"].update(nl="\x1b[2J\x1b]0;hi\x07"),
    "bidi override": lambda c: c["title"].update(nl="\u202eyawllah"),
    "lone surrogate": lambda c: c["summary"].update(en="\ud800"),
    "a megabyte of title": lambda c: c["title"].update(en="A" * 1_000_000),
    "no title": lambda c: c.update(title={}),
    "a path for a place": lambda c: c.update(place="x/../../../../escaped"),
    "a path for a skin": lambda c: c["cast"][0].update(skin="../../../escaped"),
    "a backslash path for hair": lambda c: c["cast"][0].update(hair="..\\..\\escaped"),
    "a path for a headscarf": lambda c: c["cast"][0].update(headscarf="../../../escaped"),
    "a wheelchair of a string": lambda c: c["cast"][0].update(wheelchair="../escaped"),
    "an unknown top": lambda c: c["cast"][0].update(top="tartan"),
    "a giant": lambda c: c["cast"][0].update(height=10**9),
    "a thousand characters": lambda c: c.update(cast=c["cast"] * 1000),
    "an id of a path": lambda c: c.update(id="../mini"),
    "a language of a path": lambda c: c.update(languages=["../../x"]),
    "ages upside down": lambda c: c.update(min_age=99, max_age=6),
    "minutes beyond a day": lambda c: c.update(minutes=10**12),
}


@pytest.mark.parametrize("case", list(HOSTILE_CARDS))
def test_a_hostile_card_in_the_title_cache_is_dropped_and_the_file_read(tmp_path, case):
    """The title cache was trusted: a NUL in a cached title stopped every start, a path in a
    card's fields wrote pictures outside the cache."""
    from game.ui import diskcache, pictures
    from game.ui.catalogue import scan
    from reliahelp import make_app
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "mini.yaml").write_bytes(MINI.read_bytes())
    fresh = scan(scenes, use_cache=False).entries[0].card
    entries = cached_scan(scenes, HOSTILE_CARDS[case]).entries
    assert [e.card for e in entries] == [fresh]
    app = make_app(entries)
    pictures.forget()
    app.show_title()
    app.run_frames(2)  # the title drawn, and its pictures written
    cache = diskcache.cache_dir()
    outside = [p for p in Path(os.environ["BYSTANDER_CACHE_DIR"]).parent.rglob("*")
               if "escaped" in p.name]
    assert outside == [] and all(p.name.startswith(("place-", "character-"))
                                 for p in (cache / "pictures").rglob("*") if p.is_file())


def test_a_picture_is_never_decompressed_beyond_the_size_asked_for(tmp_path):
    """A 5 MB picture file claiming 16384x16384 pixels cost 2.1 GB: its size is now checked
    before a byte is decompressed, and no stream inflates beyond that size."""
    import tracemalloc
    import zlib

    from game.ui import pictures, stage
    from reliahelp import make_app
    make_app([])
    pictures.forget()
    stage.place("hallway", "warm", (320, 240), keep=pygame.Rect(0, 0, 320, 240))
    pictures.write_pending()
    (path,) = pictures.folder().iterdir()
    good = path.read_bytes()
    huge = zlib.compress(bytes(200 * 2**20), 1, -15)  # 200 MB of pixels in a small stream
    small = zlib.compress(bytes(16 * 12 * 4), 1, -15)
    lies = {
        "a larger size": pictures.HEADER.pack(pictures.MAGIC, 16384, 16384,
                                              zlib.crc32(good[16:])) + good[16:],
        "a stream that inflates beyond its size": pictures.HEADER.pack(
            pictures.MAGIC, 320, 240, zlib.crc32(huge)) + huge,
        "a smaller size, whole and true": pictures.HEADER.pack(
            pictures.MAGIC, 16, 12, zlib.crc32(small)) + small,
        "the size turned round": pictures.HEADER.pack(pictures.MAGIC, 240, 320,
                                                      zlib.crc32(good[16:])) + good[16:],
    }
    for lie, data in lies.items():
        path.write_bytes(data)
        pictures.forget()
        tracemalloc.start()
        try:
            surface = stage.place("hallway", "warm", (320, 240), keep=pygame.Rect(0, 0, 320, 240))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert surface.get_size() == (320, 240), lie
        assert peak < 20 * 2**20, f"{lie}: {peak / 2**20:.0f} MB to read a 320x240 picture"


# --- two writers --------------------------------------------------------------------------------------

COUNTING_SCREEN = """
import sys
from datetime import date
from pathlib import Path
from game.event.counter import EventCounter
counter = EventCounter(Path(sys.argv[1]), today=lambda: date(2026, 5, 12))
print("ready", flush=True)
sys.stdin.readline()  # both screens start counting at once
for _ in range(int(sys.argv[2])):
    counter.visitor_started()
"""


def test_two_event_screens_counting_into_one_folder_add_up(tmp_path):
    """Two event-mode processes counted 400 visitors, and the day's file said 200."""
    each = 200
    screens = [subprocess.Popen([sys.executable, "-c", COUNTING_SCREEN, str(tmp_path), str(each)],
                                cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        for screen in screens:
            assert screen.stdout.readline().strip() == "ready", screen.stderr.read()
        for screen in screens:
            screen.stdin.write("go\n")
            screen.stdin.flush()
        for screen in screens:
            assert screen.wait(timeout=120) == 0, screen.stderr.read()
    finally:
        for screen in screens:
            screen.kill()
    data = json.loads((tmp_path / f"{DAY}.json").read_text(encoding="utf-8"))
    assert data["visitors_started"] == 2 * each


CLASS_WINDOW = """
import sys
from game.core import engine
from game.core.loader import load
from game.classroom.records import SessionLog, resume, unfinished_sessions
loaded = load(sys.argv[1])
if sys.argv[2] == "begins":
    run = engine.start(loaded.scenario, "en", loaded.content_hash)
    log = SessionLog.begin(run, "class", loaded.content_hash)
    log.record_decision(run, run.choose("walk_on"), {"walk_on": 14}, False, 30)
else:  # resumes the session the last lesson left
    [log] = unfinished_sessions()
    run = resume(log, loaded.scenario)
print(log.session_id, flush=True)
sys.stdin.readline()  # the lesson goes on in this window until the test says so
"""


def a_lesson_left_after_one_vote() -> str:
    """The id of the session a lesson left unfinished, after one vote, as CLASS_WINDOW does."""
    from game.classroom.records import SessionLog
    from game.core import engine
    from game.core.loader import load
    loaded = load(MINI)
    run = engine.start(loaded.scenario, "en", loaded.content_hash)
    log = SessionLog.begin(run, "class", loaded.content_hash)
    log.record_decision(run, run.choose("walk_on"), {"walk_on": 14}, False, 30)
    log.release()
    return log.session_id


@pytest.mark.parametrize("first", ["begins", "resumes"])
def test_a_session_open_in_one_window_is_not_resumed_by_another(mini, first):
    """Two class windows both went on with one live session, and a vote was lost: two windows
    that both resumed the session the last lesson left, or one that resumed the session another
    window had begun."""
    from game.classroom.records import (RecordError, read_record, resume, sessions_dir,
                                        unfinished_sessions)
    offered = []
    if first == "resumes":
        left = a_lesson_left_after_one_vote()
        offered = unfinished_sessions()  # both windows offer it...
        assert [s.session_id for s in offered] == [left]
    window = subprocess.Popen([sys.executable, "-c", CLASS_WINDOW, str(MINI), first], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        session_id = window.stdout.readline().strip()
        assert session_id, window.stderr.read()
        path = sessions_dir() / f"{session_id}.json"
        before = path.read_bytes()
        assert unfinished_sessions() == [], "a session open in another window is not offered"
        for record in offered or [read_record(path)]:  # ...and the second goes on with it
            with pytest.raises(RecordError) as refused:
                resume(record, mini)
            assert refused.value.kind == "in_use" and "another window" in str(refused.value)
        assert path.read_bytes() == before
        window.stdin.close()  # that window closes (or crashes: the same to the lock)
        assert window.wait(timeout=60) == 0, window.stderr.read()
    finally:
        window.kill()
    [offered] = unfinished_sessions()
    run = resume(offered, mini)
    assert offered.session_id == session_id and run.state.choices == ["walk_on"]
    offered.release()


class WindowsLocking:
    """A stand-in for Windows' `msvcrt.locking`, as its documentation says it behaves, so that
    the Windows branch of game/filelock.py runs here: it locks `nbytes` from the file's current
    position (beyond its end too) for that one open file, and fails with EACCES, never waiting,
    where a lock is held already, by any open file (LK_NBLCK), or nothing is locked to unlock."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self):
        self.held: dict[tuple, int] = {}

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        st = os.fstat(fd)
        where = (st.st_dev, st.st_ino, os.lseek(fd, 0, os.SEEK_CUR), nbytes)
        holder = self.held.get(where)
        if mode == self.LK_NBLCK and holder is None:
            self.held[where] = fd
        elif mode == self.LK_UNLCK and holder == fd:
            del self.held[where]
        else:
            raise PermissionError(errno.EACCES, "Permission denied")


@pytest.fixture(params=["this system", "Windows"])
def locking(request, monkeypatch):
    """game/filelock.py as it runs here, and as it runs on Windows (see WindowsLocking)."""
    from game import filelock
    if request.param == "Windows":
        monkeypatch.setattr(filelock, "fcntl", None)
        monkeypatch.setattr(filelock, "msvcrt", WindowsLocking(), raising=False)
    return filelock


def test_a_lock_keeps_out_every_other_holder_until_it_is_let_go(tmp_path, locking):
    path = tmp_path / ".counts.lock"
    first, second = locking.FileLock(path), locking.FileLock(path)
    assert first.acquire() and first.held
    began = time.monotonic()
    assert not second.acquire(timeout=0.2), "two holders at once"
    assert time.monotonic() - began >= 0.2, "it waits as long as it is told"
    first.release()
    assert second.acquire() and not first.acquire()
    second.release(remove=True)  # the holder removes it: the next one makes it again
    assert first.acquire() and path.is_file() and path.stat().st_size == 0
    first.release()


HOLDER = """
import sys
from game.filelock import FileLock
assert FileLock(sys.argv[1]).acquire()
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_lock_is_let_go_when_its_process_is_killed(tmp_path):
    """Windows, Linux and macOS let go of the locks of a process however it ends: a killed game
    never keeps a session or the counts locked."""
    from game.filelock import FileLock
    path = tmp_path / ".counts.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held", holder.stderr.read()
        assert not FileLock(path).acquire(timeout=0.1)
    finally:
        holder.kill()
        holder.wait(timeout=60)
    lock = FileLock(path)
    assert lock.acquire(timeout=5)
    lock.release()


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="links need rights on Windows")
def test_a_lock_file_is_never_opened_through_a_link(tmp_path):
    from game.filelock import FileLock
    letter = tmp_path / "letter.txt"
    letter.write_text("dear", encoding="utf-8")
    symlink(tmp_path / ".counts.lock", letter)
    with pytest.raises(OSError):
        FileLock(tmp_path / ".counts.lock").acquire()
    assert letter.read_text(encoding="utf-8") == "dear"


# --- orphaned temporary files -------------------------------------------------------------------------

def test_the_temporary_files_of_killed_writes_go_at_the_next_start_and_nothing_else(
        tmp_path, monkeypatch, mini):
    """80 kills left 36 temporary files that were never removed (a record's can be 16 MB). A
    start removes them: only the game's own, by their exact names, never through a link, and
    only once no live writer can be busy with them."""
    from game import files
    from game.classroom.records import sessions_dir, unfinished_sessions
    from game.event.counter import EventCounter
    from game.ui import diskcache, pictures, stage
    from game.ui.catalogue import scan
    from game.ui.settings import load_settings, settings_path
    from reliahelp import make_app
    make_app([])
    pictures.forget()
    stage.place("hallway", "warm", (320, 240), keep=pygame.Rect(0, 0, 320, 240))
    pictures.write_pending()  # the game's cache folder, with a folder of pictures
    record = "0123456789abcdef0123456789abcdef.json"
    folders = {"settings": settings_path().parent, "sessions": sessions_dir(),
               "event": tmp_path / "event", "cache": diskcache.cache_dir(),
               "pictures": pictures.folder()}
    orphans = {  # what a kill in the middle of each write leaves, now and in earlier versions
        "settings": [".settings.json-k1a2b3c4.tmp", ".settings-x_9y8z7w.tmp"],
        "sessions": [f".{record}-abcd1234.tmp", f".{record}.zz_0a9b8.tmp"],
        "event": [f".{DAY}.json-q1w2e3r4.tmp", ".day-ab12cd34.tmp"],
        "cache": [".catalogue.json-aaaa1111.tmp", ".CACHEDIR.TAG-bbbb2222.tmp"],
        "pictures": [".place-hallway-warm-320x240-0-0-320x240-cccc3333.tmp"],
    }
    decoys = {  # someone else's, or not quite our names
        "settings": [".settings.json-short.tmp", "settings.json-k1a2b3c4.tmp", ".bashrc.tmp"],
        "sessions": [".notes.json-abcd1234.tmp", "lesson.tmp"],
        "event": [".day-ab12cd34.tmp.bak", ".2026-5-12.json-q1w2e3r4.tmp"],
        "cache": [".catalogue.json-AAAA1111.tmp"],
        "pictures": [".photo.jpg-cccc3333.tmp", "place-hallway-x-cccc3333.tmp"],
    }
    for place, folder in folders.items():
        folder.mkdir(parents=True, exist_ok=True)
        for name in orphans[place] + decoys[place]:
            (folder / name).write_bytes(b"half a write")
    letter = tmp_path / "letter.txt"
    letter.write_text("dear", encoding="utf-8")
    symlink(folders["settings"] / ".settings.json-l1n2k3s4.tmp", letter)
    diskcache.forget()

    def start(width: int) -> None:
        """What a start, in every mode, does with these folders (a title of another width)."""
        load_settings()
        unfinished_sessions()
        EventCounter(folders["event"], today=lambda: DAY).counts()
        diskcache.forget()
        pictures.forget()
        scan(tmp_path / "no scenes")
        stage.place("hallway", "warm", (width, 240), keep=pygame.Rect(0, 0, width, 240))
        pictures.write_pending()

    start(321)  # just now written: perhaps by a live process, so left alone
    for place, folder in folders.items():
        assert set(orphans[place] + decoys[place]) <= {p.name for p in folder.iterdir()}
    monkeypatch.setattr(files, "STALE_SECONDS", 0.0)  # a minute later
    start(322)
    for place, folder in folders.items():
        names = {p.name for p in folder.iterdir()}
        assert not set(orphans[place]) & names, place
        assert set(decoys[place]) <= names, place
    assert (folders["settings"] / ".settings.json-l1n2k3s4.tmp").is_symlink()
    assert letter.read_text(encoding="utf-8") == "dear"


# --- what a newer game wrote --------------------------------------------------------------------------
def test_every_temporary_files_pattern_names_only_dotted_tmp_files():
    """remove_stale_temporaries passes over every name that is not `.<something>.tmp` before
    it tries the pattern (so that a start compiles none): right only while no pattern of the
    game names anything else."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from game.classroom import records
    from game.event import counter
    from game.ui import diskcache, pictures, settings as game_settings
    for pattern in (records.TEMPORARIES, counter.TEMPORARIES, diskcache.TEMPORARIES,
                    game_settings.TEMPORARIES, pictures._TEMPORARY):
        @settings(max_examples=200, deadline=None)
        @given(st.from_regex(pattern, fullmatch=True))
        def named(name: str) -> None:
            assert name.startswith(".") and name.endswith(".tmp"), (pattern, name)
        named()


def test_a_folder_without_temporary_files_compiles_no_pattern(tmp_path, monkeypatch):
    from game import files
    for name in ("settings.json", "catalogue.json", ".hidden", "notes.tmp", "CACHEDIR.TAG"):
        (tmp_path / name).write_bytes(b"x")
    pattern = files.temporary_pattern("settings\\.json")

    class NoPatterns:
        """Stands for `re` in files.py: any pattern compiled or tried fails the test."""
        def __getattr__(self, name):
            pytest.fail(f"re.{name} called")
    monkeypatch.setattr(files, "re", NoPatterns())
    assert files.remove_stale_temporaries(tmp_path, pattern, older_than=0) == 0
    assert len(list(tmp_path.iterdir())) == 5


def newer_record(mini) -> dict:
    from game.classroom.records import SessionLog
    from game.core import engine
    log = SessionLog.begin(engine.start(mini, "en"), "class", "")
    log.release()
    return log.to_dict()


@pytest.mark.parametrize("where", ["record", "a road's run"])
def test_what_a_newer_game_wrote_is_kept_as_it_is_never_as_corrupt(mini, where, caplog):
    """A session record a newer version of the game wrote was moved to corrupt/ by an older
    one: it is not damaged, and the newer game must find it where it left it."""
    from game.classroom.records import load_sessions, sessions_dir, unfinished_sessions
    from game.event.counter import EventCounter
    data = newer_record(mini)
    if where == "record":
        from game.classroom.records import RECORD_VERSION
        data["version"] = RECORD_VERSION + 1
        data["a_field_of_a_later_version"] = {"anything": ["new"]}
    else:
        data["roads"][0]["run"]["version"] = 7
        data["roads"][0]["run"]["a_new_field"] = True
    path = sessions_dir() / f"{data['session_id']}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="game"):
        assert unfinished_sessions() == []
    assert path.read_text(encoding="utf-8") == json.dumps(data)
    assert not (sessions_dir() / "corrupt").exists()
    assert "update the game" in caplog.text
    records, skipped = load_sessions(sessions_dir())
    assert records == [] and [s.kind for s in skipped] == ["newer"]
    # The same for a day of event counts: left as it is, and today counted in memory.
    counter = EventCounter(sessions_dir().parent / "event", today=lambda: DAY)
    counter.folder.mkdir()
    day = json.dumps({"format": "bystander-event-day", "version": 2, "date": str(DAY),
                      "visitors_started": 50, "visitors_finished": 40, "visitors_stepped_in": 30,
                      "visitors_by_hour": [0] * 24})
    counter.path_for(DAY).write_text(day, encoding="utf-8")
    assert counter.visitor_started().visitors_started == 1
    assert counter.visitor_started().visitors_started == 2
    assert counter.path_for(DAY).read_text(encoding="utf-8") == day
    assert sorted(p.name for p in counter.folder.iterdir()) == [".counts.lock", f"{DAY}.json"]


# --- privacy: no local path, no exact time ------------------------------------------------------------

def test_the_title_cache_names_scenario_files_without_their_folder(tmp_path):
    """The title cache held each scenario's absolute path, which holds the account name."""
    from game.ui import diskcache
    from game.ui.catalogue import CACHE_NAME, scan
    scenes = tmp_path / "home" / "alice.de.vries" / "lessons"
    scenes.mkdir(parents=True)
    (scenes / "mini.yaml").write_bytes(MINI.read_bytes())
    (scenes / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    scan(scenes)
    cached = (diskcache.cache_dir() / CACHE_NAME).read_text(encoding="utf-8")
    assert "alice" not in cached and "home" not in cached and str(tmp_path) not in cached
    assert {r["name"] for r in json.loads(cached)["files"]} == {"mini.yaml", "broken.yaml"}
    assert [e.card.id for e in scan(scenes).entries] == ["mini"]  # and it still works


def test_the_report_prints_no_local_path(tmp_path, capsys):
    """`bystander report` printed the sessions folder, which holds the account name."""
    from game.classroom.records import SessionLog, sessions_dir
    from game.cli import main
    from game.core import engine
    from game.core.loader import load
    loaded = load(MINI)
    log = SessionLog.begin(engine.start(loaded.scenario, "en"), "class", loaded.content_hash)
    log.release()
    (sessions_dir() / "notes.txt").write_text("not a record", encoding="utf-8")
    given = tmp_path / "alice.de.vries" / "records"
    given.mkdir(parents=True)
    (given / log.path.name).write_bytes(log.path.read_bytes())
    for argv in (["report"], ["report", "--lang", "en", str(given)],
                 ["report", str(given), "-o", str(tmp_path / "r.html"),
                  "--csv", str(tmp_path / "r.csv"), "--sessions-csv", str(tmp_path / "s.csv")]):
        main(argv)
        out, err = capsys.readouterr()
        for where in (str(sessions_dir()), str(sessions_dir().parent), str(given), "alice"):
            assert where not in out + err, argv
    for written in ("r.html", "r.csv", "s.csv"):
        text = (tmp_path / written).read_text(encoding="utf-8-sig")
        assert "alice" not in text and str(given) not in text


def test_what_the_game_writes_keeps_its_times_to_5_minutes(mini, tmp_path):
    """A record's times are rounded to 5 minutes, and its file's modification time said the
    second: of the record, its folder, the event counts (their copy, the organiser's log), the
    settings, the lock files and the cache (the cache holds nothing of the players, but its
    times tell when the game ran)."""
    from game.classroom.records import SessionLog, sessions_dir
    from game.core import engine
    from game.event.counter import EventCounter
    from game.ui import diskcache, pictures, stage
    from game.ui.catalogue import CACHE_NAME, scan
    from game.ui.settings import Settings, save_settings, settings_path
    from reliahelp import make_app
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "mini.yaml").write_bytes(MINI.read_bytes())
    scan(scenes)
    make_app([])
    pictures.forget()
    for width in (320, 321):  # the second write tidies the folder
        stage.place("hallway", "warm", (width, 240), keep=pygame.Rect(0, 0, width, 240))
        pictures.write_pending()
    cache = diskcache.cache_dir()
    run = engine.start(mini, "en")
    log = SessionLog.begin(run, "class", "")
    log.record_decision(run, run.choose("walk_on"), {"walk_on": 3}, False, 20)
    from game.event import organiser_log
    counter = EventCounter(sessions_dir().parent / "event", today=lambda: DAY)
    organiser_log.open_log(counter.folder)
    counter.visitor_started()
    organiser_log.note("idle_reset", seconds=70)
    organiser_log.close_log()
    save_settings(Settings(lang="en"))
    written = [log.path, log.path.parent, log.path.parent.parent, counter.path_for(DAY),
               counter.backup_for(DAY), counter.folder / organiser_log.LOG_NAME,
               counter.folder, counter.folder / ".counts.lock", settings_path(),
               settings_path().parent, sessions_dir() / f".{log.session_id}.lock",
               cache, cache / CACHE_NAME, cache / diskcache.MARKER, pictures.folder().parent,
               pictures.folder(), *pictures.folder().iterdir()]
    exact = {str(p): os.stat(p).st_mtime for p in written if os.stat(p).st_mtime % 300}
    assert exact == {}
    log.release()
    assert sessions_dir().stat().st_mtime % 300 == 0, "removing the lock is rounded too"
