"""Where the tests find the scenarios and the translation catalogues: shared by every test folder
(import it as `testpaths`)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
MINI = DATA / "mini.yaml"
SHIPPED = sorted((ROOT / "scenes").glob("*.yaml"))
ALL_SCENARIOS = SHIPPED + [MINI]
LOCALE = ROOT / "game" / "locale"
POT = LOCALE / "bystander.pot"
"""The template of the catalogues, extracted from the code and templates."""


def po_file(lang: str) -> Path:
    """The catalogue a translator edits for `lang`."""
    return LOCALE / lang / "LC_MESSAGES" / "bystander.po"
