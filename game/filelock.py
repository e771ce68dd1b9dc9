"""A lock between processes, held on a small empty file of its own.

Two processes that write the same file must take turns (two event screens counting visitors into
one day's file), or one must be told that the other has it (two class windows and one session).
Locking the file itself would not do: it is replaced whole on every write (`files.replace_file`),
and a lock on the old file says nothing about the new one.

Portable without a package, with what each system's Python has:

- Linux and macOS (and the BSDs): `fcntl.flock`, a lock on the open file. Not `fcntl.lockf`:
  POSIX record locks belong to the process, so two locks of one process never keep each other
  out, and closing any other handle of the file in that process drops them.
- Windows: `msvcrt.locking` of the file's first byte, without waiting (LK_NBLCK); an empty file
  may be locked, as Windows locks beyond a file's end. A lock there is mandatory (nobody else can
  write that byte), which is fine for a file that holds nothing. An open file cannot be deleted
  on Windows, so `release(remove=True)` leaves the empty file there, for the next holder.

On all three the lock belongs to one open file, so two `FileLock`s keep each other out even in one
process, and the system lets go when its process ends, however it ends (a kill, a crash, a power
cut): a killed game never leaves a lock held, at most the empty file, which the next holder uses
again. Where a folder cannot be locked at all (some network folders refuse: OSError), the callers
log it and go on without the lock. On Linux, NFS turns flock into a POSIX record lock: it still
keeps other machines and processes out, not a second lock of the same process.

Tested in tests/reliability/test_hostile_files.py: with real processes on the system that runs
the tests, and the Windows branch against a stand-in that does what `msvcrt.locking`'s
documentation says.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

from .files import round_times

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

POLL_SECONDS = 0.01


class FileLock:
    """An exclusive lock on the file `path` (made when missing, never through a link)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float = 0.0) -> bool:
        """Take the lock: True once this object holds it, False when another process still held
        it after `timeout` seconds (0: do not wait). Raises OSError when the lock file cannot be
        made or the system cannot lock it (some network folders)."""
        if self._fd is not None:
            return True
        deadline = time.monotonic() + timeout
        flags = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_BINARY", 0))
        while True:
            fd = os.open(self.path, flags, 0o600)
            try:
                locked = _try_lock(fd)
                # The last holder may have removed the file (`release(remove=True)`) after we
                # opened it: a lock on a file the name no longer names keeps nobody out.
                if locked and _names(self.path, fd):
                    self._fd = fd
                    round_times(self.path, self.path.parent)  # it may have been made just now
                    return True
                if locked:
                    _unlock(fd)
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)
            if not locked:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(POLL_SECONDS)

    def release(self, *, remove: bool = False) -> None:
        """Let go of the lock. `remove`: delete its file first, while still holding it, so that
        nobody else holds a lock on the file at that moment (on Windows an open file stays)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if remove:
                try:
                    os.unlink(self.path)
                    round_times(self.path.parent)
                except OSError:
                    pass
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> "FileLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _names(path: Path, fd: int) -> bool:
    """Whether `path` still names the open file `fd`."""
    try:
        on_disk = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (on_disk.st_ino, on_disk.st_dev) == (held.st_ino, held.st_dev)


def _try_lock(fd: int) -> bool:
    """Lock `fd` without waiting: False when another process holds it."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # its first byte; an empty file may be locked
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EDEADLK):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
