"""One drawing of a screen, and what did not fit in it.

Why: the overflow tests ask every screen which of its texts did not fit their boxes. Each screen
used to keep that list by hand, a line after every fitted text, and a text drawn without that line
went unchecked. Text fitted through a `Drawing` records itself (and so does a text a layout
fitted, drawn with `blit`), and checks that are not one text (a panel of choices that needs
more height than there is, a chart's legend) are recorded with `check`. A screen starts a new
`Drawing` each time it composes its picture (see `Screen.composing`); `Screen.overflows()`
reads the last one.
"""

from __future__ import annotations

import pygame

from . import text as tx


class Drawing:
    """The texts and checks of one drawing that did not fit, in the order they were drawn."""

    def __init__(self) -> None:
        self.misfits: list[str] = []

    def fit(self, text: str, box: pygame.Rect, size: int, colour, style: str = "regular",
            min_size: int | None = None, align: str = "left") -> tx.Fit:
        """`text.fit`, recorded when even `min_size` does not fit the box. Only for text that is
        drawn: measuring a layout that may not be taken uses `text.fit` itself."""
        fit = tx.fit(text, box, size, colour, style, min_size, align)
        self.check(text, fit.fits)
        return fit

    def blit(self, surface: pygame.Surface, fit: tx.Fit, valign: str = "top") -> pygame.Rect:
        """Draw a text a layout fitted (`text.fit`), recorded as `fit` records it."""
        self.check(fit.text, fit.fits)
        return fit.blit(surface, valign)

    def check(self, what: str, fits: bool) -> bool:
        """Record `what` (a text, or a name in brackets for a check that is not one text) when
        it did not fit; returns `fits`."""
        if not fits:
            self.misfits.append(what)
        return fits
