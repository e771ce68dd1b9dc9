"""Who is a player at the event screen, and when one player ends and the next begins.

The figure on the attract loop ("Today 26 people played, 35% of them stepped in") must be true at
an anti-bullying event, where a low figure driven by stray taps sends the wrong message. So:

- A visitor counts as a *player* once they have made a first choice (or, should a story have
  none, seen an ending): a tap on the attract loop, or a look at the first scene and a walk away,
  is not a player.
- *Stepped in* counts once per player, the first time one of their choices has an active stance
  (`vocab.ACTIVE_STANCES`), even if they go back on it, play again or walk away.
- *Finished* counts once per player, when an ending is on screen.
- A player who stops mid-story (the menu's Stop) and touches the screen again within
  `GRACE_SECONDS` is the same player (most do it to start over, in the other language or with a
  friend watching). After an ending's Done, a Stop at an ending, an idle reset, or once the grace
  time is over, the next touch is a new visitor.

The share shown on the loop is stepped in / players. Nothing here remembers more than the three
flags the counter needs, and only while the visit lasts: when it ends (or its grace time does), the
visitor is forgotten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .counter import EventCounter

GRACE_SECONDS = 30.0
"""How long a player who pressed Stop mid-story stays the same player. Long enough to switch the
language and start again, or to call a friend over to watch from the start; short enough that the
next visitor in a queue is rarely taken for them (and if so, the pair counts as one player: a
figure a little low, never one inflated by stops and restarts). Also how long the kiosk holds the
flags of someone who has stopped: after it, nothing of them is left."""


@dataclass
class Visitor:
    """The person at the screen now: only what the counter needs, and only until they go."""

    played: bool = False
    """Counted as a player: they made a first choice."""
    stepped_in: bool = False
    finished: bool = False
    stopped_at: float | None = None
    """When they pressed Stop mid-story (the kiosk's monotonic clock), while their grace time
    runs; None while they play."""


class Visits:
    """The visitor at the event screen, counted by the rules of the module docstring.

    The kiosk tells it what happens (`arrive`, `saw`, `stop`, `leave`) and lets time pass
    (`expire`); `clock` is the kiosk's monotonic clock, so tests run a day without sleeping.
    """

    def __init__(self, counter: EventCounter, clock: Callable[[], float]):
        self.counter = counter
        self.now = clock
        self.visitor: Visitor | None = None

    def arrive(self) -> Visitor:
        """A touch that leaves the attract loop for a story: the player who stopped within the
        grace time goes on, anyone else is a new visitor (not yet a player)."""
        self.expire()
        if self.visitor is None:
            self.visitor = Visitor()
        self.visitor.stopped_at = None
        return self.visitor

    def saw(self, *, chosen: bool, stepped_in: bool, ending: bool) -> None:
        """What the visitor's run shows now: a choice made, one that stepped in, an ending on
        screen. Each counts the first time it is seen for this visitor."""
        v = self.visitor
        if v is None:
            return
        if (chosen or stepped_in or ending) and not v.played:
            v.played = True  # first: the counter never has more stepping in than players
            self.counter.visitor_started()
        if stepped_in and not v.stepped_in:
            v.stepped_in = True
            self.counter.visitor_stepped_in()
        if ending and not v.finished:
            v.finished = True
            self.counter.visitor_finished()

    def stop(self) -> None:
        """The menu's Stop mid-story: the visitor is kept for `GRACE_SECONDS`, then forgotten."""
        if self.visitor is not None:
            self.visitor.stopped_at = self.now()

    def leave(self) -> None:
        """The visit is over (Done, Stop at an ending, idle reset): the next touch is someone
        new, and nothing of this visitor is kept."""
        self.visitor = None

    def expire(self) -> None:
        """Forget a stopped visitor once their grace time is over."""
        v = self.visitor
        if v is not None and v.stopped_at is not None and (
                self.now() - v.stopped_at >= GRACE_SECONDS):
            self.visitor = None

    @property
    def stopped(self) -> bool:
        """Whether the visitor is kept only for their grace time (nobody plays)."""
        return self.visitor is not None and self.visitor.stopped_at is not None
