"""One line for the teacher: does this machine run the game smoothly on the projector, and if
not, what to change (a lower resolution, the software display setting, reduced motion)."""

from __future__ import annotations

from .common import FRAME_60HZ_MS, FULL_HD, HD, UHD, Bench, size_name


def _frames(bench: Bench, size: tuple[int, int]):
    """Frame figures of every screen at `size`."""
    suffix = f"_{size_name(size)}"
    return [f for f in bench.figures if f.key.startswith("frame_") and f.key.endswith(suffix)]


def smooth(bench: Bench, size: tuple[int, int], present_ms: float = 0.0) -> bool | None:
    """Whether every screen's slow frames (p99) fit in 1/60 s with `present_ms` of presenting
    added, and the meter animation kept its frame rate; None when `size` was not measured."""
    frames = _frames(bench, size)
    if not frames:
        return None
    worst = max((f.p99 if f.p99 is not None else f.high) for f in frames)
    dropped = bench.get(f"dropped_{size_name(size)}")
    return worst + present_ms <= FRAME_60HZ_MS and (dropped is None or dropped.median < 1)


def verdict(bench: Bench) -> str:
    """The line for the teacher, and for an event organiser what the attract loop asks."""
    return _smoothness(bench) + _all_day(bench)


def _all_day(bench: Bench) -> str:
    """At an event the attract loop runs all day: when presenting frames makes it cost more
    than its target and the software display setting halves that, say so."""
    from .attract import TARGET
    default = bench.get("idle_attract")
    software = bench.get("idle_attract_software")
    if default is None or software is None or default.median <= TARGET:
        return ""
    if software.median >= default.median / 2:
        return ""
    return (f" For an event (all day), turn on Settings > Software display: the attract loop "
            f"takes {default.median:.1f}% of a core here, {software.median:.1f}% with it.")


def _smoothness(bench: Bench) -> str:
    default = bench.get("present_default")
    software = bench.get("present_software")
    present = default.p99 if default is not None and default.p99 is not None else 0.0
    at_1080 = smooth(bench, FULL_HD, present)
    busy = any(n.startswith("frames: other programs") for n in bench.notes)
    again = " (other programs were busy while measuring: close them and run the bench again)"
    if at_1080 is None:
        return "No verdict: the screens could not be measured at 1920x1080 (see the notes)."
    if at_1080:
        line = "This machine runs the game smoothly at 1920x1080"
        at_4k = smooth(bench, UHD, present * 4)
        if at_4k:
            line += " and at 3840x2160"
        elif at_4k is False:
            line += "; at 3840x2160 animations would stutter, so set a 4K projector to 1920x1080"
        return line + "."
    if (default is not None and software is not None and software.p99 is not None
            and software.median < default.median / 2 and smooth(bench, FULL_HD, software.p99)):
        return (f"Turn on Settings > Software display and restart the game: showing a frame "
                f"takes {default.median:.1f} ms here, {software.median:.1f} ms with that "
                "setting, and then 1920x1080 runs smoothly.")
    at_720 = smooth(bench, HD, present * 0.45)
    if at_720:
        return ("At 1920x1080 animations stutter on this machine: set the display (or the "
                "projector) to 1280x720, or play in a 1280x720 window" + (again if busy else "")
                + ".")
    tip = " or turn on Settings > Software display" if default is not None else ""
    return ("At 1920x1080 animations stutter on this machine: lower the resolution (1280x720)"
            f"{tip}, and turn on Settings > Reduced motion" + (again if busy else "") + ".")
