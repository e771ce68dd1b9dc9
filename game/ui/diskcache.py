"""The user's cache folder: what the game can always make again, kept so that it starts fast.

Four things live there: the title screen's card of each scenario (`catalogue.json`, written by
`catalogue.py`), the pictures of the title screen (`pictures/`, written by `stage.py`), the
first frame's measured and rendered text (`texts.bin`, written by `textstore.py`) and that
first frame itself as the last plain start drew it (`title.bin`, see `title_snapshot.py`). All
are only ever a copy of what the scenario files and the drawing code give: nothing about the
people who play, and deleting the folder is always safe (the next start makes it again, a little
slower). Anything missing, stale, unreadable or damaged there is simply made again; a cache that
cannot be written (a read-only home, a full disk) only costs the time it would have saved.

Files are written atomically (a temporary file, then `os.replace`), so a reader never sees half a
file. They are not fsynced: after a power cut a file may be empty or cut short, which reads as
damaged and is made again, so the cost of fsync on every first start buys nothing here.

`BYSTANDER_CACHE_DIR` may name any folder, a home folder too, so the game uses a cache folder
only when it is its own (`usable`): one it made, tagged with `MARKER`, or one that holds nothing
but what the game writes there, told by name and by first bytes (`OWN_STARTS`: another program's
`catalogue.json` has the name, not the bytes). Any other folder is left alone, read nor written,
with a warning: the game then starts without a cache, a little slower, and deletes nothing of
anyone's.
"""

from __future__ import annotations

import os
import re
import stat
import zlib
from pathlib import Path

from ..files import (read_limited, remove_stale_temporaries, replace_file,
                     temporary_pattern)
from ..lazylog import get_logger
from ..paths import CACHE_ENV, CACHE_TAG, CACHE_TAG_TEXT, cache_dir

log = get_logger(__name__)  # imports logging when first used: start-up time

ENV = CACHE_ENV
MARKER = CACHE_TAG
MARKER_TEXT = CACHE_TAG_TEXT
CATALOGUE = "catalogue.json"
CATALOGUE_FORMAT = "bystander-catalogue"
"""The title cache's file (see catalogue.py), and the format its JSON names first."""
PICTURE_MAGIC = b"BYPX"
"""The first bytes of every picture file (see pictures.py)."""
TEXTS = "texts.bin"
TEXTS_MAGIC = b"BYTX"
"""The first frame's texts (see textstore.py), and how that file begins."""
TITLE = "title.bin"
TITLE_MAGIC = b"BYTF"
"""The title's first frame as the last plain start drew it (see title_snapshot.py)."""
OWN_STARTS = {CATALOGUE: b'{"format": "' + CATALOGUE_FORMAT.encode() + b'"',
              MARKER: MARKER_TEXT, TEXTS: TEXTS_MAGIC, TITLE: TITLE_MAGIC}
"""How the files at the top of the cache folder that the game writes begin."""
TEMPORARIES = temporary_pattern(r"catalogue\.json|CACHEDIR\.TAG|texts\.bin|title\.bin")
OWN_NAMES = re.compile(
    rf"catalogue\.json|pictures|CACHEDIR\.TAG|texts\.bin|title\.bin|{TEMPORARIES}")
"""Everything the game writes at the top of its cache folder, temporary files too."""
PICTURE_FOLDER = re.compile(r"[0-9a-f]{16}")
"""The folders in `pictures/`, each named by the `code_stamp` of the code that drew them."""
PICTURE = r"(?:character|place)-[a-z0-9_-]{1,200}"
"""The name of a picture: only ids and numbers (see stage.py), so never a path."""
PICTURE_FILE = re.compile(rf"{PICTURE}|{temporary_pattern(PICTURE)}")
"""A picture, or its temporary file."""

_usable: dict[Path, bool] = {}


def code_stamp(*folders: Path) -> str:
    """The game's version and the name, size and modification time of every source file in
    `folders`: what a cached copy was made by. A new version, or an edited source file in a
    checkout, changes it, and the copies made by the old code are made again. Costs a directory
    listing per folder (well under a millisecond)."""
    from .. import __version__
    parts = [__version__]
    for folder in folders:
        try:
            with os.scandir(folder) as found:
                for item in sorted(found, key=lambda e: e.name):
                    if item.name.endswith(".py"):
                        st = item.stat()
                        parts.append(f"{item.name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{folder.name}:?")
    return checksum("|".join(parts).encode())


