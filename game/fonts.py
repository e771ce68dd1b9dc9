"""The bundled fonts by name, and which characters they can draw, read from their cmap tables.

The game sets text in Atkinson Hyperlegible and draws what that font lacks, emoji above all,
from Noto Emoji, character by character (`ui/text.py`). `bystander check` warns about a
character that neither can draw, since it would show as an empty box. Both need the same
answer, so it is here, below the UI and without pygame: SDL_ttf 2.24 returns the metrics of the
"missing glyph" box instead of None, so pygame's Font cannot tell whether a glyph exists, and the
fonts' cmap tables can. Reading them is plain struct unpacking of files that ship with the game.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

from .paths import FONTS_DIR

TEXT_FONTS = {
    "regular": "AtkinsonHyperlegible-Regular.ttf",
    "bold": "AtkinsonHyperlegible-Bold.ttf",
    "italic": "AtkinsonHyperlegible-Italic.ttf",
}
EMOJI_FONT = "NotoEmoji-VariableFont_wght.ttf"
"""Noto Emoji (SIL OFL 1.1), monochrome: drawn in the text's colour. See README, 'Fonts'."""


@lru_cache(maxsize=8)
def code_points(path: Path) -> frozenset[int]:
    """The characters the font at `path` maps to a glyph (cmap formats 4 and 12, which
    every TrueType font of ours uses); empty for a file that is not such a font."""
    try:
        return frozenset(_read_cmap(path.read_bytes()))
    except (OSError, struct.error):
        return frozenset()


def _read_cmap(data: bytes) -> set[int]:
    num_tables = struct.unpack_from(">H", data, 4)[0]
    offset = None
    for i in range(num_tables):
        tag, _, table_offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            offset = table_offset
    if offset is None:
        return set()
    codes: set[int] = set()
    count = struct.unpack_from(">H", data, offset + 2)[0]
    for i in range(count):
        _platform, _encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        start = offset + sub
        fmt = struct.unpack_from(">H", data, start)[0]
        if fmt == 4:
            seg2 = struct.unpack_from(">H", data, start + 6)[0]
            ends = struct.unpack_from(f">{seg2 // 2}H", data, start + 14)
            starts = struct.unpack_from(f">{seg2 // 2}H", data, start + 16 + seg2)
            for s, e in zip(starts, ends):
                if s != 0xFFFF:
                    codes.update(range(s, e + 1))
        elif fmt == 12:
            groups = struct.unpack_from(">I", data, start + 12)[0]
            for g in range(groups):
                s, e, _ = struct.unpack_from(">III", data, start + 16 + 12 * g)
                codes.update(range(s, e + 1))
    return codes


def text_code_points(style: str = "regular") -> frozenset[int]:
    """What the text font of `style` draws itself."""
    return code_points(FONTS_DIR / TEXT_FONTS[style])


def emoji_code_points() -> frozenset[int]:
    """What the emoji font draws (where the text font does not)."""
    return code_points(FONTS_DIR / EMOJI_FONT)


@lru_cache(maxsize=1)
def drawable() -> frozenset[int]:
    """The characters the game can draw in every style: what `check` holds a story's texts to."""
    styles = [text_code_points(style) for style in TEXT_FONTS]
    return frozenset.intersection(*styles) | emoji_code_points()
