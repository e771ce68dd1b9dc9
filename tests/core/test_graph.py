"""`bystander graph`: a map a teacher can read without the ids in their head.

Arrows say the choice's text, its stance and its conditions, coloured by stance (Okabe-Ito, as the
game's charts) and dashed when standing by; endings are filled by outcome; a legend says what each
colour, line and shape means. Pictures are drawn by Graphviz when it is installed.
"""

from __future__ import annotations

import re
import shutil

import pytest

from testpaths import MINI, ROOT
from game.core import graph, loader, vocab

OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00",
             "#CC79A7"}


@pytest.fixture(scope="module")
def mini():
    return loader.load(MINI).scenario


def _roads_story(tmp_path):
    """mini, with the first choice's goto as three roads with conditions."""
    text = MINI.read_text(encoding="utf-8").replace(
        "        goto: later\n        consequence: {nl: Sam kijkt je na.",
        "        goto:\n          - {to: end_bad, when: wellbeing < 20}\n"
        "          - {to: end_mixed, when: \"took(outsider) and isolation > 90\"}\n"
        "          - {to: later}\n        consequence: {nl: Sam kijkt je na.", 1)
    path = tmp_path / "roads.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = loader.load(path)
    assert loaded.scenario is not None, loaded.issues
    return loaded.scenario


def test_the_stance_colours_are_okabe_ito_and_the_outcomes_those_of_the_charts():
    from game.classroom.pages import COLOURS
    assert set(graph.STANCE_COLOURS) == set(vocab.STANCES)
    assert set(graph.STANCE_COLOURS.values()) <= OKABE_ITO
    assert len(set(graph.STANCE_COLOURS.values())) == len(vocab.STANCES)
    assert graph.OUTCOME_COLOURS == COLOURS["outcome"]
    assert graph.STANCE_COLOURS["assistant"] == COLOURS["passive"]
    assert graph.STANCE_COLOURS["confront"] == COLOURS["active"]


@pytest.mark.parametrize("lang,text,stance", [("en", "I walk on.", "outsider"),
                                              ("nl", "Ik loop door.", "buitenstaander")])
def test_dot_arrows_say_the_choice_its_stance_and_colour(mini, lang, text, stance):
    dot = graph.to_dot(mini, lang)
    arrow = next(line for line in dot.splitlines() if '"hallway" -> "later"' in line
                 and text in line)
    assert f"({stance})" in arrow
    assert "style=dashed" in arrow and f'color="{graph.STANCE_COLOURS["outsider"]}"' in arrow
    assert "walk_on" not in dot  # the text, not the id
    acting = next(line for line in dot.splitlines() if "stand next to Sam" in line
                  or "naast Sam staan" in line)
    assert "style=solid" in acting and graph.STANCE_COLOURS["support"] in acting


def test_dot_arrows_show_their_conditions(mini, tmp_path):
    dot = graph.to_dot(mini, "en")
    assert re.search(r'"later" -> "end_mixed" \[.*only if chose\(stand_by_sam\)', dot)
    roads = graph.to_dot(_roads_story(tmp_path), "en").replace("\\n", " ")  # lines joined
    assert re.search(r'"hallway" -> "end_bad" \[.*then if wellbeing < 20', roads)
    assert re.search(r'"hallway" -> "end_mixed" \[.*then if took\(outsider\) and isolation > 90',
                     roads)
    assert re.search(r'"hallway" -> "later" \[.*I walk on\..*otherwise', roads)


def test_dot_endings_are_filled_by_outcome_and_say_it(mini):
    dot = graph.to_dot(mini, "en")
    good = next(line for line in dot.splitlines() if line.startswith('    "end_good" ['))
    assert graph.OUTCOME_COLOURS["good"] in good and "Together" in good and "(hopeful)" in good


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_legend_names_every_stance_outcome_and_shape(mini, lang):
    legend, decision = {"en": ("Legend", "decision"), "nl": ("Legenda", "beslismoment")}[lang]
    for text in (graph.to_dot(mini, lang), graph.to_mermaid(mini, lang)):
        assert legend in text and decision in text
        for stance, colour in graph.STANCE_COLOURS.items():
            assert vocab.label(vocab.STANCES[stance], lang) in text and colour in text
        for outcome, colour in graph.OUTCOME_COLOURS.items():
            assert vocab.label(vocab.ENDING_OUTCOMES[outcome], lang) in text and colour in text


def test_the_maps_own_words_are_in_the_language_asked_for(tmp_path):
    """Issue 17: the legend and the conditions on the arrows were English in a Dutch map."""
    story = _roads_story(tmp_path)
    english = ["Legend", "decision", "ending", "standing by", "acting", "only if", "then if",
               "otherwise", "goes on by itself"]
    for text in (graph.to_dot(story, "nl"), graph.to_mermaid(story, "nl")):
        assert [w for w in english if re.search(rf"\b{w}\b", text)] == []
        assert "Legenda" in text and "dan als wellbeing" in text and "anders" in text
    assert "then if wellbeing" in graph.to_dot(story, "en")


def test_mermaid_colours_every_arrow_and_keeps_its_labels_safe(mini, tmp_path):
    text = graph.to_mermaid(_roads_story(tmp_path), "en")
    arrows = [line for line in text.splitlines() if "-->" in line]
    styles = [line for line in text.splitlines() if line.strip().startswith("linkStyle")]
    assert len(styles) == len(arrows)
    assert 'I walk on.<br/>(outsider)<br/>then if wellbeing #lt; 20' in text
    assert "stroke-dasharray" in styles[0]
    assert all(line.count('"') % 2 == 0 for line in text.splitlines())
    assert ":::good" in text and "classDef good fill:#A8DCC8" in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
@pytest.mark.parametrize("story", sorted(p.stem for p in (ROOT / "scenes").glob("*.yaml")))
def test_graphviz_draws_every_shipped_story(story, tmp_path):
    from game.mapfile import map_file
    scenario = loader.load(ROOT / "scenes" / f"{story}.yaml").scenario
    for suffix in (".svg", ".png"):
        data = map_file(scenario, suffix, "nl")
        assert data.startswith(b"\x89PNG" if suffix == ".png" else b"<?xml")
