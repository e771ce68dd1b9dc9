"""Memory at 4K (issue 20): the caches keep the bytes they keep at 1080p, not four times them,
one window-sized layer is enough, and a panel's shadow keeps only the part it shows."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.bench.story import road  # noqa: E402
from game.ui import layers, screenshot, text, widgets  # noqa: E402
from game.ui.art import characters, places  # noqa: E402
from game.ui.theme import make_theme  # noqa: E402

from uihelp import ROOT  # noqa: E402

ADRIAN = ROOT / "scenes" / "adrian.yaml"


pytestmark = pytest.mark.usefixtures("data_in_tmp")


def budgets_after_a_consequence(size) -> dict[str, int]:
    """Each cache's budget in pixels once a scene and a consequence were drawn at `size`."""
    story = road(ADRIAN)
    screenshot.render(ADRIAN, "scene", [], size)
    shot = screenshot.render(ADRIAN, "consequence", [story.fade_move], size)
    shot.app.top.elapsed = 0.0  # the fade too
    shot.app.draw()
    caches = {"places": places.CACHE, "characters": characters.CACHE,
              "text": text.CACHE._surfaces, "shadows": widgets._SHADOWS}
    for name, cache in caches.items():
        assert cache.pixels <= cache.max_pixels or len(cache) == 1, name
    assert len(layers._holders) <= layers.MAX_LAYERS == 1
    return {name: cache.max_pixels for name, cache in caches.items()}


def test_the_caches_keep_no_more_pixels_at_4k_than_at_1080p():
    """A cache counted in windows (or in surfaces of the window's scale) would keep four times
    the bytes at 4K: 366 MB for a play-through of adrian, where 1080p took 120 MB."""
    at_1080p = budgets_after_a_consequence((1920, 1080))
    at_4k = budgets_after_a_consequence((3840, 2160))
    for name, budget in at_4k.items():
        assert budget <= at_1080p[name], f"the {name} cache keeps more at 4K"
    assert len(places.CACHE) == 1, "one background of 33 MB at 4K"
    at_720p = budgets_after_a_consequence((1280, 720))
    assert at_720p["text"] == text.CACHE_WINDOWS * 1280 * 720, "smaller windows: their own size"


def test_a_panel_keeps_and_blends_only_the_shadow_it_shows():
    """The shadow under a panel, offset right and down, shows only at its right and bottom
    edges: drawn from those parts it is the same as the whole shadow was, in a few per cent of
    its pixels."""
    pygame.display.set_mode((1920, 1080))
    theme = make_theme((1920, 1080))
    for rect in (pygame.Rect(100, 80, 1200, 700), pygame.Rect(10, 10, 30, 24),
                 pygame.Rect(5, 5, 3, 3)):
        widgets._SHADOWS.clear()
        drawn = pygame.Surface((1920, 1080))
        drawn.fill((200, 220, 240))
        widgets.panel(drawn, rect, theme)
        kept = sum(s.get_width() * s.get_height() for s in widgets._SHADOWS._surfaces.values())
        whole = pygame.Surface((1920, 1080))
        whole.fill((200, 220, 240))
        shadow = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(shadow, (0, 0, 0, 70), shadow.get_rect(), border_radius=theme.radius)
        off = theme.px(0.5)
        whole.blit(shadow, rect.move(off, off))
        widgets.panel(whole, rect, theme, shadow=False)
        assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(whole, "RGB"), rect
        if rect.w > 100:
            assert kept < 0.1 * rect.w * rect.h
