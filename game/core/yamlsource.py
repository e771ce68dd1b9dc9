"""Read a scenario file into a tree of located nodes, refusing everything a hand-written file gets wrong.

Teachers write these files by hand, in whatever editor or word processor they have. This module turns
the bytes into a tree of `YMap`, `YList` and `YScalar` nodes that remember their line and column, or
into a list of issues, one per problem, each with `file:line:col`. It never constructs Python objects
from tags, never resolves aliases, and never guesses types: every scalar stays the text the author
wrote, so `nee`, `off`, `1:20` and `0755` remain words. The builder decides what a field means.

It reads libyaml's event stream (fast, and flat: no recursion in our code, so nesting cannot blow the
stack) and builds the tree itself, which is where duplicate keys, anchors, aliases, merge keys, tags,
extra documents and deep nesting are caught.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from pathlib import Path
from typing import Union

import yaml

from .gcpause import gc_paused
from .issues import Issue
from .issues import Pos
from .vocab import INVISIBLE as _INVISIBLE  # what no text may hold
from .yamlhints import sign_hint, syntax_hint

MAX_BYTES = 16 * 1024 * 1024
"""Larger files are refused before they are read: no scenario needs that much, an accident might."""
MAX_DEPTH = 40
"""Deeper nesting is refused: the format needs about eight levels."""
MAX_REPORTED = 50
"""At most this many problems of one kind are listed per file; the rest are counted."""

MAX_NODES = 1_500_000
"""More values than this (scalars, mappings and lists, keys included) are refused, at the one that
goes over, and reading stops there. The size cap alone does not bound the work: 16 MB of `- a`
lines are 4 million values, which took 16 s and 800 MB to read. Each value costs about 2 us,
most of it in PyYAML making its event object, so this cap bounds a refusal to 3 to 4.5 s of CPU
on our shared 2-core machine, and 260 MB. The shipped stories have 2,000 to 3,300 values; a
generated 10,000-scene story, far beyond anything written by hand, has 1,040,000 (1.25 million
events), so the largest that loads has about 14,000 scenes."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_new_tuple = tuple.__new__


def _pos(node: YNode) -> Pos:
    # tuple.__new__ skips the NamedTuple's own __new__, a Python function: the builder asks for
    # a position for every value it reads.
    return _new_tuple(Pos, (node.path, node.line + 1, node.col + 1))


class YScalar:
    """A scalar exactly as written: its text, whether it was plain (unquoted), and where it stood.

    A large file has a million nodes, so each keeps only libyaml's 0-based line and column of
    where it starts, and makes its `pos` (1-based, with the path) when someone asks for it: a
    `Pos` per node (made by a Python __new__) cost more than the node itself, and keeping
    libyaml's mark objects instead held on to about 100 bytes a node, which was slower still.
    """

    __slots__ = ("text", "plain", "line", "col", "path", "comment")

    def __init__(self, text: str, plain: bool, line: int, col: int, path: str):
        self.text = text
        self.plain = plain
        self.line = line
        self.col = col
        self.path = path
        self.comment: tuple[int, str] | None = None
        """For a plain scalar that a ` #` comment follows on the same line: the 1-based column
        of the `#`, and the comment. Unquoted, `Kijk dit #nietnormaal` is the text "Kijk dit"
        and a comment, which YAML drops without a word; the builder warns where it is a text."""

    pos = property(_pos, doc="Where the node starts, 1-based.")

    @property
    def is_null(self) -> bool:
        """An empty plain value (`key:` with nothing after it), or `~` / `null` written plainly."""
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")

    def __repr__(self) -> str:
        return f"YScalar({self.text!r})"


