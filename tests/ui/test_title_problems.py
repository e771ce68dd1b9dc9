"""The title's broken files: the first one's problem as `bystander check` tells it, its place, and
its line quoted with a mark under the column (issue 17), readable at 1280x720 and 1920x1080 in
both languages, and read without loading a file the cache already knows to be broken."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from game.ui import text as tx  # noqa: E402
from game.ui.catalogue import scan  # noqa: E402
from game.ui.screens.title import TitleScreen  # noqa: E402

from uihelp import MINI, SHIPPED, make_app  # noqa: E402

COMMA = ("{nl: Ik zeg niets., en: I say nothing.}",
         "{nl: Ik zeg niets, want het is niet mijn tafel., en: I say nothing.}")


@pytest.fixture
def scenes(tmp_path):
    """Two shipped stories and mini with the comma trap of issue 17, as `kantine.yaml`."""
    folder = tmp_path / "scenes"
    folder.mkdir()
    for path in SHIPPED[:2]:
        shutil.copy(path, folder / path.name)
    broken = MINI.read_text(encoding="utf-8").replace(*COMMA).replace("id: mini", "id: kantine")
    (folder / "kantine.yaml").write_text(broken, encoding="utf-8")
    return folder


def _title(catalogue, size, lang):
    app = make_app(catalogue.entries, size=size, lang=lang)
    app.catalogue = catalogue
    app.show_title()
    app.run_frames(2)
    assert isinstance(app.top, TitleScreen)
    return app.top


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_first_broken_files_line_is_quoted_with_a_caret(scenes, size, lang):
    catalogue = scan(scenes, use_cache=False)
    issue = catalogue.broken_files[0].first_problem()
    title = _title(catalogue, size, lang)
    problem = title.layout().problem
    assert problem is not None and title.overflows() == []
    where, message = (part.text for part in problem.parts)
    assert where.startswith("kantine.yaml, ") and str(issue.pos.line) in where
    assert ("regel" in where) == (lang == "nl")
    assert "comma" in message
    quote = problem.quote
    assert "Ik zeg niets, want" in quote.text and not quote.text.startswith(" ")
    assert 0 < quote.caret_x < tx.text_width(quote.text, quote.size)
    # the caret is under the middle of the character the problem is at
    after = issue.source[issue.pos.col - 1:issue.pos.col + 7]
    i = quote.text.index(after)
    assert quote.caret_x == (tx.text_width(quote.text[:i], quote.size)
                             + tx.text_width(quote.text[i], quote.size) // 2)
    # the panel stays right of the column and inside the window
    assert problem.rect.left >= title.layout().column.right
    assert problem.rect.right <= size[0] and problem.rect.bottom <= size[1]


def test_no_broken_file_no_panel(tmp_path):
    folder = tmp_path / "scenes"
    folder.mkdir()
    shutil.copy(MINI, folder / MINI.name)
    assert _title(scan(folder, use_cache=False), (1280, 720), "en").layout().problem is None


def test_a_problem_known_from_the_cache_is_read_when_the_title_shows_it(scenes, monkeypatch):
    scan(scenes)
    import game.core.loader as loader
    real = loader.load
    monkeypatch.setattr(loader, "load", lambda *a, **k: pytest.fail("loaded at start-up"))
    catalogue = scan(scenes)
    assert [b.path.name for b in catalogue.broken_files] == ["kantine.yaml"]
    monkeypatch.setattr(loader, "load", real)
    assert catalogue.broken_files[0].first_problem().pos.line > 0


def test_a_refused_duplicate_tells_why_without_a_line(scenes):
    (scenes / "a_copy.yaml").write_bytes((scenes / SHIPPED[0].name).read_bytes())
    catalogue = scan(scenes, use_cache=False)
    names = [b.path.name for b in catalogue.broken_files]
    assert sorted(names) == ["a_copy.yaml", "kantine.yaml"] and catalogue.broken == 2
    copy = catalogue.broken_files[names.index("a_copy.yaml")].first_problem()
    assert "also the id of" in copy.message and copy.pos.line == 0


def test_every_broken_file_of_the_corpus_is_told_within_the_window(tmp_path):
    """Each file of tests/reliability/broken as the one broken file: its problem fits the panel
    and the panel the window, at the smallest size the game is made for."""
    from game.ui.catalogue import BrokenFile, Catalogue
    from uihelp import ROOT
    app = make_app([], size=(1280, 720), lang="nl")
    for path in sorted((ROOT / "tests" / "reliability" / "broken").glob("*.yaml")):
        app.catalogue = Catalogue([], 1, [BrokenFile(path)])
        app.show_title()
        app.run_frames(1)
        problem = app.top.layout().problem
        assert app.top.overflows() == [], path.name
        assert problem is not None and problem.rect.bottom <= 720, path.name
