"""Characters in a story's texts that the game cannot draw, each with its place in the file.

A character that no bundled font has is drawn as an empty box, and nothing else would tell the
author. Which characters the fonts have is a question about files the core does not read: the
caller passes the set (`game.fonts.drawable()`, read from the fonts' cmap tables), which keeps
this module pure and lets a test pass any set it likes.
"""

from __future__ import annotations

import unicodedata

from . import checks
from .issues import Issue, Pos
from .model import Scenario

SEARCH_LINES = 200
"""How far below where a text starts its character is looked for: a text is a few lines."""


def undrawable(s: Scenario, data: bytes, drawable: frozenset[int]) -> list[Issue]:
    """A warning for each character of a text that is not in `drawable` (whitespace aside),
    at the character itself where the file has it as it is (else at the text). `data` is the
    file's bytes, to find the place."""
    texts = checks.texts(s)
    used = set().union(*(value for text in texts for value in text.values()))
    if all(ord(ch) in drawable or ch.isspace() for ch in used):
        return []  # the usual case: one set of the characters used
    lines = data.decode("utf-8", errors="replace").splitlines()
    issues: dict[Pos, Issue] = {}
    for text in texts:
        for value in text.values():
            for ch in dict.fromkeys(value):
                if ord(ch) in drawable or ch.isspace():
                    continue
                pos = _place(lines, text.pos, ch)
                issues.setdefault(pos, Issue(pos, _message(ch), "warning", "undrawable"))
    return sorted(issues.values(), key=lambda i: (i.pos.line, i.pos.col))


def _place(lines: list[str], start: Pos, ch: str) -> Pos:
    """The first place of `ch` at or below `start`, within SEARCH_LINES lines; else `start`
    (a character written as an escape, `\\U0001F600`, is not in the file as it is)."""
    first = max(start.line - 1, 0)
    for number in range(first, min(first + SEARCH_LINES, len(lines))):
        col = lines[number].find(ch, start.col - 1 if number == first else 0)
        if col >= 0:
            return Pos(start.path, number + 1, col + 1)
    return start


def _message(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return (f"'{ch}' (U+{ord(ch):04X}{' ' + name if name else ''}) cannot be drawn by the game's "
            "fonts: it shows as an empty box; use another character or leave it out")
