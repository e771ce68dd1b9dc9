"""Wrapped text never breaks between a number and the word it counts ("2C. 29 / deelnemers"): a
reader at the back of a classroom reads "29" alone at the end of a line as a different figure.
The wrapping is SDL_ttf's (text.py); the game joins a number to its word with a no-break space
before handing the text over, so the rule holds wherever text is wrapped or measured."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import text as tx  # noqa: E402

SIZE = 40


def lines(text: str, width: int) -> list[str]:
    """The lines `text` wraps into at `width`, read back from the rendering: each line's ink
    width matched against the words that fill it."""
    surface = tx.render(text, SIZE, (0, 0, 0), "regular", width)
    lh = tx.line_height(SIZE)
    words, out = text.split(" "), []
    for y in range(0, surface.get_height() - lh // 2, lh):
        band = surface.subsurface((0, y, surface.get_width(), min(lh, surface.get_height() - y)))
        ink = band.get_bounding_rect().right
        line = []
        while words and tx.text_width(" ".join(line + [words[0]]).replace("\u00a0", " "),
                                      SIZE) <= ink + 2:
            line.append(words.pop(0))
        out.append(" ".join(line))
    return out


@pytest.mark.parametrize("text", ["Klas 2C. 29 deelnemers vandaag",
                                  "Vandaag speelden 124 mensen, 73% van hen greep in",
                                  "Vandaag tot nu toe: spelers 25, ingegrepen 9, einde gezien 19.",
                                  "Today 124 people played and 73% stepped in"])
def test_a_number_stays_with_its_words(text):
    pygame.font.init()
    full = tx.text_width(text, SIZE)
    words = text.split(" ")
    chunks = tx.keep_numbers_with_words(text).split(" ")
    narrowest = max(tx.text_width(c.replace("\u00a0", " "), SIZE) for c in chunks) + 4
    assert len(chunks) < len(words)
    for width in range(narrowest, full + 1, 7):     # wherever each joined part fits a line
        wrapped = lines(text, width)
        assert " ".join(wrapped) == text, (width, wrapped)
        for line, after in zip(wrapped, wrapped[1:]):
            end, start = line.split(" ")[-1], after.split(" ")[0]
            pair = f"{end} {start}"                  # a break where no number meets a word
            assert tx.keep_numbers_with_words(pair) == pair, (width, wrapped)


def test_only_numbers_beside_words_are_joined():
    join = tx.keep_numbers_with_words
    assert join("Klas 2C. 29 deelnemers") == "Klas\u00a02C. 29\u00a0deelnemers"
    assert join("73% van de spelers") == "73%\u00a0van de spelers"
    assert join("spelers 25, ingegrepen 9") == "spelers\u00a025, ingegrepen\u00a09"
    assert join("1 2 3 en 4") == "1 2 3\u00a0en\u00a04"    # never a long chain of numbers
    assert join("niets te tellen") == "niets te tellen"
    assert join("") == ""


def test_a_break_there_rather_than_smaller_or_cut_off_text():
    """Where keeping a number with its word would cost the one line the box does not have,
    `fit` wraps without it, at the size asked for."""
    pygame.font.init()
    text = "Vandaag speelden 124 mensen, 73% van hen greep in"
    widths = [w for w in range(120, tx.text_width(text, SIZE), 3)
              if tx.render(text, SIZE, (0, 0, 0), "regular", w).get_height()
              > tx.render(text, SIZE, (0, 0, 0), "regular", w, together=False).get_height()]
    assert widths
    w = widths[0]
    loose = tx.render(text, SIZE, (0, 0, 0), "regular", w, together=False)
    fit = tx.fit(text, pygame.Rect(0, 0, w, loose.get_height()), SIZE, (0, 0, 0), "regular")
    assert fit.fits and fit.size == SIZE and fit.height == loose.get_height()
