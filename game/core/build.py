"""Turn a located YAML tree into the dataclasses of `model.py`, by their type hints.

One generic walk serves every class, so the format is described once (in `model.py`). Each value is
read as what its field expects: text stays text whatever it looks like (`nee`, `on`, `0755`),
numbers must look like whole numbers, booleans must be `true` or `false`. Every problem becomes an
`Issue` at the value's own line and column; building goes on after a problem so that an author sees
all of them at once.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from functools import lru_cache
from typing import Any, Callable, Literal, Union

from . import model
from .issues import Issue, Pos
from .limits import FIELD_CHARS, MAX_NUMBER, MAX_NUMBER_DIGITS, MIN_NUMBER
from .model import Text
from .yamlsource import YList, YMap, YNode, YScalar

_INT = re.compile(r"[+-]?[0-9]+")
_LANG = re.compile(r"[a-z]{2,3}")


class _Invalid:
    """Stands for a value that could not be read; its issue has already been recorded."""

    def __repr__(self) -> str:
        return "<invalid>"


INVALID: Any = _Invalid()

Converter = Callable[[YNode, list[Issue], str], Any]


def describe(node: YNode) -> str:
    """How a node reads to an author: `a list`, `a mapping`, or the text itself."""
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YList):
        return "a list"
    text = node.text if len(node.text) <= 40 else node.text[:37] + "..."
    return "nothing" if node.is_null else f"'{text}'"


def _what(name: str) -> str:
    """`ConditionRule` -> `condition rule`."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def _suggest(word: str, options: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _scalar(node: YNode, issues: list[Issue], label: str, expected: str) -> YScalar | None:
    if isinstance(node, YScalar) and not node.is_null:
        return node
    issues.append(Issue(node.pos, f"{label} should be {expected}, but it is {describe(node)}",
                        code="type"))
    return None


def _convert_str(node: YNode, issues: list[Issue], label: str) -> Any:
    scalar = _scalar(node, issues, label, "text")
    return INVALID if scalar is None else scalar.text


def _convert_int(node: YNode, issues: list[Issue], label: str) -> Any:
    scalar = _scalar(node, issues, label, "a whole number")
    if scalar is None:
        return INVALID
    if not _INT.fullmatch(scalar.text.strip()):
        issues.append(Issue(node.pos, f"{label} should be a whole number, but it is "
                            f"{describe(node)}", code="type"))
        return INVALID
    # Digits are counted before converting: Python refuses to convert more than 4,300 of them.
    digits = scalar.text.strip().lstrip("+-").lstrip("0")
    value = int(scalar.text) if len(digits) <= MAX_NUMBER_DIGITS else None
    if value is None or not MIN_NUMBER <= value <= MAX_NUMBER:
        shown = value if value is not None else f"a number of {len(digits):,} digits"
        issues.append(Issue(node.pos, f"{label} is {shown}; numbers stay between {MIN_NUMBER} "
                            f"and {MAX_NUMBER}", code="type"))
        return INVALID
    return value


def _convert_bool(node: YNode, issues: list[Issue], label: str) -> Any:
    scalar = _scalar(node, issues, label, "true or false")
    if scalar is None:
        return INVALID
    word = scalar.text.strip().lower()
    if word in ("true", "false"):
        return word == "true"
    issues.append(Issue(node.pos, f"{label} should be true or false, but it is "
                        f"{describe(node)}", code="type"))
    return INVALID


@lru_cache(maxsize=256)
def _is_language_code(key: str) -> bool:
    """Whether a key of a text looks like a language code (cached: a story uses only a few)."""
    return _LANG.fullmatch(key) is not None


def _text_within(most: int, slow: Converter) -> Converter:
    """A text per language whose every language has at most `most` characters. Texts are half
    of a scenario's values, so the common case, every key a language code and every value
    written text short enough, is read in one quick pass; anything else goes to `slow`, which
    reads it again and says what is wrong."""
    def convert(node: YNode, issues: list[Issue], label: str) -> Any:
        if type(node) is YMap:
            text = Text()
            for lang, (_key, value) in node.items.items():
                if type(value) is not YScalar or not _is_language_code(lang):
                    return slow(node, issues, label)
                words = value.text.strip()
                if not words or value.is_null or value.comment or len(words) > most:
                    return slow(node, issues, label)
                text[lang] = words
            text.pos = node.pos
            return text
        return slow(node, issues, label)
    return convert


