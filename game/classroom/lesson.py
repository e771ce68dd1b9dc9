"""A lesson hour with a story: how long its parts take, and which decisions get a talk.

The teacher's guide plans a Dutch lesson hour (45 or 50 minutes) from the numbers the game itself
uses: the discussion timer's default, which lives here so that the discussion screen and the plan
read one constant; the length of the story's roads, from `core.analysis`; the time a class really
spends on a decision; and a debrief of about a third of the lesson. When a story's road does not
fit, every decision is still voted on (the story needs its choices), and the talk is kept for the
decisions that move the ending most: the plan names them, by the words their scenes open with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core import vocab
from ..core.model import Scenario, Scene
from ..core.translations import N_, Message, words

if TYPE_CHECKING:
    from ..core.analysis import Analysis

DISCUSSION_MINUTES = 3
"""The discussion timer's default: how long a class talks after a consequence. The discussion
screen starts its countdown at it, and the lesson plan gives every talk as long."""

DECISION_MINUTES = 6
"""How long a class spends on one decision: the scene read, the hands counted, the choice taken
and its consequence shown, then the talk. Measured, not guessed: the tester of issue 14, an
experienced Dutch teacher, played adrian with a class on a projector and took 5 to 6 minutes per
decision with the counting and the talk. The plan takes the upper end: a plan that runs over
takes its minutes from the debrief."""

VOTE_MINUTES = DECISION_MINUTES - DISCUSSION_MINUTES
"""A decision without its talk: the scene, the vote and the consequence."""

INTRO_MINUTES = 3
"""The introduction: the summary read out, how the class votes, that the story is made up."""

DEBRIEF_SHARE = 1 / 3
"""The debrief takes about a third of the lesson: what a class did in the story becomes a lesson
only when it is talked through (DATA: describe, analyse, transfer, apply)."""

LESSON_MINUTES = (45, 50)
"""The Dutch lesson hour: 45 or 50 minutes, by school."""

DATA_STEPS: tuple[tuple[Message, Message, Message], ...] = (
    (N_("Describe"), N_("What happened, and what did the class choose?"), N_(
        "What happened in the story, and to {victim}? Which choices did the class make? The "
        "debrief's first page shows the roles the class's choices took (D at the ending).")),
    (N_("Analyse"), N_("Why? Where did the class hold back?"), N_(
        "Why did the class choose that? At which bystander step did it hold back ({steps})? "
        "Which strategies did it use, and which did it pass by?")),
    (N_("Transfer"), N_("Where could this happen at our school, and who helps here?"), N_(
        "Where could this happen at our school: in the hallway, the toilets, the group chat? "
        "Who can you go to here: your mentor, the anti-bullying coordinator, the confidential "
        "contact, and the anonymous way to report if the school has one? Use the closing "
        "questions on the debrief's second page.")),
    (N_("Apply"), N_("One thing each student will do; where to get help."), N_(
        "Let every student name one thing they can do next time, small enough to really do. "
        "Let them step out of their role, and end with where to get help (the debrief's last "
        "page).")),
)
"""The debrief's four parts: each one's name, what it is in a line (the plans' rows), and what
the teacher does in it (the guide says it once, under the plans)."""


# --- naming a scene for the teacher ------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…][’”'\"]?(?=\s|$)")
TITLE_LEAST = 30
"""A scene's title takes sentences until it has this many characters ("22:40." alone names two
scenes of adrian)."""
TITLE_MOST = 80


def scene_title(scenario: Scenario, scene: Scene, lang: str) -> str:
    """What a teacher calls a scene: the words it opens with on the screen, "Thursday, short
    break. The toilets in the old wing." A scene has no title of its own in the format, and its
    id ("toilets_watched") is the author's, not the teacher's: the opening is what the class has
    just read when the teacher looks at the plan. Narration is preferred; a line is given with
    its speaker."""
    beats = [b for b in scene.beats if b.when is None] or scene.beats
    if not beats:
        return ""
    beat = next((b for b in beats if b.who is None), beats[0])
    text = " ".join(beat.text.get_text(lang).split())
    title = text
    for end in _SENTENCE_END.finditer(text):
        title = text[:end.end()]
        if len(title) >= TITLE_LEAST:
            break
    if len(title) > TITLE_MOST:
        title = title[:TITLE_MOST - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    if beat.who is not None and beat.who in scenario.cast:
        title = f"{scenario.cast[beat.who].name}: {title}"
    return title


@dataclass(frozen=True)
class SceneName:
    """A decision as the plan names it: the scene's number in the guide and its title."""

    scene_id: str
    """For the page's link to the scene; never shown."""
    number: int
    title: str


