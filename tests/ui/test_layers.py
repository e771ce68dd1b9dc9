"""Static layers (game/ui/layers.py) never show a stale picture.

Screens compose what does not move onto a layer once and blit it on every frame after. A screen
that leaves something out of its layer's key would go on showing the old picture, so here every
screen is driven through the inputs that change it (keys, the mouse, a resize, every setting, the
language, the animations) and after each one its frame, as the game draws it, must be exactly the
frame drawn with every layer composed afresh.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.bench.story import road  # noqa: E402
from game.ui import layers  # noqa: E402
from game.ui.screens.consequence import ConsequenceScreen  # noqa: E402
from game.ui.screens.ending import EndingScreen  # noqa: E402
from game.ui.screens.scene import SceneScreen  # noqa: E402
from game.ui.screens.vote import VoteScreen  # noqa: E402

from uihelp import ROOT, entry_of, key, make_app, press  # noqa: E402

ADRIAN = ROOT / "scenes" / "adrian.yaml"


@pytest.fixture(autouse=True)
def records_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("BYSTANDER_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="module")
def adrian():
    return entry_of(ADRIAN)


def picture(app) -> bytes:
    app.draw()
    return pygame.image.tobytes(app.surface, "RGB")


def assert_fresh(app, step: str) -> None:
    """The frame from the layers is the frame composed afresh, and the layers keep to budget.
    Both are drawn whole: frames that change only what moves are compared with whole ones in
    test_consequence_frames.py."""
    app.top.frame_covered()
    kept = picture(app)
    layers.release_all()
    app.top.frame_covered()
    assert kept == picture(app), f"{type(app.top).__name__} shows a stale layer after: {step}"
    assert len(layers._holders) <= layers.MAX_LAYERS


def hover(app, pos) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    app.run_frames(1)


def settings_and_size(app, label: str) -> None:
    """What changes every screen: each setting, the language and the window size."""
    steps = [("high contrast", lambda: change(app, high_contrast=True)),
             ("larger text", lambda: change(app, text_size="xlarge")),
             ("language", lambda: press(app, pygame.K_l)),
             ("resize", lambda: app.resize((1024, 768))),
             ("settings back", lambda: change(app, high_contrast=False, text_size="normal")),
             ("language back", lambda: press(app, pygame.K_l)),
             ("resize back", lambda: app.resize((1280, 720)))]
    for name, action in steps:
        action()
        assert_fresh(app, f"{label}: {name}")


def change(app, **values) -> None:
    for name, value in values.items():
        setattr(app.settings, name, value)
    app.settings_changed()


def test_the_story_screens_never_show_a_stale_layer(adrian):
    app = make_app([adrian], text_speed="slow")
    app.show_title()
    assert_fresh(app, "the title")
    for k in (pygame.K_DOWN, pygame.K_UP, pygame.K_TAB):
        press(app, k)
        assert_fresh(app, f"title key {pygame.key.name(k)}")
    settings_and_size(app, "title")
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, SceneScreen)
    for i in range(4):  # the typewriter, then the next beat
        app.run_frames(7)
        assert_fresh(app, f"typing {i}")
    press(app, pygame.K_SPACE)
    press(app, pygame.K_SPACE)
    assert_fresh(app, "next beat")
    press(app, pygame.K_BACKSPACE)
    assert_fresh(app, "back a beat")
    settings_and_size(app, "scene")
    scene = app.top
    scene._to_end_of_scene()
    assert scene.phase == "choices"
    assert_fresh(app, "the choices")
    hover(app, scene.choice_focus.buttons[1].rect.center)
    press(app, pygame.K_TAB)
    assert_fresh(app, "choice focus")
    settings_and_size(app, "choices")
    scene.choose(road(ADRIAN).fade_move)  # a choice that changes the light
    cons = app.top
    assert isinstance(cons, ConsequenceScreen)
    for i in range(3):  # the light fading and the meters moving
        app.run_frames(8)
        assert 0 < cons.progress < 1
        assert_fresh(app, f"consequence animation {i}")
    press(app, pygame.K_t)
    assert_fresh(app, "consequence animation, discussion")
    settings_and_size(app, "consequence animating")
    app.run_frames(60)
    assert cons.progress == 1.0
    assert_fresh(app, "consequence at rest")
    for k in (pygame.K_t, pygame.K_TAB):
        press(app, k)
        assert_fresh(app, f"consequence key {pygame.key.name(k)}")
    while not isinstance(app.top, EndingScreen):
        top = app.top
        if isinstance(top, SceneScreen) and top.phase == "choices":
            press(app, pygame.K_1 + next(c.index for c in top.view.choices if c.available))
        else:
            press(app, pygame.K_SPACE)
    assert_fresh(app, "the ending")
    for k in (pygame.K_2, pygame.K_TAB, pygame.K_1):
        press(app, k)
        assert_fresh(app, f"ending key {pygame.key.name(k)}")
    settings_and_size(app, "ending")


def test_the_class_vote_never_shows_a_stale_layer(adrian):
    app = make_app([adrian])
    app.begin_class(adrian)
    for _ in range(60):
        if isinstance(app.top, VoteScreen):
            break
        press(app, pygame.K_SPACE, frames=1)
    vote = app.top
    assert isinstance(vote, VoteScreen)
    assert_fresh(app, "the vote")
    for k in (pygame.K_7, pygame.K_b, pygame.K_3, pygame.K_PLUS, pygame.K_BACKSPACE,
              pygame.K_DOWN, pygame.K_TAB, pygame.K_RETURN, pygame.K_c, pygame.K_u):
        press(app, k)
        assert_fresh(app, f"vote key {pygame.key.name(k)}")
    settings_and_size(app, "vote")
    press(app, pygame.K_RETURN)
    assert vote.phase == "revealed"
    settings_and_size(app, "results")


def test_the_vote_says_which_closed_letter_was_pressed(adrian):
    """Two letters of choices that cannot be taken, one after the other: nothing is selected
    either time, and the status line names the second."""
    from dataclasses import replace
    app = make_app([adrian])
    app.begin_class(adrian)
    for _ in range(60):
        if isinstance(app.top, VoteScreen):
            break
        press(app, pygame.K_SPACE, frames=1)
    vote = app.top
    vote.view = replace(vote.view, choices=tuple(replace(c, available=False, reason="no")
                                                 for c in vote.view.choices))
    for k in (pygame.K_a, pygame.K_b):
        press(app, k)
        assert vote.selected is None
        assert_fresh(app, f"vote key {pygame.key.name(k)} on a closed choice")


def test_layers_are_shared_within_their_budget():
    """However many screens draw, at most MAX_LAYERS window-sized surfaces are kept; a layer
    whose surface was taken composes again when it is drawn."""
    pygame.display.init()
    target = pygame.display.set_mode((320, 240))
    layers.release_all()
    made = []
    owners = [layers.Layer() for _ in range(layers.MAX_LAYERS + 2)]
    for i, layer in enumerate(owners):
        layer.draw(target, "key", lambda s, i=i: (s.fill((i, i, i)), made.append(i)))
    assert made == list(range(len(owners)))
    assert sum(layer.surface is not None for layer in owners) == layers.MAX_LAYERS
    owners[-1].draw(target, "key", lambda s: made.append("again"))
    assert made[-1] == len(owners) - 1, "a layer with its key is not composed again"
    owners[0].draw(target, "key", lambda s: (s.fill((9, 9, 9)), made.append("again")))
    assert made[-1] == "again" and target.get_at((0, 0))[:3] == (9, 9, 9)
    owners[0].draw(target, "other key", lambda s: (s.fill((7, 7, 7)), made.append("other")))
    assert made[-1] == "other" and target.get_at((0, 0))[:3] == (7, 7, 7)
    layers.release_all()
    assert not layers._holders


def test_meters_stay_under_a_discussion_pane_opened_over_them():
    """On 4:3 the prompts open over the panel's meters (there is no room beside it): opened
    while the meters still move, the pane hides them, rather than the moving bars being drawn
    over the layer on top of the prompts."""
    from game.ui import screenshot
    shot = screenshot.render(ADRIAN, "consequence", ["walk_with_adrian"], (1280, 960), "en")
    app, screen = shot.app, shot.app.top
    screen.show_discussion = True
    screen.elapsed = 0.2
    moving = picture(app)
    assert screen.progress < 1.0
    screen.finish_animations()
    still = picture(app)
    panel = screen.layout().panel.still
    assert panel.w > 0
    crop = [pygame.image.frombytes(raw, app.surface.get_size(), "RGB").subsurface(panel)
            for raw in (moving, still)]
    assert pygame.image.tobytes(crop[0], "RGB") == pygame.image.tobytes(crop[1], "RGB")
