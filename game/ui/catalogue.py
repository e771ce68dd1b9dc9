"""The scenarios on offer: every file in `scenes/` that loads, and how many did not.

Loading a scenario in full (read the YAML, build, check) takes tens of milliseconds, and the title
screen needs only a little of each: its title, ages, minutes, summary, languages, the place it
starts in and the looks of its first characters. That little is a `Card`. Start-up reads the cards
from a small cache in the user's cache folder (see `diskcache.py`), one per file, each valid only
for the exact file it was made from (its name, size, modification time and file number) and the
exact game that made it (`diskcache.code_stamp`); every other file is loaded in full, and the cache is
written again. So a start with nothing changed parses no YAML at all: the full load of a story
happens when it is played (`Entry.load`), and a file that fails then (edited while the game ran)
goes to the title's count of broken files instead of stopping the game.

The cache holds nothing but what the scenario files themselves say, and only what the title shows.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple

from ..core import vocab
from ..lazylog import get_logger
from ..paths import DEFAULT_SCENARIO, SCENES_DIR, duplicate_ids, scenario_files
from . import diskcache
from .looks import LookValues

if TYPE_CHECKING:
    from ..core.issues import Issue
    from ..core.loader import Loaded
    from ..core.model import Scenario

log = get_logger(__name__)  # imports logging when first used: start-up time

CACHE_NAME = diskcache.CATALOGUE
FORMAT = diskcache.CATALOGUE_FORMAT
CAST_SHOWN = 3
"""The title screen draws the first three characters of a story: the card keeps their looks."""


CardLook = LookValues
"""A character's look as the title draws it: the fields of `model.Look` the art reads."""


class Card(NamedTuple):
    """What the title screen shows of a scenario; plain values, so it can be cached as JSON.
    (A NamedTuple: immutable like a frozen dataclass, and quicker to define at start-up.)"""

    id: str
    title: dict[str, str]
    """By language, like `model.Text`; read it with `text()`."""
    summary: dict[str, str]
    min_age: int
    max_age: int
    minutes: int
    languages: tuple[str, ...]
    place: str
    """The place of the first scene: the title's background for this story."""
    cast: tuple[CardLook, ...]
    """The looks of the first `CAST_SHOWN` characters."""
    event: bool

    @classmethod
    def of(cls, s: "Scenario") -> "Card":
        cast = tuple(CardLook.of(m.look) for m in list(s.cast.values())[:CAST_SHOWN])
        return cls(s.id, dict(s.title), dict(s.summary), s.audience.min_age, s.audience.max_age,
                   s.minutes, tuple(s.languages), s.scenes[s.start].place, cast, bool(s.event))

    @classmethod
    def from_json(cls, data: object) -> "Card":
        """The card from its cached form; ValueError (or TypeError) if it is not one that the
        loader could have made. The cache is a file in a user's folder like any other: a NUL in
        a title would stop every start, a `../` in a place would name a picture outside the
        cache. So every field is checked as the loader checks the scenario's own."""
        if not isinstance(data, dict) or set(data) != CARD_FIELDS:
            raise ValueError("not a card")
        if not (isinstance(data["id"], str) and _ID.fullmatch(data["id"])):
            raise ValueError("bad id")
        for texts in (data["title"], data["summary"]):
            if not (isinstance(texts, dict) and 0 < len(texts) <= MAX_LANGUAGES
                    and all(_is_lang(k) and _is_text(v) for k, v in texts.items())):
                raise ValueError("bad texts")
        ints = [data["min_age"], data["max_age"], data["minutes"]]
        if not (all(type(v) is int for v in ints) and 6 <= ints[0] <= ints[1] <= 99
                and 1 <= ints[2] <= 240) or type(data["event"]) is not bool:
            raise ValueError("bad numbers")
        languages = data["languages"]
        if not (isinstance(languages, list) and 0 < len(languages) <= MAX_LANGUAGES
                and all(_is_lang(v) for v in languages)):
            raise ValueError("bad languages")
        if data["place"] not in vocab.PLACES:
            raise ValueError("bad place")
        if not (isinstance(data["cast"], list) and len(data["cast"]) <= CAST_SHOWN
                and all(isinstance(look, dict) and set(look) == LOOK_FIELDS
                        for look in data["cast"])):
            raise ValueError("bad cast")  # a card from before a look field was added, too
        cast = tuple(CardLook(**look) for look in data["cast"])
        if not all(look.skin in vocab.SKIN_TONES and look.hair in vocab.HAIR_COLOURS
                   and look.hair_style in vocab.HAIR_STYLES and look.top in vocab.CLOTHES_COLOURS
                   and (look.headscarf is None or look.headscarf in vocab.CLOTHES_COLOURS)
                   and type(look.glasses) is bool and type(look.braces) is bool
                   and type(look.wheelchair) is bool and type(look.height) is int
                   and 80 <= look.height <= 115 for look in cast):
            raise ValueError("bad look")
        return cls(data["id"], dict(data["title"]), dict(data["summary"]), *ints,
                   tuple(languages), data["place"], cast, data["event"])

    def to_json(self) -> dict:
        data = self._asdict()
        data["cast"] = [look._asdict() for look in self.cast]
        data["languages"] = list(self.languages)
        return data


