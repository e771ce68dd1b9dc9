"""Two roads side by side: how the victim's meters went on the class's road and on another one.

One small chart per meter (small multiples), the same two lines in each: the road shown first is a
solid line with circles, the other a dashed line with squares, named in a legend above the charts
and with their last values under each chart, so nothing rests on colour. The other road is another
road of this session (a what-if) or the most passive road the story has; N goes to the next one.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...classroom.session import meters_by_decision, passive_run
from .. import charts
from .. import text as tx
from ..bindings import Binding, calls
from ..widgets import Button, panel
from .base import FramedScreen
from .chrome import Chrome, chrome

PASSIVE = "passive"


class CompareScreen(FramedScreen):
    """Pushed over the screen it came from; Esc or Backspace returns to it."""

    BINDINGS = (
        Binding((pygame.K_n,), "next_other", "Compare with the next road"),
        Binding((pygame.K_BACKSPACE, pygame.K_LEFT, pygame.K_c), "close", "Back"),
    )

    def __init__(self, app, road: int, run, other: int | str | None = None):
        super().__init__(app)
        self.road = road
        self.run = run
        self.options = self._options()
        self.other = other if other in self.options else self.options[0]
        self._passive = None

    # --- the two roads --------------------------------------------------------------------------

    @property
    def session(self):
        return self.app.classroom

    def _options(self) -> list[int | str]:
        """The roads to compare with: the session's other roads, then the most passive road."""
        others: list[int | str] = []
        if self.session is not None:
            others = [r for r in self.session.road_ids() if r != self.road]
        return others + [PASSIVE]

    def other_run(self):
        if self.other == PASSIVE:
            if self._passive is None or self._passive.lang != self.app.lang:
                self._passive = passive_run(self.run)
            return self._passive
        if self.session is not None and self.other == self.session.road:
            return self.app.run
        return self.session.road_run(self.other, self.run.lang)

    def road_name(self, road: int | str) -> str:
        if road == PASSIVE:
            return self.t("passive_road")
        n = self.session.road_number(road) if self.session else 1
        parent, _ = self.session.branch_point(road) if self.session else (None, None)
        return self.t("road_class", n=n) if parent is None else self.t("road_n", n=n)

    def next_other(self) -> None:
        self.options = self._options()
        i = self.options.index(self.other) if self.other in self.options else -1
        self.other = self.options[(i + 1) % len(self.options)]

    def refresh(self) -> None:
        self._passive = None

    def close(self) -> None:
        self.app.pop()

    def on_escape(self) -> None:
        self.close()

    action_next_other = calls("next_other")
    action_close = calls("close")
    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        """The two roads: what they are called and where they ended does not change while the
        comparison is shown (but with the language, which the layout's key holds)."""
        return self.road, self.other

    def place(self) -> "CompareLayout":
        th = self.theme
        m = th.margin
        frame = chrome(self, [self.t("compare_chip")], gap=1.2, bar_size="small",
                       left=[Button(self.t("back"), self.close, size="small", icon="left")],
                       primary=Button(self.t("other_road"), self.next_other, size="small",
                                      icon="right"))
        y = frame.content.y
        heading = tx.fit(self.t("compare_title", name=self.run.victim_view().name),
                         pygame.Rect(m, y, th.width - 2 * m, th.heading * 2), th.heading,
                         th.palette.on_backdrop, "bold", th.body_min)
        y += heading.height + th.px(1)
        names = [self._described(self.road, self.run),
                 self._described(self.other, self.other_run())]
        legend = pygame.Rect(m, y, th.width - 2 * m, 0)
        heights = self._legend_heights(names, legend.w)
        legend.h = sum(heights) + 2 * th.px(1.2) + th.px(0.6)
        y += legend.h + th.px(1.2)
        charts_area = pygame.Rect(m, y, th.width - 2 * m, frame.bar.y - th.px(1.5) - y)
        return CompareLayout(frame, heading, legend, list(zip(names, heights)),
                             self._place_charts(charts_area))

    def _legend_heights(self, names: list[str], width: int) -> list[int]:
        """The height of each road's line in a legend `width` wide."""
        th = self.theme
        text_w = width - 2 * th.px(1.2) - th.px(7) - th.px(1.5)
        return [max(tx.wrapped_height(n, text_w, th.small, "bold"), tx.line_height(th.small))
                for n in names]

    def _place_charts(self, area: pygame.Rect) -> list[pygame.Rect]:
        """One chart per meter, side by side (a second row from four meters on)."""
        th = self.theme
        n = len(self.run.meter_views())
        columns = n if n <= 3 else (n + 1) // 2  # small multiples side by side, in one or two rows
        rows = (n + columns - 1) // columns
        gap = th.px(1.5)
        w = (area.w - gap * (columns - 1)) // columns
        h = (area.h - gap * (rows - 1)) // max(1, rows)
        return [pygame.Rect(area.x + (i % columns) * (w + gap),
                            area.y + (i // columns) * (h + gap), w, h) for i in range(n)]

    # --- drawing --------------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface, lay: "CompareLayout") -> None:
        self.drawing.blit(surface, lay.heading)
        self._draw_legend(surface, lay.legend, lay.names)
        first, second = meters_by_decision(self.run), meters_by_decision(self.other_run())
        for meter, box in zip(self.run.meter_views(), lay.charts):
            self._draw_one(surface, box, meter, first[meter.id], second[meter.id])

    def _described(self, road, run) -> str:
        """The road's name and where it ended (or that it has not ended yet)."""
        name = self.road_name(road)
        ending = run.ending_view()
        if ending is not None:
            return self.t("road_ended", road=name, ending=ending.title)
        return self.t("road_so_far", road=name)

    def _draw_legend(self, surface, box: pygame.Rect, names: list[tuple[str, int]]) -> None:
        """Each road's line sample and marker with its name (and its line's height), one road a
        line."""
        th = self.theme
        p = th.palette
        pad = th.px(1.2)
        sample_w = th.px(7)
        text_w = box.w - 2 * pad - sample_w - th.px(1.5)
        panel(surface, box, th, shadow=False)
        y = box.y + pad
        for i, (text, h) in enumerate(names):
            cy = y + tx.line_height(th.small) // 2
            x = box.x + pad
            dash, gap = charts.DASHES[i]
            charts.dashed_polyline(surface, p.series[i], [(x, cy), (x + sample_w, cy)],
                                   max(3, th.px(0.6)), dash * th.u / 10, gap * th.u / 10)
            charts.marker(surface, p.series[i], (x + sample_w // 2, cy), th.px(1.0),
                          charts.MARKERS[i], outline=p.ink)
            self.drawing.fit(text, pygame.Rect(x + sample_w + th.px(1.5), y, text_w, h),
                             th.small, p.ink, "bold", th.small_min).blit(surface)
            y += h + th.px(0.6)

    def _draw_one(self, surface, box: pygame.Rect, meter, a: tuple, b: tuple) -> None:
        th = self.theme
        p = th.palette
        panel(surface, box, th)
        pad = th.px(1.2)
        title = meter.label
        if meter.good == "low":
            title += f" ({self.t('lower_is_better')})"
        head = self.drawing.fit(title, pygame.Rect(box.x + pad, box.y + pad // 2,
                                                   box.w - 2 * pad,
                                                   tx.line_height(th.small, "bold") * 2),
                                th.small, p.ink, "bold", th.small_min)
        head.blit(surface)
        # Under the chart: where each road ended, with the line's own marker.
        foot_h = tx.line_height(th.small, "bold")
        foot_y = box.bottom - pad // 2 - foot_h
        x = box.x + pad
        for i, values in enumerate((a, b)):
            charts.marker(surface, p.series[i], (x + th.px(1), foot_y + foot_h // 2), th.px(0.9),
                          charts.MARKERS[i], outline=p.ink)
            label = tx.render(self.t("ends_at", n=values[-1]), th.small, p.ink, "bold")
            surface.blit(label, (x + th.px(2.6), foot_y))
            x += th.px(2.6) + label.get_width() + th.px(2)
        self.drawing.check("(chart values)", x - th.px(2) <= box.right - pad)
        plot = pygame.Rect(box.x + pad, box.y + pad // 2 + head.height + th.px(0.5),
                           box.w - 2 * pad, 0)
        plot.h = foot_y - th.px(0.5) - plot.y
        series = [charts.Series(self.t("road_a"), a, meter.min, meter.max),
                  charts.Series(self.t("road_b"), b, meter.min, meter.max)]
        ok = charts.line_chart(surface, th, plot, series, self.t("compare_x"), "",
                               legend=False)
        self.drawing.check("(chart)", ok)


@dataclass
class CompareLayout:
    chrome: Chrome
    heading: tx.Fit
    legend: pygame.Rect
    names: list[tuple[str, int]]
    """Each road's name in the legend, and the height of its line."""
    charts: list[pygame.Rect]
    """A chart per meter, in the order of the run's meters."""

    @property
    def buttons(self) -> list[Button]:
        return self.chrome.buttons
