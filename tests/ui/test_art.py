"""The drawings of characters and places: every combination renders, at the right size, cached.

These check what the screens rely on (sizes, transparency, the feet on the bottom edge, faces that
differ by expression, bounded caches), not how pretty the pictures are: that is judged by eye on
the contact sheets.
"""

from __future__ import annotations

import itertools
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.core.model import Look  # noqa: E402
from game.core.vocab import (  # noqa: E402
    CLOTHES_COLOURS, EXPRESSIONS, HAIR_STYLES, PLACES, SKIN_TONES,
)
from game.ui import art  # noqa: E402
from game.ui.art import characters, places  # noqa: E402
from game.ui.surfacecache import SurfaceCache  # noqa: E402

LIGHTS = ("dark", "dim", "normal", "warm")
ADRIAN = Look(skin="medium", hair="dark_brown", hair_style="short", top="blue")


def mean_colour(surface: pygame.Surface) -> tuple[float, float, float]:
    r, g, b, *_ = pygame.transform.average_color(surface)
    return r, g, b


@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)])
def test_every_place_renders_in_every_light_at_the_requested_size(size):
    for place, light in itertools.product(PLACES, LIGHTS):
        surface = art.place_surface(place, light, size)
        assert surface.get_size() == size, (place, light)
        assert not surface.get_flags() & pygame.SRCALPHA, "backgrounds are opaque"


def test_places_keep_their_proportions_on_other_aspect_ratios():
    for size in [(1024, 768), (2560, 1080), (800, 1280)]:
        assert art.place_surface("hallway", "normal", size).get_size() == size


def test_lights_set_the_mood():
    normal = mean_colour(art.place_surface("classroom", "normal", (320, 180)))
    dark = mean_colour(art.place_surface("classroom", "dark", (320, 180)))
    dim = mean_colour(art.place_surface("classroom", "dim", (320, 180)))
    warm = mean_colour(art.place_surface("classroom", "warm", (320, 180)))
    assert sum(dark) < sum(dim) < sum(normal)
    assert dark[2] > dark[0], "night is blue-grey"
    assert warm[0] - warm[2] > normal[0] - normal[2], "warm light is golden"


def test_every_expression_posture_and_hair_style_renders():
    for expression, posture, style in itertools.product(EXPRESSIONS, characters.POSTURES,
                                                        HAIR_STYLES):
        look = Look(hair_style=style, glasses=style == "bob")
        surface = art.character_surface(look, expression, 96, posture=posture)
        assert surface.get_height() == 96
        assert surface.get_flags() & pygame.SRCALPHA


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def differing_share(a: pygame.Surface, b: pygame.Surface) -> float:
    pa, pb = pixels(a), pixels(b)
    return sum(pa[i:i + 4] != pb[i:i + 4] for i in range(0, len(pa), 4)) / (len(pa) / 4)


def test_every_skin_tone_is_its_own():
    faces = {skin: mean_colour(art.character_surface(Look(skin=skin), "neutral", 200)
                               .subsurface((40, 40, 30, 20))) for skin in SKIN_TONES}
    brightness = [sum(faces[skin]) for skin in SKIN_TONES]
    assert len(set(faces.values())) == len(SKIN_TONES)
    assert brightness[SKIN_TONES.index("deep")] == min(brightness)


def test_every_hair_style_has_its_own_picture():
    drawn = {pixels(art.character_surface(Look(hair_style=style), "neutral", 160))
             for style in HAIR_STYLES}
    assert len(drawn) == len(HAIR_STYLES)


@pytest.mark.parametrize("field, value", [("headscarf", "purple"), ("braces", True),
                                          ("wheelchair", True)])
def test_each_new_look_field_shows(field, value):
    plain = Look(skin="olive", hair_style="wavy", top="green")
    other = Look(skin="olive", hair_style="wavy", top="green", **{field: value})
    expression = "happy"  # braces show on an open mouth
    share = differing_share(art.character_surface(plain, expression, 300),
                            art.character_surface(other, expression, 300))
    # Braces are small on purpose (about 20 pixels of a 300-pixel figure); a headscarf and a
    # wheelchair change much of the figure.
    assert share > (0.0003 if field == "braces" else 0.05), share


def test_braces_show_only_where_the_teeth_do():
    for expression in EXPRESSIONS:
        plain = art.character_surface(Look(), expression, 300)
        braces = art.character_surface(Look(braces=True), expression, 300)
        shows = pixels(plain) != pixels(braces)
        assert shows == (expression in ("happy", "laughing", "angry")), expression


