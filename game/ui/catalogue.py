"""The scenarios on offer: every file in `scenes/` that loads, and how many did not."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ..core.loader import load, scenario_files
from ..core.model import Scenario
from ..paths import DEFAULT_SCENARIO, SCENES_DIR

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Entry:
    """A playable scenario and the file it came from."""

    path: Path
    scenario: Scenario
    content_hash: str


@dataclass
class Catalogue:
    entries: list[Entry]
    broken: int
    """Files that could not be loaded; the title screen says how many and how to find out why."""

    def default_index(self) -> int:
        """The default scenario (`adrian`), else the first."""
        for i, e in enumerate(self.entries):
            if e.scenario.id == DEFAULT_SCENARIO or e.path.stem == DEFAULT_SCENARIO:
                return i
        return 0

    def index_of(self, path: Path) -> int | None:
        for i, e in enumerate(self.entries):
            if e.path.resolve() == Path(path).resolve():
                return i
        return None


def entry_for(path: Path) -> tuple[Entry | None, list]:
    """One file as an entry, or None with its issues."""
    loaded = load(path)
    if not loaded.ok or loaded.scenario is None:
        return None, loaded.issues
    return Entry(Path(path), loaded.scenario, loaded.content_hash), loaded.issues


def scan(folder: Path = SCENES_DIR, extra: list[Path] | None = None) -> Catalogue:
    files = scenario_files([folder]) if folder.is_dir() else []
    entries: list[Entry] = []
    broken = 0
    for path in files + [p for p in (extra or []) if p not in files]:
        entry, issues = entry_for(path)
        if entry is None:
            broken += 1
            log.warning("%s cannot be played: %d issues (run bystander check)", path, len(issues))
        else:
            entries.append(entry)
    return Catalogue(entries, broken)
