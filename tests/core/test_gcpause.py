"""The collector pause that loading runs under (game/core/gcpause.py)."""

from __future__ import annotations

import gc

from game.core.gcpause import gc_paused


def test_the_collector_runs_again_after_the_pause_and_stays_off_if_it_was():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller that had turned it off keeps it off
    finally:
        gc.enable()
