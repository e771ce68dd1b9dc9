"""Helpers for driving the game headless: an App on the dummy video driver, key presses and
clicks posted as events, runs placed at any scene of a scenario."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.core import engine  # noqa: E402
from game.core.loader import load  # noqa: E402
from game.ui.catalogue import Catalogue, Entry  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "mini.yaml"
SHIPPED = sorted((ROOT / "scenes").glob("*.yaml"))
ALL_SCENARIOS = SHIPPED + [MINI]


def entry_of(path) -> Entry:
    loaded = load(path)
    assert loaded.ok, [str(i) for i in loaded.issues]
    return Entry(path, loaded.scenario, loaded.content_hash)


def make_app(entries=(), size=(1280, 720), lang="en", persist=False, **settings):
    from game.ui.app import App
    from game.ui.settings import Settings
    s = Settings(lang=lang, text_speed=settings.pop("text_speed", "instant"), **settings)
    return App(s, Catalogue(list(entries), 0), size=size, fullscreen=False, persist=persist)


def key(k: int, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="",
                                         scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0))


def click(pos) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))


def press(app, *keys: int, frames: int = 2) -> None:
    """Press keys one after another, letting the app step after each."""
    for k in keys:
        key(k)
        app.run_frames(frames)


def all_out_of_reach(choices, scene, lang: str) -> tuple:
    """A view's choices, every one out of reach with its reason under it: the worst case for the
    layout of a decision."""
    from dataclasses import replace
    return tuple(replace(c, available=False, reason=c.reason or (
        scene.choices[c.index].unavailable.get_text(lang)
        if scene.choices[c.index].unavailable else engine.unavailable_reason(lang)))
        for c in choices)


def run_at(scenario, scene_id: str, lang: str) -> engine.Run:
    """A run standing in `scene_id`, as if it had got there (for checking every scene's layout)."""
    run = engine.start(scenario, lang)
    run.state.scene = scene_id
    return run
