"""The architecture, guarded: the core never imports pygame; only machines.py imports transitions."""

from __future__ import annotations

import re
import subprocess
import sys

from testpaths import ROOT

CORE = ROOT / "game" / "core"


def test_importing_the_core_does_not_import_pygame():
    modules = sorted(p.stem for p in CORE.glob("*.py") if p.stem != "__init__")
    code = ("import sys\n" + "".join(f"import game.core.{m}\n" for m in modules)
            + "bad = [m for m in sys.modules if m.split('.')[0] in ('pygame', 'game')"
            " and (m.startswith('pygame') or m.startswith('game.ui'))]\n"
            "print(','.join(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "", result.stdout


def test_only_the_machines_module_imports_transitions():
    importers = [p.name for p in (ROOT / "game").rglob("*.py")
                 if re.search(r"^\s*(from|import) transitions", p.read_text(), re.M)]
    assert importers == ["machines.py"]


def test_the_core_never_prints_or_evals():
    for path in CORE.glob("*.py"):
        text = path.read_text()
        assert not re.search(r"(?<![\w.])(print|eval|exec)\(", text), path.name
