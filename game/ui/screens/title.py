"""The title screen: the stories on offer, and the way to settings, language and quitting."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import pygame

from .. import stage
from .. import text as tx
from ..bindings import ENTER, Binding, calls
from ..catalogue import text as card_text
from ..widgets import Button, focus_ring, panel
from .base import Screen

if TYPE_CHECKING:
    from .. import problems


class TitleScreen(Screen):
    """Lists every scenario that loads (title, ages, minutes, summary); Enter plays the selected."""

    BINDINGS = (
        Binding((pygame.K_s,), "settings", "Settings"),
        Binding((pygame.K_q,), "quit", "Quit (asks first)"),
        Binding((pygame.K_k,), "class_mode", "Play the selected story with the class"),
        Binding((pygame.K_UP,), "step(-1)", "Select the story above"),
        Binding((pygame.K_DOWN,), "step(1)", "Select the story below"),
        Binding((*ENTER, pygame.K_SPACE), "press_or('play_selected')",
                "Press the focused button, else play"),
    )

    KEPT_FOR_THE_NEXT_START = True

    def __init__(self, app, selected: int | None = None):
        super().__init__(app)
        entries = app.catalogue.entries
        self.selected = selected if selected is not None else app.catalogue.default_index()
        self.selected = min(max(0, self.selected), max(0, len(entries) - 1))
        self.first_visible = 0
        """The first story in view: the list scrolls to keep the selected one in view."""

    # --- behaviour ------------------------------------------------------------------------------

    def on_escape(self) -> None:
        from ..intents import AskQuit  # here: nine named tuples cost 2% of the first frame
        self.app.go(AskQuit(back_to=self))

    def play_selected(self) -> None:
        entries = self.app.catalogue.entries
        if entries:
            self.app.start_run(entries[self.selected])

    def play_selected_in_class(self) -> None:
        """Class mode: the class votes at each decision (see `App.start_class`)."""
        entries = self.app.catalogue.entries
        if entries:
            self.app.start_class(entries[self.selected])

    def open_settings(self) -> None:
        from ..intents import OpenSettings  # see on_escape
        self.app.go(OpenSettings())

    def _select(self, index: int) -> None:
        self.selected = index

    def buttons(self) -> list[Button]:
        return self.cards + self.actions

    @property
    def cards(self) -> list[Button]:
        """A button per story in view, from `first_visible` on."""
        return [card for card, _ in self.layout().cards]

    @property
    def actions(self) -> list[Button]:
        """Play, Class, Settings, Language, Quit."""
        return self.layout().actions

    def check_action(self, name: str, args: tuple) -> bool:
        return name != "step" or bool(self.app.catalogue.entries)

    action_settings = calls("open_settings")
    action_quit = calls("on_escape")
    action_class_mode = calls("play_selected_in_class")

    def action_step(self, step: int) -> None:
        self.selected = (self.selected + step) % len(self.app.catalogue.entries)
        # The selected card carries the focus ring itself; the focus list counts only visible
        # cards, so an index here would point at the wrong button once the list has scrolled.
        # With no index, Enter plays the selected story.
        self.focus.index = None

    def handle_input(self, event: pygame.event.Event) -> object:
        """The mouse wheel scrolls through the stories; a click on a card selects it, on the
        selected card plays it; Tab moves the focus over cards and buttons."""
        n = len(self.app.catalogue.entries)
        if event.type == pygame.MOUSEWHEEL and n:
            self.selected = (self.selected - (1 if event.y > 0 else -1)) % n
            self.focus.index = None
            return True
        self.focus.buttons = self.buttons()
        pressed = self.focus.handle(event, arrows=False)
        if isinstance(pressed, Button):
            if pressed in self.cards:
                index = self.cards.index(pressed)
                if index + self.first_visible == self.selected:
                    self.play_selected()
                else:
                    self.selected = index + self.first_visible
            elif pressed.action is not None:
                pressed.action()
            return True
        if self.focus.index is not None and self.focus.index < len(self.cards):
            self.selected = self.focus.index + self.first_visible
        return pressed

    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        catalogue = self.app.catalogue
        return (self.selected, tuple(map(id, catalogue.entries)), catalogue.broken,
                tuple(map(id, catalogue.broken_files)))

    def place(self) -> "TitleLayout":
        """The column on the left: the title, the tagline, the cards of the stories (as many as
        fit, the selected one always), a note on broken files, and the buttons at the bottom."""
        th = self.theme
        p = th.palette
        w, h = th.width, th.height
        column = pygame.Rect(0, 0, int(min(w * 0.6, h * 1.05)), h)
        m = th.margin
        x, inner_w = m + th.px(1), column.w - 2 * m - th.px(2)
        y = th.px(4) + tx.text_size(self.t("app_title"), th.title, "bold")[1]
        tagline = tx.fit(self.t("tagline"), pygame.Rect(x, y, inner_w, th.px(14)), th.body,
                         p.on_backdrop_muted, "italic", th.body_min)
        y += tagline.height + th.px(3)
        actions = self._place_actions(x, inner_w)
        cards_bottom = actions[0].rect.y - th.px(3)
        note = problem = None
        if self.app.catalogue.broken:
            n = self.app.catalogue.broken
            note = tx.fit(self.t("broken_files", n=n),
                          pygame.Rect(x, 0, inner_w, th.px(10)), th.small, p.on_backdrop_muted,
                          "italic", th.small_min)
            note.box.y = cards_bottom - note.height
            cards_bottom = note.box.y - th.px(1.5)
            problem = self._place_problem(column)
        area = pygame.Rect(x, y, inner_w, cards_bottom - y)
        cards, hint = self._place_cards(area)
        return TitleLayout(column, (x, th.px(4)), tagline, note, area, cards, hint, actions,
                           problem)

    def _place_problem(self, column: pygame.Rect) -> "problems.ProblemPanel | None":
        """Right of the column, over the picture: the first broken file's problem as `bystander
        check` tells it, with its line quoted (problems.py), so a teacher sees what to fix
        without a terminal."""
        th = self.theme
        broken = self.app.catalogue.broken_files
        issue = broken[0].first_problem() if broken else None
        if issue is None:
            return None
        from .. import problems  # only with a broken file: not on the way to the first frame
        x = column.right + th.margin
        return problems.place(th, problems.where(self.t, broken[0].path.name, issue), issue, x,
                              th.margin, th.width - th.margin - x, th.height // 2)

    # --- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Everything here changes only on input: the layer is composed again when the selection,
        the focus or the list of stories changes (and with the theme and language)."""
        self.draw_static(surface, self.compose, *self.layout_state(), self.focus.index)

    def compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        lay = self.layout()
        w, h = surface.get_size()
        entries = self.app.catalogue.entries
        chosen = entries[self.selected] if entries else None
        column = lay.column
        # Only the part of the place right of the column shows: that part is kept on disk too,
        # so the next start draws its first frame without the art (see pictures.py)
        shown = pygame.Rect(column.right, 0, w - column.right, h)
        surface.blit(stage.place(self._place(chosen), "warm", (w, h), keep=shown), shown)
        if chosen is not None:
            self._draw_cast(surface, chosen)
        pygame.draw.rect(surface, p.backdrop, column)
        surface.blit(tx.render(self.t("app_title"), th.title, p.on_backdrop, "bold"), lay.title)
        self.drawing.blit(surface, lay.tagline)
        if lay.note is not None:
            self.drawing.blit(surface, lay.note)
        if lay.problem is not None:
            from .. import problems
            problems.draw(surface, self.drawing, th, lay.problem)
        if not entries:
            self.drawing.fit(self.t("no_scenarios"), pygame.Rect(lay.cards_area.topleft,
                                                                 (lay.cards_area.w, th.px(20))),
                             th.body, p.on_backdrop).blit(surface)
        self._draw_cards(surface, lay)
        self.focus.buttons = self.buttons()
        for i, b in enumerate(lay.actions):
            b.draw(surface, th, focused=(self.focus.index == len(lay.cards) + i))

    def _place(self, entry) -> str:
        if entry is None:
            return "hallway"
        return entry.card.place

    def _draw_cast(self, surface: pygame.Surface, entry) -> None:
        th = self.theme
        w, h = surface.get_size()
        cast = entry.card.cast  # the looks of the first three characters
        left = min(w * 0.6, h * 1.05)
        span = w - left
        for i, look in enumerate(cast):
            expression = "neutral"
            figure = stage.character(look, expression, int(h * 0.62),
                                     posture=stage.posture_for(expression),
                                     facing=-1 if i % 2 else 1, keep=True)
            cx = left + span * (i + 1) / (len(cast) + 1)
            surface.blit(figure, figure.get_rect(midbottom=(cx, h - th.px(4))))

    def _place_actions(self, x: int, width: int) -> list[Button]:
        """The buttons at the bottom of the column, in one row; in smaller text when the window
        is narrow, in two rows when even that is too wide (the ways to play above the rest)."""
        th = self.theme
        labels = [(self.t("play"), self.play_selected, "right"),
                  (self.t("class_mode"), self.play_selected_in_class, None),
                  (self.t("settings") + " (S)", self.open_settings, None),
                  ("EN (L)" if self.lang == "nl" else "NL (L)", self.app.toggle_language, None),
                  (self.t("quit"), self.on_escape, None)]
        actions = [Button(label, action, icon=icon) for label, action, icon in labels]
        gap = th.px(1.2)
        if sum(b.natural_width(th) for b in actions) + gap * (len(actions) - 1) > width:
            for b in actions:  # a narrow window: the same buttons in smaller text
                b.size = "small"
        h = max(tx.line_height(th.body if actions[0].size == "body" else th.small, "bold")
                + th.px(2.4), 0)
        if sum(b.natural_width(th) for b in actions) + gap * (len(actions) - 1) > width:
            rows = [actions[:2], actions[2:]]
        else:
            rows = [actions]
        y = th.height - th.margin - len(rows) * h - (len(rows) - 1) * gap
        for row in rows:
            bx = x
            for b in row:
                b.rect = pygame.Rect(bx, y, min(b.natural_width(th), x + width - bx), h)
                bx = b.rect.right + gap
            y += h + gap
        return actions

    def _place_cards(self, area: pygame.Rect) -> tuple[list[tuple[Button, object]],
                                                        tuple[str, pygame.Rect] | None]:
        """A card per story from `first_visible` on, as many as fit in `area`, the selected one
        always in view; and when not every story fits, a line saying how many are out of view
        (its words and box)."""
        th = self.theme
        entries = self.app.catalogue.entries
        pad = th.px(1.8)
        gap = th.px(2)
        width = area.w - 2 * pad
        heights = _Measured(len(entries), lambda i: self._card_height(entries[i], width) + 2 * pad)
        # When not every story fits, keep a line free to say how many are out of view.
        line = tx.line_height(th.small) + gap
        crowded = _taller_than(heights, gap, area.h)
        if crowded:
            area = pygame.Rect(area.x, area.y, area.w, area.h - line)
        # Keep the selected card in view when there are more cards than room.
        self.first_visible = min(self.first_visible, self.selected)
        while sum(heights[self.first_visible:self.selected + 1]) + gap * (
                self.selected - self.first_visible) > area.h and self.first_visible < self.selected:
            self.first_visible += 1
        cards = []
        y = area.y
        for i in range(self.first_visible, len(entries)):
            if y + heights[i] > area.bottom and i != self.selected:
                break
            e = entries[i]
            card = Button(card_text(e.card.title, self.lang), self.play_selected)
            card.rect = pygame.Rect(area.x, y, area.w, heights[i])
            cards.append((card, e))
            y += heights[i] + gap
        hint = None
        hidden = len(entries) - len(cards)
        if crowded and hidden > 0:
            hint = (self.t("more_stories", n=hidden),
                    pygame.Rect(area.x, area.bottom + gap // 2, area.w, line))
        return cards, hint

    def _draw_cards(self, surface: pygame.Surface, lay: "TitleLayout") -> None:
        th = self.theme
        p = th.palette
        pad = th.px(1.8)
        for i, (card, e) in enumerate(lay.cards):
            rect = card.rect
            selected = i + self.first_visible == self.selected
            panel(surface, rect, th, p.panel, p.ink if selected else p.panel_edge)
            if selected:  # a marker besides the ring: selection is never shown by colour alone
                pygame.draw.rect(surface, p.badge, (rect.x, rect.y, th.px(1.2), rect.h),
                                 border_top_left_radius=th.radius,
                                 border_bottom_left_radius=th.radius)
            self._draw_card_text(surface, e, rect.inflate(-2 * pad, -2 * pad))
            if selected:
                focus_ring(surface, rect, th)
        if lay.hint is not None:
            words, box = lay.hint
            self.drawing.fit(words, box, th.small, p.on_backdrop,
                             min_size=th.small * 3 // 4).blit(surface)

    def _card_texts(self, e):
        c = e.card  # what the title shows of a story, cached: see catalogue.py
        meta = (f"{self.t('ages', low=c.min_age, high=c.max_age)}  ·  "
                f"{self.t('minutes', n=c.minutes)}")
        if e.own:  # said in words: a story of the teacher's own folder, not shipped
            meta += f"  ·  {self.t('own_story')}"
        return card_text(c.title, self.lang), meta, card_text(c.summary, self.lang)

    def _card_height(self, e, width: int) -> int:
        """Measured as drawn (`_draw_card_text`): a card is measured only when it may be in
        view, and then drawn from the same rendering."""
        th = self.theme
        p = th.palette
        title, meta, summary = self._card_texts(e)
        return (tx.drawn_height(title, width, th.body, p.ink, "bold")
                + tx.drawn_height(meta, width, th.small, p.ink_muted)
                + tx.drawn_height(summary, width, th.small, p.ink))

    def _draw_card_text(self, surface: pygame.Surface, e, box: pygame.Rect) -> None:
        th = self.theme
        p = th.palette
        title, meta, summary = self._card_texts(e)
        y = box.y
        for text, size, colour, style in ((title, th.body, p.ink, "bold"),
                                          (meta, th.small, p.ink_muted, "regular"),
                                          (summary, th.small, p.ink, "regular")):
            fit = self.drawing.fit(text, pygame.Rect(box.x, y, box.w, box.bottom - y), size,
                                   colour, style)
            fit.blit(surface)
            y += fit.height


class TitleLayout(NamedTuple):
    """Where everything of the title goes (a named tuple: it is defined on the way to the first
    frame, where a dataclass costs three times as much)."""

    column: pygame.Rect
    title: tuple[int, int]
    """Where the game's name goes."""
    tagline: tx.Fit
    note: tx.Fit | None
    """How many story files are broken, if any."""
    cards_area: pygame.Rect
    cards: list[tuple[Button, object]]
    """A card per story in view, and its catalogue entry."""
    hint: tuple[str, pygame.Rect] | None
    """How many stories are out of view, and where that is said."""
    actions: list[Button]
    problem: "problems.ProblemPanel | None" = None
    """The first broken file's problem, over the picture."""


class _Measured:
    """The cards' heights, each measured the first time it is asked for: cards out of view are
    never measured (with five stories at 720p, a third of the first frame's text rendering)."""

    def __init__(self, n: int, measure):
        self.n, self.measure, self.known = n, measure, {}

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i not in self.known:
            self.known[i] = self.measure(i)
        return self.known[i]


def _taller_than(heights: _Measured, gap: int, limit: int) -> bool:
    """Whether the cards with gaps between them need more than `limit`, measuring no more of
    them than it takes to know."""
    total = -gap
    for i in range(len(heights)):
        total += heights[i] + gap
        if total > limit:
            return True
    return total > limit  # no cards: as sum([]) - gap > limit was
