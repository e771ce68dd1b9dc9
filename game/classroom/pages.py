"""The HTML of the teacher's guide and the school report, rendered from Jinja2 templates.

guide.py and report.py compute what a page says (plain data); the markup is in templates/, and so
is the CSS, which is put inline into the page so the guide stays one file a teacher can mail or
print. Autoescaping is on for every HTML and SVG template and undefined names are errors: a
scenario's text can never become markup, and a misspelt name fails a test instead of printing
nothing.
"""

from __future__ import annotations

from functools import cache

import jinja2

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
def environment() -> jinja2.Environment:
    """The one environment, made on first use (the game itself never needs it)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("game.classroom", "templates"),
        autoescape=jinja2.select_autoescape(("html", "svg")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals["colours"] = COLOURS
    env.filters["f0"] = lambda value: f"{value:.0f}"
    env.filters["f1"] = lambda value: f"{value:.1f}"
    return env


def render(template: str, **context: object) -> str:
    """The template `template` (a name in templates/) filled in with `context`."""
    return environment().get_template(template).render(**context)
