"""The architecture, guarded: the core never imports pygame, writes no file, runs no program and
prints nothing; only machines.py imports transitions. The layers of the whole game are import-linter
contracts (see test_layers below)."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys

import pytest

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


UNTOUCHABLE_MODULES = {"os", "sys", "io", "shutil", "subprocess", "tempfile", "socket"}
"""What a module needs to write files, run programs or print: the core needs none of them."""
UNTOUCHABLE_CALLS = {"open", "print", "input", "eval", "exec"}
WRITING_METHODS = {"write", "write_text", "write_bytes", "mkdir", "unlink", "rmdir", "touch",
                   "rename", "symlink_to", "chmod", "open"}


def side_effects(source: str) -> list[str]:
    """What in `source` writes a file, runs a program or prints: imports of the modules that do
    it, calls of the built-ins that do it, calls of the methods a path or a file writes with."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names
                      if a.name.split(".")[0] in UNTOUCHABLE_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            if (node.module or "").split(".")[0] in UNTOUCHABLE_MODULES:
                found.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in UNTOUCHABLE_CALLS:
                found.append(f"{func.id}()")
            elif isinstance(func, ast.Attribute) and func.attr in WRITING_METHODS:
                found.append(f".{func.attr}()")
    return found


def test_the_core_writes_no_file_runs_no_program_and_prints_nothing():
    """The core returns data; the CLI and the UI write it, draw it or run programs with it."""
    found = {p.name: side_effects(p.read_text()) for p in sorted(CORE.glob("*.py"))}
    assert {name: what for name, what in found.items() if what} == {}


def test_the_side_effect_check_sees_what_it_looks_for():
    assert side_effects("import subprocess\nsubprocess.run(['dot'])") == ["import subprocess"]
    assert side_effects("from os import path") == ["from os import ..."]
    assert side_effects("def f(p):\n    import shutil\n") == ["import shutil"]
    assert side_effects("print('x')") == ["print()"]
    assert side_effects("open('x', 'w')") == ["open()"]
    assert side_effects("path.write_text('x')") == [".write_text()"]
    assert side_effects("text.replace('a', 'b'); run.choose('x')") == []


PAST_THE_VIEWS = re.compile(r"\.state\b|\brun\.scenario\b|\.models\.|\.machines\b")
"""A run's state, its scenario and its machines: what the UI must not read (see core/engine.py's
views and Run's reading methods)."""


def test_the_ui_reads_a_run_only_through_its_views():
    """Screens show views; a screen that reads the run's state or the scenario's insides breaks
    when either changes shape, and two screens work out the same thing twice."""
    found = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}"
             for p in sorted((ROOT / "game" / "ui").rglob("*.py"))
             for n, line in enumerate(p.read_text().splitlines(), start=1)
             if PAST_THE_VIEWS.search(line)]
    assert found == []


# --- the layers, as import-linter contracts (in pyproject.toml) ------------------------------------

def lint_imports(root) -> subprocess.CompletedProcess:
    """import-linter's check of the contracts in `root`/pyproject.toml against the `game` package
    found first from `root`: imports inside functions count too. No cache is written."""
    code = ("import sys\nfrom importlinter.cli import lint_imports\n"
            "sys.exit(lint_imports(config_filenames=('pyproject.toml',), no_cache=True, "
            "no_logo=True))\n")
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=root, env=env, timeout=120)


def test_the_layers_hold():
    """cli and bench above ui, ui above classroom and event, all above core; no pygame below the
    UI; every module of `game` in its layer; in the UI the apps above the tables of screens
    above the screens, no screen importing another, and no import cycle anywhere (see
    [tool.importlinter] in pyproject.toml)."""
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


FORBIDDEN = [
    ("core/model.py", "import pygame\n", "only the UI"),
    ("core/engine.py", "from ..classroom import records\n", "above core"),
    ("classroom/session.py", "from ..ui import text\n", "above core"),
    ("ui/app.py", "from ..cli import say\n", "above core"),
    ("ui/screens/ending.py", "from .scene import SceneScreen\n", "no screen imports another"),
    ("ui/screens/scene.py", "from ..app import App\n", "in the UI: the apps above"),
    ("ui/theme.py", "from . import widgets\n", "no import cycle"),
]


@pytest.mark.parametrize("where, line, contract", FORBIDDEN)
def test_a_forbidden_import_breaks_a_contract(tmp_path, where, line, contract):
    """The contracts can fail: the same check of a copy of the game with one import that goes
    the wrong way, inside a function, where only a look at every import finds it."""
    shutil.copytree(ROOT / "game", tmp_path / "game",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / "game" / where
    target.write_text(target.read_text() + "\n\ndef _wrong_way():\n    " + line)
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    broken = [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]
    assert any(contract in name for name in broken), result.stdout
