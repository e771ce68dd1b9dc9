"""Emoji are drawn from the bundled emoji font, not as empty boxes, and measured as drawn:
chat scenes have them (issue 17)."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game import fonts  # noqa: E402
from game.ui import glyphruns  # noqa: E402
from game.ui import text as tx  # noqa: E402

from testpaths import DATA  # noqa: E402
from uihelp import entry_of, make_app  # noqa: E402

BLACK = (0, 0, 0)
EMOJI = "😂👍❤🌙📱🙈"


@pytest.fixture(autouse=True)
def _fonts():
    pygame.font.init()
    yield


def _ink(surface: pygame.Surface) -> int:
    """Pixels with any ink on them."""
    return sum(1 for x in range(surface.get_width()) for y in range(surface.get_height())
               if surface.get_at((x, y)).a > 0)


@pytest.mark.parametrize("ch", list(EMOJI))
@pytest.mark.parametrize("style", ["regular", "bold", "italic"])
def test_an_emoji_is_drawn_with_the_emoji_font_not_as_the_text_fonts_box(ch, style):
    assert ord(ch) not in fonts.text_code_points(style)
    drawn = tx.render_uncached(ch, 40, BLACK, style)
    box = tx.font(40, style).render(ch, True, BLACK)
    emoji = tx.emoji_font(40).render(ch, True, BLACK)
    assert pygame.image.tobytes(drawn, "RGBA") != pygame.image.tobytes(box, "RGBA")
    assert drawn.get_width() == emoji.get_width()
    assert _ink(drawn) == _ink(emoji) > 0


def test_text_without_emoji_is_rendered_by_sdl_ttf_as_before():
    text = "Wat doe jij? Kijk dit #nietnormaal – “quote” 0800-0432"
    assert not glyphruns.needs_fallback(text, "regular")
    ours = tx.render_uncached(text, 30, BLACK, wrap=200)
    sdl = tx.font(30).render(text, True, BLACK, wraplength=200)
    assert pygame.image.tobytes(ours, "RGBA") == pygame.image.tobytes(sdl, "RGBA")


def test_a_line_with_emoji_is_measured_as_it_is_drawn():
    text = "Kijk dan 😂😂😂 Sam in gym 🤣 #loser"
    surface = tx.render_uncached(text, 36, BLACK)
    assert tx.text_width(text, 36) == surface.get_width()
    assert surface.get_height() == tx.line_height(36)
    # wider than the text font measures it: each box is narrower than its emoji
    assert tx.text_width(text, 36) > tx.font(36).size(text)[0]


@pytest.mark.parametrize("align", ["left", "center", "right"])
def test_wrapped_text_with_emoji_stays_in_its_width(align):
    text = ("Iemand zet 😂😂 onder je foto. Wat doe je? ❤️ 👍 Dit is een lange zin om te zien "
            "of het afbreekt 🙈 " + "😂" * 40)
    wrap = 300
    lines = glyphruns.wrap_lines(text, "regular", wrap, tx.font(30), tx.emoji_font(30))
    assert len(lines) > 3
    assert all(glyphruns.width(line, "regular", tx.font(30), tx.emoji_font(30)) <= wrap
               for line in lines)
    surface = tx.render_uncached(text, 30, BLACK, wrap=wrap, align=align)
    assert surface.get_size() == (wrap, len(lines) * tx.line_height(30))
    assert tx.wrapped_height(text, wrap, 30) == surface.get_height()
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost


def test_a_fit_with_emoji_fits_its_box():
    box = pygame.Rect(0, 0, 260, 200)
    fit = tx.fit("😂 " * 30, box, 40, BLACK, min_size=12)
    assert fit.fits and fit.surface.get_width() <= box.w and fit.height <= box.h


def test_every_emoji_of_the_chat_story_is_drawable():
    entry = entry_of(DATA / "emoji_chat.yaml")
    assert tx.missing_glyphs(entry.scenario.title["nl"]) == set()
    assert tx.missing_glyphs("Adrian → 中") == {"→", "中"}  # neither font has these


def test_the_chat_scene_with_emoji_draws():
    app = make_app([entry_of(DATA / "emoji_chat.yaml")], size=(1920, 1080), lang="nl")
    app.start_run(app.catalogue.entries[0])
    for _ in range(3):
        app.step(0.1)
    assert type(app.top).__name__ == "SceneScreen"


@pytest.mark.parametrize("style", ["regular", "bold", "italic"])
def test_every_text_font_draws_all_of_latin_1_so_such_text_needs_no_fallback(style):
    """needs_fallback answers False for a text of Latin-1 only without reading a font's table;
    right while every text font draws every printable Latin-1 character."""
    own = fonts.text_code_points(style)
    assert [c for c in glyphruns.LATIN_1 if ord(c) not in own] == []
    assert not glyphruns.needs_fallback("Één keer, één tel: 5 × 3 ÷ ½ «ja»", style)
    assert glyphruns.needs_fallback("oké 😀", style)
