"""The class vote at a decision: big A-D choices, hands counted by the teacher, then the result.

Counting: A-D or the arrows pick a choice, digits type its number of hands, +/- change it by one,
Backspace removes a digit; what is counted stays hidden (only "counted" shows) so that no later
hand follows the earlier ones. Enter (or the Lock button) locks the vote and reveals it as bars,
each with its letter, its text and its count in figures. The choice with most hands is taken on
Enter; the teacher may pick another first (an override, recorded as such). A tie, or no hands at
all, is said in words and waits for the teacher to pick. Choices that cannot be taken are shown,
dashed, with their reason, and take no votes.
"""

from __future__ import annotations

import pygame

from dataclasses import dataclass

from ...classroom.lesson import marks
from .. import text as tx
from ..bindings import DIGITS, ENTER, MINUS, PLUS, Binding, calls
from ..intents import OpenBallot, ShowConsequence, ShowScene
from ..widgets import Button, clicked, dashed_rect, focus_ring, panel, triangle
from .base import FramedScreen
from .chrome import Chrome, chrome, place_steps

MAX_HANDS = 99


class VoteScreen(FramedScreen):
    """One decision put to the class; `confirm()` takes the choice and records the vote."""

    BINDINGS = (
        Binding(ENTER, "primary", "Lock the vote; once revealed, take the choice"),
        *(Binding((pygame.K_a + i,), f"select({i})", f"Select {'ABCD'[i]}") for i in range(4)),
        Binding((pygame.K_UP, pygame.K_LEFT), "move(-1)", "Select the previous choice"),
        Binding((pygame.K_DOWN, pygame.K_RIGHT), "move(1)", "Select the next choice"),
        *(Binding(keys, f"type_digit({d})", f"Type {d} of the hands counted")
          for d, keys in enumerate(DIGITS)),
        Binding(PLUS, "adjust(1)", "One hand more"),
        Binding(MINUS, "adjust(-1)", "One hand fewer"),
        Binding((pygame.K_BACKSPACE,), "erase_digit", "Erase the last digit typed"),
        Binding((pygame.K_u, pygame.K_BACKSPACE), "unlock", "Count again"),
        Binding((pygame.K_v,), "ballot", "Vote on their own devices (secret ballot)"),
        Binding((pygame.K_y,), "confirm_size", "More hands than pupils: the class is that "
                                               "big today; lock the vote"),
    )

    def __init__(self, app, run, earlier: dict[str, str] | None = None):
        super().__init__(app)
        self.run = run
        self.view = run.view()
        self.counts: dict[str, int] = {c.id: 0 for c in self.view.choices}
        self.touched: set[str] = set()
        """Choices whose count the teacher has entered (the screen says "counted")."""
        self.phase = "counting"
        """counting (hidden) or revealed (the bars)."""
        available = [c.index for c in self.view.choices if c.available]
        self.selected: int | None = available[0] if available else None
        self._fresh = True
        """The next digit starts a new number rather than extending the one shown."""
        self.notice: str | None = None
        """Why the last letter pressed selected nothing (its choice cannot be taken here)."""
        self.seconds = 0.0
        """Time spent on this decision, from the moment the vote appeared."""
        self.earlier = earlier or {}
        """Choice id -> words such as "Road 1": what the class took here on another road."""
        self._take_back_kept()

    KEPT = ("counts", "touched", "phase", "selected", "seconds")
    """What the vote keeps when the teacher goes back to the story and returns to it."""

    def _take_back_kept(self) -> None:
        """The count as the teacher left it here (back to the story to re-read), if they did."""
        classroom = self.app.classroom
        kept = classroom.kept.pop(classroom.moment("vote", self.run), None) if classroom else None
        if kept:
            for name in self.KEPT:
                setattr(self, name, kept[name])
            self.counts = {c.id: self.counts.get(c.id, 0) for c in self.view.choices}

    def _keep(self) -> None:
        classroom = self.app.classroom
        if classroom is not None:
            classroom.kept[classroom.moment("vote", self.run)] = {
                name: getattr(self, name) for name in self.KEPT}

    # --- the vote -------------------------------------------------------------------------------

    @property
    def decision_number(self) -> int:
        return self.run.decision_count + 1

    def plan_mark(self) -> tuple[str, ...]:
        """What the lesson plan says at this decision (lesson.plan_at), in the bar's words."""
        classroom = self.app.classroom
        said = classroom.plan_at(self.view.scene_id, self.decision_number) if classroom else None
        return marks(said, self.lang)

    def available(self) -> list[int]:
        return [c.index for c in self.view.choices if c.available]

    def winners(self) -> list[int]:
        """The available choices with the most hands; all of them when nobody was counted."""
        indexes = self.available()
        if not indexes:
            return []
        best = max(self.counts[self.view.choices[i].id] for i in indexes)
        return [i for i in indexes if self.counts[self.view.choices[i].id] == best]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def tie(self) -> bool:
        return self.total > 0 and len(self.winners()) > 1

    @property
    def majority(self) -> int | None:
        """The choice with most hands when there is exactly one, else None."""
        w = self.winners()
        return w[0] if self.total > 0 and len(w) == 1 else None

    @property
    def overridden(self) -> bool:
        """The teacher took a choice the vote did not put first."""
        if self.selected is None or self.total == 0:
            return False
        return self.selected not in self.winners()

    def select(self, index: int) -> None:
        """Select a choice. A choice that cannot be taken selects nothing, so the hands typed
        next count for no choice instead of landing on the one selected before."""
        if not 0 <= index < len(self.view.choices):
            return
        self._fresh = True
        if self.view.choices[index].available:
            self.selected = index
            self.notice = None
        else:
            self.selected = None
            self.notice = self.t("vote_not_here", letter="ABCD"[index])

    def move(self, step: int) -> None:
        indexes = self.available()
        if not indexes:
            return
        if self.selected not in indexes:
            self.selected = indexes[0] if step > 0 else indexes[-1]
        else:
            self.selected = indexes[(indexes.index(self.selected) + step) % len(indexes)]
        self._fresh = True

    def set_count(self, index: int, value: int) -> None:
        choice = self.view.choices[index]
        if not choice.available or self.phase != "counting":
            return
        self.counts[choice.id] = max(0, min(MAX_HANDS, value))
        self.touched.add(choice.id)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Hands counted elsewhere (pupils' phones, say), by choice id, in place of the count so
        far; ids of closed or unknown choices are left out. Lock and take as with hands counted
        here: `lock()` (refused over the class size), then `confirm()`, which records through
        `ClassSession.record`, the one way a decision's counts reach the record."""
        for c in self.view.choices:
            if c.available and c.id in counts:
                self.set_count(c.index, counts[c.id])

    def adjust(self, index: int | None, step: int) -> None:
        if index is not None:
            self.select(index)
            self.set_count(index, self.counts[self.view.choices[index].id] + step)
            self._fresh = True  # digits typed after + or - are a new number, not appended

    def type_digit(self, digit: int) -> None:
        if self.selected is None:
            return
        current = 0 if self._fresh else self.counts[self.view.choices[self.selected].id]
        value = current * 10 + digit
        self.set_count(self.selected, value if value <= MAX_HANDS else digit)
        self._fresh = False

    def erase_digit(self) -> None:
        if self.selected is not None:
            cid = self.view.choices[self.selected].id
            self.set_count(self.selected, self.counts[cid] // 10)
            self._fresh = False

    @property
    def over_size(self) -> bool:
        """More hands counted than the class has pupils: flagged while counting, and the vote
        cannot be locked until the count is corrected or the size confirmed (`confirm_size`)."""
        classroom = self.app.classroom
        return classroom is not None and classroom.over_size(self.total)

    def confirm_size(self) -> None:
        """The teacher says the class really is as big as the hands counted today (a pupil
        from another class, a wrong size at the start): the record's size follows, then the
        vote is locked."""
        if self.phase != "counting" or not self.over_size:
            return
        self.app.classroom.set_class_size(self.total)
        self.lock()

    def lock(self) -> None:
        """Close the count and show the result; the majority's choice is selected. Not while
        more hands are counted than the class has pupils (see `over_size`)."""
        if self.over_size:
            return
        self.phase = "revealed"
        majority = self.majority
        self.selected = majority  # a tie or no hands: nothing until the teacher picks
        self.focus.index = None

    def unlock(self) -> None:
        """Count again: back to the hidden count, the numbers kept."""
        self.phase = "counting"
        if self.selected is None:
            available = self.available()
            self.selected = available[0] if available else None
        self._fresh = True

    def confirm(self) -> None:
        """Take the selected choice, record the vote (`ClassSession.record`: this is the only
        place a vote screen records), and show what it did."""
        if self.phase != "revealed" or self.selected is None:
            return
        choice = self.view.choices[self.selected]
        if not choice.available:
            return
        before = self.view
        votes = ({c.id: self.counts[c.id] for c in self.view.choices if c.available}
                 if self.total else None)
        overridden = self.overridden
        if self.over_size:  # only when the size changed behind the vote's back; never recorded
            self.phase = "counting"
            return
        outcome = self.run.choose(choice.id)
        if self.app.classroom is not None:
            self.app.classroom.record(self.run, outcome, votes, overridden, self.seconds)
        self.app.go(ShowConsequence(self.run, outcome, before))

    def back_to_story(self) -> None:
        """The scene's last beat again, to re-read it before voting."""
        self._keep()
        self.app.go(ShowScene(self.run, at_last_beat=True))

    def primary(self) -> None:
        """Enter: lock while counting, take the choice once revealed."""
        if self.phase == "counting":
            self.lock()
        else:
            self.confirm()

    # --- events ---------------------------------------------------------------------------------

    def update(self, dt: float) -> bool:
        self.seconds += dt
        return False

    def refresh(self) -> None:
        """Another language: the same choices in new words; counts are kept by choice id."""
        self.view = self.run.view()

    @property
    def controls(self) -> list[Button]:
        """The -1, +1 and +5 of every choice that takes votes, while counting."""
        return self.layout().controls

    @property
    def nav(self) -> list[Button]:
        """The bar's buttons and the corner buttons."""
        return self.layout().chrome.buttons

    @property
    def row_rects(self) -> list[pygame.Rect]:
        return [row.rect for row in self.layout().rows]

    COUNTING = frozenset({"type_digit", "adjust", "erase_digit", "ballot", "confirm_size"})
    """Actions for while the hands are counted; `unlock` is for once the vote is revealed."""

    def check_action(self, name: str, args: tuple) -> bool:
        if name in self.COUNTING:
            return self.phase == "counting"
        if name == "unlock":
            return self.phase == "revealed"
        return True

    action_primary = calls("primary")
    action_select = calls("select")
    action_move = calls("move")
    action_type_digit = calls("type_digit")

    def action_adjust(self, step: int) -> None:
        self.adjust(self.selected, step)

    action_erase_digit = calls("erase_digit")
    action_unlock = calls("unlock")
    action_confirm_size = calls("confirm_size")

    def action_ballot(self) -> None:
        """The secret ballot (room.py); its locked counts come back as hands counted here."""
        self.app.go(OpenBallot(self.run, self.counted))

    def counted(self, counts: dict[str, int]) -> None:
        """The secret ballot's locked counts (room.py): as if counted here, then locked; more
        votes than pupils are flagged as a hand count's would be."""
        self.set_counts(counts)
        self.lock()

    def handle_input(self, event: pygame.event.Event) -> object:
        """The buttons (arrows select choices, not buttons), and a click on a choice's row."""
        self.focus.buttons = self.buttons()
        pressed = self.focus.press(event, arrows=False)
        index = clicked(event, self.row_rects) if pressed is not True else None
        if index is not None:
            self.select(index)
            return True
        return pressed

    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        return (self.view, self.phase, self.selected, tuple(self.counts.items()), self.notice,
                tuple(self.earlier.items()), self.decision_number)

    def place(self) -> "VoteLayout":
        th = self.theme
        m = th.margin
        v = self.view
        chips = [self.t("vote_title"), self.t("decision_n", n=self.decision_number)]
        if v.step_label:
            chips.append(self.t("step", step=v.step_label))
        if self.phase == "counting":
            left = Button(self.t("back_to_story"), self.back_to_story, size="small", icon="left",
                          short=self.t("back"))
            if self.over_size:
                right = Button(self.t("vote_confirm_size", n=self.total), self.confirm_size,
                               icon="right", short=self.t("vote_confirm_size_short"))
            else:
                right = Button(self.t("lock"), self.lock, icon="right")
        else:
            left = Button(self.t("unlock"), self.unlock, size="small", icon="left")
            if self.selected is not None:
                right = Button(self.t("take", letter="ABCD"[self.selected]), self.confirm,
                               icon="right")
            else:
                right = Button(self.t("pick_first"), None, enabled=False)
        frame = chrome(self, chips, gap=1.5, left=[left], primary=right,
                       corner_extra=[Button(self.t("whatif"), self.app.open_timeline,
                                            size="small")])
        y = frame.content.y
        heading_key = "vote_question" if self.phase == "counting" else "results_title"
        heading = tx.fit(self.t(heading_key), pygame.Rect(m, y, th.width - 2 * m, th.heading * 2),
                         th.heading, th.palette.on_backdrop, "bold", th.body_min)
        y += heading.height + th.px(1)
        # The bottom: buttons, then the line that says what the teacher can do now.
        status = self._place_status(frame.bar.y - th.px(1.2))
        rows = self._place_rows(pygame.Rect(m, y, th.width - 2 * m,
                                            status.box.y - th.px(1.2) - y))
        return VoteLayout(frame, heading, status, rows)

    def _status_text(self) -> str:
        if self.phase == "counting":
            size = self.app.classroom.class_size if self.app.classroom else None
            if self.over_size:
                return self.t("vote_over_size", hands=self.total, n=size)
            first = self.notice or self.t("vote_hint")
            counted = (self.t("total_hands", n=self.total) if size is None
                       else self.t("total_hands_of", n=self.total, size=size))
            return f"{first}   ·   {counted}"
        letters = "ABCD"
        if self.total == 0:
            return self.t("no_votes")
        if self.tie:
            tied = [letters[i] for i in self.winners()]
            joined = ", ".join(tied[:-1]) + f" {self.t('and')} " + tied[-1]
            if self.selected is not None and self.selected not in self.winners():
                return self.t("override_tie", letter=letters[self.selected], tied=joined)
            if self.selected is not None:
                return self.t("tie_picked", letter=letters[self.selected], tied=joined)
            return self.t("tie", letters=joined)
        majority = letters[self.majority]
        if self.overridden:
            return self.t("override", letter=letters[self.selected], majority=majority)
        return self.t("majority", letter=majority)

    # --- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Nothing moves here: the layer is composed again when the layout's state (a count, the
        selection, the phase...) or the focus changes, or which choices were counted."""
        self.draw_static(surface, self.compose, *self.layout_state(), frozenset(self.touched),
                         self.focus.index)

    def draw_content(self, surface: pygame.Surface, lay: "VoteLayout") -> None:
        self.drawing.blit(surface, lay.heading)
        self._draw_status(surface, lay.status)
        for row in lay.rows:
            self._draw_row(surface, row)

    def _place_status(self, bottom: int) -> "Status":
        """The line above the buttons, ending at `bottom`; in a panel with a marker when the
        teacher must decide."""
        th = self.theme
        m = th.margin
        text = self._status_text()
        counting = self.phase == "counting"
        pad = th.px(1.2)
        width = th.width - 2 * m
        flagged = counting and self.over_size
        needs_teacher = flagged or not counting and (self.tie or self.total == 0
                                                     or self.overridden)
        size = th.small if counting and not flagged else th.body
        if size == th.body and tx.text_width(text, size, "bold") + size + 3 * pad > width:
            size = th.small  # two lines of body text would take the choices' room
        icon_w = size if needs_teacher else 0
        box_h = tx.wrapped_height(text, width - 2 * pad - icon_w, size, "bold") + pad
        box_h = min(box_h, th.px(16))
        box = pygame.Rect(m, bottom - box_h, width, box_h)
        words = pygame.Rect(box.x + pad + icon_w + (pad if icon_w else 0), box.y + pad // 2,
                            width - 2 * pad - icon_w - pad, box_h - pad // 2)
        return Status(text, size, box, words, icon_w)

    def _draw_status(self, surface: pygame.Surface, status: "Status") -> None:
        th = self.theme
        p = th.palette
        box, icon_w = status.box, status.icon_w
        counting = self.phase == "counting" and not icon_w
        pad = th.px(1.2)
        if not counting:
            panel(surface, box, th, p.panel, p.ink if icon_w else p.panel_edge, shadow=False)
            if icon_w:  # an exclamation in a triangle: the words say it, the shape too
                cx, cy = box.x + pad + icon_w // 2, box.centery
                pygame.draw.polygon(surface, p.ink, [(cx, cy - icon_w * 0.45),
                                                     (cx + icon_w * 0.5, cy + icon_w * 0.4),
                                                     (cx - icon_w * 0.5, cy + icon_w * 0.4)],
                                    max(2, th.px(0.3)))
                mark = tx.render("!", int(status.size * 0.7), p.ink, "bold")
                surface.blit(mark, mark.get_rect(center=(cx, cy + icon_w * 0.08)))
        colour = p.on_backdrop_muted if counting else p.ink
        self.drawing.fit(status.text, status.words, status.size, colour,
                         "bold" if not counting else "regular", th.small_min).blit(surface,
                                                                                   "center")

    def _place_rows(self, area: pygame.Rect) -> list["Row"]:
        """One row per choice, each as tall as its words need; spare room shared out evenly."""
        th = self.theme
        choices = self.view.choices[:4]
        gap = th.px(1.2)
        n = max(1, len(choices))
        room = area.h - gap * (n - 1)
        need = [self._row_need(c, area.w) for c in choices]
        if sum(need) <= room:
            heights = [h + (room - sum(need)) // n for h in need]
        else:  # too much text: every row gives up the same share; fit() shrinks the words
            heights = [max(th.px(6), h * room // max(1, sum(need))) for h in need]
        rows = []
        y = area.y
        for c, h in zip(choices, heights):
            rows.append(self._place_row(c, pygame.Rect(area.x, y, area.w, h)))
            y += h + gap
        return rows

    def _place_row(self, c, rect: pygame.Rect) -> "Row":
        """A choice's row: its letter badge, its text box, the right part, and while counting
        the - and + buttons of a choice that takes votes."""
        th = self.theme
        row = Row(c, rect, *self._row_boxes(c, rect))
        if c.available and self.phase == "counting":
            right = row.right
            size = min(right.h, th.px(8))
            row.minus = Button("–1", lambda i=c.index: self.adjust(i, -1), size="body",
                               align="center")
            row.plus = Button("+1", lambda i=c.index: self.adjust(i, 1), size="body",
                              align="center")
            row.plus5 = Button("+5", lambda i=c.index: self.adjust(i, 5), size="body",
                               align="center")
            width = max(size, *(b.natural_width(th) for b in (row.minus, row.plus, row.plus5)))
            row.minus.rect = pygame.Rect(right.x, right.centery - size // 2, width, size)
            place_steps(th, right.right, right.centery, [row.plus, row.plus5], size, width)
        return row

    def _row_boxes(self, c, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """(the letter badge, the text box, the right part) of a choice's row."""
        th = self.theme
        pad = th.px(1.2)
        badge_size = min(rect.h - 2 * pad, int(th.heading * 1.5))
        badge = pygame.Rect(rect.x + pad, rect.centery - badge_size // 2, badge_size, badge_size)
        if not c.available:  # no votes: the right part only says so
            right_w = tx.text_width(self.t("no_votes_here"), th.small, "italic") + th.px(1)
        elif self.phase == "counting":
            right_w = min(int(rect.w * 0.36), th.px(46))
        else:
            right_w = int(rect.w * 0.38)
        right = pygame.Rect(rect.right - pad - right_w, rect.y + pad, right_w, rect.h - 2 * pad)
        text_x = rect.x + pad + int(th.heading * 1.5) + th.px(1.5)
        text = pygame.Rect(text_x, rect.y + pad // 2, right.x - th.px(1.5) - text_x,
                           rect.h - pad)
        return badge, text, right

    def _extras(self, c) -> list[tuple[str, str]]:
        """The smaller lines under a choice: our choice, its reason, what another road took."""
        extra = []
        if self.phase == "revealed" and c.index == self.selected:
            extra.append((self.t("our_choice"), "bold"))
        if not c.available and c.reason:
            extra.append((c.reason, "italic"))
        if c.id in self.earlier:
            extra.append((self.earlier[c.id], "italic"))
        return extra

    def _row_need(self, c, width: int) -> int:
        th = self.theme
        _, text, _ = self._row_boxes(c, pygame.Rect(0, 0, width, th.px(20)))
        h = tx.wrapped_height(c.text, text.w, th.body, "bold" if c.available else "regular")
        h += sum(tx.wrapped_height(t, text.w, th.small, style) for t, style in self._extras(c))
        return max(h + th.px(2.4), int(th.heading * 1.1) + th.px(2.4))

    def _draw_row(self, surface: pygame.Surface, row: "Row") -> None:
        th = self.theme
        p = th.palette
        c, rect, badge = row.choice, row.rect, row.badge
        selected = c.index == self.selected
        if c.available:
            panel(surface, rect, th, p.panel, p.ink if selected else p.panel_edge)
        else:
            pygame.draw.rect(surface, p.disabled, rect, border_radius=th.radius)
            dashed_rect(surface, p.disabled_edge, rect, max(2, th.px(0.3)), th.px(1.2))
        fg = p.ink if c.available else p.on_disabled
        # The letter, big, in its badge (hollow when the choice cannot be taken).
        size = min(th.heading, int(badge.h * 0.8))
        if c.available:
            pygame.draw.rect(surface, p.badge, badge, border_radius=th.radius)
            letter = tx.render(c.letter, size, p.on_badge, "bold")
        else:
            pygame.draw.rect(surface, p.on_disabled, badge, width=max(2, th.px(0.3)),
                             border_radius=th.radius)
            letter = tx.render(c.letter, size, p.on_disabled, "bold")
        surface.blit(letter, letter.get_rect(center=badge.center))
        self._draw_choice_text(surface, c, row.text, fg)
        if not c.available:
            self.drawing.fit(self.t("no_votes_here"), row.right, th.small, p.on_disabled,
                             "italic", th.small_min, "right").blit(surface, "center")
        elif self.phase == "counting":
            self._draw_counter(surface, row, selected)
        else:
            self._draw_bar(surface, c, row.right)
        if selected:
            # Besides the ring: a bar at the left edge, so selection never rests on colour.
            pygame.draw.rect(surface, p.focus, (rect.x, rect.y, th.px(0.9), rect.h),
                             border_top_left_radius=th.radius,
                             border_bottom_left_radius=th.radius)
            focus_ring(surface, rect, th)

    def _draw_choice_text(self, surface, c, box: pygame.Rect, fg) -> None:
        th = self.theme
        p = th.palette
        extra = self._extras(c)
        extra_h = sum(tx.wrapped_height(text, box.w, th.small, style) for text, style in extra)
        main = self.drawing.fit(c.text, pygame.Rect(box.x, box.y, box.w, max(1, box.h - extra_h)),
                                th.body, fg, "bold" if c.available else "regular", th.small_min)
        total = main.height + extra_h
        y = box.centery - total // 2
        main.box.y = y
        main.blit(surface)
        y += main.height
        muted = p.ink_muted if c.available else p.on_disabled
        for text, style in extra:
            fit = self.drawing.fit(text, pygame.Rect(box.x, y, box.w, max(1, box.bottom - y)),
                                   th.small, muted if style == "italic" else fg, style,
                                   th.small_min)
            fit.blit(surface)
            y += fit.height

    def _draw_counter(self, surface, row: "Row", selected: bool) -> None:
        """- [count] +: the count in figures only for the choice being entered (the buttons
        are drawn with the others)."""
        th = self.theme
        p = th.palette
        c, area, minus, plus = row.choice, row.right, row.minus, row.plus
        middle = pygame.Rect(minus.rect.right + th.px(0.8), area.y,
                             plus.rect.x - minus.rect.right - th.px(1.6), area.h)
        if selected:
            value = tx.render(str(self.counts[c.id]), th.heading, p.ink, "bold")
            under = tx.render(self.t("hands_word", n=self.counts[c.id]), th.small, p.ink_muted)
            if value.get_height() + under.get_height() - th.px(1) <= area.h + 2 * th.px(1.2):
                total = value.get_height() + under.get_height() - th.px(1)
                top = middle.centery - total // 2
                surface.blit(value, value.get_rect(midtop=(middle.centerx, top)))
                surface.blit(under, under.get_rect(midbottom=(middle.centerx, top + total)))
            else:
                surface.blit(value, value.get_rect(center=middle.center))
        else:
            word = self.t("counted") if c.id in self.touched else self.t("not_counted")
            self.drawing.fit(word, middle, th.small, p.ink_muted, "italic", th.small_min,
                             "center").blit(surface, "center")

    def _draw_bar(self, surface, c, area: pygame.Rect) -> None:
        """The bar of one choice: its length the share of hands, its count in figures."""
        th = self.theme
        p = th.palette
        count = self.counts[c.id]
        most = max((self.counts[x.id] for x in self.view.choices if x.available), default=0)
        number = tx.render(str(count), th.heading, p.ink, "bold")
        top_choice = self.total > 0 and count == most
        label = self.t("most_votes") if top_choice else ""
        label_s = tx.render(label, th.small, p.ink, "bold") if label else None
        label_w = (label_s.get_width() + th.px(1)) if label_s else 0
        track = pygame.Rect(area.x, area.centery - th.px(2.2),
                            area.w - number.get_width() - th.px(1.5), th.px(4.4))
        pygame.draw.rect(surface, p.track, track, border_radius=th.px(0.6))
        fill_w = int(track.w * count / most) if most else 0
        if fill_w > 0:
            fill = pygame.Rect(track.x, track.y, fill_w, track.h)
            pygame.draw.rect(surface, p.badge, fill, border_radius=th.px(0.6))
            if top_choice:  # the leading bar(s) hatched: a second cue besides the words
                step = th.px(1.4)
                for x in range(fill.x, fill.right, step):
                    pygame.draw.line(surface, p.on_badge, (x, fill.bottom - 2),
                                     (min(fill.right - 1, x + fill.h // 2), fill.y + 1),
                                     max(1, th.px(0.25)))
        pygame.draw.rect(surface, p.ink, track, width=max(1, th.px(0.2)),
                         border_radius=th.px(0.6))
        surface.blit(number, number.get_rect(midleft=(track.right + th.px(1.5),
                                                      area.centery)))
        if label_s is not None and label_w < track.w:
            # Above the bar when there is room, else inside it on a panel-coloured tab.
            pos = label_s.get_rect(bottomleft=(track.x, track.y - th.px(0.3)))
            if pos.top < area.y - th.px(1):
                pos = label_s.get_rect(topleft=(track.x, track.bottom + th.px(0.2)))
            triangle(surface, p.ink, (pos.x + th.small * 0.35, pos.centery), th.small * 0.55,
                     "right")
            surface.blit(label_s, (pos.x + int(th.small * 0.8), pos.y))


@dataclass
class Status:
    """The line above the buttons: its words at `size` in `words`, inside `box`; `icon_w` is the
    width of the marker before them when the teacher must decide (0: none)."""

    text: str
    size: int
    box: pygame.Rect
    words: pygame.Rect
    icon_w: int


@dataclass
class Row:
    """A choice's row: its letter badge, text box and right part (counter, bar or a word), and
    while counting its - and + buttons."""

    choice: object
    rect: pygame.Rect
    badge: pygame.Rect
    text: pygame.Rect
    right: pygame.Rect
    minus: Button | None = None
    plus: Button | None = None
    plus5: Button | None = None


@dataclass
class VoteLayout:
    chrome: Chrome
    heading: tx.Fit
    status: Status
    rows: list[Row]

    @property
    def controls(self) -> list[Button]:
        return [b for row in self.rows for b in (row.minus, row.plus, row.plus5)
                if b is not None]

    @property
    def buttons(self) -> list[Button]:
        """In focus order: the counters, the bar, the corners."""
        return self.controls + self.chrome.buttons
