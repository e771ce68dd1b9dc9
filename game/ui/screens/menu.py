"""A titled column of buttons over the dimmed screen below: the base of every menu.

Not a screen itself: the pause menus, the quit question, class mode's resume question and the event
screen's menu are its kinds. A menu is handed the screen it returns to, draws it dimmed underneath,
and pops itself to resume, so the story is exactly where it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pygame

from .. import text as tx
from ..bindings import Binding
from ..widgets import Button, FocusList, panel
from .base import Screen


@lru_cache(maxsize=4)
def _shade(size: tuple[int, int], alpha: int) -> pygame.Surface:
    s = pygame.Surface(size, pygame.SRCALPHA)
    s.fill((0, 0, 0, alpha))
    return s


class MenuScreen(Screen):
    """A titled column of buttons over the dimmed screen below."""

    title_key = "paused"
    width_px = 78
    """The menu's width, in the theme's height units."""
    gap_px = 1.5
    """The space between two buttons, in the theme's height units."""

    BINDINGS = (*(Binding((pygame.K_1 + i,), f"item({i})", f"Entry {i + 1}") for i in range(9)),
                Binding((pygame.K_0, pygame.K_KP0), "quit_item", "Quit, in every menu"))

    QUIT_BADGE = "0"
    """Quit has this number in every menu, whatever stands above it (it was 5 in one menu, 6 or
    7 in class mode's, depending on whether the story had ended): a hand that knows where Quit
    is never presses another entry."""

    def item_height(self, button: Button, inner: int) -> int:
        """How tall a button is drawn; touch menus make it taller."""
        return button.preferred_height(self.theme, inner)

    def __init__(self, app, back_to: Screen):
        super().__init__(app)
        self.back_to = back_to
        self.focus = FocusList(start=0)

    def entries(self) -> list[tuple[str, object]]:
        """(label, action) of each entry, in order; an action `is_quit` gets QUIT_BADGE."""
        raise NotImplementedError

    def is_quit(self, action) -> bool:
        """Whether `action` quits the game (or asks to): it is numbered QUIT_BADGE."""
        return getattr(action, "__func__", None) in (getattr(type(self.app), "quit", None),
                                                    getattr(type(self), "ask_quit", None))

    def buttons(self) -> list[Button]:
        return self.layout().items

    @property
    def items(self) -> list[Button]:
        """The menu's buttons, numbered from 1."""
        return self.layout().items

    def resume(self) -> None:
        self.app.pop()

    def on_escape(self) -> None:
        self.resume()

    def refresh(self) -> None:
        self.back_to.refresh()

    def numbered(self) -> list[Button]:
        """The entries that keys 1-9 press, in order (Quit has its own key)."""
        return [b for b in self.items if b.badge != self.QUIT_BADGE]

    def check_action(self, name: str, args: tuple) -> bool:
        if name == "item":
            return args[0] < len(self.numbered())
        if name == "quit_item":
            return any(b.badge == self.QUIT_BADGE for b in self.items)
        return True

    def action_item(self, index: int) -> None:
        self.numbered()[index].action()

    def action_quit_item(self) -> None:
        next(b for b in self.items if b.badge == self.QUIT_BADGE).action()

    def title(self) -> str:
        """The menu's question or name, over its buttons."""
        return self.t(self.title_key)

    def layout_state(self) -> tuple:
        return (self.title(),) + tuple(label for label, _ in self.entries())

    def place(self) -> "MenuLayout":
        """The title, then a numbered button an entry, in a panel in the middle of the screen."""
        th = self.theme
        items, number = [], 0
        for label, action in self.entries():
            if self.is_quit(action):
                items.append(Button(label, action, badge=self.QUIT_BADGE))
            else:
                number += 1
                items.append(Button(label, action, badge=str(number)))
        width = int(min(th.width - 2 * th.margin, th.px(self.width_px)))
        pad = th.px(3)
        inner = width - 2 * pad
        title = tx.fit(self.title(), pygame.Rect(0, 0, inner, th.px(20)), th.heading,
                       th.palette.ink, "bold", th.body_min)
        heights = [self.item_height(b, inner) for b in items]
        gap = th.px(self.gap_px)
        total = title.height + th.px(2) + sum(heights) + gap * (len(heights) - 1) + 2 * pad
        box = pygame.Rect(0, 0, width, min(total, th.height - 2 * th.margin))
        box.center = (th.width // 2, th.height // 2)
        title.box.topleft = (box.x + pad, box.y + pad)
        y = title.box.y + title.height + th.px(2)
        for b, bh in zip(items, heights):
            b.rect = pygame.Rect(box.x + pad, y, inner, bh)
            y += bh + gap
        return MenuLayout(box, title, items)

    def draw(self, surface: pygame.Surface) -> None:
        self.back_to.draw(surface)
        super().draw(surface)

    def compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        lay = self.layout()
        surface.blit(_shade(surface.get_size(), th.palette.shade_alpha), (0, 0))
        panel(surface, lay.box, th)
        self.drawing.blit(surface, lay.title)
        self.focus.buttons = lay.items
        self.focus.draw(surface, th)


@dataclass
class MenuLayout:
    box: pygame.Rect
    title: tx.Fit
    items: list[Button]
