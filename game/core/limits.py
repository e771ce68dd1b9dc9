"""The limits of a scenario, in one place: what `bystander check` accepts, the game can show, play
and record.

The builder and the checks refuse what goes beyond them, with `file:line:col`; the session record's
schema (`classroom/records.py`) is made from the same numbers. Before they were one set, a story
with a 65-character id, 33 meters or `version: -1` passed `check`, and then every record of a class
playing it was refused by the game's own schema and set aside as damaged.
"""

from __future__ import annotations

# --- ids and numbers: what a session record can hold ----------------------------------------------

MAX_ID_CHARS = 64
"""An id names a scene, choice, meter, ending, character or condition in files, save files and
session records. The longest in the shipped stories has 21 characters."""
ID_PATTERN = rf"[a-z][a-z0-9_]{{0,{MAX_ID_CHARS - 1}}}"
"""Lower-case letters, digits and `_`, starting with a letter: safe in file names, commands and
records, and the same in every language."""
LANG_PATTERN = r"[a-z]{2,3}"
"""A language code such as `nl` or `en`."""

MIN_NUMBER, MAX_NUMBER = -1_000_000, 1_000_000
"""Every whole number in a scenario (meter values and bounds, effects, ages, minutes): far beyond
what a story needs, and what a record holds."""
MAX_NUMBER_DIGITS = len(str(MAX_NUMBER))
"""Longer digit strings are refused before they are converted: Python will not even convert one
of more than 4,300 digits."""
MIN_VERSION, MAX_VERSION = 0, MAX_NUMBER
"""A story's `version`, kept in every record of it."""

# --- counts ---------------------------------------------------------------------------------------

MAX_METERS = 32
"""Meters of the victim: a record keeps at most this many (the stories have two or three)."""
MAX_SCENES = 10_000
"""Scenes in one story: a run through every one of them still fits a record (10,000 decisions),
and `bystander bench` loads a generated story of this size. The largest shipped story has 24."""
MAX_CHOICES = 4
"""Choices per decision point: the game offers them as 1-4 and A-D."""

# --- texts: what a screen can show ----------------------------------------------------------------

MAX_CONDITION_CHARS = 500
"""A condition (`when`): a real one has under 60 characters. `expr.parse` refuses longer ones, for
the checker and the run alike."""
MAX_LANG_CHARS = 3
"""A language code (LANG_PATTERN)."""

TEXT_CHARS: dict[str, int] = {
    # field: most characters, in any language. After each: the longest in the shipped stories;
    # how many characters of the stories' prose the screens that show it fit at 1280x720 (this
    # text of mini.yaml made longer, the story's other texts as they are, at the smallest size
    # the screen shrinks text to), and the screen where that runs out first.
    "Scenario.title": 250,         # 43; 267 on the event screen's attract loop
    "Scenario.summary": 700,       # 170; 723 on the title screen's card, above the buttons
    "Scenario.help": 850,          # 260; 887 on the ending's map pane
    "Scenario.closing": 1100,      # 194; 1,184 on the debrief's last page
    "Scenario.note": 3000,         # 1,919; the printed guide only: about 5,000 fill an A4 page
    "LearningGoal.text": 500,      # 241; the printed guide only: a table cell of 8 lines
    "CastMember.name": 40,         # 14; 40 in "How Sam is doing" on the consequence screen
    "Meter.label": 22,             # 14; 23 beside a meter's bar on the class's discussion screen
    "ConditionRule.label": 28,     # 16; 29 in "How Sam is doing: ..." on the consequence screen
    "Beat.text": 500,              # 220; 536 in the dialogue box
    "Choice.text": 125,            # 101; 129 at the top of the consequence panel
    "Choice.consequence": 550,     # 297; 557 on the consequence panel
    "Choice.discuss": 950,         # 185; 995 on the class's discussion screen
    "Choice.unavailable": 700,     # 115; 709 on the vote, every choice out of reach
    "Scene.note": 1000,            # 450; the printed guide only: a fifth of a page
    "Ending.title": 140,           # 25; 142 at the top of the ending screen
    "Ending.text": 400,            # 202; 415 on the ending screen
}
"""What a text may hold, field by field: what its screen can show of it, measured, rounded down.
Every limit leaves the shipped stories room to grow by half but one: a choice's text shows whole
up to 129 characters, and the longest has 101. tests/ui/test_text_limits.py shows each text at its
limit, and tests/core/test_limits.py holds the room. A 200 KB summary took 58 s a draw of the
title screen and 650 MB; a 1 MB title never finished. `check` warns well before a limit where a
text no longer fits at the default text size (MAX_BEAT_CHARS and the others in checks.py); a
limit is where even the smallest size cannot show it. What fits beside the other texts of a story
(four long choices, five lines of help) is the overflow tests' to hold, story by story."""

ID_FIELDS = ("Scenario.id", "Scenario.victim", "Scenario.start", "Scenario.cast",
             "Scenario.meters", "Scenario.scenes", "Scenario.endings", "ConditionRule.id",
             "Beat.who", "Route.to", "Choice.id", "Choice.goto", "Choice.effects", "Scene.cast",
             "Scene.next", "Scene.ending")
"""Fields that hold an id, or name one (in a mapping, its keys): at most MAX_ID_CHARS."""
CONDITION_FIELDS = ("ConditionRule.when", "Beat.when", "Route.when", "Choice.when")

FIELD_CHARS: dict[str, tuple[int, str]] = {
    **{name: (most, "at most {most:,} fit where it is shown") for name, most in TEXT_CHARS.items()},
    **{name: (MAX_ID_CHARS, "an id has at most {most}") for name in ID_FIELDS},
    **{name: (MAX_CONDITION_CHARS, "a condition has at most {most}")
       for name in CONDITION_FIELDS},
    "Scenario.languages": (MAX_LANG_CHARS, "a language code has at most {most}"),
}
"""Every field of the format that holds text (`Class.field`: a text, a name, an id, a
condition; in a mapping, its keys): the most characters it may have, and the refusal's reason. The builder refuses longer values at their place; a model field that holds text and is not
here stops the builder (test_limits.py walks the model)."""
