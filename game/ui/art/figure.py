"""Where a character's body parts go: the skeleton for a look and a posture.

All drawing of a character happens in one coordinate box, VIEW (500 x 1000 units, feet at the
bottom), which the rasteriser maps to the requested pixel size. The character faces right; the
caller mirrors the finished picture for `facing=-1`.

Height (percent of an average 14-year-old) scales the body; the head grows less than the body,
as it does in life, so short characters read as younger and adults as grown-ups. The tallest
possible character (MAX_HEIGHT) fills the whole box, so characters drawn at one size and stood on
one floor line show their real height differences.
"""

from __future__ import annotations

from typing import NamedTuple

from .svg import Point

VIEW: tuple[float, float] = (500.0, 1000.0)
MIN_HEIGHT, MAX_HEIGHT = 80, 115
GROUND = 984.0
"""Where the soles stand; the units below it hold the soft shadow under the feet."""
_TALLEST = 930.0
"""Crown to sole of a MAX_HEIGHT character; hair volume above the crown fits in the margin."""


class Arm(NamedTuple):
    """One arm from shoulder to wrist, and what its hand does."""

    shoulder: Point
    elbow: Point
    wrist: Point
    hand: str
    """`open` (relaxed), `fist` (tense) or `clasped` (hands held together in front)."""


class Chair(NamedTuple):
    """Where a seated character and the wheelchair under them go, in VIEW units, facing right."""

    seat_y: float
    """The top of the seat, under the thighs."""
    hip: Point
    """Where the near thigh starts, at the back of the seat."""
    knee: Point
    ankle: Point
    """The near leg's ankle, above the foot plate."""
    plate_y: float
    """The top of the foot plate the shoes stand on."""
    back_x: float
    """The backrest's upright, behind the back."""
    wheel: tuple[float, float, float]
    """The big wheel: centre x, centre y and radius; it stands on the ground."""
    caster: tuple[float, float, float]
    """The small front wheel: centre x, centre y and radius."""


class Figure(NamedTuple):
    """The key points of one character in VIEW units, facing right. (The art's value types are
    named tuples: the first start ever draws the title's characters, and defining a frozen
    dataclass costs several times as much as a named tuple.)"""

    cx: float
    """The body's centre line."""
    head_x: float
    head_y: float
    """Centre of the skull (without hair)."""
    head_w: float
    head_h: float
    head_tilt: float
    """Degrees the head is turned forward (positive) around the neck: bowed when slumped."""
    gaze_down: float
    """How far, in head heights, the eyes look down."""
    neck_top: float
    shoulder_y: float
    shoulder_half: float
    hem_y: float
    """Where the top (jumper, jacket) ends, at the hips."""
    hip_half: float
    crotch_y: float
    ground: float
    arm_w: float
    leg_w: float
    ankle_half: float
    """How far each ankle stands from the centre line: wide when tense, close when slumped."""
    back_arm: Arm
    """The arm on the left of the picture (away from where the character faces)."""
    front_arm: Arm
    adult: bool
    chair: Chair | None = None
    """Where the wheelchair goes, for a seated character; None for one standing."""

    def at(self, u: float, v: float) -> Point:
        """A point on the head: `u` head widths right of its centre, `v` head heights below."""
        return (self.head_x + u * self.head_w, self.head_y + v * self.head_h)

    def down_body(self, t: float) -> float:
        """The height a fraction `t` of the way from the shoulders to the hem of the top."""
        return self.shoulder_y + (self.hem_y - self.shoulder_y) * t


def _height(height: int) -> float:
    return (min(max(height, MIN_HEIGHT), MAX_HEIGHT) - MIN_HEIGHT) / (MAX_HEIGHT - MIN_HEIGHT)


