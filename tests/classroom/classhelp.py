"""Helpers for the classroom tests and for print_guide.py: scenarios, and sessions played by rule."""

from __future__ import annotations

import random
import time
from html.parser import HTMLParser
from pathlib import Path

from game.classroom.records import SessionLog, resume
from game.core import engine
from game.core.loader import load
from game.core.model import Scenario

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
MINI = DATA / "mini.yaml"
ADRIAN = ROOT / "scenes" / "adrian.yaml"
SHIPPED = sorted((ROOT / "scenes").glob("*.yaml"))

# Monday 30 November 2026, 09:17:43 local time: the record keeps "09:15".
MONDAY = time.mktime((2026, 11, 30, 9, 17, 43, 0, 0, -1))


def load_ok(path: Path) -> tuple[Scenario, str]:
    loaded = load(path)
    assert loaded.ok, [str(i) for i in loaded.issues]
    assert loaded.scenario is not None
    return loaded.scenario, loaded.content_hash


def to_choice(run: engine.Run) -> engine.SceneView:
    """Follow `next` scenes until there is something to choose (or an ending)."""
    view = run.view()
    while view.can_advance:
        view = run.advance()
    return view


def play_on(log: SessionLog, run: engine.Run, rng: random.Random, votes: bool = True,
            stop_after: int | None = None) -> engine.Run:
    """Play `run` with random available choices, recording each, until it ends (or `stop_after`
    decisions). With `votes`, a class of 25 votes; the teacher follows the vote unless the winner
    is unavailable."""
    made = 0
    while stop_after is None or made < stop_after:
        view = to_choice(run)
        if run.ended:
            break
        available = [c.id for c in view.choices if c.available]
        counts = None
        if votes:
            counts = dict.fromkeys(available, 0)
            for _ in range(25):
                counts[rng.choice(available)] += 1
            winner = max(counts, key=counts.get)
            choice = winner if rng.random() > 0.2 else rng.choice(available)
        else:
            choice = rng.choice(available)
        outcome = run.choose(choice)
        log.record_decision(run, outcome, counts,
                            overridden=bool(counts) and counts[choice] < max(counts.values()),
                            seconds=rng.uniform(10, 240))
        made += 1
    return run


def play_session(scenario: Scenario, content_hash: str, rng: random.Random, mode: str = "class",
                 what_if: bool = False, finish: bool = True, lang: str = "nl",
                 label: str = "", class_size: int | None = None) -> SessionLog:
    """A whole session by chance: optionally one what-if road, then back to the class's road.
    A class of `class_size` (25 hands vote at each decision) may have a `label`."""
    run = engine.start(scenario, lang, content_hash)
    log = SessionLog.begin(run, mode, content_hash, label=label, class_size=class_size)
    votes = mode == "class"
    play_on(log, run, rng, votes)
    if what_if and run.summary().decisions:
        log.branch(run, rng.randrange(len(run.summary().decisions)))
        play_on(log, resume(log, scenario), rng, votes)
        log.switch(0)
        run = resume(log, scenario)
    if finish:
        log.finish(run)
    return log


def play_the_mini_lesson(mini: Scenario, content_hash: str):
    """The transcript every record test starts from: a class plays, votes, asks "what if", goes back
    to its own road and finishes."""
    run = engine.start(mini, "nl", content_hash)
    log = SessionLog.begin(run, "class", content_hash, clock=lambda: MONDAY)
    assert log.path.exists(), "begin writes the record at once"

    outcome = run.choose("walk_on")
    log.record_decision(run, outcome, {"walk_on": 14, "stand_by_sam": 11}, False, 64.9)
    outcome = run.choose("say_nothing")
    log.record_decision(run, outcome, {"tell_mentor": 10, "say_nothing": 15}, False, 95)
    assert run.state.ending == "alone"

    road = log.branch(run, 0)  # what if the class had stood by Sam?
    assert (road, log.road) == (1, 1)
    what_if = resume(log, mini)
    assert what_if.state.scene == "hallway" and what_if.state.choices == []
    outcome = what_if.choose("stand_by_sam")
    log.record_decision(what_if, outcome, {"walk_on": 3, "stand_by_sam": 22}, True, 30)
    outcome = what_if.choose("check_in")
    log.record_decision(what_if, outcome, None, False, 41)

    log.switch(0)
    run = resume(log, mini)
    assert run.state.ending == "alone"
    log.finish(run)
    return log, run, what_if


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class WellFormed(HTMLParser):
    """Checks that every element is closed in order and every id is unique."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []

    def _id(self, attrs) -> None:
        for name, value in attrs:
            if name == "id":
                if value in self.ids:
                    self.problems.append(f"duplicate id {value}")
                self.ids.add(value)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._id(attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self._id(attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'} at "
                                 f"{self.getpos()}")
        else:
            self.stack.pop()


def check_well_formed(html: str) -> WellFormed:
    parser = WellFormed()
    parser.feed(html)
    parser.close()
    assert not parser.problems, parser.problems[:5]
    assert parser.stack == [], parser.stack
    return parser
