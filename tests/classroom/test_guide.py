"""The teacher's guide: every text of the scenario, well-formed, self-contained, timed to the minute."""

from __future__ import annotations

import html
import re

import pytest

from classhelp import check_well_formed
from game.classroom import guide
from game.core import vocab


@pytest.fixture(scope="module")
def guides(adrian_loaded):
    adrian, _ = adrian_loaded
    return {lang: guide.guide_html(adrian, lang) for lang in ("nl", "en")}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_guide_holds_every_scene_and_choice_text(adrian_loaded, guides, lang):
    adrian, _ = adrian_loaded
    page = guides[lang]
    texts = list(guide.every_text(adrian, lang))
    texts += [adrian.title.get_text(lang), adrian.summary.get_text(lang)]
    texts += [g.text.get_text(lang) for g in adrian.learning_goals]
    texts += [q.get_text(lang) for q in adrian.closing] + [h.get_text(lang) for h in adrian.help]
    texts += [e.title.get_text(lang) for e in adrian.endings.values()]
    texts += [e.text.get_text(lang) for e in adrian.endings.values()]
    if adrian.note:
        texts.append(adrian.note.get_text(lang))
    missing = [t for t in texts if t not in html.unescape(page)]
    assert not missing, missing[:3]
    for scene_id in adrian.scenes:
        assert f'id="scene-{scene_id}"' in page and f'id="map-{scene_id}"' in page
    for goal in adrian.learning_goals:
        assert vocab.label(vocab.STRATEGIES[goal.strategy], lang) in html.unescape(page)
    assert f'<html lang="{lang}">' in page


def test_the_guide_speaks_one_language(guides):
    assert "Lesplan" in guides["nl"] and "Lesson plan" not in guides["nl"]
    assert "Lesson plan" in guides["en"] and "Lesplan" not in guides["en"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_guide_is_well_formed_and_loads_nothing(guides, lang):
    page = guides[lang]
    parsed = check_well_formed(page)
    assert "svg" in parsed.tags and "table" in parsed.tags
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import|<script|<link|<img|<iframe",
                         page, re.I)
    assert "@media print" in page and "break-before: page" in page


@pytest.mark.parametrize("minutes", [5, 10, 30, 45, 90])
def test_the_lesson_plan_adds_up_to_the_scenario_time(adrian_loaded, minutes):
    import copy
    adrian = copy.deepcopy(adrian_loaded[0])
    adrian.minutes = minutes
    plan = guide.lesson_plan(adrian, "en")
    assert sum(row.minutes for row in plan) == minutes
    assert [row.start for row in plan] == [sum(r.minutes for r in plan[:i])
                                           for i in range(len(plan))]
    assert plan[0].title == "Introduction" and plan[-1].title == "Closing"
    if minutes >= 30:
        points = guide.decision_points(adrian)
        assert len([r for r in plan if r.title.startswith("Decision point")]) == len(points)


def test_decision_points_follow_the_story(mini_loaded):
    mini, _ = mini_loaded
    assert guide.decision_points(mini) == [["hallway"], ["later"]]
    assert guide.fewest_decisions(mini) == 2


def test_conditions_read_as_words(adrian_loaded, mini_loaded):
    adrian, _ = adrian_loaded
    words = lambda text, lang="en": guide.condition_words(adrian, text, lang)  # noqa: E731
    forward = adrian.scenes["meme"].choices[0]
    assert forward.id == "forward_meme"
    assert words("not chose(forward_meme)") == (
        f"the class did not choose “{forward.text['en']}” (forward_meme)")
    assert words("safety >= 60") == "Safety is at least 60"
    assert words("30 > wellbeing", "nl") == "Welzijn is lager dan 30"
    assert words("took(support) and (role(defender) or visited(canteen))") == (
        "the class has taken the stance ‘support’ at least once and (the class is now a "
        "defender or "
        "the class has been in scene 3 (canteen))")
    assert words("not (safety < 10 or true)") == "not: (Safety is below 10 or always)"


def test_effects_say_better_or_worse_in_words(mini_loaded):
    mini, _ = mini_loaded
    walk_on = mini.scenes["hallway"].choices[0]
    assert guide.effect_words(mini, walk_on, "en") == ["Wellbeing −25 (worse)",
                                                       "Isolation +20 (worse)"]
    stand_by = mini.scenes["hallway"].choices[1]
    assert guide.effect_words(mini, stand_by, "nl") == ["Welzijn +15 (beter)",
                                                        "Eenzaamheid −20 (beter)"]


def test_the_map_is_not_colour_alone(adrian_loaded):
    adrian, _ = adrian_loaded
    svg = guide.map_svg(adrian, "en")
    passive = {(s.id, r.to) for s in adrian.scenes.values() for c in s.choices
               for r in c.routes if c.stance in vocab.PASSIVE_STANCES}
    dashed = svg.count('stroke-dasharray="7 4"')
    assert dashed == len(passive)
    assert svg.count("<polygon") == sum(1 for s in adrian.scenes.values() if s.choices)
    legend = guide.legend_html("en")
    assert "dashed line" in legend and "solid line" in legend and "decision point" in legend
    for e in adrian.endings.values():
        assert vocab.label(vocab.ENDING_OUTCOMES[e.outcome], "en") in html.unescape(svg)
