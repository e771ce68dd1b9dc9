"""The title screen's pictures kept on disk, so that the first frame needs no drawing code.

The title shows the selected story's place and its first three characters. Drawing them takes
the art package (about 15 ms just to import) and 25 ms or more of drawing at 720p, much more at
4K: most of what a start-up spends after the window opens. So the title asks for them with
`stage.place(..., keep=part)` and `stage.character(..., keep=True)`, and they come from here: from
memory when shown before in this run, else from `<cache dir>/pictures/` (zlib-compressed pixels:
a few milliseconds to read, 20 KB for the visible part of a 720p background), else drawn, and
written to disk once the frame they were drawn for is on screen (`write_pending`, called by the
app), so that even the very first start does not wait for the writing.

A picture on disk is exactly the pixels the art drew (the bytes of the surface, no lossy format):
the title looks the same either way, and a test holds that. The folder is named after the code
that drew the pictures (`diskcache.code_stamp` of the art package): pictures of another version
are never shown, and are deleted when a new one is written. At most `MAX_FILES` pictures are kept
(dragging the window through many sizes would otherwise leave one per size); the oldest go first.
Deleting touches only the game's own pictures (see `_tidy`): the cache folder is one a user may
name. And a file there is read as hostile: its size must be the size asked for (`decode`).
"""

from __future__ import annotations

import os
import re
import struct
import zlib
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pygame

from ..files import remove_stale_temporaries, round_times, temporary_pattern
from ..lazylog import get_logger
from . import diskcache

log = get_logger(__name__)  # imports logging when first used: start-up time

FOLDER = "pictures"
MAX_FILES = 32
MEMORY_ENTRIES = 8
MEMORY_PIXELS = 12_000_000
"""Pictures read from disk kept in memory: the title redraws them on every change. Bounded by
count and by pixels (48 MB), since a 4K background alone is 8 million pixels."""
MAGIC = diskcache.PICTURE_MAGIC
HEADER = struct.Struct("<4sIII")
"""A file: MAGIC, width, height and the CRC-32 of the rest, which is the pixels as a raw deflate
stream (level 1: fast). The CRC of the few compressed bytes guards the file as well as zlib's own
Adler-32 of the uncompressed pixels would, which cost 3% of a start's instructions (callgrind)."""
MAX_SIDE = 16384
"""The largest window the game opens (`--size`); a header claiming more is damaged."""
PENDING = 8
"""Pictures waiting to be written; a test that draws without presenting drops the oldest."""

_memory: OrderedDict[str, pygame.Surface] = OrderedDict()
_pending: OrderedDict[str, tuple[str, pygame.Surface]] = OrderedDict()
_folder: Path | None = None


def folder() -> Path:
    """`<cache dir>/pictures/<stamp of the art code>`, worked out once per run and cache dir."""
    global _folder
    base = diskcache.cache_dir() / FOLDER
    if _folder is None or _folder.parent != base:
        art = Path(__file__).parent / "art"
        _folder = base / diskcache.code_stamp(art, Path(__file__).parent)
    return _folder


def kept(name: str, mode: str, draw: Callable[[], pygame.Surface], *, width: int | None,
         height: int) -> pygame.Surface:
    """The picture called `name` (its pixels in `mode`: "RGBX" opaque, "RGBA" with alpha; four
    bytes a pixel, which reads back twice as fast as three): from memory, else
    from disk, else `draw()`n and written later. Treat it as read-only, as the art's own.

    `width` x `height` is the size it must have: a file on disk of any other size is damaged
    (a character's width, None, comes from its drawing: at most its height). A `name` that is
    not only ids and numbers (see `diskcache.PICTURE`) is drawn and never kept on disk: names
    come from the scenario files, and a name must never be a path."""
    surface = _memory.get(name)
    if surface is not None:
        _memory.move_to_end(name)
        return surface
    if not re.fullmatch(diskcache.PICTURE, name):
        log.info("picture name %r is not one the game makes; drawing it, not keeping it", name)
        return draw()
    surface = _read(name, mode, width, height)
    if surface is None:
        surface = draw()
        _pending[name] = (mode, surface)
        while len(_pending) > PENDING:
            _pending.popitem(last=False)
    _remember(name, surface)
    return surface


def _remember(name: str, surface: pygame.Surface) -> None:
    _memory[name] = surface
    pixels = sum(s.get_width() * s.get_height() for s in _memory.values())
    while len(_memory) > 1 and (len(_memory) > MEMORY_ENTRIES or pixels > MEMORY_PIXELS):
        _, old = _memory.popitem(last=False)
        pixels -= old.get_width() * old.get_height()


