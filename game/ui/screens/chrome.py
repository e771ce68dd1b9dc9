"""The chrome screens share around what they show: header chips at the top left, corner buttons at
the top right, a bar of buttons along the bottom (the primary one at the right, the others at the
left), and the content area between them.

Why one place: five class screens (vote, discussion, timeline, compare, debrief) laid these out
by hand, each with its own gap under the header, and seven `_layout_nav` methods placed bottom
buttons in four ways. Now a screen says what its chrome holds and `chrome()` places it. The gap
under the header stays each screen's own (`chrome()` takes it in units): the discussion leaves 2
units, the comparison 1.2, the rest 1.5, and changing them would move every picture below. The
scene's and the consequence's rows of buttons (`place_bar`) and the ending's and the debrief's
tabs (`place_tabs`) are placed here too.

These functions place; only `draw_header` and `draw_open_tab` draw. A screen's `place()` calls
them and its drawing draws what they placed (see base.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import pygame

from .. import text as tx
from ..theme import Theme
from ..widgets import Button, chip, chip_rect

if TYPE_CHECKING:
    from .base import Screen

BAR_PADDING = {"body": 2.0, "small": 1.6}
"""Units a bar of buttons adds to the height of a line of its largest label's text size."""
BAR_SPARE = 2
"""Units at least between the left buttons of a bar and the right ones: the primary button gives
way (its label shrinks) before it would come closer."""


class Chip(NamedTuple):
    """One chip of a header: the first names the screen (bold, on the name tag's colour)."""

    label: str
    rect: pygame.Rect
    first: bool


def header_chips(theme: Theme, labels: list[str], top: int = 0,
                 right: int | None = None) -> list[Chip]:
    """The header's chips in a row from the top left, `top` pixels down; each label starts with a
    capital. With `right`, only the chips that end left of it: later ones give way first, so a
    narrow (4:3) screen never puts a chip under the corner buttons; the first always stays."""
    x, y = theme.margin, top + theme.px(2)
    chips: list[Chip] = []
    for i, label in enumerate(labels):
        label = label[:1].upper() + label[1:]
        rect = chip_rect(theme, (x, y), label, style="bold" if i == 0 else "regular")
        if right is not None and chips and rect.right > right - theme.px(1):
            break
        chips.append(Chip(label, rect, i == 0))
        x = rect.right + theme.px(1)
    return chips


def header_bottom(theme: Theme, chips: list[Chip], top: int = 0) -> int:
    """The bottom of a header row of `chips` placed `top` pixels down."""
    return max([top + theme.px(2)] + [c.rect.bottom for c in chips])


def draw_header(surface: pygame.Surface, theme: Theme, chips: list[Chip]) -> None:
    p = theme.palette
    for c in chips:
        chip(surface, theme, c.rect.topleft, c.label, p.name_tag if c.first else p.panel,
             p.on_name_tag if c.first else p.ink, style="bold" if c.first else "regular")


def corner_buttons(screen: "Screen", extra: list[Button] | None = None) -> list[Button]:
    """`extra` buttons, then Language and Menu, at the top right: touch screens have no L or Esc
    key (their own, touch-sized, are touch.py's)."""
    th = screen.theme
    lang_label = "EN" if screen.lang == "nl" else "NL"
    buttons = (extra or []) + [
        Button(f"{lang_label} (L)", screen.app.toggle_language, size="small"),
        Button(f"{screen.t('menu')} (Esc)", screen.app.pause, size="small"),
    ]
    x = th.width - th.margin
    y = th.px(1.6)
    for b in reversed(buttons):
        w = b.natural_width(th)
        h = tx.line_height(th.small, "bold") + th.px(1.2)
        b.rect = pygame.Rect(x - w, y, w, h)
        x -= w + th.px(1)
    return buttons


def bar_height(theme: Theme, size: str = "body") -> int:
    """The height of a bar of buttons whose largest label is `size` (body or small)."""
    return tx.line_height(getattr(theme, size), "bold") + theme.px(BAR_PADDING[size])


