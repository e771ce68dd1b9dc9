"""Every check can fail: each one is shown a scenario with exactly the fault it looks for."""

from __future__ import annotations

import pytest

from testpaths import ALL_SCENARIOS, MINI
from game.core import checks
from game.core.loader import load

MINI_TEXT = MINI.read_text(encoding="utf-8")

# check name -> (text to replace in mini.yaml, replacement, issue code, severity, line hint)
FAULTS = {
    "check_languages": ("languages: [nl, en]", "languages: [nl, en, EN]", "languages", "error",
                        "languages:"),
    "check_translations": ("{nl: Ik loop door., en: I walk on.}", "{nl: Ik loop door.}",
                           "translation", "error", "{nl: Ik loop door.}"),
    "check_text_lengths": ("{nl: Na de les., en: After class.}",
                           "{nl: Na de les., en: " + "After class. " * 30 + "}", "too_long",
                           "warning", "Na de les"),
    "check_ids": ("  - id: hurt\n", "  - id: Hurt\n", "id", "error", "- id: Hurt"),
    "check_duplicate_ids": ("- id: say_nothing", "- id: walk_on", "duplicate_id", "error",
                            "- id: walk_on\n        text: {nl: Ik zeg"),
    "check_start": ("start: hallway", "start: hall", "unknown_scene", "error", "start: hall"),
    "check_gotos": ("goto: end_bad", "goto: end_badd", "unknown_scene", "error", "goto: end_badd"),
    "check_cast": ("cast: {sam: neutral, rik: laughing}", "cast: {sam: neutral, rick: laughing}",
                   "unknown_character", "error", "cast: {sam: neutral, rick"),
    "check_effects": ("effects: {wellbeing: 10}", "effects: {welbeing: 10}", "unknown_meter",
                      "error", "effects: {welbeing"),
    "check_scene_shapes": ("    ending: alone\n", "", "dead_end", "error", "  end_bad:"),
    "check_reachable_scenes": ("goto: end_mixed", "goto: end_good", "unreachable_scene",
                               "warning", "  end_mixed:"),
    "check_reachable_endings": ("    ending: mixed\n", "    ending: better\n",
                                "unreachable_ending", "warning", "  mixed: {title"),
    "check_way_out": ("    ending: alone\n", "    next: end_bad\n", "no_way_out", "error",
                      "  end_bad:"),
    "check_all_choices_conditional": (
        [("stance: outsider\n        effects: {wellbeing: -25",
          "stance: outsider\n        when: wellbeing > 0\n        unavailable: {nl: x, en: x}"
          "\n        effects: {wellbeing: -25"),
         ("stance: support\n        strategy: bystander_skills",
          "stance: support\n        when: wellbeing > 0\n        unavailable: {nl: x, en: x}"
          "\n        strategy: bystander_skills")],
        None, "stuck", "warning", "      - id: walk_on"),
    "check_conditions": ("when: chose(stand_by_sam)", "when: chose(stand_by_tom)", "condition",
                         "error", "when: chose(stand_by_tom)"),
    "check_condition_rules": ("    expression: neutral\nstart:",
                              "    expression: neutral\n    when: wellbeing > 1\nstart:", "rules",
                              "error", "when: wellbeing > 1"),
    "check_unavailable_reasons": ("        unavailable: {nl: Je stond er niet bij., en: You were "
                                  "not there.}\n", "", "reason", "warning",
                                  "when: chose(stand_by_sam)\n        goto"),
    "check_meters": ("start: 60}", "start: 160}", "meters", "error", "start: 160"),
    "check_audience": ("minutes: 10", "minutes: 0", "minutes", "error", "minutes: 0"),
    "check_help": (MINI_TEXT[MINI_TEXT.index("help:"):], "help: []\n", "help", "error", "help:"),
    "check_version": ("minutes: 10\n", "minutes: 10\nversion: -1\n", "version", "error",
                      "version: -1"),
    "check_counts": ("conditions:\n", "".join(f"  m{i}: {{label: {{nl: M, en: M}}, start: 0}}\n"
                                              for i in range(31)) + "conditions:\n",
                     "too_many", "error", "  m30:"),
    "check_discussion": ("        discuss:\n          - {nl: Wat als niemand iets zegt?, en: What "
                         "if nobody says anything?}\n", "", "discussion", "warning",
                         "- id: say_nothing"),
}


def test_every_check_has_a_fault_to_find():
    assert {c.__name__ for c in checks.CHECKS} == set(FAULTS)


def test_the_example_is_clean():
    assert load(MINI).issues == []


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_check_finds_its_fault(tmp_path, name):
    old, new, code, severity, at = FAULTS[name]
    text = MINI_TEXT
    for a, b in old if isinstance(old, list) else [(old, new)]:
        assert a in text, a
        text = text.replace(a, b, 1)
    path = tmp_path / "faulty.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    found = [i for i in loaded.issues if i.code == code]
    assert found, [str(i) for i in loaded.issues]
    assert found[0].severity == severity
    assert found[0].pos.line == text[: text.index(at)].count("\n") + 1, str(found[0])
    assert loaded.ok == (severity == "warning")