# --- the plan ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanRow:
    """One part of the lesson."""

    start: int
    """Minute the part starts."""
    minutes: int
    title: str
    what: str


@dataclass(frozen=True)
class LessonPlan:
    """A lesson of `minutes` with the story, in rows that add up to it."""

    minutes: int
    rows: tuple[PlanRow, ...]
    decisions: int
    """The decisions of a typical road (`Analysis.typical`)."""
    talks: int
    """How many of them get their talk."""
    stop_after: int | None
    """When not even the votes fit: the decision after which the class goes to the debrief."""
    talk_at: tuple[SceneName, ...]
    """When not every decision gets its talk: the decisions that do, those that move the ending
    most (as "The decisions that matter most"); empty when every decision gets it."""
    vote_only_at: tuple[SceneName, ...]
    """The other decisions: vote, see the consequence, go on."""
    what_if: bool
    """Time is left for a what-if: back to a decision, the other road."""


def debrief_minutes(minutes: int) -> int:
    """How long the debrief of a lesson of `minutes` takes: about a third of it."""
    return round(minutes * DEBRIEF_SHARE)


def lesson_plan(scenario: Scenario, found: Analysis, minutes: int, lang: str) -> LessonPlan:
    """The plan of a lesson of `minutes` with `scenario`, whose roads `found` measured."""
    debrief = debrief_minutes(minutes)
    story = minutes - INTRO_MINUTES - debrief
    n = found.typical
    talks, stop_after = n, None
    if n * DECISION_MINUTES > story:
        talks = min(n, max(0, story - n * VOTE_MINUTES) // DISCUSSION_MINUTES)
        if n * VOTE_MINUTES > story:
            stop_after = story // VOTE_MINUTES
    spare = story - (n * VOTE_MINUTES + talks * DISCUSSION_MINUTES if stop_after is None else 0)
    what_if = stop_after is None and talks == n and spare >= DECISION_MINUTES
    talk_at, vote_only_at = _where_to_talk(scenario, found, talks, lang) if talks < n else ((), ())

    _ = words(lang)
    rows = [(INTRO_MINUTES, _("Introduction"), _(
        "Read out the summary and agree how the class votes: hands up, the teacher counts. Say "
        "that the story is made up, that nobody has to share anything about themselves, and "
        "where to go if something is wrong."))]
    story_minutes = story - (DECISION_MINUTES if what_if else 0)
    rows.append((story_minutes, _("The story"), _story_what(n, talks, stop_after, lang)))
    if what_if:
        rows.append((DECISION_MINUTES, _("What if?"), _(
            "Press W, go back to the decision that mattered most and take the other road: the "
            "class votes again there. What changes for {victim}?", victim=_victim(scenario))))
    share, extra = divmod(debrief, len(DATA_STEPS))
    for i, (step, short, _what) in enumerate(DATA_STEPS):
        rows.append((share + (1 if i < extra else 0), _("Debrief: {step}", step=_.message(step)),
                     _.message(short)))
    plan, start = [], 0
    for length, title, what in rows:
        if length > 0:
            plan.append(PlanRow(start, length, title, what))
            start += length
    return LessonPlan(minutes, tuple(plan), n, talks, stop_after, talk_at, vote_only_at, what_if)


def debrief_steps(scenario: Scenario, lang: str) -> list[tuple[str, str]]:
    """The debrief's four steps in `lang`: each one's name and what the teacher does in it."""
    _ = words(lang)
    steps = ", ".join(vocab.label(step, lang) for step in vocab.STEPS.values())
    return [(_.message(step), _.message(what, victim=_victim(scenario), steps=steps))
            for step, _short, what in DATA_STEPS]


def _victim(scenario: Scenario) -> str:
    member = scenario.cast.get(scenario.victim)
    return member.name if member is not None else scenario.victim


def _story_what(n: int, talks: int, stop_after: int | None, lang: str) -> str:
    _ = words(lang)
    # TRANSLATORS: {vote} and {talk} are minutes.
    said = [_("At each decision the class reads the scene, votes and sees what its choice does "
              "(about {vote} min); then it talks with the prompts on the screen ({talk} min, the "
              "game's timer).", vote=VOTE_MINUTES, talk=DISCUSSION_MINUTES),
            _.ngettext("A typical road has {n} decision.", "A typical road has {n} decisions.", n)]
    if stop_after is not None:
        said.append(_("There is no time for the talks, nor for the whole road: after decision "
                      "{n}, stop and start the debrief.", n=stop_after))
    elif talks == n:
        said.append(_("There is time for every talk."))
    else:
        said.append(_.ngettext(
            "There is time for {n} talk: talk only at the decisions listed below; at the "
            "others, go on after the consequence.",
            "There is time for {n} talks: talk only at the decisions listed below; at the "
            "others, go on after the consequence.", talks))
    return " ".join(said)


def _where_to_talk(scenario: Scenario, found: Analysis, talks: int,
                   lang: str) -> tuple[tuple[SceneName, ...], tuple[SceneName, ...]]:
    """The decisions to talk at, those that move the ending most, taken as long as a road meets
    no more of them than there are talks (each counted by the share of roads that reach it), and
    the others. The ones that matter most come first; both lists are in story order."""
    from .guide_map import scene_order  # the guide's numbers; the discussion screen needs none
    numbers = {s: i + 1 for i, s in enumerate(scene_order(scenario))}
    ranked = sorted(found.decisions, key=lambda d: (
        -abs(d.effect if d.effect is not None else d.spread), d.order))
    chosen, met = set(), 0.0
    for d in ranked:
        if met + d.reached > talks + 1e-9:
            break
        chosen.add(d.scene_id)
        met += d.reached

    def name(scene_id: str) -> SceneName:
        return SceneName(scene_id, numbers[scene_id],
                         scene_title(scenario, scenario.scenes[scene_id], lang))

    in_order = sorted((d.scene_id for d in found.decisions), key=lambda s: numbers[s])
    return (tuple(name(s) for s in in_order if s in chosen),
            tuple(name(s) for s in in_order if s not in chosen))


# --- what the plan says at a decision ---------------------------------------------------------------

TALK = "talk"
VOTE_ONLY = "vote_only"
DEBRIEF_AFTER = "debrief_after"
"""What the plan says at one decision: the class talks after it; it votes, sees the consequence
and goes on; or it goes to the debrief after it."""


VOTE_MARKS: dict[str, tuple[Message, ...]] = {
    # TRANSLATORS: the lesson plan's word at a decision, small in the bar of the class vote, for
    # the teacher: after this decision the class talks about it (the guide's plan says so).
    TALK: (N_("Plan: talk here"),),
    VOTE_ONLY: (
        # TRANSLATORS: the lesson plan's word at a decision, in the bar of the class vote: there
        # is no time for a talk here; the class votes, sees the consequence and goes on.
        N_("Plan: vote and go on (no talk planned)"),
        # TRANSLATORS: the same, shorter, for a narrow screen.
        N_("Plan: no talk")),
    DEBRIEF_AFTER: (
        # TRANSLATORS: the lesson plan's word at a decision, in the bar of the class vote: the
        # time is up after this decision; then the debrief.
        N_("Plan: after this decision, the debrief"),
        # TRANSLATORS: the same, shorter, for a narrow screen.
        N_("Plan: then the debrief")),
}
"""What the vote's bar says of each: in full, then shorter for a crowded bar. The guide quotes
the full words, so the teacher reads on the screen what the guide said."""

TALK_MARKS: dict[str, tuple[Message, ...]] = {
    VOTE_ONLY: (
        # TRANSLATORS: in the bar of the class talk, beside the button that goes on with the
        # story (Enter): the lesson plan has no talk at this decision.
        N_("Plan: no talk here, go on (Enter)"),
        # TRANSLATORS: the same, shorter, for a narrow screen.
        N_("Plan: no talk, go on")),
    DEBRIEF_AFTER: (
        # TRANSLATORS: in the bar of the class talk: the lesson plan goes to the debrief now;
        # "Debrief now" is the item of the menu (Esc) that opens it.
        N_("Plan: the debrief now (Esc, Debrief now)"),
        # TRANSLATORS: the same, shorter, for a narrow screen.
        N_("Plan: the debrief now")),
}
"""What the talk's bar says after a decision where the plan has no talk: go on at once, or go to
the debrief. A decision whose talk is planned has nothing more to say on its talk."""


def marks(said: str | None, lang: str, on_talk: bool = False) -> tuple[str, ...]:
    """The words of what the plan `said` at a decision, for the vote's bar (or the talk's), in
    `lang`: in full, then shorter; none for None."""
    said_so = (TALK_MARKS if on_talk else VOTE_MARKS).get(said, ())
    if not said_so:  # the vote's bar asks every frame, and mostly there is nothing to say
        return ()
    _ = words(lang)
    return tuple(_.message(m) for m in said_so)


def plan_at(plan: LessonPlan, scene_id: str, number: int) -> str | None:
    """What `plan` says at the class's decision in scene `scene_id`, the `number`th (from 1) on
    the road the class is on: `DEBRIEF_AFTER` from the plan's last decision on (`stop_after`,
    counted on the class's road: a session continued another day counts the decisions it took
    then); else `TALK` or `VOTE_ONLY` by the scene, as the guide lists them; None when the plan
    gives every decision its talk (nothing to tell the teacher) or does not name the scene."""
    if plan.stop_after is not None and number >= plan.stop_after:
        return DEBRIEF_AFTER
    if any(d.scene_id == scene_id for d in plan.talk_at):
        return TALK
    if any(d.scene_id == scene_id for d in plan.vote_only_at):
        return VOTE_ONLY
    return None


# --- the lesson clock --------------------------------------------------------------------------------

@dataclass
class LessonClock:
    """The teacher's clock in class mode: how long until the plan's debrief begins (the plan of
    `lesson_plan`: the last third of the lesson), then how long the lesson has left. It counts
    the time this window has the session open, from when it was begun or picked up again (a
    session continued another day is another lesson)."""

    minutes: int
    """The lesson's length: 45 or 50."""
    elapsed: float = 0.0
    """Seconds since the session was begun or continued in this window."""

    def tick(self, seconds: float) -> None:
        if seconds > 0:
            self.elapsed += seconds

    @property
    def debrief_at(self) -> int:
        """The minute of the lesson at which the debrief begins."""
        return self.minutes - debrief_minutes(self.minutes)

    @property
    def debrief_time(self) -> bool:
        """Whether the plan's debrief has begun: time to go to it, whatever the story."""
        return self.elapsed >= self.debrief_at * 60

    def words(self, lang: str) -> str:
        """The clock as the corner shows it: "12 min to the debrief", "Debrief now: 14 min
        left", "The lesson is over". Whole minutes, rounded up: a clock that says 0 while time
        is left would send a class off early."""
        _ = words(lang)
        if not self.debrief_time:
            left = -(-int(self.debrief_at * 60 - self.elapsed) // 60)
            # TRANSLATORS: the lesson clock, small in a corner of the class screens.
            return _.ngettext("{n} min to the debrief", "{n} min to the debrief", left)
        left = -(-int(self.minutes * 60 - self.elapsed) // 60)
        if left <= 0:
            return _("The lesson is over")
        # TRANSLATORS: the lesson clock once the plan's debrief has begun; {n} minutes are left.
        return _.ngettext("Debrief now: {n} min left", "Debrief now: {n} min left", left)
