"""The secret ballot on the projector: pupils vote on their own devices, the class sees only how
many have voted until the teacher locks the vote.

Opened from the class vote (V) for the decision on screen. It shows a QR code and the short
address of the room, its code, large enough to read from the back of the room, and "17 of 28
voted" (of the class's size, else of the devices that opened the page): never the split. Enter locks the vote; the counts
go back to the vote screen as if they had been counted by hand, and it shows the same reveal, where
the teacher takes the class's choice (or another, noted as such) and the record keeps the counts.
Backspace goes back to the hand count with the room left open (V comes back to it); X closes
the room. When no device has reached the room within a minute, a hint says why that may be and
what to do instead.

The server (classroom/ballot_server.py) runs in its own thread; this screen only reads what it
sent (`BallotLink.poll`, once a frame, never waiting) and redraws when that changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pygame

from ...classroom.ballot.room import Option, quiet_too_long
from .. import text as tx
from ..bindings import ENTER, Binding, calls
from .base import FramedScreen
from .chrome import Chrome, chrome
from ..widgets import Button, panel

QUIET_ZONE = 4
"""Modules of white around a QR code, as the standard asks, so phones find it."""


def qr_surface(url: str, side: int, ink, paper) -> pygame.Surface:
    """The QR code of `url`, `side` pixels square, every module the same whole number of pixels
    (a scaled module of uneven size is harder for a phone to read)."""
    import segno
    qr = segno.make(url, error="m", micro=False)
    matrix = qr.matrix
    n = len(matrix) + 2 * QUIET_ZONE
    module = max(1, side // n)
    small = pygame.Surface((n, n))
    small.fill(paper)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                small.set_at((x + QUIET_ZONE, y + QUIET_ZONE), ink)
    return pygame.transform.scale(small, (n * module, n * module))


def ballot_options(view) -> list[Option]:
    """The decision's choices as the room shows them: A-D, their text, whether they take votes."""
    return [Option(c.id, c.letter, c.text, c.available) for c in view.choices[:4]]


