"""The school's report: votes per decision point, active against passive, endings, held back."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest

from classhelp import DATA, check_well_formed, play_the_mini_lesson
from game.classroom import records
from game.classroom.records import SessionLog
from game.classroom.report import (CSV_COLUMNS, FORMULA_STARTS, build_report, csv_text, report_csv,
                                   report_html, sessions_csv)
from game.core import engine


def decide(log, run, choice, votes=None, overridden=False, seconds=30):
    log.record_decision(run, run.choose(choice), votes, overridden, seconds)


@pytest.fixture
def four_sessions(mini_loaded, fast_disk):
    """A: the mini lesson (own road walks on; a what-if stands by Sam). B: a class that stands by
    Sam. C: a solo player who walks on, then reports. D: an event screen left after one choice."""
    mini, h = mini_loaded
    a, _, _ = play_the_mini_lesson(mini, h)

    run = engine.start(mini, "en", h)
    b = SessionLog.begin(run, "class", h, label="3B", class_size=25, lesson_minutes=50)
    decide(b, run, "stand_by_sam", {"walk_on": 5, "stand_by_sam": 20})
    decide(b, run, "check_in", {"tell_mentor": 8, "check_in": 17, "say_nothing": 0}, True)
    b.finish(run)

    run = engine.start(mini, "en", h)
    c = SessionLog.begin(run, "solo", h)
    decide(c, run, "walk_on")
    decide(c, run, "tell_mentor")
    c.finish(run)

    run = engine.start(mini, "en", h)
    d = SessionLog.begin(run, "event", h)
    decide(d, run, "stand_by_sam")
    return a.path.parent


def test_the_report_counts_votes_roles_endings_and_steps(four_sessions):
    report = build_report(four_sessions, "en", scenes=DATA)
    assert (report.sessions, report.problems) == (4, [])
    [t] = report.scenarios
    assert (t.scenario_id, t.title, t.versions) == ("mini", "The hallway", {1})
    assert (t.sessions, t.completed, dict(t.modes)) == (4, 3, {"class": 2, "solo": 1, "event": 1})
    assert t.what_if_roads == 1
    hallway, later = t.ordered_points()
    # Votes of the classes' own roads; solo and event choices count once; the what-if not at all.
    assert [(c.choice_id, c.votes, c.taken) for c in hallway.choices] == [
        ("walk_on", 14 + 5 + 1, 2), ("stand_by_sam", 11 + 20 + 1, 2)]
    assert [(c.choice_id, c.votes, c.taken) for c in later.choices] == [
        ("tell_mentor", 10 + 8 + 1, 1), ("check_in", 17, 1), ("say_nothing", 15 + 0, 1)]
    assert (hallway.reached, later.reached) == (4, 3)
    assert (hallway.active_votes, hallway.votes) == (32, 52)
    assert (later.active_votes, later.votes) == (36, 51)
    assert (t.active_taken, t.passive_taken) == (4, 3)
    assert dict(t.held_back) == {"notice": 2, None: 2}
    assert t.step_taken == {"notice": [2, 2], "act": [2, 1]}
    assert dict(t.endings) == {"alone": 1, "mixed": 1, "better": 1}
    assert dict(t.endings_what_if) == {"mixed": 1}


def test_the_csv_has_one_row_per_scenario_point_and_choice(four_sessions):
    report = build_report(four_sessions, "en", scenes=DATA)
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["decision_point"], r["scene"], r["step"], r["choice"], r["stance"], r["active"],
             r["votes"], r["vote_share"], r["taken"]) for r in rows] == [
        ("1", "hallway", "notice", "walk_on", "outsider", "no", "20", "0.385", "2"),
        ("1", "hallway", "notice", "stand_by_sam", "support", "yes", "32", "0.615", "2"),
        ("2", "later", "act", "tell_mentor", "report", "yes", "19", "0.373", "1"),
        ("2", "later", "act", "check_in", "support", "yes", "17", "0.333", "1"),
        ("2", "later", "act", "say_nothing", "outsider", "no", "15", "0.294", "1"),
    ]
    assert {(r["scenario_id"], r["scenario_versions"]) for r in rows} == {("mini", "1")}
    assert rows[0]["choice_text"] == "I walk on."


def test_without_the_scenario_the_report_still_counts_by_id(four_sessions):
    report = build_report(four_sessions, "en", scenes=None)
    [t] = report.scenarios
    assert t.title == "mini"
    assert [(c.choice_id, c.text, c.votes) for c in t.ordered_points()[0].choices] == [
        ("stand_by_sam", "stand_by_sam", 32), ("walk_on", "walk_on", 20)]


def test_bad_and_foreign_files_are_listed_and_skipped(four_sessions):
    good = sorted(four_sessions.glob("*.json"))[0]
    (four_sessions / "notes.txt").write_text("Tim: let op", encoding="utf-8")
    text = good.read_text(encoding="utf-8")
    (four_sessions / "half.json").write_text(text[:200], encoding="utf-8")
    future = json.loads(text)
    future["version"] = records.RECORD_VERSION + 1
    (four_sessions / "future.json").write_text(json.dumps(future), encoding="utf-8")
    report = build_report(four_sessions, "en", scenes=DATA)
    assert report.sessions == 4
    assert sorted(p.name for p in report.problems) == ["future.json", "half.json", "notes.txt"]
    page = report_html(report)
    for name in ("future.json", "half.json", "notes.txt"):
        assert name in page
    assert "update the game" in page


def test_a_dutch_report_says_in_dutch_why_files_were_skipped(four_sessions):
    (four_sessions / "notes.txt").write_text("Tim: let op", encoding="utf-8")
    (four_sessions / "latin1.json").write_bytes("{\"caf\xe9\": 1}".encode("latin-1"))
    page = report_html(build_report(four_sessions, "nl", scenes=DATA))
    assert "notes.txt: het bestand is geen geldige JSON" in page
    assert "latin1.json: het bestand is geen tekst" in page
    assert "not valid JSON" not in page and "not text" not in page


def test_every_reason_for_skipping_a_file_is_said_in_the_report():
    from game.classroom.records import RECORD_PROBLEMS
    from game.classroom.report import SKIPPED_BECAUSE
    assert set(RECORD_PROBLEMS) <= set(SKIPPED_BECAUSE)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_report_page_is_well_formed_labelled_and_self_contained(four_sessions, lang):
    page = report_html(build_report(four_sessions, lang, scenes=DATA))
    parsed = check_well_formed(page)
    assert parsed.tags.count("svg") >= 4
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"<script|<link|<img|@import", page, re.I)
    passive, active = {"nl": ("passief", "actief"), "en": ("passive", "active")}[lang]
    assert f"I walk on. (outsider, {passive})" in page or f"Ik loop door. (buitenstaander, " \
                                                          f"{passive})" in page
    assert "20 · 38%" in page and "32 · 62%" in page  # the number on every bar, not colour alone
    if lang == "en":  # a decision point is named by the words its scene opens with, not its id
        assert "Scene 1 · The bell rings. Rik is at Sam's locker." in html.unescape(page)
    assert active in page


def test_an_empty_folder_gives_an_empty_report(tmp_path):
    report = build_report(tmp_path, "en")
    assert (report.sessions, report.scenarios, report.problems) == (0, [], [])
    page = report_html(report)
    assert "No sessions found yet." in page
    check_well_formed(page)


# --- per class session rows -----------------------------------------------------------------------

def test_each_class_session_has_a_row_with_its_decisions_hands_and_ending(four_sessions):
    report = build_report(four_sessions, "en", scenes=DATA)
    # Only the two class sessions (A: the mini lesson, B): solo and event play are in the totals.
    [a] = [r for r in report.classes if r.started == "2026-11-30T09:15"]
    [b] = [r for r in report.classes if r is not a]
    assert a.ending == "alone" and a.what_if_roads == 1
    assert [(d.taken, d.hands, d.overridden) for d in a.decisions] == [
        ("A", (("A", 14), ("B", 11)), False), ("C", (("A", 10), ("C", 15)), False)]
    assert [(d.taken, d.hands, d.overridden) for d in b.decisions] == [
        ("B", (("A", 5), ("B", 20)), False), ("B", (("A", 8), ("B", 17), ("C", 0)), True)]
    rows = list(csv.DictReader(io.StringIO(sessions_csv(report))))
    mini_lesson = next(r for r in rows if r["date"] == "2026-11-30")
    assert mini_lesson == {
        "label": "", "class_size": "", "date": "2026-11-30", "time": "09:15", "scenario_id": "mini", "story": "The hallway",
        "scenario_content": mini_lesson["scenario_content"], "finished": "yes",
        "ending": "alone", "ending_title": "Alone", "what_if_roads": "1", "decisions": "2",
        "decision_1": "A (A 14, B 11)", "decision_2": "C (A 10, C 15)"}
    assert len(mini_lesson["scenario_content"]) == 8
    other = next(r for r in rows if r is not mini_lesson)
    assert other["decision_2"] == "B (A 8, B 17, C 0) overridden"
    assert (other["label"], other["class_size"]) == ("3B", "25")


@pytest.mark.parametrize("lang, words", [("nl", ("3B (25 leerlingen)", "zonder naam", "Klas")),
                                         ("en", ("3B (25 pupils)", "no label", "Class"))])
def test_the_sessions_table_shows_each_class_by_its_label_and_size(four_sessions, lang, words):
    page = html.unescape(report_html(build_report(four_sessions, lang, scenes=DATA)))
    labelled, unlabelled, heading = words
    assert labelled in page and unlabelled in page
    assert f"<th>{heading}</th>" in page


def test_unfinished_class_sessions_are_listed_apart(four_sessions, mini_loaded):
    mini, h = mini_loaded
    run = engine.start(mini, "nl", h)
    open_log = SessionLog.begin(run, "class", h)
    decide(open_log, run, "stand_by_sam", {"walk_on": 2, "stand_by_sam": 23})
    open_log.release()
    for lang, finished, unfinished in (("en", "<h3>Finished</h3>", "<h3>Not finished</h3>"),
                                       ("nl", "<h3>Afgerond</h3>", "<h3>Niet afgerond</h3>")):
        report = build_report(four_sessions, lang, scenes=DATA)
        assert [r.finished for r in report.classes].count(False) == 1
        page = report_html(report)
        check_well_formed(page)
        done, rest = page.split(finished)[1].split(unfinished)
        assert done.count("<tr>") == 1 + 2 and rest.split("</table>")[0].count("<tr>") == 1 + 1
        assert "A 2 · B 23 → B" in rest and "A 14 · B 11 → A" in done
    rows = list(csv.DictReader(io.StringIO(sessions_csv(report))))
    assert sorted(r["finished"] for r in rows) == ["no", "yes", "yes"]
    assert [r["ending"] for r in rows if r["finished"] == "no"] == [""]


@pytest.mark.parametrize("lang, date", [("nl", "30 november 2026, 9.15 uur"),
                                        ("en", "30 November 2026, 9:15")])
def test_dates_are_written_in_words_never_iso(four_sessions, lang, date):
    page = report_html(build_report(four_sessions, lang, scenes=DATA))
    assert date in page
    assert not re.search(r"\d{4}-\d\d-\d\d", page), re.search(r".{40}\d{4}-\d\d-\d\d.{10}", page)


def test_dates_in_words():
    from game.classroom.dates import clock_time, long_date
    assert long_date("2026-12-07T08:05", "nl") == "7 december 2026"
    assert long_date("2026-03-01", "en") == "1 March 2026"
    assert clock_time("2026-12-07T08:05", "nl") == "8.05 uur"
    assert long_date("2026-19-39", "nl") == "2026-19-39"  # no real date: shown as it is


def test_the_class_label_is_one_column_for_the_page_and_the_csv(four_sessions):
    """The sessions' columns are one table: the class label is its first entry, on the page and
    in the CSV alike."""
    report = build_report(four_sessions, "en", scenes=DATA)
    assert "<th>Class</th><th>Started</th>" in report_html(report)
    rows = list(csv.DictReader(io.StringIO(sessions_csv(report))))
    assert list(rows[0])[:3] == ["label", "class_size", "date"]
    assert sorted(r["label"] for r in rows) == ["", "3B"]


# --- one id, two stories --------------------------------------------------------------------------

def test_two_stories_with_one_id_are_never_merged(four_sessions, mini_loaded, tmp_path):
    """Another file that also says `id: mini` (or mini after an edit) has another content hash:
    its records are counted apart, and the report says the id has several versions."""
    mini, h = mini_loaded
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "mini.yaml").write_bytes((DATA / "mini.yaml").read_bytes())
    other_text = (DATA / "mini.yaml").read_text(encoding="utf-8").replace(
        'en: "The hallway"', 'en: "The other hallway"')
    (scenes / "other.yaml").write_text(other_text, encoding="utf-8")
    from game.core.loader import load
    other = load(scenes / "other.yaml")
    assert other.ok and other.scenario.id == "mini" and other.content_hash != h
    run = engine.start(other.scenario, "en", other.content_hash)
    log = SessionLog.begin(run, "class", other.content_hash)
    decide(log, run, "walk_on", {"walk_on": 30, "stand_by_sam": 1})
    log.release()

    report = build_report(four_sessions, "en", scenes=scenes)
    assert report.sessions == 5
    first, second = report.scenarios
    assert {(t.title, t.sessions, t.variants) for t in report.scenarios} == {
        ("The hallway", 4, 2), ("The other hallway", 1, 2)}
    other_tally = next(t for t in report.scenarios if t.content_hash == other.content_hash)
    walk_on = other_tally.ordered_points()[0].choices[0]
    assert (walk_on.choice_id, walk_on.votes) == ("walk_on", 30)  # not 30 + the others' 20
    page = report_html(report)
    assert page.count("The records hold 2 different versions of the story ‘mini’") == 2
    assert f"content {other.content_hash[:8]}" in page and f"content {h[:8]}" in page
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert {r["scenario_content"] for r in rows} == {h[:8], other.content_hash[:8]}


def test_a_version_not_on_this_computer_is_named_by_the_one_that_is(four_sessions, tmp_path):
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "mini.yaml").write_text((DATA / "mini.yaml").read_text(encoding="utf-8")
                                      + "\n# edited\n", encoding="utf-8")
    report = build_report(four_sessions, "en", scenes=scenes)
    [t] = report.scenarios
    assert t.labelled_by_another and t.title == "The hallway"
    assert "This version of the story is not on this computer" in report_html(report)
    assert not build_report(four_sessions, "en", scenes=DATA).scenarios[0].labelled_by_another


# --- spreadsheets never run a story's text -------------------------------------------------------

@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_no_csv_cell_starts_a_formula(tmp_path, fast_disk, start):
    """Every free-text column of both CSV files (the story's title, a choice's text, an ending's
    title) is written after an apostrophe when it starts like a formula; ids and numbers are not
    text anyone types. (A story's text cannot start with a tab or a carriage return: the loader
    strips the one and refuses the other; `csv_text` is tested on them below.)"""
    evil = json.dumps(f"{start}HYPERLINK(\"http://example.invalid\")")
    text = (DATA / "mini.yaml").read_text(encoding="utf-8")
    for old in ('en: "The hallway"}', "en: I walk on.}", "en: Alone}", "en: Together}"):
        assert text.count(old) == 1, old
        text = text.replace(old, f"en: {evil}}}")
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "mini.yaml").write_text(text, encoding="utf-8")
    from game.core.loader import load
    loaded = load(scenes / "mini.yaml")
    assert loaded.ok, [str(i) for i in loaded.issues]
    run = engine.start(loaded.scenario, "en", loaded.content_hash)
    log = SessionLog.begin(run, "class", loaded.content_hash)
    decide(log, run, "walk_on", {"walk_on": 3, "stand_by_sam": 2})
    decide(log, run, "say_nothing", {"tell_mentor": 1, "say_nothing": 4})
    log.finish(run)
    report = build_report(log.path.parent, "en", scenes=scenes)
    written = json.loads(evil)
    for table, columns in ((report_csv(report), ("choice_text",)),
                           (sessions_csv(report), ("story", "ending_title"))):
        rows = list(csv.DictReader(io.StringIO(table)))
        for column in columns:
            assert "'" + written in {r[column] for r in rows}, column
        cells = [cell for r in rows for cell in r.values()]
        assert not [c for c in cells if c.startswith(FORMULA_STARTS)], table


def test_csv_text_neutralises_every_formula_start():
    for start in FORMULA_STARTS:
        assert csv_text(start + "1+1") == "'" + start + "1+1"
    assert csv_text("3B") == "3B" and csv_text("a=b") == "a=b"
