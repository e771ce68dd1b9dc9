"""The scenario as plain dataclasses: what a YAML file in `scenes/` means once it has been read.

The dataclasses are the single description of the format: the builder (`build.py`) reads YAML into
them by their type hints, and the JSON Schema (`schema.py`) is generated from the same hints and the
docstrings under each field. Field order is the order authors are shown in the schema.

Every object remembers where it stood in its file (`pos`, and `at` per field) so that checks can say
`file:line:col`. Those two are bookkeeping, not part of the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple, Optional, Union

from .issues import Pos

# Literal types mirror the lists in vocab.py; a test keeps the two in step.
Stance = Literal["outsider", "reinforcer", "assistant", "confront", "support", "report", "mobilise"]
Step = Literal["notice", "interpret", "responsibility", "know_how", "act"]
Strategy = Literal[
    "anonymous_reporting", "supervision", "structured_response", "understand_causes",
    "prevention_programmes", "mentoring", "emotional_programmes", "bystander_skills",
    "student_voice", "campaigns", "parents", "school_leadership",
]
Place = Literal[
    "hallway", "classroom", "canteen", "toilets", "playground", "bike_shed", "group_chat", "office",
    "home",
]
Expression = Literal["neutral", "happy", "sad", "scared", "hurt", "angry", "laughing", "relieved"]
CastRole = Literal["victim", "bully", "bystander", "friend", "adult"]
SkinTone = Literal["light", "fair", "medium", "olive", "tan", "brown", "dark", "deep"]
HairColour = Literal["black", "dark_brown", "brown", "auburn", "red", "blond", "grey"]
HairStyle = Literal[
    "short", "buzz", "curly", "long", "ponytail", "bun", "braids", "bob", "afro", "locs", "wavy",
    "pixie", "undercut",
]
ClothesColour = Literal[
    "blue", "sky", "green", "orange", "yellow", "purple", "red", "grey", "black", "white",
]
Outcome = Literal["bad", "mixed", "good"]


NOWHERE = Pos("<none>", 0, 0)


class Text(dict[str, str]):
    """One text in every language of the scenario: `{nl: "...", en: "..."}`.

    A dict from language code to string that also remembers where it stood in the file.
    """

    pos: Pos = NOWHERE

    def get_text(self, lang: str) -> str:
        """The text in `lang`, falling back to English, then to any language there is."""
        return self.get(lang) or self.get("en") or next(iter(self.values()), "")


def _bookkeeping() -> dict:
    return {"bookkeeping": True}


@dataclass
class Located:
    """Base of every format object: where it stood, and where each of its fields stood."""

    pos: Pos = field(default=NOWHERE, kw_only=True, metadata=_bookkeeping(), repr=False,
                     compare=False)
    """Where the object's mapping starts."""
    at: dict[str, Pos] = field(default_factory=dict, kw_only=True, metadata=_bookkeeping(),
                               repr=False, compare=False)
    """Where each field's value starts, by field name."""

    def where(self, name: str) -> Pos:
        """Where field `name` was written, or the object itself when it was left out."""
        return self.at.get(name, self.pos)


@dataclass
class Audience(Located):
    """Who the scenario is written for."""

    min_age: int
    """Youngest age the scenario suits."""
    max_age: int
    """Oldest age the scenario suits."""


@dataclass
class LearningGoal(Located):
    """What students should take away, tied to a strategy section of the seed module."""

    strategy: Strategy
    """The seed strategy this goal practises."""
    text: Text
    """The goal in plain words."""