def _convert_odd_text(node: YNode, issues: list[Issue], label: str) -> Any:
    if not isinstance(node, YMap):
        issues.append(Issue(node.pos, f"{label} should give the text per language, like "
                            f"{{nl: ..., en: ...}}, but it is {describe(node)}", code="text"))
        return INVALID
    text = Text()
    text.pos = node.pos
    ok = True
    previous: tuple[str, YNode] | None = None
    for lang, (key, value) in node.items.items():
        before, previous = previous, (lang, value)
        if not _LANG.fullmatch(lang):
            issues.append(Issue(key.pos, f"'{_short(lang)}' in {label} is not a language code "
                                f"such as nl or en{_cut_at_comma(node, key, value, before)}",
                                code="text"))
            ok = False
            continue
        if not isinstance(value, YScalar) or value.is_null or not value.text.strip():
            what = "empty" if isinstance(value, YScalar) else describe(value)
            issues.append(Issue(value.pos, f"the {lang} text of {label} is {what}"
                                f"{_comment_ate(value) or _cut_at_comma(node, key, value, before)}",
                                code="text"))
            ok = False
            continue
        if value.comment:
            issues.append(_comment_warning(value, lang, label))
        text[lang] = value.text.strip()
    return text if ok else INVALID


_convert_text = _text_within(1 << 62, _convert_odd_text)
"""A text per language, of any length (a field's limit is checked where it has one)."""


def _comment_ate(value: YNode) -> str:
    """Why a text is empty when a ` #` comment took all of it (`nl: #hashtag`)."""
    if not isinstance(value, YScalar) or not value.comment:
        return ""
    comment = value.comment[1]
    return (f": '{_short(comment)}' after it is a comment, since an unquoted '#' after a space "
            f"starts one; put the text between quotes: \"{_short(comment)}\"")


def _comment_warning(value: YScalar, lang: str, label: str) -> Issue:
    """An unquoted text followed by a ` #` comment on the same line: YAML ends the text there
    and drops the rest (`nl: Kijk dit #nietnormaal` is "Kijk dit"). In a chat scene a hashtag is
    meant as text far more often than as a comment, so the author is asked to choose: quotes
    keep it in the text, and a comment after a quoted text is left alone."""
    col, comment = value.comment
    return Issue(Pos(value.path, value.line + 1, col),
                 f"the {lang} text of {label} ends before '{_short(comment)}': an unquoted '#' "
                 "after a space starts a comment, which is not part of the text; if it belongs to "
                 f"the text, put the whole text between quotes: {lang}: "
                 f"\"{_short(value.text + ' ' + comment)}\" (a comment after a quoted text is "
                 "fine)", "warning", "comment_in_text")


