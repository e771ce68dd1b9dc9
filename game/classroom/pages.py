"""The HTML of the teacher's guide and the school report, rendered from Jinja2 templates.

guide.py and report.py compute what a page says (plain data); the markup is in templates/, and so
is the CSS, which is put inline into the page so the guide stays one file a teacher can mail or
print. Autoescaping is on for every HTML and SVG template and undefined names are errors: a
scenario's text can never become markup, and a misspelt name fails a test instead of printing
nothing.

The templates' own words are English msgids, `_()` and `{% trans %}` (Jinja's i18n extension,
extracted by Babel with the rest), looked up in the page's language. A translation is text too: it
is escaped like any other, so a catalogue cannot put markup into a page.
"""

from __future__ import annotations

from functools import cache

import jinja2
from markupsafe import escape

from ..core.translations import words

# Okabe-Ito: safe for colour-blind readers; every colour also has a shape, a line style or a word.
COLOURS = {
    "active": "#0072B2",
    "passive": "#D55E00",
    "hatch": "#FBE3D3",
    "next": "#555555",
    "outcome": {"bad": "#F5C8A8", "mixed": "#F9E79F", "good": "#A8DCC8"},
    "neutral": "#BBBBBB",
}


@cache
def environment(lang: str) -> jinja2.Environment:
    """The environment of the pages in `lang`, made on first use (the game itself never needs
    one)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("game.classroom", "templates"),
        autoescape=jinja2.select_autoescape(("html", "svg")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"])
    catalogue = words(lang).catalogue
    env.install_gettext_callables(  # type: ignore[attr-defined] - added by the i18n extension
        gettext=lambda message: escape(catalogue.gettext(message)),
        ngettext=lambda singular, plural, n: escape(catalogue.ngettext(singular, plural, n)),
        pgettext=lambda context, message: escape(catalogue.pgettext(context, message)),
        npgettext=lambda context, singular, plural, n: escape(
            catalogue.npgettext(context, singular, plural, n)),
        newstyle=True)
    env.globals["colours"] = COLOURS
    env.filters["f0"] = lambda value: f"{value:.0f}"
    env.filters["f1"] = lambda value: f"{value:.1f}"
    return env


def render(template: str, lang: str, **context: object) -> str:
    """The template `template` (a name in templates/) in `lang`, filled in with `context`."""
    return environment(lang).get_template(template).render(lang=lang, **context)
