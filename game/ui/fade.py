"""A cross-fade from one picture of a screen to another, in the areas of the window where the two
differ, at a cost per frame that an all-day loop can carry.

Why this way: blending is what a fade costs, and on a machine without a GPU it is bound by memory
(1080p is 8 MB a picture). Putting the picture before back and blending the one after over it
at the frame's opacity reads and writes the window twice a frame; here each frame blends the
picture after over what the window already shows, by the share of the way left that this frame
goes, which reads and writes it once. Both pictures are kept only in the fade areas, with an
alpha channel: pygame-ce blends by the pixels' own alpha with SIMD (0.3 ms for half of 1080p),
by a surface's alpha without (1.5 ms), and one fill sets the alpha of a whole piece. Rounding
leaves a frame within a few levels of the exact blend; the last frame is the picture after
itself, drawn whole by the screen. A frame that would change the blend by less than
`FADE_STEP` levels of 255 (the end of an easing) is not drawn at all.
"""

from __future__ import annotations

import pygame

FADE_STEP = 4
"""The least change of the blend worth a frame, in 255ths of the way: it moves a pixel by at
most 4 levels of 255 even where the two pictures differ from black to white."""


class Fade:
    """The picture `before` (the window, just composed under the old light) fading into the
    static layer `after` in `areas`; `shown` is how far the window shows it, 0 to 255."""

    def __init__(self, before: pygame.Surface, areas: list[pygame.Rect]):
        self.pieces_before = [(area, before.subsurface(area).convert_alpha()) for area in areas]
        self._alpha_before = 255
        self.pieces_after: list[tuple[pygame.Rect, pygame.Surface]] = []
        self._alpha_after = 255
        self.shown = 0

    def cover(self, surface: pygame.Surface, shown: int) -> None:
        """`surface` shows the picture after whole: blend the one before over it so that the
        fade areas show the picture after by `shown`."""
        self._alpha_before = _shift_alpha(self.pieces_before, self._alpha_before, 255 - shown)
        for area, piece in self.pieces_before:
            surface.blit(piece, area)
        self.shown = shown

    def further(self, surface: pygame.Surface, after: pygame.Surface,
                shown: int) -> list[pygame.Rect]:
        """`surface` still shows this fade's last frame: take it on to `shown` (not less than
        `self.shown`). Returns the parts of `surface` it changed."""
        if shown - self.shown < FADE_STEP and not (shown == 255 > self.shown):
            return []
        if not self.pieces_after:
            self.pieces_after = [(area, after.subsurface(area).convert_alpha())
                                 for area, _ in self.pieces_before]
            self._alpha_after = 255
        alpha = round(255 * (shown - self.shown) / (255 - self.shown))
        self._alpha_after = _shift_alpha(self.pieces_after, self._alpha_after, alpha)
        self.shown = shown
        return [surface.blit(piece, area) for area, piece in self.pieces_after]


def _shift_alpha(pieces: list[tuple[pygame.Rect, pygame.Surface]], now: int,
                 alpha: int) -> int:
    """Every pixel of the `pieces` has the alpha `now`: give them `alpha`, in one fill each."""
    for _, piece in pieces:
        if alpha > now:
            piece.fill((0, 0, 0, alpha - now), special_flags=pygame.BLEND_RGBA_ADD)
        elif alpha < now:
            piece.fill((0, 0, 0, now - alpha), special_flags=pygame.BLEND_RGBA_SUB)
    return alpha