def _short(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[:most - 3] + "..."


def _literal(options: tuple[str, ...]) -> Converter:
    def convert(node: YNode, issues: list[Issue], label: str) -> Any:
        scalar = _scalar(node, issues, label, "one of " + ", ".join(options))
        if scalar is None:
            return INVALID
        if scalar.text in options:
            return scalar.text
        issues.append(Issue(node.pos, f"{label} is {describe(node)}, which is not one of: "
                            f"{', '.join(options)}{_suggest(scalar.text, options)}",
                            code="choice_of"))
        return INVALID
    return convert


def _optional(inner: Converter) -> Converter:
    def convert(node: YNode, issues: list[Issue], label: str) -> Any:
        if isinstance(node, YScalar) and node.is_null:
            return None
        return inner(node, issues, label)
    return convert


def _list(inner: Converter) -> Converter:
    def convert(node: YNode, issues: list[Issue], label: str) -> Any:
        if not isinstance(node, YList):
            issues.append(Issue(node.pos, f"{label} should be a list (lines starting with '- '), "
                                f"but it is {describe(node)}", code="type"))
            return INVALID
        values = [inner(item, issues, f"item {i + 1} of {label}")
                  for i, item in enumerate(node.items)]
        return INVALID if any(v is INVALID for v in values) else values
    return convert


def _name_or_list(as_list: Converter) -> Converter:
    """A scene id, or a list of roads (`model.Roads`)."""
    def convert(node: YNode, issues: list[Issue], label: str) -> Any:
        if isinstance(node, YList):
            return as_list(node, issues, label)
        if isinstance(node, YScalar) and not node.is_null:
            return node.text
        issues.append(Issue(node.pos, f"{label} should be a scene id, or a list of roads like "
                            "[{to: scene, when: condition}, {to: other_scene}], but it is "
                            f"{describe(node)}", code="type"))
        return INVALID
    return convert


def _dict(inner: Converter, keyed: bool) -> Converter:
    def convert(node: YNode, issues: list[Issue], label: str) -> Any:
        if not isinstance(node, YMap):
            issues.append(Issue(node.pos, f"{label} should be a mapping of ids to values, but "
                                f"it is {describe(node)}", code="type"))
            return INVALID
        result: dict[str, Any] = {}
        ok = True
        for key, (_key_node, value_node) in node.items.items():
            value = inner(value_node, issues, f"'{key}' in {label}")
            if value is INVALID:
                ok = False
            elif keyed:
                value.id = key
                value.at["id"] = _key_node.pos
            result[key] = value
        return result if ok else INVALID
    return convert


@lru_cache(maxsize=None)
def _fields(cls: type) -> tuple[tuple[str, Any, bool, bool], ...]:
    """(name, hint, required, from_key) for each format field of a model class."""
    hints = typing.get_type_hints(cls, vars(model))
    out = []
    for f in dataclasses.fields(cls):
        if f.metadata.get("bookkeeping"):
            continue
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out.append((f.name, hints[f.name], required, bool(f.metadata.get("from_key"))))
    return tuple(out)


class _Field(typing.NamedTuple):
    """How to read one field of a model class; worked out once per class, not once per object."""

    name: str
    convert: Converter
    required: bool
    label: str
    """How issues name the field: `'text'`."""


def _cut_at_comma(node: YMap, key: YScalar, value: YNode,
                  before: tuple[str, YNode] | None) -> str:
    """Why `key` may be no key at all: inside `{...}` a comma ends a value, so in
    `{nl: Nee, dat is niet mijn tafel., en: No}` the Dutch text is "Nee" and "dat is niet mijn
    tafel." a key without a value. The hint names the comma and the fix, quotes, with the value
    as it was meant, from the entry `before` it; "" when `key` is not such a piece (a key with a
    value, or not in braces). The caller walks the entries in order and hands `before` over: a
    mapping of many such keys costs no more than one pass."""
    if not node.flow or not isinstance(value, YScalar) or not value.is_null or not key.plain:
        return ""
    if before is None or not isinstance(before[1], YScalar) or before[1].is_null:
        return "; inside {...} a comma ends a value: put a text with a comma between quotes"
    name, before_value = before[0], before[1]
    meant = f"{before_value.text}, {key.text}"
    if name == "when" and before_value.text.count("(") > before_value.text.count(")"):
        return (f": inside {{...}} a comma ends a value, so the condition "
                f"'{_short(before_value.text)}' was cut at its comma; put the condition in "
                'quotes: when: "chose(a, b)"')
    return (f"; inside {{...}} a comma ends a value, so the value of '{name}' was cut at "
            f"the comma before '{_short(key.text)}': put it between quotes, "
            f"{name}: \"{_short(meant, 60)}\"")


def _unknown_field(node: YMap, key: YScalar, value: YNode, before: tuple[str, YNode] | None,
                   label: str, fields: list[str]) -> str:
    """The message for a key that is not a field here: the comma that cut a value in two if
    that is what happened, else the field it is closest to, and always the fields there are."""
    hint = _cut_at_comma(node, key, value, before)
    if not hint or " " not in key.text.strip():
        hint = _suggest(key.text, fields) or hint
    return (f"unknown field '{_short(key.text)}' in {label}{hint} (the fields here are: "
            f"{', '.join(fields)})")


def _dataclass(cls: type) -> Converter:
    what = _what(cls.__name__)
    # Worked out on first use, when the converters of the classes it names can be made.
    plan: tuple[list[_Field], list[str], frozenset[str]] | None = None

    def convert(node: YNode, issues: list[Issue], label: str) -> Any:
        if not isinstance(node, YMap):
            issues.append(Issue(node.pos, f"{label} should be a {what} (a mapping of fields), but "
                                f"it is {describe(node)}", code="type"))
            return INVALID
        nonlocal plan
        if plan is None:
            plan = _plan(cls)
        fields, from_key, known = plan
        values: dict[str, Any] = dict.fromkeys(from_key, "")
        at: dict[str, Pos] = {}
        ok = True
        if not known.issuperset(node.items):
            names = [f.name for f in fields]
            before: tuple[str, YNode] | None = None
            for key, (key_node, value_node) in node.items.items():
                if key not in known:
                    issues.append(Issue(key_node.pos, _unknown_field(
                        node, key_node, value_node, before, label, names), code="unknown_field"))
                before = (key, value_node)
            ok = False
        missing = []
        for name, convert_field, required, field_label in fields:
            entry = node.items.get(name)
            if entry is None or (required and isinstance(entry[1], YScalar)
                                 and entry[1].is_null):
                if required and entry is not None:
                    issues.append(Issue(entry[1].pos, f"{label} needs a value for '{name}'",
                                        code="missing"))
                    ok = False
                elif required:
                    missing.append(name)
                continue
            value = convert_field(entry[1], issues, field_label)
            if value is INVALID:
                ok = False
            elif value is not None or not required:
                values[name] = value
                at[name] = entry[1].pos
        if missing:
            names = ", ".join(f"'{name}'" for name in missing)
            issues.append(Issue(node.pos, f"{label} needs a value for {names}", code="missing"))
            ok = False
        if not ok:
            return INVALID
        return cls(**values, pos=node.pos, at=at)
    return convert


def _plan(cls: type) -> tuple[list[_Field], list[str], frozenset[str]]:
    """The fields of `cls` read from its mapping, those that come from its key, and the keys a
    mapping of it may have."""
    fields = [_Field(name, _limited(cls, name, hint), required, f"'{name}'")
              for name, hint, required, from_key in _fields(cls) if not from_key]
    from_key = [name for name, _hint, _required, from_key in _fields(cls) if from_key]
    return fields, from_key, frozenset(f.name for f in fields)


def holds_text(hint: Any) -> bool:
    """Whether a field of this type holds text of its own: a text, a name, an id or a condition,
    or a mapping (whose keys are ids). Not a choice from a list (`Literal`), and not the fields
    of another class, which have their own limits."""
    if hint is str or hint is Text or typing.get_origin(hint) is dict:
        return True
    if typing.get_origin(hint) is Literal or dataclasses.is_dataclass(hint):
        return False
    return any(holds_text(arg) for arg in typing.get_args(hint))


def _limited(cls: type, name: str, hint: Any) -> Converter:
    """The converter of a field, refusing text longer than `limits.FIELD_CHARS` allows it at the
    value's place: a huge text is refused before any check or screen spends time on it."""
    convert = converter(hint)
    if not holds_text(hint):
        return convert
    key = f"{cls.__name__}.{name}"
    if key not in FIELD_CHARS:
        raise TypeError(f"{key} holds text but has no limit: add it to limits.FIELD_CHARS")
    most, why = FIELD_CHARS[key]
    keyed = typing.get_origin(hint) is dict

    def limited(node: YNode, issues: list[Issue], label: str) -> Any:
        value = convert(node, issues, label)
        # A text or a name comes here only when its quick pass found something (see below);
        # the lists and mappings that hold text come every time, so the short ones are let
        # through first. Plain loops: `max(map(len, ...))` costs four times as much.
        kind = type(value)
        if kind is str:
            if len(value) <= most:
                return value
        elif kind is Text:
            for text in value.values():
                if len(text) > most:
                    break
            else:
                return value
        elif keyed:
            if type(node) is YMap:
                for key in node.items:  # the keys; the values below have limits of their own
                    if len(key) > most:
                        break
                else:
                    return value
        elif kind is list and _all_short(value, most):
            return value
        if keyed:  # the keys, even when a value below them was refused
            found = list(_longer_keys(node, most))
        elif value is INVALID or value is None:
            return value
        else:
            found = list(_longer(value, node, most))
        issues += [Issue(pos, f"{label} has {n:,} characters{lang}; {why.format(most=most)}",
                         code="too_long") for pos, n, lang in found]
        return INVALID if found else value
    # A text or a name, the commonest fields, check their length in their own quick pass.
    if hint is Text:
        return _text_within(most, limited)
    if hint == Text | None:
        return _optional(_text_within(most, limited))
    if hint is str:
        return _str_within(most, limited)
    if hint == str | None:
        return _optional(_str_within(most, limited))
    return limited


def _str_within(most: int, slow: Converter) -> Converter:
    """A name, an id or a condition of at most `most` characters, quickly; anything else goes to
    `slow`, which reads it again and says what is wrong."""
    def convert(node: YNode, issues: list[Issue], label: str) -> Any:
        if type(node) is YScalar and not node.is_null and len(node.text) <= most:
            return node.text
        return slow(node, issues, label)
    return convert


def _all_short(items: list, most: int) -> bool:
    """Whether every item of a list is a text or a string of at most `most` characters."""
    for item in items:
        if type(item) is Text:
            for text in item.values():
                if len(text) > most:
                    return False
        elif type(item) is not str or len(item) > most:
            return False
    return True


def _longer(value: Any, node: YNode, most: int) -> typing.Iterator[tuple[Pos, int, str]]:
    """(place, length, " in 'en'" or "") of every text in a field's value longer than `most`:
    the value, each language of a text, each item of a list."""
    if isinstance(value, Text) and isinstance(node, YMap):
        for lang, (_key, value_node) in node.items.items():
            if len(value.get(lang, "")) > most:
                yield value_node.pos, len(value[lang]), f" in '{lang}'"
    elif isinstance(value, str):
        if len(value) > most:
            yield node.pos, len(value), ""
    elif isinstance(value, list) and isinstance(node, YList):
        for item, item_node in zip(value, node.items):
            yield from _longer(item, item_node, most)


def _longer_keys(node: YNode, most: int) -> typing.Iterator[tuple[Pos, int, str]]:
    """The same for the keys of a mapping: ids."""
    if isinstance(node, YMap):
        for key, (key_node, _value_node) in node.items.items():
            if len(key) > most:
                yield key_node.pos, len(key), ""


@lru_cache(maxsize=None)
def converter(hint: Any) -> Converter:
    """The converter for one type hint of the model."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is str:
        return _convert_str
    if hint is int:
        return _convert_int
    if hint is bool:
        return _convert_bool
    if hint is Text:
        return _convert_text
    if origin is Literal:
        return _literal(tuple(str(a) for a in args))
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        optional = len(inner) < len(args)
        if len(inner) == 1:
            return _optional(converter(inner[0]))
        if len(inner) == 2 and inner[0] is str and typing.get_origin(inner[1]) is list:
            roads = _name_or_list(converter(inner[1]))
            return _optional(roads) if optional else roads
    if origin is list:
        return _list(converter(args[0]))
    if origin is dict:
        return _dict(converter(args[1]), keyed=_has_key_field(args[1]))
    if dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    raise TypeError(f"the model uses a type the builder cannot read: {hint!r}")


def _has_key_field(hint: Any) -> bool:
    return dataclasses.is_dataclass(hint) and any(f[3] for f in _fields(hint))


def build_scenario(root: YMap) -> tuple[model.Scenario | None, list[Issue]]:
    """The scenario in `root`, or every reason it does not fit the format; with a scenario, the
    warnings about how it was written (a comment after an unquoted text)."""
    issues: list[Issue] = []
    scenario = converter(model.Scenario)(root, issues, "the scenario")
    if scenario is INVALID or any(issue.severity == "error" for issue in issues):
        return None, issues
    return scenario, issues
