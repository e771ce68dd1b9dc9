"""The school's indoor places: hallway, classroom, canteen, toilets and the office.

Each is a back wall seen straight on, with its tell-tale furniture pushed to the sides and up
high, so that the middle stays free for the characters and the floor stays calm for the dialogue
box. Repeating things (lockers, tiles, books) fill however wide the screen is.
"""

from __future__ import annotations

from .canvas import Canvas
from .furniture import (METAL, SKY, WALL_BASE, WOOD, books, ceiling_lights, chair, desk, door,
                        plant, room, window)
from .palette import Colour, light, mix, shade


def _leftwards(c: Canvas, right: float, step: float) -> list[float]:
    """Left edges of `step` wide slots ending at `right`, repeated leftwards off the screen."""
    out, x = [], right - step
    while x + step > c.left:
        out.append(x)
        x -= step
    return out


def _rightwards(c: Canvas, left: float, step: float) -> list[float]:
    """Left edges of `step` wide slots starting at `left`, repeated rightwards off the screen."""
    out, x = [], left
    while x < -c.left:
        out.append(x)
        x += step
    return out


def hallway(c: Canvas) -> None:
    """Lockers down both sides, a classroom door, a notice board and a high window."""
    room(c, (206, 212, 210), (172, 170, 160))
    c.band((184, 196, 196), 0.42, WALL_BASE - 0.018)
    ceiling_lights(c, [-0.55, 0.0, 0.55])
    window(c, -0.86, 0.08, 0.5, 0.12, panes=4, outside="clouds")
    locker = (112, 148, 166)
    for x in _leftwards(c, -0.3, 0.11) + _rightwards(c, 0.42, 0.11):
        _locker(c, x, locker)
    door(c, -0.24, 0.24, (164, 128, 96))
    board = (190, 160, 116)
    c.rect(shade(board, 0.3), 0.09, 0.19, 0.28, 0.2, radius=0.006)
    c.rect(board, 0.1, 0.2, 0.26, 0.18, radius=0.004)
    for x, y, w, h, colour in ((0.12, 0.22, 0.07, 0.09, (246, 244, 236)),
                               (0.21, 0.23, 0.06, 0.06, (240, 226, 150)),
                               (0.29, 0.215, 0.05, 0.08, (190, 216, 232)),
                               (0.2, 0.31, 0.08, 0.05, (236, 200, 200))):
        c.rect(colour, x, y, w, h)
        c.circle((200, 70, 60), x + w / 2, y + 0.008, 0.005)


def _locker(c: Canvas, x: float, colour: Colour) -> None:
    """One full-height locker: door, vents, name plate and handle."""
    top, w = 0.26, 0.11
    c.rect(shade(colour, 0.35), x, top - 0.01, w, WALL_BASE - top + 0.01)
    c.rect(colour, x + 0.004, top, w - 0.008, WALL_BASE - top - 0.03)
    c.rect(shade(colour, 0.25), x + 0.004, WALL_BASE - 0.03, w - 0.008, 0.012)
    for i in range(4):
        c.rect(shade(colour, 0.2), x + w * 0.3, top + 0.025 + i * 0.014, w * 0.4, 0.006,
               radius=0.003)
    c.rect(light(colour, 0.2), x + w * 0.72, top + 0.16, 0.012, 0.05, radius=0.004)
    c.rect(light(colour, 0.25), x + w * 0.25, top + 0.1, w * 0.3, 0.02, radius=0.003)


def classroom(c: Canvas) -> None:
    """A chalkboard with a clock above it, windows on the right, desks at the sides."""
    room(c, (228, 220, 202), (176, 150, 122))
    c.band((210, 198, 176), 0.46, WALL_BASE - 0.018)
    ceiling_lights(c, [-0.5, 0.5])
    frame, board = (150, 118, 88), (70, 104, 90)
    c.rect(frame, -0.47, 0.11, 0.8, 0.31, radius=0.008)
    c.rect(board, -0.455, 0.122, 0.77, 0.286, radius=0.004)
    c.rect(shade(frame, 0.15), -0.49, 0.415, 0.84, 0.018, radius=0.004)
    chalk = mix(board, (240, 240, 230), 0.45)
    for y, w in ((0.17, 0.3), (0.21, 0.42), (0.25, 0.22)):
        c.rect(chalk, -0.4, y, w, 0.008, radius=0.004)
    c.circle(chalk, 0.16, 0.26, 0.06)
    c.circle(board, 0.16, 0.26, 0.052)
    c.rect((240, 240, 230), -0.3, 0.4, 0.04, 0.01, radius=0.003)
    # The clock reads twenty past nine: the school day is on.
    c.circle(shade(frame, 0.1), -0.07, 0.065, 0.03)
    c.circle((246, 244, 236), -0.07, 0.065, 0.025)
    c.line((60, 56, 60), (-0.07, 0.065), (-0.07, 0.045), 0.004)
    c.line((60, 56, 60), (-0.07, 0.065), (-0.055, 0.07), 0.005)
    window(c, 0.5, 0.12, 0.34, 0.3, panes=2)
    window(c, 0.5 + 0.42, 0.12, 0.34, 0.3, panes=2)
    seat = (96, 130, 150)
    for x in (-0.88, -0.66, 0.48, 0.7):
        chair(c, x + 0.06, 0.6, seat)
        desk(c, x, 0.2, 0.57)
    c.rect((236, 230, 214), -0.84, 0.545, 0.06, 0.025)
    c.rect((120, 150, 200), 0.53, 0.55, 0.07, 0.02, radius=0.004)


