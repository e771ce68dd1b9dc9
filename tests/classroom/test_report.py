"""The school's report: votes per decision point, active against passive, endings, held back."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from classhelp import DATA, check_well_formed, play_the_mini_lesson
from game.classroom.records import SessionLog
from game.classroom.report import CSV_COLUMNS, build_report, report_csv, report_html
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
    b = SessionLog.begin(run, "class", h)
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
    future["version"] = 2
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
    assert active in page


def test_an_empty_folder_gives_an_empty_report(tmp_path):
    report = build_report(tmp_path, "en")
    assert (report.sessions, report.scenarios, report.problems) == (0, [], [])
    page = report_html(report)
    assert "No sessions found yet." in page
    check_well_formed(page)
