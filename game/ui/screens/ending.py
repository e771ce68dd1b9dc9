"""The ending: what it means for the victim, the road the player took, how he was doing along the
way, the player's role journey, and where to get help, which is always on screen here."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .. import charts, stage
from .. import text as tx
from ..bindings import Binding, calls
from ..intents import ShowScene
from ..widgets import Button, chip, chip_rect, panel
from .base import Screen
from .chrome import draw_open_tab, place_tabs
from .touch import TouchCorners, TouchWords, touch_height

OUTCOME_ICON = {"good": "up", "mixed": "same", "bad": "down"}


class EndingScreen(Screen):
    BINDINGS = (
        Binding((pygame.K_BACKSPACE, pygame.K_LEFT), "back", "Back into the story"),
        Binding((pygame.K_d,), "debrief", "The class's debrief"),
        *(Binding((pygame.K_1 + i,), f"pane({i})", f"Tab {i + 1}") for i in range(3)),
    )

    def __init__(self, app, run):
        super().__init__(app)
        self.run = run
        self.summary = run.summary()
        self._map = None
        self.pane = "story"
        """story (title, text, journey) or path (branch map and meter chart); map and chart
        one at a time on 4:3."""
        if app.classroom is not None:  # class mode: the road's ending goes into the record
            app.classroom.finish(run)

    def refresh(self) -> None:
        self.summary = self.run.summary()

    def back(self) -> None:
        """Back into the story: the ending scene's last beat."""
        self.app.go(ShowScene(self.run, at_choices=True))

    def buttons(self) -> list[Button]:
        return self.layout().buttons

    def check_action(self, name: str, args: tuple) -> bool:
        return name != "debrief" or self.app.classroom is not None

    action_back = calls("back")

    def action_debrief(self) -> None:
        self.app.open_debrief()

    def action_pane(self, index: int) -> None:
        panes = self.panes()
        if index < len(panes):
            self.pane = panes[index]

    def branch_map(self):
        if self._map is None:
            self._map = self.run.branch_map()
        return self._map

    # --- drawing --------------------------------------------------------------------------------

    def panes(self) -> list[str]:
        """Wide screens show the map and the chart side by side; 4:3 screens one at a time."""
        if self.theme.width / self.theme.height > 1.5:
            return ["story", "path"]
        return ["story", "map", "chart"]

    def show_pane(self, pane: str) -> None:
        if pane == "path" and "path" not in self.panes():
            pane = "map"
        self.pane = pane

    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        return self.summary, self.pane, self.app.classroom is not None

    def place(self) -> "EndingLayout":
        th = self.theme
        m = th.margin
        ending = self.summary.ending
        corners = self.corner_buttons(self._ending_buttons())
        level = "midleft" if self.top_row_centred else "topleft"  # how the chips meet the row
        row_y = getattr(corners[0].rect, level)[1]
        chip_box = chip_rect(th, (m, row_y), self.t("ending"), anchor=level)
        tabs = self._place_tabs(max(chip_box.bottom, corners[0].rect.bottom)
                                + th.px(self.tabs_gap))
        outcome = None
        in_story = False
        if ending is not None:
            # Beside "Ending" when there is room, else at the end of the tabs row, else under
            # the title, in the story pane.
            label = self.t("outcome", outcome=ending.outcome_label)
            width = tx.text_width(label, th.small) + th.small + th.px(3)
            pos, anchor = (chip_box.right + th.px(1), row_y), level
            if pos[0] + width > corners[0].rect.left - th.px(1):
                pos, anchor = (th.width - m, tabs[-1].rect.centery), "midright"
                in_story = th.width - m - width < tabs[-1].rect.right + th.px(1)
            if not in_story:
                outcome = chip_rect(th, pos, label, style="regular",
                                    icon=OUTCOME_ICON.get(ending.outcome), anchor=anchor)
        top = tabs[0].rect.bottom + th.px(1.5)
        help_box = self._place_help()
        area = pygame.Rect(m, top, th.width - 2 * m, help_box.box.y - th.px(1.5) - top)
        return EndingLayout(corners, chip_box, outcome, in_story, tabs, help_box, area)

    top_row_centred = False
    """Whether the "Ending" and outcome chips are centred on the corner buttons rather than level
    with their tops: touch variants' buttons are much taller than a chip."""
    tabs_gap = 1.5
    """The space between the top row and the tabs, in layout units; touch variants, whose
    buttons are tall, keep it a little smaller."""

    def _ending_buttons(self) -> list[Button]:
        """The buttons before the language and menu ones: play again (class mode: on to the
        debrief) and back to the title; touch variants make them larger."""
        again = Button(self.t("play_again"), self.app.restart, size="small")
        home = Button(self.t("to_title"), self._to_title, size="small")
        if self.app.classroom is not None:  # class mode: on to the debrief, not a new game
            again = Button(self.t("debrief_button"), self.app.open_debrief, size="small")
        return [again, home]

    def _place_tabs(self, top: int) -> list[Button]:
        th = self.theme
        name = self.run.victim_view().name
        labels = {"story": self.t("tab_story"), "path": self.t("tab_path"),
                  "map": self.t("tab_path"), "chart": self.t("chart_title", name=name)}
        if self.pane not in self.panes():  # the window changed shape
            self.pane = "map" if self.pane == "path" else ("path" if self.pane in ("map", "chart")
                                                           else "story")
        tabs = [Button(labels[pane], lambda p=pane: self.show_pane(p), badge=str(i + 1),
                       size="small") for i, pane in enumerate(self.panes())]
        place_tabs(th, tabs, top, self.tab_height())
        return tabs

    def tab_height(self) -> int | None:
        """The tabs' height; touch variants make them touch-high (None: as tall as they need)."""
        return None

    # --- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Nothing moves here: the layer (chart and branch map included) is composed again only
        when the pane, the focus or the words change."""
        self.draw_static(surface, self.compose, *self.layout_state(), self.focus.index)

    def compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        lay = self.layout()
        ending = self.summary.ending
        surface.fill(p.backdrop)
        chip(surface, th, lay.chip.topleft, self.t("ending"), p.badge, p.on_badge)
        if lay.outcome is not None:
            chip(surface, th, lay.outcome.topleft,
                 self.t("outcome", outcome=ending.outcome_label), p.panel, p.ink,
                 style="regular", icon=OUTCOME_ICON.get(ending.outcome))
        self._draw_help(surface, lay.help)
        if self.pane == "story":
            self._draw_story(surface, lay.area, lay.outcome_in_story)
        else:
            self._draw_pictures(surface, lay.area)
        self.focus.buttons = lay.buttons
        self.focus.draw(surface, th)
        draw_open_tab(surface, th, lay.tabs[self.panes().index(self.pane)])

    def _to_title(self) -> None:
        self.app.show_title(self.app.catalogue.index_of(self.app.entry.path)
                            if self.app.entry else None)

    def _place_help(self) -> "HelpLayout":
        """Where to get help: a full-width band at the bottom, on every pane, never hidden.

        It takes at most 42% of the height; long help shrinks from body size towards the
        small size to stay whole rather than being cut."""
        th = self.theme
        items = list(self.summary.ending.help if self.summary.ending else ())
        m = th.margin
        pad = th.px(1.8)
        heading_h = tx.font(th.body, "bold").size(self.t("help"))[1]
        width = th.width - 2 * m - 2 * pad - th.px(2.5)
        size = th.body
        for share in (0.42, 0.5, 0.6):  # narrow (4:3) screens need more room than 16:9
            limit = int(th.height * share) - 2 * pad - heading_h
            size = th.body
            while True:
                heights = [tx.wrapped_height(it, width, size) for it in items]
                total = sum(heights) + th.px(0.6) * max(0, len(items) - 1)
                if total <= limit or size <= th.small_min:
                    break
                size = max(th.small_min, int(size * 0.94))
            if total <= limit:
                break
        height = 2 * pad + heading_h + min(total, limit)
        box = pygame.Rect(m, th.height - m - height, th.width - 2 * m, height)
        return HelpLayout(box, items, size, heights, total <= limit)

    def _draw_help(self, surface: pygame.Surface, help_box: "HelpLayout") -> None:
        th = self.theme
        p = th.palette
        box = help_box.box
        pad = th.px(1.8)
        indent = th.px(2.5)
        width = th.width - 2 * th.margin - 2 * pad - indent
        size = help_box.size
        self.drawing.check("(help)", help_box.fits)
        heading = tx.render(self.t("help"), th.body, p.ink, "bold")
        panel(surface, box, th)
        surface.blit(heading, (box.x + pad, box.y + pad))
        y = box.y + pad + heading.get_height()
        for item, h in zip(help_box.items, help_box.heights):
            bullet = max(3, th.px(0.6))
            pygame.draw.circle(surface, p.ink, (box.x + pad + bullet,
                                                y + tx.line_height(size) // 2), bullet)
            surface.blit(tx.render(item, size, p.ink, "regular", width),
                         (box.x + pad + indent, y))
            y += h + th.px(0.6)

    def _draw_story(self, surface: pygame.Surface, area: pygame.Rect,
                    outcome_in_story: bool) -> None:
        """Text, then the journey, then the victim as he is at the end: shown, not only told.

        On 4:3 the words get the whole width and the journey moves to the map's pane. Where
        the words do not fit beside the figure (16:10 screens wrap more lines, and the help
        under them takes more height), the figure gives them its width: the ending and the
        journey matter more than his picture, which the consequences showed all along."""
        th = self.theme
        p = th.palette
        ending = self.summary.ending
        wide = th.width / th.height > 1.5
        figure_w = int(area.h * 0.42) if wide else 0
        parts = self._story_parts(area, figure_w, wide, outcome_in_story)
        if figure_w and not all(f.fits for f in parts[2:] if f is not None):
            figure_w = 0
            parts = self._story_parts(area, figure_w, wide, outcome_in_story)
        left, right, title, body, journey = parts
        if figure_w:
            self._draw_victim(surface, pygame.Rect(right.right, area.y, figure_w, area.h))
        title.blit(surface)
        self.drawing.check(title.text, title.fits)
        if outcome_in_story and ending is not None:  # on the title's line, at the right
            chip(surface, th, (left.right, left.y + title.height // 2),
                 self.t("outcome", outcome=ending.outcome_label), p.panel, p.ink,
                 style="regular", icon=OUTCOME_ICON.get(ending.outcome), anchor="midright")
        body.blit(surface)
        self.drawing.check(body.text, body.fits)
        if journey is None:
            return
        panel(surface, right, th, p.narration, p.narration)
        inner = right.inflate(-2 * th.px(2), -2 * th.px(2))
        surface.blit(tx.render(self.t("journey"), th.body, p.on_narration, "bold"), inner.topleft)
        journey.blit(surface)
        self.drawing.check(journey.text, journey.fits)

    def _story_parts(self, area: pygame.Rect, figure_w: int, wide: bool, outcome_in_story: bool):
        """The story pane laid out beside a figure `figure_w` wide: the words' column, the
        journey's panel, and the title, text and journey fitted (no journey on 4:3); the
        title leaves room for the outcome chip when it goes on its line."""
        th = self.theme
        p = th.palette
        ending = self.summary.ending
        gap = th.px(3)
        left = pygame.Rect(area.x, area.y, int((area.w - figure_w) * 0.58), area.h)
        if not wide:
            left.w = area.w
        right = pygame.Rect(left.right + gap, area.y, area.right - figure_w - left.right - gap,
                            area.h)
        title_text = ending.title if ending else ""
        title_w = left.w
        if outcome_in_story and ending is not None:
            title_w -= tx.text_width(self.t("outcome", outcome=ending.outcome_label),
                                     th.small) + th.small + th.px(5)
        title = tx.fit(title_text, pygame.Rect(left.x, left.y, title_w, th.px(20)), th.heading,
                       p.on_backdrop, "bold", th.body_min)
        y = left.y + title.height + th.px(1)
        body = tx.fit(ending.text if ending else "", pygame.Rect(left.x, y, left.w,
                                                                  left.bottom - y),
                      th.body, p.on_backdrop, "regular", th.body_min)
        if not wide:
            return left, right, title, body, None
        head_h = tx.render(self.t("journey"), th.body, p.on_narration, "bold").get_height()
        need = (head_h + th.px(0.5) + 2 * th.px(2)
                + tx.wrapped_height(self.summary.journey, right.w - 2 * th.px(2), th.body))
        right.h = min(right.h, need)
        inner = right.inflate(-2 * th.px(2), -2 * th.px(2))
        y = inner.y + head_h + th.px(0.5)
        journey = tx.fit(self.summary.journey, pygame.Rect(inner.x, y, inner.w, inner.bottom - y),
                         th.body, p.on_narration, "regular", th.small_min)
        return left, right, title, body, journey

    def _draw_victim(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        victim = self.run.victim_view()
        expression = self.run.condition_view().expression
        figure = stage.character(victim.look, expression, int(area.h * 0.98),
                                 posture=stage.posture_for(expression), facing=-1)
        surface.blit(figure, figure.get_rect(midbottom=area.midbottom))

    def _draw_pictures(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        th = self.theme
        gap = th.px(1.5)
        half = (area.w - gap) // 2
        map_box = pygame.Rect(area.x, area.y, half, area.h)
        chart_box = pygame.Rect(map_box.right + gap, area.y, area.w - half - gap, area.h)
        if self.pane == "map":
            journey = self.drawing.fit(self.summary.journey,
                                       pygame.Rect(area.x, area.y, area.w, area.h // 3),
                                       th.body, th.palette.on_backdrop, "italic", th.small_min)
            journey.blit(surface)
            top = area.y + journey.height + th.px(1)
            map_box, chart_box = pygame.Rect(area.x, top, area.w, area.bottom - top), None
        elif self.pane == "chart":
            map_box, chart_box = None, area
        name = self.run.victim_view().name
        if map_box is not None:
            inner = self._titled_panel(surface, map_box, self.t("map_title"))
            legend = {"taken": self.t("legend_taken"), "not_taken": self.t("legend_not_taken"),
                      "scene": self.t("legend_scene"), "choice": self.t("legend_choice"),
                      "ending": self.t("legend_ending")}
            self.drawing.check("(branch map)", charts.branch_map(
                surface, th, inner, self.branch_map(), self.summary.path, legend))
        if chart_box is not None:
            inner = self._titled_panel(surface, chart_box, self.t("chart_title", name=name))
            series = [charts.Series(m.label + (f" ({self.t('lower_is_better')})"
                                               if m.good == "low" else ""),
                                    self.summary.meter_history[m.id], m.min, m.max)
                      for m in self.run.meter_views()]
            self.drawing.check("(chart legend)", charts.line_chart(
                surface, th, inner, series, self.t("chart_x"), self.t("chart_y")))

    def _titled_panel(self, surface: pygame.Surface, box: pygame.Rect, title: str) -> pygame.Rect:
        th = self.theme
        pad = th.px(1.5)
        panel(surface, box, th)
        head = tx.render(title, th.small, th.palette.ink, "bold")
        surface.blit(head, (box.x + pad, box.y + pad // 2))
        inner = box.inflate(-2 * pad, -pad - head.get_height())
        inner.y = box.y + pad // 2 + head.get_height()
        return inner


class TouchEndingScreen(TouchCorners, TouchWords, EndingScreen):
    """The ending with touch-sized tabs, Play again, Done (back to the attract loop) and corners."""

    top_row_centred = True
    tabs_gap = 1.2

    def _ending_buttons(self) -> list[Button]:
        return [Button(self.t("play_again"), self.app.restart),
                Button(self.t("to_title"), self._to_title, icon="right")]

    def tab_height(self) -> int | None:
        return touch_height(self.theme)


@dataclass
class HelpLayout:
    """The help band: its box, its items at `size`, each item's height, and whether they fit."""

    box: pygame.Rect
    items: list[str]
    size: int
    heights: list[int]
    fits: bool


@dataclass
class EndingLayout:
    corners: list[Button]
    chip: pygame.Rect
    """The "Ending" chip."""
    outcome: pygame.Rect | None
    """The outcome's chip in the top row, or None: not there (`outcome_in_story`, or none)."""
    outcome_in_story: bool
    """No room for the outcome up there: it goes on the title's line."""
    tabs: list[Button]
    help: HelpLayout
    area: pygame.Rect
    """The open pane's."""

    @property
    def buttons(self) -> list[Button]:
        return self.tabs + self.corners
