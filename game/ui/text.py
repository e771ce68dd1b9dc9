"""Fonts by pixel size, a bounded cache of rendered text, and fitting text into boxes.

Text is wrapped by SDL_ttf itself (`Font.render(..., wraplength=W)`), four times faster than
wrapping by hand; only a text with a character the text font lacks (an emoji) is wrapped and
drawn run by run, from the emoji font where it must (glyphruns.py), and measured the same way. Rendered surfaces are kept in an LRU cache keyed by everything that changes the
pixels; it is bounded because an unbounded one grew to 292 MB over 20,000 strings.

`fit()` is the single layout function for text in a box: drawing uses it, and the overflow test
asks it the same question for every string of every scenario.

A number is never wrapped apart from the words beside it ("29 / deelnemers", "ingegrepen / 9": a
number alone at the end or start of a line reads as another figure): wrapped text goes to SDL_ttf
with no-break spaces there, which SDL_ttf does not break at (`keep_numbers_with_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pygame

from .. import fonts
from ..paths import FONTS_DIR
from . import glyphruns, textstore
from .surfacecache import SurfaceCache, screenfuls

FONT_FILES = fonts.TEXT_FONTS
CACHE_SIZE = 512
CACHE_WINDOWS = 1
"""Also bound the cache by pixels, the window's (8 MB at 1080p, 33 MB at 4K): a screen's texts
take well under that, and at 4K a few hundred long, wrapped texts would otherwise hold over
300 MB. Screens keep what they composed on their layers, so text is only rendered again when a
layer is composed again."""
ALIGNS = {"left": 0, "center": 1, "right": 2}
NO_BREAK_SPACE = "\u00a0"
_BESIDE_A_NUMBER = re.compile(r"(?<=\d)(%?) (?=[^\W\d_])|(?<=[^\W\d_])() (?=\d)")
"""A space between a number (or a percentage) and a word, either way round: "29 deelnemers",
"ingegrepen 9". Not between two numbers, so a list of them still wraps."""


def keep_numbers_with_words(text: str) -> str:
    """`text` with every number joined to the words beside it by no-break spaces."""
    return _BESIDE_A_NUMBER.sub(lambda m: (m.group(1) or "") + NO_BREAK_SPACE, text)


def _ensure_font_module() -> None:
    if not pygame.font.get_init():
        pygame.font.init()


@lru_cache(maxsize=96)
def font(size: int, style: str = "regular") -> pygame.font.Font:
    """The bundled font at `size` pixels; one object per (size, style), bounded."""
    _ensure_font_module()
    return pygame.font.Font(str(FONTS_DIR / FONT_FILES[style]), max(6, int(size)))


@lru_cache(maxsize=32)
def emoji_font(size: int) -> pygame.font.Font:
    """The emoji font at `size` pixels, for what the text font lacks (see glyphruns.py)."""
    _ensure_font_module()
    return pygame.font.Font(str(FONTS_DIR / fonts.EMOJI_FONT), max(6, int(size)))


class RenderCache:
    """Rendered text surfaces, least recently used dropped first: at most `capacity` of them,
    and `windows` times the pixels of the window now open."""

    def __init__(self, capacity: int = CACHE_SIZE, windows: float = CACHE_WINDOWS):
        self.windows = windows
        self._surfaces = SurfaceCache(capacity, screenfuls(windows))

    def __len__(self) -> int:
        return len(self._surfaces)

    @property
    def pixels(self) -> int:
        return self._surfaces.pixels

    def get(self, text: str, size: int, colour, style: str = "regular", wrap: int = 0,
            align: str = "left", together: bool = True) -> pygame.Surface:
        key = (text, size, tuple(colour), style, wrap, align, together)
        return self._surfaces.get(key, lambda: textstore.kept(
            ("render", *key), lambda: render_uncached(text, size, colour, style, wrap, align,
                                                      together)),
                                  screenfuls(self.windows))

    def clear(self) -> None:
        self._surfaces.clear()


def render_uncached(text: str, size: int, colour, style: str = "regular", wrap: int = 0,
                    align: str = "left", together: bool = True) -> pygame.Surface:
    """`text` rendered, wrapped to `wrap` pixels if given, numbers kept with their words
    unless `together` is False."""
    f = font(size, style)
    if glyphruns.needs_fallback(text, style):
        return glyphruns.render(text, style, colour, int(wrap), ALIGNS[align], f,
                                emoji_font(size))
    f.align = ALIGNS[align]
    if wrap > 0:
        if together:
            text = keep_numbers_with_words(text)
        return f.render(text, True, colour, wraplength=int(wrap))
    return f.render(text, True, colour)


CACHE = RenderCache()


def render(text: str, size: int, colour, style: str = "regular", wrap: int = 0,
           align: str = "left", together: bool = True) -> pygame.Surface:
    """Text as a surface, from the shared bounded cache."""
    return CACHE.get(text, size, colour, style, wrap, align, together)


def line_height(size: int, style: str = "regular") -> int:
    return textstore.kept(("linesize", size, style), lambda: font(size, style).get_linesize())


def font_height(size: int, style: str = "regular") -> int:
    """The height of a line of the font, without the gap between lines (`Font.get_height`)."""
    return textstore.kept(("height", size, style), lambda: font(size, style).get_height())


def text_size(text: str, size: int, style: str = "regular") -> tuple[int, int]:
    """Width and height of `text` on one line, as `Font.size` measures it."""
    return textstore.kept(("size", text, size, style), lambda: font(size, style).size(text))


@lru_cache(maxsize=1024)
def text_width(text: str, size: int, style: str = "regular") -> int:
    """Width of `text` on one line. Kept: a button asks for its width three times a layout."""
    return textstore.kept(("width", text, size, style), lambda: _text_width(text, size, style))


def _text_width(text: str, size: int, style: str) -> int:
    if glyphruns.needs_fallback(text, style):
        return glyphruns.width(text, style, font(size, style), emoji_font(size))
    return font(size, style).size(text)[0]


@dataclass
class Fit:
    """Text laid out in a box: the size chosen, the rendered surface, and whether it fits."""

    text: str
    box: pygame.Rect
    size: int
    surface: pygame.Surface
    fits: bool

    @property
    def height(self) -> int:
        return self.surface.get_height()

    def blit(self, target: pygame.Surface, valign: str = "top") -> pygame.Rect:
        y = self.box.y
        if valign == "center":
            y = self.box.centery - self.height // 2
        elif valign == "bottom":
            y = self.box.bottom - self.height
        return target.blit(self.surface, (self.box.x, y))


def sizes_down(size: int, min_size: int | None = None):
    """The sizes `fit` tries, largest first: `size`, then 8% smaller each step, down to
    `min_size`. A layout that measures at one of these sizes gets what `fit` will draw."""
    min_size = min(size, min_size or size)
    current = size
    while True:
        yield current
        if current <= min_size:
            return
        current = max(min_size, int(current * 0.92))


def fit(text: str, box: pygame.Rect, size: int, colour, style: str = "regular",
        min_size: int | None = None, align: str = "left") -> Fit:
    """`text` wrapped to the box width at `size`, shrunk step by step down to `min_size` if it
    is too tall. `fits` is False when even `min_size` overflows the box. Where keeping a
    number with its word costs the line that does not fit, the text is wrapped without: a
    break there is better than smaller text or text cut off."""
    box = pygame.Rect(box)

    def fitting(surface: pygame.Surface) -> bool:
        return surface.get_height() <= box.h and surface.get_width() <= box.w

    for current in sizes_down(size, min_size):
        surface = render(text, current, colour, style, max(1, box.w), align)
        ok = fitting(surface)
        if not ok:
            loose = render(text, current, colour, style, max(1, box.w), align, together=False)
            if fitting(loose):
                surface, ok = loose, True
        if ok:
            break
    return Fit(text, box, current, surface, ok)


def drawn_height(text: str, width: int, size: int, colour, style: str = "regular") -> int:
    """Height `text` takes wrapped to `width`, measured by rendering it into the shared cache in
    the colour it is about to be drawn in: `fit` then finds it there. For texts that are drawn
    right after they are measured (the title's cards), where `wrapped_height` would render them
    a second time, in black, to keep only a number."""
    return render(text, size, colour, style, max(1, width)).get_height()


@lru_cache(maxsize=2048)
def wrapped_height(text: str, width: int, size: int, style: str = "regular") -> int:
    """Height `text` takes wrapped to `width`, the way drawing wraps it. Only the number is
    kept: caching the measuring surface cost 34 MB at 1920x1080 for nothing."""
    return textstore.kept(("wrapped", text, width, size, style), lambda: render_uncached(
        text, size, (0, 0, 0), style, max(1, width)).get_height())


# --- glyph coverage -------------------------------------------------------------------------

def missing_glyphs(text: str, style: str = "regular") -> set[str]:
    """Characters of `text` that no bundled font can draw (whitespace aside): neither the text
    font of `style` nor the emoji font."""
    have = fonts.text_code_points(style) | fonts.emoji_code_points()
    return {ch for ch in text if not ch.isspace() and ord(ch) not in have}
