"""What a screen says should happen next, without naming the screen that does it.

Screens do not construct each other: a screen hands the app an intent, a small frozen dataclass
(`ShowConsequence(run, outcome, before)`), and the app's table for the mode it is in (pupil, class
or event, see `routes.py`) says which screen that is. So the scene screen need not know that a
class talks about a consequence before the story goes on, or that an event screen uses touch-sized
variants; and no screen module imports another (an import-linter contract keeps it so).

`placement` says where the screen goes: in place of the screen on top, or over it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Mapping

if TYPE_CHECKING:
    from ..core.engine import Outcome, Run, SceneView

REPLACE, PUSH = "replace", "push"


@dataclass(frozen=True)
class ShowScene:
    """The scene the run is in: from its first beat, its choices or its last beat."""

    placement: ClassVar[str] = REPLACE
    run: Run
    at_choices: bool = False
    at_last_beat: bool = False
    """Show the last beat, typed out, without going on to the choices (re-reading before a vote)."""


@dataclass(frozen=True)
class ShowVote:
    """The class votes on the choices of the scene the run is in."""

    placement: ClassVar[str] = REPLACE
    run: Run
    earlier: Mapping[str, str] | None = None
    """Choice id: what to say of the road where it was taken before (a what-if)."""


@dataclass(frozen=True)
class ShowConsequence:
    """What a choice just did."""

    placement: ClassVar[str] = REPLACE
    run: Run
    outcome: Outcome
    before: SceneView
    """The scene as it was when the choice was taken."""
    animate: bool = True
    """False: shown as it ends (coming back to it)."""


@dataclass(frozen=True)
class ConsequenceSeen:
    """The player has taken in a consequence: on with the story (a class talks first)."""

    placement: ClassVar[str] = REPLACE
    run: Run
    outcome: Outcome
    before: SceneView


@dataclass(frozen=True)
class ShowEnding:
    """The ending the run has reached."""

    placement: ClassVar[str] = REPLACE
    run: Run


@dataclass(frozen=True)
class OpenCompare:
    """Class mode: `road` (its `run`) beside another road, over the screen on top."""

    placement: ClassVar[str] = PUSH
    road: int
    run: Run


@dataclass(frozen=True)
class OpenSettings:
    """The settings, over the screen on top; `back_to` is the menu they were opened from."""

    placement: ClassVar[str] = PUSH
    back_to: Any = None


@dataclass(frozen=True)
class AskQuit:
    """Ask before closing the game, over `back_to`."""

    placement: ClassVar[str] = PUSH
    back_to: Any


@dataclass(frozen=True)
class TakeRoad:
    """Class mode: go on with another road (`run`), showing what `then` asks for under the title."""

    placement: ClassVar[str] = "road"
    run: Run
    then: ShowScene | ShowVote | ShowEnding
