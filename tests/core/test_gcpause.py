"""The collector pause that loading runs under (game/core/gcpause.py)."""

from __future__ import annotations

import gc
import weakref

from game.core.gcpause import gc_paused


class _Node:
    """A small object that can take part in a cycle and be watched by a weak reference."""

    def __init__(self):
        self.other = None


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


def test_what_the_pause_made_is_old_so_the_next_young_collection_does_not_scan_it():
    gc.collect()  # counts from nothing: no collection falls between making `after` and looking
    with gc_paused():
        made = [_Node() for _ in range(1000)]
    after = [_Node() for _ in range(10)]
    young = {id(o) for generation in (0, 1) for o in gc.get_objects(generation=generation)}
    assert not any(id(node) in young for node in made)
    assert all(id(node) in young for node in after)  # what is made afterwards is young again


def test_a_cycle_made_during_the_pause_is_still_collected():
    with gc_paused():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
    del a, b
    gc.collect(1)  # a young collection does not look at it any more ...
    assert gone() is not None
    gc.collect()  # ... a full one does
    assert gone() is None
