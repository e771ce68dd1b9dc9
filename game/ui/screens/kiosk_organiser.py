"""The organiser's menu at the event screen: behind the code pad, never for visitors.

Close Bystander, or go back to the event where it was; above them today's counts and, when the
day's count file was found damaged, one line saying what happened and what was kept, so that the
organiser sees it where they look and not only in the log (see `event/counter.py`). It speaks the
event's language (`kiosk_lang`, or the one visitors start in), whatever a visitor switched to.
Like every screen at an event, it gives way to the attract loop when left alone.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pygame

from .. import text as tx
from ..bindings import Binding, calls
from ..i18n import t
from ..widgets import Button, FocusList, panel
from .base import Screen
from .touch import touch_height


class OrganiserScreen(Screen):
    BINDINGS = (Binding((pygame.K_BACKSPACE,), "back", "Back to the event, where it was"),)

    def __init__(self, app, back_to: Screen):
        super().__init__(app)
        self.back_to = back_to
        self.focus = FocusList(start=1)  # Back to the event: the harmless one

    def t(self, key: str, **values: object) -> str:
        """In the event's language, not the visitor's."""
        return t(key, self.app.config.default_lang, **values)

    # --- what it says -----------------------------------------------------------------------------

    def lines(self) -> list[str]:
        """Today's counts, what happened to a damaged count file (if one was found), and where
        the organiser's log is."""
        from ...event.organiser_log import LOG_NAME
        c = self.app.counter.counts()
        counts = self.t("kiosk_org_counts", players=c.visitors_started,
                        stepped_in=c.visitors_stepped_in, finished=c.visitors_finished)
        repair = self.repair_line()
        return [counts] + ([repair] if repair else []) + [self.t("kiosk_org_log", file=LOG_NAME)]

    def repair_line(self) -> str | None:
        """What happened to the day's damaged count file and what was kept, if one was found."""
        repair = self.app.counter.repair
        if repair is None:
            return None
        happened = self.t(f"kiosk_org_{repair.kept}",
                          time=time.strftime("%H:%M", time.localtime(repair.at)))
        if repair.moved_to is None:
            return f"{happened} {self.t('kiosk_org_not_moved')}"
        name = f"{repair.day.isoformat()}.corrupt-{repair.moved_to}.json"
        return f"{happened} {self.t('kiosk_org_moved', file=name)}"

    # --- behaviour --------------------------------------------------------------------------------

    def back(self) -> None:
        if self.app.top is self:
            self.app.pop()

    action_back = calls("back")

    def on_escape(self) -> None:
        self.back()

    def buttons(self) -> list[Button]:
        return self.items

    @property
    def items(self) -> list[Button]:
        """Close Bystander, and Back to the event."""
        return self.layout().items

    # --- layout -----------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        return tuple(self.lines())

    def place(self) -> "OrganiserLayout":
        """A panel in the middle: the title and the lines from the top, the two buttons at the
        bottom, touch-tall and as wide as the panel; on a screen too small the lines shrink."""
        th = self.theme
        p = th.palette
        width = int(min(th.width - 2 * th.margin, th.height * 1.25))
        pad = th.px(3)
        inner = width - 2 * pad
        gap = th.px(1.5)
        button_h = touch_height(th)
        repair = self.repair_line()
        texts = [(self.t("kiosk_org_title"), th.heading, "bold")]
        texts += [(line, th.body if i == 0 else th.small, "bold" if line == repair else "regular")
                  for i, line in enumerate(self.lines())]
        heights = [tx.wrapped_height(text, inner, size, style) for text, size, style in texts]
        items = [Button(self.t("kiosk_org_quit"), self.app.close_by_organiser, align="center"),
                 Button(self.t("kiosk_org_back"), self.back, icon="left", align="center")]
        total = 2 * pad + sum(heights) + gap * len(texts) + 2 * button_h + gap
        box = pygame.Rect(0, 0, width, min(total, th.height - 2 * th.margin))
        box.center = (th.width // 2, th.height // 2)
        fits = []
        y = box.y + pad
        buttons_y = box.bottom - pad - 2 * button_h - gap
        for (text, size, style), h in zip(texts, heights):
            room = max(1, min(h, buttons_y - gap - y))  # on a screen too small: shrunk to fit
            fit = tx.fit(text, pygame.Rect(box.x + pad, y, inner, room), size, p.ink, style,
                         min(size, th.small_min))
            fits.append(fit)
            y += fit.height + gap
        y = buttons_y
        for b in items:
            b.rect = pygame.Rect(box.x + pad, y, inner, button_h)
            y += button_h + gap
        return OrganiserLayout(box, fits, items)

    # --- drawing ----------------------------------------------------------------------------------

    def compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        lay = self.layout()
        surface.fill(th.palette.backdrop)
        panel(surface, lay.box, th)
        for fit in lay.texts:
            self.drawing.blit(surface, fit)
        self.focus.buttons = lay.items
        self.focus.draw(surface, th)


@dataclass
class OrganiserLayout:
    box: pygame.Rect
    texts: list[tx.Fit]
    """The title, today's counts, what happened to a damaged count file, where the log is."""
    items: list[Button]
