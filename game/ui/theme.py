"""Colours, sizes and fonts of the interface, for the normal and the high-contrast look.

Every size is a fraction of the window height, so one layout serves 1280x720 up to 3840x2160 and
4:3 screens: nothing is drawn on a fixed canvas and scaled. Every text colour is named together with
the background it is drawn on (`text_pairs`), so a test can check the WCAG contrast of each pair.
"""

import math
from typing import NamedTuple

Colour = tuple[int, int, int]

# Okabe-Ito: stays distinct for the common kinds of colour blindness.
BLACK: Colour = (0, 0, 0)
ORANGE: Colour = (0xE6, 0x9F, 0x00)
SKY_BLUE: Colour = (0x56, 0xB4, 0xE9)
GREEN: Colour = (0x00, 0x9E, 0x73)
YELLOW: Colour = (0xF0, 0xE4, 0x42)
BLUE: Colour = (0x00, 0x72, 0xB2)
VERMILLION: Colour = (0xD5, 0x5E, 0x00)
PURPLE: Colour = (0xCC, 0x79, 0xA7)
WHITE: Colour = (255, 255, 255)

TEXT_SCALES = {"normal": 1.0, "large": 1.2, "xlarge": 1.4}
"""Text size setting -> factor on every text size."""

BODY_FRACTION = 1 / 24
"""Body text is at least this fraction of the screen height at the normal text size."""


class Palette(NamedTuple):
    """The colours of one look. Text colours are named `<text>_on_<background>`-style pairs.

    A NamedTuple rather than a frozen dataclass: just as immutable, and made in a sixth of the
    time (a frozen dataclass of 35 fields cost 4 to 9 ms of every start-up). For the same
    reason this module evaluates its annotations: as strings, typing would compile each one."""

    backdrop: Colour
    """Plain screens (title, ending, settings) and the letterbox around pictures."""
    on_backdrop: Colour
    on_backdrop_muted: Colour
    panel: Colour
    """Dialogue box, cards, buttons: opaque so text contrast never depends on the picture."""
    ink: Colour
    ink_muted: Colour
    panel_edge: Colour
    narration: Colour
    """Narration panel: a different colour and italic, so it differs from speech without colour."""
    on_narration: Colour
    name_tag: Colour
    on_name_tag: Colour
    badge: Colour
    on_badge: Colour
    disabled: Colour
    on_disabled: Colour
    disabled_edge: Colour
    focus: Colour
    focus_inner: Colour
    better: Colour
    on_better: Colour
    worse: Colour
    on_worse: Colour
    same: Colour
    on_same: Colour
    track: Colour
    fill: Colour
    bubble: Colour
    on_bubble: Colour
    bubble_name: Colour
    shade_alpha: int
    """How much the stage is darkened behind menus, 0-255."""
    series: tuple[Colour, ...]
    """Line colours of the chart, each also with its own line style and marker."""
    path: Colour
    """The road taken on the branch map."""
    road_not_taken: Colour

    def text_pairs(self) -> dict[str, tuple[Colour, Colour]]:
        """Every text colour with the background it is drawn on, for the contrast test."""
        return {
            "backdrop": (self.on_backdrop, self.backdrop),
            "backdrop_muted": (self.on_backdrop_muted, self.backdrop),
            "panel": (self.ink, self.panel),
            "panel_muted": (self.ink_muted, self.panel),
            "narration": (self.on_narration, self.narration),
            "name_tag": (self.on_name_tag, self.name_tag),
            "badge": (self.on_badge, self.badge),
            "disabled": (self.on_disabled, self.disabled),
            "better": (self.on_better, self.better),
            "worse": (self.on_worse, self.worse),
            "same": (self.on_same, self.same),
            "bubble": (self.on_bubble, self.bubble),
            "bubble_name": (self.bubble_name, self.bubble),
            "chart_on_panel": (self.ink, self.panel),
        }


NORMAL = Palette(
    backdrop=(0x1D, 0x23, 0x33), on_backdrop=(0xFB, 0xF6, 0xEE),
    on_backdrop_muted=(0xC8, 0xCE, 0xDA),
    panel=(0xFB, 0xF6, 0xEE), ink=(0x1F, 0x23, 0x33), ink_muted=(0x4A, 0x50, 0x62),
    panel_edge=(0xD8, 0xCF, 0xC0),
    narration=(0x2A, 0x33, 0x47), on_narration=(0xFB, 0xF6, 0xEE),
    name_tag=(0x1F, 0x23, 0x33), on_name_tag=(0xFB, 0xF6, 0xEE),
    badge=BLUE, on_badge=WHITE,
    disabled=(0xE6, 0xE1, 0xD8), on_disabled=(0x3C, 0x41, 0x50), disabled_edge=(0x6B, 0x70, 0x80),
    focus=ORANGE, focus_inner=(0x1F, 0x23, 0x33),
    better=BLUE, on_better=WHITE, worse=VERMILLION, on_worse=BLACK,
    same=(0xE6, 0xE1, 0xD8), on_same=(0x1F, 0x23, 0x33),
    track=(0xDD, 0xD6, 0xCA), fill=SKY_BLUE,
    bubble=WHITE, on_bubble=(0x1F, 0x23, 0x33), bubble_name=BLUE,
    shade_alpha=150,
    series=(BLUE, VERMILLION, GREEN, PURPLE, ORANGE),
    path=BLUE, road_not_taken=(0xA8, 0xA4, 0x9C),
)

