"""The title screen as the last plain start drew it, on screen before the rest of the game loads.

Nearly every start is a plain one (`bystander`, `bystander play`, `make play`) and ends on the
title screen. Opening any pygame window costs about 60 ms here; the game then spends about 45 ms
more importing its modules, reading the stories' cards and drawing the title from its caches.
So the first frame of a plain start is kept (`keep`, once it is on screen), and the next plain
start shows it (`show`) as soon as its window is open, before the rest of the game is imported;
the title the game then draws replaces it, the same pixels. A press that comes in between waits
in SDL's queue and lands on the real title: nothing is lost, and nothing can be pressed that the
real title does not have in the same place.

The kept frame holds only while nothing it was drawn from has changed. Its key (`inputs`) is
every file of the game's code, translations, fonts and art (name, size and modification time,
under `game/` and `assets/`), every story file in the shipped folder and the teacher's own, the
settings file's bytes and the video driver. A start that finds another key, or a window of
another size or pixel format, shows nothing early and draws the title as always, then keeps its
frame for the next start. And `keep` compares what it showed with what the game drew (after the
game's own frame is on screen): if they ever differ (something the key misses, a damaged file),
the log says so and the new frame replaces the old.

One file, `title.bin` in the cache folder (see diskcache.py), read only when the cache folder
is the game's own: a header, the window's caption, and the pixels raw in the window's own
format, so that a start reads them straight into the window (3.7 MB at 720p, 8.3 MB at 1080p;
compressed, unpacking them would cost more than the rest of this path). Like any file in the
cache folder it may be damaged or hostile: its size must be exactly what its header says, and
the worst it can do is show wrong pixels until the real title replaces them, once (see `keep`).
It holds no more than the title screen shows: the stories' titles and cards, never anything about
who plays.

This module is imported before anything else of the game: it imports only the standard library,
`paths` and `files`, and pygame only when there is a frame to show.
"""

from __future__ import annotations

import io
import os
import stat
import struct
import zlib
from pathlib import Path

from ..files import read_limited
from ..paths import (ASSETS_DIR, CACHE_TAG, CACHE_TAG_TEXT, ROOT, SCENARIO_SUFFIXES,
                     SCENES_DIR, cache_dir, config_dir, own_stories_dir)

NAME = "title.bin"
MAGIC = b"BYTF"
FORMAT = 1
HEADER = struct.Struct("<4sH16s12IH")
"""MAGIC, FORMAT, the key (`inputs`), then width, height, pitch, bits per pixel and the four
colour masks of the window's surface, the window asked for (width, height, flags: 1 full
screen, 2 software display; display number), and the caption's length in UTF-8 bytes."""
FULLSCREEN, SOFTWARE = 1, 2
SETTINGS_FILE = "settings.json"
MAX_SETTINGS_BYTES = 1 << 20
MAX_SIDE = 16384
BENCH_MARKER = "BYSTANDER_FIRST_FRAME"

_key: bytes | None = None
"""The key of this start's inputs, worked out by `show` for a plain start: `keep` writes with it."""
_shown = False
"""Whether `show` put the kept frame on screen: `keep` then compares it with the real title."""
_opened_early = False


def inputs() -> bytes:
    """The key of everything the title's first frame is drawn from (see the module's docstring):
    16 hex digits of two checksums of their description. About 200 `stat` calls."""
    parts = [f"format {FORMAT}", f"driver {os.environ.get('SDL_VIDEODRIVER', '')}"]
    for folder in (ROOT / "game", ASSETS_DIR):
        _tree(folder, parts)
    for folder in (SCENES_DIR, own_stories_dir()):
        parts.append(f"stories {folder}")
        try:
            with os.scandir(folder) as found:
                names = sorted(e.name for e in found if e.name.endswith(SCENARIO_SUFFIXES))
        except OSError as exc:
            parts.append(f"? {type(exc).__name__}")
            continue
        for name in names:
            _describe(os.path.join(folder, name), parts)
    try:
        settings = read_limited(config_dir() / SETTINGS_FILE, MAX_SETTINGS_BYTES)
    except OSError as exc:
        settings = f"? {type(exc).__name__}".encode()
    data = "\n".join(parts).encode("utf-8", "surrogateescape") + b"\nsettings\n" + settings
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}".encode()


def _tree(folder: Path, parts: list[str]) -> None:
    """Every file under `folder` (bytecode caches aside), in name order."""
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError as exc:
        parts.append(f"{folder} ? {type(exc).__name__}")
        return
    for entry in entries:
        if entry.name == "__pycache__":
            continue
        if entry.is_dir(follow_symlinks=False):
            _tree(Path(entry.path), parts)
        else:
            _describe(entry.path, parts)


def _describe(path: str, parts: list[str]) -> None:
    try:
        st = os.stat(path)
        parts.append(f"{path} {st.st_size} {st.st_mtime_ns}")
    except OSError as exc:
        parts.append(f"{path} ? {type(exc).__name__}")


def path() -> Path:
    return cache_dir() / NAME