class YMap:
    """A mapping with text keys, in file order. `items` maps each key to (key scalar, value node).

    `key` is the key scalar read last, while its value is still to come; None between entries.
    `flow` is whether it was written `{a: 1, b: 2}`: there a comma or a `: ` ends a value, which
    the messages about a text cut short name.
    """

    __slots__ = ("items", "key", "line", "col", "path", "flow")

    def __init__(self, line: int, col: int, path: str, flow: bool = False):
        self.items: dict[str, tuple[YScalar, YNode]] = {}
        self.key: YScalar | None = None
        self.line = line
        self.col = col
        self.path = path
        self.flow = flow

    pos = property(_pos)


class YList:
    """A sequence, in file order."""

    __slots__ = ("items", "line", "col", "path")

    def __init__(self, line: int, col: int, path: str):
        self.items: list[YNode] = []
        self.line = line
        self.col = col
        self.path = path

    pos = property(_pos)


YNode = Union[YScalar, YMap, YList]

# Spaces that are not the space: wrong in indentation.
_ODD_SPACES = "\t\u00a0\u2000-\u200a\u3000"
_BAD_CHARS = re.compile(f"[{_INVISIBLE}]")
_BAD_INDENT = re.compile(f"^[ ]*[{_ODD_SPACES}][ {_ODD_SPACES}]*", re.M)
_SUSPECT = re.compile(f"[{_INVISIBLE}{_ODD_SPACES}]")
"""Every character the two patterns above look for: one pass over a file that may hold one,
instead of two passes of which the indentation one tries a match at the start of every line."""


def _lead_bytes(char_class: str) -> set[int]:
    """The first bytes of the UTF-8 of every character in `char_class`, the inside of a
    regular expression's [...] written as characters and `a-z` ranges (as INVISIBLE is)."""
    leads: set[int] = set()
    for low, high in re.findall(r"(.)(?:-(.))?", char_class, re.S):
        for code in range(ord(low), ord(high or low) + 1):
            leads.add(chr(code).encode("utf-8", "surrogatepass")[0])
    return leads


_NEVER_SUSPECT = bytes(sorted(set(range(256)) - _lead_bytes(_INVISIBLE + _ODD_SPACES)))
"""The bytes that start no character `_SUSPECT` looks for: deleted, a clean file leaves none.
The regular expression tests each character against a class of ranges, 2% of the instructions
of loading a story; encoding the text and deleting bytes by a table costs a tenth of that."""


def _may_hold_suspects(text: str) -> bool:
    """Whether `text` may hold a character `_SUSPECT` finds; False only when it holds none.
    Every such character's UTF-8 starts with a byte outside `_NEVER_SUSPECT`; other characters
    that share such a byte (a curly quote and the zero-width space both start with 0xE2) only
    send the text on to the exact search."""
    return bool(text.encode("utf-8", "surrogatepass").translate(None, _NEVER_SUSPECT))
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_BAD_DECODED = re.compile(f"[{_INVISIBLE}\r]")
"""What a quoted text may not hold once YAML has decoded its escapes (`"\\0"`, `"\\e"`,
`"\\u202e"`, `"\\r"`): the same characters as the file itself, and a carriage return, which in
the file is only ever a line end. They crashed pygame (NUL) or reached the terminal (escapes)."""
_CHAR_NAMES = {
    "\t": "a tab",
    "\u00a0": "a no-break space",
    "\ufeff": "a byte order mark (BOM)",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\u00ad": "a soft hyphen",
    "\x00": "a NUL byte",
}


def describe_char(ch: str) -> str:
    """A readable name for a character an author cannot see."""
    if ch in _CHAR_NAMES:
        return f"{_CHAR_NAMES[ch]} (U+{ord(ch):04X})"
    name = unicodedata.name(ch, "control character")
    return f"U+{ord(ch):04X} ({name.lower()})"


class _Lines:
    """Turns offsets into 1-based line and column numbers."""

    def __init__(self, text: str | bytes):
        newline = "\n" if isinstance(text, str) else b"\n"
        starts = [0]
        find = text.find
        i = find(newline)
        while i != -1:
            starts.append(i + 1)
            i = find(newline, i + 1)
        self.starts = starts

    def pos(self, path: str, offset: int) -> Pos:
        line = bisect.bisect_right(self.starts, offset) - 1
        return Pos(path, line + 1, offset - self.starts[line] + 1)


