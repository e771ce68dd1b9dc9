"""Text that the text font cannot draw alone: emoji, drawn from the emoji font glyph by glyph.

SDL_ttf 2 draws with one font and shows a character that font lacks as an empty box; it has no
fallback font. So a text holding such characters is cut into runs, each the longest stretch one
font draws (the text font wherever it can, the emoji font where only it can), and each run is
rendered with its font and put on a common baseline. Wrapping and measuring follow the same runs,
so a line is as wide as it is drawn. `text.py` sends only such texts here: every other text is
rendered by SDL_ttf in one piece, as before, pixel for pixel.

The wrapping is SDL_ttf's rule: lines break at a line break and at spaces, a word wider than the
box is broken between characters, and the surface is as wide as the box. Both fonts are opened
at the same pixel size; the line height is the text font's.
"""

from __future__ import annotations

import pygame

from .. import fonts

LATIN_1 = "".join(chr(c) for c in range(0x20, 0x100) if chr(c).isprintable())
"""What every text font draws (tests/ui/test_emoji.py holds it): a text of these characters only
needs no fallback, and no font table is read to know it (1M instructions a style at start-up)."""


def needs_fallback(text: str, style: str) -> bool:
    """Whether `text` has a character the text font of `style` lacks and the emoji font has."""
    if max(text, default=" ") <= LATIN_1[-1]:
        return False  # the text fonts draw all of Latin-1 (a test holds it): no table to read
    own = fonts.text_code_points(style)
    if all(ord(ch) in own for ch in text if not ch.isspace()):
        return False
    emoji = fonts.emoji_code_points()
    return any(ord(ch) not in own and ord(ch) in emoji for ch in text if not ch.isspace())


def runs(text: str, style: str) -> list[tuple[str, bool]]:
    """`text` as (piece, from the emoji font) runs, in order. A character neither font has
    stays with the text font (which shows its box: `bystander check` warns about it)."""
    own = fonts.text_code_points(style)
    emoji = fonts.emoji_code_points()
    pieces: list[tuple[str, bool]] = []
    for ch in text:
        fallback = ord(ch) not in own and ord(ch) in emoji and not ch.isspace()
        if pieces and pieces[-1][1] == fallback:
            pieces[-1] = (pieces[-1][0] + ch, fallback)
        else:
            pieces.append((ch, fallback))
    return pieces


def width(text: str, style: str, main: pygame.font.Font, emoji: pygame.font.Font) -> int:
    """Pixels `text` takes on one line, drawn run by run."""
    return sum((emoji if fallback else main).size(piece)[0]
               for piece, fallback in runs(text, style))


def wrap_lines(text: str, style: str, wrap: int, main: pygame.font.Font,
               emoji: pygame.font.Font) -> list[str]:
    """`text` broken into lines of at most `wrap` pixels (no wrapping when `wrap` is 0)."""
    if wrap <= 0:
        return [text]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if width(candidate, style, main, emoji) <= wrap:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word
            while len(current) > 1 and width(current, style, main, emoji) > wrap:
                cut = _longest_fitting(current, style, wrap, main, emoji)
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines


def _longest_fitting(word: str, style: str, wrap: int, main, emoji) -> int:
    """How many of `word`'s first characters fit in `wrap` pixels: at least one. A bisection,
    so that a 50,000-character word costs tens of measurements, not thousands."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if width(word[:middle], style, main, emoji) <= wrap:
            low = middle
        else:
            high = middle - 1
    return low


def render(text: str, style: str, colour, wrap: int, align: int, main: pygame.font.Font,
           emoji: pygame.font.Font) -> pygame.Surface:
    """`text` drawn run by run: one line, or wrapped to `wrap` pixels (then the surface is that
    wide, as SDL_ttf makes it), each line placed by `align` (0 left, 1 centre, 2 right)."""
    lines = wrap_lines(text, style, wrap, main, emoji)
    line_height = main.get_linesize()
    widths = [width(line, style, main, emoji) for line in lines]
    surface_width = wrap if wrap > 0 else max(widths)
    surface = pygame.Surface((max(1, surface_width), line_height * len(lines)), pygame.SRCALPHA)
    for row, (line, line_width) in enumerate(zip(lines, widths)):
        x = (surface_width - line_width) * align // 2
        for piece, fallback in runs(line, style):
            f = emoji if fallback else main
            drawn = f.render(piece, True, colour)
            surface.blit(drawn, (x, row * line_height + main.get_ascent() - f.get_ascent()))
            x += f.size(piece)[0]
    return surface
