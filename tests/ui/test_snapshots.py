"""Ten screens of mini.yaml compared with stored pictures, rendered by the screenshot code: the
pupil's title, scene, choice, consequence and ending, class mode's results, discussion, comparison
and debrief, and event mode's attract loop; each in Dutch and English, at 1280x720 and 1920x1080.

Why both languages and both sizes: Dutch words are longer and wrap into other lines than English,
and 1080p rounds fonts and layout units differently from 720p; a change that moves a button or a
line in only one of them is still caught. Each picture is rendered once per run.

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
    "class_vote": ("results", ["walk_on"]),
    "class_discussion": ("discussion", ["stand_by_sam"]),
    "class_compare": ("compare", ["stand_by_sam", "check_in"]),
    "class_debrief": ("debrief", ["stand_by_sam", "check_in"]),
    "attract": ("attract", []),
}
"""Picture name: (the screenshot's screen, the choices made on the way there)."""
LANGS = ("en", "nl")
SIZES = ((1280, 720), (1920, 1080))


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


def snapshot_path(name: str, lang: str, size: tuple[int, int]) -> Path:
    return SNAPSHOTS / f"mini_{name}_{lang}_{size[0]}x{size[1]}.png"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(CASES))
def test_screen_matches_snapshot(name, lang, size):
    screen, moves = CASES[name]
    shot = render(MINI, screen, moves, size, lang)
    picture = shot.surface.copy()
    path = snapshot_path(name, lang, size)
    if UPDATE:
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        pygame.image.save(picture, str(path))
        return
    if not path.exists():
        pytest.fail(f"no stored snapshot {path.name}; produce it with "
                    f"BYSTANDER_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest "
                    f"tests/ui/test_snapshots.py")
    stored = pygame.image.load(str(path))
    assert stored.get_size() == picture.get_size()
    mean, share = difference(_rgb(picture), _rgb(stored))
    assert mean < MAX_MEAN_DIFFERENCE and share < MAX_SHARE_DIFFERENT, (
        f"{name} differs from {path.name}: mean {mean:.2f}, {share:.2%} of pixels; if the change "
        f"is intended, regenerate with BYSTANDER_UPDATE_SNAPSHOTS=1")


def test_every_stored_snapshot_is_a_case():
    """No stored picture is left over from a case that is gone (it would never be compared)."""
    expected = {snapshot_path(name, lang, size).name
                for name in CASES for lang in LANGS for size in SIZES}
    assert {p.name for p in SNAPSHOTS.glob("*.png")} == expected


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
