"""What a screen says should happen next, without naming the screen that does it.

Screens do not construct each other: a screen hands the app an intent, a small named tuple
(`ShowConsequence(run, outcome, before)`; a tuple, not a frozen dataclass, because nine frozen
dataclasses cost the title screen's start-up 5 ms to define), and the app's table for the mode it is in (pupil, class
or event, see `routes.py`) says which screen that is. So the scene screen need not know that a
class talks about a consequence before the story goes on, or that an event screen uses touch-sized
variants; and no screen module imports another (an import-linter contract keeps it so).

`placement` says where the screen goes: in place of the screen on top, or over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Mapping, NamedTuple

if TYPE_CHECKING:
    from ..core.engine import Outcome, Run, SceneView

REPLACE, PUSH = "replace", "push"


class ShowScene(NamedTuple):
    """The scene the run is in: from its first beat, its choices or its last beat."""

    placement = REPLACE
    run: Run
    at_choices: bool = False
    at_last_beat: bool = False
    """Show the last beat, typed out, without going on to the choices (re-reading before a vote)."""


class ShowVote(NamedTuple):
    """The class votes on the choices of the scene the run is in."""

    placement = REPLACE
    run: Run
    earlier: Mapping[str, str] | None = None
    """Choice id: what to say of the road where it was taken before (a what-if)."""


class OpenBallot(NamedTuple):
    """Class mode: the decision of `run` put to the pupils' own devices, over the vote screen;
    `counted(counts)` hands the locked counts (by choice id) back to the vote."""

    placement = PUSH
    run: Run
    counted: Callable[[dict[str, int]], None]


class ShowConsequence(NamedTuple):
    """What a choice just did."""

    placement = REPLACE
    run: Run
    outcome: Outcome
    before: SceneView
    """The scene as it was when the choice was taken."""
    animate: bool = True
    """False: shown as it ends (coming back to it)."""


class ConsequenceSeen(NamedTuple):
    """The player has taken in a consequence: on with the story (a class talks first)."""

    placement = REPLACE
    run: Run
    outcome: Outcome
    before: SceneView


class ShowEnding(NamedTuple):
    """The ending the run has reached."""

    placement = REPLACE
    run: Run


class OpenCompare(NamedTuple):
    """Class mode: `road` (its `run`) beside another road, over the screen on top."""

    placement = PUSH
    road: int
    run: Run


class OpenSettings(NamedTuple):
    """The settings, over the screen on top; `back_to` is the menu they were opened from."""

    placement = PUSH
    back_to: Any = None


class AskQuit(NamedTuple):
    """Ask before closing the game, over `back_to`."""

    placement = PUSH
    back_to: Any


class TakeRoad(NamedTuple):
    """Class mode: go on with another road (`run`), showing what `then` asks for under the title."""

    placement = "road"
    run: Run
    then: ShowScene | ShowVote | ShowEnding
