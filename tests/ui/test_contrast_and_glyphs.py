"""Readable from the back of a classroom: WCAG contrast of every text colour on its background,
body text at least 1/24 of the height, and every character the game shows present in the font."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from babel.messages.pofile import read_po  # noqa: E402

from game.ui import i18n  # noqa: E402
from game.ui.text import missing_glyphs  # noqa: E402
from game.ui.theme import (HIGH_CONTRAST, NORMAL, contrast_ratio, make_theme,  # noqa: E402
                           relative_luminance)

from testpaths import po_file  # noqa: E402
from uihelp import ALL_SCENARIOS, entry_of  # noqa: E402


@pytest.mark.parametrize("palette", [NORMAL, HIGH_CONTRAST], ids=["normal", "high_contrast"])
def test_every_text_colour_meets_wcag_aa(palette):
    weak = {name: round(contrast_ratio(fg, bg), 2)
            for name, (fg, bg) in palette.text_pairs().items() if contrast_ratio(fg, bg) < 4.5}
    assert not weak, f"text colours below 4.5:1: {weak}"


def test_contrast_formula_matches_wcag():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert relative_luminance((255, 255, 255)) == pytest.approx(1.0)
    assert contrast_ratio((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160), (1024, 768),
                                  (1400, 1050)])
def test_body_text_is_at_least_a_24th_of_the_height(size):
    assert make_theme(size).body >= size[1] / 24
    assert make_theme(size, "xlarge").body > make_theme(size).body


def _scenario_strings(scenario):
    for text in _walk(scenario):
        yield text


def _walk(obj, seen=None):
    from dataclasses import fields, is_dataclass
    seen = seen if seen is not None else set()
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _walk(k, seen)
            yield from _walk(v, seen)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _walk(v, seen)
    elif is_dataclass(obj):
        for f in fields(obj):
            if f.name not in ("pos", "at"):
                yield from _walk(getattr(obj, f.name), seen)


@pytest.mark.parametrize("path", ALL_SCENARIOS, ids=lambda p: p.stem)
def test_every_scenario_string_has_its_glyphs(path):
    scenario = entry_of(path).scenario
    missing = {}
    for text in _scenario_strings(scenario):
        for style in ("regular", "bold", "italic"):
            gaps = missing_glyphs(text, style)
            if gaps:
                missing[text[:60]] = sorted(gaps)
    assert not missing, f"characters the bundled font cannot draw: {missing}"


def test_every_ui_and_vocabulary_string_has_its_glyphs():
    """Every msgid and every translation of every catalogue: the interface's and the
    vocabulary's words, in every language."""
    texts = list(i18n.LANGUAGE_NAMES.values())
    for lang in i18n.LANGUAGES:
        with po_file(lang).open("rb") as file:
            for message in read_po(file):
                for text in (*_forms(message.id), *_forms(message.string)):
                    texts.append(text)
    missing = {t: sorted(missing_glyphs(t, style)) for t in texts
               for style in ("regular", "bold", "italic") if missing_glyphs(t, style)}
    assert not missing


def _forms(text: str | tuple[str, ...]) -> tuple[str, ...]:
    """A message's id or translation: one text, or its singular and plural forms."""
    return text if isinstance(text, tuple) else (text,)


def test_glyph_check_notices_missing_characters():
    assert missing_glyphs("Adrian → 中") == {"→", "中"}
    assert missing_glyphs("Één – “quote” … 0800-0432") == set()