def build_figure(height: int, posture: str, seated: bool = False) -> Figure:
    """The skeleton of a character of `height` percent standing in `posture`, or sitting in a
    wheelchair (`seated`): the same body, its hips lowered onto the seat, so the head sits as
    much lower as the thighs are long."""
    grown = _height(height)                      # 0 for the smallest, 1 for an adult
    tall = _TALLEST * min(max(height, MIN_HEIGHT), MAX_HEIGHT) / MAX_HEIGHT
    head_h = 188.0 - 16.0 * grown
    head_w = head_h * 0.86
    cx = VIEW[0] / 2
    crown = GROUND - tall
    chin = crown + head_h
    body = GROUND - chin
    shoulder_half = head_w * (0.62 + 0.16 * grown)
    hip_half = shoulder_half * 0.8
    arm_w = head_w * (0.27 + 0.03 * grown)
    chair = None
    if seated:
        chair, drop, cx = _chair(cx, chin, body, hip_half, arm_w)
        crown, chin = crown + drop, chin + drop
    shoulder_y = chin + 0.065 * body
    head_x, head_y = cx + head_w * 0.02, crown + head_h / 2
    tilt, gaze = 0.0, 0.0
    hem_y = chin + 0.46 * body
    if chair is not None:
        hem_y = chair.knee[1] - hip_half * 0.86 * 0.15   # the top ends on the lap
    arm_len = 0.42 * body

    if posture == "slumped":
        head_y += head_h * 0.1
        head_x += head_w * 0.06
        tilt, gaze = 9.0, 0.05
        shoulder_y += body * 0.015
        shoulder_half *= 0.9
    elif posture == "tense":
        shoulder_y -= body * 0.03
        shoulder_half *= 1.04

    def arm(side: int) -> Arm:
        sx = cx + side * (shoulder_half - arm_w * 0.55)
        sy = shoulder_y + arm_w * 0.5
        if chair is not None:
            return _seated_arm(side, (sx, sy), chair, posture, cx, hip_half, arm_w, arm_len)
        if posture == "slumped":
            # Arms drawn in, hands holding each other in front of the belly.
            elbow = (cx + side * (hip_half + arm_w * 0.05), sy + arm_len * 0.47)
            wrist = (cx + side * arm_w * 0.28 + head_w * 0.05, hem_y - arm_w * 0.35)
            return Arm((sx, sy), elbow, wrist, "clasped")
        if posture == "tense":
            # Elbows out a little, fists held by the hips.
            elbow = (cx + side * (shoulder_half + arm_w * 0.35), sy + arm_len * 0.46)
            wrist = (cx + side * (hip_half + arm_w * 0.75), sy + arm_len * 0.86)
            return Arm((sx, sy), elbow, wrist, "fist")
        elbow = (cx + side * (shoulder_half + arm_w * 0.12), sy + arm_len * 0.48)
        wrist = (cx + side * (hip_half + arm_w * 0.55), sy + arm_len * 0.93)
        return Arm((sx, sy), elbow, wrist, "open")

    return Figure(
        cx=cx, head_x=head_x, head_y=head_y, head_w=head_w, head_h=head_h, head_tilt=tilt,
        gaze_down=gaze, neck_top=chin - head_h * 0.25, shoulder_y=shoulder_y,
        shoulder_half=shoulder_half, hem_y=hem_y, hip_half=hip_half,
        crotch_y=chin + 0.5 * body, ground=GROUND,
        arm_w=arm_w, leg_w=hip_half * 0.86,
        ankle_half=hip_half * {"slumped": 0.4, "tense": 0.62}.get(posture, 0.5),
        back_arm=arm(-1), front_arm=arm(1),
        adult=height >= 108, chair=chair,
    )


def _chair(cx: float, chin: float, body: float, hip_half: float,
           arm_w: float) -> tuple[Chair, float, float]:
    """The wheelchair for a body standing with its chin at `chin`: the chair, how far the body
    above the hips moves down to sit on it, and the body's new centre line (moved back, so that
    knees and feet stay inside the picture)."""
    leg_w = hip_half * 0.86
    shoe_h = leg_w * 0.58
    hip_y = chin + 0.46 * body - arm_w             # where a standing leg starts
    leg = GROUND - shoe_h * 0.5 - leg_w / 2 - hip_y
    plate_y = GROUND - 0.07 * body
    ankle_y = plate_y - shoe_h * 0.5 - leg_w / 2
    knee_y = ankle_y - 0.46 * leg
    body_x = cx - 0.16 * leg - 10
    hip = (body_x - hip_half * 0.1, knee_y)
    knee = (hip[0] + 0.56 * leg, knee_y)
    ankle = (knee[0] + leg_w * 0.2, ankle_y)
    r = (GROUND - knee_y) * 0.5
    wheel = (body_x + r * 0.1, GROUND - r, r)
    caster_r = r * 0.2
    caster = (ankle[0] - leg_w * 0.1, GROUND - caster_r, caster_r)
    chair = Chair(seat_y=knee_y + leg_w * 0.5, hip=hip, knee=knee, ankle=ankle, plate_y=plate_y,
                  back_x=body_x - hip_half * 1.05, wheel=wheel, caster=caster)
    return chair, knee_y - hip_y, body_x


def _seated_arm(side: int, shoulder: Point, chair: Chair, posture: str, cx: float,
                hip_half: float, arm_w: float, arm_len: float) -> Arm:
    """An arm of a seated character: the forearm forward, the hand in the lap."""
    sx, sy = shoulder
    lap = chair.seat_y - hip_half * 0.86 - arm_w * 0.2   # the top of the thighs
    thigh = chair.knee[0] - chair.hip[0]
    back = side < 0
    if posture == "slumped":
        # Drawn in, hands held together in the lap.
        elbow = (cx + side * arm_w * 0.3 - arm_w * 0.2, sy + arm_len * 0.45)
        wrist = (cx + thigh * 0.42 - (arm_w * 0.25 if back else 0), lap - arm_w * 0.1)
        return Arm((sx, sy), elbow, wrist, "clasped")
    if posture == "tense":
        # Elbows back and out, fists pressed on the thighs.
        elbow = (cx - arm_w * (0.7 if back else 0.35), sy + arm_len * 0.44)
        wrist = (cx + thigh * (0.34 if back else 0.42), lap - arm_w * 0.35)
        return Arm((sx, sy), elbow, wrist, "fist")
    elbow = (cx - arm_w * (0.45 if back else 0.1), sy + arm_len * 0.47)
    wrist = (cx + thigh * (0.5 if back else 0.6), lap - arm_w * 0.15)
    return Arm((sx, sy), elbow, wrist, "open")