CARD_FIELDS = {"id", "title", "summary", "min_age", "max_age", "minutes", "languages", "place",
               "cast", "event"}
LOOK_FIELDS = set(CardLook._fields)
MAX_LANGUAGES = 16
OWN_PREFIX = "own:"
"""Before the name of a cached card of the teacher's own folder (CardCache._key)."""
MAX_TEXT = 4000
"""The longest title or summary a cached card may hold: far more than a title screen shows."""
MAX_CACHE_BYTES = 4 * 1024 * 1024
"""A card takes about 1 KB: room for thousands of scenario files, and no more to parse."""
_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
_LANG = re.compile(r"[a-z]{2,3}")
_BAD_CHARS = f"[{vocab.INVISIBLE}\ud800-\udfff]"
"""What the loader refuses in a scenario's text (vocab.INVISIBLE: control and invisible
characters, bidi overrides), and lone surrogates, which JSON can hold and no font can draw."""
_LINE_BREAKS = {ord("\t"): None, ord("\n"): None, ord("\r"): None}


@lru_cache(maxsize=1)  # one pattern; bounded, as every cache in the ui must be
def _bad_chars() -> re.Pattern[str]:
    """`_BAD_CHARS` compiled, when first needed: compiling it costs 1% of every start."""
    return re.compile(_BAD_CHARS)


def _is_lang(value: object) -> bool:
    return isinstance(value, str) and _LANG.fullmatch(value) is not None


def _is_text(value: object) -> bool:
    return (isinstance(value, str) and 0 < len(value) <= MAX_TEXT
            and (value.translate(_LINE_BREAKS).isprintable()  # none of _BAD_CHARS is
                 or _bad_chars().search(value) is None))


def text(texts: dict[str, str], lang: str) -> str:
    """A card's text in `lang`, falling back as `model.Text.get_text` does: English, then any."""
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")


class BrokenEntry(Exception):
    """An entry's file no longer loads (it was shown from the cache, then edited)."""

    def __init__(self, path: Path, issues: list):
        self.path, self.issues = path, issues
        super().__init__(f"{path} cannot be played: {len(issues)} issues")


class Entry:
    """A scenario on offer: its card at once, the whole scenario once it is played.

    Made from a loaded scenario (`Entry(path, scenario, content_hash)`), or from a cached card
    alone; then `scenario` and `content_hash` load the file on first use, and raise BrokenEntry
    if it no longer loads. `load()` asks without raising. The content hash may be given as a
    function that works it out (`Loaded.content_hash`): only playing asks for it.
    """

    def __init__(self, path: Path, scenario: "Scenario | None" = None,
                 content_hash: "str | Callable[[], str]" = "", card: Card | None = None,
                 own: bool = False):
        if scenario is None and card is None:
            raise ValueError("an entry needs a scenario or a card")
        self.path = Path(path)
        self.own = own
        """From the teacher's own stories folder, not shipped with the game: the title says so."""
        self._scenario = scenario
        self._content_hash = content_hash
        self.card = card if card is not None else Card.of(scenario)
        self.issues: list["Issue"] = []
        """The file's issues once `load()` found it broken."""

    def __repr__(self) -> str:
        return f"Entry({str(self.path)!r}, {self.card.id!r}, loaded={self.loaded})"

    @property
    def loaded(self) -> bool:
        return self._scenario is not None

    def load(self) -> bool:
        """Load the file in full if it has not been; False (and `issues`) if it fails now."""
        if self._scenario is not None:
            return True
        from ..core.loader import load
        loaded = load(self.path)
        if not loaded.ok or loaded.scenario is None:
            self.issues = loaded.issues
            return False
        self._scenario, self._content_hash = loaded.scenario, _hash_of(loaded)
        self.card = Card.of(loaded.scenario)
        return True

    @property
    def scenario(self) -> "Scenario":
        if not self.load():
            raise BrokenEntry(self.path, self.issues)
        assert self._scenario is not None
        return self._scenario

    @property
    def content_hash(self) -> str:
        if not self.load():
            raise BrokenEntry(self.path, self.issues)
        if callable(self._content_hash):
            self._content_hash = self._content_hash()
        return self._content_hash


