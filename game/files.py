"""Writing a file all at once, so that neither a reader nor a crash halfway ever sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_file(path: Path, data: bytes, *, durable: bool, prefix: str | None = None) -> None:
    """Write `data` to a temporary file beside `path` (making the folder), then put it in place
    with `os.replace`. `durable`: fsync it first, for what cannot be made again (settings); a
    cache can skip that, since a file a power cut leaves short reads as damaged and is made
    again. Raises OSError; the temporary file never stays behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=prefix or f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
