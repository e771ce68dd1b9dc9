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
from .palette import CHAIR, CLOTHES, METAL, TROUSERS, TYRE, WHITE, Colour, light, mix, shade
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
    if f.chair is not None:
        wheel, caster = f.chair.wheel, f.chair.caster
        left, right = wheel[0] - wheel[2] * 0.9, caster[0] + caster[2] * 1.6
        return svg.ellipse((left + right) / 2, f.ground + 4, (right - left) / 2, 11, (0, 0, 0),
                           opacity=0.2)
    return svg.ellipse(f.cx + f.head_w * 0.08, f.ground + 4, f.hip_half * 1.9, 11, (0, 0, 0),
                       opacity=0.2)


def legs(f: Figure, trousers: Colour, adult: bool) -> list[str]:
    """Both legs with trousers and shoes; the back leg a shade darker."""
    if f.chair is not None:
        return _seated_legs(f, trousers, adult)
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


def _seated_legs(f: Figure, trousers: Colour, adult: bool) -> list[str]:
    """Both legs of a seated character: thighs forward along the seat, shins down to the foot
    plate; the far leg a shade darker and a little behind."""
    assert f.chair is not None
    c = f.chair
    shoe_h = f.leg_w * 0.58
    out = [svg.ellipse(c.hip[0] - f.leg_w * 0.1, c.hip[1], f.hip_half * 0.8, f.leg_w * 0.56,
                       shade(trousers, 0.1))]
    for side in (-1, 1):
        dx = -f.leg_w * 0.32 if side < 0 else 0.0
        dy = -f.leg_w * 0.12 if side < 0 else 0.0
        points = [(c.hip[0] + dx, c.hip[1] + dy), (c.knee[0] + dx, c.knee[1] + dy),
                  (c.ankle[0] + dx, c.ankle[1])]
        out.append(svg.line(points, shade(trousers, 0.18) if side < 0 else trousers, f.leg_w))
        out += _shoe(f, c.ankle[0] + dx, shoe_h, adult, back=side < 0, ground=c.plate_y)
    return out


def chair_back(f: Figure) -> list[str]:
    """What of the wheelchair is behind the character: the far wheel, the backrest with its
    push handle, and the seat."""
    assert f.chair is not None
    c = f.chair
    x, y, r = c.wheel
    far = shade(TYRE, 0.2)
    top = f.down_body(0.25)
    out = [svg.ring(x + r * 0.3, y - r * 0.04, r * 0.95, far, r * 0.09)]
    # The backrest: an upholstered panel on an upright that ends in a handle to push by.
    out.append(svg.line([(c.back_x, c.seat_y + r * 0.1), (c.back_x - r * 0.08, top)], CHAIR,
                        r * 0.07))
    out.append(svg.line([(c.back_x - r * 0.08, top), (c.back_x - r * 0.36, top + r * 0.02)],
                        TYRE, r * 0.09))
    out.append(svg.path(svg.d("M", (c.back_x + r * 0.02, c.seat_y - r * 0.05),
                              "L", (c.back_x - r * 0.05, top + r * 0.12),
                              "Q", (c.back_x - r * 0.04, top + r * 0.02),
                              (c.back_x + r * 0.08, top + r * 0.04),
                              "L", (c.back_x + r * 0.3, top + r * 0.1),
                              (c.back_x + r * 0.3, c.seat_y - r * 0.05), "Z"), TYRE))
    # The seat under the thighs.
    out.append(svg.line([(c.back_x, c.seat_y), (c.knee[0] - f.leg_w * 0.2, c.seat_y)], CHAIR,
                        r * 0.08))
    return out


def chair_front(f: Figure) -> list[str]:
    """What of the wheelchair is in front of the character: the frame down to the foot plate,
    the small front wheel and the near big wheel with its push rim and spokes."""
    assert f.chair is not None
    c = f.chair
    x, y, r = c.wheel
    cx, cy, cr = c.caster
    bar = r * 0.075
    front = (c.knee[0] - f.leg_w * 0.35, c.seat_y)
    out = [
        # The side of the frame: under the seat from the wheel's hub to the front, and down.
        svg.line([(x, y), (x + r * 0.2, c.seat_y + r * 0.12), front], CHAIR, bar),
        svg.line([front, (c.ankle[0] - f.leg_w * 0.25, c.plate_y + bar * 0.4)], CHAIR, bar),
        svg.line([(c.ankle[0] - f.leg_w * 0.55, c.plate_y + bar * 0.5),
                  (c.ankle[0] + f.leg_w * 1.1, c.plate_y + bar * 0.5)], CHAIR, bar * 0.9),
        # The caster on its fork, under the front of the seat.
        svg.line([(front[0] - r * 0.1, c.seat_y + r * 0.1), (cx, cy - cr * 1.4), (cx, cy)],
                 CHAIR, bar * 0.8),
        svg.circle(cx, cy, cr, TYRE),
        svg.circle(cx, cy, cr * 0.38, METAL),
    ]
    # The big wheel: spokes, tyre, rim, push rim, hub.
    for i in range(6):
        a = i * math.pi / 6 + 0.3
        dx, dy = r * 0.86 * math.cos(a), r * 0.86 * math.sin(a)
        out.append(svg.line([(x - dx, y - dy), (x + dx, y + dy)], light(METAL, 0.1), r * 0.022))
    out.append(svg.ring(x, y, r * 0.955, TYRE, r * 0.09))
    out.append(svg.ring(x, y, r * 0.87, METAL, r * 0.045))
    out.append(svg.ring(x, y, r * 0.76, light(METAL, 0.25), r * 0.035))
    out.append(svg.circle(x, y, r * 0.1, CHAIR))
    out.append(svg.circle(x, y, r * 0.045, light(METAL, 0.3)))
    return out


def _shoe(f: Figure, x: float, h: float, adult: bool, back: bool,
          ground: float | None = None) -> list[str]:
    """One shoe, toe pointing right. Students wear trainers with a white sole, adults leather."""
    g = f.ground if ground is None else ground
    heel, toe, top = x - f.leg_w * 0.55, x + f.leg_w * 1.05, g - h
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
