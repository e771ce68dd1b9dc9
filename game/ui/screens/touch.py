"""The story's screens for a touch screen at an event: the same screens, with every button at
least a twelfth of the screen high and touch words instead of key hints.

Event mode (`ui/kiosk.py`) swaps a story screen for its touch variant as it goes on the stack
(`TOUCH_VARIANTS`), so the story screens keep creating each other as usual. The variants override
only the layout of their buttons; reading, choosing and what a choice does stay the parents'.
"""

from __future__ import annotations

import math

import pygame

from .. import text as tx
from ..i18n import LANGUAGE_NAMES, next_language
from ..theme import Theme
from ..widgets import Button, chip, panel
from .base import Screen
from .consequence import ConsequenceScreen
from .ending import EndingScreen
from .scene import SceneScreen

TOUCH_FRACTION = 1 / 12
"""Every button in event mode is at least this share of the screen height."""

TOUCH_WORDS = {
    "hint_advance": "kiosk_hint_advance",
    "hint_keys": "kiosk_hint_keys",
    "discuss_hint": "kiosk_think",
    "discuss": "kiosk_think",
    "to_title": "kiosk_done",
}
"""Interface texts that name keys or the title screen, and what a touch screen says instead."""


def touch_height(theme: Theme) -> int:
    return math.ceil(theme.height * TOUCH_FRACTION)


def touch_corner_buttons(screen: Screen, extra: list[Button] | None = None,
                         left: tuple[int, int] | None = None) -> list[Button]:
    """The language and menu buttons, touch-sized and without key names: at the top right, or
    in a row from `left` (x, y) when given."""
    th = screen.theme
    other = next_language(screen.lang)
    buttons = (extra or []) + [
        Button(LANGUAGE_NAMES.get(other, other.upper()), screen.app.toggle_language),
        Button(screen.t("menu"), screen.app.pause),
    ]
    h = touch_height(th)
    if left is not None:
        x, y = left
        for b in buttons:
            b.rect = pygame.Rect(x, y, b.natural_width(th), h)
            x = b.rect.right + th.px(1)
        return buttons
    x = th.width - th.margin
    for b in reversed(buttons):
        w = b.natural_width(th)
        b.rect = pygame.Rect(x - w, th.px(1.6), w, h)
        x -= w + th.px(1)
    return buttons


class TouchWords:
    """Mixin: key hints read as touch hints."""

    def t(self, key: str, **values: object) -> str:
        return super().t(TOUCH_WORDS.get(key, key), **values)


class TouchCorners:
    """Mixin: the language and menu buttons (`Screen.corner_buttons`) touch-sized."""

    def corner_buttons(self, extra: list[Button] | None = None) -> list[Button]:
        return touch_corner_buttons(self, extra)


class TouchSceneScreen(TouchCorners, TouchWords, SceneScreen):
    """Beats and choices with touch-sized Back, Next, choice, language and menu buttons."""

    footer_button_size = "body"
    tall_footer = True

    def footer_height(self) -> int:
        return touch_height(self.theme)

    def _draw_keys_hint(self, surface, box: pygame.Rect, pad: int, heading_h: int,
                        back: Button) -> None:
        hint = tx.render(self.t("hint_keys"), self.theme.small,
                         self.theme.palette.on_backdrop_muted)
        surface.blit(hint, hint.get_rect(midright=(box.right - pad, back.rect.centery)))

    def _choice_heights(self, buttons: list[Button], inner: int) -> list[int]:
        return [max(touch_height(self.theme), h) for h in super()._choice_heights(buttons, inner)]