def decode(data: bytes, path: str) -> tuple[str | None, list[Issue]]:
    """Bytes to text, or the reasons they are not UTF-8 text, line by line."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        which = "UTF-32" if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else "UTF-16"
        return None, [Issue(Pos(path, 1, 1),
                            f"the file is saved as {which}; save it as UTF-8", code="encoding")]
    kind = _binary_kind(data)
    if kind is not None:
        return None, [Issue(Pos(path, 1, 1), f"the file is not a text file (it looks like {kind}); "
                            "a scenario is YAML text, saved as UTF-8", code="binary")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _looks_like_utf16(data[:4096]):
        offset = data.index(b"\x00")
        return None, [Issue(_Lines(data).pos(path, offset),
                            "NUL bytes in the file: it looks like UTF-16 without a byte order mark; "
                            "save it as UTF-8", code="encoding")]
    try:
        return data.decode("utf-8"), []  # a stray NUL in UTF-8 text: scan_characters finds it
    except UnicodeDecodeError:
        if b"\x00" in data[:4096]:
            return None, [Issue(Pos(path, 1, 1), "the file is not a text file (it holds binary "
                                "data); a scenario is YAML text, saved as UTF-8", code="binary")]
    # One pass: undecodable bytes become lone surrogates (U+DC80..U+DCFF), found by a regex.
    text = data.decode("utf-8", errors="surrogateescape")
    lines = _Lines(text)
    issues: list[Issue] = []
    seen_lines: set[int] = set()
    for match in _ESCAPED_BYTE.finditer(text):
        pos = lines.pos(path, match.start())
        if pos.line in seen_lines:
            continue
        seen_lines.add(pos.line)
        byte = ord(match.group()) - 0xDC00
        guess = bytes([byte]).decode("cp1252", errors="replace")
        issues.append(Issue(
            pos, f"byte 0x{byte:02X} is not UTF-8 (in Windows-1252/Latin-1 it would be "
            f"{guess!r}); the file seems saved by a word processor: save it as UTF-8",
            code="encoding"))
    return None, _capped(issues, path)


_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive: Word, Excel and OpenDocument files are ZIP archives too"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel document"),
    (b"{\\rtf", "an RTF document from a word processor"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
"""How the files a scenario is most often mistaken for begin."""


def _binary_kind(data: bytes) -> str | None:
    """What kind of non-text file `data` starts like, if it is one we know."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image"
    return None


def _looks_like_utf16(sample: bytes) -> bool:
    """Text saved as UTF-16 without a byte order mark: Latin letters are a byte and a NUL, so
    at least a quarter of the bytes are NULs, nearly all at odd (little-endian) or even
    (big-endian) offsets. A stray NUL in UTF-8 text, or binary data, is not that."""
    if b"\x00" not in sample:
        return False
    nuls = [i for i, byte in enumerate(sample) if byte == 0]
    if len(nuls) < len(sample) // 4 or not nuls:
        return False
    odd = sum(i % 2 for i in nuls)
    return max(odd, len(nuls) - odd) >= 0.9 * len(nuls)


def scan_characters(text: str, path: str) -> list[Issue]:
    """Characters that break a file without being visible: controls, zero-width marks, odd indents."""
    issues: list[Issue] = []
    if not _may_hold_suspects(text) or _SUSPECT.search(text) is None:
        return issues
    lines = _Lines(text)
    for match in _BAD_CHARS.finditer(text):
        issues.append(Issue(lines.pos(path, match.start()),
                            f"invisible or control character {describe_char(match.group())}: "
                            "delete it", code="characters"))
    for match in _BAD_INDENT.finditer(text):
        odd = next(ch for ch in match.group() if ch != " ")
        issues.append(Issue(lines.pos(path, match.start() + match.group().index(odd)),
                            f"{describe_char(odd)} in the indentation: indent with spaces only",
                            code="characters"))
    return _capped(sorted(issues), path)