def checksum(data: bytes) -> str:
    """Two 32-bit checksums of `data` as 16 hex digits: enough to tell what made a cached copy
    from anything else, never a guard against forgery. zlib rather than hashlib: it is loaded
    already, hashlib would add 10 ms to every start."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def usable() -> Path | None:
    """The cache folder when the game may read and write there, else None (see the module's
    docstring). Asked once per folder and run: a start pays for one small read."""
    folder = cache_dir()
    known = _usable.get(folder)
    if known is None:
        known = _usable[folder] = _claim(folder)
        if known:  # the orphans of writes a kill interrupted (pictures.py tidies its own)
            remove_stale_temporaries(folder, TEMPORARIES)
    return folder if known else None


def _claim(folder: Path) -> bool:
    """Whether `folder` is the game's cache: tagged by the game, or holding only what the game
    writes (then tagged now: a cache made before the tag, or a new folder)."""
    marker = folder / MARKER
    try:
        if read_limited(marker, len(MARKER_TEXT)) == MARKER_TEXT:
            return True
    except OSError:
        pass
    try:
        strangers = [name for name in os.listdir(folder) if not _own_entry(folder, name)]
    except FileNotFoundError:
        strangers = []
    except OSError as exc:
        log.warning("cannot use the cache folder %s (%s): starting without a cache", folder, exc)
        return False
    if strangers:
        log.warning("the cache folder %s holds files Bystander did not write (%s): the game "
                    "leaves that folder alone, reading and writing nothing there, and starts "
                    "without a cache. Set %s to an empty or new folder.", folder,
                    ", ".join(sorted(strangers)[:3]) + (", ..." if len(strangers) > 3 else ""),
                    ENV)
        return False
    try:
        replace_file(marker, MARKER_TEXT, durable=False)
    except OSError as exc:  # a read-only cache of ours: it can still be read
        log.info("cannot tag the cache folder %s: %s", folder, exc)
    return True


def _own_entry(folder: Path, name: str) -> bool:
    """Whether `name` in the cache folder is something the game writes there: a file of the
    game's name beginning as the game's own do (`OWN_STARTS`; a temporary file, cut short by
    a kill, may hold anything), or `pictures`: a real folder (not a link) holding only folders
    of pictures, each only pictures."""
    if not OWN_NAMES.fullmatch(name):
        return False
    if name != "pictures":
        return is_own_file(folder / name, OWN_STARTS.get(name, b""))
    pictures = folder / name
    if not is_real_folder(pictures):
        return False
    try:
        for stamp in os.listdir(pictures):
            inner = pictures / stamp
            if not (PICTURE_FOLDER.fullmatch(stamp) and is_real_folder(inner)
                    and all(PICTURE_FILE.fullmatch(n)
                            and is_own_file(inner / n, b"" if n.endswith(".tmp")
                                            else PICTURE_MAGIC)
                            for n in os.listdir(inner))):
                return False
    except OSError:
        return False
    return True


def is_own_file(path: Path, start: bytes) -> bool:
    """Whether `path` is a regular file itself (not a link to one) that begins with `start`, or
    is empty (all a power cut may leave of a write; there is nothing in it to lose). Opened
    without blocking or following a link: it may have changed since it was listed."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):  # Windows has no O_NOFOLLOW
            return False
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        return os.read(fd, len(start)) in (start, b"")
    except OSError:
        return False
    finally:
        os.close(fd)


def is_real_folder(path: Path) -> bool:
    """A folder itself: not a link to one, nor (Windows) a junction or other reparse point."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    reparse = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0)
    return stat.S_ISDIR(st.st_mode) and not getattr(st, "st_file_attributes", 0) & reparse


def forget() -> None:
    """Ask again whether the cache folder is the game's (tests)."""
    _usable.clear()


def read(path: Path, limit: int) -> bytes | None:
    """The bytes of a cached file, or None when it is not there, is not a regular file, holds
    more than `limit` bytes, cannot be read, or the cache folder is not the game's. Like any
    file in a user's folder it may be hostile (see `files.read_limited`)."""
    if usable() is None:
        return None
    try:
        return read_limited(path, limit)
    except OSError as exc:
        if not isinstance(exc, FileNotFoundError):
            log.info("cannot read the cache file %s (%s); making it again", path, exc)
        return None


def write(path: Path, data: bytes) -> bool:
    """Write `data` to `path` atomically, making its folder; False (logged) when it cannot, or
    when the cache folder is not the game's."""
    if usable() is None:
        return False
    try:
        replace_file(path, data, durable=False)
    except OSError as exc:
        log.info("cannot write the cache file %s: %s", path, exc)
        return False
    return True
