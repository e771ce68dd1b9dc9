"""Where the game finds what ships with it: scenarios and assets beside the `game` package.

Also which files in a folder are scenarios, and which file a name on the command line means: light
enough for start-up, which lists them before anything of the loader is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENES_DIR = ROOT / "scenes"
ASSETS_DIR = ROOT / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
DEFAULT_SCENARIO = "adrian"
SCENARIO_SUFFIXES = (".yaml", ".yml")
STORIES_ENV = "BYSTANDER_SCENES"
"""Names the folder of the teacher's own stories; `--scenes DIR` sets it for one command."""
OWN_STORIES = "stories"
CACHE_ENV = "BYSTANDER_CACHE_DIR"
CACHE_TAG = "CACHEDIR.TAG"
CACHE_TAG_TEXT = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
                  b"# The cache of the game Bystander: it can always be deleted.\n"
                  b"# The signature above tags cache folders (https://bford.info/cachedir/).\n")
"""The file that says a cache folder is the game's own (see `ui.diskcache`). Its name and first
line are the common tag of cache folders, so backup tools skip it too; its exact bytes are the
game's."""


def data_dir() -> Path:
    """Where the game keeps what it writes for good: $BYSTANDER_DATA_DIR, or the platform's data
    folder for "bystander" (platformdirs: ~/.local/share/bystander on Linux,
    ~/Library/Application Support/bystander on macOS, %LOCALAPPDATA%\\bystander on Windows)."""
    override = os.environ.get("BYSTANDER_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_data_dir("bystander", appauthor=False))


def config_dir() -> Path:
    """The folder settings live in: $BYSTANDER_CONFIG_DIR, or the platform's config folder."""
    override = os.environ.get("BYSTANDER_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_config_dir("bystander", appauthor=False))


def cache_dir() -> Path:
    """$BYSTANDER_CACHE_DIR, or the platform's cache folder for "bystander" (see
    `ui.diskcache`)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_cache_dir("bystander", appauthor=False))


def own_stories_dir() -> Path:
    """The folder of the teacher's own stories, read beside the shipped `scenes/`: the one
    $BYSTANDER_SCENES names (which `--scenes DIR` sets, so the option wins), else the folder
    "stories" in the data folder. An installed game's `scenes/` is no place to write into.
    `bystander new` makes it on first use; until then there is nothing to read."""
    named = os.environ.get(STORIES_ENV)
    return Path(named) if named else data_dir() / OWN_STORIES


def story_folders() -> list[Path]:
    """Where stories are read from: the shipped ones first, then the teacher's own."""
    return [SCENES_DIR, own_stories_dir()]


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


def duplicate_ids(found: list[tuple[Path, str]]) -> dict[Path, Path]:
    """The scenario files that share their id with another file, each with the file that keeps
    the id. An id names one story everywhere (records, the report, `bystander play ID`), so two
    files with one id would be mixed up: only one may have it, in one folder or across the
    shipped stories and the teacher's own. It is the first file named after the id
    (`adrian.yaml` for `adrian`), which `bystander play adrian` finds, else the first; first in
    the order given, which is the shipped folder before the teacher's and each folder by name.
    `bystander check` refuses the others and the title screen counts them as broken: one rule
    for both, so what check accepts is what the game plays."""
    by_id: dict[str, list[tuple[int, Path]]] = {}
    for order, (path, scenario_id) in enumerate(found):
        by_id.setdefault(scenario_id, []).append((order, Path(path)))
    refused: dict[Path, Path] = {}
    for scenario_id, files in by_id.items():
        (_order, keeper), *others = sorted(files, key=lambda f: (f[1].stem != scenario_id, f[0]))
        refused.update(dict.fromkeys((path for _order, path in others), keeper))
    return refused


class ScenarioNotFound(Exception):
    """A scenario named (an id or a file) that is not there. The message says what is."""


def find_scenario(name: str) -> Path:
    """The file a scenario name means: a path to a file, or the id of one in `scenes/` or the
    teacher's own stories folder (the shipped one first, as `duplicate_ids` keeps it)."""
    path = Path(name)
    if path.suffix in SCENARIO_SUFFIXES or path.exists():
        if not path.exists():
            raise ScenarioNotFound(f"no such file: {name}")
        return path
    for folder in story_folders():
        candidate = folder / f"{name}.yaml"
        if candidate.is_file():
            return candidate
    known = sorted({p.stem for folder in story_folders() if folder.is_dir()
                    for p in folder.glob("*.yaml")})
    raise ScenarioNotFound(f"no scenario '{name}'; the scenarios are: {', '.join(known) or 'none'}")