@dataclass
class Look(Located):
    """How a character is drawn. Distinct silhouettes read best from the back of a classroom."""

    skin: SkinTone = "medium"
    """Skin tone."""
    hair: HairColour = "dark_brown"
    """Hair colour."""
    hair_style: HairStyle = "short"
    """Hair style; also shapes the silhouette."""
    headscarf: Optional[ClothesColour] = None
    """The colour of a headscarf (hijab) covering hair and neck, the face open; leave it out for
    none. Hair is then not drawn (its colour still tints the brows)."""
    top: ClothesColour = "blue"
    """Colour of the jumper, shirt or jacket."""
    glasses: bool = False
    """Whether the character wears glasses."""
    braces: bool = False
    """Whether the character wears braces on the teeth: seen when the mouth is open (happy,
    laughing, angry)."""
    height: int = 100
    """Height in percent of an average 14-year-old (80 to 115)."""
    wheelchair: bool = False
    """Whether the character sits in a wheelchair; `height` is still the standing height, so the
    head sits lower than a standing character's."""


@dataclass
class CastMember(Located):
    """A character of the scenario. Names are not translated."""

    id: str = field(metadata={"from_key": True})
    """The character's id: the key under `cast`."""
    name: str
    """The name shown above what the character says."""
    role: CastRole
    """What part the character plays in the story."""
    look: Look = field(default_factory=Look)
    """How the character is drawn."""


@dataclass
class Meter(Located):
    """One measure of how the victim is doing, bounded, with a start value."""

    id: str = field(metadata={"from_key": True})
    """The meter's id: the key under `meters`. Conditions and effects use it."""
    label: Text
    """The meter's name as players see it."""
    start: int
    """Value at the start of the story."""
    min: int = 0
    """Lowest value; effects stop here."""
    max: int = 100
    """Highest value; effects stop here."""
    good: Literal["high", "low"] = "high"
    """Whether a high value is good for the victim (wellbeing) or bad (isolation)."""


@dataclass
class ConditionRule(Located):
    """How the victim is doing, read from the meters. The first rule whose `when` holds applies."""

    id: str
    """The condition's id, e.g. `coping`, `hurt`, `isolated`, `in_crisis`, `supported`, `safe`."""
    label: Text
    """The condition as players see it."""
    expression: Expression
    """The victim's face while in this condition, unless a scene says otherwise."""
    when: Optional[str] = None
    """Condition on the meters, e.g. `wellbeing < 30 and isolation > 60`. Leave it out on the last
    rule: that one applies when no other does."""
    light: Literal["dark", "dim", "normal", "warm"] = "normal"
    """How the scene is lit while the victim is in this condition."""


@dataclass
class Beat(Located):
    """One moment of a scene: narration, or a line spoken by a character."""

    text: Text
    """What is said or told."""
    who: Optional[str] = None
    """The cast id of the speaker. Leave it out for narration."""
    expression: Optional[Expression] = None
    """The speaker's face while saying this line."""
    when: Optional[str] = None
    """Show this beat only when the condition holds, e.g. `chose(sit_with_her)`, so a scene that
    several roads lead to can remember which one the player took."""


@dataclass
class Route(Located):
    """One road in a `goto` or `next` that names several: a scene, and when to take it."""

    to: str
    """The scene this road leads to."""
    when: Optional[str] = None
    """Take this road when the condition holds, e.g. `count(active) >= 3`; the first road whose
    condition holds is taken, and the last road has no condition."""


Roads = Union[str, list[Route]]
"""A scene id, or a list of roads `[{to: scene, when: condition}, ..., {to: scene}]`."""


def routes(roads: "Roads | None", pos: Pos = NOWHERE) -> tuple[Route, ...]:
    """The roads of a `goto` or `next` as a list, a single scene id being one road without a
    condition (placed at `pos`, where the id was written)."""
    if roads is None:
        return ()
    if isinstance(roads, str):
        return (Route(to=roads, pos=pos),)
    return tuple(roads)


