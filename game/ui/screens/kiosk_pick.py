"""Choosing a story at an event screen that offers more than one: a big card for each."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .. import text as tx
from ..bindings import Binding, calls
from ..widgets import Button, FocusList, focus_ring, panel
from .base import Screen
from .touch import TouchWords, touch_corner_buttons, touch_height


class StoryPickScreen(TouchWords, Screen):
    """One touch-sized card per story on offer (title and summary); Back returns to the loop."""

    BINDINGS = tuple(Binding((pygame.K_1 + i,), f"pick({i})", f"Story {i + 1}")
                     for i in range(9))

    def __init__(self, app, back_to: Screen, selected: int = 0):
        super().__init__(app)
        self.back_to = back_to
        self.focus = FocusList(start=selected)

    def on_escape(self) -> None:
        self.app.show_title()

    def pick(self, index: int) -> None:
        self.app.start_run(self.app.config.entries[index])

    def buttons(self) -> list[Button]:
        return self.cards + self.nav

    @property
    def cards(self) -> list[Button]:
        """A big card per story."""
        return self.layout().cards

    @property
    def nav(self) -> list[Button]:
        """Back, then the language and menu buttons."""
        return self.layout().nav

    def check_action(self, name: str, args: tuple) -> bool:
        return name != "pick" or args[0] < len(self.app.config.entries)

    action_pick = calls("pick")

    def place(self) -> "PickLayout":
        """Back at the top left, the language and menu at the top right, the heading between;
        under them a card per story, sharing the height."""
        th = self.theme
        m = th.margin
        back = Button(self.t("back"), self.on_escape, icon="left")
        back.rect = pygame.Rect(m, th.px(1.6), back.natural_width(th), touch_height(th))
        nav = [back] + touch_corner_buttons(self)
        heading = pygame.Rect(back.rect.right + th.px(2), back.rect.y,
                              nav[1].rect.x - back.rect.right - th.px(4), back.rect.h)
        entries = self.app.config.entries
        top = back.rect.bottom + th.px(3)
        gap = th.px(2)
        card_h = max(touch_height(th), (th.height - m - top - gap * (len(entries) - 1))
                     // max(1, len(entries)))
        cards = []
        for i, e in enumerate(entries):
            card = Button(e.scenario.title.get_text(self.lang), lambda i=i: self.pick(i),
                          badge=str(i + 1))
            card.rect = pygame.Rect(m, top + i * (card_h + gap), th.width - 2 * m, card_h)
            cards.append(card)
        return PickLayout(heading, cards, nav)

    def compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        lay = self.layout()
        surface.fill(p.backdrop)
        self.drawing.fit(self.t("choose_scenario"), lay.heading, th.heading, p.on_backdrop,
                         "bold", th.body_min).blit(surface, "center")
        pad = th.px(2)
        for i, (card, e) in enumerate(zip(lay.cards, self.app.config.entries)):
            rect = card.rect
            panel(surface, rect, th, p.panel, p.panel_edge)
            bw = card.badge_width(th)
            badge = pygame.Rect(rect.x + pad, rect.y + pad, bw, bw)
            pygame.draw.rect(surface, p.badge, badge, border_radius=th.radius)
            num = tx.render(str(i + 1), th.body, p.on_badge, "bold")
            surface.blit(num, num.get_rect(center=badge.center))
            x = badge.right + pad
            inner = pygame.Rect(x, rect.y + pad, rect.right - pad - x, rect.h - 2 * pad)
            title = self.drawing.fit(card.label, inner, th.body, p.ink, "bold", th.small_min)
            title.blit(surface)
            below = pygame.Rect(inner.x, inner.y + title.height, inner.w,
                                max(1, inner.bottom - inner.y - title.height))
            self.drawing.fit(e.scenario.summary.get_text(self.lang), below, th.body, p.ink,
                             "regular", th.small_min).blit(surface)
            if self.focus.index == i:
                focus_ring(surface, rect, th)
        for b in lay.nav:
            b.draw(surface, th)
        self.focus.buttons = self.buttons()


@dataclass
class PickLayout:
    heading: pygame.Rect
    cards: list[Button]
    nav: list[Button]
