"""Pausing Python's cyclic garbage collector around work that makes many objects and no cycles.

A process-wide concern, not the YAML reader's: reading and loading a scenario use it. Building the
state machines does not (see `machines.machines_for`): by then the heap is large and the collector
seldom runs in full, so a pause only saves every new object up for one long pass afterwards.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: a large load makes millions of objects and no cycles,
    and with the collector running it spends more time scanning them than building them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
