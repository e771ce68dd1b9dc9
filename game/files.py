"""The game's own files: written all at once, read with a limit, cleaned up only by their names.

Every folder the game reads and writes is one a user can point elsewhere (`BYSTANDER_*_DIR`), even
at their home folder, where anything may be someone else's or hostile: a FIFO, a link to
`/dev/zero`, a 2 GB sparse file. So the game reads a file only through `read_limited` (a regular
file, at most so many bytes, never blocking), and deletes nothing but the files it wrote itself,
by their exact names, never through a link (`remove_stale_temporaries`). What it writes has its
times rounded down to 5 minutes, as the session records' own times are (`round_times`).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

COARSE_SECONDS = 300
"""The times of what the game writes are rounded down to 5 minutes, as the records' times are."""
STALE_SECONDS = 60.0
"""A temporary file this old is an orphan: a write takes well under a second, so no live
process is still busy with it (a kill or a power cut left it)."""
_RANDOM = r"[a-z0-9_]{8}"
"""What `tempfile.mkstemp` puts between its prefix and suffix."""


class NotAFile(OSError):
    """The path is there, but is not a regular file (a folder, a FIFO, a device...)."""


class TooLarge(OSError):
    """The file is larger than its reader allows."""


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, which may be at most `limit` bytes long.

    Opened without blocking (a FIFO would wait for a writer forever), checked to be a regular
    file before a byte is read (a link to /dev/zero never ends), and never read beyond `limit`
    bytes (a sparse file, or a file that grows while it is read, holds more than it said).
    Links are followed: a settings file kept as a link among one's dotfiles is fine. Raises
    OSError: NotAFile, TooLarge, or the system's own (FileNotFoundError...)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotAFile(errno.EINVAL, "not a regular file", str(path))
        if st.st_size > limit:
            raise TooLarge(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
        # One read takes the whole file as its size says, the next one finds its end.
        step = max(st.st_size + 1, 65536)
        chunks = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(step, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise TooLarge(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def coarse_now() -> int:
    """Now, rounded down to 5 minutes: the time the game gives what it writes."""
    now = int(time.time())
    return now - now % COARSE_SECONDS


def round_times(*paths: Path) -> None:
    """Set the times of `paths` (files or folders) to `coarse_now()`, where the system lets us.
    A session record holds its times to 5 minutes; the times of the file and of the folder it
    is in (which change when a file is added, renamed or removed) must not tell more."""
    now = coarse_now()
    for path in paths:
        try:
            os.utime(path, (now, now))
        except OSError:
            pass


def make_folder(folder: Path) -> None:
    """`folder` and any missing folder above it, their times rounded (see `round_times`)."""
    missing = []
    while not folder.is_dir() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    if missing:
        missing[0].mkdir(parents=True, exist_ok=True)
        round_times(*missing, folder)


def replace_file(path: Path, data: bytes, *, durable: bool) -> None:
    """Write `data` to a temporary file beside `path` (making the folder), named
    `.<name>-<8 random characters>.tmp` (see `temporary_pattern`), then put it in place with
    `os.replace`. `durable`: fsync it first and its folder after (so the rename survives a power
    cut too), for what cannot be made again (settings, records, event counts); a cache can skip
    that, since a file a power cut leaves short reads as damaged and is made again.
    The file's times, and its folder's, are rounded down to 5 minutes (`round_times`). Raises
    OSError; the temporary file never stays behind, unless the process is killed (see
    `remove_stale_temporaries`)."""
    make_folder(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        now = coarse_now()
        os.utime(tmp, (now, now))  # before it takes the name: never there with the exact time
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    round_times(path.parent)
    if durable:
        _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable where the system allows it (not on Windows)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temporary_pattern(name: str) -> str:
    """The names `replace_file` gives the temporary files of the files named by the regular
    expression `name`."""
    return rf"\.(?:{name})-{_RANDOM}\.tmp"


def remove_stale_temporaries(folder: Path, pattern: str, *,
                             older_than: float | None = None) -> int:
    """Delete the orphaned temporary files in `folder` whose names match `pattern` (a regular
    expression for the whole name, see `temporary_pattern`): only regular files (never a link,
    and nothing in a subfolder), and only once older than `older_than` seconds, since another
    process may be writing one right now (`STALE_SECONDS` by default). The later of the
    modification and status-change times counts, as the first may be set back on purpose. The
    game calls it where it starts to use a folder. Returns how many went; a folder
    that cannot be read, or a file that cannot be deleted (Windows: in use), stays as it is.

    Every temporary file's name is `.<something>.tmp` (`replace_file`, and every older naming
    the patterns list), so other names are passed over before the pattern is tried: a folder
    with no temporary file compiles no pattern (every start looks in its settings and cache
    folders: 1.2M instructions)."""
    removed = 0
    now = time.time()
    older_than = STALE_SECONDS if older_than is None else older_than
    try:
        with os.scandir(folder) as found:
            for item in found:
                name = item.name
                if not (name.startswith(".") and name.endswith(".tmp")
                        and re.fullmatch(pattern, name)):
                    continue
                try:
                    st = item.stat(follow_symlinks=False)
                    if not stat.S_ISREG(st.st_mode) or now - max(st.st_mtime,
                                                                 st.st_ctime) < older_than:
                        continue
                    os.unlink(item.path)  # unlink never follows a link
                    removed += 1
                except OSError:
                    continue
    except OSError:
        pass
    if removed:
        round_times(folder)
    return removed