def _hash_of(loaded: "Loaded") -> "Callable[[], str]":
    """`loaded`'s content hash, worked out when an entry is first asked for it."""
    return lambda: loaded.content_hash


class BrokenFile:
    """A scenario file that could not be loaded, and the problem the title screen quotes.

    The problem is found when it is first asked for: a start that reads the cards from the
    cache reads no scenario file, and a broken one is read again only if the title shows it."""

    def __init__(self, path: Path, issues: "list[Issue] | None" = None):
        self.path = Path(path)
        self._issues = issues

    def __repr__(self) -> str:
        return f"BrokenFile({str(self.path)!r})"

    def first_problem(self) -> "Issue | None":
        """The file's first error (else its first issue), with the text of its line."""
        if self._issues is None:
            from ..core.loader import load
            self._issues = load(self.path).issues
        errors = [i for i in self._issues if i.severity == "error"]
        return (errors or self._issues or [None])[0]


@dataclass
class Catalogue:
    entries: list[Entry]
    broken: int
    """Files that could not be loaded; the title screen says how many and how to find out why."""
    broken_files: list[BrokenFile] = field(default_factory=list)
    """Those files, as far as they are known (all of them after `scan`), first one first."""

    def default_index(self) -> int:
        """The default scenario (`adrian`), else the first."""
        for i, e in enumerate(self.entries):
            if e.card.id == DEFAULT_SCENARIO or e.path.stem == DEFAULT_SCENARIO:
                return i
        return 0

    def index_of(self, path: Path) -> int | None:
        for i, e in enumerate(self.entries):
            if e.path.resolve() == Path(path).resolve():
                return i
        return None

    def set_broken(self, entry: Entry) -> None:
        """`entry` turned out broken when it was loaded to be played: count it with the rest."""
        if entry in self.entries:
            self.entries.remove(entry)
            self.broken += 1
            self.broken_files.insert(0, BrokenFile(entry.path, entry.issues))
            log.warning("%s cannot be played: %d issues (run bystander check)", entry.path,
                        len(entry.issues))


def entry_for(path: Path) -> tuple[Entry | None, list]:
    """One file as an entry, loaded in full, or None with its issues."""
    from ..core.loader import load
    loaded = load(path)
    if not loaded.ok or loaded.scenario is None:
        return None, loaded.issues
    return Entry(Path(path), loaded.scenario, _hash_of(loaded)), loaded.issues


def scan(folder: Path = SCENES_DIR, *, use_cache: bool = True,
         own: Path | None = None) -> Catalogue:
    """Every scenario file of `folder`, and then of the teacher's own folder `own` (its entries
    marked `own`), from the card cache where it is valid. An id is one story's across both: a
    file whose id another has is refused as `bystander check` refuses it (paths.duplicate_ids)."""
    cache = CardCache.open() if use_cache else None
    shipped = None  # the install's cards of the shipped stories, opened when first needed
    entries: list[Entry] = []
    broken: list[BrokenFile] = []
    for where, is_own in ((folder, False), (own, True)):
        if where is None or where == folder and is_own:
            continue
        files = scenario_files([where]) if where.is_dir() else []
        for path in files:
            entry, problems = cache.lookup(path, is_own) if cache is not None else (None, None)
            issues = None
            if entry is None and problems is None and use_cache and where == SCENES_DIR:
                if shipped is None:
                    from .shipped_cards import ShippedCards
                    shipped = ShippedCards.open()
                entry = _shipped_entry(shipped, path)
                problems = 0 if entry is not None else None
                if entry is not None and cache is not None:
                    cache.remember(path, entry, problems)
            if entry is None and problems is None:
                entry, issues = entry_for(path)
                problems = len(issues)
                if cache is not None:
                    cache.remember(path, entry, problems, is_own)
            if entry is None:
                broken.append(BrokenFile(path, issues))
                log.warning("%s cannot be played: %d issues (run bystander check)", path, problems)
            else:
                entry.own = is_own
                entries.append(entry)
    if cache is not None:
        cache.save()
    refused = duplicate_ids([(e.path, e.card.id) for e in entries])  # as `bystander check` does
    for path, keeper in refused.items():
        log.warning("%s cannot be played: %s has its id (run bystander check)", path, keeper)
    if refused:
        broken += [BrokenFile(path, [issue]) for path, issue in _refused_issues(entries).items()]
    entries = [e for e in entries if e.path not in refused]
    return Catalogue(entries, len(broken), broken)


def card_json(path: Path) -> dict | None:
    """The card of the file at `path` as JSON, loaded in full; None when it does not load. The
    install makes the shipped stories' cards with it (shipped_cards.py, setup.py)."""
    entry, _issues = entry_for(path)
    return entry.card.to_json() if entry is not None else None