def _capped(issues: list[Issue], path: str) -> list[Issue]:
    if len(issues) <= MAX_REPORTED:
        return issues
    rest = len(issues) - MAX_REPORTED
    return issues[:MAX_REPORTED] + [Issue(issues[MAX_REPORTED].pos,
                                          f"... and {rest} more like these", code=issues[0].code)]


def _mark(path: str, mark) -> Pos:
    return Pos(path, mark.line + 1, mark.column + 1)


def _syntax_issue(path: str, exc: yaml.YAMLError, text: str) -> Issue:
    """A syntax error at its place, with the cause and the fix where `syntax_hint` finds them.
    A quoted text never closed is placed where it opened: the end of the file, where the
    parser noticed, says nothing."""
    problem = getattr(exc, "problem", None) or str(exc)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if "end of stream" in problem and getattr(exc, "context_mark", None) is not None:
        mark = exc.context_mark  # type: ignore[attr-defined]
    pos = _mark(path, mark) if mark is not None else Pos(path, 1, 1)
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {problem}"
    if context:
        context_mark = getattr(exc, "context_mark", None)
        where = (f" that starts at line {context_mark.line + 1}"
                 if context_mark is not None else "")
        message += f", {context}{where}"
    return Issue(pos, message + syntax_hint(exc, text), code="syntax")


