"""The live preview's eye on the file: `bystander play FILE --watch` follows a story file as its
author saves it, as Inky does for ink.

A look at the file is one `stat` (its modification time, size and file number), at most every
`POLL` seconds from the game's loop, so it costs nothing a frame and needs no thread or
library; an editor that saves by writing a new file and renaming it changes the file number, one
that writes in place the time or the size. A file that is missing for a moment (between the
two steps of such a save) is not a change: the next look finds the new one. What the game does
with a change (load it, stay at the scene, or show the problems) is `App.follow_preview`.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

POLL = 0.1
"""Seconds between looks: with the loop's idle 20 frames a second, a save is seen within about
a tenth of a second, well inside the 300 ms from saving to the new frame."""


class Preview:
    """The file being previewed, and whether it changed since it was last looked at."""

    def __init__(self, path: Path, clock=time.monotonic):
        self.path = Path(path)
        self._clock = clock
        self._seen = _signature(self.path)
        self._looked = clock()

    def changed(self) -> bool:
        """Whether the file is another since the last look (looking at most every POLL s)."""
        now = self._clock()
        if now - self._looked < POLL:
            return False
        self._looked = now
        signature = _signature(self.path)
        if signature is None or signature == self._seen:
            return False
        self._seen = signature
        return True


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino
