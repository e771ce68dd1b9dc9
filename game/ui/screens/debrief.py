"""The class's debrief, built from this session's own choices (`game.classroom.debrief`).

Page 1, how we voted: the hands per choice at each decision, the choice taken said in words (by
most hands, or the teacher's pick). Page 2, what we did: the roles the class's choices took, the
step where it held back, the seed strategies it used and the ones its own decision points offered
but it passed by. Then the closing questions that help students step out of their role, and where
to get help. 1-4 (or Left and Right) turn the page; R shows another road of the session; C
compares roads.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .. import text as tx
from ..bindings import Binding, calls
from ..intents import OpenCompare, ShowEnding, ShowScene
from ..widgets import Button, chip, panel
from .base import FramedScreen
from .chrome import Chrome, chrome, draw_open_tab, place_tabs

WIDE_PAGES = ("split", "did", "closing", "help")
NARROW_PAGES = ("split", "roles", "strategies", "closing", "help")
"""4:3 screens show what the class did on two pages instead of one. The first page is how the
class voted at each decision: the best starting point for the talk."""


class DebriefScreen(FramedScreen):
    BINDINGS = (
        *(Binding((pygame.K_1 + i,), f"page({i})", f"Page {i + 1}") for i in range(5)),
        Binding((pygame.K_RIGHT,), "turn(1)", "The next page"),
        Binding((pygame.K_LEFT,), "turn(-1)", "The page before"),
        Binding((pygame.K_r,), "next_road", "The debrief of the next road"),
        Binding((pygame.K_c,), "compare", "Compare this road with another"),
        Binding((pygame.K_BACKSPACE,), "back", "Back to the ending"),
    )

    def __init__(self, app, run, road: int | None = None):
        super().__init__(app)
        self.run = run
        self.road = road if road is not None else (app.classroom.road if app.classroom else 0)
        self.page = "split"
        self.debrief = self._make()
        self.splits = self._splits()

    def _make(self):
        from ...classroom.debrief import road_debrief
        return road_debrief(self.run, self.app.lang)

    def _splits(self) -> tuple:
        """How the class voted at each decision of this road (from the record)."""
        session = self.app.classroom
        return session.splits(self.road, self.app.lang) if session is not None else ()

    # --- behaviour ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.debrief = self._make()
        self.splits = self._splits()

    def pages(self) -> tuple[str, ...]:
        return WIDE_PAGES if self.theme.width / self.theme.height > 1.5 else NARROW_PAGES

    def show(self, page: str) -> None:
        pages = self.pages()
        if page not in pages:  # the same content under the other layout's name
            page = {"did": "roles", "roles": "did", "strategies": "did"}.get(page, pages[0])
        self.page = page

    def show_index(self, index: int) -> None:
        pages = self.pages()
        if 0 <= index < len(pages):
            self.page = pages[index]

    def next_road(self) -> None:
        session = self.app.classroom
        if session is None or len(session.road_ids()) < 2:
            return
        ids = session.road_ids()
        self.road = ids[(ids.index(self.road) + 1) % len(ids)]
        self.run = (self.app.run if self.road == session.road
                    else session.road_run(self.road, self.app.lang))
        self.debrief = self._make()
        self.splits = self._splits()

    def compare(self) -> None:
        self.app.go(OpenCompare(self.road, self.run))

    def to_title(self) -> None:
        self.app.show_title(self.app.catalogue.index_of(self.app.entry.path)
                            if self.app.entry else None)

    def back(self) -> None:
        """Back to the ending this debrief is about; back to the story after a "debrief now"
        (the lesson may have time left after all)."""
        if self.run.ended:
            self.app.go(ShowEnding(self.run))
        elif self.app.classroom is None or self.road == self.app.classroom.road:
            self.app.go(ShowScene(self.run))

    action_page = calls("show_index")

    def action_turn(self, step: int) -> None:
        self.show(self.page)
        pages = self.pages()
        self.page = pages[(pages.index(self.page) + step) % len(pages)]

    action_next_road = calls("next_road")
    action_compare = calls("compare")
    action_back = calls("back")
    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        return self.page, self.road, self._roads(), self.run.ended

    def _roads(self) -> int:
        session = self.app.classroom
        return len(session.road_ids()) if session is not None else 1

    def place(self) -> "DebriefLayout":
        th = self.theme
        m = th.margin
        self.show(self.page)  # the window may have changed shape since the last layout
        session = self.app.classroom
        chips = [self.t("debrief_title")]
        if self._roads() > 1:
            chips.append(self.t("road_n", n=session.road_number(self.road)))
        left = []
        if self.run.ended or session is None or self.road == session.road:
            left.append(Button(self.t("back"), self.back, size="small", icon="left"))
        left.append(Button(self.t("compare"), self.compare, size="small"))
        if self._roads() > 1:
            left.append(Button(self.t("next_road"), self.next_road, size="small"))
        left.append(Button(self.t("whatif"), self.app.open_timeline, size="small"))
        frame = chrome(self, chips, gap=1.5, bar_size="small", left=left,
                       corner_extra=[Button(self.t("to_title"), self.to_title, size="small")])
        labels = {"split": self.t("tab_split"), "did": self.t("tab_what_we_did"), "roles": self.t("tab_what_we_did"),
                  "strategies": self.t("tab_strategies"), "closing": self.t("tab_step_out"),
                  "help": self.t("tab_help")}
        tabs = [Button(labels[page], lambda pg=page: self.show(pg), badge=str(i + 1),
                       size="small") for i, page in enumerate(self.pages())]
        place_tabs(th, tabs, frame.content.y)
        y = tabs[0].rect.bottom + th.px(2)
        page = pygame.Rect(m, y, th.width - 2 * m, frame.bar.y - th.px(1.5) - y)
        return DebriefLayout(frame, tabs, page)

    # --- drawing --------------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface, lay: "DebriefLayout") -> None:
        draw = {"split": self._draw_split, "did": self._draw_did, "roles": self._draw_roles,
                "strategies": self._draw_strategies, "closing": self._draw_closing,
                "help": self._draw_help}
        draw[self.page](surface, lay.page)

    def draw_over(self, surface: pygame.Surface, lay: "DebriefLayout") -> None:
        draw_open_tab(surface, self.theme, lay.tabs[self.pages().index(self.page)])

    def _section(self, surface, box: pygame.Rect, title: str) -> pygame.Rect:
        """A panel with a bold title; returns the room under the title."""
        th = self.theme
        p = th.palette
        panel(surface, box, th)
        pad = th.px(1.6)
        head = self.drawing.fit(title, pygame.Rect(box.x + pad, box.y + pad // 2,
                                                   box.w - 2 * pad,
                                                   tx.line_height(th.body, "bold") * 2),
                                th.body, p.ink, "bold", th.small_min)
        head.blit(surface)
        top = box.y + pad // 2 + head.height + th.px(0.6)
        return pygame.Rect(box.x + pad, top, box.w - 2 * pad, box.bottom - pad // 2 - top)

    def _draw_did(self, surface, area: pygame.Rect) -> None:
        """Wide screens: the roles and the step on the left, the strategies on the right."""
        gap = self.theme.px(1.5)
        left_w = (area.w - gap) // 2
        self._draw_roles(surface, pygame.Rect(area.x, area.y, left_w, area.h))
        self._draw_strategies(surface, pygame.Rect(area.x + left_w + gap, area.y,
                                                   area.w - left_w - gap, area.h))

    def _draw_roles(self, surface, left: pygame.Rect) -> None:
        """The roles the class took, then where it held back."""
        th = self.theme
        p = th.palette
        d = self.debrief
        gap = th.px(1.5)
        # The roles' panel as tall as its words need (at least half); the step gets the rest,
        # at least what its own words need. A long road (the in-between roles make the journey
        # longer) leaves out the role chips, which only count what the journey already names.
        held_need = self._held_need(left.w)
        chips = self._roles_need(left.w) + gap // 2 <= left.h - gap // 2 - held_need
        roles_h = min(max(left.h // 2, self._roles_need(left.w, chips) + gap // 2),
                      left.h - gap // 2 - max(held_need, 3 * tx.line_height(th.body, "bold")))
        room = self._section(surface, pygame.Rect(left.x, left.y, left.w, roles_h - gap // 2),
                             self.t("roles_taken"))
        journey = self.drawing.fit(d.journey, pygame.Rect(room.x, room.y, room.w,
                                                          room.h // 2 + th.px(2)),
                                   th.body, p.ink, "italic", th.small_min)
        journey.blit(surface)
        x, y = room.x, room.y + journey.height + th.px(0.8)
        row_h = tx.line_height(th.small, "bold") + th.px(1)
        for r in d.roles if chips else ():
            label = f"{r.label} × {r.count}"
            w = tx.text_width(label, th.small, "bold") + th.px(2)
            if x > room.x and x + w > room.right:
                x, y = room.x, y + row_h
            rect = chip(surface, th, (x, y), label, p.badge if r.role == "defender" else p.same,
                        p.on_badge if r.role == "defender" else p.on_same)
            self.drawing.check(label, rect.right <= room.right + 1
                               and rect.bottom <= room.bottom + th.px(1))
            x = rect.right + th.px(0.8)
        if chips:
            y += row_h + th.px(0.6)  # below the last row of chips
        ways = [f"{st.label} × {st.count}" for st in d.stances if st.active]
        if ways:  # the ways of defending the class used, in words
            text = self.t("ways_of_defending", ways=", ".join(ways))
            fit = self.drawing.fit(text, pygame.Rect(room.x, y, room.w, max(1, room.bottom - y)),
                                   th.body, p.ink, "regular", th.small_min)
            fit.blit(surface)
        held = pygame.Rect(left.x, left.y + roles_h + gap // 2, left.w,
                           left.h - roles_h - gap // 2)
        room = self._section(surface, held, self.t("held_back"))
        if d.held_back_at is None:
            text = self.t("held_back_none")
            detail = ""
        else:
            h = d.held_back_at
            text = self.t("held_back_at", n=h.index + 1, step=h.step_label or "")
            detail = self.t(self._chose_key(h.index), choice=h.choice_text,
                            stance=h.stance_label)
        first = self.drawing.fit(text, room, th.body, p.ink, "bold", th.small_min)
        first.blit(surface)
        if detail:
            rest = self.drawing.fit(detail, pygame.Rect(room.x, room.y + first.height + th.px(0.5),
                                                        room.w, max(1, room.h - first.height
                                                                    - th.px(0.5))),
                                    th.body, p.ink, "regular", th.small_min)
            rest.blit(surface)

    def _chose_key(self, index: int) -> str:
        """"The class chose" only where the class's hands decided; the teacher's pick (over
        the hands, or without a vote) is said to be the teacher's."""
        if index < len(self.splits) and self.splits[index].taken_by != "vote":
            return "held_back_teacher"
        return "held_back_choice"

    def _draw_split(self, surface, area: pygame.Rect) -> None:
        """Each decision of the road: the hands per choice as bars with their numbers, the
        choice taken outlined and said in words (by most hands, the teacher's pick, no vote)."""
        th = self.theme
        p = th.palette
        session = self.app.classroom
        own = session is None or session.branch_point(self.road)[0] is None
        title = (self.t("split_title") if own else
                 self.t("split_title_road",
                        road=self.t("road_n", n=session.road_number(self.road))))
        room = self._section(surface, area, title)
        if not self.splits:
            self.drawing.fit(self.t("split_none"), room, th.body, p.ink, "regular",
                             th.small_min).blit(surface)
            return
        gap = th.px(0.8)
        row_h = min(th.px(12), (room.h + gap) // len(self.splits) - gap)
        size = th.body if row_h >= th.px(10) else th.small
        words = {"vote": "split_by_vote", "teacher": "split_by_teacher",
                 "no_vote": "split_no_vote"}
        widest = max(tx.text_width(self.t(words[s.taken_by], letter=s.taken), th.small)
                     for s in self.splits)
        left_w = min(max(int(room.w * 0.34), widest + th.px(2)), int(room.w * 0.48))
        cell_w = (room.w - left_w) // 4
        for i, split in enumerate(self.splits):
            row = pygame.Rect(room.x, room.y + i * (row_h + gap), room.w, row_h)
            head = self.drawing.fit(self.t("decision_n", n=split.number),
                                    pygame.Rect(row.x, row.y, left_w - th.px(1), row_h // 2),
                                    size, p.ink, "bold", th.small_min)
            how = self.drawing.fit(self.t(words[split.taken_by], letter=split.taken),
                                   pygame.Rect(row.x, row.y, left_w - th.px(1),
                                               row_h - head.height),
                                   th.small, p.ink_muted, "regular", th.small_min)
            head.box.y = row.centery - (head.height + how.height) // 2
            how.box.y = head.box.y + head.height
            head.blit(surface)
            how.blit(surface)
            if not split.hands:
                self.drawing.fit(self.t("no_hands_recorded"),
                                 pygame.Rect(row.x + left_w, row.y, row.w - left_w, row_h),
                                 th.small, p.ink_muted, "italic", th.small_min).blit(
                                     surface, "center")
                continue
            for k, (letter, hands) in enumerate(split.hands[:4]):
                cell = pygame.Rect(row.x + left_w + k * cell_w, row.y, cell_w - th.px(1), row_h)
                self._draw_split_cell(surface, cell, letter, hands, split, size)

    def _draw_split_cell(self, surface, cell: pygame.Rect, letter: str, hands: int, split,
                         size: int) -> None:
        """One choice's hands: "B 14" and a bar of its share; the choice taken outlined."""
        th = self.theme
        p = th.palette
        taken = letter == split.taken
        if taken:
            pygame.draw.rect(surface, p.ink, cell, width=max(2, th.px(0.4)),
                             border_radius=th.radius)
        inner = cell.inflate(-th.px(1.6), -th.px(1))
        label = tx.render(f"{letter}  {hands}", size, p.ink, "bold")
        self.drawing.check(f"{letter} {hands}", label.get_width() <= inner.w)
        surface.blit(label, (inner.x, inner.y))
        track = pygame.Rect(inner.x, min(inner.bottom - th.px(1.6),
                                         inner.y + label.get_height() + th.px(0.3)),
                            inner.w, th.px(1.6))
        pygame.draw.rect(surface, p.track, track, border_radius=th.px(0.5))
        share = hands / split.total if split.total else 0
        if share:
            pygame.draw.rect(surface, p.badge, (track.x, track.y, max(2, int(track.w * share)),
                                                track.h), border_radius=th.px(0.5))
        pygame.draw.rect(surface, p.ink, track, width=1, border_radius=th.px(0.5))

    def _chip_rows(self, width: int) -> int:
        """How many rows the role chips take in `width`, wrapped as `_draw_roles` wraps them
        (the road can hold up to seven roles, two of them in between)."""
        th = self.theme
        rows, x = 1, 0
        for r in self.debrief.roles:
            w = tx.text_width(f"{r.label} × {r.count}", th.small, "bold") + th.px(2)
            if x > 0 and x + w > width:
                rows, x = rows + 1, 0
            x += w + th.px(0.8)
        return rows

    def _roles_need(self, width: int, chips: bool = True) -> int:
        """Height of the roles' panel: title, journey, the rows of chips, ways of defending."""
        th = self.theme
        d = self.debrief
        inner = width - 2 * th.px(1.6)
        ways = [f"{st.label} × {st.count}" for st in d.stances if st.active]
        rows = self._chip_rows(inner) if chips else 0
        need = (th.px(1.6) + tx.wrapped_height(self.t("roles_taken"), inner, th.body, "bold")
                + th.px(0.6) + tx.wrapped_height(d.journey, inner, th.body, "italic")
                + th.px(0.8) + rows * (tx.line_height(th.small, "bold") + th.px(1)))
        if ways:
            need += th.px(0.6) + tx.wrapped_height(
                self.t("ways_of_defending", ways=", ".join(ways)), inner, th.body)
        return need

    def _held_need(self, width: int) -> int:
        """Height of the panel of where the class held back, at the body size."""
        th = self.theme
        d = self.debrief
        inner = width - 2 * th.px(1.6)
        need = (th.px(1.6) + tx.wrapped_height(self.t("held_back"), inner, th.body, "bold")
                + th.px(0.6))
        if d.held_back_at is None:
            return need + tx.wrapped_height(self.t("held_back_none"), inner, th.body, "bold")
        h = d.held_back_at
        need += tx.wrapped_height(self.t("held_back_at", n=h.index + 1, step=h.step_label or ""),
                                  inner, th.body, "bold") + th.px(0.5)
        return need + tx.wrapped_height(self.t(self._chose_key(h.index), choice=h.choice_text,
                                               stance=h.stance_label), inner, th.body)

    def _draw_strategies(self, surface, right: pygame.Rect) -> None:
        """The strategies used, and the ones on offer at the class's own decisions."""
        th = self.theme
        d = self.debrief
        gap = th.px(1.5)
        used = [s.label for s in d.strategies_used]
        missed = [s.label for s in d.strategies_missed]
        need_used = self._list_height(used or [self.t("none_yet")], right.w)
        need_missed = self._list_height(missed or [self.t("none_missed")], right.w)
        share = need_used / max(1, need_used + need_missed)
        used_h = int(max(0.3, min(0.7, share)) * (right.h - gap))
        self._draw_list(surface, pygame.Rect(right.x, right.y, right.w, used_h),
                        self.t("strategies_used"), used or [self.t("none_yet")],
                        "check" if used else None)
        self._draw_list(surface, pygame.Rect(right.x, right.y + used_h + gap, right.w,
                                             right.h - used_h - gap),
                        self.t("strategies_missed"), missed or [self.t("none_missed")],
                        "open" if missed else None)

    def _list_height(self, items: list[str], width: int) -> int:
        th = self.theme
        return (tx.line_height(th.body, "bold") + sum(
            tx.wrapped_height(i, width - th.px(6), th.body) for i in items))

    def _draw_list(self, surface, box: pygame.Rect, title: str, items: list[str],
                   mark: str | None) -> None:
        """A titled list; a tick before each used strategy, an open circle before each missed."""
        th = self.theme
        p = th.palette
        room = self._section(surface, box, title)
        indent = th.px(3)
        size = th.body
        while True:
            heights = [tx.wrapped_height(i, room.w - indent, size) for i in items]
            if sum(heights) + th.px(0.4) * len(items) <= room.h or size <= th.small_min:
                break
            size = max(th.small_min, int(size * 0.94))
        y = room.y
        for item, h in zip(items, heights):
            cy = y + tx.line_height(size) // 2
            cx = room.x + indent // 3
            r = max(3, th.px(0.8))
            if mark == "check":
                pygame.draw.lines(surface, p.ink, False, [(cx - r, cy), (cx - r // 3, cy + r),
                                                          (cx + r, cy - r)], max(2, th.px(0.4)))
            elif mark == "open":
                pygame.draw.circle(surface, p.ink, (cx, cy), r, max(2, th.px(0.3)))
            fit = self.drawing.fit(item, pygame.Rect(room.x + indent, y, room.w - indent,
                                                     max(1, room.bottom - y)), size, p.ink,
                                   "regular", size)
            fit.blit(surface)
            y += h + th.px(0.4)

    def _draw_closing(self, surface, area: pygame.Rect) -> None:
        """The closing questions, large, calm and numbered."""
        th = self.theme
        p = th.palette
        panel(surface, area, th, p.narration, p.narration)
        pad = th.px(2.5)
        inner = area.inflate(-2 * pad, -2 * pad)
        head = tx.render(self.t("closing_title"), th.body, p.on_narration, "bold")
        surface.blit(head, inner.topleft)
        top = inner.y + head.get_height() + th.px(1.5)
        self._numbered(surface, pygame.Rect(inner.x, top, inner.w, inner.bottom - top),
                       list(self.debrief.closing) or [self.t("no_closing")], p.on_narration)

    def _draw_help(self, surface, area: pygame.Rect) -> None:
        """Where to get help, as at the ending: the last thing the class sees."""
        th = self.theme
        d = self.debrief
        items = list(d.ending.help) if d.ending else list(self.run.help_texts())
        room = self._section(surface, area, self.t("help"))
        self._numbered(surface, room, items, th.palette.ink, numbers=False)

    def _numbered(self, surface, box: pygame.Rect, items: list[str], colour,
                  numbers: bool = True) -> None:
        """Items one under the other, as large as they fit (from 0.8 heading size down)."""
        th = self.theme
        number_w = int(th.heading * 0.9) if numbers else th.px(3)
        size = max(th.body, int(th.heading * 0.8))
        gap = th.px(2)
        while True:
            heights = [tx.wrapped_height(q, box.w - number_w, size) for q in items]
            if sum(heights) + gap * (len(items) - 1) <= box.h or size <= th.small_min:
                break
            size = max(th.small_min, int(size * 0.94))
        y = box.y
        for i, (q, h) in enumerate(zip(items, heights)):
            if numbers:
                surface.blit(tx.render(str(i + 1), size, colour, "bold"), (box.x, y))
            else:  # a bullet
                r = max(3, th.px(0.6))
                pygame.draw.circle(surface, colour, (box.x + r, y + tx.line_height(size) // 2), r)
            fit = self.drawing.fit(q, pygame.Rect(box.x + number_w, y, box.w - number_w,
                                                  max(1, box.bottom - y)), size, colour,
                                   "regular", th.small_min)
            fit.blit(surface)
            y += h + gap


@dataclass
class DebriefLayout:
    chrome: Chrome
    tabs: list[Button]
    page: pygame.Rect
    """Where the open page is drawn."""

    @property
    def buttons(self) -> list[Button]:
        """In focus order: the tabs, the bar, the corners."""
        return self.tabs + self.chrome.buttons
