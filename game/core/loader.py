"""Load scenario files: read, build, check. The one entry point for everything that opens a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..files import TooLarge, read_limited
from ..paths import SCENARIO_SUFFIXES, scenario_files  # noqa: F401 - where they always were
from .build import build_scenario
from .checks import run_checks
from .gcpause import gc_paused
from .issues import Issue, Pos, ScenarioError, errors
from .model import Scenario
from .yamlsource import MAX_BYTES, read_tree, with_sources

@dataclass
class Loaded:
    """What loading one file gave: the scenario when it can be played, and every issue found."""

    path: Path
    scenario: Scenario | None
    issues: list[Issue] = field(default_factory=list)
    data: bytes = field(default=b"", repr=False, compare=False)
    """The file's bytes as read, so that issues found later (`check --strict`'s roads) can
    quote their lines too without reading the file again."""

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the file's bytes ("" if none were read); saves name the exact version
        they were played on. Worked out when first asked, and hashlib imported then: only
        playing needs it, and the import alone costs 11.7M instructions, a tenth of loading a story,
        which `check` and the cards of one's own stories paid for nothing."""
        if not self.data:
            return ""
        import hashlib
        return hashlib.sha256(self.data).hexdigest()

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not errors(self.issues)

    def with_sources(self, issues: list[Issue]) -> list[Issue]:
        """`issues` of this file, each with the text of its line (`Issue.source`)."""
        return with_sources(issues, self.data, str(self.path))


def load(path: Path | str, data: bytes | None = None) -> Loaded:
    """Read, build and check one scenario file. Never raises for anything in the file.

    A bug of ours met on the way is logged and reported as an issue with code `internal`, so a
    teacher's file can never take the game down; the tests fail on any such issue.
    """
    path = Path(path)
    try:
        with gc_paused():
            loaded = _load(path, data)
        loaded.issues = loaded.with_sources(loaded.issues)
        return loaded
    except RecursionError:
        return Loaded(path, None, [Issue(Pos(str(path), 1, 1), "the file is nested too deeply "
                                         "to read", code="depth")])
    except Exception as exc:  # noqa: BLE001 - the last guard between a file and a crash
        # Imported here, where a bug of ours is met: the first start ever loads every story,
        # and nothing else on its way to the title imports logging (1% of its instructions).
        import logging
        logging.getLogger(__name__).exception("internal error while loading %s", path)
        return Loaded(path, None, [Issue(Pos(str(path), 1, 1), f"internal error while reading "
                                         f"this file ({type(exc).__name__}: {exc}); please "
                                         "report it", code="internal")])


def _load(path: Path, data: bytes | None) -> Loaded:
    if data is None:
        try:
            data = read_limited(path, MAX_BYTES)
        except TooLarge:
            return Loaded(path, None, [Issue(Pos(str(path), 1, 1), "the file is larger than "
                                             f"{MAX_BYTES // (1024 * 1024)} MB, the most a "
                                             "scenario file may be", code="size")])
        except OSError as exc:
            return Loaded(path, None, [Issue(Pos(str(path), 1, 1),
                                             f"cannot read the file: {exc.strerror or exc}",
                                             code="io")])
    root, issues = read_tree(path, data)
    if root is None:
        return Loaded(path, None, issues, data)
    scenario, built = build_scenario(root)
    if scenario is None:
        return Loaded(path, None, built, data)
    issues = sorted(built + run_checks(scenario), key=lambda i: (i.pos.line, i.pos.col, i.code))
    return Loaded(path, scenario if not errors(issues) else None, issues, data)


def load_or_raise(path: Path | str) -> tuple[Scenario, str]:
    """The scenario and its content hash, or ScenarioError with every issue."""
    loaded = load(path)
    if not loaded.ok:
        raise ScenarioError(loaded.issues)
    assert loaded.scenario is not None
    return loaded.scenario, loaded.content_hash


