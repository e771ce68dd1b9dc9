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
