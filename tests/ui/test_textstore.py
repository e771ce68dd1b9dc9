"""The first frame's text kept on disk (textstore.py): the next start's title is drawn from it
without opening a font, and looks exactly the same; a damaged or foreign store only costs the
time it would have saved."""

from __future__ import annotations

import json
import os
import struct
import zlib

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import diskcache, pictures, textstore  # noqa: E402
from game.ui import text as tx  # noqa: E402

from uihelp import SHIPPED, entry_of, make_app  # noqa: E402


@pytest.fixture(autouse=True)
def no_store_left_open():
    yield
    textstore._store = None


def forget_text() -> None:
    """What this process remembers of text, so that a "start" has only the store."""
    tx.CACHE.clear()
    tx.text_width.cache_clear()
    tx.wrapped_height.cache_clear()


def title(lang: str = "nl", size=(1920, 1080), *, store: bool = True) -> pygame.Surface:
    """The title's first frame as a start draws it: with the store (read, then written when
    anything was missing), or without."""
    forget_text()
    pictures.forget()
    app = make_app([entry_of(p) for p in SHIPPED[:3]], size=size, lang=lang)
    if store:
        textstore.open_store()
    app.show_title()
    app.draw()
    if store:
        textstore.close_store()
    return app.surface.copy()


def same(a: pygame.Surface, b: pygame.Surface) -> bool:
    return (a.get_size() == b.get_size()
            and pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA"))


def store_file():
    return diskcache.cache_dir() / diskcache.TEXTS


def no_fonts(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a font was opened")
    monkeypatch.setattr(tx, "font", refuse)
    monkeypatch.setattr(tx, "emoji_font", refuse)


@pytest.mark.parametrize("lang, size", [("nl", (1920, 1080)), ("en", (1280, 720))])
def test_the_title_from_the_store_is_the_drawn_one_without_a_font(lang, size, monkeypatch):
    drawn = title(lang, size, store=False)
    first = title(lang, size)  # draws, and keeps what it measured and rendered
    assert store_file().is_file()
    no_fonts(monkeypatch)
    second = title(lang, size)
    assert same(drawn, first) and same(drawn, second)


def test_a_start_that_found_everything_writes_nothing(monkeypatch):
    title()
    monkeypatch.setattr(diskcache, "write", lambda *a: pytest.fail("written again"))
    title()


def test_a_start_that_needs_more_keeps_what_it_used():
    title("nl")
    title("en")  # another language: other words
    held = textstore.decode(store_file().read_bytes(), textstore._stamp())
    assert any(key[1] == "Play" for key in held if key[0] == "width")
    assert not any(key[1] == "Spelen" for key in held if key[0] == "width"), \
        "only the last first frame's words are kept"


def test_after_the_first_frame_text_is_drawn_as_always(monkeypatch):
    title()
    textstore.open_store()
    app = make_app([entry_of(SHIPPED[0])])
    app.show_title()
    app.run_frames(1)  # the app closes the store once its first frame is on screen
    assert not textstore.recording()
    forget_text()
    assert tx.render("Spelen", 30, (0, 0, 0), "bold").get_width() > 0


def _tampered(data: bytes, change) -> bytes:
    """The store with its index changed by `change`, its checksums made right again: damage
    that only the checks of each entry can catch."""
    magic, length, _crc, pixels_crc = textstore.HEADER.unpack_from(data)
    index = json.loads(data[textstore.HEADER.size:textstore.HEADER.size + length])
    change(index)
    head = json.dumps(index).encode()
    return (textstore.HEADER.pack(magic, len(head), zlib.crc32(head), pixels_crc) + head
            + data[textstore.HEADER.size + length:])


def _surfaces(index) -> list:
    return [value for _key, value in index["entries"] if isinstance(value, dict)]


DAMAGES = {
    "empty": lambda d: b"",
    "garbage": lambda d: b"\x00\xff garbage",
    "cut short": lambda d: d[:len(d) // 2],
    "a pixel changed": lambda d: d[:-40] + bytes([d[-40] ^ 0xFF]) + d[-39:],
    "the index changed": lambda d: d[:20] + bytes([d[20] ^ 0x01]) + d[21:],
    "a huge index length": lambda d: d[:4] + struct.pack("<I", 2**31) + d[8:],
    "a surface claiming 16384x16384": lambda d: _tampered(
        d, lambda i: _surfaces(i)[0].update(size=[16384, 16384])),
    "a surface beyond the file": lambda d: _tampered(
        d, lambda i: _surfaces(i)[0].update(at=len(d))),
    "a surface of the wrong length": lambda d: _tampered(
        d, lambda i: _surfaces(i)[0].update(size=[1, 1])),
    "a key that is no key": lambda d: _tampered(
        d, lambda i: i["entries"].append([{"a": 1}, 3])),
    "a number that is text": lambda d: _tampered(
        d, lambda i: i["entries"].append([["width", "x", 30, "bold"], "wide"])),
    "entries that are no list": lambda d: _tampered(d, lambda i: i.update(entries=7)),
    "deep nesting": lambda d: _tampered(
        d, lambda i: i["entries"].append([["k"], [[[[[[[[[[1]]]]]]]]]]])),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_store_is_drawn_again(damage):
    drawn = title(store=False)
    title()
    store_file().write_bytes(DAMAGES[damage](store_file().read_bytes()))
    assert same(title(), drawn)
    assert textstore.decode(store_file().read_bytes(), textstore._stamp()), "written again"


def test_a_store_of_other_code_or_fonts_is_not_used(monkeypatch):
    title()
    monkeypatch.setattr(textstore, "_stamp", lambda: "0123456789abcdef")
    textstore.open_store()
    assert textstore._store.found == {}


def test_a_cache_folder_holding_the_store_is_the_games_own(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / diskcache.TEXTS).write_bytes(textstore.encode({("linesize", 30, "bold"): 38}, "x"))
    monkeypatch.setenv(diskcache.ENV, str(folder))
    diskcache.forget()
    assert diskcache.usable() == folder