def canteen(c: Canvas) -> None:
    """A serving counter with a menu board, hanging lamps, and tables on both sides."""
    room(c, (222, 216, 196), (180, 176, 166))
    tile = (200, 210, 200)
    c.band(tile, 0.38, WALL_BASE - 0.018)
    for x in _rightwards(c, c.left, 0.06):
        c.rect(shade(tile, 0.06), x, 0.38, 0.003, WALL_BASE - 0.4)
    c.band(shade(tile, 0.06), 0.5, 0.503)
    # The menu board and the counter along the back wall.
    c.rect((64, 72, 70), -0.62, 0.1, 0.7, 0.15, radius=0.008)
    for i, w in enumerate((0.2, 0.16, 0.22)):
        c.rect((226, 222, 200), -0.58, 0.13 + i * 0.04, w, 0.012, radius=0.005)
        c.rect((240, 200, 120), -0.58 + 0.3, 0.13 + i * 0.04, 0.06, 0.012, radius=0.005)
        c.rect((226, 222, 200), -0.2, 0.13 + i * 0.04, w * 0.6, 0.012, radius=0.005)
    counter = (140, 160, 168)
    c.rect(shade(counter, 0.2), c.left, 0.48, 0.2 - c.left, WALL_BASE - 0.48)
    c.rect(light(counter, 0.3), c.left, 0.46, 0.22 - c.left, 0.025, radius=0.004)
    c.rect((206, 224, 230), -0.72, 0.36, 0.82, 0.01)
    for x in (-0.7, 0.06):
        c.rect(METAL, x, 0.36, 0.01, 0.1)
    for i, food in enumerate(((226, 170, 90), (150, 180, 100), (220, 120, 90), (236, 214, 150))):
        x = -0.66 + i * 0.19
        c.rect((230, 232, 232), x, 0.425, 0.16, 0.035, radius=0.006)
        c.ellipse(food, x + 0.08, 0.428, 0.06, 0.018)
    for x in (-0.35, 0.35):
        _lamp(c, x)
    for x in (-0.92, 0.5):
        for dx in (0.05, 0.25):
            _stool(c, x + dx)
        desk(c, x, 0.36, 0.6, (190, 170, 140))
        c.rect((214, 120, 90), x + 0.1, 0.585, 0.12, 0.016, radius=0.004)


def _lamp(c: Canvas, x: float) -> None:
    """A pendant lamp hanging from the ceiling."""
    c.rect((90, 90, 96), x - 0.002, 0.035, 0.004, 0.08)
    c.polygon((96, 128, 120), [(x - 0.02, 0.11), (x + 0.02, 0.11), (x + 0.06, 0.16),
                               (x - 0.06, 0.16)])
    c.ellipse((250, 238, 190), x, 0.16, 0.04, 0.008)


def _stool(c: Canvas, x: float) -> None:
    """A canteen stool seen from the front."""
    c.rect(METAL, x + 0.03, 0.64, 0.01, 0.1)
    c.rect((196, 110, 90), x, 0.63, 0.07, 0.018, radius=0.008)


