"""Where the game finds what ships with it: scenarios and assets beside the `game` package.

Also which files in a folder are scenarios, and which file a name on the command line means: light
enough for start-up, which lists them before anything of the loader is imported.
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


def duplicate_ids(found: list[tuple[Path, str]]) -> dict[Path, Path]:
    """The scenario files that share their id with another file of the same folder, each with the
    file that keeps the id. An id names one story everywhere (records, the report, `bystander play
    ID`), so two files with one id would be mixed up: only one may have it. It is the file named
    after the id (`adrian.yaml` for `adrian`), which `bystander play adrian` finds, else the first
    by name. `bystander check` refuses the others and the title screen counts them as broken: one
    rule for both, so what check accepts is what the game plays."""
    by_folder: dict[tuple[Path, str], list[Path]] = {}
    for path, scenario_id in found:
        by_folder.setdefault((Path(path).absolute().parent, scenario_id), []).append(path)
    refused: dict[Path, Path] = {}
    for (_folder, scenario_id), files in by_folder.items():
        keeper, *others = sorted(files, key=lambda p: (p.stem != scenario_id, p.name))
        refused.update(dict.fromkeys(others, keeper))
    return refused


class ScenarioNotFound(Exception):
    """A scenario named (an id or a file) that is not there. The message says what is."""


def find_scenario(name: str) -> Path:
    """The file a scenario name means: a path to a file, or the id of one in `scenes/`."""
    path = Path(name)
    if path.suffix in SCENARIO_SUFFIXES or path.exists():
        if not path.exists():
            raise ScenarioNotFound(f"no such file: {name}")
        return path
    candidate = SCENES_DIR / f"{name}.yaml"
    if candidate.exists():
        return candidate
    known = sorted(p.stem for p in SCENES_DIR.glob("*.yaml"))
    raise ScenarioNotFound(f"no scenario '{name}'; the scenarios are: {', '.join(known) or 'none'}")
