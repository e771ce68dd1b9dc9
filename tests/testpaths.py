"""Where the tests find the scenarios: shared by every test folder (import it as `testpaths`)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
MINI = DATA / "mini.yaml"
SHIPPED = sorted((ROOT / "scenes").glob("*.yaml"))
ALL_SCENARIOS = SHIPPED + [MINI]
