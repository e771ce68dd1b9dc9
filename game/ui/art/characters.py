"""Full-body characters: a look, an expression and a posture turned into a transparent surface.

The picture is written as SVG (see svg.py) and rasterised at exactly the requested size, so it is
sharp from a 720p laptop to a 4K event screen. Surfaces are cached, because a scene redraws the
same few characters many times.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.vocab import CLOTHES_COLOURS, EXPRESSIONS, HAIR_COLOURS, HAIR_STYLES, SKIN_TONES

from . import body, faces, hair, svg
from ..surfacecache import SurfaceCache
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
changing faces (15 MB at 1080p, 60 MB at 4K). Screens keep what they composed on their layers;
drawing a character anew takes 10-25 ms."""

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
    _check(look.skin in SKIN_TONES, "skin", look.skin, SKIN_TONES)
    _check(look.hair in HAIR_COLOURS, "hair", look.hair, HAIR_COLOURS)
    _check(look.hair_style in HAIR_STYLES, "hair_style", look.hair_style, HAIR_STYLES)
    _check(look.top in CLOTHES_COLOURS, "top", look.top, CLOTHES_COLOURS)
    if height_px < 8:
        raise ValueError(f"height_px must be at least 8, not {height_px}")
    key = (look.skin, look.hair, look.hair_style, look.top, bool(look.glasses),
           int(look.height), expression, int(height_px), posture)
    return _cached(key, facing, KEPT * max(round(height_px * WIDTH_RATIO), 1) * int(height_px))


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


def _render(skin: str, hair_colour: str, hair_style: str, top: str, glasses: bool, height: int,
            expression: str, height_px: int, posture: str) -> pygame.Surface:
    """Draw one right-facing character at `height_px`, for the current display if there is
    one."""
    defs, elements = _drawing(skin, hair_colour, hair_style, top, glasses, height, expression,
                              posture)
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


def _drawing(skin_name: str, hair_name: str, style: str, top_name: str, glasses: bool,
             height: int, expression: str, posture: str) -> tuple[list[str], list[str]]:
    """The SVG definitions and elements of one right-facing character, back to front."""
    f = build_figure(height, posture)
    skin, hair_colour, top = SKIN[skin_name], HAIR[hair_name], CLOTHES[top_name]
    cut, trousers = body.outfit(skin_name, hair_name, style, top_name, f.adult)
    tie = shade(top, 0.1)
    pivot = f"{f.cx:.1f} {f.neck_top:.1f}"
    turn = f'<g transform="rotate({f.head_tilt:.1f} {pivot})">' if f.head_tilt else "<g>"

    out = [body.ground_shadow(f), turn, *hair.back(f, style, hair_colour), "</g>"]
    out += body.legs(f, TROUSERS[trousers], f.adult)
    defs, torso = body.torso(f, cut, top, skin)
    out += torso
    out += body.arm(f.back_arm, f, cut, top, skin, back=True)
    out += body.arm(f.front_arm, f, cut, top, skin, back=False)
    out.append(turn)
    out += faces.head(f, skin, show_ear=style not in hair.HIDES_EAR)
    out += faces.face(f, expression, skin)
    out += hair.front(f, style, hair_colour, skin, tie)
    if glasses:
        out += faces.glasses(f)
    out += faces.brows(f, expression, shade(hair_colour, 0.35))
    out.append("</g>")
    return defs, out