def test_a_headscarf_covers_the_hair_in_every_colour():
    """Under a headscarf the hair style does not show (its colour tints the brows only): the
    heads are the same (the clothes, picked from the whole look, may differ)."""
    drawn = {pixels(art.character_surface(Look(hair_style=style, headscarf="black"), "neutral",
                                          300).subsurface((0, 0, 150, 95)))
             for style in HAIR_STYLES}
    assert len(drawn) == 1
    colours = {pixels(art.character_surface(Look(headscarf=c), "neutral", 160))
               for c in CLOTHES_COLOURS}
    assert len(colours) == len(CLOTHES_COLOURS)


@pytest.mark.parametrize("look", [Look(headscarf="blue", glasses=True, braces=True),
                                  Look(wheelchair=True, hair_style="afro", skin="deep"),
                                  Look(wheelchair=True, headscarf="white", height=115),
                                  Look(wheelchair=True, hair_style="locs", height=80)],
                         ids=["headscarf", "wheelchair", "both-adult", "wheelchair-small"])
def test_every_expression_and_posture_works_with_a_headscarf_and_in_a_wheelchair(look):
    faces = {}
    for expression, posture in itertools.product(EXPRESSIONS, characters.POSTURES):
        surface = art.character_surface(look, expression, 200, posture=posture)
        assert surface.get_height() == 200 and surface.get_flags() & pygame.SRCALPHA
        if posture == art.POSTURE_FOR_EXPRESSION[expression]:
            faces[expression] = pixels(surface)
    assert len(set(faces.values())) == len(EXPRESSIONS), "every expression shows"


def test_the_sweat_of_fright_shows_under_a_headscarf_too():
    def has_a_drop(look: Look) -> bool:
        surface = art.character_surface(look, "scared", 300, posture="slumped")
        data = pixels(surface.subsurface((0, 0, surface.get_width(), 100)))
        return any(abs(data[i] - 120) < 8 and abs(data[i + 1] - 196) < 8
                   and abs(data[i + 2] - 240) < 8 for i in range(0, len(data), 4))
    assert has_a_drop(Look()) and has_a_drop(Look(headscarf="grey"))


@pytest.mark.parametrize("height", [80, 90, 100, 110, 115])
def test_a_wheelchair_stands_on_the_floor_inside_its_picture_with_the_head_lower(height):
    standing = art.character_surface(Look(height=height), "neutral", 400)
    for posture in characters.POSTURES:
        seated = art.character_surface(Look(height=height, wheelchair=True), "neutral", 400,
                                       posture=posture)
        box = seated.get_bounding_rect()
        assert box.bottom >= 396, "the wheels stand on the bottom edge"
        assert box.left > 0 and box.right < seated.get_width(), "nothing cut off at the sides"
        assert box.top > standing.get_bounding_rect().top + 400 * 0.08, "the head sits lower"


def test_taller_looks_sit_taller_too():
    tops = [art.character_surface(Look(height=h, wheelchair=True), "neutral", 300)
            .get_bounding_rect().top for h in (80, 90, 100, 110, 115)]
    assert tops == sorted(tops, reverse=True)


@pytest.mark.parametrize("height, share", [(80, 0.65), (100, 0.8), (115, 0.93)])
def test_the_character_fills_the_height_by_how_tall_the_look_is(height, share):
    surface = art.character_surface(Look(height=height), "neutral", 400)
    box = surface.get_bounding_rect()
    assert box.height >= share * 400
    assert box.bottom >= 396, "feet stand on the bottom edge"
    assert surface.get_at((0, 0)).a == 0, "transparent around the character"


def test_taller_looks_stand_taller():
    tops = [art.character_surface(Look(height=h), "neutral", 300).get_bounding_rect().top
            for h in (80, 90, 100, 110, 115)]
    assert tops == sorted(tops, reverse=True)


def test_every_expression_shows_in_the_face():
    # The head of a 100% look drawn 300 px tall sits in the top third of the surface.
    faces = {}
    for expression in EXPRESSIONS:
        surface = art.character_surface(ADRIAN, expression, 300)
        head = surface.subsurface((0, 0, surface.get_width(), 100))
        data = pygame.image.tobytes(head, "RGBA")
        faces[expression] = [data[i:i + 4] for i in range(0, len(data), 4)]
    for (a, face_a), (b, face_b) in itertools.combinations(faces.items(), 2):
        differing = sum(p != q for p, q in zip(face_a, face_b))
        assert differing > len(face_a) * 0.01, f"{a} and {b} look the same"


