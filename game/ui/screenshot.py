"""`bystander screenshot`: a picture of one screen, rendered headless by the game itself.

It drives the same App and screens a player does (no separate drawing path), with default
settings so that pictures do not depend on who runs it. The snapshot tests use it too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

SCREENS = ("title", "scene", "choice", "consequence", "ending", "settings", "pause")
CLASS_SCREENS = ("vote", "results", "discussion", "timeline", "compare", "debrief")
"""Class mode's screens; `results` is the vote once locked and revealed."""
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tga")
"""What pygame saves; any other name gets a PNG."""
SAMPLE_HANDS = (4, 9, 7, 3)
"""Hands per choice in class-mode pictures: fixed, so pictures do not change from run to run."""


class ScreenshotError(Exception):
    """The screen asked for cannot be reached with the choices given."""


@dataclass
class Shot:
    app: object
    surface: object


def render(scenario_path: Path, screen: str = "scene", choose: list[str] | None = None,
           size: tuple[int, int] = (1280, 720), lang: str = "en", high_contrast: bool = False,
           text_size: str = "normal", class_mode: bool = False):
    """The App with `screen` drawn; `.surface` is the picture."""
    if screen == "attract":  # event mode's attract loop, with sample counts (see kiosk.py)
        return render_attract(scenario_path, size, lang, high_contrast, text_size)
    if screen in CLASS_SCREENS or class_mode:
        return _render_class(scenario_path, screen, choose, size, lang, high_contrast, text_size)
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    import pygame

    from ..core.engine import ChoiceError
    from ..paths import STORIES_ENV, own_stories_dir
    from .app import App
    from .catalogue import Catalogue, entry_for, scan
    from .screens.pause import PauseScreen
    from .screens.settings import SettingsScreen
    from .settings import Settings

    if screen not in SCREENS:
        raise ScreenshotError(f"--screen must be one of {', '.join(SCREENS + CLASS_SCREENS)}")
    entry, issues = entry_for(scenario_path)
    if entry is None:
        raise ScreenshotError("\n".join(str(i) for i in issues) or f"cannot load {scenario_path}")
    if lang not in entry.scenario.languages:
        raise ScreenshotError(f"'{lang}' is not a language of {entry.scenario.id}")
    # The teacher's own stories only when a folder is named (--scenes, $BYSTANDER_SCENES): a
    # picture does not depend on who takes it.
    own = own_stories_dir() if os.environ.get(STORIES_ENV) else None
    catalogue = scan(own=own) if screen in ("title", "settings") else Catalogue([], 0)
    if catalogue.index_of(entry.path) is None:
        catalogue.entries.insert(0, entry)
    settings = Settings(lang=lang, high_contrast=high_contrast, text_size=text_size,
                        text_speed="instant")
    app = App(settings, catalogue, size=size, fullscreen=False, persist=False)
    if screen in ("title", "settings"):
        app.show_title(catalogue.index_of(entry.path))
        if screen == "settings":
            app.push(SettingsScreen(app))
    else:
        app.start_run(entry)
        moves = list(choose or [])
        try:
            for i, choice_id in enumerate(moves):
                scene = _follow_next(app)
                scene.choose(choice_id)
                if app.top is scene:
                    raise ScreenshotError(f"'{choice_id}' cannot be taken now")
                if i < len(moves) - 1 or screen != "consequence":
                    app.top.finish_animations()
                    app.top.go_on()
        except ChoiceError as exc:
            raise ScreenshotError(str(exc)) from None
        except StopIteration:
            raise ScreenshotError("a choice id is not in its scene") from None
        if screen == "consequence" and not moves:
            raise ScreenshotError("--screen consequence needs at least one --choose")
        if screen in ("choice", "ending"):
            scene = _follow_next(app)
            if screen == "choice" and not scene.view.choices:
                raise ScreenshotError(f"scene '{scene.view.scene_id}' has no choices")
            if screen == "ending":
                if scene.view.ending is None:
                    raise ScreenshotError("--screen ending needs --choose ids that lead to an "
                                          "ending")
                scene._to_end_of_scene()
                scene.advance()
            else:
                scene.show_choices()
        if screen == "pause":
            app.push(PauseScreen(app, app.top))
    app.top.finish_animations()
    app.draw()
    pygame.display.flip()
    return Shot(app, app.surface)


