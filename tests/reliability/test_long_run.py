"""A day on a projector or an event screen: memory stays flat because every cache has a bound.

Here only the bounds are checked, quickly; `make soak` measures the memory itself over 10,000
play-throughs (test_random_play.py). Nothing here is about time.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

import pygame

import game.ui
from game.ui import text as tx
from game.ui.surfacecache import SurfaceCache, window_pixels


def _ui_modules():
    for info in pkgutil.walk_packages(game.ui.__path__, "game.ui."):
        yield importlib.import_module(info.name)


def test_the_text_cache_never_exceeds_its_bound_after_many_different_strings():
    # The budget follows the window: a real one, not whatever tiny one an earlier test left open
    # (the cache always keeps the newest text, even one larger than a tiny window's budget).
    pygame.display.init()
    pygame.display.set_mode((1280, 720))
    tx.CACHE.clear()
    worst = worst_pixels = 0
    colour = (20, 20, 20)
    for i in range(3 * tx.CACHE_SIZE):
        tx.render(f"Adrian {i}: wat doe jij?", 14 + i % 9, colour)
        if i % 3 == 0:
            tx.fit(f"Een langere zin nummer {i} die over meer regels loopt.",
                   pygame.Rect(0, 0, 120 + i % 50, 400), 16, colour)
        worst = max(worst, len(tx.CACHE))
        worst_pixels = max(worst_pixels, tx.CACHE.pixels)
    budget = tx.CACHE_WINDOWS * window_pixels()  # the pixels of a window or two
    assert worst <= tx.CACHE_SIZE and worst_pixels <= budget
    assert worst == tx.CACHE_SIZE or worst_pixels > 0.95 * budget, "it filled up to a bound"
    for size in range(6, 300):
        tx.font(size)
    assert tx.font.cache_info().currsize <= tx.font.cache_info().maxsize


def test_every_function_cache_in_the_ui_has_a_bound():
    unbounded = []
    for module in _ui_modules():
        for name, value in vars(module).items():
            targets = [(name, value)]
            if isinstance(value, type):
                targets += [(f"{name}.{k}", v) for k, v in vars(value).items()]
            for label, obj in targets:
                if isinstance(obj, functools._lru_cache_wrapper) and (
                        obj.cache_info().maxsize is None):
                    unbounded.append(f"{module.__name__}.{label}")
    assert not unbounded, unbounded


def test_surface_caches_stay_within_count_and_pixels():
    from game.ui import stage
    caches = [(m.__name__, n, v) for m in _ui_modules() for n, v in vars(m).items()
              if isinstance(v, SurfaceCache)]
    assert caches, "the art caches moved: update this test"
    for i in range(40):  # forty window sizes, as a day of resizing and projectors would give
        size = (320 + 8 * i, 180 + 5 * i)
        stage.place("hallway", ("normal", "dim", "warm", "dark")[i % 4], size)
        for module, name, cache in caches:
            assert len(cache) <= cache.max_entries, (module, name, len(cache))
            assert cache.pixels <= cache.max_pixels or len(cache) == 1, (module, name)
