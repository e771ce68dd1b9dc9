"""What if? The decisions the class took, as a strip of numbered stops, and the way back to any of
them to take another road there. Both roads are kept in the record.

Left/Right (or 1-9) pick a decision; Enter takes another road from it (the class votes again at
that decision); R shows the next road; C compares this road with another one; W or Esc closes.
Passive and active choices differ by shape (a hollow square, a filled circle) and by a word.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .. import text as tx
from ..bindings import ENTER, Binding, calls
from ..charts import marker
from ..intents import OpenCompare, ShowEnding, ShowScene, ShowVote, TakeRoad
from ..widgets import Button, clicked, focus_ring, panel
from .base import FramedScreen, Screen
from .chrome import Chrome, chrome

PASSIVE = frozenset({"outsider", "reinforcer", "assistant"})


class TimelineScreen(FramedScreen):
    """Pushed over the class's current screen (`back_to`), which it returns to when closed."""

    BINDINGS = (
        Binding((pygame.K_LEFT, pygame.K_UP), "step(-1)", "The decision before"),
        Binding((pygame.K_RIGHT, pygame.K_DOWN), "step(1)", "The decision after"),
        *(Binding((pygame.K_1 + i,), f"select({i})", f"Decision {i + 1}") for i in range(9)),
        Binding(ENTER, "press_or('take_other_road')",
                "Press the focused button, else take another road here"),
        Binding((pygame.K_w,), "close", "Close the timeline"),
        Binding((pygame.K_r,), "next_road", "Show the next road"),
        Binding((pygame.K_c,), "compare", "Compare this road with another"),
        Binding((pygame.K_g,), "go_to_road", "Carry on with the road shown"),
    )

    def __init__(self, app, back_to: Screen):
        super().__init__(app)
        self.back_to = back_to
        self.road = app.classroom.road
        self.run = app.run
        self.decisions = self.run.decisions()
        self.selected = len(self.decisions) - 1 if self.decisions else None

    # --- behaviour ------------------------------------------------------------------------------

    @property
    def session(self):
        return self.app.classroom

    @property
    def on_current_road(self) -> bool:
        return self.road == self.session.road

    def refresh(self) -> None:
        self.back_to.refresh()
        self._load(self.road)

    def _load(self, road: int) -> None:
        self.road = road
        self.run = (self.app.run if road == self.session.road
                    else self.session.road_run(road, self.app.lang))
        self.decisions = self.run.decisions()
        if self.selected is None or self.selected >= len(self.decisions):
            self.selected = len(self.decisions) - 1 if self.decisions else None

    def close(self) -> None:
        self.app.pop()

    def on_escape(self) -> None:
        self.close()

    def select(self, index: int) -> None:
        if 0 <= index < len(self.decisions):
            self.selected = index

    def next_road(self) -> None:
        ids = self.session.road_ids()
        if len(ids) > 1:
            self._load(ids[(ids.index(self.road) + 1) % len(ids)])
            self.selected = len(self.decisions) - 1 if self.decisions else None

    def take_other_road(self) -> None:
        """Back to the selected decision on a new road; the class votes on it again."""
        if self.selected is None:
            return
        session = self.session
        if not self.on_current_road:
            self.app.run = session.switch(self.road, self.app.lang)
        taken = self.decisions[self.selected]
        old_road = session.road
        run = session.branch(self.app.run, self.selected)
        earlier = {taken.choice_id: self.t("taken_on_road",
                                           n=session.road_number(old_road))}
        self.app.go(TakeRoad(run, ShowVote(run, earlier)))

    def go_to_road(self) -> None:
        """Carry on with the road shown (when it is not the one on screen)."""
        if self.on_current_road:
            self.close()
            return
        run = self.session.switch(self.road, self.app.lang)
        self.app.go(TakeRoad(run, ShowEnding(run) if run.ended else ShowScene(run)))

    def compare(self) -> None:
        self.app.go(OpenCompare(self.road, self.run))

    @property
    def nodes(self) -> list[pygame.Rect]:
        """Where each decision's stop can be clicked."""
        strip = self.layout().strip
        return strip.nodes if strip is not None else []

    def check_action(self, name: str, args: tuple) -> bool:
        if name == "step":
            return self.selected is not None
        if name == "go_to_road":
            return not self.on_current_road
        return True

    def action_step(self, step: int) -> None:
        self.select(self.selected + step)

    action_select = calls("select")
    action_close = calls("close")
    action_next_road = calls("next_road")
    action_compare = calls("compare")
    action_go_to_road = calls("go_to_road")

    def handle_input(self, event: pygame.event.Event) -> object:
        """The buttons (arrows move between decisions, not buttons), and a click on a stop."""
        self.focus.buttons = self.buttons()
        pressed = self.focus.press(event, arrows=False)
        index = clicked(event, self.nodes) if pressed is not True else None
        if index is not None:
            self.select(index)
            return True
        return pressed

    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        return (self.road, self.selected, self.decisions, len(self.session.road_ids()),
                self.on_current_road)

    def place(self) -> "TimelineLayout":
        th = self.theme
        m = th.margin
        p = th.palette
        session = self.session
        chips = [self.t("whatif_title"), self.t("road_n", n=session.road_number(self.road))]
        parent, at = session.branch_point(self.road)
        if parent is not None:
            chips.append(self.t("road_from", n=session.road_number(parent), d=at + 1))
        left = [Button(self.t("close_timeline"), self.close, size="small", icon="left"),
                Button(self.t("compare"), self.compare, size="small")]
        if len(session.road_ids()) > 1:
            left.append(Button(self.t("next_road"), self.next_road, size="small"))
        if not self.on_current_road:
            left.append(Button(self.t("go_to_road"), self.go_to_road, size="small"))
        if self.selected is not None:
            go = Button(self.t("take_other_road", n=self.selected + 1), self.take_other_road,
                        icon="right", short=self.t("take_other_road_short"))
        else:
            go = Button(self.t("take_other_road_none"), None, enabled=False)
        # Take another road keeps a unit after the row of buttons and one more: two units,
        # rounded as two (at 4:3 sizes a pixel more than `BAR_SPARE`'s).
        frame = chrome(self, chips, gap=1.5, left=left, primary=go, spare=2 * th.px(1))
        y = frame.content.y
        heading = tx.fit(self.t("timeline_title"),
                         pygame.Rect(m, y, th.width - 2 * m, th.heading * 2),
                         th.heading, p.on_backdrop, "bold", th.body_min)
        legend = pygame.Rect(m, y, th.width - 2 * m, heading.height)
        y += heading.height + th.px(1)
        hint = tx.fit(self.t("timeline_hint"),
                      pygame.Rect(m, 0, th.width - 2 * m, tx.line_height(th.small) * 2),
                      th.small, p.on_backdrop_muted, "regular", th.small_min)
        hint.box.y = frame.bar.y - th.px(1) - hint.height
        area = pygame.Rect(m, y, th.width - 2 * m, hint.box.y - th.px(1.5) - y)
        strip = detail = None
        if self.decisions:
            strip = self._place_strip(pygame.Rect(area.x, area.y, area.w, self._strip_height()))
            detail = pygame.Rect(area.x, strip.area.bottom + th.px(1.5), area.w,
                                 area.h - strip.area.h - th.px(1.5))
        return TimelineLayout(frame, heading, legend, hint, area, strip, detail)

    # --- drawing --------------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface, lay: "TimelineLayout") -> None:
        th = self.theme
        self.drawing.blit(surface, lay.heading)
        self._draw_legend(surface, lay.legend)
        self.drawing.blit(surface, lay.hint)
        if lay.strip is None:
            self.drawing.fit(self.t("no_decisions"), lay.area, th.body,
                             th.palette.on_backdrop).blit(surface)
        else:
            self._draw_strip(surface, lay.strip)
            self._draw_detail(surface, lay.detail)

    def _draw_legend(self, surface, row: pygame.Rect) -> None:
        """What the two shapes of the stops mean, at the right end of the heading's line."""
        th = self.theme
        p = th.palette
        r = th.px(1.2)
        items = [("circle", self.t("legend_active")), ("square", self.t("legend_passive"))]
        x = row.right
        for shape, label in reversed(items):
            text = tx.render(label, th.small, p.on_backdrop)
            x -= text.get_width()
            surface.blit(text, text.get_rect(midleft=(x, row.centery)))
            cx = x - r - th.px(0.8)
            if shape == "circle":
                pygame.draw.circle(surface, p.badge, (cx, row.centery), r)
                pygame.draw.circle(surface, p.on_backdrop, (cx, row.centery), r, 2)
            else:  # as on the strip: filled with the panel colour, outlined in ink
                marker(surface, p.panel, (cx, row.centery), r * 0.85, "square")
                marker(surface, p.ink, (cx, row.centery), r * 0.85, "square", width=2)
            x = cx - r - th.px(2.5)

    def _strip_height(self) -> int:
        th = self.theme
        return th.px(9) + 2 * tx.line_height(th.small, "bold")

    def _label_mode(self, width: int) -> str:
        """How the stops are labelled, the same for all: "B · outsider" on one line, on two, or
        the letter alone when the strip is crowded (the shape still says passive or active)."""
        th = self.theme
        if all(tx.text_width(f"{d.letter} · {d.stance_label}", th.small, "bold") <= width
               for d in self.decisions):
            return "one"
        if all(tx.text_width(d.stance_label, th.small, "bold") <= width for d in self.decisions):
            return "two"
        return "letter"

    def _place_strip(self, area: pygame.Rect) -> "Strip":
        """A stop per decision, evenly spread; each clickable over its slot's whole height."""
        th = self.theme
        n = len(self.decisions)
        slot = area.w / n
        xs = [int(area.x + slot * (i + 0.5)) for i in range(n)]
        nodes = []
        for x in xs:
            node = pygame.Rect(0, 0, int(slot) - th.px(0.5), area.h)
            node.midtop = (x, area.y)
            nodes.append(node)
        return Strip(area, xs, nodes, self._label_mode(int(slot) - th.px(0.5)))

    def _node_lines(self, d, mode: str) -> list[str]:
        if mode == "one":
            return [f"{d.letter} · {d.stance_label}"]
        return [d.letter, d.stance_label] if mode == "two" else [d.letter]

    def _draw_strip(self, surface: pygame.Surface, strip: "Strip") -> None:
        """Numbered stops on a line; under each, the letter taken and the stance in a word."""
        th = self.theme
        p = th.palette
        xs = strip.xs
        r = th.px(3.2)
        cy = strip.area.y + th.px(4.5)
        if len(xs) > 1:
            pygame.draw.line(surface, p.on_backdrop, (xs[0], cy), (xs[-1], cy),
                             max(2, th.px(0.5)))
        for i, (d, x) in enumerate(zip(self.decisions, xs)):
            passive = d.stance in PASSIVE
            if passive:  # hollow square for a passive choice, filled circle for an active one
                marker(surface, p.panel, (x, cy), r * 0.85, "square")
                marker(surface, p.ink, (x, cy), r * 0.85, "square", width=max(2, th.px(0.5)))
            else:
                pygame.draw.circle(surface, p.badge, (x, cy), r)
                pygame.draw.circle(surface, p.on_backdrop, (x, cy), r, max(2, th.px(0.3)))
            label = tx.render(str(d.number), th.body, p.ink if passive else p.on_badge, "bold")
            surface.blit(label, label.get_rect(center=(x, cy)))
            label_y = cy + r + th.px(1)
            for line in self._node_lines(d, strip.mode):
                under = tx.render(line, th.small, p.on_backdrop, "bold")
                surface.blit(under, under.get_rect(midtop=(x, label_y)))
                label_y += under.get_height()
            if i == self.selected:
                ring = pygame.Rect(0, 0, 2 * r + th.px(1.4), 2 * r + th.px(1.4))
                ring.center = (x, cy)
                focus_ring(surface, ring, th)

    def _draw_detail(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The selected decision in full: its step, every choice there was with the class's
        hands, and which one the class took (marked by a word and a frame, not colour)."""
        th = self.theme
        p = th.palette
        if self.selected is None or area.h < th.px(8):
            return
        d = self.decisions[self.selected]
        panel(surface, area, th)
        pad = th.px(1.8)
        inner = area.inflate(-2 * pad, -2 * pad)
        head = self.t("decision_n", n=d.number)
        if d.step_label:
            head += "  ·  " + self.t("step", step=d.step_label)
        recorded = self._recorded(self.selected)
        if recorded is not None and not recorded["votes"]:
            head += "  ·  " + self.t("no_hands_recorded")
        if recorded is not None and recorded["overridden"]:
            head += "  ·  " + self.t("teacher_picked")
        fit = self.drawing.fit(head, pygame.Rect(inner.x, inner.y, inner.w, inner.h // 3),
                               th.small, p.ink_muted, "bold", th.small_min)
        fit.blit(surface)
        y = inner.y + fit.height + th.px(0.8)
        votes = (recorded or {}).get("votes") or {}
        rows = []
        for i, (choice_id, text) in enumerate(d.options[:4]):
            hands = self.t("hands_n", n=votes[choice_id]) if choice_id in votes else ""
            rows.append(("ABCD"[i], text, hands, choice_id == d.choice_id))
        taken_w = tx.text_width(self.t("taken"), th.small, "bold") + th.px(2)
        hands_w = max([tx.text_width(h, th.small) for *_, h, _ in rows] + [0])
        text_w = inner.w - taken_w - hands_w - th.px(7)
        size = th.body
        while True:
            heights = [tx.wrapped_height(text, text_w, size, "bold" if taken else "regular")
                       for _, text, _, taken in rows]
            if sum(heights) + th.px(0.8) * len(rows) <= inner.bottom - y or size <= th.small_min:
                break
            size = max(th.small_min, int(size * 0.94))
        for (letter, text, hands, taken), h in zip(rows, heights):
            row = pygame.Rect(inner.x, y, inner.w, h)
            if taken:  # a frame and the word "taken": the road the class took here
                frame = row.inflate(th.px(1.2), th.px(0.6))
                pygame.draw.rect(surface, p.ink, frame, width=max(2, th.px(0.3)),
                                 border_radius=th.px(0.8))
                word = tx.render(self.t("taken"), th.small, p.ink, "bold")
                surface.blit(word, word.get_rect(midleft=(row.x + th.px(0.4),
                                                         row.y + tx.line_height(size) // 2)))
            mark = tx.render(letter, size, p.ink, "bold")
            surface.blit(mark, (row.x + taken_w, row.y))
            fit = self.drawing.fit(text, pygame.Rect(row.x + taken_w + th.px(4), row.y, text_w,
                                                     h), size,
                                   p.ink, "bold" if taken else "regular", th.small_min)
            fit.blit(surface)
            if hands:
                count = tx.render(hands, th.small, p.ink)
                surface.blit(count, count.get_rect(midright=(row.right, row.y
                                                             + tx.line_height(size) // 2)))
            y += h + th.px(0.8)
        self.drawing.check("(timeline detail)", y - th.px(0.8) <= inner.bottom + 1)

    def _recorded(self, index: int) -> dict | None:
        recorded = self.session.votes(self.road)
        return recorded[index] if index < len(recorded) else None


@dataclass
class Strip:
    """The stops: the strip's area, each stop's centre, where each can be clicked, and how the
    stops are labelled (`TimelineScreen._label_mode`)."""

    area: pygame.Rect
    xs: list[int]
    nodes: list[pygame.Rect]
    mode: str


@dataclass
class TimelineLayout:
    chrome: Chrome
    heading: tx.Fit
    legend: pygame.Rect
    hint: tx.Fit
    area: pygame.Rect
    strip: Strip | None
    detail: pygame.Rect | None

    @property
    def buttons(self) -> list[Button]:
        return self.chrome.buttons
