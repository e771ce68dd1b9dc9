"""Which screen an intent means: one table per mode (pupil, class, event).

A screen says what should happen next (`intents.py`); the app looks the intent up in the table of
the mode it is in and places the screen the table makes. The modes differ here and only here in
where the story goes: a class talks about each consequence before the story goes on and votes at
each decision; an event screen shows the touch-sized variants of the story screens.

Each entry imports its screen when first used: the title screen comes up before any story screen
is imported (start-up time).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable

from .intents import (AskQuit, ConsequenceSeen, OpenBallot, OpenCompare, OpenSettings,
                      ShowConsequence, ShowEnding, ShowScene, ShowVote)

if TYPE_CHECKING:
    from .app import App
    from .screens.base import Screen

Table = dict[type, Callable[["App", object], "Screen"]]


def _scene(app, i: ShowScene | ConsequenceSeen, touch: bool = False):
    from .screens.scene import SceneScreen, TouchSceneScreen
    if isinstance(i, ConsequenceSeen):  # on with the story: the scene the choice led to
        i = ShowScene(i.run)
    return (TouchSceneScreen if touch else SceneScreen)(app, i.run, at_choices=i.at_choices,
                                                        at_last_beat=i.at_last_beat)


def _consequence(app, i: ShowConsequence, touch: bool = False):
    from .screens.consequence import ConsequenceScreen, TouchConsequenceScreen
    screen = (TouchConsequenceScreen if touch else ConsequenceScreen)(app, i.run, i.outcome,
                                                                      i.before)
    if not i.animate:
        screen.finish_animations()
    return screen


def _ending(app, i: ShowEnding, touch: bool = False):
    from .screens.ending import EndingScreen, TouchEndingScreen
    return (TouchEndingScreen if touch else EndingScreen)(app, i.run)


def _settings(app, i: OpenSettings):
    from .screens.settings import SettingsScreen
    return SettingsScreen(app, back_to=i.back_to)


def _ask_quit(app, i: AskQuit):
    from .screens.pause import QuitScreen
    return QuitScreen(app, i.back_to)


def _vote(app, i: ShowVote):
    from .screens.vote import VoteScreen
    return VoteScreen(app, i.run, dict(i.earlier) if i.earlier is not None else None)


def _discussion(app, i: ConsequenceSeen):
    from .screens.discussion import DiscussionScreen
    return DiscussionScreen(app, i.run, i.outcome, i.before)


def _compare(app, i: OpenCompare):
    from .screens.compare import CompareScreen
    return CompareScreen(app, i.road, i.run)


def _ballot(app, i: OpenBallot):
    from .screens.room import RoomScreen
    return RoomScreen(app, i.run, i.counted)


def _touch(make):
    """The touch-sized variant of what `make` shows."""
    return partial(make, touch=True)


PUPIL: Table = {
    ShowScene: _scene,
    ShowConsequence: _consequence,
    ConsequenceSeen: _scene,
    ShowEnding: _ending,
    OpenSettings: _settings,
    AskQuit: _ask_quit,
}
"""One player at a keyboard: the story, its consequences and its ending."""

CLASS: Table = {
    **PUPIL,
    ShowVote: _vote,
    ConsequenceSeen: _discussion,  # the class talks about it before the story goes on
    OpenCompare: _compare,
    OpenBallot: _ballot,
}
"""A class at the projector: votes, a discussion after each consequence, roads compared."""

EVENT: Table = {
    ShowScene: _touch(_scene),
    ShowConsequence: _touch(_consequence),
    ConsequenceSeen: _touch(_scene),
    ShowEnding: _touch(_ending),
}
"""Visitors at a touch screen: the story screens' touch-sized variants, nothing else (no
settings, no quitting: see kiosk.py)."""