class RoomScreen(FramedScreen):
    """One decision put to the class's devices; `counted(counts)` hands the locked counts back."""

    BINDINGS = (
        Binding(ENTER, "lock", "Lock the vote and show the result"),
        Binding((pygame.K_BACKSPACE,), "back", "Back to the hand count (the room stays open)"),
        Binding((pygame.K_x,), "close_room", "Close the room"),
    )

    def __init__(self, app, run, counted: Callable[[dict[str, int]], None]):
        super().__init__(app)
        self.run = run
        self.view = run.view()
        self.counted = counted
        self.link = app.open_ballot()
        self.topic = app.classroom.moment("vote", run) if app.classroom else None
        if self.link.topic != self.topic:
            self.link.ask(ballot_options(self.view), self.topic)
        self.locking = False
        self._qr: tuple[tuple, pygame.Surface] | None = None

    # --- what the teacher does ------------------------------------------------------------------

    def lock(self) -> None:
        """Ask the room to lock; its counts come back through the queue (see `update`)."""
        if self.link.address and not self.locking:
            self.locking = True
            self.link.lock()

    def back(self) -> None:
        self.app.pop()

    def close_room(self) -> None:
        self.app.close_ballot()
        self.app.pop()

    action_lock = calls("lock")
    action_back = calls("back")
    action_close_room = calls("close_room")

    # --- the loop -------------------------------------------------------------------------------

    def update(self, dt: float) -> bool:
        link = self.link
        link.seconds += dt
        if link.poll():
            self.app.dirty = True
        if link.locked is not None and self.locking:
            self.locking = False
            self.app.pop()
            self.counted(dict(link.locked.counts))
        if quiet_too_long(link.tally.joined, link.seconds) != self._hinted:
            self.app.dirty = True
        return False

    _hinted = False

    def refresh(self) -> None:
        """Another language: the choices in its words, on the pupils' pages too."""
        self.view = self.run.view()
        self.link.server.set_lang(self.lang)
        self.link.server.retext(ballot_options(self.view))

    # --- layout ---------------------------------------------------------------------------------

    def layout_state(self) -> tuple:
        link = self.link
        self._hinted = quiet_too_long(link.tally.joined, link.seconds)
        return (self.view, link.address, link.code, link.failed, link.tally, self.locking,
                self._hinted, self.run.decision_count)

    def place(self) -> "RoomLayout":
        th = self.theme
        link = self.link
        chips = [self.t("ballot_title"), self.t("decision_n", n=self.run.decision_count + 1)]
        back = Button(self.t("ballot_back"), self.back, size="small", icon="left",
                      short=self.t("ballot_back_short"))
        close = Button(self.t("ballot_close"), self.close_room, size="small",
                       short=self.t("ballot_close_short"))
        lock = Button(self.t("lock"), self.lock, icon="right", enabled=bool(link.address),
                      short=self.t("lock_short"))
        frame = chrome(self, chips, gap=1.5, left=[back, close], primary=lock)
        area = frame.content
        gap = th.px(2)
        side = min(area.h, area.w // 2 - gap)
        qr = pygame.Rect(area.x, area.y + (area.h - side) // 2, side, side)
        text = pygame.Rect(qr.right + gap, area.y, area.right - qr.right - gap, area.h)
        return RoomLayout(frame, qr, text)

    def lines(self) -> list[tuple[str, int, str]]:
        """The right column's lines: (text, size, style), largest first."""
        th = self.theme
        link = self.link
        if link.failed:
            return [(self.t("ballot_failed", why=link.failed), th.body, "bold")]
        if not link.address:
            return [(self.t("ballot_starting"), th.body, "bold")]
        tally = link.tally
        lines = [(self.t("ballot_go_to"), th.small, "regular"),
                 (link.address.removeprefix("http://"), th.heading, "bold"),
                 (self.t("ballot_code"), th.small, "regular"),
                 (link.code, th.heading * 2, "bold"),
                 (self.t("ballot_voted", n=tally.voted, joined=self.out_of(tally))
                  if self.out_of(tally) else self.t("ballot_waiting"), th.heading, "bold")]
        if self.locking:
            lines.append((self.t("ballot_locking"), th.body, "regular"))
        elif self._hinted:
            lines.append((self.t("ballot_nobody"), th.body, "bold"))
        else:
            lines.append((self.t("ballot_hint"), th.small, "regular"))
        return lines

    def out_of(self, tally) -> int:
        """What "17 of 28" counts against: the class's size when the session has one (the
        teacher gave it when the class began), else the devices that opened the page."""
        size = self.app.classroom.class_size if self.app.classroom else None
        return size if size else tally.joined

    # --- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_static(surface, self.compose, *self.layout_state(), self.focus.index)

    def draw_content(self, surface: pygame.Surface, lay: "RoomLayout") -> None:
        th = self.theme
        p = th.palette
        if self.link.address and not self.link.failed:
            key = (self.link.url, lay.qr.w)
            if self._qr is None or self._qr[0] != key:
                self._qr = (key, qr_surface(self.link.url, lay.qr.w, (0, 0, 0),
                                            (255, 255, 255)))
            code = self._qr[1]
            surface.blit(code, code.get_rect(center=lay.qr.center))
        lines = self.lines()
        pad = th.px(1.2)
        nobody = self.t("ballot_nobody")
        inner = lay.text.w - 2 * pad
        room = lay.text.h - th.px(1) * (len(lines) - 1) - 2 * pad
        def measured() -> list[int]:
            return [tx.wrapped_height(text, inner if text == nobody else lay.text.w, size, style)
                    for text, size, style in lines]
        heights = measured()
        if sum(heights) > room and len(lines) > 3:
            # A narrow (4:3) screen: the last line, the longest, goes down to small text first,
            # and the code's digits to one and a half headings; then the address and the count
            # to body text; only then is all of it squeezed.
            text, _, style = lines[-1]
            lines[-1] = (text, th.small, style)
            lines[3] = (lines[3][0], th.heading * 3 // 2, "bold")
            heights = measured()
        if sum(heights) > room and len(lines) > 4:
            lines[1] = (lines[1][0], th.body, "bold")  # the address
            lines[4] = (lines[4][0], th.body, "bold")  # how many voted
            heights = measured()
        scale = min(1.0, room / max(1, sum(heights)))
        y = lay.text.y + max(0, (room - sum(heights)) // 2)
        for (text, size, style), h in zip(lines, heights):
            box = pygame.Rect(lay.text.x, y, lay.text.w, max(1, int(h * scale)))
            colour = p.on_backdrop
            if text == nobody:  # in a panel with a border: not colour alone
                framed = pygame.Rect(box.x, box.y, box.w, box.h + 2 * pad)
                panel(surface, framed, th, p.panel, p.ink, shadow=False)
                box = framed.inflate(-2 * pad, -2 * pad)
                colour = p.ink
            self.drawing.fit(text, box, size, colour, style, th.small_min).blit(surface)
            y = box.bottom + (pad if text == nobody else 0) + th.px(1)


@dataclass
class RoomLayout:
    chrome: Chrome
    qr: pygame.Rect
    text: pygame.Rect

    @property
    def buttons(self) -> list[Button]:
        return self.chrome.buttons
