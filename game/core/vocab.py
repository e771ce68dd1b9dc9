"""The fixed vocabulary every scenario shares: stances, roles, steps, strategies, places, expressions.

These lists are the contract between scenario authors, the engine and the screens. Each entry carries
its labels in every language the game speaks, so front ends never invent their own wording.
"""

from __future__ import annotations

from typing import Final

Labels = dict[str, str]

INVISIBLE: Final = ("\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029"
                    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb")
"""What no text of a scenario may hold, as the inside of a regular expression's [...]: control
characters other than tab and newlines, invisible format characters and bidi overrides. The
loader refuses them (yamlsource), and the title cache's cards are checked for them (catalogue)."""

# Salmivalli's participant roles, with the concrete ways of defending as their own stances.
STANCES: Final[dict[str, Labels]] = {
    "outsider": {"nl": "buitenstaander", "en": "outsider"},
    "reinforcer": {"nl": "meelacher", "en": "reinforcer"},
    "assistant": {"nl": "meedoener", "en": "assistant"},
    "confront": {"nl": "aanspreken", "en": "confront"},
    "support": {"nl": "steunen", "en": "support"},
    "report": {"nl": "melden", "en": "report"},
    "mobilise": {"nl": "anderen meekrijgen", "en": "mobilise"},
}

PASSIVE_STANCES: Final[frozenset[str]] = frozenset({"outsider", "reinforcer", "assistant"})
ACTIVE_STANCES: Final[frozenset[str]] = frozenset(STANCES) - PASSIVE_STANCES

# The player starts as a plain bystander: someone who saw it and has not chosen yet.
START_ROLE: Final = "bystander"
# The participant roles (Salmivalli) the player can be in, moved by the weight of the road (see
# machines.RoleMachine and scenes/README.md): the four roles, and two in between, for someone who
# starts to step in after standing by and for a defender who looks away once.
ROLES: Final[dict[str, Labels]] = {
    "bystander": {"nl": "omstander", "en": "bystander"},
    "outsider": {"nl": "buitenstaander", "en": "outsider"},
    "reinforcer": {"nl": "meelacher", "en": "reinforcer"},
    "assistant": {"nl": "meedoener", "en": "assistant"},
    "stepping_in": {"nl": "beginnende verdediger", "en": "budding defender"},
    "defender": {"nl": "verdediger", "en": "defender"},
    "wavering": {"nl": "twijfelende verdediger", "en": "wavering defender"},
}
PASSIVE_ROLES: Final = ("outsider", "reinforcer", "assistant")
"""The passive roles have the names of the passive stances that lead to them."""
RECENT: Final = 3
"""How many of the latest choices weigh in the role: "recent" in the role's rules."""

# The roles as they read inside a sentence ("you became a defender").
ROLE_PHRASES: Final[dict[str, Labels]] = {
    "bystander": {"nl": "omstander", "en": "a bystander"},
    "outsider": {"nl": "buitenstaander", "en": "an outsider"},
    "reinforcer": {"nl": "meelacher", "en": "a reinforcer"},
    "assistant": {"nl": "meedoener", "en": "an assistant"},
    "stepping_in": {"nl": "beginnende verdediger", "en": "a budding defender"},
    "defender": {"nl": "verdediger", "en": "a defender"},
    "wavering": {"nl": "twijfelende verdediger", "en": "a wavering defender"},
}

# Latané and Darley's five steps from seeing something to doing something.
STEPS: Final[dict[str, Labels]] = {
    "notice": {"nl": "opmerken", "en": "notice"},
    "interpret": {"nl": "als probleem zien", "en": "interpret as a problem"},
    "responsibility": {"nl": "verantwoordelijkheid nemen", "en": "take responsibility"},
    "know_how": {"nl": "weten hoe je helpt", "en": "know how to help"},
    "act": {"nl": "in actie komen", "en": "act"},
}

# The strategy sections of the seed module ("Module 7. Interventiestrategieën voor leerkrachten").
STRATEGIES: Final[dict[str, Labels]] = {
    "anonymous_reporting": {
        "nl": "Veilig en anoniem meldingssysteem",
        "en": "Safe, anonymous reporting",
    },
    "supervision": {
        "nl": "Verbeterd toezicht op gangen, toiletten en speelplaatsen",
        "en": "Supervision of hallways, toilets and playgrounds",
    },
    "structured_response": {
        "nl": "Duidelijke, gestructureerde reactie: scheiden, bespreken, begeleiden, empathie",
        "en": "Clear, structured response: separate, discuss, guide, build empathy",
    },
    "understand_causes": {
        "nl": "Begrijp de factoren die bijdragen aan pesten",
        "en": "Understand what drives bullying",
    },
    "prevention_programmes": {
        "nl": "Preventieprogramma's en een schoolbrede norm",
        "en": "Prevention programmes and a school-wide norm",
    },
    "mentoring": {
        "nl": "Mentorsysteem: oudere leerlingen helpen jongere",
        "en": "Mentoring: older students guide younger ones",
    },
    "emotional_programmes": {
        "nl": "Emotionele programma's: empathie en zelfregulering",
        "en": "Emotional learning: empathy and self-regulation",
    },
    "bystander_skills": {
        "nl": "Omstanders activeren: assertief reageren en samen optreden",
        "en": "Bystander skills: assertive, safe and together",
    },
    "student_voice": {
        "nl": "Platforms voor de stem van leerlingen",
        "en": "Student voice",
    },
    "campaigns": {
        "nl": "Anti-pestcampagnes, rollenspel en begeleide discussie",
        "en": "Anti-bullying campaigns, role play and guided discussion",
    },
    "parents": {
        "nl": "Ouders betrekken",
        "en": "Involving parents",
    },
    "school_leadership": {
        "nl": "Schoolbestuur: beleid, middelen en gegevens",
        "en": "School leadership: policy, resources and data",
    },
}

PLACES: Final[dict[str, Labels]] = {
    "hallway": {"nl": "gang", "en": "hallway"},
    "classroom": {"nl": "klaslokaal", "en": "classroom"},
    "canteen": {"nl": "kantine", "en": "canteen"},
    "toilets": {"nl": "toiletten", "en": "toilets"},
    "playground": {"nl": "schoolplein", "en": "playground"},
    "bike_shed": {"nl": "fietsenstalling", "en": "bike shed"},
    "group_chat": {"nl": "groepsapp", "en": "group chat"},
    "office": {"nl": "spreekkamer", "en": "office"},
    "home": {"nl": "thuis", "en": "at home"},
}

EXPRESSIONS: Final[dict[str, Labels]] = {
    "neutral": {"nl": "neutraal", "en": "neutral"},
    "happy": {"nl": "blij", "en": "happy"},
    "sad": {"nl": "verdrietig", "en": "sad"},
    "scared": {"nl": "bang", "en": "scared"},
    "hurt": {"nl": "gekwetst", "en": "hurt"},
    "angry": {"nl": "boos", "en": "angry"},
    "laughing": {"nl": "lachend", "en": "laughing"},
    "relieved": {"nl": "opgelucht", "en": "relieved"},
}

CAST_ROLES: Final[dict[str, Labels]] = {
    "victim": {"nl": "slachtoffer", "en": "victim"},
    "bully": {"nl": "pester", "en": "bully"},
    "bystander": {"nl": "omstander", "en": "bystander"},
    "friend": {"nl": "vriend(in)", "en": "friend"},
    "adult": {"nl": "volwassene", "en": "adult"},
}

# What a character looks like; the screens turn these into drawings.
SKIN_TONES: Final = ("light", "fair", "medium", "olive", "tan", "brown", "dark", "deep")
HAIR_COLOURS: Final = ("black", "dark_brown", "brown", "auburn", "red", "blond", "grey")
HAIR_STYLES: Final = ("short", "buzz", "curly", "long", "ponytail", "bun", "braids", "bob", "afro",
                      "locs", "wavy", "pixie", "undercut")
CLOTHES_COLOURS: Final = (
    "blue", "sky", "green", "orange", "yellow", "purple", "red", "grey", "black", "white",
)

ENDING_OUTCOMES: Final[dict[str, Labels]] = {
    "bad": {"nl": "zwaar", "en": "hard"},
    "mixed": {"nl": "gemengd", "en": "mixed"},
    "good": {"nl": "hoopvol", "en": "hopeful"},
}

# Text of the engine itself (not of a scenario), in every language the game speaks.
UI_TEXT: Final[dict[str, Labels]] = {
    "journey_start": {"nl": "Je begon als {role}", "en": "You started as {role}"},
    "journey_became": {"nl": "werd {role}", "en": "became {role}"},
    "journey_stayed": {"nl": "en bleef {role}", "en": "and stayed {role}"},
    "journey_changed": {"nl": "Je begon als {first}, wisselde {changes} keer van rol en eindigde "
                              "als {last}",
                        "en": "You started as {first}, changed roles {changes} times and ended "
                              "as {last}"},
    "unavailable": {"nl": "Nu niet mogelijk", "en": "Not possible now"},
    "narrator": {"nl": "Verteller", "en": "Narrator"},
}

LANGUAGES: Final[dict[str, str]] = {"nl": "Nederlands", "en": "English"}
REQUIRED_LANGUAGES: Final = ("nl", "en")


def label(labels: Labels, lang: str) -> str:
    """A word of the vocabulary in `lang`, or in English where it has none in `lang`."""
    return labels.get(lang) or labels["en"]
