"""Presenting frames on the real display: how long `display.flip()` of a full window takes with
SDL's default (OpenGL, in software when there are no GPU drivers) and with the game's "software
display" setting (`SDL_FRAMEBUFFER_ACCELERATION=0`). Only where there is a display: the frame
figures are measured headless, where a flip costs nothing.

Child process: `python -m game.bench.present WxH FRAMES` prints the flip times in ms.
"""

from __future__ import annotations

import subprocess
import sys

from .common import (FULL_HD, SOFTWARE_DISPLAY, Bench, Figure, child_numbers, display_env,
                     is_headless, size_name, summary)

SECTION = "frames"
TIMEOUT = 120.0


def _flips(size: tuple[int, int], frames: int) -> list[float]:
    import time

    import pygame
    pygame.display.init()
    surface = pygame.display.set_mode(size)
    times = []
    for i in range(frames + 5):
        surface.fill((40 + i % 50, 44, 52))
        start = time.perf_counter()
        pygame.display.flip()
        pygame.event.pump()
        if i >= 5:
            times.append((time.perf_counter() - start) * 1000)
    pygame.display.quit()
    return times


def present_figures(bench: Bench, size: tuple[int, int] = FULL_HD,
                    frames: int = 60) -> list[Figure]:
    env, driver = display_env(bench.env)
    env.pop("SDL_FRAMEBUFFER_ACCELERATION", None)
    if is_headless(driver):
        bench.note("presenting on a display not measured: no display here (video driver "
                   f"'{driver}'); on the projector's laptop, run `bystander bench` in its "
                   "desktop session")
        return []
    start = len(bench.figures)
    name = size_name(size)
    for label, key, extra in (("default", "present_default", {}),
                              ("software display setting", "present_software",
                               SOFTWARE_DISPLAY)):
        try:
            times = child_numbers("game.bench.present", [name, str(frames)], {**env, **extra},
                                  TIMEOUT)
        except (subprocess.SubprocessError, OSError, ValueError, IndexError) as exc:
            bench.note(f"presenting ({label}) not measured: {exc}")
            continue
        if times:
            bench.add(summary(SECTION, f"display.flip on this display, {label}, {name}", "ms",
                              times, with_p99=True, key=key))
    return bench.figures[start:]


def main(argv: list[str]) -> int:
    w, h = (int(v) for v in argv[0].split("x"))
    print(" ".join(f"{t:.3f}" for t in _flips((w, h), int(argv[1]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