@dataclass
class Choice(Located):
    """What the player may do at a decision point."""

    id: str
    """Unique in the scenario; save files and `--choose` name choices by it."""
    text: Text
    """What the player does, in the first person, short enough for a button."""
    stance: Stance
    """The participant role this choice expresses."""
    goto: Roads
    """The scene this choice leads to, or several roads, each with a condition over the road so
    far (this choice counted in), the last without: the first that holds is taken."""
    consequence: Text
    """What happens right after, shown before the story goes on."""
    discuss: list[Text] = field(default_factory=list)
    """Prompts for the class discussion of this branch (two or three)."""
    effects: dict[str, int] = field(default_factory=dict)
    """Changes to the victim's meters, e.g. `{wellbeing: -10, isolation: 15}`."""
    when: Optional[str] = None
    """Condition under which the choice can be taken, e.g. `visited(canteen) or safety > 40`."""
    unavailable: Optional[Text] = None
    """Why the choice cannot be taken when `when` does not hold."""
    strategy: Optional[Strategy] = None
    """The seed strategy this choice practises."""

    @cached_property
    def routes(self) -> tuple[Route, ...]:
        """Where this choice can lead, in the order the roads are tried."""
        return routes(self.goto, self.where("goto"))


@dataclass
class Scene(Located):
    """A place, the people in it, what happens, and how the story goes on."""

    id: str = field(metadata={"from_key": True})
    """The scene's id: the key under `scenes`."""
    place: Place
    """Where the scene happens; it sets the background."""
    beats: list[Beat]
    """What happens, one beat at a time."""
    cast: dict[str, Expression] = field(default_factory=dict)
    """Who is on stage, by cast id, with their expression. For the victim, `neutral` means: his
    face follows his condition (see `conditions`); any other expression is shown as written."""
    step: Optional[Step] = None
    """The bystander step this decision point tests (Latané and Darley)."""
    choices: list[Choice] = field(default_factory=list)
    """What the player may do. Give either choices, `next` or `ending`."""
    next: Optional[Roads] = None
    """The scene that follows when there is nothing to choose, or several roads, each with a
    condition, the last without: the first that holds is taken."""
    ending: Optional[str] = None
    """The ending this scene closes the story with."""
    note: Optional[Text] = None
    """A note for the teacher; never shown on the shared screen."""

    @cached_property
    def next_routes(self) -> tuple[Route, ...]:
        """Where `next` can lead, in the order the roads are tried."""
        return routes(self.next, self.where("next"))


@dataclass
class Ending(Located):
    """How the story ends for the victim."""

    id: str = field(metadata={"from_key": True})
    """The ending's id: the key under `endings`."""
    title: Text
    """The ending's title."""
    text: Text
    """What it means for the victim, shown rather than told."""
    outcome: Outcome
    """How things turned out for the victim."""


@dataclass
class Scenario(Located):
    """One scenario: a story about bullying in which the player chooses again and again."""

    id: str
    """Short id, used in save files, records and on the command line."""
    title: Text
    """The title on the title screen."""
    summary: Text
    """One sentence about what happens."""
    audience: Audience
    """The ages the scenario is written for."""
    minutes: int
    """About how long one play-through with discussion takes, in minutes."""
    languages: list[str]
    """Language codes every text is written in; `nl` and `en` at least."""
    victim: str
    """The cast id of the character being bullied; the meters are theirs."""
    cast: dict[str, CastMember]
    """Everyone in the story, by id."""
    meters: dict[str, Meter]
    """How the victim is doing, by id (e.g. wellbeing, isolation, safety)."""
    conditions: list[ConditionRule]
    """The victim's condition, read from the meters; the first rule that holds applies."""
    start: str
    """The scene the story begins with."""
    scenes: dict[str, Scene]
    """The scenes, by id."""
    endings: dict[str, Ending]
    """The endings, by id."""
    help: list[Text]
    """Where to get help, shown with every ending (a trusted adult, the school's confidential
    contact, a helpline)."""
    learning_goals: list[LearningGoal] = field(default_factory=list)
    """What students should take away, each tied to a seed strategy."""
    closing: list[Text] = field(default_factory=list)
    """Closing questions that help students step out of their role after the debrief."""
    version: int = 1
    """Raise it when the story changes, so that records can tell versions apart."""
    event: bool = False
    """Whether the scenario suits an unattended event screen (short, about 5 minutes)."""
    note: Optional[Text] = None
    """A note for the teacher about the whole scenario; never shown on the shared screen."""
