"""The teacher's own stories folder (issue 17): read beside the shipped scenes/, named by
`--scenes DIR` (which wins) or $BYSTANDER_SCENES, else "stories" in the data folder; an id is one
story's across both; `bystander new NAME` writes a starting story there that passes
`check --strict`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game import paths
from game.cli import main
from game.newstory import NewStoryError, story_id, write_new_story

from testpaths import MINI, SHIPPED


@pytest.fixture
def own(tmp_path, monkeypatch):
    folder = tmp_path / "own"
    folder.mkdir()
    monkeypatch.setenv(paths.STORIES_ENV, str(folder))
    return folder


def test_the_default_folder_is_stories_in_the_data_folder_made_by_new(monkeypatch, capsys):
    monkeypatch.delenv(paths.STORIES_ENV, raising=False)
    folder = paths.own_stories_dir()
    assert folder == Path(os.environ["BYSTANDER_DATA_DIR"]) / "stories"
    assert paths.story_folders() == [paths.SCENES_DIR, folder]
    assert not folder.exists()
    assert main(["new", "kantine"]) == 0
    assert (folder / "kantine.yaml").is_file()


def test_the_variable_names_the_folder(own):
    assert paths.own_stories_dir() == own


def test_an_id_of_the_own_folder_is_found_after_the_shipped(own):
    shutil.copy(MINI, own / "mini.yaml")
    assert paths.find_scenario("mini") == own / "mini.yaml"
    shutil.copy(MINI, own / "adrian.yaml")
    assert paths.find_scenario("adrian") == paths.SCENES_DIR / "adrian.yaml"
    with pytest.raises(paths.ScenarioNotFound, match="mini"):
        paths.find_scenario("nothing_here")


def test_an_id_is_one_storys_across_folders_the_shipped_keeps_it(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    found = [(a / "adrian.yaml", "adrian"), (a / "x.yaml", "x"), (b / "adrian.yaml", "adrian"),
             (b / "copy.yaml", "x"), (b / "z.yaml", "z")]
    assert paths.duplicate_ids(found) == {b / "adrian.yaml": a / "adrian.yaml",
                                          b / "copy.yaml": a / "x.yaml"}
    # within a folder, as before: the file named after the id, else the first by name
    assert paths.duplicate_ids([(a / "b.yaml", "q"), (a / "q.yaml", "q")]) == {
        a / "b.yaml": a / "q.yaml"}


def test_new_writes_a_story_that_passes_check_strict_and_says_where(own, capsys):
    assert main(["new", "Mijn Kantine!"]) == 0
    out = capsys.readouterr().out
    path = own / "mijn_kantine.yaml"
    assert f"wrote {path}" in out and "bystander play mijn_kantine" in out
    assert main(["check", "--strict", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert 'title: {nl: "Mijn Kantine!", en: "Mijn Kantine!"}' in text
    assert paths.find_scenario("mijn_kantine") == path


def test_new_never_overwrites_and_refuses_a_taken_id(own, capsys):
    path = write_new_story("kantine", own)
    path.write_text("mine", encoding="utf-8")
    assert main(["new", "kantine"]) == 2
    assert path.read_text(encoding="utf-8") == "mine"
    assert main(["new", "Adrian"]) == 2  # a shipped story's id
    assert "already" in capsys.readouterr().err
    assert not (own / "adrian.yaml").exists()


@pytest.mark.parametrize("name", ["", "   ", "123", "!!!", "x" * 61, "tab\x1bname"])
def test_new_refuses_a_name_it_cannot_use(own, name):
    with pytest.raises(NewStoryError):
        write_new_story(name, own)
    assert list(own.iterdir()) == []


def test_story_ids_from_names():
    assert story_id("Mijn Verhaal!") == "mijn_verhaal"
    assert story_id("Één café") == "een_cafe"
    assert story_id("2B de klas") == "b_de_klas"


def test_scenes_option_wins_over_the_variable(own, tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    assert main(["new", "kantine", "--scenes", str(other)]) == 0
    assert (other / "kantine.yaml").is_file() and not (own / "kantine.yaml").exists()
    assert os.environ[paths.STORIES_ENV] == str(own)  # put back after the command
    assert main(["new", "kantine", "--scenes", str(tmp_path / "missing")]) == 2


def test_check_reads_both_folders_and_refuses_an_id_taken_across_them(own, capsys):
    shutil.copy(MINI, own / "mini.yaml")
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert f"{own / 'mini.yaml'}: ok" in out and f"{len(SHIPPED) + 1} files checked" in out
    (own / "adrian.yaml").write_bytes(SHIPPED[0].read_bytes())
    assert main(["check"]) == 1
    assert "is also the id of" in capsys.readouterr().out
