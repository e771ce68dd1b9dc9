"""How beats are laid out: the dialogue box under the stage, and chat bubbles for group chats.

Both lay out the *whole* beat before any of it is typed, so the box never grows while the
typewriter runs, and both report whether the text fits with `text.fit`, the function the overflow
test uses.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from . import text as tx
from .theme import Theme
from .widgets import chip, panel


def visible_prefix(text: str, shown: float) -> str:
    """The beat as far as the typewriter got, in whole words.

    SDL_ttf wraps greedily, so a prefix that ends on a word boundary wraps exactly like the same
    words in the full text: words appear in place and never jump to the next line.
    """
    n = int(shown)
    if n >= len(text):
        return text
    cut = text.rfind(" ", 0, n + 1)
    return text[:cut] if cut > 0 else ""


@dataclass
class BoxLayout:
    box: pygame.Rect
    text: tx.Fit
    footer: pygame.Rect
    narration: bool


def dialogue_layout(theme: Theme, text: str, narration: bool, footer_h: int) -> BoxLayout:
    """The dialogue box for one beat: as tall as the beat needs, at most 45% of the screen."""
    m = theme.margin
    pad = theme.px(2.2)
    width = theme.width - 2 * m
    inner = width - 2 * pad
    style = "italic" if narration else "regular"
    line = tx.line_height(theme.body, style)
    need = tx.wrapped_height(text, inner, theme.body, style)
    most = int(theme.height * 0.45) - 2 * pad - footer_h
    text_h = min(max(need, 2 * line), most)
    box_h = pad + text_h + theme.px(0.8) + footer_h + pad // 2
    box = pygame.Rect(m, theme.height - m - box_h, width, box_h)
    colour = theme.palette.on_narration if narration else theme.palette.ink
    fit = tx.fit(text, pygame.Rect(box.x + pad, box.y + pad, inner, text_h), theme.body, colour,
                 style, theme.body_min, "center" if narration else "left")
    footer = pygame.Rect(box.x + pad, box.bottom - pad // 2 - footer_h, inner, footer_h)
    return BoxLayout(box, fit, footer, narration)


def draw_dialogue(surface: pygame.Surface, theme: Theme, layout: BoxLayout,
                  shown_text: str | None, speaker: str | None, speaker_x: int | None) -> None:
    """The box, the speaker's name tag (placed towards the speaker), and the typed text; with
    `shown_text` None the text is left for `draw_words` (a screen that caches the rest)."""
    p = theme.palette
    if layout.narration:
        panel(surface, layout.box, theme, p.narration, p.narration)
    else:
        panel(surface, layout.box, theme, p.panel, p.panel_edge)
    if speaker:
        tag_h = tx.line_height(theme.body, "bold") + theme.px(0.8)
        x = layout.box.x + theme.px(2)
        if speaker_x is not None:
            width = tx.text_width(speaker, theme.body, "bold") + theme.px(4)
            x = max(layout.box.x + theme.px(2),
                    min(speaker_x - width // 2, layout.box.right - width - theme.px(2)))
            # A small tail under the tag points at who is speaking: position, not colour.
            tail = theme.px(1.6)
            pygame.draw.polygon(surface, p.name_tag, [
                (speaker_x - tail, layout.box.y - tag_h // 2),
                (speaker_x + tail, layout.box.y - tag_h // 2),
                (speaker_x, layout.box.y - tag_h // 2 - tail * 2)])
        chip(surface, theme, (x, layout.box.y - tag_h // 2 - tag_h // 2), speaker, p.name_tag,
             p.on_name_tag, size=theme.body)
    if shown_text is not None:
        draw_words(surface, theme, layout, shown_text)


def draw_words(surface: pygame.Surface, theme: Theme, layout: BoxLayout, shown_text: str) -> None:
    """The beat's words as far as the typewriter got, in the box `layout` placed."""
    p = theme.palette
    text = layout.text
    if shown_text == text.text:
        text.blit(surface)
    elif shown_text:
        colour = p.on_narration if layout.narration else p.ink
        partial = tx.render_uncached(shown_text, text.size, colour,
                                     "italic" if layout.narration else "regular", text.box.w,
                                     "center" if layout.narration else "left")
        surface.blit(partial, text.box.topleft)


