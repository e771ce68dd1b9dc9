"""The live preview's screen for a story file that does not load (`bystander play FILE --watch`):
its problems, each with its line quoted, until the file is saved without them.

The preview (watch.py) puts it in place of the story while the file is broken and takes it away
at the first save that loads; nothing here acts on the file. Esc asks whether to quit, as on the
title screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from .. import problems
from .. import text as tx
from ..intents import AskQuit
from .base import Screen


class BrokenStoryScreen(Screen):
    """The problems of the file being previewed: as many as fit, and how many more."""

    def __init__(self, app, path: Path, issues: list):
        super().__init__(app)
        self.path = Path(path)
        errors = [i for i in issues if i.severity == "error"]
        self.issues = errors or list(issues)

    def on_escape(self) -> None:
        self.app.go(AskQuit(back_to=self))

    def layout_state(self) -> tuple:
        return (id(self.issues),)

    def place(self) -> "PreviewLayout":
        th = self.theme
        p = th.palette
        x, width = th.margin, th.width - 2 * th.margin
        y = th.margin
        heading = tx.fit(self.t("preview_broken", file=self.path.name),
                         pygame.Rect(x, y, width, th.height // 5), th.heading, p.on_backdrop,
                         "bold", th.small)
        y += heading.height + th.px(1)
        hint = tx.fit(self.t("preview_hint"), pygame.Rect(x, y, width, th.height // 6), th.small,
                      p.on_backdrop_muted, "italic", th.small_min)
        y += hint.height + th.px(2)
        more_h = tx.line_height(th.small) + th.px(1)
        panels = []
        for issue in self.issues:
            panel = problems.place(th, problems.where(self.t, self.path.name, issue), issue, x, y,
                                   width, th.height // 3)
            if panels and panel.rect.bottom > th.height - th.margin - more_h:
                break
            panels.append(panel)
            y = panel.rect.bottom + th.px(1.5)
        more = None
        hidden = len(self.issues) - len(panels)
        if hidden:
            more = tx.fit(self.t("preview_more", n=hidden), pygame.Rect(x, y, width, more_h),
                          th.small, p.on_backdrop, "regular", th.small_min)
        return PreviewLayout(heading, hint, panels, more)

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_static(surface, self.compose, *self.layout_state())

    def compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        lay = self.layout()
        surface.fill(th.palette.backdrop)
        for fit in (lay.heading, lay.hint, lay.more):
            if fit is not None:
                self.drawing.blit(surface, fit)
        for panel in lay.panels:
            problems.draw(surface, self.drawing, th, panel)


@dataclass
class PreviewLayout:
    heading: tx.Fit
    hint: tx.Fit
    panels: list
    """A `problems.ProblemPanel` per problem shown, top down."""
    more: tx.Fit | None
    """How many problems did not fit, if any."""