def toilets(c: Canvas) -> None:
    """Tiled walls, a row of cubicle doors with a toilet sign, basins under a long mirror."""
    tile = (206, 220, 220)
    room(c, tile, (160, 166, 168))
    for x in _rightwards(c, c.left, 0.07):
        c.rect(shade(tile, 0.1), x, 0.04, 0.003, WALL_BASE - 0.058)
    for i in range(9):
        c.band(shade(tile, 0.1), 0.04 + 0.07 * i, 0.043 + 0.07 * i)
    ceiling_lights(c, [-0.4, 0.5])
    # Cubicles: doors hung between thin partitions, with a gap below and a rail on top.
    door_colour, panel = (120, 150, 168), (92, 112, 128)
    end = 0.06
    c.rect(METAL, c.left, 0.15, end - c.left + 0.02, 0.012)
    for x in _leftwards(c, end, 0.24):
        c.rect(door_colour, x + 0.024, 0.17, 0.2, 0.47, radius=0.004)
        c.rect(shade(door_colour, 0.1), x + 0.024, 0.17, 0.2, 0.018)
        c.circle((84, 160, 120), x + 0.19, 0.39, 0.01)
        c.rect(METAL, x + 0.2, 0.41, 0.012, 0.04, radius=0.004)
    for x in [*_leftwards(c, end, 0.24), end]:
        c.rect(panel, x, 0.162, 0.018, 0.5, radius=0.003)
        c.rect(METAL, x + 0.004, 0.66, 0.01, 0.06)
    # The sign: two pictogram people on a white plate.
    c.rect((244, 246, 244), 0.11, 0.2, 0.1, 0.1, radius=0.01)
    ink = (70, 90, 110)
    for x, skirt in ((0.138, False), (0.182, True)):
        c.circle(ink, x, 0.222, 0.009)
        if skirt:
            c.polygon(ink, [(x - 0.006, 0.235), (x + 0.006, 0.235), (x + 0.014, 0.27),
                            (x - 0.014, 0.27)])
        else:
            c.rect(ink, x - 0.01, 0.235, 0.02, 0.035, radius=0.004)
        c.rect(ink, x - 0.007, 0.268, 0.005, 0.02)
        c.rect(ink, x + 0.002, 0.268, 0.005, 0.02)
    # The mirror and the basins.
    c.rect((170, 176, 180), 0.26, 0.15, 0.7, 0.24, radius=0.008)
    c.rect((196, 214, 222), 0.272, 0.162, 0.676, 0.216, radius=0.004)
    for x in (0.38, 0.7):
        c.polygon((222, 234, 238), [(x, 0.17), (x + 0.06, 0.17), (x - 0.04, 0.37),
                                    (x - 0.1, 0.37)])
    c.rect((230, 232, 230), 0.24, 0.46, 0.9, 0.03, radius=0.006)
    for x in (0.36, 0.64, 0.92):
        c.ellipse((246, 248, 248), x, 0.49, 0.09, 0.03)
        c.rect(METAL, x - 0.008, 0.42, 0.016, 0.045, radius=0.006)
        c.rect(METAL, x - 0.008, 0.42, 0.04, 0.012, radius=0.006)
        c.rect((200, 204, 206), x - 0.012, 0.52, 0.024, 0.2)


def office(c: Canvas) -> None:
    """A staff office (a mentor's, a coordinator's): window and desk on the left, a bookcase and a
    plant on the right."""
    room(c, (226, 212, 192), (150, 124, 104))
    window(c, -0.8, 0.12, 0.4, 0.3, panes=2)
    c.rect((176, 100, 80), -0.86, 0.09, 0.06, 0.4, radius=0.01)
    c.rect((176, 100, 80), -0.4, 0.09, 0.06, 0.4, radius=0.01)
    c.rect(shade(WOOD, 0.3), -0.9, 0.085, 0.58, 0.012, radius=0.004)
    # A framed picture: hills under a sun.
    c.rect((120, 96, 76), -0.1, 0.14, 0.2, 0.15, radius=0.004)
    c.rect(light(SKY, 0.2), -0.09, 0.15, 0.18, 0.13)
    with c.clip(-0.09, 0.15, 0.18, 0.13):
        c.circle((240, 200, 120), 0.04, 0.19, 0.02)
        c.ellipse((130, 170, 120), -0.04, 0.29, 0.1, 0.05)
        c.ellipse((110, 150, 110), 0.07, 0.3, 0.08, 0.05)
    # The desk with a laptop, a mug and some papers.
    desk(c, -0.86, 0.48, 0.55, shade(WOOD, 0.05))
    c.rect((80, 86, 96), -0.74, 0.5, 0.16, 0.05, radius=0.004)
    c.rect((160, 190, 210), -0.73, 0.507, 0.14, 0.038, radius=0.003)
    c.rect((90, 96, 106), -0.77, 0.545, 0.22, 0.008, radius=0.003)
    c.rect((236, 232, 220), -0.52, 0.538, 0.1, 0.012)
    c.rect((200, 90, 70), -0.47, 0.52, 0.025, 0.03, radius=0.004)
    # The bookcase, filled however wide the screen is.
    shelf = shade(WOOD, 0.15)
    x0, x1 = 0.44, max(-c.left - 0.02, 0.86)
    c.rect(shade(shelf, 0.2), x0, 0.1, x1 - x0, WALL_BASE - 0.1)
    for row in range(4):
        top = 0.12 + row * 0.135
        c.rect(shelf, x0, top + 0.11, x1 - x0, 0.015)
        books(c, x0 + 0.015, x1 - 0.04, top + 0.11, row * 3)
    c.rect(shelf, x0, 0.1, 0.015, WALL_BASE - 0.1)
    c.rect(shelf, x1 - 0.015, 0.1, 0.015, WALL_BASE - 0.1)
    plant(c, 0.33, 0.7, 0.2)
