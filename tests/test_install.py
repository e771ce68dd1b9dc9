"""An installed game speaks Dutch: a wheel built from a copy of the checkout without any compiled
catalogue, installed into a fresh venv, reads its words from the .mo files the build compiled."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
import zipfile

from testpaths import ROOT

NOT_SOURCES = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "*.mo",
                                     "__pycache__", ".pytest_cache", ".hypothesis", "out",
                                     "shipped_cards.json")
"""What a checkout may hold that is not its source: the copy must compile its own catalogues."""

SPEAK_DUTCH = """
import game
from game.core import vocab
from game.core.translations import words
_ = words("nl")
print(game.__file__)
print(_("Narrator"), _.ngettext("{n} hand", "{n} hands", 2), vocab.label(vocab.STANCES["report"], "nl"))
"""


def test_a_wheel_installed_in_a_fresh_venv_speaks_dutch(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                            str(tmp_path / "dist"), str(source)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("bystander-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {"game/locale/nl/LC_MESSAGES/bystander.mo",
            "game/locale/en/LC_MESSAGES/bystander.mo"} <= set(names)
    assert not [n for n in names if n.endswith((".po", ".pot"))], "the game reads only .mo files"
    index = json.loads(zipfile.ZipFile(wheel).read("game/ui/shipped_cards.json"))
    assert sorted(f["name"] for f in index["files"]) == sorted(
        p.name for p in (ROOT / "scenes").glob("*.yaml")), "the build makes the stories' cards"

    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=True)
    python = fresh / "bin" / "python"
    installed = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps",
                                "--no-index", str(wheel)], capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    said = subprocess.run([str(python), "-I", "-c", SPEAK_DUTCH], cwd=tmp_path,
                          capture_output=True, text=True)
    assert said.returncode == 0, said.stderr
    where, words = said.stdout.splitlines()
    assert where.startswith(str(fresh)), where
    assert words == "Verteller 2 handen melden"
