"""Pausing Python's cyclic garbage collector around work that makes many objects and no cycles.

A process-wide concern, not the YAML reader's: reading a scenario, building its state machines and
the benchmark's timings all use it.
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
