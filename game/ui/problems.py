"""A problem of a story file as a screen shows it: where it is, `bystander check`'s words, and
the line quoted with a caret under the place, as the terminal shows it (`core/excerpt.py`).

The title screen shows the first broken file's problem in one such panel, and the live preview
(`play FILE --watch`) the problems of the file being edited, one panel each. The quote is cut
around the column to the panel's width, measured with the font (which is not monospaced), and
the caret sits under the middle of the character the problem is at.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..core.excerpt import excerpt
from . import text as tx
from .widgets import panel

MAX_MESSAGE = 400
"""The most of a message a panel shows; check's longest are about 300 characters, and
`bystander check` tells every one whole."""


@dataclass
class Quote:
    """A quoted line of a story file and the place of the caret under it."""

    text: str
    x: int
    y: int
    caret_x: int
    """Pixels from `x` to the middle of the character the problem is at."""
    size: int
    line: int
    """The line height: the caret goes one line below the text."""

    @property
    def rect(self) -> pygame.Rect:
        return pygame.Rect(self.x, self.y, max(self.caret_x, tx.text_width(self.text, self.size)),
                           2 * self.line)


@dataclass
class ProblemPanel:
    """One problem, placed: its place and message (top down), and its quoted line."""

    rect: pygame.Rect
    parts: list[tx.Fit]
    quote: Quote | None


def where(t, name: str, issue) -> str:
    """"kantine.yaml, line 12, column 5:" in the screen's language; the name alone for a
    problem with no line (a file refused for its id)."""
    if issue.pos.line > 0:
        return t("broken_where", file=name, line=issue.pos.line, col=issue.pos.col)
    return f"{name}:"


def place(theme, heading: str, issue, x: int, y: int, width: int,
          message_room: int) -> ProblemPanel:
    """The panel of `issue` from (x, y), `width` wide: `heading` (where it is), the message
    in at most `message_room` pixels of height (smaller text first), the quoted line."""
    th = theme
    p = th.palette
    pad = th.px(1.8)
    inner_x, inner_w = x + pad, width - 2 * pad
    top = y + pad
    message = issue.message
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE - 1] + "…"
    parts = []
    for words, style, room in ((heading, "bold", th.height // 6),
                               (message, "regular", message_room)):
        part = tx.fit(words, pygame.Rect(inner_x, top, inner_w, room), th.small, p.ink, style,
                      th.small_min)
        parts.append(part)
        top += part.height + th.px(0.6)
    quote = None
    if issue.source and issue.pos.line > 0:
        quote = _quote(th, issue.source, issue.pos.col, inner_x + th.px(0.8),
                       inner_w - th.px(1.6), top + th.px(0.6))
        top = quote.rect.bottom + th.px(0.6)
    return ProblemPanel(pygame.Rect(x, y, width, top + pad - y), parts, quote)


def _quote(theme, line: str, col: int, x: int, width: int, y: int) -> Quote:
    """The line without its indentation, cut around the column to fit `width`: the room in
    characters is found by trying, as the font is not monospaced."""
    size = theme.small
    text = line.rstrip("\r\n").lstrip(" \t")
    col = max(1, col - (len(line) - len(line.lstrip(" \t"))))
    room = max(8, 3 * width // max(1, size))
    shown = excerpt(text, col, room)
    while room > 8 and tx.text_width(shown.text, size) > width:
        room -= 2
        shown = excerpt(text, col, room)
    before = tx.text_width(shown.text[:shown.index], size)
    under = shown.text[shown.index:shown.index + 1] or " "
    return Quote(shown.text, x, y, before + tx.text_width(under, size) // 2, size,
                 tx.line_height(size))


def draw(surface: pygame.Surface, drawing, theme, problem: ProblemPanel) -> None:
    """The panel, its words through `drawing` (which records what does not fit), and the quoted
    line as a block of code, light on dark, the caret in bold under it."""
    th = theme
    p = th.palette
    panel(surface, problem.rect, th, p.panel, p.panel_edge)
    for part in problem.parts:
        drawing.blit(surface, part)
    quote = problem.quote
    if quote is None:
        return
    pygame.draw.rect(surface, p.backdrop, quote.rect.inflate(th.px(1.6), th.px(0.8)),
                     border_radius=th.radius // 2)
    surface.blit(tx.render(quote.text, quote.size, p.on_backdrop), (quote.x, quote.y))
    caret = tx.render("^", quote.size, p.on_backdrop, "bold")
    surface.blit(caret, (quote.x + quote.caret_x - caret.get_width() // 2, quote.y + quote.line))
