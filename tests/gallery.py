"""Every screen of every shipped story, rendered to PNGs, and two such galleries compared.

A restructuring that should not change a pixel (issue "The house in order") is checked with it:

    .venv/bin/python tests/gallery.py render /tmp/before      # on the commit before
    .venv/bin/python tests/gallery.py render /tmp/after       # on the commit after
    .venv/bin/python tests/gallery.py compare /tmp/before /tmp/after

`render DIR STORY` renders one story's pictures; `--size 3840x2160` renders them at that size
instead (a 4K gallery of every story takes a long while and a few GB).

Per story it follows one road (the first available choice at each decision), and renders the
title, settings, pause, every decision, the first consequence and the ending in pupil mode, and
class mode's vote, results, discussion, timeline, compare and debrief, plus event mode's attract
loop; in Dutch and English, at 1280x720 and 1920x1080. Not part of `make test` (it takes minutes).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZES = ((1280, 720), (1920, 1080))
LANGS = ("nl", "en")


def first_road(path: Path) -> list[str]:
    """The choices of the road that always takes the first available choice."""
    from game.core.engine import start
    from game.ui.catalogue import entry_for
    entry, _ = entry_for(path)
    run = start(entry.scenario, "en")
    moves = []
    while True:
        view = run.view()
        if view.ending is not None:
            return moves
        if view.can_advance:
            run.advance()
            continue
        pick = next(c.id for c in view.choices if c.available)
        moves.append(pick)
        run.choose(pick)


def cases(path: Path):
    """(name, screen, moves) for one story."""
    road = first_road(path)
    yield "title", "title", []
    yield "settings", "settings", []
    yield "pause", "pause", []
    for k in range(len(road)):
        yield f"choice{k}", "choice", road[:k]
    yield "consequence", "consequence", road[:1]
    yield "ending", "ending", road
    yield "vote", "vote", []
    yield "results", "results", []
    yield "discussion", "discussion", road[:1]
    yield "timeline", "timeline", road[:2]
    yield "compare", "compare", road[:2]
    yield "debrief", "debrief", road
    yield "attract", "attract", []


def render_all(out: Path, only: str | None = None, sizes=SIZES) -> int:
    import pygame

    from game.ui.screenshot import render
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted((ROOT / "scenes").glob("*.yaml")):
        if only and path.stem != only:
            continue
        for name, screen, moves in cases(path):
            for lang in LANGS:
                for size in sizes:
                    shot = render(path, screen, moves, size, lang)
                    target = out / f"{path.stem}_{name}_{lang}_{size[0]}x{size[1]}.png"
                    pygame.image.save(shot.surface, str(target))
                    count += 1
    print(f"{count} pictures in {out}")
    return 0


def compare(before: Path, after: Path) -> int:
    import pygame
    names = sorted({p.name for p in before.glob("*.png")} | {p.name for p in after.glob("*.png")})
    differ = []
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            differ.append((name, "missing in " + ("before" if not a.exists() else "after")))
            continue
        pa, pb = pygame.image.load(str(a)), pygame.image.load(str(b))
        if pa.get_size() != pb.get_size():
            differ.append((name, "size"))
        elif pygame.image.tobytes(pa, "RGB") != pygame.image.tobytes(pb, "RGB"):
            diff = sum(1 for x, y in zip(pygame.image.tobytes(pa, "RGB"),
                                         pygame.image.tobytes(pb, "RGB")) if x != y)
            differ.append((name, f"{diff} channel values differ"))
    for name, why in differ:
        print(f"DIFFERENT {name}: {why}")
    print(f"{len(names)} pictures, {len(names) - len(differ)} identical, {len(differ)} different")
    return 1 if differ else 0


def main(argv: list[str]) -> int:
    sizes = SIZES
    if "--size" in argv:  # e.g. --size 3840x2160: the pictures at that size alone
        at = argv.index("--size")
        sizes = (tuple(int(v) for v in argv[at + 1].split("x")),)
        argv = argv[:at] + argv[at + 2:]
    if len(argv) >= 2 and argv[0] == "render":
        return render_all(Path(argv[1]), argv[2] if len(argv) > 2 else None, sizes)
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
