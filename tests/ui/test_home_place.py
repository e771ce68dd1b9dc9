"""The place `home`: the victim's bedroom in the evening, drawn like the other rooms.

It renders at any size in every light, is a picture of its own, reads as evening whatever the
light (the lights are the victim's condition, not the time of day), and the cast stands on its
floor where the scene screen puts them, standing or in a wheelchair, in every posture.
"""

from __future__ import annotations

import itertools
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.core import vocab  # noqa: E402
from game.core.model import Look  # noqa: E402
from game.ui import art, stage  # noqa: E402
from game.ui.art import home  # noqa: E402
from game.ui.art.furniture import WALL_BASE  # noqa: E402
from game.ui.art.light import grade  # noqa: E402
from game.ui.screens.scene import FEET_LINE, FIGURE_HEIGHT, stand_xs  # noqa: E402

from uihelp import MINI  # noqa: E402


def test_home_is_a_place_with_its_labels():
    assert [vocab.label(vocab.PLACES["home"], lang) for lang in ("nl", "en")] == ["thuis", "at home"]
    assert [vocab.label(vocab.PLACES["office"], lang) for lang in ("nl", "en")] == [
        "spreekkamer", "office"]


@pytest.mark.parametrize("size", [(640, 360), (1024, 768), (1920, 1080), (2560, 1080),
                                  (800, 1280)])
def test_home_renders_at_every_size_in_every_light(size):
    for light in art.LIGHTS:
        surface = art.place_surface("home", light, size)
        assert surface.get_size() == size, light
        assert not surface.get_flags() & pygame.SRCALPHA, "backgrounds are opaque"


def _share_differing(a: pygame.Surface, b: pygame.Surface) -> float:
    """Share of pixels that differ by more than 24 in some channel."""
    diff = a.copy()
    diff.blit(b, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    other = b.copy()
    other.blit(a, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    diff.blit(other, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    close = pygame.transform.threshold(None, diff, (0, 0, 0), (25, 25, 25), set_behavior=0)
    return 1 - close / (a.get_width() * a.get_height())


@pytest.mark.parametrize("light", art.LIGHTS)
def test_home_differs_from_every_other_place(light):
    size = (480, 270)
    mine = art.place_surface("home", light, size).copy()
    for place in vocab.PLACES:
        if place != "home":
            share = _share_differing(mine, art.place_surface(place, light, size).copy())
            assert share > 0.4, (place, share)


def _mean(surface: pygame.Surface, x0: float, y0: float, x1: float, y1: float) -> float:
    """Mean brightness of a region given in the places' height units (see canvas.py)."""
    w, h = surface.get_size()
    rect = pygame.Rect(round(w / 2 + x0 * h), round(y0 * h), round((x1 - x0) * h),
                       round((y1 - y0) * h))
    return sum(pygame.transform.average_color(surface.subsurface(rect))[:3]) / 3


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
@pytest.mark.parametrize("light", art.LIGHTS)
def test_home_reads_as_evening_in_every_light(size, light):
    """Night in the window, darker than the wall; the lamp's light on the wall, lighter."""
    surface = art.place_surface("home", light, size)
    right = min(size[0] / 2 / size[1], 0.9) - 0.01
    lamp_x = right - 0.08
    wall = _mean(surface, -0.22, 0.3, -0.14, 0.42)
    window = _mean(surface, -0.58, 0.12, -0.47, 0.22)
    lamp_light = _mean(surface, lamp_x - 0.13, 0.4, lamp_x - 0.1, 0.44)
    assert window < wall * 0.6, (window, wall)
    assert lamp_light > wall * 1.1, (lamp_light, wall)


def _floor_colour(light: str) -> tuple[int, int, int]:
    return grade(light)(home.FLOOR)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 768)])
def test_the_cast_stands_on_the_floor_of_home(size):
    """Where the scene screen puts them (one to four, standing or in a wheelchair, in every
    posture), the lowest pixels of every figure are on the floor, below the back wall, and the
    floor under their feet is bare: no bed or desk stands there."""
    w, h = size
    looks = [Look(), Look(height=115), Look(wheelchair=True), Look(wheelchair=True, height=90)]
    for light in art.LIGHTS:
        background = art.place_surface("home", light, size)
        floor = _floor_colour(light)
        for n, look, posture in itertools.product(range(1, 5), looks, art.POSTURES):
            for cx in stand_xs(n, w, h):
                figure = art.character_surface(look, "neutral", int(h * FIGURE_HEIGHT),
                                               posture=posture)
                placed = figure.get_rect(midbottom=(cx, h * FEET_LINE))
                box = figure.get_bounding_rect().move(placed.topleft)
                assert WALL_BASE * h < box.bottom <= h, (n, look, posture)
                feet_row = box.bottom - 1
                for x in range(max(box.left, 0), min(box.right, w), 4):
                    assert background.get_at((x, feet_row))[:3] == floor, (
                        light, n, look.wheelchair, posture, x)


def test_the_scene_screen_draws_home_with_its_cast(tmp_path):
    """A scene at home on the real screen: the drawn place, not the stand-in, with the cast on
    it."""
    from game.ui.screenshot import render
    story = MINI.read_text(encoding="utf-8").replace("    place: hallway\n",
                                                     "    place: home\n", 1)
    path = tmp_path / "mini_home.yaml"
    path.write_text(story, encoding="utf-8")
    shot = render(path, "scene", [], (1280, 720), "en")
    assert shot.app.top.view.place == "home"
    picture = shot.surface
    background = stage.place("home", shot.app.top.view.condition.light, (1280, 720))
    for cx in stand_xs(2, 1280, 720):   # Sam and Rik, their chests over the room
        assert picture.get_at((int(cx), 420)) != background.get_at((int(cx), 420))
    # Far from the cast, the picture is the room itself.
    assert picture.get_at((20, 300)) == background.get_at((20, 300))
