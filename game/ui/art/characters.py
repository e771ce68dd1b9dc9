"""Full-body characters: a look, an expression and a posture turned into a transparent surface.

The picture is written as SVG (see svg.py) and rasterised at exactly the requested size, so it is
sharp from a 720p laptop to a 4K event screen. Surfaces are cached, because a scene redraws the
same few characters many times.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.vocab import CLOTHES_COLOURS, EXPRESSIONS, HAIR_COLOURS, HAIR_STYLES, SKIN_TONES

from . import body, faces, hair, headscarf, svg
from ..looks import LookValues
from ..surfacecache import SurfaceCache, past_full_hd
from .figure import VIEW, build_figure
from .palette import CLOTHES, HAIR, SKIN, TROUSERS, shade

if TYPE_CHECKING:  # only read here, so the model (and its dataclasses) loads when a story does
    from game.core.model import Look

POSTURES = ("upright", "slumped", "tense")

POSTURE_FOR_EXPRESSION: dict[str, str] = {
    "neutral": "upright",
    "happy": "upright",
    "sad": "slumped",
    "scared": "slumped",
    "hurt": "slumped",
    "angry": "tense",
    "laughing": "upright",
    "relieved": "upright",
}
"""The posture that goes with each expression when a scene does not say otherwise."""

WIDTH_RATIO = VIEW[0] / VIEW[1]
"""Every character surface is this many times as wide as it is tall, whatever the look."""

KEPT = 12
"""Characters of the size asked for kept, in their expressions and both ways round (a mirrored
one is kept beside the one it was mirrored from): enough for a scene's cast and its speakers'
changing faces (15 MB at 1080p; the same bytes past it, so three at 4K: see surfacecache.py).
Screens keep what they composed on their layers; drawing a character anew takes 5 ms at 1080p,
15-20 ms at 4K."""

CACHE = SurfaceCache(max_entries=128, max_pixels=KEPT * 400 * 800)


def character_surface(look: Look, expression: str, height_px: int, *, posture: str = "upright",
                      facing: int = 1) -> pygame.Surface:
    """A character, full body, on a transparent surface `height_px` tall.

    The surface is `WIDTH_RATIO * height_px` wide; the feet stand on its bottom edge, centred, so
    blit it with `rect.midbottom` on the floor line. The tallest look (height 115, an adult) fills
    the whole height; a look of height `h` stands `h / 115` of it, so characters drawn at the same
    `height_px` show their real height differences. `facing` 1 looks towards the right of the
    screen, -1 towards the left. The surface is shared by the cache: copy it before drawing on it.
    """
    _check(expression in EXPRESSIONS, "expression", expression, EXPRESSIONS)
    _check(posture in POSTURES, "posture", posture, POSTURES)
    _check(facing in (1, -1), "facing", facing, (1, -1))
    drawn = drawn_look(look)
    if height_px < 8:
        raise ValueError(f"height_px must be at least 8, not {height_px}")
    key = (drawn, expression, int(height_px), posture)
    return _cached(key, facing, int(KEPT * max(round(height_px * WIDTH_RATIO), 1) * int(height_px)
                                    * past_full_hd()))


def drawn_look(look: Look) -> LookValues:
    """The look's values, checked; ValueError for a name the art does not know."""
    values = LookValues.of(look)
    _check(values.skin in SKIN_TONES, "skin", values.skin, SKIN_TONES)
    _check(values.hair in HAIR_COLOURS, "hair", values.hair, HAIR_COLOURS)
    _check(values.hair_style in HAIR_STYLES, "hair_style", values.hair_style, HAIR_STYLES)
    _check(values.top in CLOTHES_COLOURS, "top", values.top, CLOTHES_COLOURS)
    _check(values.headscarf is None or values.headscarf in CLOTHES_COLOURS, "headscarf",
           values.headscarf, CLOTHES_COLOURS)
    return values


def _check(ok: bool, what: str, value: object, allowed: object) -> None:
    if not ok:
        raise ValueError(f"unknown {what} {value!r}; expected one of {list(allowed)}")


def _cached(key: tuple, facing: int, budget: int) -> pygame.Surface:
    """The character for `key` (plain values: a Look itself is not hashable), from the cache,
    which keeps `budget` pixels (KEPT characters of this size)."""
    if facing == -1:
        # Mirror the right-facing picture rather than drawing a second one.
        return CACHE.get((key, -1), lambda: pygame.transform.flip(_cached(key, 1, budget), True,
                                                                  False), budget)
    return CACHE.get((key, 1), lambda: _render(*key), budget)


def _render(look: LookValues, expression: str, height_px: int, posture: str) -> pygame.Surface:
    """Draw one right-facing character at `height_px`, for the current display if there is
    one."""
    defs, elements = _drawing(look, expression, posture)
    size = (max(round(height_px * WIDTH_RATIO), 1), height_px)
    surface = svg.render(defs, elements, VIEW, size)
    if surface.get_size() != size:
        # The rasteriser keeps the aspect ratio, so rounding can cost a pixel: pad it back,
        # feet still on the bottom edge.
        padded = pygame.Surface(size, pygame.SRCALPHA)
        padded.blit(surface, surface.get_rect(midbottom=(size[0] // 2, size[1])))
        surface = padded
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        surface = surface.convert_alpha()
    return surface


def _drawing(look: LookValues, expression: str, posture: str) -> tuple[list[str], list[str]]:
    """The SVG definitions and elements of one right-facing character, back to front."""
    f = build_figure(look.height, posture, seated=look.wheelchair)
    skin, hair_colour, top = SKIN[look.skin], HAIR[look.hair], CLOTHES[look.top]
    cut, trousers = body.outfit(look.skin, look.hair, look.hair_style, look.top, f.adult)
    tie = shade(top, 0.1)
    scarf = CLOTHES[look.headscarf] if look.headscarf else None
    style = look.hair_style
    pivot = f"{f.cx:.1f} {f.neck_top:.1f}"
    turn = f'<g transform="rotate({f.head_tilt:.1f} {pivot})">' if f.head_tilt else "<g>"

    out = [body.ground_shadow(f)]
    if scarf is None:
        out += [turn, *hair.back(f, style, hair_colour), "</g>"]
    if f.chair is not None:
        out += body.chair_back(f)
    out += body.legs(f, TROUSERS[trousers], f.adult)
    defs, torso = body.torso(f, cut, top, skin)
    out += torso
    if f.chair is not None:
        out += body.chair_front(f)
    out += body.arm(f.back_arm, f, cut, top, skin, back=True)
    out += body.arm(f.front_arm, f, cut, top, skin, back=False)
    if scarf is not None:
        out += headscarf.drape(f, scarf)
    out.append(turn)
    if scarf is not None:
        out += headscarf.hood(f, scarf)
    out += faces.head(f, skin, show_ear=scarf is None and style not in hair.HIDES_EAR)
    out += faces.face(f, expression, skin, braces=look.braces, sweat=scarf is None)
    if scarf is None:
        out += hair.front(f, style, hair_colour, skin, tie)
    else:
        out += headscarf.band(f, scarf)
        out += faces.sweat_drop(f, expression, (-0.22, -0.2))
    if look.glasses:
        out += faces.glasses(f)
    out += faces.brows(f, expression, shade(hair_colour, 0.35))
    out.append("</g>")
    return defs, out
