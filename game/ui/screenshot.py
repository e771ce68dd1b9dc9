"""`bystander screenshot`: a picture of one screen, rendered headless by the game itself.

It drives the same App and screens a player does (no separate drawing path), with default
settings so that pictures do not depend on who runs it. The snapshot tests use it too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

SCREENS = ("title", "scene", "choice", "consequence", "ending", "settings", "pause")


class ScreenshotError(Exception):
    """The screen asked for cannot be reached with the choices given."""


@dataclass
class Shot:
    app: object
    surface: object


def render(scenario_path: Path, screen: str = "scene", choose: list[str] | None = None,
           size: tuple[int, int] = (1280, 720), lang: str = "en", high_contrast: bool = False,
           text_size: str = "normal"):
    """The App with `screen` drawn; `.surface` is the picture."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    import pygame

    from ..core.engine import ChoiceError
    from .app import App
    from .catalogue import Catalogue, entry_for, scan
    from .screens.pause import PauseScreen
    from .screens.settings import SettingsScreen
    from .settings import Settings

    if screen not in SCREENS:
        raise ScreenshotError(f"--screen must be one of {', '.join(SCREENS)}")
    entry, issues = entry_for(scenario_path)
    if entry is None:
        raise ScreenshotError("\n".join(str(i) for i in issues) or f"cannot load {scenario_path}")
    if lang not in entry.scenario.languages:
        raise ScreenshotError(f"'{lang}' is not a language of {entry.scenario.id}")
    catalogue = scan() if screen in ("title", "settings") else Catalogue([], 0)
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


def main(args) -> int:
    """Entry point of the `screenshot` subcommand."""
    import sys

    from ..cli import UsageError, resolve_scenario
    from .app import _parse_size
    path = resolve_scenario(args.scenario)
    moves = [m.strip() for m in (args.choose or "").split(",") if m.strip()]
    try:
        shot = render(path, args.screen, moves, _parse_size(args.size), args.lang,
                      args.high_contrast, args.text_size)
    except ScreenshotError as exc:
        raise UsageError(str(exc)) from None
    import pygame
    args.output.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(shot.surface, str(args.output))
    print(f"wrote {args.output}", file=sys.stdout)
    return 0
