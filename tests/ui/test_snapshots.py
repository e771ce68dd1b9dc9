"""Key screens of mini.yaml compared with stored pictures, rendered by the screenshot code.

The stored PNGs are produced by the game, never edited by hand:

    BYSTANDER_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/ui/test_snapshots.py

A small tolerance absorbs anti-aliasing differences between machines.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui.screenshot import render  # noqa: E402

from uihelp import MINI  # noqa: E402

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("BYSTANDER_UPDATE_SNAPSHOTS") == "1"
MAX_MEAN_DIFFERENCE = 2.0
"""Mean absolute difference per channel, 0-255."""
MAX_SHARE_DIFFERENT = 0.01
"""Share of pixels that may differ by more than 32 in some channel."""

CASES = {
    "title": ("title", []),
    "scene": ("scene", []),
    "choice": ("choice", ["walk_on"]),
    "consequence": ("consequence", ["stand_by_sam"]),
    "ending": ("ending", ["stand_by_sam", "check_in"]),
}


def difference(a: pygame.Surface, b: pygame.Surface) -> tuple[float, float]:
    """(mean absolute difference per channel, share of pixels differing by more than 32)."""
    up = a.copy()
    up.blit(b, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    down = b.copy()
    down.blit(a, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    up.blit(down, (0, 0), special_flags=pygame.BLEND_RGB_ADD)       # |a - b| per channel
    mean = sum(pygame.transform.average_color(up)[:3]) / 3
    close = pygame.transform.threshold(None, up, (0, 0, 0), (33, 33, 33), set_behavior=0)
    total = up.get_width() * up.get_height()
    return mean, (total - close) / total


@pytest.mark.parametrize("name", list(CASES))
def test_screen_matches_snapshot(name):
    screen, moves = CASES[name]
    shot = render(MINI, screen, moves, (1280, 720), "en")
    picture = shot.surface.copy()
    path = SNAPSHOTS / f"mini_{name}_en_1280x720.png"
    if UPDATE:
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        pygame.image.save(picture, str(path))
        return
    if not path.exists():
        pytest.fail(f"no stored snapshot {path.name}; produce it with "
                    f"BYSTANDER_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/ui")
    stored = pygame.image.load(str(path))
    assert stored.get_size() == picture.get_size()
    mean, share = difference(_rgb(picture), _rgb(stored))
    assert mean < MAX_MEAN_DIFFERENCE and share < MAX_SHARE_DIFFERENT, (
        f"{name} differs from {path.name}: mean {mean:.2f}, {share:.2%} of pixels; if the change "
        f"is intended, regenerate with BYSTANDER_UPDATE_SNAPSHOTS=1")


def _rgb(surface: pygame.Surface) -> pygame.Surface:
    out = pygame.Surface(surface.get_size(), depth=24)
    out.blit(surface, (0, 0))
    return out


def test_difference_measure():
    a = pygame.Surface((10, 10), depth=24)
    b = a.copy()
    assert difference(a, b) == (0.0, 0.0)
    b.fill((255, 255, 255), (0, 0, 10, 1))
    mean, share = difference(a, b)
    assert share == pytest.approx(0.1) and mean == pytest.approx(25.5, abs=0.5)
