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
from ..dialogue import chat_column, dialogue_layout, draw_chat, draw_dialogue, visible_prefix
from ..i18n import LANGUAGE_NAMES, next_language
from ..theme import Theme
from ..widgets import Button, chip, panel
from .base import Screen, header_bar
from .consequence import ConsequenceScreen
from .ending import OUTCOME_ICON, EndingScreen
from .scene import SceneScreen, fit_choices

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


class TouchSceneScreen(TouchWords, SceneScreen):
    """Beats and choices with touch-sized Back, Next, choice, language and menu buttons."""

    def _compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        self._fits = []
        self._dialogue = None
        self._draw_stage(surface)
        v = self.view
        header = [v.place_label] + ([self.t("step", step=v.step_label)] if v.step_label else [])
        top = header_bar(surface, th, header)
        status = [self.t("your_role", role=v.role_label)]
        if self.run.scenario.victim:
            name = self.run.scenario.cast[self.run.scenario.victim].name
            status.append(self.t("condition", name=name, condition=v.condition.label))
        row2 = header_bar(surface.subsurface(pygame.Rect(0, top.bottom, th.width,
                                                         th.height - top.bottom)), th, status)
        header_bottom = top.bottom + row2.bottom
        corners = touch_corner_buttons(self)
        footer_h = touch_height(th)
        if self.phase == "choices":
            self._draw_choices(surface, header_bottom, corners)
            return
        beat = self.current_beat()
        shown = visible_prefix(beat.text, self.typed) if beat else ""
        if self.is_chat:
            column = chat_column(th)
            bar = pygame.Rect(column.x, th.height - th.margin - footer_h, column.w, footer_h)
            top_of_chat = max(header_bottom, corners[-1].rect.bottom) + th.px(1)
            ok = draw_chat(surface, th, column, bar.y - th.px(1.5), top_of_chat,
                           [(b.text, b.speaker_name) for b in v.beats[:self.beat + 1]], shown)
            self._fits.append((beat.text if beat else "", ok))
            self._draw_footer(surface, bar, corners, on_panel=False)
            return
        if beat is None:
            return
        layout = dialogue_layout(th, beat.text, beat.speaker is None, footer_h)
        draw_dialogue(surface, th, layout, None, beat.speaker_name, self._speaker_x(beat))
        self._dialogue = layout
        self._fits.append((beat.text, layout.text.fits))
        self._draw_footer(surface, layout.footer, corners, on_panel=not layout.narration)

    def _draw_footer(self, surface, bar: pygame.Rect, corners: list[Button],
                     on_panel: bool) -> None:
        th = self.theme
        p = th.palette
        back = Button(self.t("back"), self.back, icon="left")
        nxt = Button(self.t("next"), self.advance, icon="right")
        x = bar.right
        for b in (nxt, back):
            w = b.natural_width(th)
            b.rect = pygame.Rect(x - w, bar.y, w, bar.h)
            x -= w + th.px(1)
        counter = f"{self.beat + 1} / {len(self.view.beats)}"
        if self.is_chat and not on_panel:
            counter_surface = tx.render(counter, th.small, p.on_backdrop, "bold")
            bg = pygame.Rect(bar.x, bar.y, counter_surface.get_width() + th.px(2), bar.h)
            pygame.draw.rect(surface, p.backdrop, bg, border_radius=th.radius)
            surface.blit(counter_surface, counter_surface.get_rect(center=bg.center))
        else:
            colour = p.ink_muted if on_panel else p.on_narration
            hint = tx.fit(f"{counter}   ·   {self.t('hint_advance')}",
                          pygame.Rect(bar.x, bar.y, max(1, x - bar.x), bar.h), th.small,
                          colour, "regular", th.small_min)
            if hint.fits:
                hint.blit(surface, "center")
            else:
                counter_surface = tx.render(counter, th.small, colour)
                surface.blit(counter_surface,
                             counter_surface.get_rect(midleft=(bar.x, bar.centery)))
        self._nav_buttons = corners + [back, nxt]
        for b in self._nav_buttons:
            b.draw(surface, th)

    def _choice_heights(self, buttons: list[Button], inner: int) -> list[int]:
        return [max(touch_height(self.theme), h) for h in super()._choice_heights(buttons, inner)]

    def _draw_choices(self, surface, header_bottom: int, corners: list[Button]) -> None:
        th = self.theme
        p = th.palette
        m = th.margin
        pad = th.px(2)
        width = th.width - 2 * m
        inner = width - 2 * pad
        touch = touch_height(th)
        buttons = [Button(c.text, lambda cid=c.id: self.choose(cid), badge=c.number,
                          badge_sub=c.letter, enabled=c.available, reason=c.reason)
                   for c in self.view.choices[:4]]
        heading = tx.render(self.t("what_do_you_do"), th.heading, p.on_backdrop, "bold")
        back = Button(self.t("back"), self.back, icon="left")
        top = max(header_bottom, corners[-1].rect.bottom) + th.px(1)
        fixed = pad + heading.get_height() + th.px(1) + th.px(1.5) + touch + pad
        heights, gap, fits = fit_choices(buttons, th, lambda: self._choice_heights(buttons, inner),
                                         th.height - m + 1 - top - fixed)
        total = fixed + sum(heights) + gap * (len(heights) - 1)
        box = pygame.Rect(m, max(top, th.height - m - total), width, total)
        box.h = min(box.h, th.height - m - box.y)
        panel(surface, box, th, p.backdrop, p.backdrop)
        surface.blit(heading, (box.x + pad, box.y + pad))
        y = box.y + pad + heading.get_height() + th.px(1)
        for b, bh in zip(buttons, heights):
            b.rect = pygame.Rect(box.x + pad, y, inner, bh)
            y += bh + gap
        focus_index = self.choice_focus.index
        self.choice_focus.buttons = buttons
        self.choice_focus.index = focus_index
        self.choice_focus.draw(surface, th)
        back.rect = pygame.Rect(box.x + pad, box.bottom - pad - touch, back.natural_width(th),
                                touch)
        hint = tx.render(self.t("hint_keys"), th.small, p.on_backdrop_muted)
        surface.blit(hint, hint.get_rect(midright=(box.right - pad, back.rect.centery)))
        self._nav_buttons = corners + [back]
        for b in self._nav_buttons:
            b.draw(surface, th)
        self._fits.append(("(choice panel height)", fits))


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
        scenario = self.run.scenario
        victim = scenario.cast[scenario.victim]

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


