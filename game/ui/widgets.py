"""Buttons with number badges and focus rings, meter bars, panels, chips and drawn icons.

Icons (arrows, triangles) are drawn as shapes rather than font glyphs: the bundled font has no
arrow glyphs, and shapes stay crisp at every size. Nothing here carries meaning by colour alone:
disabled buttons are dashed with a hollow badge and their reason in words; meter changes have an
arrow and a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from . import text as tx
from .surfacecache import SurfaceCache, screenfuls
from .theme import Theme


# --- drawing helpers --------------------------------------------------------------------------

_SHADOWS = SurfaceCache(max_entries=64, max_pixels=screenfuls(1))
"""The visible parts of panel shadows (see `_shadow_rim`), one window's pixels of them at most."""


def _shadow_rim(size: tuple[int, int], radius: int, alpha: int,
                off: int) -> list[tuple[tuple[int, int], pygame.Surface]]:
    """The parts of a panel's shadow (a rounded rectangle of `size`, `off` right of and below the
    panel) that the panel leaves visible, with where each goes from the shadow's corner: its
    right and bottom strips and the corner it rounds off. Only these are made, kept and blended:
    a whole shadow is as big as its panel (a dialogue box's is a quarter of the window, 8 MB at
    4K), and blending all of it under the panel cost 1-7 ms a frame."""
    w, h = size
    cx, cy = max(0, w - off - radius), max(0, h - off - radius)
    parts = []
    for area in (pygame.Rect(cx, 0, w - cx, h), pygame.Rect(0, cy, cx, h - cy),
                 pygame.Rect(0, 0, min(radius, cx), min(radius, cy))):
        if area.w > 0 and area.h > 0:
            def make(area=area) -> pygame.Surface:
                s = pygame.Surface(area.size, pygame.SRCALPHA)
                pygame.draw.rect(s, (0, 0, 0, alpha), pygame.Rect(-area.x, -area.y, w, h),
                                 border_radius=radius)
                return s
            key = (size, radius, alpha, tuple(area))
            parts.append((area.topleft, _SHADOWS.get(key, make, screenfuls(1))))
    return parts


def panel(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, colour=None, edge=None,
          shadow: bool = True, radius: int | None = None) -> None:
    """An opaque rounded panel, with a soft shadow so it lifts off the picture behind it."""
    p = theme.palette
    radius = theme.radius if radius is None else radius
    if shadow and rect.w > 0 and rect.h > 0:
        off = theme.px(0.5)
        for (x, y), part in _shadow_rim((rect.w, rect.h), radius, 70, off):
            surface.blit(part, (rect.x + off + x, rect.y + off + y))
    pygame.draw.rect(surface, colour or p.panel, rect, border_radius=radius)
    edge = p.panel_edge if edge is None else edge
    if edge:
        pygame.draw.rect(surface, edge, rect, width=max(1, theme.px(0.25)), border_radius=radius)


