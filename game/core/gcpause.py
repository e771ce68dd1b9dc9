"""Pausing Python's cyclic garbage collector around work that makes many objects and no cycles.

A process-wide concern, not the YAML reader's: reading and loading a scenario use it. Building the
state machines does not (see `machines.machines_for`): by then the heap is large and the collector
seldom runs in full, so the build costs about the same with it running (155 against 140 ms for
10,000 scenes), and its objects, which do form cycles, stay where the collector looks soon.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: a large load makes millions of objects and no cycles,
    and with the collector running it spends more time scanning them than building them.

    On the way out, what the work made is moved to the collector's oldest generation (a freeze
    and an unfreeze do that without looking at a single object). Left young, every object made
    would be scanned at the next allocation after the pause, and again a few collections later:
    a tenth of loading a 10,000-scene story. Garbage among them is not lost, only collected at
    the next full collection instead of the next young one.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()