def parse(text: str, path: str) -> tuple[YNode | None, list[Issue]]:
    """Text to a located tree, refusing what scenario files must not contain.

    This loop is the hot path of loading a large file (1.25 million events for 10,000 scenes), so
    it does the least it can per event: scalars are attached inline, nodes keep bare line and
    column numbers, and names are bound locally. Making PyYAML's event objects costs more than
    everything done here with them.
    """
    issues: list[Issue] = []
    holder = YList(0, 0, path)  # the root hangs here, like any other node
    stack: list[YMap | YList] = [holder]
    documents = nodes = 0
    Scalar, MapStart, SeqStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    MapEnd, SeqEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent
    commented = _commented_lines(text)
    new_node = object.__new__

    def attach_key(parent: YMap, key: YNode) -> None:
        """`key` starts a new entry of `parent`: refuse it, or wait for its value."""
        parent.key = _DROPPED
        if not isinstance(key, YScalar):
            issues.append(Issue(key.pos, "a key must be plain text, not a list or mapping",
                                code="key"))
        elif key.plain and key.text == "<<":
            issues.append(Issue(key.pos, "merge keys (<<) are not allowed: write the fields "
                                "out in full", code="merge"))
        elif key.text in parent.items:
            first = parent.items[key.text][0].line + 1
            comma = ("; inside {...} a comma ends a value, so a text with a comma in it "
                     "needs quotes" if parent.flow else "")
            issues.append(Issue(key.pos, f"duplicate key '{key.text}' (first at line {first}); "
                                f"each key may appear once in a mapping{comma}",
                                code="duplicate_key"))
        else:
            parent.key = key

    def attach(node: YNode) -> None:
        """Hang `node` under the open container (the inline scalar case below does the same)."""
        parent = stack[-1]
        if type(parent) is YList:
            parent.items.append(node)
        elif parent.key is None:
            attach_key(parent, node)
        else:
            if parent.key is not _DROPPED:
                parent.items[parent.key.text] = (parent.key, node)
            parent.key = None

    reader = None
    try:
        reader = _Loader(text)
        with gc_paused():
            # get_event until it has none, rather than yaml.parse: that generator asks libyaml
            # twice per event (check_event, then get_event), each a call from Python.
            for event in iter(reader.get_event, None):
                kind = type(event)
                if kind is Scalar:
                    nodes += 1
                    if nodes > MAX_NODES:
                        issues.append(_too_many_nodes(path, event.start_mark))
                        return None, issues
                    if event.anchor is not None or event.tag is not None:
                        _refuse_anchor_and_tag(event, path, issues, _key_of(stack[-1]))
                    # The node is made field by field rather than through YScalar(...): a
                    # class call with a Python __init__ cost as much again as all the rest.
                    value = event.value
                    style = event.style
                    mark = event.start_mark
                    scalar = new_node(YScalar)
                    scalar.text = value
                    scalar.line = mark.line
                    scalar.path = path
                    scalar.comment = None
                    # Plain means unquoted: style '' (None from the pure-Python parser). A tag
                    # would change that, but tags are refused above.
                    if style:
                        scalar.plain = False
                        # A quoted text's place is its first character, inside the quote, so
                        # that a place within it (a condition's mistake) is counted from there.
                        if style == '"':
                            scalar.col = mark.column + 1
                            # Only a double-quoted scalar has escapes: check its text as
                            # decoded, by the pattern only when Python does not call it
                            # printable (none of the pattern's characters is, and a story's
                            # texts nearly always are: the pattern tests each character
                            # against a class, 3% of loading a story).
                            if not value.isprintable() and _BAD_DECODED.search(value):
                                issues.append(_escaped_control(event, path))
                        else:
                            scalar.col = mark.column + (style == "'")
                    else:
                        scalar.plain = True
                        scalar.col = mark.column
                        if commented:
                            end = event.end_mark
                            line = commented.get(end.line)
                            if line is not None:
                                found = _COMMENT_AFTER_VALUE.match(line, end.column)
                                if found:
                                    scalar.comment = (found.end(),
                                                      line[found.end() - 1:].rstrip())
                    parent = stack[-1]
                    if type(parent) is YList:
                        parent.items.append(scalar)
                    elif parent.key is None:  # a key: a new entry, unless something is wrong
                        if scalar.text in parent.items or scalar.text == "<<":
                            attach_key(parent, scalar)
                        else:
                            parent.key = scalar
                    else:  # the value of the key read last
                        if parent.key is not _DROPPED:
                            parent.items[parent.key.text] = (parent.key, scalar)
                        parent.key = None
                elif kind is MapStart or kind is SeqStart:
                    nodes += 1
                    if nodes > MAX_NODES:
                        issues.append(_too_many_nodes(path, event.start_mark))
                        return None, issues
                    if event.anchor is not None or event.tag is not None:
                        _refuse_anchor_and_tag(event, path, issues, _key_of(stack[-1]))
                    mark = event.start_mark
                    node: YMap | YList
                    if kind is MapStart:
                        node = new_node(YMap)  # field by field, as a scalar above
                        node.items = {}
                        node.key = None
                        node.flow = bool(event.flow_style)
                    else:
                        node = new_node(YList)
                        node.items = []
                    node.line = mark.line
                    node.col = mark.column
                    node.path = path
                    attach(node)
                    stack.append(node)
                    if len(stack) > MAX_DEPTH + 1:
                        issues.append(Issue(node.pos, f"nested deeper than {MAX_DEPTH} levels; "
                                            "a scenario needs far fewer", code="depth"))
                        return None, issues
                elif kind is MapEnd or kind is SeqEnd:
                    stack.pop()
                elif kind is yaml.AliasEvent:
                    nodes += 1
                    if nodes > MAX_NODES:
                        issues.append(_too_many_nodes(path, event.start_mark))
                        return None, issues
                    pos = _mark(path, event.start_mark)
                    issues.append(Issue(pos, f"aliases (*{event.anchor}) are not allowed: write "
                                        "the value out in full"
                                        f"{sign_hint('*', _key_of(stack[-1]), '*' + event.anchor)}",
                                        code="alias"))
                    attach(YScalar("", True, pos.line - 1, pos.col - 1, path))
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        issues.append(Issue(_mark(path, event.start_mark),
                                            "a second YAML document ('---') in the file: keep one "
                                            "scenario per file", code="documents"))
                        return None, issues
    except yaml.YAMLError as exc:
        issues.append(_syntax_issue(path, exc, text))
        return None, issues
    except (ValueError, TypeError, OverflowError) as exc:  # libyaml oddities on hostile input
        issues.append(Issue(Pos(path, 1, 1), f"the file cannot be read as YAML: {exc}",
                            code="syntax"))
        return None, issues
    finally:
        if reader is not None:
            reader.dispose()
    return (holder.items[0] if holder.items else None), issues


LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""Where libyaml starts a new line (the other breaks it knows are refused before it reads)."""
_COMMENT = re.compile(r"[ \t]#")
_COMMENT_AFTER_VALUE = re.compile(r"[ \t]+#")


def _commented_lines(text: str) -> dict[int, str]:
    """The lines that may hold a comment after a value (` #`), by 0-based number: the parser
    looks only at these, so a file without such comments costs nothing more to read."""
    if _COMMENT.search(text) is None:
        return {}
    # splitlines breaks lines where libyaml does, once the characters it alone breaks at (form
    # feed, NEL, the Unicode separators) are refused, as read_tree does before it parses.
    # A line that is only a comment holds no value: left out, so that a file whose comments
    # stand on lines of their own (the shipped stories) costs nothing more per value.
    return {number: line for number, line in enumerate(text.splitlines())
            if "#" in line and not line.lstrip().startswith("#")}


_DROPPED = YScalar("", False, 0, 0, "")
"""Stands for a key that was refused (a duplicate, a merge key, a list): its value is dropped."""


def _too_many_nodes(path: str, mark) -> Issue:
    return Issue(_mark(path, mark), f"more than {MAX_NODES:,} values in the file (texts, "
                 "keys, lists, ...); a scenario needs far fewer: split it", code="size")


def _escaped_control(event, path: str) -> Issue:
    found = _BAD_DECODED.search(event.value)
    assert found is not None
    return Issue(_mark(path, event.start_mark), f"{describe_char(found.group())} written as an "
                 "escape in this quoted text: delete it (a text may hold line breaks and tabs, "
                 "but no control or invisible characters)", code="characters")


def _refuse_anchor_and_tag(event, path: str, issues: list[Issue], key: str | None) -> None:
    """Refuse an anchor or tag: a text or condition that starts with `&` or `!` reads as one
    (`nl: &dan ik`, `when: !took(report)`), so the message says how to keep it text."""
    pos = _mark(path, event.start_mark)
    value = getattr(event, "value", "")
    if event.anchor is not None:
        written = f"&{event.anchor} {value}".strip()
        issues.append(Issue(pos, f"anchors (&{event.anchor}) are not allowed: write each value "
                            f"out in full{sign_hint('&', key, written)}", code="anchor"))
    if event.tag is not None:
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        written = f"{tag} {value}".strip()
        issues.append(Issue(pos, f"tags such as '{tag}' are not allowed: remove the tag "
                            f"(put the value between quotes if it must stay text)"
                            f"{sign_hint('!', key, written)}", code="tag"))


def _key_of(parent: YMap | YList) -> str | None:
    """The key whose value is being read, if the open container is a mapping."""
    key = getattr(parent, "key", None)
    return key.text if isinstance(key, YScalar) and key is not _DROPPED else None


def source_lines(data: bytes) -> list[str] | None:
    """The lines of a file as its issues count them, to quote the line of each (`Issue.source`);
    None when the file is not text to quote (binary, UTF-16 or UTF-32). A byte that is not UTF-8
    stays one character, as `decode` counts it, and is shown as U+FFFD."""
    data = _quotable(data)
    if data is None:
        return None
    return LINE_BREAK.split(_decoded(data))


def _quotable(data: bytes) -> bytes | None:
    """The bytes of a file whose lines can be quoted, from its first line (a UTF-8 byte order
    mark dropped); None for a file that is not text to quote (see `source_lines`)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _binary_kind(data) is not None:
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        return None
    return data


