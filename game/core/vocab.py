"""The fixed vocabulary every scenario shares: stances, roles, steps, strategies, places, expressions.

These lists are the contract between scenario authors, the engine and the screens. Each entry carries
its label as an English msgid with a context naming its list (a stance and a role may share an
English word that another language tells apart); `label` gives it in a language, from the
catalogues (translations.py), so front ends never invent their own wording.
"""

from __future__ import annotations

from typing import Final

from .translations import NC_, Message, words

INVISIBLE: Final = ("\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029"
                    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb")
"""What no text of a scenario may hold, as the inside of a regular expression's [...]: control
characters other than tab and newlines, invisible format characters and bidi overrides. The
loader refuses them (yamlsource), and the title cache's cards are checked for them (catalogue)."""

# Salmivalli's participant roles, with the concrete ways of defending as their own stances.
STANCES: Final[dict[str, Message]] = {
    "outsider": NC_("stance", "outsider"),
    "reinforcer": NC_("stance", "reinforcer"),
    "assistant": NC_("stance", "assistant"),
    "confront": NC_("stance", "confront"),
    "support": NC_("stance", "support"),
    "report": NC_("stance", "report"),
    "mobilise": NC_("stance", "mobilise"),
}

PASSIVE_STANCES: Final[frozenset[str]] = frozenset({"outsider", "reinforcer", "assistant"})
ACTIVE_STANCES: Final[frozenset[str]] = frozenset(STANCES) - PASSIVE_STANCES

# The player starts as a plain bystander: someone who saw it and has not chosen yet.
START_ROLE: Final = "bystander"
# The participant roles (Salmivalli) the player can be in, moved by the weight of the road (see
# machines.RoleMachine and scenes/README.md): the four roles, and two in between, for someone who
# starts to step in after standing by and for a defender who looks away once.
ROLES: Final[dict[str, Message]] = {
    "bystander": NC_("role", "bystander"),
    "outsider": NC_("role", "outsider"),
    "reinforcer": NC_("role", "reinforcer"),
    "assistant": NC_("role", "assistant"),
    "stepping_in": NC_("role", "budding defender"),
    "defender": NC_("role", "defender"),
    "wavering": NC_("role", "wavering defender"),
}
PASSIVE_ROLES: Final = ("outsider", "reinforcer", "assistant")
"""The passive roles have the names of the passive stances that lead to them."""
RECENT: Final = 3
"""How many of the latest choices weigh in the role: "recent" in the role's rules."""

# The roles as they read inside a sentence ("you became a defender").
ROLE_PHRASES: Final[dict[str, Message]] = {
    "bystander": NC_("role in a sentence", "a bystander"),
    "outsider": NC_("role in a sentence", "an outsider"),
    "reinforcer": NC_("role in a sentence", "a reinforcer"),
    "assistant": NC_("role in a sentence", "an assistant"),
    "stepping_in": NC_("role in a sentence", "a budding defender"),
    "defender": NC_("role in a sentence", "a defender"),
    "wavering": NC_("role in a sentence", "a wavering defender"),
}

# Latané and Darley's five steps from seeing something to doing something.
STEPS: Final[dict[str, Message]] = {
    "notice": NC_("bystander step", "notice"),
    "interpret": NC_("bystander step", "interpret as a problem"),
    "responsibility": NC_("bystander step", "take responsibility"),
    "know_how": NC_("bystander step", "know how to help"),
    "act": NC_("bystander step", "act"),
}

# The strategy sections of the seed module ("Module 7. Interventiestrategieën voor leerkrachten").
STRATEGIES: Final[dict[str, Message]] = {
    "anonymous_reporting": NC_("strategy", "Safe, anonymous reporting"),
    "supervision": NC_("strategy", "Supervision of hallways, toilets and playgrounds"),
    "structured_response": NC_(
        "strategy", "Clear, structured response: separate, discuss, guide, build empathy"),
    "understand_causes": NC_("strategy", "Understand what drives bullying"),
    "prevention_programmes": NC_("strategy", "Prevention programmes and a school-wide norm"),
    "mentoring": NC_("strategy", "Mentoring: older students guide younger ones"),
    "emotional_programmes": NC_("strategy", "Emotional learning: empathy and self-regulation"),
    "bystander_skills": NC_("strategy", "Bystander skills: assertive, safe and together"),
    "student_voice": NC_("strategy", "Student voice"),
    "campaigns": NC_("strategy", "Anti-bullying campaigns, role play and guided discussion"),
    "parents": NC_("strategy", "Involving parents"),
    "school_leadership": NC_("strategy", "School leadership: policy, resources and data"),
}

PLACES: Final[dict[str, Message]] = {
    "hallway": NC_("place", "hallway"),
    "classroom": NC_("place", "classroom"),
    "canteen": NC_("place", "canteen"),
    "toilets": NC_("place", "toilets"),
    "playground": NC_("place", "playground"),
    "bike_shed": NC_("place", "bike shed"),
    "group_chat": NC_("place", "group chat"),
    "office": NC_("place", "office"),
    "home": NC_("place", "at home"),
}

EXPRESSIONS: Final[dict[str, Message]] = {
    "neutral": NC_("expression", "neutral"),
    "happy": NC_("expression", "happy"),
    "sad": NC_("expression", "sad"),
    "scared": NC_("expression", "scared"),
    "hurt": NC_("expression", "hurt"),
    "angry": NC_("expression", "angry"),
    "laughing": NC_("expression", "laughing"),
    "relieved": NC_("expression", "relieved"),
}

CAST_ROLES: Final[dict[str, Message]] = {
    "victim": NC_("cast role", "victim"),
    "bully": NC_("cast role", "bully"),
    "bystander": NC_("cast role", "bystander"),
    "friend": NC_("cast role", "friend"),
    "adult": NC_("cast role", "adult"),
}

# What a character looks like; the screens turn these into drawings.
SKIN_TONES: Final = ("light", "fair", "medium", "olive", "tan", "brown", "dark", "deep")
HAIR_COLOURS: Final = ("black", "dark_brown", "brown", "auburn", "red", "blond", "grey")
HAIR_STYLES: Final = ("short", "buzz", "curly", "long", "ponytail", "bun", "braids", "bob", "afro",
                      "locs", "wavy", "pixie", "undercut")
CLOTHES_COLOURS: Final = (
    "blue", "sky", "green", "orange", "yellow", "purple", "red", "grey", "black", "white",
)

ENDING_OUTCOMES: Final[dict[str, Message]] = {
    "bad": NC_("ending outcome", "hard"),
    "mixed": NC_("ending outcome", "mixed"),
    "good": NC_("ending outcome", "hopeful"),
}

REQUIRED_LANGUAGES: Final = ("nl", "en")
"""The languages every scenario must have its texts in."""


def label(term: Message, lang: str) -> str:
    """A word of the vocabulary in `lang` (English where the game does not speak `lang`)."""
    return words(lang).message(term)