class TouchEndingScreen(TouchWords, EndingScreen):
    """The ending with touch-sized tabs, Play again, Done (back to the attract loop) and corners."""

    def _compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        self._fits = []
        surface.fill(p.backdrop)
        ending = self.summary.ending
        m = th.margin
        again = Button(self.t("play_again"), self.app.restart)
        home = Button(self.t("to_title"), self._to_title, icon="right")
        corners = touch_corner_buttons(self, [again, home])
        chip_rect = chip(surface, th, (m, corners[0].rect.centery), self.t("ending"), p.badge,
                         p.on_badge, anchor="midleft")
        tabs = self._layout_tabs(corners[0].rect.bottom + th.px(1.2))
        if ending is not None:
            label = self.t("outcome", outcome=ending.outcome_label)
            width = tx.text_width(label, th.small) + th.small + th.px(3)
            self._outcome_in_story = False
            if chip_rect.right + th.px(1) + width <= corners[0].rect.left - th.px(1):
                pos, anchor = (chip_rect.right + th.px(1), chip_rect.centery), "midleft"
            else:
                pos, anchor = (th.width - m, tabs[-1].rect.centery), "midright"
                if th.width - m - width < tabs[-1].rect.right + th.px(1):
                    self._outcome_in_story = True  # no room up here: beside the title instead
            if not self._outcome_in_story:
                chip(surface, th, pos, label, p.panel, p.ink, style="regular",
                     icon=OUTCOME_ICON.get(ending.outcome), anchor=anchor)
        self.nav = tabs + corners
        top = tabs[0].rect.bottom + th.px(1.5)
        help_rect = self._draw_help(surface)
        area = pygame.Rect(m, top, th.width - 2 * m, help_rect.y - th.px(1.5) - top)
        if self.pane == "story":
            self._draw_story(surface, area)
        else:
            self._draw_pictures(surface, area)
        self.focus.buttons = self.nav
        self.focus.draw(surface, th)
        for b in tabs:  # the open tab: a bar under it, besides its filled badge
            if b.badge == str(self.panes().index(self.pane) + 1):
                pygame.draw.rect(surface, p.focus, (b.rect.x, b.rect.bottom + th.px(0.4),
                                                    b.rect.w, th.px(0.7)))

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
