"""The teacher's guide: every text of the scenario, well-formed, self-contained, timed to the minute."""

from __future__ import annotations

import html
import re

import pytest

from classhelp import check_well_formed
from game.classroom import guide, lesson
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


@pytest.fixture(scope="module")
def analysed():
    """Every shipped story and mini, with the analysis of its roads."""
    from classhelp import MINI, SHIPPED, load_ok
    from game.core.analysis import analyse
    out = {}
    for path in [*SHIPPED, MINI]:
        scenario, _ = load_ok(path)
        out[scenario.id] = (scenario, analyse(scenario))
    return out


@pytest.mark.parametrize("minutes", lesson.LESSON_MINUTES)
def test_every_lesson_plan_fills_the_lesson_hour_a_third_of_it_debrief(analysed, minutes):
    for story, (scenario, found) in analysed.items():
        plan = lesson.lesson_plan(scenario, found, minutes, "en")
        rows = plan.rows
        assert sum(r.minutes for r in rows) == minutes, story
        assert [r.start for r in rows] == [sum(r.minutes for r in rows[:i])
                                           for i in range(len(rows))]
        debrief = [r for r in rows if r.title.startswith("Debrief: ")]
        assert [r.title for r in debrief] == ["Debrief: Describe", "Debrief: Analyse",
                                              "Debrief: Transfer", "Debrief: Apply"]
        assert abs(sum(r.minutes for r in debrief) - minutes / 3) <= 1, story
        story_row = next(r for r in rows if r.title == "The story")
        talks = plan.talks * lesson.DISCUSSION_MINUTES
        assert plan.decisions * lesson.VOTE_MINUTES + talks <= story_row.minutes, story
        assert plan.decisions == found.typical


def test_the_plan_reads_the_games_own_numbers(analysed):
    """The talk is the discussion timer's default, a decision 5 to 6 minutes as measured."""
    assert 5 <= lesson.DECISION_MINUTES <= 6
    assert lesson.VOTE_MINUTES + lesson.DISCUSSION_MINUTES == lesson.DECISION_MINUTES
    scenario, found = analysed["adrian"]
    page = guide.guide_html(scenario, "en")
    assert (f"a decision takes a class about {lesson.DECISION_MINUTES} minutes with its vote and "
            f"its talk") in page
    assert f"of which {lesson.DISCUSSION_MINUTES} for the talk" in page
    assert "takes 5 to 9, usually 6 decisions" in page
    # The debrief's steps once, under the plans, with the bystander steps as the game names them.
    assert page.count("Debrief: Analyse") == 2 and page.count("At which bystander step") == 1
    assert "(notice, interpret as a problem, take responsibility, know how to help, act)" in page


def test_adrian_does_not_fit_so_the_plan_says_where_to_talk(analysed):
    """Adrian's typical road has 6 decisions: 36 minutes with every talk, more than a lesson
    hour leaves. Every decision is voted on; the talks go where the ending moves most."""
    scenario, found = analysed["adrian"]
    for minutes, talks in ((45, 3), (50, 4)):
        plan = lesson.lesson_plan(scenario, found, minutes, "en")
        assert (plan.decisions, plan.talks, plan.stop_after, plan.what_if) == (6, talks, None,
                                                                               False)
        talk_at = {d.scene_id for d in plan.talk_at}
        assert talk_at | {d.scene_id for d in plan.vote_only_at} == {
            d.scene_id for d in found.decisions}
        assert {"hallway_monday", "toilets", "played_down"} <= talk_at
        assert "group_work" not in talk_at  # it moves the ending by 0.08
        # A road meets no more talks than there is time for, on average.
        assert sum(d.reached for d in found.decisions if d.scene_id in talk_at) <= talks
    first = lesson.lesson_plan(scenario, found, 45, "en").talk_at[0]
    assert (first.number, first.title) == (1, "Monday, 8:25. The hallway to room 204 is packed.")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plan_names_scenes_by_title_never_by_id(analysed, lang):
    scenario, _ = analysed["adrian"]
    page = guide.guide_html(scenario, lang)
    plan = html.unescape(re.sub(r"<[^>]+>", " ", page.split('<section id="plan">')[1]
                                .split("</section>")[0]))
    # Ids that are also words ("toilets") may be said as words; never as an id.
    assert not [s for s in scenario.scenes if "_" in s and s in plan]
    assert not [s for s in scenario.scenes if re.search(rf"(·|\(|:) ?{s}\b", plan)]
    heading = {"nl": "Praat bij deze keuzes", "en": "Talk at these decisions"}[lang]
    assert heading in plan and lesson.scene_title(
        scenario, scenario.scenes["toilets"], lang) in plan


