"""Where the game finds what ships with it: scenarios and assets beside the `game` package."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENES_DIR = ROOT / "scenes"
ASSETS_DIR = ROOT / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
DEFAULT_SCENARIO = "adrian"
