"""The drawing context (game/ui/drawing.py): a text that does not fit records itself."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.ui.drawing import Drawing  # noqa: E402


def test_a_text_that_does_not_fit_records_itself_and_one_that_fits_does_not():
    drawing = Drawing()
    wide = drawing.fit("Short", pygame.Rect(0, 0, 400, 100), 20, (0, 0, 0))
    narrow = drawing.fit("A sentence far too long for its box " * 4, pygame.Rect(0, 0, 60, 20),
                         20, (0, 0, 0), min_size=12)
    assert wide.fits and not narrow.fits
    assert drawing.misfits == [narrow.text]


def test_checks_that_are_not_one_text_are_recorded_by_name():
    drawing = Drawing()
    assert drawing.check("(chart)", True) is True
    assert drawing.check("(help)", False) is False
    assert drawing.misfits == ["(help)"]
