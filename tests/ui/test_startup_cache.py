"""The start-up caches: the title's cards of the scenarios (catalogue.py) and its pictures
(pictures.py). A cache may make the title appear sooner, never show something else: every test
here compares against loading and drawing from scratch.
"""

from __future__ import annotations

import json
import os
import shutil
import tomllib
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import catalogue, diskcache, pictures, stage  # noqa: E402
from game.ui.catalogue import Card, scan  # noqa: E402

from uihelp import MINI, ROOT, SHIPPED, make_app  # noqa: E402

BROKEN = ROOT / "tests" / "reliability" / "broken"


@pytest.fixture
def scenes(tmp_path):
    """A scenes folder of its own: two shipped stories, mini, and one broken file."""
    folder = tmp_path / "scenes"
    folder.mkdir()
    for path in [*SHIPPED[:2], MINI]:
        shutil.copy(path, folder / path.name)
    (folder / "zz_broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    return folder


def cache_file() -> Path:
    return diskcache.cache_dir() / catalogue.CACHE_NAME


def cards(cat) -> dict[str, Card]:
    return {e.path.name: e.card for e in cat.entries}


def fresh(folder) -> catalogue.Catalogue:
    return scan(folder, use_cache=False)


def touch(path: Path, text: str) -> None:
    """Write `text` and make sure the modification time moves, even on a coarse clock."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


# --- the cards ----------------------------------------------------------------------------------

def test_a_second_start_reads_no_scenario_file_and_shows_the_same(scenes, monkeypatch):
    first = scan(scenes)
    assert cache_file().is_file()
    assert all(e.loaded for e in first.entries)
    assert cards(first) == cards(fresh(scenes))
    import game.core.loader as loader
    real = loader.load
    monkeypatch.setattr(loader, "load", lambda *a, **k: pytest.fail("loaded in full"))
    second = scan(scenes)
    assert cards(second) == cards(first)
    assert second.broken == first.broken == 1
    assert not any(e.loaded for e in second.entries)
    monkeypatch.setattr(loader, "load", real)
    entry = second.entries[0]  # played: loaded in full then, the same as a fresh load
    assert entry.scenario.id == entry.card.id and entry.content_hash and entry.loaded


def test_an_edited_file_is_read_again(scenes):
    scan(scenes)
    path = scenes / MINI.name
    touch(path, path.read_text(encoding="utf-8").replace("The hallway", "The long hallway"))
    again = scan(scenes)
    assert cards(again)[MINI.name].title["en"] == "The long hallway"
    assert cards(again) == cards(fresh(scenes))
    assert again.entries[[e.path.name for e in again.entries].index(MINI.name)].loaded


def test_a_file_edited_into_a_broken_one_is_counted_as_broken(scenes):
    scan(scenes)
    touch(scenes / MINI.name, "id: mini\ntitle: [\n")
    again = scan(scenes)
    assert MINI.name not in cards(again) and again.broken == 2


def test_removed_and_new_files(scenes):
    scan(scenes)
    (scenes / SHIPPED[0].name).unlink()
    shutil.copy(SHIPPED[2], scenes / SHIPPED[2].name)
    again = scan(scenes)
    assert set(cards(again)) == {SHIPPED[1].name, SHIPPED[2].name, MINI.name}
    assert cards(again) == cards(fresh(scenes))
    held = {r["name"] for r in json.loads(cache_file().read_text())["files"]}
    assert held == {SHIPPED[1].name, SHIPPED[2].name, MINI.name, "zz_broken.yaml"}


@pytest.mark.parametrize("damage", [
    b"", b"\x00\xff garbage", b'{"format": "bystander-catalogue"', b"[]", b'"text"',
    b'{"format": "bystander-catalogue", "code": "x", "files": 7}',
    b"[" * 100_000,
])
def test_a_damaged_cache_is_made_again(scenes, damage):
    scan(scenes)
    cache_file().write_bytes(damage)
    again = scan(scenes)
    assert cards(again) == cards(fresh(scenes)) and again.broken == 1
    assert json.loads(cache_file().read_text())["format"] == catalogue.FORMAT


def test_a_damaged_record_is_read_again(scenes):
    scan(scenes)
    data = json.loads(cache_file().read_text())
    for record in data["files"]:
        if "card" in record:
            record["card"]["minutes"] = "thirty"
            record["card"]["cast"] = [{"skin": "light"}]
    cache_file().write_text(json.dumps(data))
    again = scan(scenes)
    assert cards(again) == cards(fresh(scenes))


def test_a_card_from_before_a_look_field_was_added_is_made_again(scenes):
    """A card whose looks lack a field (headscarf, braces, wheelchair came later) is not read
    with defaults: the file is loaded again."""
    scan(scenes)
    data = json.loads(cache_file().read_text())
    for record in data["files"]:
        if "card" in record:
            for look in record["card"]["cast"]:
                del look["wheelchair"]
    cache_file().write_text(json.dumps(data))
    again = scan(scenes)
    assert cards(again) == cards(fresh(scenes))
    assert all(e.loaded for e in again.entries)


def test_a_card_keeps_every_look_field(scenes):
    path = scenes / "looks.yaml"
    text = MINI.read_text(encoding="utf-8").replace("id: mini", "id: looks", 1).replace(
        "top: green}", "top: green, headscarf: purple, braces: true, wheelchair: true}", 1)
    path.write_text(text, encoding="utf-8")
    scan(scenes)
    card = next(c for c in cards(fresh(scenes)).values() if c.id == "looks")
    assert (card.cast[0].headscarf, card.cast[0].braces, card.cast[0].wheelchair) == (
        "purple", True, True)
    assert card.cast[1].headscarf is None and not card.cast[1].wheelchair


def test_a_card_that_lies_about_its_file_is_only_as_good_as_the_file_when_played(scenes):
    """A record with the file's size and time but other texts (made by hand): the title shows
    it, and playing loads the real file."""
    scan(scenes)
    data = json.loads(cache_file().read_text())
    for record in data["files"]:
        if record.get("card", {}).get("id") == "mini":
            record["card"]["title"] = {"en": "Not mini"}
    cache_file().write_text(json.dumps(data))
    entry = next(e for e in scan(scenes).entries if e.card.id == "mini")
    assert entry.card.title == {"en": "Not mini"}
    assert entry.load() and entry.card.title["en"] == "The hallway"


def test_another_version_of_the_game_reads_every_file_again(scenes, monkeypatch):
    scan(scenes)
    import game
    monkeypatch.setattr(game, "__version__", "99.0")
    again = scan(scenes)
    assert all(e.loaded for e in again.entries)
    assert json.loads(cache_file().read_text())["code"] == diskcache.code_stamp(
        Path(catalogue.__file__).parents[1] / "core", Path(catalogue.__file__).parent)


def test_a_second_file_with_the_same_id_is_counted_as_broken(scenes):
    """As `bystander check` refuses it: the title never offers two stories under one id, from the
    cache or not; the file named after the id is the one played."""
    (scenes / "a_copy.yaml").write_bytes(MINI.read_bytes())
    for cat in (fresh(scenes), scan(scenes), scan(scenes)):
        assert [e.path.name for e in cat.entries if e.card.id == "mini"] == ["mini.yaml"]
        assert cat.broken == 2  # zz_broken.yaml and a_copy.yaml


def test_a_known_broken_file_is_not_read_again(scenes, monkeypatch):
    scan(scenes)
    import game.core.loader as loader
    monkeypatch.setattr(loader, "load", lambda *a, **k: pytest.fail("loaded in full"))
    assert scan(scenes).broken == 1


def test_an_unwritable_cache_folder_costs_only_time(scenes, monkeypatch, tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BYSTANDER_CACHE_DIR", str(blocker / "cache"))
    assert cards(scan(scenes)) == cards(fresh(scenes))


def test_the_cache_is_written_only_when_something_changed(scenes):
    scan(scenes)
    before = cache_file().stat().st_mtime_ns
    os.utime(cache_file(), ns=(before - 10**9, before - 10**9))
    scan(scenes)
    assert cache_file().stat().st_mtime_ns == before - 10**9


def test_the_cache_holds_the_cards_and_nothing_else(scenes):
    scan(scenes)
    data = json.loads(cache_file().read_text())
    assert set(data) == {"format", "code", "files"}
    for record in data["files"]:
        assert set(record) in ({"name", "size", "mtime_ns", "inode", "card"},
                               {"name", "size", "mtime_ns", "inode", "problems"})


def test_card_text_falls_back_as_the_model_does():
    from game.core.model import Text
    for texts in ({"nl": "a", "en": "b"}, {"nl": "a"}, {"de": "c"}, {"en": "", "nl": "d"}):
        for lang in ("nl", "en", "fr"):
            assert catalogue.text(texts, lang) == Text(texts).get_text(lang)


def test_the_version_is_the_one_in_pyproject():
    import game
    with open(ROOT / "pyproject.toml", "rb") as f:
        assert game.__version__ == tomllib.load(f)["project"]["version"]


# --- a file that breaks after the title listed it -----------------------------------------------

def test_a_story_that_no_longer_loads_when_played_goes_to_the_broken_count(scenes):
    from game.ui.screens.title import TitleScreen
    scan(scenes)
    cat = scan(scenes)
    app = make_app()
    app.catalogue = cat
    app.show_title(next(i for i, e in enumerate(cat.entries) if e.card.id == "mini"))
    app.run_frames(1)
    touch(scenes / MINI.name, "id: mini\ntitle: [\n")
    app.top.play_selected()
    app.run_frames(2)
    assert isinstance(app.top, TitleScreen) and app.run is None
    assert cat.broken == 2 and "mini" not in [e.card.id for e in cat.entries]
    app.top.play_selected_in_class()  # another story still plays: its class form comes up
    app.run_frames(2)
    from game.ui.screens.class_start import ClassStartScreen
    assert isinstance(app.top, ClassStartScreen) and app.top.entry.card.id != "mini"


def test_the_event_screen_loads_its_stories_before_it_opens(scenes):
    from game.ui.kiosk import offered_entries
    scan(scenes)
    offered = offered_entries(scan(scenes))
    assert offered and all(e.loaded and e.scenario.event for e in offered)


# --- the pictures -------------------------------------------------------------------------------

def _same(a: pygame.Surface, b: pygame.Surface) -> bool:
    return (a.get_size() == b.get_size()
            and pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA"))


def test_pictures_from_disk_are_exactly_the_drawn_ones(mini_entry):
    app = make_app([mini_entry])
    pictures.forget()
    card = mini_entry.card
    shown = pygame.Rect(760, 0, 520, 720)
    drawn = [stage.place(card.place, "warm", (1280, 720), keep=shown)]
    drawn += [stage.character(look, "neutral", 446, facing=f, keep=True)
              for look, f in zip(card.cast, (1, -1, 1))]
    pictures.write_pending()
    assert len(list(pictures.folder().iterdir())) == len(drawn)
    pictures.forget()
    read = [stage.place(card.place, "warm", (1280, 720), keep=shown)]
    read += [stage.character(look, "neutral", 446, facing=f, keep=True)
             for look, f in zip(card.cast, (1, -1, 1))]
    assert not pictures._pending, "read from disk, nothing drawn"
    assert all(_same(a, b) for a, b in zip(drawn, read))
    assert _same(read[0], stage.place(card.place, "warm", (1280, 720)).subsurface(shown))
    del app


def test_the_title_looks_the_same_from_the_cache(mini_entry):
    app = make_app([mini_entry])
    pictures.forget()
    app.show_title()
    app.run_frames(1)  # draws, then writes the pictures
    first = app.surface.copy()
    pictures.forget()
    app.show_title()
    app.draw()
    assert _same(first, app.surface)


def test_a_damaged_picture_is_drawn_again(mini_entry):
    make_app([mini_entry])
    pictures.forget()
    drawn = stage.place("hallway", "warm", (320, 240), keep=pygame.Rect(0, 0, 320, 240))
    pictures.write_pending()
    (name,) = [p for p in pictures.folder().iterdir() if p.name.startswith("place-hallway")]
    for damage in (b"", b"BYPX\x01", name.read_bytes()[:-7], b"BYPX" + b"\xff" * 40):
        name.write_bytes(damage)
        pictures.forget()
        assert _same(drawn, stage.place("hallway", "warm", (320, 240),
                                        keep=pygame.Rect(0, 0, 320, 240)))


def test_pictures_of_other_code_are_deleted_and_the_folder_stays_small(mini_entry, monkeypatch):
    make_app([mini_entry])
    pictures.forget()
    old = pictures.folder().parent / "0123456789abcdef"
    old.mkdir(parents=True)
    (old / "place-hallway-warm-320x240").write_bytes(pictures.MAGIC + b"old")
    monkeypatch.setattr(pictures, "MAX_FILES", 3)
    for w in range(329, 319, -1):
        stage.place("hallway", "warm", (w, 240), keep=pygame.Rect(0, 0, w, 240))
        pictures.write_pending()
    assert not old.exists()
    kept = sorted(p.name.split("-")[3] for p in pictures.folder().iterdir())
    assert kept == ["320x240", "321x240", "322x240"], "the last ones written stay"


def test_the_title_asks_no_art_for_the_posture_it_knows():
    from game.ui.art import POSTURE_FOR_EXPRESSION
    assert stage.posture_for("neutral") == POSTURE_FOR_EXPRESSION["neutral"]


def test_the_first_frame_does_not_wait_for_the_frame_clock(mini_entry):
    """A capped Clock.tick waits out the rest of a 60 Hz frame since the clock was made: up to
    16 ms before the first frame. Later frames keep their cap (idle CPU stays low)."""
    app = make_app([mini_entry])
    app.show_title()
    caps = []

    class Clock:
        def tick(self, cap=0):
            caps.append(cap)
            return 16
    app.clock = Clock()
    app.step()
    app.step()
    assert caps[0] == 0 and caps[1] > 0


def test_the_title_measures_only_the_cards_it_needs(monkeypatch):
    """Five stories at 720p: two cards show; the title measures the third to know it is crowded,
    and no more."""
    from game.ui.screens.title import TitleScreen
    from uihelp import entry_of
    app = make_app([entry_of(p) for p in SHIPPED])
    app.show_title()
    measured = []
    real = TitleScreen._card_height
    monkeypatch.setattr(TitleScreen, "_card_height",
                        lambda self, e, w: measured.append(e.card.id) or real(self, e, w))
    app.draw()
    assert len(app.top.cards) < len(measured) < len(SHIPPED)


SLOW_BEFORE_THE_FIRST_FRAME = ("game.ui.art", "game.core.engine", "game.core.loader",
                               "game.core.yamlsource", "yaml", "transitions", "argparse")
"""What the title's first frame must not wait for once its cards and pictures are cached: the art
code, the engine and its YAML reader, the state machines' library, the argument parser."""


def test_a_second_start_imports_nothing_slow_before_the_first_frame(tmp_path):
    import subprocess
    import sys
    env = dict(os.environ, BYSTANDER_BENCH_FIRST_FRAME="1", BYSTANDER_CACHE_DIR=str(tmp_path),
               BYSTANDER_CONFIG_DIR=str(tmp_path / "config"),
               BYSTANDER_DATA_DIR=str(tmp_path / "data"))
    command = [sys.executable, "-X", "importtime", "-m", "game", "play"]
    for start in ("first", "second"):
        done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0 and "BYSTANDER_FIRST_FRAME" in done.stdout, done.stderr[-500:]
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    slow = sorted(m for m in imported
                  if any(m == s or m.startswith(s + ".") for s in SLOW_BEFORE_THE_FIRST_FRAME))
    assert not slow, f"imported before the first frame of a second start: {slow}"


def test_every_character_a_card_may_not_hold_is_one_python_calls_unprintable():
    """The card check skips its regular expression for a text that `str.isprintable` passes
    (but for tabs and line breaks): right only while no character it refuses is printable."""
    import re

    from game.ui import catalogue
    named = re.compile(catalogue._BAD_CHARS)
    printable = [hex(c) for c in range(0x110000) if chr(c).isprintable() and named.match(chr(c))]
    assert printable == [], printable[:10]
    assert not catalogue._is_text("bidi\u202eflip") and catalogue._is_text("tab\tnew\nline\r")


# --- the shipped stories' cards, made at install ------------------------------------------------

@pytest.fixture
def index(tmp_path, monkeypatch):
    """The shipped stories' cards as the install makes them, in a file of this test's own."""
    from game.ui import shipped_cards
    path = tmp_path / "shipped_cards.json"
    assert shipped_cards.write_index(ROOT / "scenes", path, catalogue.card_json) == len(SHIPPED)
    monkeypatch.setattr(shipped_cards, "INDEX", path)
    return path


def test_the_shipped_cards_are_the_loaders_own(index):
    from game.ui.shipped_cards import ShippedCards
    shipped = ShippedCards.open(index)
    for path in SHIPPED:
        assert Card.from_json(shipped.card(path)) == catalogue.entry_for(path)[0].card


def test_a_first_start_loads_no_shipped_story_and_shows_the_same(index, monkeypatch):
    expected = cards(fresh(ROOT / "scenes"))
    import game.core.loader as loader
    monkeypatch.setattr(loader, "load", lambda *a, **k: pytest.fail("loaded in full"))
    first = scan(ROOT / "scenes")
    assert cards(first) == expected and first.broken == 0
    assert not any(e.loaded for e in first.entries)
    assert cards(scan(ROOT / "scenes")) == expected  # and the user's card cache has them now
    assert {r["name"] for r in json.loads(cache_file().read_text())["files"]} == {
        p.name for p in SHIPPED}


def test_a_shipped_card_is_only_for_the_bytes_it_was_made_from(index, tmp_path):
    from game.ui.shipped_cards import ShippedCards
    shipped = ShippedCards.open(index)
    story = tmp_path / SHIPPED[0].name
    data = SHIPPED[0].read_bytes()
    story.write_bytes(data)
    assert shipped.card(story) is not None
    story.write_bytes(data.replace(b"Adrian", b"Adriaan", 1))  # another size
    assert shipped.card(story) is None
    at = data.index(b"Adrian")
    story.write_bytes(data[:at] + b"Odrian" + data[at + 6:])  # the same size
    assert shipped.card(story) is None
    story.unlink()
    assert shipped.card(story) is None


def test_an_edited_shipped_story_is_loaded(index, monkeypatch, tmp_path):
    from game.ui import shipped_cards
    other = json.loads(index.read_text())
    other["files"][0]["checksum"] = "0" * 16  # as if the story had been edited since
    index.write_text(json.dumps(other))
    first = scan(ROOT / "scenes")
    loaded = [e.path.name for e in first.entries if e.loaded]
    assert loaded == [other["files"][0]["name"]]
    assert cards(first) == cards(fresh(ROOT / "scenes"))
    assert shipped_cards.ShippedCards.open().records  # the others were used


@pytest.mark.parametrize("damage", [
    b"", b"\x00\xff garbage", b"[]", b'"text"', b"[" * 100_000,
    b'{"format": "bystander-shipped-cards", "code": "x", "files": []}',
    None,  # the right code, records of the wrong shape
    "card",  # the right code, a card no loader could have made
])
def test_a_damaged_or_foreign_index_only_costs_time(index, damage, monkeypatch):
    from game.ui import shipped_cards
    data = json.loads(index.read_text())
    if damage is None:
        data["files"] = [{"name": 7}]
        index.write_text(json.dumps(data))
    elif damage == "card":
        data["files"][0]["card"]["place"] = "../../etc"
        index.write_text(json.dumps(data))
    else:
        index.write_bytes(damage)
    got = scan(ROOT / "scenes")
    assert cards(got) == cards(fresh(ROOT / "scenes")) and got.broken == 0


def test_other_code_ignores_the_index(index, monkeypatch):
    from game.ui import shipped_cards
    assert shipped_cards.ShippedCards.open(index).records
    monkeypatch.setattr(diskcache, "code_stamp", lambda *folders: "0123456789abcdef")
    assert not shipped_cards.ShippedCards.open(index).records


def test_the_teachers_own_stories_are_never_taken_from_the_index(index, tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(MINI, own / MINI.name)
    got = scan(ROOT / "scenes", own=own)
    assert [(e.path.name, e.loaded) for e in got.entries if e.own] == [(MINI.name, True)]
    assert not any(e.loaded for e in got.entries if not e.own)