# --- group chat ---------------------------------------------------------------------------------

@dataclass
class Bubble:
    rect: pygame.Rect
    name: pygame.Surface | None
    text: tx.Fit
    narration: bool


def chat_column(theme: Theme) -> pygame.Rect:
    width = int(min(theme.width - 2 * theme.margin, theme.height * 1.15))
    return pygame.Rect((theme.width - width) // 2, 0, width, theme.height)


def chat_bubble(theme: Theme, column: pygame.Rect, text: str, speaker: str | None,
                area_h: int) -> Bubble:
    """One message laid out at the top-left of the column; the caller moves it into place."""
    p = theme.palette
    pad = theme.px(1.6)
    narration = speaker is None
    max_w = int(column.w * (0.92 if narration else 0.82)) - 2 * pad
    style = "italic" if narration else "regular"
    colour = p.on_narration if narration else p.on_bubble
    name = tx.render(speaker, theme.small, p.bubble_name, "bold") if speaker else None
    name_h = name.get_height() if name else 0
    need = tx.wrapped_height(text, max_w, theme.body, style)
    limit = max(1, area_h - 2 * pad - name_h)
    fit = tx.fit(text, pygame.Rect(0, 0, max_w, min(need, limit)), theme.body, colour, style,
                 theme.body_min, "center" if narration else "left")
    one_line = tx.text_width(text, fit.size, style)
    name_w = name.get_width() if name else 0
    if not narration and one_line < max_w:  # short messages get snug bubbles, as in a chat app
        fit = tx.fit(text, pygame.Rect(0, 0, max(one_line, name_w) + 2, fit.box.h), fit.size,
                     colour, style, fit.size)
    width = fit.box.w + 2 * pad
    rect = pygame.Rect(column.x, 0, width, fit.height + name_h + 2 * pad)
    if narration:
        rect.centerx = column.centerx
    return Bubble(rect, name, fit, narration)


def draw_chat(surface: pygame.Surface, theme: Theme, column: pygame.Rect, bottom: int, top: int,
              beats: list[tuple[str, str | None]], shown_last: str) -> bool:
    """Messages stacked upward from `bottom`, newest last; the oldest scroll off the top.

    Returns whether the newest message fits the area.
    """
    p = theme.palette
    pad = theme.px(1.6)
    gap = theme.px(1.4)
    y = bottom
    newest_fits = True
    for i in range(len(beats) - 1, -1, -1):
        text, speaker = beats[i]
        bubble = chat_bubble(theme, column, text, speaker, bottom - top)
        if i == len(beats) - 1:
            newest_fits = bubble.text.fits
        bubble.rect.bottom = y
        if bubble.rect.top < top:
            break
        colour = p.narration if bubble.narration else p.bubble
        panel(surface, bubble.rect, theme, colour, colour if bubble.narration else p.panel_edge)
        ty = bubble.rect.y + pad
        if bubble.name is not None:
            surface.blit(bubble.name, (bubble.rect.x + pad, ty))
            ty += bubble.name.get_height()
        bubble.text.box.topleft = (bubble.rect.x + pad, ty)
        if i == len(beats) - 1 and shown_last != text:
            if shown_last:
                partial = tx.render_uncached(
                    shown_last, bubble.text.size, p.on_narration if bubble.narration
                    else p.on_bubble, "italic" if bubble.narration else "regular",
                    bubble.text.box.w, "center" if bubble.narration else "left")
                surface.blit(partial, bubble.text.box.topleft)
        else:
            bubble.text.blit(surface)
        y = bubble.rect.top - gap
    return newest_fits
