"""Where the game finds what ships with it: scenarios and assets beside the `game` package.

Also which files in a folder are scenarios: light enough for start-up, which lists them before
anything of the loader is imported.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENES_DIR = ROOT / "scenes"
ASSETS_DIR = ROOT / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
DEFAULT_SCENARIO = "adrian"
SCENARIO_SUFFIXES = (".yaml", ".yml")


def scenario_files(paths: list[Path]) -> list[Path]:
    """The scenario files named, looking inside folders (not recursively, in name order)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir()
                            if p.suffix in SCENARIO_SUFFIXES and p.is_file())
        else:
            found.append(path)
    return found
