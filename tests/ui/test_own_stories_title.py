"""The title lists the teacher's own stories beside the shipped ones, marked in words, from the
card cache like the rest; an id one folder has already is refused (issue 17)."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from game.ui.catalogue import scan  # noqa: E402

from uihelp import MINI, SHIPPED, make_app  # noqa: E402


@pytest.fixture
def folders(tmp_path):
    shipped, own = tmp_path / "scenes", tmp_path / "own"
    shipped.mkdir()
    own.mkdir()
    for path in SHIPPED[:2]:
        shutil.copy(path, shipped / path.name)
    shutil.copy(MINI, own / MINI.name)
    return shipped, own


@pytest.mark.parametrize("use_cache", [False, True, True])
def test_own_stories_come_after_the_shipped_marked_as_own(folders, use_cache):
    shipped, own = folders
    catalogue = scan(shipped, own=own, use_cache=use_cache)
    assert [(e.path.name, e.own) for e in catalogue.entries] == [
        (SHIPPED[0].name, False), (SHIPPED[1].name, False), (MINI.name, True)]
    assert catalogue.broken == 0


def test_a_file_name_in_both_folders_is_two_cards_in_the_cache(folders):
    shipped, own = folders
    shutil.copy(MINI, shipped / "x.yaml")
    (own / "x.yaml").write_text(SHIPPED[2].read_text(encoding="utf-8"), encoding="utf-8")
    first = scan(shipped, own=own)
    again = scan(shipped, own=own)
    cards = lambda cat: {(e.path.parent.name, e.path.name): e.card.id for e in cat.entries}  # noqa: E731
    assert cards(again) == cards(first)
    assert not any(e.loaded for e in again.entries)


def test_an_own_file_with_a_shipped_id_is_refused(folders):
    shipped, own = folders
    shutil.copy(SHIPPED[0], own / SHIPPED[0].name)
    catalogue = scan(shipped, own=own, use_cache=False)
    kept = [e for e in catalogue.entries if e.card.id == SHIPPED[0].stem]
    assert [e.path.parent for e in kept] == [shipped]
    assert catalogue.broken == 1
    problem = catalogue.broken_files[0].first_problem()
    assert "also the id of" in problem.message


@pytest.mark.parametrize("lang, words", [("nl", "eigen verhaal"), ("en", "your own story")])
def test_the_card_of_an_own_story_says_so(folders, lang, words):
    shipped, own = folders
    catalogue = scan(shipped, own=own, use_cache=False)
    app = make_app(catalogue.entries, size=(1280, 720), lang=lang)
    app.show_title()
    app.run_frames(1)
    metas = [app.top._card_texts(e)[1] for e in catalogue.entries]
    assert [words in m for m in metas] == [False, False, True]
    assert app.top.overflows() == []
