"""The title cards of the stories shipped in `scenes/`, made when the game is installed.

The title screen needs a card of every story (`catalogue.Card`: title, summary, ages, place, the
first characters' looks). A start with an empty cache folder, a teacher's very first, would load
and check every shipped story in full to make them: two thirds of a second, three times what
opening a window costs. But the shipped stories are known when the game is installed, so the
install makes their cards (setup.py runs `write_index`, as it compiles the translations) into
`shipped_cards.json` beside this module, and the first start reads them from there, as it reads
the bytecode the install compiled.

A card is used only for the exact bytes it was made from (each file's size and two checksums of
its content: an edited story is loaded as before) and by the exact code that made it
(`diskcache.code_stamp`, as the user's card cache: a game whose loader was edited since ignores
the index). Anything missing, stale or damaged here is simply not used: the story is loaded in
full, as without the index. The file is generated, not kept in git (.gitignore).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..files import read_limited
from ..lazylog import get_logger

log = get_logger(__name__)

INDEX = Path(__file__).with_name("shipped_cards.json")
FORMAT = "bystander-shipped-cards"
MAX_INDEX_BYTES = 1024 * 1024
"""A card takes about 1 KB: room for hundreds of shipped stories."""
MAX_STORY_BYTES = 4 * 1024 * 1024
"""A shipped story larger than this is not looked up (the loader's own limit is lower)."""


def checksum(data: bytes) -> str:
    """Two 32-bit checksums of a story's bytes (`diskcache.checksum`). The index is the game's
    own install output, not a guard against forgery: it only has to tell an edited story from
    the shipped one, and 64 bits do."""
    from . import diskcache
    return diskcache.checksum(data)


def code_stamp() -> str:
    """The stamp of the code that makes cards, the same as the user's card cache uses."""
    from .. import core
    from . import diskcache
    return diskcache.code_stamp(Path(core.__file__).parent, Path(__file__).parent)


class ShippedCards:
    """The index's cards by file name, each with the size and checksum of its story."""

    def __init__(self, records: dict[str, dict]):
        self.records = records

    @classmethod
    def open(cls, index: Path | None = None) -> "ShippedCards":
        """The index (the install's, `INDEX`, unless named), or an empty one when it is
        missing, from other code, or damaged."""
        index = INDEX if index is None else index
        try:
            raw = read_limited(index, MAX_INDEX_BYTES)
        except OSError:
            return cls({})
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT or data.get("code") != code_stamp():
                return cls({})
            records = {}
            for r in data["files"]:
                if not (isinstance(r["name"], str) and type(r["size"]) is int
                        and isinstance(r["checksum"], str) and isinstance(r["card"], dict)):
                    raise ValueError("bad record")
                records[r["name"]] = r
            return cls(records)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            log.info("the shipped cards %s are damaged (%s); loading the stories", index, exc)
            return cls({})

    def card(self, path: Path) -> dict | None:
        """The card (as JSON) made from exactly the bytes of `path` now, or None."""
        record = self.records.get(path.name)
        if record is None:
            return None
        try:
            if path.stat().st_size != record["size"]:
                return None
            data = read_limited(path, MAX_STORY_BYTES)
        except OSError:
            return None
        return record["card"] if checksum(data) == record["checksum"] else None


def write_index(folder: Path, index: Path, card_of: Callable[[Path], dict | None]) -> int:
    """Write the cards of every story in `folder` that loads without errors (`card_of` gives a
    file's card as JSON, or None: the catalogue's, see setup.py) to `index`; how many. Run by
    the install."""
    from ..paths import scenario_files
    files = []
    for path in scenario_files([folder]) if folder.is_dir() else []:
        card = card_of(path)
        if card is not None:
            data = path.read_bytes()
            files.append({"name": path.name, "size": len(data), "checksum": checksum(data),
                          "card": card})
    text = json.dumps({"format": FORMAT, "code": code_stamp(), "files": files},
                      ensure_ascii=False, indent=1)
    index.write_text(text + "\n", encoding="utf-8")
    return len(files)
