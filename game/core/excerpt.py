"""The line of a scenario file a problem is on, made fit to show with a mark under its column.

Ren'Py, ink, Rust and Elm quote the line of a mistake with a caret under it: the author sees the
place without counting columns. An `Issue` carries its line's text (`Issue.source`, filled in by
the loader, which has the file's bytes already) and its column; `excerpt` turns the two into what
a terminal or a screen shows:

- a tab becomes spaces, and a character that would act on a terminal instead of being shown (a
  control character, a bidi override) is written as `\\uXXXX`, as `terminal.safe` writes it;
- a wide character (CJK, most emoji) takes two cells of a terminal and a combining mark none, so
  the caret is placed by cells, not by characters;
- a line longer than the room is cut around the column, with `...` where it was cut.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from ..terminal import safe

TAB = 4
"""Cells a tab takes (to the next multiple of it): any width will do, as long as the caret is
placed with the same one."""
CUT = "..."


class Excerpt(NamedTuple):
    """A line as shown, and where under it the caret goes."""

    text: str
    """The line: tabs as spaces, unsafe characters escaped, cut to the room with `...`."""
    caret: int
    """Cells of `text` before the caret, for a terminal (wide characters count two)."""
    index: int
    """Characters of `text` before the caret, for a screen that measures text with its font."""


def _shown(ch: str, cell: int) -> tuple[str, int]:
    """How one character is shown from cell `cell` on, and how many cells it takes."""
    if ch == "\t":
        spaces = TAB - cell % TAB
        return " " * spaces, spaces
    escaped = safe(ch, one_line=True)
    if escaped != ch:
        return escaped, len(escaped)
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
        return ch, 0
    return ch, 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def excerpt(line: str, col: int, room: int = 100) -> Excerpt:
    """`line` as shown, with the caret under 1-based character column `col` (after the end of
    the line when `col` is past it), at most `room` cells wide."""
    pieces: list[tuple[str, int]] = []
    cell = 0
    for ch in line.rstrip("\r\n"):
        shown, width = _shown(ch, cell)
        pieces.append((shown, width))
        cell += width
    at = min(max(col - 1, 0), len(pieces))
    caret = sum(width for _shown, width in pieces[:at])
    if cell <= room:
        before = "".join(shown for shown, _width in pieces[:at])
        return Excerpt(before + "".join(shown for shown, _width in pieces[at:]), caret,
                       len(before))
    # Too long: a window of `room` cells around the caret, cut ends marked.
    first = 0
    left = max(0, caret - room // 2)
    skipped = 0
    while first < at and skipped < left:
        skipped += pieces[first][1]
        first += 1
    text, cells, index = (CUT, len(CUT), len(CUT)) if first else ("", 0, 0)
    caret_cells = cells + caret - skipped
    last = first
    while last < len(pieces) and cells + pieces[last][1] <= room - len(CUT):
        text += pieces[last][0]
        cells += pieces[last][1]
        last += 1
    if last < len(pieces):
        text += CUT
    index += len("".join(shown for shown, _width in pieces[first:at]))
    return Excerpt(text, caret_cells, index)


def quote(line: str, number: int, col: int, room: int = 100) -> list[str]:
    """The two lines that show a place in a terminal: the line with its number, and a caret
    under the column.

         12 |       when: role(verdediger)
            |                  ^
    """
    shown = excerpt(line, col, room)
    gutter = f"{number:>5}"
    return [f"{gutter} | {shown.text}".rstrip(), f"{' ' * len(gutter)} | {' ' * shown.caret}^"]