def test_condition_errors_point_into_the_condition(tmp_path):
    text = MINI_TEXT.replace("when: chose(stand_by_sam)", "when: chose(stand_by_sam) or x > 3")
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    issue = next(i for i in load(path).issues if i.code == "condition")
    line = text.splitlines()[issue.pos.line - 1]
    assert line[issue.pos.col - 1:].startswith("x > 3"), (line, issue)


STUCK = [
    # (what, replacements in mini.yaml, scene reported): a player who gets there has no choice
    ("at the start, by the meters", [
        ("stance: outsider\n        effects: {wellbeing: -25",
         "stance: outsider\n        when: wellbeing < 50\n        unavailable: {nl: x, en: x}"
         "\n        effects: {wellbeing: -25"),
        ("stance: support\n        strategy: bystander_skills",
         "stance: support\n        when: isolation > 50 or chose(say_nothing)\n"
         "        unavailable: {nl: x, en: x}\n        strategy: bystander_skills")], "hallway"),
    ("at the start, by the road so far", [
        ("stance: outsider\n        effects: {wellbeing: -25",
         "stance: outsider\n        when: visited(later)\n        unavailable: {nl: x, en: x}"
         "\n        effects: {wellbeing: -25"),
        ("stance: support\n        strategy: bystander_skills",
         "stance: support\n        when: took(support) or not role(bystander)\n"
         "        unavailable: {nl: x, en: x}\n        strategy: bystander_skills")], "hallway"),
    ("at the start, through roads with conditions", [
        ("start: hallway\n", "start: intro\n"),
        ("scenes:\n", "scenes:\n  intro:\n    place: hallway\n    beats:\n"
         "      - text: {nl: Maandag., en: Monday.}\n"
         "    next: [{to: hallway, when: wellbeing > 50}, {to: later}]\n"),
        ("stance: outsider\n        effects: {wellbeing: -25",
         "stance: outsider\n        when: not visited(intro) or count(active) > 0\n"
         "        unavailable: {nl: x, en: x}\n        effects: {wellbeing: -25"),
        ("stance: support\n        strategy: bystander_skills",
         "stance: support\n        when: streak(passive) >= 1\n"
         "        unavailable: {nl: x, en: x}\n        strategy: bystander_skills")], "hallway"),
    ("anywhere, beyond a meter's bounds", [
        ("stance: report\n", "stance: report\n        when: wellbeing > 100\n"
         "        unavailable: {nl: x, en: x}\n"),
        ("stance: outsider\n        effects: {wellbeing: -10",
         "stance: outsider\n        when: false or isolation < 0\n        unavailable: {nl: x, en: x}"
         "\n        effects: {wellbeing: -10"),
        ("when: chose(stand_by_sam)\n        unavailable",
         "when: chose(stand_by_sam) and not wellbeing <= 100\n        unavailable")],
     "later"),
]


@pytest.mark.parametrize("what,replacements,scene", STUCK, ids=[s[0] for s in STUCK])
def test_a_scene_where_the_player_is_stuck_for_sure_is_an_error(tmp_path, what, replacements,
                                                                 scene):
    text = MINI_TEXT
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "stuck.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    stuck = [i for i in loaded.issues if i.code == "stuck"]
    assert stuck and stuck[0].severity == "error", [str(i) for i in loaded.issues]
    assert f"'{scene}'" in stuck[0].message
    choices = text.index("    choices:\n", text.index(f"  {scene}:\n"))
    assert stuck[0].pos.line == text[:choices].count("\n") + 2  # where its choices start
    assert not loaded.ok


@pytest.mark.parametrize("path", ALL_SCENARIOS, ids=lambda p: p.stem)
def test_texts_are_iter_texts_without_their_labels(path):
    """check_translations and the glyph check walk `texts` (no labels) and ask `iter_texts`
    only for a story with a problem: the two must find the same texts in the same order."""
    scenario = load(path).scenario
    assert [id(t) for t in checks.texts(scenario)] == [
        id(t) for _label, t in checks.iter_texts(scenario)]
    assert len(checks.texts(scenario)) > 10


def test_the_checks_work_out_each_reachable_set_once(monkeypatch):
    """Three checks need the reachable scenes (all roads, and the possible ones): run_checks
    works each set out once for them, and their issues are those they find alone."""
    scenario = load(MINI).scenario
    alone = (checks.check_reachable_scenes(scenario) + checks.check_reachable_endings(scenario)
             + checks.check_way_out(scenario))
    calls = []
    real = checks.reachable
    monkeypatch.setattr(checks, "reachable", lambda s, **kw: calls.append(kw) or real(s, **kw))
    issues = checks.run_checks(scenario)
    assert sorted(c["possible"] for c in calls) == [False, True]
    shared = [i for i in issues if i.code in ("unreachable_scene", "unreachable_ending",
                                               "no_way_out")]
    assert sorted(shared, key=str) == sorted(alone, key=str)
