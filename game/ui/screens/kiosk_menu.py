"""The menu at an event screen: resume, restart, or stop and hand the screen to the next visitor.

It has no Quit and no Settings: a visitor must not be able to close the game or change how it
looks for everyone after them. Organisers quit with Ctrl+Alt+Q or a long press (see `ui/kiosk.py`).
"""

from __future__ import annotations

import pygame

from .. import text as tx
from ..widgets import Button, panel
from .pause import MenuScreen, _shade
from .touch import TouchWords, touch_height


class KioskMenuScreen(TouchWords, MenuScreen):
    """Esc or the Menu button in event mode."""

    def entries(self):
        app = self.app
        items = [(self.t("resume"), self.resume)]
        if app.run is not None:
            items.append((self.t("restart"), app.restart))
        items.append((self.t("kiosk_stop"), app.show_title))
        return items

    def draw(self, surface: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        self.back_to.draw(surface)
        surface.blit(_shade(surface.get_size(), p.shade_alpha), (0, 0))
        self.items = [Button(label, action, badge=str(i + 1))
                      for i, (label, action) in enumerate(self.entries())]
        width = int(min(th.width - 2 * th.margin, th.px(90)))
        pad = th.px(3)
        inner = width - 2 * pad
        title = tx.fit(self.t(self.title_key), pygame.Rect(0, 0, inner, th.px(20)), th.heading,
                       p.ink, "bold", th.body_min)
        self._title_fits = title.fits
        heights = [max(touch_height(th), b.preferred_height(th, inner)) for b in self.items]
        gap = th.px(2)
        total = title.height + th.px(2) + sum(heights) + gap * (len(heights) - 1) + 2 * pad
        box = pygame.Rect(0, 0, width, min(total, th.height - 2 * th.margin))
        box.center = surface.get_rect().center
        panel(surface, box, th)
        title.box.topleft = (box.x + pad, box.y + pad)
        title.blit(surface)
        y = title.box.y + title.height + th.px(2)
        for b, bh in zip(self.items, heights):
            b.rect = pygame.Rect(box.x + pad, y, inner, bh)
            y += bh + gap
        self.focus.buttons = self.items
        self.focus.draw(surface, th)