def test_a_short_story_leaves_time_for_a_what_if(analysed):
    scenario, found = analysed["mini"]
    plan = lesson.lesson_plan(scenario, found, 45, "en")
    assert (plan.decisions, plan.talks, plan.what_if) == (2, 2, True)
    assert not plan.talk_at and not plan.vote_only_at
    assert [r.title for r in plan.rows][:3] == ["Introduction", "The story", "What if?"]


def test_a_road_too_long_for_even_the_votes_stops_for_the_debrief(analysed):
    import dataclasses
    scenario, found = analysed["adrian"]
    long_road = dataclasses.replace(found, road_lengths={12: 1.0})
    plan = lesson.lesson_plan(scenario, long_road, 45, "en")
    assert (plan.talks, plan.stop_after) == (0, 27 // lesson.VOTE_MINUTES)
    assert "after decision 9, stop and start the debrief" in plan.rows[1].what
    assert sum(r.minutes for r in plan.rows) == 45


def test_a_scene_is_named_by_the_words_it_opens_with(analysed):
    scenario, _ = analysed["adrian"]
    title = lambda s, lang="en": lesson.scene_title(scenario, scenario.scenes[s], lang)  # noqa
    assert title("evening") != title("evening_forwarded")  # "22:40." alone names both
    assert title("evening") == "22:40. You're in bed, but you can't sleep."
    assert title("toilets", "nl") == "Donderdag, kleine pauze. De toiletten in de oude vleugel."
    assert all(len(title(s)) <= lesson.TITLE_MOST for s in scenario.scenes)


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


# --- running class mode, a pupil who tells, the school --------------------------------------------

def section(page: str, anchor: str) -> str:
    """The text of the section that starts at `id="anchor"`, tags removed."""
    part = page.split(f'id="{anchor}"', 1)[1].split("</section>", 1)[0]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part)))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_guide_lists_every_key_of_class_mode(guides, lang):
    """As classmode.KEYS has them; tests/ui/test_guide_keys.py presses each one in the game."""
    from game.classroom.classmode import key_tables
    text = section(guides[lang], "classmode")
    for screen in key_tables(lang):
        assert screen["name"] in text
        for keys, does in screen["rows"]:
            assert f"{keys} {does}" in text, (keys, does)
    assert "bystander play --class adrian" in text
    assert {"nl": "Spatiebalk", "en": "Space"}[lang] in text


SAYS = {
    "en": ["Do not promise secrecy.", "Listen.", "Write down what was said,",
           "anti-bullying coordinator", "by law", "mentor", "Follow up.",
           "Meldcode huiselijk geweld en kindermishandeling"],
    "nl": ["Beloof geen geheimhouding.", "Luister.", "Schrijf op wat er gezegd is,",
           "anti-pestcoördinator", "volgens de wet", "mentor", "Kom erop terug.",
           "Meldcode huiselijk geweld en kindermishandeling"],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_guide_says_what_to_do_when_a_pupil_discloses(guides, lang):
    text = section(guides[lang], "care").split({"nl": "Wat de school doet",
                                                "en": "What the school does"}[lang])[0]
    positions = [text.find(said) for said in SAYS[lang]]
    assert -1 not in positions, [s for s, p in zip(SAYS[lang], positions) if p == -1]
    assert positions[:3] == sorted(positions[:3])  # no secrecy, listen, write it down: in order


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_guide_links_the_modules_strategies_to_the_school(guides, lang):
    from game.classroom.school import school_rows
    text = section(guides[lang], "care")
    rows = school_rows(lang)
    for part, what, who in rows:
        assert f"{part} {what} {who}" in text
    names = [part for part, _what, _who in rows]
    for strategy in ("mentoring", "parents", "school_leadership"):
        assert vocab.label(vocab.STRATEGIES[strategy], lang) in names
    assert {"nl": "Gegevensverzameling", "en": "Data collection"}[lang] in names


def test_the_guide_cites_no_research_of_its_own(guides):
    """The guide's own words say what the module says; they cite nothing it does not."""
    for page in guides.values():
        for anchor in ("plan", "classmode", "care"):
            assert not re.search(r"\(\w[^()]*(et al\.|&)[^()]*\d{4}\)", section(page, anchor))