def dashed_rect(surface: pygame.Surface, colour, rect: pygame.Rect, width: int,
                dash: int) -> None:
    """A rectangle outline of dashes: marks what cannot be used without relying on colour."""
    x0, y0, x1, y1 = rect.left, rect.top, rect.right - 1, rect.bottom - 1
    for (ax, ay), (bx, by) in (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)),
                               ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))):
        length = max(abs(bx - ax), abs(by - ay))
        steps = max(1, length // (2 * dash))
        for i in range(steps + 1):
            t0 = min(1, i * 2 * dash / max(1, length))
            t1 = min(1, (i * 2 + 1) * dash / max(1, length))
            pygame.draw.line(surface, colour, (ax + (bx - ax) * t0, ay + (by - ay) * t0),
                             (ax + (bx - ax) * t1, ay + (by - ay) * t1), width)


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, theme: Theme) -> None:
    """A thick two-tone ring outside `rect`: visible on light and dark backgrounds alike."""
    w = theme.focus_width
    outer = rect.inflate(4 * w, 4 * w)
    pygame.draw.rect(surface, theme.palette.focus, outer, width=w,
                     border_radius=theme.radius + 2 * w)
    pygame.draw.rect(surface, theme.palette.focus_inner, rect.inflate(2 * w, 2 * w),
                     width=max(2, w // 2), border_radius=theme.radius + w)


def triangle(surface: pygame.Surface, colour, center: tuple[float, float], size: float,
             direction: str) -> None:
    """A filled arrow head pointing up, down, left or right."""
    cx, cy = center
    h = size / 2
    points = {"up": [(cx - h, cy + h * 0.8), (cx + h, cy + h * 0.8), (cx, cy - h * 0.9)],
              "down": [(cx - h, cy - h * 0.8), (cx + h, cy - h * 0.8), (cx, cy + h * 0.9)],
              "left": [(cx + h * 0.8, cy - h), (cx + h * 0.8, cy + h), (cx - h * 0.9, cy)],
              "right": [(cx - h * 0.8, cy - h), (cx - h * 0.8, cy + h), (cx + h * 0.9, cy)]}
    pygame.draw.polygon(surface, colour, points[direction])


def arrow(surface: pygame.Surface, colour, center: tuple[float, float], size: float,
          direction: str) -> None:
    """An arrow with a shaft, for up/down changes."""
    cx, cy = center
    shaft = max(2, int(size / 4))
    if direction in ("up", "down"):
        sign = -1 if direction == "up" else 1
        pygame.draw.line(surface, colour, (cx, cy - sign * size / 2), (cx, cy + sign * size / 8),
                         shaft)
        triangle(surface, colour, (cx, cy + sign * size / 4), size * 0.7, direction)
    else:
        sign = -1 if direction == "left" else 1
        pygame.draw.line(surface, colour, (cx - sign * size / 2, cy), (cx + sign * size / 8, cy),
                         shaft)
        triangle(surface, colour, (cx + sign * size / 4, cy), size * 0.7, direction)


def chip(surface: pygame.Surface, theme: Theme, pos: tuple[int, int], label: str, bg, fg,
         size: int | None = None, style: str = "bold", icon: str | None = None,
         anchor: str = "topleft") -> pygame.Rect:
    """A small rounded label; `icon` is 'up', 'down', 'left', 'right' or 'same' drawn before it."""
    size = size or theme.small
    label_surface = tx.render(label, size, fg, style)
    pad = theme.px(1.0)
    icon_w = int(size * 0.9) if icon else 0
    rect = chip_rect(theme, pos, label, size, style, icon, anchor)
    pygame.draw.rect(surface, bg, rect, border_radius=rect.h // 2)
    x = rect.x + pad
    if icon in ("up", "down", "left", "right"):
        arrow(surface, fg, (x + icon_w / 2, rect.centery), size * 0.75, icon)
    elif icon == "same":
        pygame.draw.line(surface, fg, (x + icon_w * 0.15, rect.centery),
                         (x + icon_w * 0.85, rect.centery), max(2, size // 8))
    if icon:
        x += icon_w + pad // 2
    surface.blit(label_surface, (x, rect.centery - label_surface.get_height() // 2))
    return rect


def chip_rect(theme: Theme, pos: tuple[int, int], label: str, size: int | None = None,
              style: str = "bold", icon: str | None = None,
              anchor: str = "topleft") -> pygame.Rect:
    """Where `chip` with these arguments goes, measured without drawing it (layouts)."""
    size = size or theme.small
    width = tx.text_width(label, size, style)  # the label as rendered, emoji and all
    height = tx.font_height(size, style)
    pad = theme.px(1.0)
    icon_w = int(size * 0.9) if icon else 0
    rect = pygame.Rect(0, 0, width + 2 * pad + icon_w + (pad // 2 if icon else 0),
                       height + pad // 2)
    setattr(rect, anchor, pos)
    return rect


# --- buttons ------------------------------------------------------------------------------------

@dataclass
class Button:
    """A button: optional number badge (with its letter), focus ring, and a reason when disabled.

    Its rect is set by the screen's layout; `layout()` fits the label into it with the same
    `text.fit` that the overflow test uses.
    """

    label: str
    action: Callable[[], object] | None = None
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    badge: str | None = None
    badge_sub: str | None = None
    enabled: bool = True
    reason: str | None = None
    size: str = "body"
    """body or small: the text size of the label."""
    icon: str | None = None
    """An arrow drawn before the label: left or right."""
    align: str = "left"
    hover: bool = False
    fits: bool = True
    text_size: int | None = None
    """A smaller size than the theme's, chosen by a layout that lacks room for the larger text
    settings (see `sizes_down`); never below the theme's minimum."""
    short: str | None = None
    """A shorter label, for a bar too crowded to show the whole one (see chrome.chrome)."""

    def _theme_sizes(self, theme: Theme) -> tuple[int, int]:
        if self.size == "small":
            return theme.small, theme.small_min
        return theme.body, theme.body_min

    def _sizes(self, theme: Theme) -> tuple[int, int]:
        size, min_size = self._theme_sizes(theme)
        return max(min_size, min(size, self.text_size or size)), min_size

    def _reason_size(self, theme: Theme) -> int:
        """The reason under a disabled label: smaller along with a label the layout shrank,
        so it never reads larger than the choice itself."""
        size, _ = self._theme_sizes(theme)
        return max(theme.small_min, theme.small * self._sizes(theme)[0] // size)

    def sizes_down(self, theme: Theme):
        """The label sizes a layout may pick for this button, largest first."""
        return tx.sizes_down(*self._theme_sizes(theme))

    def badge_width(self, theme: Theme) -> int:
        return int(self._sizes(theme)[0] * 1.9) if self.badge else 0

    def pad(self, theme: Theme) -> int:
        return theme.px(1.6) if self.size == "body" else theme.px(1.0)

    def label_pad(self, theme: Theme) -> int:
        """The space above and below the label: a little less than `pad`. Measuring
        (`preferred_height`) and drawing (`_draw_label`) both take it from here. They used to
        round it separately (`2 * pad - px(0.6)` against `2 * (pad - px(0.3))`), which came out
        a pixel apart at 1366x768, 1280x800 and 3840x2160, so a label that wrapped to two lines
        got a box one pixel shorter than its lines and counted as not fitting."""
        return self.pad(theme) - theme.px(0.3)

    def text_width(self, theme: Theme, width: int) -> int:
        bw = self.badge_width(theme)
        icon = self._sizes(theme)[0] if self.icon else 0
        return width - 2 * self.pad(theme) - bw - (self.pad(theme) if bw else 0) - icon

    def natural_width(self, theme: Theme) -> int:
        """The width that shows the label on one line, badge and icon included."""
        size = self._sizes(theme)[0]
        bw = self.badge_width(theme)
        return (tx.text_width(self.label, size, "bold") + 2 * self.pad(theme) + 2
                + (bw + self.pad(theme) if bw else 0) + (size if self.icon else 0))

    def preferred_height(self, theme: Theme, width: int) -> int:
        """The height the label (and reason) need at the full text size for `width`."""
        size, _ = self._sizes(theme)
        tw = max(1, self.text_width(theme, width))
        h = tx.wrapped_height(self.label, tw, size, "bold" if self.size == "body" else "bold")
        if self.reason and not self.enabled:
            h += tx.wrapped_height(self.reason, tw, self._reason_size(theme), "italic")
        return max(h + 2 * self.label_pad(theme), self.badge_width(theme))

    def contains(self, pos) -> bool:
        return self.rect.collidepoint(pos)

    def draw(self, surface: pygame.Surface, theme: Theme, focused: bool = False) -> None:
        p = theme.palette
        rect = self.rect
        pad = self.pad(theme)
        if self.enabled:
            panel(surface, rect, theme, p.panel, p.ink if self.hover else p.panel_edge,
                  shadow=True)
            if self.hover:
                pygame.draw.rect(surface, p.ink, rect, width=max(2, theme.px(0.4)),
                                 border_radius=theme.radius)
            fg, reason_fg = p.ink, p.ink_muted
        else:
            pygame.draw.rect(surface, p.disabled, rect, border_radius=theme.radius)
            dashed_rect(surface, p.disabled_edge, rect, max(2, theme.px(0.3)), theme.px(1.2))
            fg = reason_fg = p.on_disabled
        x = rect.x + pad
        if self.badge:
            bw = self.badge_width(theme)
            badge = pygame.Rect(x, rect.y + (rect.h - bw) // 2 if rect.h < bw * 1.6 else
                                rect.y + pad - theme.px(0.3), bw, bw)
            badge.y = max(rect.y + theme.px(0.5), min(badge.y, rect.bottom - bw - theme.px(0.5)))
            if self.enabled:
                pygame.draw.rect(surface, p.badge, badge, border_radius=theme.radius)
                badge_fg = p.on_badge
            else:  # hollow badge: a second cue besides the dashes that this one is out of reach
                pygame.draw.rect(surface, p.on_disabled, badge, width=max(2, theme.px(0.3)),
                                 border_radius=theme.radius)
                badge_fg = p.on_disabled
            num = tx.render(self.badge, self._sizes(theme)[0], badge_fg, "bold")
            sub_size = max(8, self._sizes(theme)[0] * 3 // 5)
            if self.badge_sub:
                sub = tx.render(self.badge_sub, sub_size, badge_fg, "bold")
                total = num.get_height() + sub.get_height() - theme.px(1.5)
                y = badge.centery - total // 2
                surface.blit(num, num.get_rect(midtop=(badge.centerx, y)))
                surface.blit(sub, sub.get_rect(midbottom=(badge.centerx, y + total)))
            else:
                surface.blit(num, num.get_rect(center=badge.center))
            x += bw + pad
        if self.icon:
            size = self._sizes(theme)[0]
            triangle(surface, fg, (x + size * 0.4, rect.centery), size * 0.6, self.icon)
            x += size
        self.fits = self._draw_label(surface, theme, x, fg, reason_fg)
        if focused:
            focus_ring(surface, rect, theme)

    def _draw_label(self, surface, theme: Theme, x: int, fg, reason_fg) -> bool:
        size, min_size = self._sizes(theme)
        pad = self.pad(theme)
        width = self.rect.right - pad - x
        reason_h = 0
        reason = None
        if self.reason and not self.enabled:
            reason = tx.fit(self.reason, pygame.Rect(x, 0, width, self.rect.h),
                            self._reason_size(theme), reason_fg, "italic", theme.small_min)
            reason_h = reason.height
        line = tx.line_height(size, "bold")
        vpad = max(0, min(self.label_pad(theme), (self.rect.h - reason_h - line) // 2))
        box = pygame.Rect(x, self.rect.y + vpad, width, self.rect.h - 2 * vpad - reason_h)
        label = tx.fit(self.label, box, size, fg, "bold", min_size, self.align)
        total = label.height + reason_h
        y = self.rect.centery - total // 2
        label.box.y = y
        label.blit(surface)
        if reason is not None:
            surface.blit(reason.surface, (x, y + label.height))
        return label.fits and (reason is None or reason.fits)


def clicked(event: pygame.event.Event, rects: list[pygame.Rect]) -> int | None:
    """The index of the rect a left click was released on, or None."""
    if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
        return next((i for i, r in enumerate(rects) if r.collidepoint(event.pos)), None)
    return None


class FocusList:
    """Keyboard focus over a list of buttons: Up/Down/Tab move it, Enter/Space press.

    With `hover`, the button under the mouse is marked (`Button.hover`, drawn with a darker
    edge). Only the attract loop asks for it: elsewhere buttons were made anew at every drawing
    until screens kept a layout, so a hovered button never showed, and every screen still looks
    as it did. A screen that turns it on must keep the hover in its layer's key."""

    def __init__(self, buttons: list[Button] | None = None, start: int | None = None,
                 hover: bool = False):
        self.buttons: list[Button] = buttons or []
        self.index: int | None = start
        self.hover = hover
        self._pressed: Button | None = None

    @property
    def focused(self) -> Button | None:
        if self.index is None or not (0 <= self.index < len(self.buttons)):
            return None
        return self.buttons[self.index]

    def move(self, step: int) -> None:
        if not self.buttons:
            return
        if self.index is None:
            self.index = 0 if step > 0 else len(self.buttons) - 1
        else:
            self.index = (self.index + step) % len(self.buttons)

    def handle(self, event: pygame.event.Event, arrows: bool = True) -> Button | None | bool:
        """The button pressed by this event, True if only focus/hover changed, else None."""
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_TAB:
                self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            if arrows and event.key in (pygame.K_DOWN, pygame.K_UP):
                self.move(1 if event.key == pygame.K_DOWN else -1)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self.focused
        elif event.type == pygame.MOUSEMOTION and self.hover:
            changed = False
            for b in self.buttons:
                inside = b.contains(event.pos)
                changed |= inside != b.hover
                b.hover = inside
            return True if changed else None
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._pressed = next((b for b in self.buttons if b.contains(event.pos)), None)
            return True if self._pressed else None
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            # A press counts only if it started and ended on the same button, so a click that
            # finished reading a beat never lands on the choice that appears under it.
            pressed, self._pressed = self._pressed, None
            if pressed is not None and pressed.contains(event.pos):
                self.index = self.buttons.index(pressed) if pressed in self.buttons else None
                return pressed
        return None

    def press(self, event: pygame.event.Event, arrows: bool = True) -> object:
        """`handle` the event and run the action of the button it pressed (when it has one and
        is enabled): True then; else what `handle` said. What most screens do with their focus."""
        pressed = self.handle(event, arrows)
        if isinstance(pressed, Button):
            if pressed.enabled and pressed.action is not None:
                pressed.action()
            return True
        return pressed

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        for i, b in enumerate(self.buttons):
            b.draw(surface, theme, focused=(i == self.index))


# --- meters -------------------------------------------------------------------------------------

def ease_out(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return 1 - (1 - t) ** 3


def ease_in_out(t: float) -> float:
    """Slow at both ends (smoothstep): a change that starts and settles without a jolt."""
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


@dataclass
class MeterRow:
    """One of the victim's meters, shown moving from its value before to its value after."""

    label: str
    before: int
    after: int
    low: int
    high: int
    good: str
    """high or low: which end is good for him."""
    better_word: str
    worse_word: str
    same_word: str
    note: str | None = None
    """e.g. "lower is better", for meters where a high value is bad."""
    _places: dict = field(default_factory=dict, repr=False, compare=False)
    """Where the number and the bar go, by theme and row: measured once, drawn every frame."""

    def height(self, theme: Theme) -> int:
        return tx.line_height(theme.body, "bold") + theme.px(3.2)

    def draw(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect,
             progress: float) -> bool:
        """Draw at animation `progress` (0..1, eased here). False when the label overflows."""
        fits = self.draw_still(surface, theme, rect)
        self.draw_moving(surface, theme, rect, progress)
        return fits

    def draw_still(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> bool:
        """What does not move as the meter fills: the change chip at the right, the label at
        the left in the room the number leaves it. False when the label overflows."""
        p = theme.palette
        chip_text, icon, bg, fg = self._change_chip(p)
        chip(surface, theme, self._chip_rect(theme, rect).topleft, chip_text, bg, fg, icon=icon)
        room = max(1, self._place(theme, rect)[0].left - rect.x - theme.px(1))
        # One line always: the label with its note, smaller, or without the note if need be.
        note = f"  ({self.note})" if self.note else ""
        candidates = [(self.label + note, theme.body), (self.label + note, theme.small_min),
                      (self.label, theme.body), (self.label, theme.small_min)]
        text, size = next(((t, s) for t, s in candidates if tx.text_width(t, s, "bold") <= room),
                          candidates[-1])
        fits = tx.text_width(text, size, "bold") <= room
        label = tx.render(text, size, p.ink, "bold")
        label_h = tx.line_height(theme.body, "bold")
        surface.blit(label, label.get_rect(midleft=(rect.x, rect.y + label_h // 2)))
        return fits

    def draw_moving(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect,
                    progress: float, clear=None,
                    since: tuple[int, int] | None = None) -> list[pygame.Rect]:
        """What moves: the number and the bar at `progress`, over the row drawn by
        `draw_still`. With `clear` (the panel's colour), first paint over the number and the
        bar as another frame left them; `since`, that frame's `moving_look`: a number that has
        not changed since is left as it is. Returns the parts of `surface` it drew on."""
        p = theme.palette
        value = self.value(progress)
        slot, bar = self._place(theme, rect)
        line = max(1, theme.px(0.2))
        number = round(value)
        renumber = since is None or since[0] != number
        drawn = ([slot] if renumber else []) + [bar.inflate(2 * line, 2 * line)]
        if clear is not None:
            for area in drawn:
                surface.fill(clear, area)
        if renumber:
            label_h = tx.line_height(theme.body, "bold")
            text = tx.render(str(number), theme.body, p.ink, "bold")
            surface.blit(text, text.get_rect(midright=(slot.right, rect.y + label_h // 2)))
        # The bar: track, fill, and the changed stretch hatched so the change reads without colour.
        pygame.draw.rect(surface, p.track, bar, border_radius=bar.h // 2)
        span = max(1, self.high - self.low)
        fill_w = self._fill_width(bar, value)
        if fill_w > 0:
            pygame.draw.rect(surface, p.fill, (bar.x, bar.y, fill_w, bar.h),
                             border_radius=bar.h // 2)
        a = bar.x + int(bar.w * (self.before - self.low) / span)
        b = bar.x + fill_w
        if abs(b - a) > 2:
            lo, hi = sorted((a, b))
            step = max(4, bar.h // 2)
            for x in range(lo, hi, step):
                pygame.draw.line(surface, p.ink, (x, bar.bottom - 1),
                                 (min(hi, x + bar.h // 2), bar.y), line)
        pygame.draw.rect(surface, p.ink, bar, width=max(1, theme.px(0.15)),
                         border_radius=bar.h // 2)
        return drawn

    def value(self, progress: float) -> float:
        """The meter's value at animation `progress` (0..1, eased here)."""
        return self.before + (self.after - self.before) * ease_out(progress)

    def moving_look(self, theme: Theme, rect: pygame.Rect, progress: float) -> tuple[int, int]:
        """What `draw_moving` shows at `progress`: the number and the bar's filled width. Two
        frames with the same look need not draw it twice (the end of an easing)."""
        value = self.value(progress)
        return round(value), self._fill_width(self._place(theme, rect)[1], value)

    def _place(self, theme: Theme, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        """The number's slot and the bar in the row `rect` (see `_number_slot` and `_bar`)."""
        key = (theme, tuple(rect))
        if key not in self._places:
            self._places.clear()  # one row, one place at a time
            self._places[key] = (self._number_slot(theme, rect), self._bar(theme, rect))
        return self._places[key]

    def _bar(self, theme: Theme, rect: pygame.Rect) -> pygame.Rect:
        label_h = tx.line_height(theme.body, "bold")
        return pygame.Rect(rect.x, rect.y + label_h + theme.px(0.6), rect.w, theme.px(1.8))

    def _fill_width(self, bar: pygame.Rect, value: float) -> int:
        return int(bar.w * (value - self.low) / max(1, self.high - self.low))

    def _change_chip(self, p) -> tuple[str, str, tuple, tuple]:
        """The chip's words, icon and colours: better, worse or no change."""
        delta = self.after - self.before
        if delta == 0:
            return self.same_word, "same", p.same, p.on_same
        better = delta > 0 if self.good == "high" else delta < 0
        bg, fg = (p.better, p.on_better) if better else (p.worse, p.on_worse)
        return (f"{delta:+d} {self.better_word if better else self.worse_word}",
                "up" if delta > 0 else "down", bg, fg)

    def _chip_rect(self, theme: Theme, rect: pygame.Rect) -> pygame.Rect:
        chip_text, icon, _, _ = self._change_chip(theme.palette)
        label_h = tx.line_height(theme.body, "bold")
        return chip_rect(theme, (rect.right, rect.y + label_h // 2), chip_text, icon=icon,
                         anchor="midright")

    def _number_slot(self, theme: Theme, rect: pygame.Rect) -> pygame.Rect:
        """Where the number stands, right-aligned before the chip, as wide as the widest number
        it shows on its way: the label's room stays the same while the meter moves."""
        label_h = tx.line_height(theme.body, "bold")
        lo, hi = sorted((self.before, self.after))
        widest = max(tx.text_width(str(v), theme.body, "bold") for v in range(lo, hi + 1))
        right = self._chip_rect(theme, rect).left - theme.px(1.2)
        high = max(label_h, tx.font(theme.body, "bold").get_height())
        slot = pygame.Rect(right - widest, 0, widest, high)
        slot.centery = rect.y + label_h // 2
        return slot