def place_bar(theme: Theme, row: pygame.Rect, left: list[Button], right: list[Button],
              gap: int, spare: int | None = None) -> bool:
    """Place `left` from the row's left edge and `right` from its right edge, `gap` apart, each
    as wide as its label; the last of `right` (the primary button) at the right end gives way
    to keep `spare` pixels (`BAR_SPARE` units) from the left ones. Returns whether the two
    groups stay apart."""
    spare = theme.px(BAR_SPARE) if spare is None else spare
    x = row.x
    for b in left:
        b.rect = pygame.Rect(x, row.y, b.natural_width(theme), row.h)
        x = b.rect.right + gap
    left_end = left[-1].rect.right if left else row.x
    x = row.right
    for i, b in enumerate(reversed(right)):
        w = b.natural_width(theme)
        if i == 0:
            others = sum(o.natural_width(theme) + gap for o in right[:-1])
            w = min(w, row.right - left_end - spare - others)
        b.rect = pygame.Rect(x - w, row.y, w, row.h)
        x -= w + gap
    return left_end <= (right[0].rect.x if right else row.right)


def place_steps(theme: Theme, right: int, centery: int, buttons: list[Button], size: int,
                width: int | None = None) -> int:
    """A row of `buttons` (steps such as -1 and +5, or options) ending at `right`, centred on
    `centery`, each `size` pixels tall and as wide (or `width`), 1 unit apart: big enough for a
    finger when `size` is (48 pixels at least on a 1080p touch board). Returns the row's left
    edge."""
    x = right
    for b in reversed(buttons):
        w = width or size
        b.rect = pygame.Rect(x - w, centery - size // 2, w, size)
        x -= w + theme.px(1)
    return x + theme.px(1)


def place_tabs(theme: Theme, tabs: list[Button], top: int, height: int | None = None) -> None:
    """A row of tabs from the left margin at `top`: each as wide as its label and number, as
    tall as a bar of small buttons (or its number badge, if that is taller), or `height`."""
    x = theme.margin
    for b in tabs:
        w = b.natural_width(theme)
        h = height or max(bar_height(theme, "small"), b.badge_width(theme) + theme.px(1.2))
        b.rect = pygame.Rect(x, top, w, h)
        x += w + theme.px(1.2)


def draw_open_tab(surface: pygame.Surface, theme: Theme, tab: Button) -> None:
    """A bar under the open tab, besides its words: which page is open is never colour alone."""
    pygame.draw.rect(surface, theme.palette.focus, (tab.rect.x, tab.rect.bottom + theme.px(0.4),
                                                    tab.rect.w, theme.px(0.7)))


class Mark(NamedTuple):
    """The teacher's note in the bar (what the lesson plan says at this decision): its words
    fitted, and the outlined box around them."""

    fit: tx.Fit
    rect: pygame.Rect
    one_line: bool
    """Whether one of its ways of saying it fits on one line of small text."""


def place_mark(theme: Theme, words: tuple[str, ...], bar: pygame.Rect, left: list[Button],
               primary: Button | None) -> Mark:
    """The teacher's note in the bar's room between its left buttons and its primary one, next
    to the primary (what the teacher does next is said beside the button that does it). `words`
    says it in full first, then shorter: the first that fits on one line of small text is
    taken (a 4:3 screen in Dutch has room for the short one); when none does, the shortest,
    wrapped and smaller down to the smallest size."""
    gap, pad = theme.px(1.5), theme.px(1.0)
    start = (left[-1].rect.right if left else bar.x) + gap
    end = (primary.rect.x if primary is not None else bar.right) - gap
    box = pygame.Rect(start + pad, bar.y, max(1, end - start - 2 * pad), bar.h - pad // 2)
    said = next((w for w in words if tx.text_width(w, theme.small, "bold") <= box.w), None)
    one_line = said is not None
    said = said or words[-1]
    fit = tx.fit(said, box, theme.small, theme.palette.on_backdrop, "bold", theme.small_min)
    w, h = fit.surface.get_size()
    rect = pygame.Rect(0, 0, w + 2 * pad, h + pad // 2)
    rect.midright = (end, bar.centery)
    return Mark(tx.Fit(fit.text, rect.inflate(-2 * pad, -(pad // 2)), fit.size, fit.surface,
                       fit.fits), rect, one_line)


def draw_mark(surface: pygame.Surface, theme: Theme, mark: Mark, drawing) -> None:
    """An outline round the words on the backdrop, no fill and no shadow: a note for the
    teacher, never taken for a button."""
    pygame.draw.rect(surface, theme.palette.on_backdrop_muted, mark.rect,
                     width=max(1, theme.px(0.25)), border_radius=min(mark.rect.h // 2,
                                                                     theme.radius))
    drawing.blit(surface, mark.fit, "center")


@dataclass
class Chrome:
    """A screen's chrome, placed: the header's chips, the corner buttons, the bottom bar with its
    buttons, and the content area from under the header to the top of the bar."""

    chips: list[Chip]
    corners: list[Button]
    bar: pygame.Rect
    left: list[Button] = field(default_factory=list)
    primary: Button | None = None
    content: pygame.Rect = field(default_factory=pygame.Rect)
    bar_fits: bool = True
    """Whether the bar's buttons stay apart (a check for the overflow tests)."""
    mark: Mark | None = None
    """The teacher's note in the bar, if the screen has one (`plan_mark`)."""

    @property
    def buttons(self) -> list[Button]:
        """The bar's buttons, left to right, then the corner buttons: their focus order."""
        return self.left + ([self.primary] if self.primary else []) + self.corners

    def draw_header(self, surface: pygame.Surface, theme: Theme) -> None:
        draw_header(surface, theme, self.chips)

    def draw_mark(self, surface: pygame.Surface, theme: Theme, drawing) -> None:
        if self.mark is not None:
            draw_mark(surface, theme, self.mark, drawing)


def chrome(screen: "Screen", chips: list[str], *, gap: float, corner_extra: list[Button] = (),
           left: list[Button] = (), primary: Button | None = None, bar_size: str = "body",
           spare: int | None = None) -> Chrome:
    """Place a screen's chrome: `chips` in the header (those that fit left of the corner
    buttons), `corner_extra` before Language and Menu, the bar's `left` buttons (1 unit apart)
    and its `primary` one, `spare` pixels from them at least (see `place_bar`), in a bar as
    tall as `bar_size` text needs. The content starts `gap` units under the header and the
    corner buttons, and ends at the bar."""
    th = screen.theme
    m = th.margin
    clock = getattr(screen, "lesson_clock", lambda: None)()
    clock_button = Button(clock, screen.app.pause, size="small") if clock is not None else None
    # The teacher's lesson clock, first in the corner; opens the menu.
    corners = screen.corner_buttons([clock_button, *corner_extra] if clock_button
                                    else list(corner_extra))
    placed = header_chips(th, chips, right=corners[0].rect.left)
    if clock_button and placed and placed[0].rect.right > corners[0].rect.left - th.px(1):
        # A narrow (4:3) screen, where the screen's name and the clock would overlap: the clock
        # goes under the corner buttons, right-aligned, still small and out of the content.
        corners = screen.corner_buttons(list(corner_extra))
        w = clock_button.natural_width(th)
        below = corners[0].rect
        clock_button.rect = pygame.Rect(th.width - th.margin - w, below.bottom + th.px(1), w,
                                        below.h)
        placed = header_chips(th, chips, right=corners[0].rect.left)
        corners = [*corners, clock_button]
    top = max(header_bottom(th, placed), *(c.rect.bottom for c in corners)) + th.px(gap)
    h = bar_height(th, bar_size)
    bar = pygame.Rect(m, th.height - m - h, th.width - 2 * m, h)
    left = list(left)
    fits = place_bar(th, bar, left, [primary] if primary else [], th.px(1), spare)
    # A crowded bar (the timeline of a second road has four buttons on the left; a 4:3 screen
    # in Dutch): the primary button says it shorter rather than be cut off, then the left ones.
    for shorter in ([primary] if primary is not None else [], left):
        if primary is None or primary.rect.w >= primary.natural_width(th):
            break
        for b in shorter:
            if b.short:
                b.label = b.short
        fits = place_bar(th, bar, left, [primary], th.px(1), spare)
    # What the lesson plan says here, for the teacher: in the bar, beside the primary button.
    words = getattr(screen, "plan_mark", lambda: ())()
    mark = place_mark(th, words, bar, left, primary) if words else None
    # A 4:3 screen in Dutch: the left buttons say it shorter to make room for the mark, then
    # the primary one (more hands than pupils: the line above the bar says it in full).
    for shorter in (left, [primary] if primary is not None else []):
        if mark is None or mark.one_line:
            break
        if any(b.short for b in shorter):
            for b in shorter:
                b.label = b.short or b.label
            fits = place_bar(th, bar, left, [primary] if primary else [], th.px(1), spare)
            mark = place_mark(th, words, bar, left, primary)
    return Chrome(placed, corners, bar, left, primary,
                  pygame.Rect(m, top, th.width - 2 * m, bar.y - top), fits, mark)
