"""The interface's words in gettext catalogues: whole, with the fields their code fills in, up to
date with the code and templates, counted with the right plural, and compiled into the install."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import jinja2
import jinja2.ext
import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from game.core import engine, translations, vocab
from game.core.translations import LANGUAGES, SOURCE_LANGUAGE, words
from game.ui.i18n import t

from testpaths import POT, ROOT, po_file

TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]
"""Languages whose catalogue must translate every msgid (English may leave one as it is)."""


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def forms(text: str | tuple[str, ...]) -> tuple[str, ...]:
    """A msgid or msgstr: one text, or its singular and plural forms."""
    return text if isinstance(text, tuple) else (text,)


def key(message: Message) -> tuple[str | None, tuple[str, ...]]:
    return message.context, forms(message.id)


def fields(text: str) -> set[str]:
    """The named fields a text is filled in with: `{name}` (str.format, in the code) and
    `%(name)s` (the templates' newstyle gettext)."""
    named = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return named | set(re.findall(r"%\((\w+)\)s", text))


def messages(catalogue: Catalog) -> list[Message]:
    return [m for m in catalogue if m.id]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_word_is_translated(lang):
    catalogue = read(po_file(lang))
    untranslated = [m.id for m in messages(catalogue) if not all(forms(m.string))]
    fuzzy = [m.id for m in messages(catalogue) if m.fuzzy]
    assert not untranslated, f"{lang}: no translation for {untranslated[:5]}"
    assert not fuzzy, f"{lang}: a translator should check these (fuzzy): {fuzzy[:5]}"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_translation_has_the_fields_of_its_msgid(lang):
    """A field missing from a translation would not show; one the code does not fill in would
    stop the screen with a KeyError. A singular form may leave out the count (`n`, `num`)."""
    wrong = []
    for m in messages(read(po_file(lang))):
        wanted = set().union(*(fields(text) for text in forms(m.id)))
        for text in forms(m.string):
            if not text:
                continue
            found = fields(text)
            if not (wanted - {"n", "num"} <= found <= wanted):
                wrong.append((m.id, text))
    assert not wrong, f"{lang}: fields differ from the msgid's: {wrong[:3]}"


def test_a_field_check_sees_both_kinds_of_fields():
    assert fields("{n} hands for {letter}") == {"n", "letter"}
    assert fields("Effect on %(victim)s, 100%% sure") == {"victim"}


def test_the_pot_is_what_the_code_and_templates_say(tmp_path):
    """Extracted now with the settings of pyproject.toml, as `make translations` does, the
    template is the committed one: no word in the code or a template is missing from the
    catalogues, none is left over, and every translator comment is there."""
    fresh = tmp_path / "bystander.pot"
    done = subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-o",
                           str(fresh)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr.lower(), done.stderr

    def described(catalogue: Catalog) -> dict:
        return {key(m): (m.auto_comments, sorted({path for path, _ in m.locations}),
                         sorted(m.flags)) for m in messages(catalogue)}

    committed, extracted = described(read(POT)), described(read(fresh))
    assert committed == extracted, ("game/locale/bystander.pot is out of date: run `make "
                                    "translations` and translate what it marks new or fuzzy")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_catalogue_has_the_msgids_of_the_pot(lang):
    catalogue = read(po_file(lang))
    assert {key(m) for m in messages(catalogue)} == {key(m) for m in messages(read(POT))}
    assert not catalogue.obsolete, f"{lang}: obsolete entries: {list(catalogue.obsolete)[:3]}"


LOOKUPS_DEFINED = {"game/core/translations.py", "game/classroom/pages.py"}
"""Where the lookups are defined, and handed on to Jinja: their msgids are parameters."""


def _extractable(call: ast.Call) -> bool:
    """A gettext call whose message arguments are literal strings, which extraction can read."""
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
    count = {"_": 1, "N_": 1, "NC_": 2, "NN_": 2, "ngettext": 2, "pgettext": 2}[name]
    return len(call.args) >= count and all(
        isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args[:count])


def _lookups(tree: ast.AST):
    """The gettext calls in `tree`: `_(...)`, `N_`, `NC_`, `NN_`, `x.ngettext`, `x.pgettext`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (
                isinstance(node.func, ast.Name) and node.func.id in ("_", "N_", "NC_", "NN_")
                or isinstance(node.func, ast.Attribute)
                and node.func.attr in ("ngettext", "pgettext")):
            yield node


def test_every_word_the_code_asks_for_is_one_extraction_can_see():
    """Extraction reads literal strings in calls of its keywords; a word asked for any other way
    would be in no catalogue and show in English: `words(lang)("...")`, a variable as msgid, a
    lookup inside an f-string (a single token to Python 3.11's tokenizer), a Message made by
    hand."""
    unseen = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        where = path.relative_to(ROOT)
        if where.as_posix() in LOOKUPS_DEFINED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _lookups(tree):
            if not _extractable(call):
                unseen.append(f"{where}:{call.lineno}: a msgid that is not a literal string")
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and any(True for _ in _lookups(node)):
                unseen.append(f"{where}:{node.lineno}: a word looked up inside an f-string")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Call) and getattr(
                    node.func.func, "id", None) == "words":
                unseen.append(f"{where}:{node.lineno}: words(lang)(...): bind `_ = words(lang)`")
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message":
                unseen.append(f"{where}:{node.lineno}: a Message made by hand: use N_, NC_, NN_")
    assert not unseen, "\n".join(unseen)


def test_every_word_a_template_asks_for_is_one_extraction_can_see():
    arguments = {"_": 1, "gettext": 1, "ngettext": 2, "pgettext": 2, "npgettext": 3}
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    unseen = []
    for path in sorted((ROOT / "game").rglob("templates/*")):
        if path.suffix not in (".html", ".svg"):
            continue
        tree = env.parse(path.read_text(encoding="utf-8"))
        for line, name, found in jinja2.ext.extract_from_ast(tree, babel_style=False):
            found = found if isinstance(found, tuple) else (found,)
            if any(not isinstance(s, str) for s in found[:arguments[name]]):
                unseen.append(f"{path.name}:{line}: {name}() of something other than text")
    assert not unseen, unseen


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_installed_catalogue_is_the_one_in_the_repository(lang):
    """The game reads the compiled .mo: it must say what the .po says (an install compiles it;
    after editing a .po, `make venv` or `make translations` compiles it again)."""
    assert translations.catalogue_file(lang).is_file(), (
        f"no compiled catalogue for {lang}: install the game (make venv)")
    _ = words(lang)
    stale = []
    for m in messages(read(po_file(lang))):
        if isinstance(m.id, tuple):
            got = tuple(_.catalogue.npgettext(m.context, *m.id, n) if m.context else
                        _.catalogue.ngettext(*m.id, n) for n in (1, 2))
            want = tuple(s or m.id[min(i, 1)] for i, s in enumerate(m.string))
        else:
            got = _.catalogue.pgettext(m.context, m.id) if m.context else _.catalogue.gettext(m.id)
            want = m.string or m.id
        if got != want:
            stale.append(m.id)
    assert not stale, f"{lang}: the compiled catalogue is older than the .po: run make venv"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_each_language_counts_with_its_own_plural_rule(lang):
    assert read(po_file(lang)).plural_forms == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("en", "1 hand", "2 hands"),
    ("nl", "1 hand", "2 handen"),
])
def test_a_count_of_one_and_of_two(lang, one, two):
    assert (t("hands_n", lang, n=1), t("hands_n", lang, n=2)) == (one, two)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["Today 1 person played", "Today 2 people played", "1 second left…",
            "2 seconds left…", "1 decision taken", "2 decisions taken", "1 more story",
            "2 more stories", "hand", "hands"]),
    ("nl", ["Vandaag speelde 1 persoon", "Vandaag speelden 2 mensen", "Nog 1 seconde…",
            "Nog 2 seconden…", "1 keuze gemaakt", "2 keuzes gemaakt", "Nog 1 verhaal",
            "Nog 2 verhalen",
            "hand", "handen"]),
])
def test_the_screens_count_in_both_languages(lang, expected):
    said = []
    for n in (1, 2):
        said.append(t("kiosk_played_n", lang, n=n))
    for n in (1, 2):
        said.append(t("kiosk_idle_seconds", lang, n=n))
    for n in (1, 2):
        said.append(t("resume_decisions", lang, n=n))
    for n in (1, 2):
        said.append(t("more_stories", lang, n=n).split(":")[0])
    for n in (1, 2):
        said.append(t("hands_word", lang, n=n))
    assert said == expected


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("en", "changed roles 1 time", "changed roles 2 times"),
    ("nl", "wisselde 1 keer van rol", "wisselde 2 keer van rol"),
])
def test_a_count_of_one_and_of_two_in_the_engine(lang, one, two):
    _ = words(lang)
    said = [_.ngettext("You started as {first}, changed roles {n} time and ended as {last}",
                       "You started as {first}, changed roles {n} times and ended as {last}",
                       n, first="a", last="b") for n in (1, 2)]
    assert one in said[0] and two in said[1]
    week = ["bystander", "outsider", "stepping_in", "defender", "wavering"]
    assert f"{len(week) - 1} " in engine.journey_text(week, lang)


def test_a_word_has_two_translations_where_its_context_asks():
    assert vocab.label(vocab.STANCES["report"], "nl") == "melden"
    assert t("help", "nl") != words("nl").pgettext("guide", "Where to get help")
    assert t("journey", "nl") == "Jouw rol onderweg"
    assert words("nl").pgettext("transcript", "Your journey") == "Jouw weg"


def test_a_language_the_game_does_not_speak_reads_english():
    assert t("play", "de") == "Play"
    assert vocab.label(vocab.PLACES["home"], "xx") == "at home"
    assert words("de") is words(SOURCE_LANGUAGE)


def test_each_catalogue_is_read_once():
    assert words("nl") is words("nl")
    assert words("nl").catalogue is words("nl").catalogue
