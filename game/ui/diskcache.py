"""The user's cache folder: what the game can always make again, kept so that it starts fast.

Two things live there: the title screen's card of each scenario (`catalogue.json`, written by
`catalogue.py`) and the pictures of the title screen (`pictures/`, written by `stage.py`). Both
are only ever a copy of what the scenario files and the drawing code give: nothing about the
people who play, and deleting the folder is always safe (the next start makes it again, a little
slower). Anything missing, stale, unreadable or damaged there is simply made again; a cache that
cannot be written (a read-only home, a full disk) only costs the time it would have saved.

Files are written atomically (a temporary file, then `os.replace`), so a reader never sees half a
file. They are not fsynced: after a power cut a file may be empty or cut short, which reads as
damaged and is made again, so the cost of fsync on every first start buys nothing here.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from ..files import replace_file
from ..lazylog import get_logger

log = get_logger(__name__)  # imports logging when first used: start-up time

ENV = "BYSTANDER_CACHE_DIR"


def cache_dir() -> Path:
    """$BYSTANDER_CACHE_DIR, or the platform's cache folder for "bystander"."""
    override = os.environ.get(ENV)
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_cache_dir("bystander", appauthor=False))


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
    data = "|".join(parts).encode()
    # zlib rather than hashlib: it is loaded already, hashlib would add 10 ms to every start.
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def read(path: Path) -> bytes | None:
    """The bytes of a cached file, or None when it is not there or cannot be read."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def write(path: Path, data: bytes) -> bool:
    """Write `data` to `path` atomically, making its folder; False (logged) when it cannot."""
    try:
        replace_file(path, data, durable=False)
    except OSError as exc:
        log.info("cannot write the cache file %s: %s", path, exc)
        return False
    return True