def show() -> bool:
    """For a plain start, before the rest of the game is imported: work out this start's key,
    and if the kept frame is for it, open the window it was drawn in and show it. Whether it
    did; it never raises (the game then starts as it would without it)."""
    global _key, _shown
    try:
        _key = inputs()
        found = _read_header(_key)
        if found is None:
            return False
        head, caption, fd = found
        try:
            _shown = _show(head, caption, fd)
        finally:
            os.close(fd)
    except Exception:  # noqa: BLE001 - never in the way of the start that follows
        _shown = False
    return _shown


def _read_header(key: bytes) -> tuple[tuple, str, int] | None:
    """The kept frame's header and caption, and its file open just after them, when the cache
    folder is the game's and the frame was kept for `key`; else None."""
    folder = cache_dir()
    try:
        if read_limited(folder / CACHE_TAG, len(CACHE_TAG_TEXT)) != CACHE_TAG_TEXT:
            return None
    except OSError:
        return None
    try:
        fd = os.open(folder / NAME, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError("not a file")
        head = HEADER.unpack(os.read(fd, HEADER.size))
        magic, fmt, kept_for, w, h, pitch, *_rest, caption_len = head
        if (magic, fmt, kept_for) != (MAGIC, FORMAT, key) or not (
                0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE and w * 4 <= pitch <= w * 4 + 64):
            raise ValueError("another frame")
        if st.st_size != HEADER.size + caption_len + pitch * h:
            raise ValueError("cut short or too long")
        caption = os.read(fd, caption_len).decode("utf-8")
        return head, caption, fd
    except (OSError, ValueError, struct.error, UnicodeDecodeError):
        os.close(fd)
        return None


def _show(head: tuple, caption: str, fd: int) -> bool:
    """Open the window the frame was kept from, read the pixels into it and present them;
    False when the window is not the one it was drawn in."""
    (_magic, _fmt, _key_, w, h, pitch, bits, rmask, gmask, bmask, amask,
     size_w, size_h, flags, display, _caption_len) = head
    if _display_problem():
        return False
    import pygame

    from .window import Window
    global _opened_early
    window = Window((size_w, size_h), bool(flags & FULLSCREEN), display, bool(flags & SOFTWARE))
    surface = window.open()
    _opened_early = True
    if (surface.get_size(), surface.get_pitch(), surface.get_bitsize(), surface.get_masks()) \
            != ((w, h), pitch, bits, (rmask, gmask, bmask, amask)):
        return False
    pygame.display.set_caption(caption)
    view = surface.get_view("1")  # the window's pixels, locked while the view lives
    try:
        with memoryview(view) as pixels:
            if io.FileIO(fd, "rb", closefd=False).readinto(pixels) != pitch * h:
                return False
    finally:
        del view
    pygame.display.flip()
    if os.environ.get("BYSTANDER_BENCH_FIRST_FRAME"):
        print(BENCH_MARKER, "(the kept title)", flush=True)
    return True


def _display_problem() -> bool:
    from .window import display_problem
    return display_problem() is not None


def shown() -> bool:
    """Whether this start showed the kept frame."""
    return _shown


def opened_early() -> bool:
    """Whether this start opened its window before the game loaded (to show the kept frame, if
    the window turned out to be the one it was drawn in): the app adopts that window rather than
    open another (see window.py), which on a full screen could switch the display's mode twice."""
    return _opened_early


def keep(surface, window, caption: str) -> None:
    """After a plain start's first frame is on screen (the title, in `window` with `caption`):
    keep it for the next start, unless the frame shown early was this one already. Once a
    start; nothing for any other start (no key)."""
    global _key, _shown
    key, shown_early, _key, _shown = _key, _shown, None, False
    if key is None:
        return
    from ..lazylog import get_logger
    from . import diskcache
    pixels = surface.get_view("1").raw
    if shown_early:
        if _kept_pixels(key) == pixels:
            return
        get_logger(__name__).warning(
            "the title kept from the last start differed from the one drawn now (something it "
            "depends on is not in its key, or the file was damaged): kept again")
    w, h = surface.get_size()
    flags = (FULLSCREEN if window.fullscreen else 0) | (SOFTWARE if window.software else 0)
    name = caption.encode("utf-8")
    head = HEADER.pack(MAGIC, FORMAT, key, w, h, surface.get_pitch(), surface.get_bitsize(),
                       *surface.get_masks(), *window.size, flags, window.display, len(name))
    diskcache.write(path(), head + name + pixels)


def _kept_pixels(key: bytes) -> bytes | None:
    """The pixels of the kept frame, if it is (still) the one for `key`."""
    found = _read_header(key)
    if found is None:
        return None
    _head, _caption, fd = found
    try:
        with io.FileIO(fd, "rb", closefd=False) as f:
            return f.readall()
    finally:
        os.close(fd)


def forget() -> None:
    """Neither show nor keep in this process any more (tests)."""
    global _key, _shown, _opened_early
    _key, _shown, _opened_early = None, False, False
