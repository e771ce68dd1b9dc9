"""What the shipped scenarios promise a class: the seed's strategies covered, every stance a real
option, decision points labelled, help at every ending, both languages everywhere."""

from __future__ import annotations

import pytest

from game.core import vocab
from game.core.loader import load
from testpaths import SHIPPED

SCENARIOS = {p.stem: load(p).scenario for p in SHIPPED}


def test_the_five_scenarios_ship():
    assert {"adrian", "group_chat", "playground", "teacher_hallway", "speaking_up"} <= set(
        SCENARIOS)


def test_every_seed_strategy_is_practised_by_at_least_one_choice():
    practised = {c.strategy for s in SCENARIOS.values() for scene in s.scenes.values()
                 for c in scene.choices if c.strategy}
    assert practised == set(vocab.STRATEGIES), f"not practised: {set(vocab.STRATEGIES) - practised}"


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_learning_goals_name_strategies_the_scenario_practises(name):
    """Goals name seed strategies; most are practised by a choice (some only by the story)."""
    s = SCENARIOS[name]
    practised = {c.strategy for scene in s.scenes.values() for c in scene.choices}
    assert len(s.learning_goals) >= 3
    by_choice = [g for g in s.learning_goals if g.strategy in practised]
    assert len(by_choice) * 2 >= len(s.learning_goals), name


def test_adrian_offers_every_stance_and_step():
    s = SCENARIOS["adrian"]
    decisions = [scene for scene in s.scenes.values() if scene.choices]
    assert len(decisions) >= 6 and len(s.endings) >= 5
    assert {c.stance for scene in decisions for c in scene.choices} == set(vocab.STANCES)
    assert {scene.step for scene in decisions} == set(vocab.STEPS)
    assert all(scene.step for scene in decisions)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_choice_has_two_or_three_discussion_prompts(name):
    for scene in SCENARIOS[name].scenes.values():
        for c in scene.choices:
            assert 2 <= len(c.discuss) <= 3, f"{name}: {c.id}"


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_help_names_a_trusted_adult_the_confidential_contact_and_the_kindertelefoon(name):
    nl = " ".join(h["nl"] for h in SCENARIOS[name].help).lower()
    assert "vertrouwenspersoon" in nl and "kindertelefoon" in nl and "0800-0432" in nl


def test_the_adrian_debrief_holds_the_seeds_reflection_question():
    s = SCENARIOS["adrian"]
    prompts = " ".join(d["nl"] for scene in s.scenes.values() for c in scene.choices
                       for d in c.discuss).lower()
    assert "in de gang werd gepest" in prompts and "wat deed jij toen" in prompts


def test_at_least_one_scenario_suits_an_event():
    assert any(s.event for s in SCENARIOS.values())
