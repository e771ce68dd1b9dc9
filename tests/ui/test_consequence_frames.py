"""The consequence screen's animation is cheap all day (issue 20): it runs at its own frame rate,
a frame after another changes only what moves (the fading light, the meters' numbers and bars)
and tells the app which parts of the window it changed, and what it shows stays the picture a
whole frame shows."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.bench.story import road  # noqa: E402
from game.ui import screenshot  # noqa: E402
from game.ui.fade import FADE_STEP  # noqa: E402
from game.ui.screens.consequence import (FRAME_RATE, ConsequenceScreen,  # noqa: E402
                                         TouchConsequenceScreen)
from game.ui.screens.pause import PauseScreen  # noqa: E402

from kioskhelp import make_kiosk  # noqa: E402
from uihelp import ALL_SCENARIOS, ROOT, entry_of  # noqa: E402

ADRIAN = ROOT / "scenes" / "adrian.yaml"
ROUNDING = 4
"""Levels a frame that takes the fade on from the last one may be off the exact blend."""


pytestmark = pytest.mark.usefixtures("data_in_tmp")


def consequence(size=(1280, 720), path=ADRIAN, lang="en"):
    """The app on the consequence of a choice that changes the light, its animation at 0."""
    app = screenshot.render(path, "consequence", [road(path).fade_move], size, lang).app
    screen = app.top
    assert isinstance(screen, ConsequenceScreen)
    screen.elapsed = 0.0
    app.draw()
    return app, screen


def largest_difference(a: pygame.Surface, b: pygame.Surface) -> int:
    """The largest difference of one colour channel between two pictures of the same size."""
    up, down = a.copy(), b.copy()
    up.blit(b, (0, 0), special_flags=pygame.BLEND_SUB)
    down.blit(a, (0, 0), special_flags=pygame.BLEND_SUB)
    up.blit(down, (0, 0), special_flags=pygame.BLEND_MAX)
    every = up.get_width() * up.get_height()
    for level in range(256):
        if pygame.mask.from_threshold(up, (0, 0, 0), (level + 1,) * 3 + (255,)).count() == every:
            return level
    return 255


def whole_frame(app, screen) -> pygame.Surface:
    """The frame drawn whole at the screen's progress, as after the window lost its picture."""
    screen.frame_covered()
    app.draw()
    assert screen.changed is None
    return app.surface.copy()


def test_the_animation_runs_at_its_own_frame_rate_and_the_still_screen_idles():
    from game.ui.app import IDLE_FPS
    app, screen = consequence()
    assert FRAME_RATE == screen.frame_rate == 30
    app.step(1 / FRAME_RATE)
    assert app.animating and app._frame_rate() == FRAME_RATE
    app.run_frames(FRAME_RATE, 1 / FRAME_RATE)
    assert screen.progress == 1.0 and not app.animating
    assert app._frame_rate() == IDLE_FPS


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_frame_after_another_changes_only_what_it_says_and_looks_like_a_whole_one(size):
    """Frame by frame at 30 fps: every pixel that differs from the frame before lies in the
    parts the screen says it changed (the app presents only those), and the frame is within a
    few levels of the one drawn whole at the same moment (the fade is taken on from the last
    frame; a frame may also wait for the blend to move `FADE_STEP` levels)."""
    app, screen = consequence(size)
    frame = 0
    while screen.progress < 1.0:
        last = app.surface.copy()
        frame += 1
        screen.elapsed = frame / FRAME_RATE
        app.draw()
        if screen.progress >= 1.0:
            break
        assert screen.changed is not None, "a frame after another is drawn in parts"
        now = app.surface.copy()
        for rect in screen.changed:  # put back what the screen says it changed...
            last.blit(now, rect, rect)
        assert largest_difference(last, now) == 0, f"frame {frame} changed more than it says"
        if frame % 5 == 0:  # ...and the frame looks like a whole one
            patched = now
            assert largest_difference(patched, whole_frame(app, screen)) <= ROUNDING + FADE_STEP
    assert screen.changed is None and frame <= FRAME_RATE * 0.8 + 1


def test_the_last_frame_is_the_still_picture():
    app, screen = consequence((1920, 1080))
    app.run_frames(FRAME_RATE, 1 / FRAME_RATE)
    animated = pygame.image.tobytes(app.surface, "RGB")
    still = screenshot.render(ADRIAN, "consequence", [road(ADRIAN).fade_move], (1920, 1080)).app
    assert animated == pygame.image.tobytes(still.surface, "RGB")


@pytest.mark.parametrize("path", ALL_SCENARIOS, ids=lambda p: p.stem)
@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (1920, 1080)])
def test_the_fade_areas_hold_every_pixel_a_change_of_light_changes(path, size):
    """Outside the fade areas (the opaque panel, less its rounded corners) the picture is the
    same under every light, so the fade may leave it alone: drawn with and without the
    discussion prompts."""
    app, screen = consequence(size, path)
    for discussion in (False, True):
        screen.show_discussion = discussion
        pictures = []
        for light in ("normal", "dark", "warm"):
            surface = pygame.Surface(app.surface.get_size())
            screen._composer(light)(surface)
            for area in screen._fade_areas(surface.get_rect()):
                surface.fill((255, 0, 255), area)
            pictures.append(pygame.image.tobytes(surface, "RGB"))
        assert len(set(pictures)) == 1, f"{path.stem} at {size}: a light shows outside the fade"


def test_the_touch_screens_fade_areas_hold_every_pixel_a_change_of_light_changes(tmp_path):
    app = make_kiosk([entry_of(ADRIAN)], tmp_path, size=(1920, 1080), lang="en")
    app.start_run(app.config.entries[0])
    run = app.run
    while not run.view().choices:
        run.advance()
    choice = road(ADRIAN).fade_move
    before = run.view()
    screen = TouchConsequenceScreen(app, run, run.choose(choice), before)
    app.push(screen)
    pictures = []
    for light in ("normal", "dark"):
        surface = pygame.Surface(app.surface.get_size())
        screen._composer(light)(surface)
        for area in screen._fade_areas(surface.get_rect()):
            surface.fill((255, 0, 255), area)
        pictures.append(pygame.image.tobytes(surface, "RGB"))
    assert pictures[0] == pictures[1]


def test_a_menu_over_the_animation_draws_it_whole():
    """The pause menu draws the consequence under it and itself over it: the consequence must
    not take its last frame as still on the window, or the menu's shade would pile up."""
    app, screen = consequence()
    screen.elapsed = 0.2
    app.draw()
    app.pause()
    assert isinstance(app.top, PauseScreen)
    for moment in (0.25, 0.3):
        screen.elapsed = moment
        app.draw()
        assert screen.changed is None
    first = pygame.image.tobytes(app.surface, "RGB")
    app.draw()
    assert pygame.image.tobytes(app.surface, "RGB") == first


def test_a_window_that_lost_its_picture_gets_a_whole_frame():
    app, screen = consequence()
    app.step(1 / FRAME_RATE)
    assert screen.changed is not None
    pygame.event.post(pygame.event.Event(pygame.WINDOWEXPOSED))
    app.step(1 / FRAME_RATE)
    assert screen.changed is None