def _decoded(data: bytes) -> str:
    return _ESCAPED_BYTE.sub("\ufffd", data.decode("utf-8", errors="surrogateescape"))


def _some_lines(data: bytes, wanted: set[int]) -> dict[int, str] | None:
    """The `wanted` lines (1-based) of a file as `source_lines` gives them: a few warnings in a
    file of 10,000 scenes decode only their own lines. None when the file is not text to
    quote."""
    data = _quotable(data)
    if data is None:
        return None
    if b"\r" in data:  # "\r" and "\r\n" break lines too: the whole file, as source_lines does
        lines = LINE_BREAK.split(_decoded(data))
        return {n: lines[n - 1] for n in wanted if 0 < n <= len(lines)}
    found = {}
    line, start = 1, 0  # the line that begins at byte `start`
    for n in sorted(w for w in wanted if w > 0):
        while True:  # whole chunks of lines first, counted in C
            chunk = data.count(b"\n", start, start + _CHUNK)
            if not chunk or line + chunk >= n:
                break
            start = data.rindex(b"\n", start, start + _CHUNK) + 1
            line += chunk
        while line < n:  # then line by line, within the chunk
            end = data.find(b"\n", start)
            if end < 0:
                return found
            line, start = line + 1, end + 1
        end = data.find(b"\n", start)
        found[n] = _decoded(data[start:end if end >= 0 else len(data)])
    return found


_CHUNK = 1 << 16


def with_sources(issues: list[Issue], data: bytes, path: str) -> list[Issue]:
    """`issues` of the file `path` whose bytes are `data`, each with the text of its line."""
    wanted = {i.pos.line for i in issues if i.pos.path == path and not i.source}
    if not wanted:
        return issues
    lines = _some_lines(data, wanted)
    if lines is None:
        return issues
    return [dataclasses.replace(issue, source=lines[issue.pos.line])
            if issue.pos.path == path and issue.pos.line in lines and not issue.source
            else issue for issue in issues]


def read_tree(path: Path | str, data: bytes | None = None) -> tuple[YMap | None, list[Issue]]:
    """Read one scenario file to a located mapping, or give every reason it cannot be read."""
    name = str(path)
    if data is None:
        try:
            size = Path(path).stat().st_size
            if size > MAX_BYTES:
                return None, [Issue(Pos(name, 1, 1), f"the file is {size / 1e6:.1f} MB; scenario "
                                    f"files may be at most {MAX_BYTES // (1024 * 1024)} MB",
                                    code="size")]
            data = Path(path).read_bytes()
        except OSError as exc:
            return None, [Issue(Pos(name, 1, 1), f"cannot read the file: {exc.strerror or exc}",
                                code="io")]
    elif len(data) > MAX_BYTES:
        return None, [Issue(Pos(name, 1, 1), "the file is larger than a scenario may be",
                            code="size")]
    text, issues = decode(data, name)
    if text is None:
        return None, issues
    issues = scan_characters(text, name)
    if issues:
        return None, issues
    root, issues = parse(text, name)
    if issues:
        return None, issues
    if root is None or (isinstance(root, YScalar) and root.is_null):
        return None, [Issue(Pos(name, 1, 1), "the file is empty: a scenario starts with fields "
                            "such as 'id:' and 'title:'", code="empty")]
    if not isinstance(root, YMap):
        found = "a list" if isinstance(root, YList) else "a single value"
        return None, [Issue(root.pos, f"the top level must be a mapping of fields (id:, title:, "
                            f"...), but it is {found}", code="top_level")]
    return root, []
