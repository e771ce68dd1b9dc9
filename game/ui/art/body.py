"""The body below the head: legs, shoes, the top, arms and hands, as SVG elements.

Teenagers wear a hoodie, a jumper or a T-shirt (picked steadily from the look, so the same look is
always dressed the same); adults wear an open jacket over a shirt, which helps a class tell the
mentor from the students at a glance. The top carries the look's colour; trousers stay dark.
"""

from __future__ import annotations

import math
import zlib

from . import svg
from .figure import Arm, Figure
from .palette import CLOTHES, TROUSERS, WHITE, Colour, mix, shade
from .svg import Point

TEEN_TOPS = ("hoodie", "jumper", "tshirt")


def outfit(skin: str, hair: str, hair_style: str, top: str, adult: bool) -> tuple[str, int]:
    """The cut of the top and the index of the trousers colour, steady for one look."""
    if adult:
        return "jacket", 1
    seed = zlib.crc32(f"{skin}/{hair}/{hair_style}/{top}".encode())
    return TEEN_TOPS[seed % len(TEEN_TOPS)], (seed // 7) % len(TROUSERS)


def _through(a: Point, mid: Point, b: Point) -> Point:
    """The control point of a quadratic curve from `a` to `b` that passes through `mid`."""
    return (2 * mid[0] - (a[0] + b[0]) / 2, 2 * mid[1] - (a[1] + b[1]) / 2)


def _split(a: Point, c: Point, b: Point, t: float) -> tuple[Point, Point]:
    """The first part (control, end) of a quadratic curve cut at `t` (de Casteljau)."""
    c1 = (a[0] + (c[0] - a[0]) * t, a[1] + (c[1] - a[1]) * t)
    c2 = (c[0] + (b[0] - c[0]) * t, c[1] + (b[1] - c[1]) * t)
    return c1, (c1[0] + (c2[0] - c1[0]) * t, c1[1] + (c2[1] - c1[1]) * t)


def ground_shadow(f: Figure) -> str:
    """A soft shadow under the feet, so the character stands on the floor rather than floats."""
    return svg.ellipse(f.cx + f.head_w * 0.08, f.ground + 4, f.hip_half * 1.9, 11, (0, 0, 0),
                       opacity=0.2)


def legs(f: Figure, trousers: Colour, adult: bool) -> list[str]:
    """Both legs with trousers and shoes; the back leg a shade darker."""
    out: list[str] = []
    shoe_h = f.leg_w * 0.58
    # The leg's round end must stay inside the shoe.
    ankle_y = f.ground - shoe_h * 0.5 - f.leg_w / 2
    for side in (-1, 1):
        hip = (f.cx + side * f.hip_half * 0.48, f.hem_y - f.arm_w)
        ankle = (f.cx + side * f.ankle_half, ankle_y)
        out.append(svg.line([hip, ankle], shade(trousers, 0.18) if side < 0 else trousers,
                            f.leg_w))
        out += _shoe(f, ankle[0], shoe_h, adult, back=side < 0)
    # The seat of the trousers, joining both legs under the top.
    top, half = f.hem_y - f.arm_w * 1.5, f.hip_half * 0.93
    out.append(svg.path(svg.d("M", (f.cx - half, top), "L", (f.cx + half, top),
                              (f.cx + half * 0.9, f.crotch_y - 20),
                              "Q", (f.cx, f.crotch_y + 14), (f.cx - half * 0.9, f.crotch_y - 20),
                              "Z"), trousers))
    return out


def _shoe(f: Figure, x: float, h: float, adult: bool, back: bool) -> list[str]:
    """One shoe, toe pointing right. Students wear trainers with a white sole, adults leather."""
    heel, toe, g, top = x - f.leg_w * 0.55, x + f.leg_w * 1.05, f.ground, f.ground - h
    if adult:
        upper, sole = mix((70, 48, 36), (0, 0, 0), 0.15 if back else 0), (40, 30, 26)
    else:
        upper, sole = shade((70, 72, 84), 0.2 if back else 0), WHITE
    return [svg.path(svg.d("M", (heel, g), "L", (toe - h * 0.4, g),
                           "Q", (toe, g), (toe, g - h * 0.45),
                           "Q", (toe - h * 0.15, top + h * 0.12), (x + f.leg_w * 0.15, top),
                           "L", (heel + h * 0.3, top), "Q", (heel, top), (heel, g - h * 0.5),
                           "Z"), upper),
            svg.path(svg.d("M", (heel, g), "L", (toe - h * 0.3, g),
                           "Q", (toe, g), (toe + 1, g - h * 0.26), "L", (heel, g - h * 0.26),
                           "Z"), sole)]


def _torso_outline(f: Figure, neck_half: float, hem_half: float, neck_dip: float) -> str:
    """The top's outline: sloping shoulders, straight sides, a hem with rounded corners, and a
    neckline dipping by `neck_dip`."""
    sy, r, lift = f.shoulder_y, f.arm_w * 0.75, f.arm_w * 0.25

    def side(s: int) -> list[Point]:
        return [(f.cx + s * neck_half, sy - lift), (f.cx + s * f.shoulder_half, sy - lift * 0.6),
                (f.cx + s * f.shoulder_half, sy + r), (f.cx + s * hem_half, f.hem_y - 12),
                (f.cx + s * hem_half, f.hem_y), (f.cx + s * (hem_half - 12), f.hem_y)]

    left, right = side(-1), side(1)
    return svg.d("M", left[0], "Q", left[1], left[2], "L", left[3], "Q", left[4], left[5],
                 "L", right[5], "Q", right[4], right[3], "L", right[2], "Q", right[1], right[0],
                 "Q", (f.cx, sy + neck_dip), left[0], "Z")


def torso(f: Figure, cut: str, colour: Colour, skin: Colour) -> tuple[list[str], list[str]]:
    """The neck and the top in the given cut: (gradient definitions, elements)."""
    neck_half = f.head_w * 0.19
    hem_half = f.hip_half * 1.05
    dark = shade(colour)
    nx = neck_half * 0.9
    out = [svg.path(svg.d("M", (f.cx - nx, f.neck_top), "L", (f.cx - nx, f.shoulder_y + 16),
                          (f.cx + nx, f.shoulder_y + 16), (f.cx + nx, f.neck_top), "Z"),
                    shade(skin, 0.16))]
    if cut == "jacket":
        return [], out + _jacket(f, colour, neck_half, hem_half)
    out.append(svg.path(_torso_outline(f, neck_half, hem_half, neck_half * 1.1), "url(#top)"))
    band = f.arm_w * 0.45
    if cut != "tshirt":
        # A ribbed band at the hem.
        out.append(svg.path(svg.d("M", (f.cx - hem_half, f.hem_y - band),
                                  "L", (f.cx + hem_half, f.hem_y - band),
                                  (f.cx + hem_half, f.hem_y - 6),
                                  "Q", (f.cx + hem_half, f.hem_y), (f.cx + hem_half - 12, f.hem_y),
                                  "L", (f.cx - hem_half + 12, f.hem_y),
                                  "Q", (f.cx - hem_half, f.hem_y), (f.cx - hem_half, f.hem_y - 6),
                                  "Z"), dark))
    if cut == "hoodie":
        # The hood lying on the shoulders, the two drawstrings and the front pocket.
        out.append(svg.curve((f.cx - neck_half * 1.5, f.shoulder_y + f.arm_w * 0.12),
                             (f.cx, f.shoulder_y + neck_half * 2.6),
                             (f.cx + neck_half * 1.5, f.shoulder_y + f.arm_w * 0.12), dark,
                             f.arm_w * 0.42))
        for s in (-1, 1):
            x = f.cx + s * neck_half * 0.55
            out.append(svg.line([(x, f.shoulder_y + neck_half),
                                 (x + s * 3, f.shoulder_y + f.arm_w * 2.2)], WHITE, 6))
        pocket_top, half = f.hem_y - band - f.arm_w * 1.5, f.hip_half * 0.62
        out.append(svg.path(svg.d("M", (f.cx - half, f.hem_y - band),
                                  "L", (f.cx - half * 0.75, pocket_top),
                                  (f.cx + half * 0.75, pocket_top), (f.cx + half, f.hem_y - band),
                                  "Z"), mix(colour, dark, 0.5)))
    else:
        collar = [(f.cx - neck_half, f.shoulder_y - f.arm_w * 0.25),
                  (f.cx, f.shoulder_y + neck_half * 1.1),
                  (f.cx + neck_half, f.shoulder_y - f.arm_w * 0.25)]
        out.append(svg.curve(collar[0], _through(*collar), collar[2], dark, f.arm_w * 0.22))
    return [svg.two_tone("top", dark, colour, 0.16)], out


def _jacket(f: Figure, colour: Colour, neck_half: float, hem_half: float) -> list[str]:
    """A light shirt with a collar, and a jacket's two fronts left open over it."""
    shirt = (226, 232, 240) if colour != CLOTHES["white"] else (150, 190, 220)
    dark = shade(colour)
    out = [svg.path(_torso_outline(f, neck_half, hem_half, neck_half * 0.6), shirt)]
    for s in (-1, 1):
        neck = (f.cx + s * neck_half * 1.1, f.shoulder_y - f.arm_w * 0.2)
        opening = (f.cx + s * neck_half * 0.3, f.down_body(0.5))
        out.append(svg.path(svg.d("M", neck, "Q", (f.cx + s * f.shoulder_half, f.shoulder_y),
                                  (f.cx + s * f.shoulder_half, f.shoulder_y + f.arm_w),
                                  "L", (f.cx + s * hem_half, f.hem_y + 6),
                                  (f.cx + s * f.arm_w * 0.35, f.hem_y + 6), opening, "Z"),
                            dark if s < 0 else colour))
        out.append(svg.path(svg.d("M", neck, "L", (opening[0] + s * neck_half * 0.2,
                                                   opening[1] - 20),
                                  (f.cx + s * neck_half * 1.8, f.shoulder_y + f.arm_w * 0.9),
                                  "Z"), shade(dark, 0.15)))
        out.append(svg.path(svg.d("M", (f.cx + s * neck_half, f.neck_top + 14),
                                  "L", (f.cx + s * neck_half * 1.6, f.shoulder_y + 8),
                                  (f.cx + s * neck_half * 0.15, f.shoulder_y + 4), "Z"),
                            mix(shirt, WHITE, 0.5)))
    return out


def arm(a: Arm, f: Figure, cut: str, colour: Colour, skin: Colour, back: bool) -> list[str]:
    """One arm: sleeve (short for a T-shirt, with a cuff otherwise) and hand."""
    colour = shade(colour, 0.14) if back else colour
    ctrl = _through(a.shoulder, a.elbow, a.wrist)
    whole = svg.d("M", a.shoulder, "Q", ctrl, a.wrist)
    if cut == "tshirt":
        c, end = _split(a.shoulder, ctrl, a.wrist, 0.42)
        out = [svg.path(whole, None, skin, f.arm_w * 0.78),
               svg.path(svg.d("M", a.shoulder, "Q", c, end), None, colour, f.arm_w * 1.08)]
    else:
        _, cuff = _split(a.wrist, ctrl, a.shoulder, 0.1)
        out = [svg.path(whole, None, colour, f.arm_w),
               svg.line([a.wrist, cuff], shade(colour, 0.2), f.arm_w * 0.96)]
    return out + _hand(a, ctrl, f.arm_w, skin)


def _hand(a: Arm, ctrl: Point, arm_w: float, skin: Colour) -> list[str]:
    """A hand at the end of the arm, carrying on along the forearm: open with a thumb, or a
    fist with a knuckle line."""
    dx, dy = a.wrist[0] - ctrl[0], a.wrist[1] - ctrl[1]
    n = math.hypot(dx, dy) or 1.0
    dx, dy = dx / n, dy / n
    if a.hand == "fist":
        cx, cy = a.wrist[0] + dx * arm_w * 0.45, a.wrist[1] + dy * arm_w * 0.45
        crease = shade(skin, 0.25)
        return [svg.circle(cx, cy, arm_w * 0.56, skin),
                svg.line([(cx - arm_w * 0.3, cy + arm_w * 0.05),
                          (cx + arm_w * 0.3, cy + arm_w * 0.05)], crease, arm_w * 0.09),
                svg.line([(cx - arm_w * 0.28, cy + arm_w * 0.05),
                          (cx - arm_w * 0.28, cy + arm_w * 0.4)], crease, arm_w * 0.07)]
    angle = math.degrees(math.atan2(dy, dx)) - 90
    length = arm_w * (0.5 if a.hand == "clasped" else 0.62)
    thumb = (a.wrist[0] + dx * arm_w * 0.3 + dy * arm_w * 0.32,
             a.wrist[1] + dy * arm_w * 0.3 - dx * arm_w * 0.32)
    return [svg.ellipse(*thumb, arm_w * 0.16, arm_w * 0.28, shade(skin, 0.08), rotate=angle - 30),
            svg.ellipse(a.wrist[0] + dx * length * 0.85, a.wrist[1] + dy * length * 0.85,
                        arm_w * 0.44, length, skin, rotate=angle)]