def _render_class(scenario_path: Path, screen: str, choose: list[str] | None,
                  size: tuple[int, int], lang: str, high_contrast: bool, text_size: str):
    """A class-mode picture: each --choose is voted on (the chosen choice with most hands) and
    talked about; the session's record goes to a temporary folder, never the teacher's."""
    import tempfile
    if screen not in CLASS_SCREENS + ("scene", "consequence", "ending"):
        raise ScreenshotError(f"in class mode --screen must be one of "
                              f"{', '.join(CLASS_SCREENS + ('scene', 'consequence', 'ending'))}")
    saved = os.environ.get("BYSTANDER_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="bystander-shot-") as folder:
        os.environ["BYSTANDER_DATA_DIR"] = folder
        try:
            return _class_shot(scenario_path, screen, list(choose or []), size, lang,
                               high_contrast, text_size)
        finally:
            if saved is None:
                os.environ.pop("BYSTANDER_DATA_DIR", None)
            else:
                os.environ["BYSTANDER_DATA_DIR"] = saved


def _class_shot(scenario_path, screen, moves, size, lang, high_contrast, text_size):
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    import pygame

    from ..core.engine import ChoiceError
    from .app import App
    from .catalogue import Catalogue, entry_for
    from .screens.consequence import ConsequenceScreen
    from .screens.discussion import DiscussionScreen
    from .screens.vote import VoteScreen
    from .settings import Settings

    entry, issues = entry_for(scenario_path)
    if entry is None:
        raise ScreenshotError("\n".join(str(i) for i in issues) or f"cannot load {scenario_path}")
    if lang not in entry.scenario.languages:
        raise ScreenshotError(f"'{lang}' is not a language of {entry.scenario.id}")
    settings = Settings(lang=lang, high_contrast=high_contrast, text_size=text_size,
                        text_speed="instant", reduced_motion=True)
    app = App(settings, Catalogue([entry], 0), size=size, fullscreen=False, persist=False)
    app.begin_class(entry)
    needs = {"discussion": 1, "timeline": 1, "consequence": 1}
    if len(moves) < needs.get(screen, 0):
        raise ScreenshotError(f"--screen {screen} needs at least one --choose")
    try:
        for i, choice_id in enumerate(moves):
            vote = _class_vote(app)
            index = next(c.index for c in vote.view.choices if c.id == choice_id)
            if not vote.view.choices[index].available:
                raise ScreenshotError(f"'{choice_id}' cannot be taken now")
            for c in vote.view.choices:
                if c.available:
                    vote.set_count(c.index, SAMPLE_HANDS[c.index] if c.index != index else 12)
            vote.lock()
            vote.select(index)
            vote.confirm()
            last = i == len(moves) - 1
            if last and screen == "consequence":
                break
            app.top.go_on()                  # consequence -> discussion
            if last and screen == "discussion":
                break
            app.top.go_on()                  # discussion -> the next scene
    except ChoiceError as exc:
        raise ScreenshotError(str(exc)) from None
    except StopIteration:
        raise ScreenshotError("a choice id is not in its scene") from None
    if screen in ("vote", "results"):
        vote = _class_vote(app)
        for c in vote.view.choices:
            if c.available:
                vote.set_count(c.index, SAMPLE_HANDS[c.index])
        vote.select(1 if vote.view.choices[1:2] and vote.view.choices[1].available else 0)
        if screen == "results":
            vote.lock()
    elif screen == "discussion":
        assert isinstance(app.top, DiscussionScreen)
        app.top.timer.toggle()
        app.top.timer.tick(65.0)             # a talk under way: 1:55 of 3:00 left
    elif screen == "timeline":
        app.open_timeline()
    elif screen == "compare":
        from .screens.compare import CompareScreen
        app.push(CompareScreen(app, app.classroom.road, app.run))
    elif screen in ("debrief", "ending"):
        scene = _follow_next(app)
        if scene.view.ending is None:
            raise ScreenshotError(f"--screen {screen} needs --choose ids that lead to an ending")
        scene._to_end_of_scene()
        scene.advance()
        if screen == "debrief":
            app.open_debrief()
    elif screen == "scene":
        _follow_next(app)
    if isinstance(app.top, ConsequenceScreen) or not isinstance(app.top, VoteScreen):
        app.top.finish_animations()
    app.draw()
    pygame.display.flip()
    return Shot(app, app.surface)


SAMPLE_COUNTS = (124, 80, 91)
"""Visitors started, finished and stepped in for pictures of the attract loop (73% stepped in)."""


def render_attract(scenario_path: Path, size: tuple[int, int] = (1280, 720), lang: str = "en",
                   high_contrast: bool = False, text_size: str = "normal", at: float = 2.0,
                   counts: tuple[int, int, int] | None = SAMPLE_COUNTS, extra: list[Path] = ()):
    """The App showing the attract loop `at` seconds into its cycle, with sample counts from a
    throwaway folder (never the event's own); `.surface` is the picture."""
    import json
    import os
    import tempfile
    from datetime import date

    import pygame

    from ..event.counter import EventCounter
    from .catalogue import Catalogue, entry_for
    from .i18n import LANGUAGES
    from .kiosk import KioskApp, KioskConfig
    from .settings import Settings
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    entries = []
    for path in [scenario_path, *extra]:
        entry, issues = entry_for(path)
        if entry is None:
            raise ScreenshotError("\n".join(str(i) for i in issues) or f"cannot load {path}")
        entries.append(entry)
    if lang not in entries[0].scenario.languages:
        raise ScreenshotError(f"'{lang}' is not a language of {entries[0].scenario.id}")
    settings = Settings(lang=lang, high_contrast=high_contrast, text_size=text_size,
                        text_speed="instant")
    config = KioskConfig(tuple(entries), lang, (lang,) + tuple(x for x in LANGUAGES if x != lang))
    day = date(2026, 5, 12)
    with tempfile.TemporaryDirectory(prefix="bystander-attract-") as folder:
        counter = EventCounter(Path(folder), today=lambda: day)
        if counts is not None:
            started, finished, stepped_in = counts
            counter.path_for(day).write_text(json.dumps({
                "format": "bystander-event-day", "version": 1, "date": day.isoformat(),
                "visitors_started": started, "visitors_finished": finished,
                "visitors_stepped_in": stepped_in}), encoding="utf-8")
        counter.counts()  # read now: the folder goes when the picture is taken
        app = KioskApp(settings, Catalogue(list(entries), 0), config, counter=counter,
                       clock=lambda: 0.0, size=size, fullscreen=False)
    app.top.seek(at)
    app.draw()
    pygame.display.flip()
    return Shot(app, app.surface)


def _class_vote(app):
    """The vote at the next decision, after the scenes on the way."""
    from .screens.vote import VoteScreen
    if isinstance(app.top, VoteScreen):
        return app.top
    scene = _follow_next(app)
    scene._to_end_of_scene()
    if not isinstance(app.top, VoteScreen):
        raise ScreenshotError(f"scene '{scene.view.scene_id}' has no choices")
    return app.top


def _follow_next(app):
    """The scene screen at the end of its beats, after following any `next` scenes."""
    from .screens.scene import SceneScreen
    scene = app.top
    if not isinstance(scene, SceneScreen):
        raise ScreenshotError("the story has ended; no more choices can be made")
    while scene.view.can_advance and not scene.view.choices:
        scene._to_end_of_scene()
        scene.advance()
    return scene


def picture(scenario_path: Path, screen: str = "scene", choose: list[str] | None = None,
            size: tuple[int, int] = (1280, 720), lang: str = "en", high_contrast: bool = False,
            text_size: str = "normal", class_mode: bool = False, suffix: str = ".png") -> bytes:
    """`bystander screenshot`: the bytes of the picture of `screen`, in the format `suffix` names
    (a PNG for any pygame cannot save). Writing them is the command line's."""
    import io

    import pygame
    shot = render(scenario_path, screen, choose, size, lang, high_contrast, text_size, class_mode)
    data = io.BytesIO()
    suffix = suffix.lower()
    pygame.image.save(shot.surface, data, suffix if suffix in IMAGE_SUFFIXES else ".png")
    return data.getvalue()
