"""The interface's words in every language the game speaks, read from gettext catalogues.

Words are English in the code and the templates (gettext's msgids); each language's translations
are in game/locale/<lang>/LC_MESSAGES/bystander.po, which a translator opens in Poedit or Weblate,
compiled to a .mo file when the game is installed (setup.py). A scenario's own texts are not here:
they carry their languages in the scenario file.

This module is the one place that knows where the catalogues are and which catalogue answers for a
language; the engine, the classroom pages and the screens all look words up through it. It only
reads, once per language (the screens ask for words every frame), and installs nothing into
builtins: code that needs words asks `words(lang)` for them.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..lazylog import get_logger

log = get_logger(__name__)  # imports logging when first used: start-up time

DOMAIN = "bystander"
"""The catalogues' name: game/locale/<lang>/LC_MESSAGES/bystander.mo."""

LOCALE = Path(__file__).resolve().parent.parent / "locale"
"""The catalogues' folder, in the installed package (or the checkout, for an editable install)."""

LANGUAGES: dict[str, str] = {"en": "English", "nl": "Nederlands"}
"""The languages the interface speaks, each by its own name, in the order the L key goes through
them. A language is one more catalogue and one more entry here (see README, *Translations*)."""

CACHED_LANGUAGES = 16
"""How many languages' words are kept once read: every language the game speaks, and a bound all
the same, since any string may be asked for (a language it does not speak reads English)."""

SOURCE_LANGUAGE = "en"
"""The language of the msgids: the words of a language the game does not speak, or of a msgid a
catalogue lacks."""


class Message(NamedTuple):
    """A message kept in a table under a key, to be translated when it is shown: the screens' keys
    (ui/i18n.py), the vocabulary's ids (core/vocab.py). Made with N_, NC_ or NN_, which extraction
    knows (pyproject.toml, [tool.babel.extract_messages]). A named tuple, not a dataclass: it is
    defined on the way to the first frame, where a frozen dataclass costs ten times as much."""

    msgid: str
    plural: str | None = None
    """The plural msgid of a counted message; the count is the field `n`."""
    context: str | None = None
    """gettext's msgctxt: which of two meanings an English word has here."""


def N_(msgid: str) -> Message:  # noqa: N802 - gettext's name for "mark, translate later"
    """A message to translate when it is shown."""
    return Message(msgid)


def NC_(context: str, msgid: str) -> Message:  # noqa: N802
    """A message with a context: the same English word elsewhere may translate differently."""
    return Message(msgid, context=context)


def NN_(singular: str, plural: str) -> Message:  # noqa: N802
    """A counted message: its singular and plural msgids, the count in the field `n`."""
    return Message(singular, plural=plural)


class Words:
    """One language's catalogue, with a text's `{fields}` filled in (str.format).

    Call it as gettext's `_`: `_ = words(lang)`, then `_("Scene")`, `_.ngettext(...)`,
    `_.pgettext(...)`: those are the names extraction looks for.
    """

    def __init__(self, lang: str, catalogue: gettext.NullTranslations):
        self.lang = lang
        self.catalogue = catalogue

    def __call__(self, msgid: str, **fields: object) -> str:
        text = self.catalogue.gettext(msgid)
        return text.format(**fields) if fields else text

    def ngettext(self, singular: str, plural: str, n: int, **fields: object) -> str:
        """The form of a counted message that `n` takes in this language; `{n}` is the count."""
        return self.catalogue.ngettext(singular, plural, n).format(n=n, **fields)

    def pgettext(self, context: str, msgid: str, **fields: object) -> str:
        text = self.catalogue.pgettext(context, msgid)
        return text.format(**fields) if fields else text

    def message(self, message: Message, **fields: object) -> str:
        """A message from a table, in the form its plural or context asks for."""
        if message.plural is not None:
            text = self.catalogue.ngettext(message.msgid, message.plural, fields["n"])
            return text.format(**fields)
        if message.context is not None:
            return self.pgettext(message.context, message.msgid, **fields)
        return self(message.msgid, **fields)


@lru_cache(maxsize=CACHED_LANGUAGES)
def words(lang: str) -> Words:
    """The words of `lang`, its catalogue read once; English for a language the game does not
    speak."""
    if lang not in LANGUAGES:
        return words(SOURCE_LANGUAGE)
    return Words(lang, catalogue(lang))


def catalogue_file(lang: str) -> Path:
    """Where the compiled catalogue of `lang` is."""
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang`. Without one (an install that skipped the build step) the
    game still runs, in the msgids' English, and says why in its log."""
    try:
        return gettext.translation(DOMAIN, LOCALE, [lang])  # reads catalogue_file(lang)
    except FileNotFoundError:
        if lang != SOURCE_LANGUAGE:
            log.error("no compiled catalogue for %s (%s.mo): words show in English; install the "
                      "game with pip (make venv), which compiles the catalogues", lang, DOMAIN)
        return gettext.NullTranslations()
