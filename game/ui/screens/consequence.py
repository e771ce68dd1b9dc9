"""What a choice did, shown rather than told: the victim's face and posture, the light of the
scene, his meters moving from before to after, and the player's role if it changed."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .. import stage
from .. import text as tx
from ..bindings import ENTER, Binding, calls
from ..fade import Fade
from ..intents import ConsequenceSeen, ShowScene
from ..widgets import Button, MeterRow, chip, chip_rect, ease_out, panel
from .base import Screen
from .chrome import Chip, corner_buttons, draw_header, header_chips, place_bar
from .touch import TouchWords, nav_slots, touch_corner_buttons, touch_height

ANIMATION_SECONDS = 0.8
FRAME_RATE = 30
"""Frames a second while the meters move and the light fades: smooth at 30, and each frame
blends the two lights over half the window, so 60 would cost twice as much for nothing seen."""
FIGURE_SHARE = 0.38
"""The victim stands in this share of the screen's width, left of the panel (less on screens
narrower than 16:9: `Theme.side_width`)..."""
FIGURE_MIN_UNITS = 20
"""...or in less when the panel's text needs the width, down to this many hundredths of the
height. Below 35 units the figure is drawn smaller so that it stays clear of the panel (at 20,
60% of his full height: still his face and posture)."""
FIGURE_REACH_UNITS = 13.2
"""How far the figure reaches either side of its centre at full size, in units; its centre
stands a margin (3 units) in from the left, with a unit to spare before the panel."""


class ConsequenceScreen(Screen):
    BINDINGS = (
        Binding((pygame.K_SPACE, *ENTER), "press_or('go_on')",
                "Press the focused button, else go on"),
        Binding((pygame.K_RIGHT,), "go_on", "Go on"),
        Binding((pygame.K_BACKSPACE, pygame.K_LEFT), "back", "Choose again (class: what if?)"),
        Binding((pygame.K_t,), "toggle_discussion", "Show or hide what to think about"),
    )
    frame_rate = FRAME_RATE

    def __init__(self, app, run, outcome, before_view):
        super().__init__(app)
        self.run = run
        self.outcome = outcome
        self.before = before_view
        self.elapsed = 0.0
        self.show_discussion = False
        self._light = self.outcome.condition_after.light
        """The light of the layer being composed."""
        self._fading: Fade | None = None
        """While the light changes: the fade from the picture under the light before."""
        self._fade_key: tuple | None = None
        self._meter_looks: dict[int, tuple[int, int]] = {}
        """What each meter row showed in the last frame (`MeterRow.moving_look`)."""
        self._lang = run.lang
        if app.settings.reduced_motion:
            self.finish_animations()

    @property
    def progress(self) -> float:
        return min(1.0, self.elapsed / ANIMATION_SECONDS)

    def update(self, dt: float) -> bool:
        if self.progress >= 1.0:
            return False
        self.elapsed += dt
        return True

    def finish_animations(self) -> None:
        self.elapsed = ANIMATION_SECONDS

    def refresh(self) -> None:
        """Language switch: ask the engine for the same outcome again, now in the new words."""
        if self.run.lang != self._lang and self.run.back():
            self.before = self.run.view()
            self.outcome = self.run.choose(self.outcome.choice_id)
        self._lang = self.run.lang

    # --- actions --------------------------------------------------------------------------------

    def go_on(self) -> None:
        if self.progress < 1.0:
            self.finish_animations()
            return
        self.app.go(ConsequenceSeen(self.run, self.outcome, self.before))

    def back(self) -> None:
        """Undo the choice and choose again."""
        if self.app.classroom is not None:  # the vote is recorded: other roads are what-ifs
            self.app.open_timeline()
            return
        if self.run.back():
            self.app.go(ShowScene(self.run, at_choices=True))

    def toggle_discussion(self) -> None:
        self.show_discussion = not self.show_discussion

    def buttons(self) -> list[Button]:
        return self.layout().buttons

    @property
    def nav(self) -> list[Button]:
        """Back (or What if?), Think about it, Continue."""
        return self.layout().panel.nav

    @property
    def corners(self) -> list[Button]:
        """Language and Menu: clickable like the rest."""
        return self.layout().corners

    def check_action(self, name: str, args: tuple) -> bool:
        return name != "toggle_discussion" or bool(self.outcome.discuss)

    action_go_on = calls("go_on")
    action_back = calls("back")
    action_toggle_discussion = calls("toggle_discussion")
    # --- drawing --------------------------------------------------------------------------------

    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        return (self.outcome, self.before, self.show_discussion,
                self.app.classroom is not None)

    def place(self) -> "ConsequenceLayout":
        th = self.theme
        chips = header_chips(th, [self.before.place_label])
        corners = corner_buttons(self)

        def panel_box(figure_w: int) -> pygame.Rect:
            return pygame.Rect(figure_w, corners[0].rect.bottom + th.px(2),
                               th.width - figure_w - th.margin,
                               th.height - th.margin - corners[0].rect.bottom - th.px(2))

        figure_w = self._figure_width(lambda w: self._panel_area(panel_box(w)))
        box = panel_box(figure_w)
        inside = self._place_panel(self._panel_area(box))
        pane = None
        if self.show_discussion:
            beside = pygame.Rect(th.margin, box.y, box.x - 2 * th.margin, box.h)
            above_buttons = pygame.Rect(box.x, box.y, box.w, inside.lower.bottom - box.y)
            pane = self._discussion_pane(beside, inside.lower, above_buttons)
        return ConsequenceLayout(chips, corners, figure_w, box, inside, pane)

    def _discussion_pane(self, beside: pygame.Rect, lower: pygame.Rect,
                         whole: pygame.Rect) -> pygame.Rect:
        """Where the discussion prompts open: `beside` the panel, over the victim, when they
        fit there; else (narrow screens, where his column gave the panel its width) over the
        `lower` part of the panel: his condition, the meters and the role, all seen before,
        under the consequence the prompts are about; else (small windows, below 1280x720) over
        the `whole` panel above its buttons: T shows the consequence again."""
        for pane in (beside, lower):
            if pane.w > 0 and self._discussion_size(pane)[1]:
                return pane
        return whole

    def _place_panel(self, area: pygame.Rect, nav_area: pygame.Rect | None = None
                     ) -> "PanelLayout":
        """The panel's contents in `area`, its buttons at the bottom of `nav_area` (the same
        area unless a touch screen gives them more room). Its `lower` part, from a unit under
        the consequence to above the buttons (a little wider than `area`), is where the
        discussion prompts may open."""
        th = self.theme
        o = self.outcome
        chose, text_box = self._consequence_box(area)
        text = tx.fit(o.consequence, text_box, th.body, th.palette.ink, "regular", th.body_min)
        y = fixed_top = text_box.y + text.height + th.px(2)
        condition = pygame.Rect(area.x, y, area.w, tx.line_height(th.body, "bold") + th.px(1))
        y = condition.bottom
        rows = []
        for row in self._meter_rows():
            rows.append((row, pygame.Rect(area.x, y, area.w, row.height(th))))
            y += row.height(th)
        words = self.t("you_became" if o.role_changed else "you_stayed", role=o.role_label)
        role = chip_rect(th, (area.x, y + th.px(0.5)), words,
                         style="bold" if o.role_changed else "regular")
        nav = self._place_nav(nav_area or area, tx.line_height(th.body, "bold") + th.px(2))
        buttons_top = min(b.rect.top for b in nav)
        top = fixed_top - th.px(1)
        return PanelLayout(pygame.Rect(area), chose, text, condition, rows, (words, role), nav,
                           pygame.Rect(area.x - th.px(1), top, area.w + th.px(2),
                                       buttons_top - th.px(1.5) - top))

    def _place_nav(self, area: pygame.Rect, h: int) -> list[Button]:
        """Back (class mode: What if?) at the left; Think about it and Continue at the right."""
        th = self.theme
        go = Button(self.t("continue"), self.go_on, icon="right")
        back = Button(self.t("whatif") if self.app.classroom is not None else self.t("back"),
                      self.back, size="small", icon="left")
        right = [go]
        if self.outcome.discuss and self.app.classroom is None:  # class mode: its own screen
            right.insert(0, Button(self.t("discuss_hint"), self.toggle_discussion,
                                   size="small"))
        place_bar(th, pygame.Rect(area.x, area.bottom - h, area.w, h), [back], right,
                  th.px(1.2))
        return [back] + right

    # --- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """The whole picture is a static layer with the meters at their end, under the light
        after. While the light changes, the picture under the light before fades out over it
        where the two differ (`_fade_areas`, see fade.py); while the meters move, their numbers
        and bars are drawn over their rows. A frame of the animation that follows another on
        the window changes only those parts, and the app presents only them (`changed`)."""
        o = self.outcome
        state = (*self.layout_state(), self.focus.index)
        before, after = o.condition_before.light, o.condition_after.light
        layer = self.static_layer(surface, self._composer(after), after, *state)
        moving = self.progress < 1.0
        fade = self._fade(surface, before, state) if moving and before != after else None
        if fade is None:  # the memory back once the fade is over
            self._fading = self._fade_key = None
        shown = round(255 * ease_out(self.progress))
        patch = (self.window_shows_last_frame(surface, self.layer_key(*state)) and moving
                 and (fade is None or shown >= fade.shown))
        changed = []
        if not patch:
            surface.blit(layer, (0, 0))
            if fade is not None:
                fade.cover(surface, shown)
        elif fade is not None:
            changed = fade.further(surface, layer, shown)
        if moving:
            changed += self._draw_meters(surface, patch)
        self.changed = changed if patch else None

    def _fade(self, surface: pygame.Surface, light: str, state: tuple) -> Fade:
        """The fade from the picture under `light`, composed (once per light and state) on
        `surface`, which the frame then covers whole: no second window-sized layer is kept."""
        key = self.layer_key(light, *state)
        if self._fading is None or key != self._fade_key:
            self._fading = self._fade_key = None
            self.composing(self._composer(light))(surface)
            self._fading, self._fade_key = Fade(surface, self._fade_areas(surface.get_rect())), key
        return self._fading

    def _fade_areas(self, window: pygame.Rect) -> list[pygame.Rect]:
        """Where the picture differs between two lights: everywhere but the panel, which is
        opaque and the same under every light, except its rounded corners, where the place
        shows."""
        box = self.layout().box
        r = min(self.theme.radius, box.w // 2, box.h // 2)
        corners = [pygame.Rect(x, y, r, r).clip(window)
                   for x in (box.left, box.right - r) for y in (box.top, box.bottom - r)]
        return _around(window, box) + [c for c in corners if c.w > 0 and c.h > 0]

    def _composer(self, light: str):
        def compose(surface: pygame.Surface) -> None:
            self._light = light
            self.compose(surface)
        return compose

    def _draw_meters(self, surface: pygame.Surface, patch: bool) -> list[pygame.Rect]:
        """The meters' numbers and bars at the animation's progress, over their rows of the
        panel (not those a discussion pane covers: they stay under it); returns where. With
        `patch` (the window shows the last frame), only those that look different now."""
        lay = self.layout()
        th = self.theme
        drawn = []
        for i, (row, rect) in enumerate(lay.panel.rows):
            if lay.pane is not None and rect.colliderect(lay.pane):
                continue
            look = row.moving_look(th, rect, self.progress)
            last = self._meter_looks.get(i) if patch else None
            if look == last:
                continue
            self._meter_looks[i] = look
            drawn += row.draw_moving(surface, th, rect, self.progress, th.palette.panel, last)
        return drawn

    def _draw_background(self, surface: pygame.Surface) -> None:
        """The place under the light being composed."""
        th = self.theme
        surface.blit(stage.place(self.before.place, self._light, (th.width, th.height)), (0, 0))

    def compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        lay = self.layout()
        self._draw_background(surface)
        draw_header(surface, th, lay.chips)
        self._draw_figure(surface, self.run.victim_view(), lay.figure_w)
        panel(surface, lay.box, th)
        self._draw_panel(surface, lay.panel)
        self._draw_buttons(surface, lay)
        if lay.pane is not None:
            self._draw_discussion(surface, lay.pane)

    def _draw_buttons(self, surface: pygame.Surface, lay: "ConsequenceLayout") -> None:
        """Every button with the focus, then the corner buttons once more over them."""
        self.focus.buttons = lay.buttons
        self.focus.draw(surface, self.theme)
        for b in lay.corners:
            b.draw(surface, self.theme)

    def _draw_figure(self, surface: pygame.Surface, victim, figure_area_w: int) -> None:
        """The victim at the bottom of his column: full size where it is wide enough, else
        smaller so that he stays clear of the panel."""
        th = self.theme
        expression = self.outcome.condition_after.expression
        room = figure_area_w - th.px(1) - th.margin
        scale = min(1.0, room / (2 * FIGURE_REACH_UNITS * th.u))
        figure = stage.character(victim.look, expression, int(th.height * 0.74 * scale),
                                 posture=stage.posture_for(expression), facing=1)
        centre = min(figure_area_w // 2 + th.margin,
                     int(figure_area_w - th.px(1) - FIGURE_REACH_UNITS * th.u * scale))
        surface.blit(figure, figure.get_rect(midbottom=(centre, th.height * 0.99)))

    def _panel_area(self, box: pygame.Rect) -> pygame.Rect:
        """Inside the panel: what `_draw_panel` lays out in."""
        return box.inflate(-2 * self.theme.px(2.2), -2 * self.theme.px(2))

    def _figure_width(self, area_for, least: int = 0) -> int:
        """The width left of the panel for the victim (`area_for(width)` is the panel's inside;
        `least`, what else his column must hold, such as the touch screen's corner buttons).

        His share of the screen's width (`Theme.side_width`), unless the panel's text does not
        fit even at the smallest body size: then the panel grows to the left, step by step, as
        far as the figure allows. Fonts do not scale exactly with the screen (sizes are rounded
        up, glyph widths are hinted), so a text that just fits at 1280x720 can take a line more
        elsewhere; and 4:3 screens are narrower than 16:9 even once his column gave them its
        share. The discussion prompts do not hold the panel back: they open over the panel's
        lower part when his column is too narrow for them (`_discussion_pane`)."""
        th = self.theme
        narrowest = max(least, th.px(FIGURE_MIN_UNITS))
        widest = max(th.side_width(FIGURE_SHARE), narrowest)
        for width in [*range(widest, narrowest, -th.px(1)), narrowest]:
            if self._panel_fits(area_for(width)):
                return width
        return narrowest

    def _panel_fits(self, area: pygame.Rect) -> bool:
        """Whether the consequence fits its box at the smallest body size, and the line on the
        victim's condition fits one line at the smallest small size, in the panel's `area`."""
        th = self.theme
        box = self._consequence_box(area)[1]
        return (tx.wrapped_height(self.outcome.consequence, box.w, th.body_min) <= box.h
                and tx.text_width(self._condition_line(), th.small_min, "bold") <= area.w)

    def _condition_line(self) -> str:
        o = self.outcome
        line = self.t("how_is", name=self.run.victim_view().name, condition=o.condition_after.label)
        if o.condition_changed:
            line += f"  ({self.t('was', condition=o.condition_before.label)})"
        return line

    def _meter_rows(self) -> list[MeterRow]:
        return [MeterRow(c.label, c.before, c.after, *self._range(c.id), c.good,
                         self.t("better"), self.t("worse"), self.t("no_change"),
                         self.t("lower_is_better") if c.good == "low" else None)
                for c in self._changes()]

    def _consequence_box(self, area: pygame.Rect) -> tuple[tx.Fit, pygame.Rect]:
        """The "you chose" line, and the box left for the consequence text in `area`: the
        fixed parts are measured from the bottom up, and the text gets the room that is left."""
        th = self.theme
        o = self.outcome
        classroom = self.app.classroom
        chose_key = classroom.chose_key() if classroom is not None else "you_chose"
        chose = tx.fit(self.t(chose_key, choice=o.choice_text),
                       pygame.Rect(area.x, area.y, area.w, th.px(12)), th.small,
                       th.palette.ink_muted, "italic", th.small_min)
        y = area.y + chose.height + th.px(1.2)
        button_h = tx.line_height(th.body, "bold") + th.px(2)
        bottom = area.bottom - button_h - th.px(1.5)
        rows_h = sum(r.height(th) for r in self._meter_rows())
        role_h = tx.line_height(th.small, "bold") + th.px(1.5)
        cond_h = tx.line_height(th.body, "bold") + th.px(1)
        top_of_fixed = bottom - role_h - rows_h - cond_h
        return chose, pygame.Rect(area.x, y, area.w, max(1, top_of_fixed - y - th.px(1.5)))

    def _draw_panel(self, surface: pygame.Surface, inside: "PanelLayout") -> None:
        """The panel's words, meters (at their end) and role chip; its buttons are drawn with
        the corner buttons."""
        th = self.theme
        p = th.palette
        o = self.outcome
        self.drawing.blit(surface, inside.chose)
        self.drawing.blit(surface, inside.text)
        self.drawing.fit(self._condition_line(), inside.condition, th.body, p.ink, "bold",
                         th.small_min).blit(surface)
        for row, rect in inside.rows:
            self.drawing.check(row.label, row.draw(surface, th, rect, 1.0))
        words, role = inside.role
        if o.role_changed:
            chip(surface, th, role.topleft, words, p.badge, p.on_badge)
        else:
            chip(surface, th, role.topleft, words, p.same, p.on_same, style="regular")
        self.drawing.check("(role chip over the buttons)",
                           role.bottom <= min(b.rect.top for b in inside.nav))

    def _discussion_size(self, area: pygame.Rect) -> tuple[int, bool]:
        """One size for all the prompts in the discussion pane `area`: the largest, down to the
        small minimum, that lets every one of them fit; and whether that size fits."""
        th = self.theme
        inner = area.inflate(-2 * th.px(2), -2 * th.px(2))
        room = inner.h - tx.line_height(th.body, "bold") - th.px(1)
        prompts = list(self.outcome.discuss)
        size = th.body
        while True:
            need = (sum(tx.wrapped_height(q, max(1, inner.w), size) for q in prompts)
                    + th.px(1.5) * (len(prompts) - 1))
            if need <= room or size <= th.small_min:
                return size, need <= room
            size = max(th.small_min, int(size * 0.94))

    def _draw_discussion(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        th = self.theme
        p = th.palette
        panel(surface, area, th, p.narration, p.narration)
        inner = area.inflate(-2 * th.px(2), -2 * th.px(2))
        heading = tx.render(self.t("discuss"), th.body, p.on_narration, "bold")
        surface.blit(heading, inner.topleft)
        size, _ = self._discussion_size(area)
        y = inner.y + heading.get_height() + th.px(1)
        for prompt in self.outcome.discuss:
            fit = self.drawing.fit(prompt, pygame.Rect(inner.x, y, inner.w,
                                                       max(1, inner.bottom - y)),
                                   size, p.on_narration, "regular", size)
            fit.blit(surface)
            y += fit.height + th.px(1.5)

    def _changes(self):
        """Every meter, changed or not, so the class sees his whole state."""
        from ...core.engine import MeterChange
        changed = {c.id: c for c in self.outcome.changes}
        after = {m.id: m for m in self.run.meter_views()}
        out = []
        for m in after.values():
            out.append(changed.get(m.id) or MeterChange(m.id, m.label, m.value, m.value, m.good))
        return out

    def _range(self, meter_id: str) -> tuple[int, int]:
        m = next(m for m in self.run.meter_views() if m.id == meter_id)
        return m.min, m.max


def _around(outer: pygame.Rect, hole: pygame.Rect) -> list[pygame.Rect]:
    """`outer` less `hole`, as up to four rectangles: above, below, left and right of it."""
    hole = hole.clip(outer)
    parts = [pygame.Rect(outer.x, outer.y, outer.w, hole.top - outer.y),
             pygame.Rect(outer.x, hole.bottom, outer.w, outer.bottom - hole.bottom),
             pygame.Rect(outer.x, hole.y, hole.x - outer.x, hole.h),
             pygame.Rect(hole.right, hole.y, outer.right - hole.right, hole.h)]
    return [r for r in parts if r.w > 0 and r.h > 0]


class TouchConsequenceScreen(TouchWords, ConsequenceScreen):
    """What a choice did, with touch-sized Back, Think about it, Continue and corner buttons."""

    def place(self) -> "ConsequenceLayout":
        # The panel takes the whole height on the right; the place, language and menu go on the
        # left above the victim, so the big buttons cost the story no room.
        th = self.theme
        chips = header_chips(th, [self.before.place_label])
        place = chips[0].rect

        def panel_box(figure_w: int) -> pygame.Rect:
            return pygame.Rect(figure_w, th.px(1.6), th.width - figure_w - th.margin,
                               th.height - th.margin - th.px(1.6))

        def corners_for(figure_w: int) -> list[Button]:
            corners = touch_corner_buttons(self, left=(place.right + th.px(1), th.px(1.6)))
            if corners[-1].rect.right > figure_w - th.px(1.5):  # narrow: under the place
                corners = touch_corner_buttons(self, left=(th.margin, place.bottom + th.px(1)))
            return corners

        figure_w = self._figure_width(
            lambda w: self._story_area(self._panel_area(panel_box(w))),
            least=corners_for(0)[-1].rect.right + th.px(1.5))
        corners = corners_for(figure_w)
        box = panel_box(figure_w)
        area = self._panel_area(box)
        inside = self._place_panel(self._story_area(area), nav_area=area)
        pane = None
        if self.show_discussion:
            top = corners[-1].rect.bottom + th.px(1.5)
            beside = pygame.Rect(th.margin, top, figure_w - 2 * th.margin,
                                 th.height - th.margin - top)
            above_buttons = pygame.Rect(box.x, box.y, box.w, inside.lower.bottom - box.y)
            pane = self._discussion_pane(beside, inside.lower, above_buttons)
        return ConsequenceLayout(chips, corners, figure_w, box, inside, pane)

    def _story_area(self, area: pygame.Rect) -> pygame.Rect:
        """The parent keeps one body-sized button row at the bottom; keep a touch-sized one."""
        th = self.theme
        extra = max(0, touch_height(th) - (tx.line_height(th.body, "bold") + th.px(2)))
        return pygame.Rect(area.x, area.y, area.w, area.h - extra)

    def _place_nav(self, area: pygame.Rect, h: int) -> list[Button]:
        """Back and Continue where every story screen of event mode has them (`nav_slots`),
        Think about it left of Continue."""
        th = self.theme
        back = Button(self.t("back"), self.back, icon="left")
        go = Button(self.t("continue"), self.go_on, icon="right")
        back.rect, go.rect = nav_slots(self)
        nav = [back, go]
        if self.outcome.discuss:
            think = Button(self.t("discuss_hint"), self.toggle_discussion)
            gap = th.px(1.2)
            room = go.rect.x - gap - max(area.x, back.rect.right + gap)
            if think.natural_width(th) > room:
                think.size = "small"  # a narrow panel: smaller words
            w = min(think.natural_width(th), room)
            think.rect = pygame.Rect(go.rect.x - gap - w, go.rect.y, w, go.rect.h)
            nav.insert(1, think)
        return nav

    def _draw_buttons(self, surface: pygame.Surface, lay: "ConsequenceLayout") -> None:
        """The panel's buttons with the focus, the corner buttons (left, touch-sized) plain."""
        self.focus.buttons = lay.panel.nav
        self.focus.draw(surface, self.theme)
        for b in lay.corners:
            b.draw(surface, self.theme)
        self.focus.buttons = lay.buttons


@dataclass
class PanelLayout:
    """The consequence panel's inside: where its words are (`still`: the same under every
    light), the "you chose" line and the consequence (fitted), the line on his condition, the
    meters' rows, the role chip (its words and place), the buttons, and the lower part where
    the discussion prompts may open."""

    still: pygame.Rect
    chose: tx.Fit
    text: tx.Fit
    condition: pygame.Rect
    rows: list[tuple[MeterRow, pygame.Rect]]
    role: tuple[str, pygame.Rect]
    nav: list[Button]
    lower: pygame.Rect


@dataclass
class ConsequenceLayout:
    chips: list[Chip]
    corners: list[Button]
    figure_w: int
    """The victim's column, left of the panel."""
    box: pygame.Rect
    panel: PanelLayout
    pane: pygame.Rect | None
    """Where the discussion prompts open, when they are shown."""

    @property
    def buttons(self) -> list[Button]:
        return self.panel.nav + self.corners