class TouchConsequenceScreen(TouchWords, ConsequenceScreen):
    """What a choice did, with touch-sized Back, Think about it, Continue and corner buttons."""

    _nav_area: pygame.Rect | None = None

    def _compose(self, surface: pygame.Surface) -> None:
        # The panel takes the whole height on the right; the place, language and menu go on the
        # left above the victim, so the big buttons cost the story no room.
        th = self.theme
        p = th.palette
        self._fits = []
        self._draw_background(surface)
        label = self.before.place_label
        place = chip(surface, th, (th.margin, th.px(2)), label[:1].upper() + label[1:],
                     p.name_tag, p.on_name_tag)
        victim = self.run.victim_view()

        def panel_box(figure_w: int) -> pygame.Rect:
            return pygame.Rect(figure_w, th.px(1.6), th.width - figure_w - th.margin,
                               th.height - th.margin - th.px(1.6))

        def corners_for(figure_w: int) -> list[Button]:
            corners = touch_corner_buttons(self, left=(place.right + th.px(1), th.px(1.6)))
            if corners[-1].rect.right > figure_w - th.px(1.5):  # narrow: under the place
                corners = touch_corner_buttons(self, left=(th.margin, place.bottom + th.px(1)))
            return corners

        def discussion_pane(figure_w: int) -> pygame.Rect:
            top = corners_for(figure_w)[-1].rect.bottom + th.px(1.5)
            return pygame.Rect(th.margin, top, figure_w - 2 * th.margin,
                               th.height - th.margin - top)

        figure_area_w = self._figure_width(
            lambda w: self._story_area(self._panel_area(panel_box(w))),
            least=corners_for(0)[-1].rect.right + th.px(1.5))
        self._draw_figure(surface, victim, figure_area_w)
        corners = corners_for(figure_area_w)
        box = panel_box(figure_area_w)
        panel(surface, box, th)
        area = self._panel_area(box)
        lower = self._draw_panel(surface, area)
        for b in corners:
            b.draw(surface, th)
        self.nav = self.nav + corners
        self.focus.buttons = self.nav
        if self.show_discussion:
            above_buttons = pygame.Rect(box.x, box.y, box.w, lower.bottom - box.y)
            self._draw_discussion(surface, self._discussion_pane(
                discussion_pane(figure_area_w), lower, above_buttons))

    def _story_area(self, area: pygame.Rect) -> pygame.Rect:
        """The parent keeps one body-sized button row at the bottom; keep a touch-sized one."""
        th = self.theme
        extra = max(0, touch_height(th) - (tx.line_height(th.body, "bold") + th.px(2)))
        return pygame.Rect(area.x, area.y, area.w, area.h - extra)

    def _draw_panel(self, surface: pygame.Surface, area: pygame.Rect) -> pygame.Rect:
        self._nav_area = area
        return super()._draw_panel(surface, self._story_area(area))

    def _layout_nav(self, area: pygame.Rect, h: int) -> None:
        th = self.theme
        area = self._nav_area or area
        h = max(h, touch_height(th))
        go = Button(self.t("continue"), self.go_on, icon="right")
        back = Button(self.t("back"), self.back, icon="left")
        self.nav = [back, go]
        if self.outcome.discuss:
            self.nav.insert(1, Button(self.t("discuss_hint"), self.toggle_discussion))
        gap = th.px(1.2)
        if sum(b.natural_width(th) for b in self.nav) + gap * (len(self.nav) - 1) > area.w:
            for b in self.nav:  # a narrow panel: the same buttons in smaller text
                b.size = "small"
        x = area.right
        for b in reversed(self.nav):
            w = b.natural_width(th)
            b.rect = pygame.Rect(x - w, area.bottom - h, w, h)
            x -= w + gap
        back.rect.x = area.x


class TouchEndingScreen(TouchCorners, TouchWords, EndingScreen):
    """The ending with touch-sized tabs, Play again, Done (back to the attract loop) and corners."""

    top_row_centred = True
    tabs_gap = 1.2

    def _ending_buttons(self) -> list[Button]:
        return [Button(self.t("play_again"), self.app.restart),
                Button(self.t("to_title"), self._to_title, icon="right")]

    def _layout_tabs(self, top: int) -> list[Button]:
        th = self.theme
        tabs = super()._layout_tabs(top)
        x = th.margin
        for b in tabs:
            b.rect = pygame.Rect(x, top, b.natural_width(th), touch_height(th))
            x = b.rect.right + th.px(1.2)
        return tabs


TOUCH_VARIANTS: dict[type, type] = {
    SceneScreen: TouchSceneScreen,
    ConsequenceScreen: TouchConsequenceScreen,
    EndingScreen: TouchEndingScreen,
}
"""Story screen -> its touch variant, for event mode to swap in."""
