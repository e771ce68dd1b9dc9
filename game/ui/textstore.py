"""The first frame's text kept on disk, so that the next start draws its title without a font.

Measuring and rendering the title's words (its name, the tagline, a card per story, the buttons)
is an eighth of a warm start: SDL_ttf loads and hints every glyph of every size the title uses.
The words are the same from one start to the next, so while the first frame is made
(`recording()`: from `open_store` until `close_store`, which the app calls once that frame is on
screen) every measurement and rendering the text module makes goes through here: found in the
store read from `<cache dir>/texts.bin`, else made and remembered, and once the frame is shown
the store is written again if anything was missing. After the first frame the store is dropped
and text is measured and rendered as always.

What is kept is exactly what SDL_ttf gave (the numbers, and each surface's pixels), for exactly the code, fonts and SDL_ttf
that made it (`stamp`): the title looks the same either way, and a test holds that. The file is
read as hostile, like every file in a user's folder: a damaged or foreign one is ignored, and a
picture in it is never inflated beyond the size its header claims, nor a size beyond the window's
largest.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from collections.abc import Callable, Hashable
from pathlib import Path

import pygame

from ..lazylog import get_logger
from ..paths import FONTS_DIR
from . import diskcache

log = get_logger(__name__)

NAME = diskcache.TEXTS
MAGIC = diskcache.TEXTS_MAGIC
HEADER = struct.Struct("<4sIII")
"""MAGIC, the length of the JSON index that follows, the CRC-32 of the index and of the pixels
that follow it. The pixels are kept as they are: inflating them cost 2% of a start (a title's
words are about 1.3 MB of pixels at 1080p), reading them from the page cache next to nothing."""
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 4096
MAX_SIDE = 16384
MODE = "BGRA"
"""SDL_ttf's surfaces are ARGB8888: in memory, on a little-endian machine, B, G, R, A."""

_store: "Store | None" = None


class Store:
    """What the first frame measured and rendered, by the arguments that made it."""

    def __init__(self, stamp: str, found: dict[Hashable, object]):
        self.stamp = stamp
        self.found = found
        self.used: dict[Hashable, object] = {}
        self.missed = False

    def get(self, key: Hashable, make: Callable[[], object]) -> object:
        value = self.found.get(key)
        if value is None:
            value = make()
            self.missed = True
        self.used[key] = value
        return value


def recording() -> bool:
    return _store is not None


def kept(key: Hashable, make: Callable[[], object]) -> object:
    """`make()`'s value (an int, a tuple of ints, or a surface) for `key`: from the store while
    the first frame is made, else made."""
    return make() if _store is None else _store.get(key, make)


def open_store() -> None:
    """Read the store (the app, before its first frame)."""
    global _store
    stamp = _stamp()
    found: dict[Hashable, object] = {}
    data = diskcache.read(diskcache.cache_dir() / NAME, MAX_BYTES)
    if data:
        try:
            found = decode(data, stamp)
        except (ValueError, TypeError, KeyError, pygame.error, RecursionError,
                MemoryError) as exc:
            log.info("the first frame's texts in the cache are damaged (%s); drawing them", exc)
    _store = Store(stamp, found)


def close_store() -> None:
    """Stop recording; write the store when the first frame needed anything it lacked."""
    global _store
    store, _store = _store, None
    if store is not None and store.missed and store.used:
        diskcache.write(diskcache.cache_dir() / NAME, encode(store.used, store.stamp))


def _stamp() -> str:
    """What made the texts: the interface's code, pygame-ce (and its SDL_ttf), the fonts."""
    parts = [diskcache.code_stamp(Path(__file__).parent), pygame.version.ver]
    try:
        with os.scandir(FONTS_DIR) as found:
            parts += sorted(f"{f.name}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in found)
    except OSError:
        parts.append("?")
    return diskcache.checksum("|".join(parts).encode())


def encode(entries: dict[Hashable, object], stamp: str) -> bytes:
    """The store's file: its index (JSON: each key, and a number, a list of numbers, or where a
    surface's pixels are) and the pixels."""
    index, blobs, at = [], [], 0
    for key, value in entries.items():
        if isinstance(value, pygame.Surface):
            body = pygame.image.tobytes(value, MODE)
            index.append([list(key), {"size": list(value.get_size()), "at": at,
                                      "length": len(body)}])
            blobs.append(body)
            at += len(body)
        else:
            index.append([list(key), value])
    head = json.dumps({"stamp": stamp, "entries": index}, ensure_ascii=False).encode("utf-8")
    pixels = b"".join(blobs)
    return HEADER.pack(MAGIC, len(head), zlib.crc32(head), zlib.crc32(pixels)) + head + pixels


def decode(data: bytes, stamp: str) -> dict[Hashable, object]:
    """The entries of a store file made for `stamp`; {} for another stamp. ValueError (and the
    others `open_store` catches) when it is damaged."""
    if len(data) < HEADER.size:
        raise ValueError("too short")
    magic, length, crc, pixels_crc = HEADER.unpack_from(data)
    head = data[HEADER.size:HEADER.size + length]
    if magic != MAGIC or len(head) != length or zlib.crc32(head) != crc:
        raise ValueError("not a store of texts")
    index = json.loads(head.decode("utf-8"))
    if index["stamp"] != stamp:
        return {}
    pixels = memoryview(data)[HEADER.size + length:]
    if zlib.crc32(pixels) != pixels_crc:
        raise ValueError("checksum")
    entries: dict[Hashable, object] = {}
    for key, value in index["entries"][:MAX_ENTRIES]:
        entries[_key(key)] = _surface(value, pixels) if isinstance(value, dict) else _value(value)
    return entries


def _key(raw: list) -> tuple:
    """A key as the text module makes them: strings, numbers and a colour (a tuple)."""
    if not isinstance(raw, list):
        raise ValueError("bad key")
    return tuple(tuple(_number(n) for n in part) if isinstance(part, list) else
                 part if isinstance(part, (str, bool)) or part is None else _number(part)
                 for part in raw)


def _number(n: object) -> int | float:
    if type(n) not in (int, float):
        raise ValueError("bad number")
    return n


def _value(raw: object) -> object:
    return tuple(_number(n) for n in raw) if isinstance(raw, list) else _number(raw)


def _surface(raw: dict, pixels: memoryview) -> pygame.Surface:
    w, h = (_number(n) for n in raw["size"])
    at, length = _number(raw["at"]), _number(raw["length"])
    if not (0 <= w <= MAX_SIDE and 0 <= h <= MAX_SIDE and 0 <= at
            and at + length <= len(pixels)):
        raise ValueError("bad surface")
    if length != w * h * len(MODE):
        raise ValueError("bad pixels")
    if length == 0:  # an empty text: SDL_ttf gives a surface with no pixels
        return pygame.Surface((w, h), pygame.SRCALPHA, 32)
    return pygame.image.frombytes(bytes(pixels[at:at + length]), (w, h), MODE)
