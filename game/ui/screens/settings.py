"""The settings screen: text size and speed, contrast, motion, language, fullscreen, display.

Every change applies at once and is saved; Left/Right or Enter/click step through a setting's
values, so it works with keyboard, mouse and touch alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .. import text as tx
from ..bindings import Binding, calls
from ..i18n import LANGUAGE_NAMES
from ..settings import CHOICES
from ..widgets import Button, FocusList
from .base import Screen

ROWS = ("text_size", "text_speed", "high_contrast", "reduced_motion", "lang", "fullscreen",
        "software_display")


class SettingsScreen(Screen):
    BINDINGS = (
        Binding((pygame.K_LEFT,), "step(-1)", "The focused setting's previous value"),
        Binding((pygame.K_RIGHT,), "step(1)", "The focused setting's next value"),
        Binding((pygame.K_BACKSPACE,), "back", "Back"),
    )

    def __init__(self, app, back_to: Screen | None = None):
        super().__init__(app)
        self.back_to = back_to
        self.focus = FocusList(start=0)

    def on_escape(self) -> None:
        self.app.pop()

    def buttons(self) -> list[Button]:
        return self.layout().rows

    @property
    def rows(self) -> list[Button]:
        """A button per setting (its name and value), then Back."""
        return self.layout().rows

    # --- values ---------------------------------------------------------------------------------

    def value_label(self, name: str) -> str:
        value = getattr(self.app.settings, name)
        if isinstance(value, bool):
            return self.t("on") if value else self.t("off")
        if name == "lang":
            return LANGUAGE_NAMES.get(value, value)
        return self.t(f"{name}_{value}")

    def name_label(self, name: str) -> str:
        return self.t("language") if name == "lang" else self.t(name)

    def change(self, name: str, step: int = 1) -> None:
        """Move setting `name` one value on (or back) and apply it."""
        app = self.app
        s = app.settings
        value = getattr(s, name)
        if name == "fullscreen":
            app.toggle_fullscreen()
            return
        if isinstance(value, bool):
            setattr(s, name, not value)
        else:
            options = CHOICES[name]
            new = options[(options.index(value) + step) % len(options)]
            if name == "lang":
                app.set_lang(new)
                return
            setattr(s, name, new)
        app.settings_changed()

    def check_action(self, name: str, args: tuple) -> bool:
        return name != "step" or (self.focus.index is not None and self.focus.index < len(ROWS))

    def action_step(self, step: int) -> None:
        self.change(ROWS[self.focus.index], step)

    action_back = calls("on_escape")
    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        return tuple(getattr(self.app.settings, name) for name in ROWS)

    def place(self) -> "SettingsLayout":
        """The title and a hint at the top, then a row a setting and Back, in a centred column;
        with large text the gaps between the rows give way first."""
        th = self.theme
        width = int(min(th.width - 2 * th.margin, th.px(120)))
        x = (th.width - width) // 2
        y = th.px(4) + th.px(0.5) + tx.font(th.heading, "bold").size(self.t("settings_title"))[1]
        hint = tx.fit(self.t("settings_hint"), pygame.Rect(x, y, width, th.px(10)), th.small,
                      th.palette.on_backdrop_muted, "italic", th.small_min)
        y += hint.height + th.px(2)
        rows = [Button(f"{self.name_label(name)}:  {self.value_label(name)}",
                       lambda n=name: self.change(n), icon="right") for name in ROWS]
        rows.append(Button(self.t("back"), self.on_escape, icon="left"))
        bottom = th.height - th.margin
        gap = th.px(1.2)
        heights = [b.preferred_height(th, width) for b in rows]
        spare = bottom - y - sum(heights) - gap * (len(heights) - 1)
        if spare < 0:  # large text: squeeze the gaps before anything overflows
            gap = max(2, gap + spare // len(heights))
        for b, bh in zip(rows, heights):
            b.rect = pygame.Rect(x, y, width, bh)
            y += bh + gap
        return SettingsLayout((x, th.px(4)), hint, rows)

    # --- drawing --------------------------------------------------------------------------------

    def compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        lay = self.layout()
        surface.fill(p.backdrop)
        surface.blit(tx.render(self.t("settings_title"), th.heading, p.on_backdrop, "bold"),
                     lay.title)
        self.drawing.blit(surface, lay.hint)
        self.focus.buttons = lay.rows
        self.focus.draw(surface, th)
        self._draw_values(surface, lay.rows)

    def _draw_values(self, surface: pygame.Surface, rows: list[Button]) -> None:
        """A switch drawing beside on/off values, so their state shows as shape as well as word."""
        th = self.theme
        p = th.palette
        for name, b in zip(ROWS, rows):
            value = getattr(self.app.settings, name)
            if not isinstance(value, bool):
                continue
            w, h = th.px(7), th.px(3.6)
            r = pygame.Rect(0, 0, w, h)
            r.midright = (b.rect.right - th.px(2), b.rect.centery)
            pygame.draw.rect(surface, p.badge if value else p.panel, r, border_radius=h // 2)
            pygame.draw.rect(surface, p.ink, r, width=max(2, th.px(0.3)), border_radius=h // 2)
            knob_x = r.right - h // 2 if value else r.left + h // 2
            pygame.draw.circle(surface, p.on_badge if value else p.ink, (knob_x, r.centery),
                               h // 2 - th.px(0.6))


@dataclass
class SettingsLayout:
    title: tuple[int, int]
    hint: tx.Fit
    rows: list[Button]