def _shipped_entry(shipped, path: Path) -> Entry | None:
    """`path`'s entry from the install's card of it (shipped_cards.py), when it is for exactly
    this file's bytes and reads as a card the loader could have made."""
    data = shipped.card(path)
    if data is None:
        return None
    try:
        return Entry(path, card=Card.from_json(data))
    except (ValueError, TypeError, KeyError):
        return None


def _refused_issues(entries: list[Entry]) -> "dict[Path, Issue]":
    """Why each file whose id another file has is refused, in `check`'s words (checks.py); with
    no line to quote, as the card knows none."""
    from ..core.checks import duplicate_scenario_ids
    from ..core.issues import Pos
    return duplicate_scenario_ids([(e.path, e.card.id, Pos(str(e.path), 0, 0)) for e in entries])


class CardCache:
    """The cards of the last scan, by file, in `<cache dir>/catalogue.json`.

    Each record names its file by its name alone (never its folder's path, which holds the
    account name on most machines), with what makes it that very file: its size, modification
    time in nanoseconds and file number (inode: a file of the same name, size and time in
    another folder is another file). It holds the file's card, or for a file that does not
    load the number of problems found in it (the problems themselves are `bystander check`'s
    to tell). The whole file names the code that made it; a file from other code, or one that
    does not read as exactly this format, is ignored and written again.
    """

    def __init__(self, path: Path, stamp: str, records: dict[str, dict]):
        self.path = path
        self.stamp = stamp
        self.old = records
        self.new: dict[str, dict] = {}
        self.changed = False

    @classmethod
    def open(cls) -> "CardCache":
        from .. import core
        path = diskcache.cache_dir() / CACHE_NAME
        stamp = diskcache.code_stamp(Path(core.__file__).parent, Path(__file__).parent)
        return cls(path, stamp, _read_records(path, stamp))

    @staticmethod
    def _key(path: Path, own: bool = False) -> tuple[str, dict] | None:
        """The record's name: the file's name, after `own:` for the teacher's own folder (a
        name no shipped file has), so that a file of each folder may have the same name."""
        try:
            st = path.stat()
        except OSError:
            return None
        return ((OWN_PREFIX if own else "") + path.name,
                {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "inode": st.st_ino})

    def lookup(self, path: Path, own: bool = False) -> tuple[Entry | None, int | None]:
        """(entry, None) for a valid card; (None, problems) for a file known not to load;
        (None, None) when the file has to be loaded."""
        key = self._key(path, own)
        record = self.old.get(key[0]) if key else None
        if record is None or any(record[k] != v for k, v in key[1].items()):
            self.changed = True
            return None, None
        self.new[key[0]] = record
        if "problems" in record:
            return None, record["problems"]
        try:
            return Entry(path, card=Card.from_json(record["card"])), None
        except (ValueError, TypeError, KeyError):
            del self.new[key[0]]
            return None, None

    def remember(self, path: Path, entry: Entry | None, problems: int, own: bool = False) -> None:
        key = self._key(path, own)
        if key is None:
            return
        record = dict(key[1], name=key[0])
        if entry is None:
            record["problems"] = problems
        else:
            record["card"] = entry.card.to_json()
        self.new[key[0]] = record
        self.changed = True

    def save(self) -> None:
        """Write the records of this scan when anything changed (files gone count too)."""
        if not self.changed and self.new.keys() == self.old.keys():
            return
        # "format" first: the cache folder tells its own file by how it begins (diskcache).
        data = {"format": FORMAT, "code": self.stamp, "files": list(self.new.values())}
        diskcache.write(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _read_records(path: Path, stamp: str) -> dict[str, dict]:
    """The valid records of the cache file by file name; {} if it is missing, from other code,
    or damaged in any way."""
    raw = diskcache.read(path, MAX_CACHE_BYTES)
    if raw is None:
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != FORMAT or data.get("code") != stamp:
            return {}
        records = {}
        for r in data["files"]:
            if not (_is_file_name(r["name"]) and all(type(r[k]) is int and r[k] >= 0
                                                     for k in ("size", "mtime_ns", "inode"))
                    and ("card" in r) != ("problems" in r) and len(r) == 5):
                raise ValueError("bad record")
            if "problems" in r and type(r["problems"]) is not int:
                raise ValueError("bad record")
            records[r["name"]] = r
        return records
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        log.info("the catalogue cache %s is damaged (%s); making it again", path, exc)
        return {}


def _is_file_name(value: object) -> bool:
    """A file's name alone: not a path, nor anything a path could be made of."""
    return (isinstance(value, str) and 0 < len(value) <= 255 and value not in (".", "..")
            and not any(c in value for c in "/\\\0"))
