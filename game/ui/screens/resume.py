"""Class mode's list of unfinished sessions: every class that stopped halfway, to go on with one,
delete one (after a question), or begin a new session.

Each row names the class by its label, the story, when the session started (as the language
writes a date) and how many decisions it took. A session open in another window of the game is
listed too, saying so, and can be neither continued nor deleted here: one live session record
has one window. Up and Down (or a click) pick a row, 1-9 continue that row, Enter continues the
one picked, X or Delete deletes it, N begins a new session, Esc goes back to the title.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...classroom.dates import date_and_time
from .. import text as tx
from ..bindings import ENTER, Binding, calls
from ..widgets import Button, focus_ring, panel
from .base import FramedScreen
from .chrome import Chrome, chrome, place_steps
from .menu import MenuScreen


@dataclass(frozen=True)
class Offer:
    """One unfinished session as the list shows it: its record, the story's entry in the
    catalogue (None when this computer no longer has that story), and whether another window
    holds it."""

    record: object
    entry: object
    in_use: bool


class ResumeListScreen(FramedScreen):
    """Every unfinished class session, newest first."""

    BINDINGS = (
        Binding(ENTER, "go_on", "Continue the session picked"),
        Binding((pygame.K_DOWN,), "move(1)", "The next session"),
        Binding((pygame.K_UP,), "move(-1)", "The session before"),
        *(Binding((pygame.K_1 + i,), f"go_on_row({i})", f"Continue session {i + 1}")
          for i in range(9)),
        Binding((pygame.K_x, pygame.K_DELETE), "delete", "Delete the session picked"),
        Binding((pygame.K_n,), "new", "Begin a new session"),
    )

    def __init__(self, app, entry, offers: list[Offer], notice: str | None = None):
        super().__init__(app)
        self.entry = entry
        """The story the teacher pressed K on: a new session is of this story."""
        self.offers = offers
        self.selected = next((i for i, o in enumerate(offers) if self.can_continue(o)), 0)
        """The row Enter continues: at first the newest one this window can continue."""
        self.notice = notice
        """A line above the list: why the last pick could not be continued."""

    # --- behaviour --------------------------------------------------------------------------------

    def can_continue(self, offer: Offer) -> bool:
        return offer.entry is not None and not offer.in_use

    def go_on(self, index: int | None = None) -> None:
        index = self.selected if index is None else index
        if not 0 <= index < len(self.offers):
            return
        offer = self.offers[index]
        self.selected = index
        if offer.in_use:
            self.notice = self.t("resume_in_use")
        elif offer.entry is None:
            self.notice = self.t("resume_no_story")
        else:
            self.app.start_class(offer.entry, session_log=offer.record)

    def delete(self, index: int | None = None) -> None:
        """Ask first (a menu over this list); the answer comes back to `deleted`."""
        index = self.selected if index is None else index
        if not 0 <= index < len(self.offers):
            return
        self.selected = index
        if self.offers[index].in_use:
            self.notice = self.t("resume_in_use")
            return
        self.app.push(DeleteSessionScreen(self.app, self, self.offers[index]))

    def deleted(self, offer: Offer, problem: str | None) -> None:
        """After the question: the row gone, or why it could not be deleted."""
        if problem is None:
            self.offers = [o for o in self.offers if o is not offer]
            self.selected = min(self.selected, max(0, len(self.offers) - 1))
            self.notice = self.t("resume_deleted", label=self.describe(offer)[0])
            if not self.offers:
                self.new()
        else:
            self.notice = problem

    def new(self) -> None:
        self.app.start_class(self.entry, fresh=True)

    def back(self) -> None:
        self.app.show_title(self.app.catalogue.index_of(self.entry.path))

    def on_escape(self) -> None:
        self.back()

    def move(self, step: int) -> None:
        if self.offers:
            self.selected = (self.selected + step) % len(self.offers)

    action_go_on = calls("go_on")

    def action_go_on_row(self, index: int) -> None:
        self.go_on(self.first_row + index)

    action_move = calls("move")
    action_delete = calls("delete")
    action_new = calls("new")

    def check_action(self, name: str, args: tuple) -> bool:
        if name == "go_on_row":
            return self.first_row + args[0] < len(self.offers)
        return True

    def handle_input(self, event: pygame.event.Event) -> object:
        """The buttons first; a click elsewhere on a row picks it."""
        pressed = super().handle_input(event)
        if pressed is True:
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for row in self.layout().rows:
                if row.rect.collidepoint(event.pos):
                    self.selected = row.index
                    return True
        return pressed

    # --- words ------------------------------------------------------------------------------------

    def describe(self, offer: Offer) -> tuple[str, str]:
        """(the class and story, when and how far): "3B · The hallway", "7 December 2026, 9:15 ·
        3 decisions"; the second says so when the session is open in another window."""
        from ..catalogue import text as card_text
        record = offer.record
        label = record.label or self.t("resume_no_label")
        story = card_text(offer.entry.card.title, self.lang) if offer.entry else \
            record.scenario_id
        when = date_and_time(record.started, self.lang)
        if offer.in_use:
            detail = self.t("resume_in_use")
        elif offer.entry is None:
            detail = self.t("resume_no_story")
        else:
            detail = self.t("resume_decisions", n=len(record.decisions))
        return f"{label} · {story}", f"{when} · {detail}"

    # --- layout ---------------------------------------------------------------------------------

    @property
    def first_row(self) -> int:
        return self.layout().first

    def layout_state(self) -> tuple:
        return (tuple(id(o) for o in self.offers), self.selected, self.notice)

    def place(self) -> "ResumeLayout":
        th = self.theme
        back = Button(self.t("back"), self.back, size="small", icon="left")
        new = Button(self.t("resume_new"), self.new, icon="right")
        frame = chrome(self, [self.t("resume_title")], gap=1.5, left=[back], primary=new)
        area = frame.content
        heading_text = self.notice or self.t("resume_question")
        heading = tx.fit(heading_text, pygame.Rect(area.x, area.y, area.w, th.heading * 2),
                         th.body if self.notice else th.heading, th.palette.on_backdrop, "bold",
                         th.small_min)
        top = area.y + heading.height + th.px(1.2)
        row_h = th.px(13)
        gap = th.px(1.2)
        fit = max(1, (area.bottom - top + gap) // (row_h + gap))
        first = min(max(0, self.selected - fit + 1), max(0, len(self.offers) - fit))
        rows = []
        size = th.px(9)
        for n, index in enumerate(range(first, min(len(self.offers), first + fit))):
            offer = self.offers[index]
            rect = pygame.Rect(area.x, top + n * (row_h + gap), area.w, row_h)
            buttons = []
            if not offer.in_use:
                buttons.append(Button(self.t("resume_delete"),
                                      lambda i=index: self.delete(i), size="small",
                                      align="center"))
            if self.can_continue(offer):
                buttons.append(Button(self.t("resume_go_on"), lambda i=index: self.go_on(i),
                                      size="small", align="center"))
            width = max((b.natural_width(th) for b in buttons), default=0)
            left = place_steps(th, rect.right - th.px(1.5), rect.centery, buttons, size, width)
            badge = pygame.Rect(rect.x + th.px(2), rect.centery - size // 2, size, size)
            words = pygame.Rect(badge.right + th.px(1.5), rect.y + th.px(0.6),
                                left - th.px(1.5) - badge.right - th.px(1.5),
                                rect.h - th.px(1.2))
            rows.append(Row(index, n + 1, rect, badge, words, buttons))
        more = len(self.offers) - first - len(rows)
        return ResumeLayout(frame, heading, rows, first, more)

    # --- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_static(surface, self.compose, *self.layout_state(), self.focus.index)

    def draw_content(self, surface: pygame.Surface, lay: "ResumeLayout") -> None:
        th = self.theme
        p = th.palette
        self.drawing.blit(surface, lay.heading)
        for row in lay.rows:
            offer = self.offers[row.index]
            selected = row.index == self.selected
            panel(surface, row.rect, th, p.panel, p.ink if selected else p.panel_edge)
            if self.can_continue(offer):
                pygame.draw.rect(surface, p.badge, row.badge, border_radius=th.radius)
                number = tx.render(str(row.number), th.body, p.on_badge, "bold")
            else:  # hollow, as a choice that cannot be taken: the words say why
                pygame.draw.rect(surface, p.ink_muted, row.badge, width=max(2, th.px(0.3)),
                                 border_radius=th.radius)
                number = tx.render(str(row.number), th.body, p.ink_muted, "bold")
            surface.blit(number, number.get_rect(center=row.badge.center))
            first, second = self.describe(offer)
            box = row.words
            head = self.drawing.fit(first, pygame.Rect(box.x, box.y, box.w, box.h * 3 // 5),
                                    th.body, p.ink, "bold", th.small_min)
            tail = self.drawing.fit(second, pygame.Rect(box.x, box.y, box.w, box.h * 2 // 5),
                                    th.small, p.ink_muted, "italic" if offer.in_use else
                                    "regular", th.small_min)
            y = box.centery - (head.height + tail.height) // 2
            head.box.y, tail.box.y = y, y + head.height
            head.blit(surface)
            tail.blit(surface)
            for b in row.buttons:
                b.draw(surface, th)
            if selected:  # a bar at the left edge besides the ring: never colour alone
                pygame.draw.rect(surface, p.focus, (row.rect.x, row.rect.y, th.px(0.9),
                                                    row.rect.h),
                                 border_top_left_radius=th.radius,
                                 border_bottom_left_radius=th.radius)
                focus_ring(surface, row.rect, th)
        if lay.more > 0 and lay.rows:
            below = lay.rows[-1].rect
            self.drawing.fit(self.t("resume_more", n=lay.more),
                             pygame.Rect(below.x, below.bottom + th.px(0.3), below.w,
                                         th.px(5)),
                             th.small, p.on_backdrop_muted, "italic",
                             th.small_min).blit(surface)


class DeleteSessionScreen(MenuScreen):
    """"Delete the session of 3B?" over the list; "No, keep it" is first and focused."""

    def __init__(self, app, back_to: ResumeListScreen, offer: Offer):
        super().__init__(app, back_to)
        self.offer = offer
        self.focus.index = 0

    def title(self) -> str:
        first, _ = self.back_to.describe(self.offer)
        when = date_and_time(self.offer.record.started, self.lang)
        return self.t("resume_delete_question", session=f"{first}, {when}")

    def entries(self):
        return [(self.t("resume_delete_no"), self.resume),
                (self.t("resume_delete_yes"), self.confirm)]

    def confirm(self) -> None:
        from ...classroom.records import RecordError, delete_session
        problem = None
        try:
            delete_session(self.offer.record)
        except RecordError as exc:
            problem = self.t("resume_in_use") if exc.kind == "in_use" else str(exc)
        except OSError as exc:
            problem = self.t("resume_not_deleted", why=exc.strerror or str(exc))
        self.app.pop()
        self.back_to.deleted(self.offer, problem)


@dataclass
class Row:
    index: int
    """The offer's place in the whole list."""
    number: int
    """Its number on screen (the key 1-9 that continues it)."""
    rect: pygame.Rect
    badge: pygame.Rect
    words: pygame.Rect
    buttons: list[Button]


@dataclass
class ResumeLayout:
    chrome: Chrome
    heading: tx.Fit
    rows: list[Row]
    first: int
    """The first offer shown: the list scrolls to keep the one picked in view."""
    more: int
    """How many offers are below the last row shown."""

    @property
    def buttons(self) -> list[Button]:
        return [b for row in self.rows for b in row.buttons] + self.chrome.buttons
