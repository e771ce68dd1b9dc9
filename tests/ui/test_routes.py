"""Screens say what should happen next; each mode's table says which screen that is."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from game.ui import routes  # noqa: E402
from game.ui.intents import ConsequenceSeen, ShowConsequence, ShowScene  # noqa: E402
from game.ui.screens.consequence import TouchConsequenceScreen  # noqa: E402
from game.ui.screens.discussion import DiscussionScreen  # noqa: E402
from game.ui.screens.scene import SceneScreen, TouchSceneScreen  # noqa: E402
from game.ui.screens.title import TitleScreen  # noqa: E402

from kioskhelp import make_kiosk  # noqa: E402
from uihelp import make_app  # noqa: E402


def _walked_on(app) -> ConsequenceSeen:
    """What the Continue of the consequence of walking on says, in the app's run."""
    before = app.run.view()
    return ConsequenceSeen(app.run, app.run.choose("walk_on"), before)


def test_after_a_consequence_a_pupil_goes_on_and_a_class_talks_first(mini_entry):
    pupil = make_app([mini_entry])
    pupil.start_run(mini_entry)
    assert pupil.routes is routes.PUPIL
    pupil.go(_walked_on(pupil))
    assert type(pupil.top) is SceneScreen and pupil.top.view.scene_id == "later"

    klass = make_app([mini_entry])
    klass.begin_class(mini_entry)
    try:
        assert klass.routes is routes.CLASS
        klass.go(_walked_on(klass))
        assert type(klass.top) is DiscussionScreen
    finally:
        klass.leave_class()


def test_an_event_screen_shows_the_touch_variants(mini_entry, tmp_path):
    app = make_kiosk([mini_entry], tmp_path)
    app.start_run(mini_entry)
    assert app.routes is routes.EVENT and type(app.top) is TouchSceneScreen
    app.go(ShowConsequence(app.run, app.run.choose("walk_on"), app.top.view, animate=False))
    assert type(app.top) is TouchConsequenceScreen and app.top.progress >= 1.0
    app.top.go_on()
    assert type(app.top) is TouchSceneScreen


def test_placement_comes_with_the_intent(mini_entry):
    app = make_app([mini_entry])
    app.start_run(mini_entry)
    assert [type(s) for s in app.stack] == [TitleScreen, SceneScreen]
    app.go(ShowScene(app.run, at_choices=True))  # in place of the scene: the stack stays two deep
    assert len(app.stack) == 2 and app.top.phase == "choices"


@pytest.mark.parametrize("table", [routes.PUPIL, routes.CLASS, routes.EVENT])
def test_every_table_shows_the_story(table):
    assert {ShowScene, ShowConsequence, ConsequenceSeen} <= set(table)