HIGH_CONTRAST = Palette(
    backdrop=BLACK, on_backdrop=WHITE, on_backdrop_muted=YELLOW,
    panel=BLACK, ink=WHITE, ink_muted=YELLOW, panel_edge=WHITE,
    narration=BLACK, on_narration=YELLOW,
    name_tag=YELLOW, on_name_tag=BLACK,
    badge=YELLOW, on_badge=BLACK,
    disabled=BLACK, on_disabled=WHITE, disabled_edge=WHITE,
    focus=YELLOW, focus_inner=WHITE,
    better=SKY_BLUE, on_better=BLACK, worse=VERMILLION, on_worse=BLACK,
    same=WHITE, on_same=BLACK,
    track=(0x60, 0x60, 0x60), fill=SKY_BLUE,
    bubble=BLACK, on_bubble=WHITE, bubble_name=YELLOW,
    shade_alpha=200,
    series=(SKY_BLUE, ORANGE, YELLOW, PURPLE, GREEN),
    path=YELLOW, road_not_taken=(0x90, 0x90, 0x90),
)


class Theme(NamedTuple):
    """The look for one window size and one set of settings. A named tuple, as `Palette` is, and
    for the same reason: a frozen dataclass cost 1% of every start-up to define."""

    width: int
    height: int
    palette: Palette
    text_scale: float
    high_contrast: bool

    @property
    def u(self) -> float:
        """One layout unit: a hundredth of the window height."""
        return self.height / 100

    def px(self, units: float) -> int:
        return max(1, round(units * self.u))

    # Text sizes in pixels. Body is never below 1/24 of the height at the normal setting.
    @property
    def body(self) -> int:
        return math.ceil(self.height * BODY_FRACTION * self.text_scale)

    @property
    def body_min(self) -> int:
        """The smallest body text may shrink to when a larger setting does not fit."""
        return math.ceil(self.height * BODY_FRACTION)

    @property
    def small(self) -> int:
        """Labels, hints, chart axes: still readable from the back of a room."""
        return math.ceil(self.height / 30 * self.text_scale)

    @property
    def small_min(self) -> int:
        return math.ceil(self.height / 30)

    @property
    def heading(self) -> int:
        return math.ceil(self.height / 16 * self.text_scale)

    @property
    def title(self) -> int:
        return math.ceil(self.height / 9 * min(self.text_scale, 1.2))

    @property
    def radius(self) -> int:
        return self.px(1.6)

    @property
    def margin(self) -> int:
        return self.px(3)

    @property
    def focus_width(self) -> int:
        return max(3, self.px(0.7))

    @property
    def shortfall(self) -> int:
        """How many pixels narrower than 16:9 the screen is (0 on 16:9 and wider screens)."""
        return max(0, math.ceil(self.height * 16 / 9) - self.width)

    def side_width(self, share: float) -> int:
        """A side column (a figure, a summary) beside the text a screen is read for: `share` of
        the width on 16:9 and wider screens. Narrower screens (16:10 laptops, 4:3 projectors)
        are as tall in layout units but less wide, and text is sized by the height: so they
        take what they lack of 16:9 from the side column, and the reading column keeps its
        16:9 width in units, where every text was written to fit. Can be 0 or less: the caller
        sets its own minimum (and then has to stack instead)."""
        if not self.shortfall:
            return int(self.width * share)
        return int((self.width + self.shortfall) * share) - self.shortfall


def text_scale(text_size: str) -> float:
    """The scale of a text size setting ("normal", "large", "xlarge"); 1 for one we do not know."""
    return TEXT_SCALES.get(text_size, 1.0)


def make_theme(size: tuple[int, int], text_size: str = "normal",
               high_contrast: bool = False) -> Theme:
    return Theme(size[0], size[1], HIGH_CONTRAST if high_contrast else NORMAL,
                 text_scale(text_size), high_contrast)


def relative_luminance(c: Colour) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Colour, b: Colour) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)

