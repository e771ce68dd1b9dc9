"""A full headless play-through of a story by key presses, as a child process of the memory
measurement: `python -m game.bench.playthrough WxH [SCENARIO_FILE]`.

Every beat is read, the first available choice taken, each consequence animated and its
discussion opened, and both panes of the ending shown. Prints one line of what it did.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

GUARD = 5000
"""Key presses at most: a story that never ends must not hang the bench."""


def play_through(size: tuple[int, int], path: Path) -> dict[str, int]:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    import pygame

    from ..ui.app import App
    from ..ui.catalogue import Catalogue, entry_for
    from ..ui.screens.consequence import ConsequenceScreen
    from ..ui.screens.ending import EndingScreen
    from ..ui.screens.scene import SceneScreen
    from ..ui.settings import Settings

    entry, issues = entry_for(path)
    if entry is None:
        raise SystemExit(f"{path} does not load: {[str(i) for i in issues[:3]]}")
    app = App(Settings(lang="en", text_speed="instant"), Catalogue([entry], 0), size=size,
              fullscreen=False, persist=False)
    app.start_run(entry)

    def press(key: int, frames: int = 2, dt: float = 1 / 60) -> None:
        for kind in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))
        app.run_frames(frames, dt)

    done = {"beats": 0, "choices": 0, "endings": 0}
    for _ in range(GUARD):
        top = app.top
        if isinstance(top, SceneScreen):
            if top.phase == "choices":
                index = next(c.index for c in top.view.choices if c.available)
                press(pygame.K_1 + index)
                done["choices"] += 1
            else:
                press(pygame.K_SPACE)
                done["beats"] += 1
        elif isinstance(top, ConsequenceScreen):
            app.run_frames(12, 0.075)  # the meter animation
            if top.outcome.discuss:
                press(pygame.K_t)
            press(pygame.K_SPACE)
        elif isinstance(top, EndingScreen):
            for key in (pygame.K_2, pygame.K_1):
                press(key)
            done["endings"] += 1
            break
        else:
            raise SystemExit(f"the play-through got stuck on {type(top).__name__}")
    else:
        raise SystemExit("the play-through did not reach an ending")
    done["frames"] = app.frames_drawn
    pygame.display.quit()
    try:  # Linux: the peak of this process's own memory, to set beside the parent's figure
        status = Path("/proc/self/status").read_text()
        done["VmHWM_MB"] = int(status.split("VmHWM:")[1].split()[0]) // 1024
    except (OSError, IndexError, ValueError):
        pass
    return done


def main(argv: list[str]) -> int:
    from .. import paths
    w, h = (int(v) for v in argv[0].split("x"))
    path = Path(argv[1]) if len(argv) > 1 else paths.SCENES_DIR / "adrian.yaml"
    done = play_through((w, h), path)
    print(" ".join(f"{k}={v}" for k, v in done.items()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