def test_facing_left_mirrors_facing_right():
    right = art.character_surface(ADRIAN, "happy", 200, facing=1)
    left = art.character_surface(ADRIAN, "happy", 200, facing=-1)
    mirrored = pygame.transform.flip(right, True, False)
    assert pygame.image.tobytes(left, "RGBA") == pygame.image.tobytes(mirrored, "RGBA")


def test_every_expression_has_a_default_posture():
    assert set(art.POSTURE_FOR_EXPRESSION) == set(EXPRESSIONS)
    assert set(art.POSTURE_FOR_EXPRESSION.values()) <= set(characters.POSTURES)
    assert [e for e, p in art.POSTURE_FOR_EXPRESSION.items() if p == "slumped"] == [
        "sad", "scared", "hurt"]
    assert art.POSTURE_FOR_EXPRESSION["angry"] == "tense"


@pytest.mark.parametrize("call", [
    lambda: art.character_surface(ADRIAN, "smug", 100),
    lambda: art.character_surface(ADRIAN, "happy", 100, posture="dancing"),
    lambda: art.character_surface(ADRIAN, "happy", 100, facing=0),
    lambda: art.character_surface(Look(hair_style="mohawk"), "happy", 100),
    lambda: art.character_surface(Look(headscarf="pink"), "happy", 100),
    lambda: art.character_surface(Look(skin="green"), "happy", 100),
    lambda: art.place_surface("moon", "normal", (320, 180)),
    lambda: art.place_surface("hallway", "disco", (320, 180)),
])
def test_unknown_names_are_refused_with_a_clear_error(call):
    with pytest.raises(ValueError, match="unknown"):
        call()


def test_caches_are_bounded_by_count():
    assert characters.CACHE.max_entries == 128
    assert places.CACHE.max_entries == 16
    cache = SurfaceCache(max_entries=16, max_pixels=10**9)
    for i in range(40):
        cache.get(i, lambda: pygame.Surface((4, 4)))
    assert len(cache) == 16


def test_caches_keep_what_a_window_of_the_size_asked_for_needs():
    """Pixel budgets follow the size asked for: a few backgrounds of that size, a dozen
    characters; what a smaller window does not need is let go at once."""
    for light in LIGHTS:
        art.place_surface("hallway", light, (640, 360))
    assert len(places.CACHE) == places.KEPT
    art.place_surface("office", "normal", (320, 180))
    assert places.CACHE.max_pixels == places.KEPT * 320 * 180
    assert places.CACHE.pixels <= places.CACHE.max_pixels
    for expression in EXPRESSIONS:
        for facing in (1, -1):
            art.character_surface(ADRIAN, expression, 160, facing=facing)
    assert len(characters.CACHE) == characters.KEPT
    art.character_surface(ADRIAN, "neutral", 80)
    assert characters.CACHE.pixels <= characters.CACHE.max_pixels == characters.KEPT * 40 * 80


def test_caches_are_bounded_by_pixels_so_4k_does_not_eat_the_memory():
    for light in LIGHTS:
        for place in ("hallway", "office"):
            art.place_surface(place, light, (3840, 2160))
    assert places.CACHE.pixels <= places.CACHE.max_pixels
    assert len(places.CACHE) < 8
    for expression in EXPRESSIONS:
        for facing in (1, -1):
            art.character_surface(ADRIAN, expression, 2000, facing=facing)
    assert characters.CACHE.pixels <= characters.CACHE.max_pixels


def test_a_surface_bigger_than_the_budget_is_still_returned():
    cache = SurfaceCache(max_entries=4, max_pixels=10)
    big = cache.get("big", lambda: pygame.Surface((8, 8)))
    assert cache.get("big", lambda: pygame.Surface((1, 1))) is big


def test_repeated_calls_come_from_the_cache():
    first = art.character_surface(ADRIAN, "relieved", 123)
    assert art.character_surface(ADRIAN, "relieved", 123) is first
    assert art.place_surface("toilets", "dim", (333, 187)) is art.place_surface(
        "toilets", "dim", (333, 187))


def test_drawing_works_with_a_display_too():
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    assert art.character_surface(ADRIAN, "sad", 77).get_height() == 77
    assert art.place_surface("bike_shed", "warm", (321, 181)).get_size() == (321, 181)