def _read(name: str, mode: str, width: int | None, height: int) -> pygame.Surface | None:
    bpp = len(mode)
    most = (width or height) * height * bpp
    # Deflate's output is never more than a few bytes per 16 KB larger than its input.
    data = diskcache.read(folder() / name, HEADER.size + most + most // 1000 + 1024)
    if data is None:
        return None
    try:
        size, pixels = decode(data, bpp, width=width, height=height)
        if pygame.display.get_init() and pygame.display.get_surface() is not None:
            # frombuffer shares the bytes, and converting copies them: one copy, not two
            surface = pygame.image.frombuffer(pixels, size, mode)
            return surface.convert_alpha() if mode == "RGBA" else surface.convert()
        return pygame.image.frombytes(pixels, size, mode)
    except (zlib.error, ValueError, MemoryError, pygame.error) as exc:
        log.info("cached picture %s is damaged (%s); drawing it again", name, exc)
        return None


def encode(surface: pygame.Surface, mode: str) -> bytes:
    """A picture file of `surface`'s pixels in `mode` (see HEADER)."""
    body = zlib.compress(pygame.image.tobytes(surface, mode), 1, -15)
    return HEADER.pack(MAGIC, *surface.get_size(), zlib.crc32(body)) + body


def decode(data: bytes, bytes_per_pixel: int, *, width: int | None = None,
           height: int | None = None) -> tuple[tuple[int, int], bytes]:
    """The size and pixels of a picture file; ValueError or zlib.error if it is damaged, or not
    `width` x `height` when they are given (width None: at most `height`). The size is checked
    before a byte is decompressed, and no more than that size is ever decompressed: a small
    file claiming a huge size, or a stream that inflates beyond it, costs nothing."""
    if len(data) < HEADER.size:
        raise ValueError("not a picture")
    magic, w, h, crc = HEADER.unpack_from(data)
    if magic != MAGIC or not (0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE):
        raise ValueError(f"not a picture of {w}x{h} pixels")
    if height is not None and (h != height or w > (width or height)
                               or (width is not None and w != width)):
        raise ValueError(f"a picture of {w}x{h} pixels, not {width or 'at most ' + str(height)}"
                         f"x{height}")
    body = memoryview(data)[HEADER.size:]
    if zlib.crc32(body) != crc:
        raise ValueError("checksum")
    expected = w * h * bytes_per_pixel
    inflate = zlib.decompressobj(-15)
    pixels = inflate.decompress(body, expected + 1)  # at most one byte too many: damaged
    if len(pixels) != expected or not inflate.eof or inflate.unused_data:
        raise ValueError(f"{len(pixels)} bytes")
    return (w, h), pixels


def write_pending() -> None:
    """Write the pictures drawn since the last call (the app calls it after presenting a
    frame). A folder that cannot be written costs nothing but the time saved."""
    if not _pending:
        return
    target = folder()
    items = list(_pending.items())
    _pending.clear()
    for name, (mode, surface) in items:
        if not diskcache.write(target / name, encode(surface, mode)):
            return
    _tidy(target)


_TEMPORARY = temporary_pattern(diskcache.PICTURE)


def _tidy(target: Path) -> None:
    """Delete pictures of other code, and the oldest beyond MAX_FILES: only files this game
    wrote (a picture's name and its first bytes, or an orphaned temporary file of one), never
    through a link, and a folder only once it holds nothing else. Whatever else is there (the
    cache folder may be one a user named) stays as it is."""
    base = target.parent
    if not (diskcache.is_real_folder(base) and diskcache.is_real_folder(target)):
        return
    try:
        with os.scandir(base) as found:
            others = [Path(f.path) for f in found if f.name != target.name
                      and diskcache.PICTURE_FOLDER.fullmatch(f.name)]
        for other in others:
            if diskcache.is_real_folder(other):
                for f in _own_pictures(other):
                    f.unlink()
                remove_stale_temporaries(other, _TEMPORARY)
                try:
                    other.rmdir()
                except OSError:  # it holds something else: not ours to delete
                    pass
        remove_stale_temporaries(target, _TEMPORARY)
        # Oldest first by the status-change time (when it took its name): the modification
        # time is rounded to 5 minutes (files.round_times), so it cannot tell their order.
        files = sorted(_own_pictures(target), key=lambda f: (f.stat().st_ctime_ns, f.name))
        for f in files[:-MAX_FILES]:
            f.unlink()
    except OSError as exc:
        log.info("cannot tidy the picture cache %s: %s", target, exc)
    round_times(base, target)  # what was deleted changed their times


def _own_pictures(folder: Path) -> list[Path]:
    """The pictures in `folder` this game wrote: regular files (not links) named as pictures
    are, starting with MAGIC (see `diskcache.is_own_file`)."""
    with os.scandir(folder) as items:
        named = [Path(f.path) for f in items if re.fullmatch(diskcache.PICTURE, f.name)]
    return [path for path in named if diskcache.is_own_file(path, MAGIC)]


def forget() -> None:
    """Drop what is held in memory (tests; and the cache folder may have changed)."""
    global _folder
    _memory.clear()
    _pending.clear()
    _folder = None

