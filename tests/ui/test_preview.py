"""The live preview, `bystander play FILE --watch` (issue 17), headless: the file is written, and
the next frames show the change at the same scene; a broken save shows its problems with their
lines quoted, and the fix returns to where the story stood."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from game.ui.screens.preview import BrokenStoryScreen  # noqa: E402
from game.ui.screens.scene import SceneScreen  # noqa: E402
from game.ui.watch import POLL, Preview  # noqa: E402

from uihelp import MINI, make_app  # noqa: E402

LATER = "      - text: {nl: Na de les., en: After class.}"


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "kantine.yaml"
    path.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _preview(path, size=(1280, 720), lang="nl"):
    app = make_app([], size=size, lang=lang)
    clock = Clock()
    app.preview = Preview(path, clock=clock)
    app.follow_preview()
    app.run_frames(2)
    return app, clock


def _save(path, clock, old: str, new: str, app, frames: int = 2) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(os.stat(path).st_mtime_ns + 10**9,) * 2)  # a save within one tick too
    clock.now += POLL
    drawn = app.frames_drawn
    app.run_frames(frames)
    assert app.frames_drawn > drawn


def _beats(app) -> list[str]:
    return [b.text for b in app.top.view.beats]


def test_a_save_shows_at_the_same_scene_and_beat(story):
    app, clock = _preview(story)
    assert isinstance(app.top, SceneScreen) and app.run.state.scene == "hallway"
    app.run.choose("stand_by_sam")
    app.follow_preview()  # as the game would show the scene after the choice
    assert app.run.state.scene == "later"
    app.top.show_beat(1)
    _save(story, clock, LATER, "      - text: {nl: Na de les regent het., en: After class it rains.}",
          app)
    assert isinstance(app.top, SceneScreen) and app.run.state.scene == "later"
    assert "Na de les regent het." in _beats(app) and app.top.beat == 1
    assert app.run.moves() == ("stand_by_sam",)  # the road is kept: meters and roles too


def test_a_broken_save_shows_its_problems_and_the_fix_returns(story):
    app, clock = _preview(story, size=(1920, 1080))
    app.run.choose("stand_by_sam")
    app.follow_preview()
    _save(story, clock, "{nl: Ik zeg niets., en: I say nothing.}",
          "{nl: Ik zeg niets, want het is niet mijn tafel., en: I say nothing.}", app)
    screen = app.top
    assert isinstance(screen, BrokenStoryScreen) and screen.overflows() == []
    panel = screen.layout().panels[0]
    assert "comma" in panel.parts[1].text and "Ik zeg niets, want" in panel.quote.text
    assert "kantine.yaml" in screen.layout().heading.text
    _save(story, clock, "{nl: Ik zeg niets, want het is niet mijn tafel., en: I say nothing.}",
          '{nl: "Ik zeg niets, want het is niet mijn tafel.", en: I say nothing.}', app)
    assert isinstance(app.top, SceneScreen) and app.run.state.scene == "later"


def test_a_renamed_scene_is_found_by_the_road(story):
    app, clock = _preview(story)
    app.run.choose("stand_by_sam")
    app.follow_preview()
    text = story.read_text(encoding="utf-8")
    # "later" renamed while the gotos still name it: broken, and the screen says so
    _save(story, clock, "  later:", "  after_class:", app)
    assert isinstance(app.top, BrokenStoryScreen)
    story.write_text(text.replace("  later:", "  after_class:").replace("goto: later",
                                                                        "goto: after_class"),
                     encoding="utf-8")
    clock.now += POLL
    app.run_frames(2)
    assert isinstance(app.top, SceneScreen) and app.run.state.scene == "after_class"


def test_a_file_broken_from_the_start_shows_its_problems_then_the_story(story):
    good = story.read_text(encoding="utf-8")
    story.write_text("id: kantine\ntitle: [\n", encoding="utf-8")
    app, clock = _preview(story, lang="en")
    assert isinstance(app.top, BrokenStoryScreen) and app.top.overflows() == []
    story.write_text(good, encoding="utf-8")
    os.utime(story, ns=(os.stat(story).st_mtime_ns + 10**9,) * 2)
    clock.now += POLL
    app.run_frames(2)
    assert isinstance(app.top, SceneScreen) and app.run.state.scene == "hallway"


def test_the_file_is_looked_at_no_more_than_every_poll_and_a_missing_moment_is_no_change(story):
    clock = Clock()
    preview = Preview(story, clock=clock)
    os.utime(story, ns=(1, 1))
    assert not preview.changed()  # too soon
    clock.now += POLL
    assert preview.changed() and not preview.changed()
    moved = story.with_suffix(".tmp")
    story.rename(moved)
    clock.now += POLL
    assert not preview.changed()  # between the two steps of a save by renaming
    moved.rename(story)
    clock.now += POLL
    assert not preview.changed()  # the same file back


def test_watch_needs_one_story_file(capsys):
    from game.cli import main
    assert main(["play", "--watch"]) == 2
    assert main(["play", "--watch", "--class", str(MINI)]) == 2
    assert "--watch" in capsys.readouterr().err
