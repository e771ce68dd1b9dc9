"""Characters and places for the screens, from `game.ui.art`, with plain stand-ins as a fallback.

The drawings are made by their own module; this one only asks for them. If the art module is not
there yet or fails on some input, a simple stand-in is drawn and a warning logged, so a drawing bug
never stops a lesson.

The art package is imported on first use, not with this module: the title's first frame usually
shows pictures kept on disk (`keep`, see pictures.py) and needs no drawing code at all.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from ..lazylog import get_logger
from . import pictures
from .looks import LookValues

log = get_logger(__name__)  # imports logging when first used: start-up time

_art = None
_art_tried = False


def _art_module():
    """The art package, imported the first time a picture has to be drawn; None if it fails."""
    global _art, _art_tried
    if not _art_tried:
        _art_tried = True
        try:  # the art package is written alongside the screens
            from . import art
            _art = art
        except Exception as exc:  # noqa: BLE001 - any failure there must not stop the game
            log.warning("art module unavailable (%s); drawing stand-ins", exc)
    return _art

_LIGHT_TINT = {"dark": (40, 44, 70, 150), "dim": (60, 64, 90, 90), "normal": None,
               "warm": (255, 190, 110, 40)}
_SKIN = {"light": (247, 218, 199), "fair": (238, 194, 160), "medium": (214, 160, 120),
         "olive": (198, 156, 104), "tan": (190, 131, 90), "brown": (141, 92, 60),
         "dark": (94, 60, 42), "deep": (68, 44, 34)}
_TOP = {"blue": (0, 114, 178), "sky": (86, 180, 233), "green": (0, 158, 115),
        "orange": (230, 159, 0), "yellow": (240, 228, 66), "purple": (204, 121, 167),
        "red": (213, 94, 0), "grey": (140, 144, 150), "black": (48, 48, 54),
        "white": (238, 238, 234)}
_warned: set[str] = set()


def _warn_once(what: str, exc: Exception) -> None:
    if what not in _warned:
        _warned.add(what)
        log.warning("art: %s failed (%s); drawing a stand-in", what, exc)


def posture_for(expression: str) -> str:
    if expression == "neutral":  # the title's question, answered without importing the art
        return "upright"
    table = getattr(_art_module(), "POSTURE_FOR_EXPRESSION", None) or {}
    return table.get(expression, "upright")


def character(look, expression: str, height_px: int, *, posture: str = "upright",
              facing: int = 1, keep: bool = False) -> pygame.Surface:
    """A character, full body, transparent around it, `height_px` tall for a 100% look.

    `keep`: also keep it on disk for the next start (the title screen; see pictures.py)."""
    if keep:
        name = "character-{}-{}-{}-{}-{}".format(LookValues.of(look).name(), expression,
                                                 int(height_px), posture, facing)
        return pictures.kept(name, "RGBA", lambda: character(
            look, expression, height_px, posture=posture, facing=facing),
            width=None, height=int(height_px))
    draw = getattr(_art_module(), "character_surface", None)
    if draw is not None:
        try:
            return draw(look, expression, int(height_px), posture=posture, facing=facing)
        except Exception as exc:  # noqa: BLE001
            _warn_once("character_surface", exc)
    return _stand_in_character(getattr(look, "skin", "medium"), getattr(look, "top", "blue"),
                               int(height_px * getattr(look, "height", 100) / 100), posture)


def place(place_id: str, light: str, size: tuple[int, int], *,
          keep: pygame.Rect | None = None) -> pygame.Surface:
    """The background of a place under a light, exactly `size`, opaque.

    `keep`: only this part of it, kept on disk too for the next start (the title screen, which
    shows only its right side; see pictures.py)."""
    if keep is not None:
        w, h = int(size[0]), int(size[1])
        part = pygame.Rect(keep).clip((0, 0, w, h))
        name = f"place-{place_id}-{light}-{w}x{h}-{part.x}-{part.y}-{part.w}x{part.h}"
        return pictures.kept(name, "RGBX",
                             lambda: place(place_id, light, (w, h)).subsurface(part).copy(),
                             width=part.w, height=part.h)
    draw = getattr(_art_module(), "place_surface", None)
    if draw is not None:
        try:
            surface = draw(place_id, light, (int(size[0]), int(size[1])))
            if surface.get_size() != tuple(size):
                surface = pygame.transform.smoothscale(surface, size)
            return surface
        except Exception as exc:  # noqa: BLE001
            _warn_once("place_surface", exc)
    return _stand_in_place(place_id, light, (int(size[0]), int(size[1])))


@lru_cache(maxsize=32)
def _stand_in_character(skin: str, top: str, height: int, posture: str) -> pygame.Surface:
    w = max(4, height * 2 // 5)
    s = pygame.Surface((w, height), pygame.SRCALPHA)
    head = height // 7
    slump = head // 2 if posture != "upright" else 0
    pygame.draw.rect(s, (54, 56, 64), (w * 0.3, height * 0.55, w * 0.4, height * 0.45),
                     border_radius=head // 3)
    pygame.draw.rect(s, _TOP.get(top, (0, 114, 178)), (w * 0.2, head * 2 + slump, w * 0.6,
                     height * 0.4), border_radius=head // 2)
    pygame.draw.circle(s, _SKIN.get(skin, (214, 160, 120)), (w // 2, head + slump), head)
    return s


@lru_cache(maxsize=8)
def _stand_in_place(place_id: str, light: str, size: tuple[int, int]) -> pygame.Surface:
    w, h = size
    s = pygame.Surface(size)
    s.fill((206, 214, 222))
    pygame.draw.rect(s, (168, 150, 128), (0, int(h * 0.72), w, h))
    tint = _LIGHT_TINT.get(light)
    if tint:
        overlay = pygame.Surface(size, pygame.SRCALPHA)
        overlay.fill(tint)
        s.blit(overlay, (0, 0))
    return s
