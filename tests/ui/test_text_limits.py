"""A text as long as its limit allows (limits.TEXT_CHARS) is shown whole at 1280x720.

The limits were measured this way: one text of mini.yaml made longer and longer, in both
languages, the story's other texts as they are, until a screen that shows it could no longer fit it
at the smallest size it shrinks text to. This test holds the limits to what the screens show: a layout
that gives a text less room, or a limit raised beyond the room, fails here. (That the shipped
stories have room to grow under the limits is tests/core/test_limits.py's.)
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import tempfile  # noqa: E402

import pytest  # noqa: E402

from game.core import limits, model  # noqa: E402
from game.core.loader import load  # noqa: E402
from game.ui.catalogue import Entry  # noqa: E402
from game.ui.screens.attract import AttractScreen  # noqa: E402
from game.ui.screens.debrief import DebriefScreen  # noqa: E402
from game.ui.screens.kiosk_pick import StoryPickScreen  # noqa: E402
from game.ui.screens.title import TitleScreen  # noqa: E402

from kioskhelp import make_kiosk  # noqa: E402
from test_classroom import class_misfits  # noqa: E402
from test_overflow import entry_misfits  # noqa: E402
from uihelp import MINI, ROOT, entry_of, make_app  # noqa: E402

PRINTED = {"Scenario.note", "Scene.note", "LearningGoal.text"}
"""Texts for the teacher's printed guide only, never on a screen."""
PROSE = {
    "nl": "Maandag, 8.25 uur. De gang naar lokaal 204 staat propvol. Je loopt met Yasmin, je "
          "oortjes nog in. Bij de kluisjes staat Adrian uit jouw klas. Daan en Milan staan om hem "
          "heen. Hé, kijk wie we daar hebben! Heb je je haar weer zelf geknipt? Dan scheldt Daan "
          "hem ergens voor uit. Een paar mensen lachen. Lotte het hardst. Laat me nou gewoon. Kom, "
          "we zijn al laat. Dinsdag, aardrijkskunde. 'Groepjes van vier,' zegt de docent. 'Jullie "
          "kiezen zelf.' Binnen tien seconden staat iedereen ergens. Behalve Adrian. Hij blijft "
          "zitten en doet alsof hij zijn etui opruimt. Wij zijn vol, hoor. Daans groepje is met "
          "z'n drieën. Jullie ook: jij, Sem en Yasmin. Zullen we Jesse vragen? Adrian is gewoon "
          "een beetje raar. Het is niet alsof hij gepest wordt of zo.",
    "en": "Monday, 8:25. The hallway to room 204 is packed. You're walking with Yasmin, earbuds "
          "still in. Adrian from your class is at the lockers. Daan and Milan are standing around "
          "him. Hey, look who it is! Did you cut your own hair again? Then Daan calls him a name. "
          "A few people laugh. Lotte loudest. Just leave me alone. Come on, we're late already. "
          "Tuesday, geography. 'Groups of four,' says the teacher. 'You choose.' Within ten "
          "seconds everyone's somewhere. Except Adrian. He stays in his seat and pretends to tidy "
          "his pencil case. We're full, sorry. Daan's group has three people. So does yours: "
          "you, Sem and Yasmin. Shall we ask Jesse? Adrian's just a bit weird.",
}
"""The stories' own prose, as the limits were measured with it."""
CLOSING = [{"nl": "Hoe voelde het om toe te kijken?", "en": "How did it feel to watch?"},
           {"nl": "Wat neem je mee naar morgen?", "en": "What do you take with you?"},
           {"nl": "Wie zou jij om hulp vragen?", "en": "Who would you ask for help?"}]
def _prose(n: int, lang: str) -> str:
    return ((PROSE[lang] + " ") * (n // len(PROSE[lang]) + 1))[:n]


def _story_with(field: str, n: int) -> Entry:
    """mini.yaml with one text of `field` (the first, in every scene that has one) `n`
    characters long in both languages."""
    loaded = load(MINI)
    s = loaded.scenario
    s.closing = [model.Text(q) for q in CLOSING]
    cls, name = field.split(".")
    owners = {"Scenario": [s], "Meter": list(s.meters.values())[:1],
              "ConditionRule": s.conditions, "CastMember": list(s.cast.values()),
              "Beat": [b for scene in s.scenes.values() for b in scene.beats],
              "Choice": [scene.choices[0] for scene in s.scenes.values() if scene.choices],
              "Ending": list(s.endings.values())}[cls]
    for owner in owners:
        if field == "CastMember.name":
            owner.name = _prose(n, "en")
            continue
        value = getattr(owner, name)
        if value is None:
            value = model.Text()
            setattr(owner, name, value)
        text = value[0] if isinstance(value, list) else value
        for lang in ("nl", "en"):
            text[lang] = _prose(n, lang)
    return Entry(MINI, s, loaded.content_hash)


def _show(app, screen) -> list[str]:
    app.stack = [screen]
    screen.finish_animations()
    app.draw()
    return screen.overflows()


def _debrief_misfits(entry: Entry, lang: str) -> list[str]:
    """Every page of the debrief after a road through the story."""
    app = make_app([entry], size=(1280, 720), lang=lang)
    app.begin_class(entry)
    run = app.run
    while not run.ended:
        view = run.view()
        if view.can_advance and not view.choices:
            run.advance()
        else:
            run.choose(next(c.id for c in view.choices if c.available))
    debrief = DebriefScreen(app, run)
    out = []
    for page in debrief.pages():
        debrief.show(page)
        out += [f"debrief {page}: {t}" for t in _show(app, debrief)]
    return out


def _title_misfits(entry: Entry, lang: str) -> list[str]:
    """The story's card on the title screen (it grows with its text: it must stay above the
    buttons), and at an event, the story pick and the attract loop beside the event story."""
    app = make_app([entry], size=(1280, 720), lang=lang)
    title = TitleScreen(app, 0)
    out = [f"title: {t}" for t in _show(app, title)]
    if title.cards[0].rect.bottom > title.actions[0].rect.y:
        out.append("title: the story's card runs into the buttons")
    kiosk = make_kiosk([entry, entry_of(ROOT / "scenes" / "group_chat.yaml")],
                       tempfile.mkdtemp(), lang=lang)
    out += [f"story pick: {t}" for t in _show(kiosk, StoryPickScreen(kiosk, None))]
    out += [f"attract: {t}" for t in _show(kiosk, AttractScreen(kiosk))]
    return out


@pytest.mark.parametrize("field", sorted(set(limits.TEXT_CHARS) - PRINTED))
def test_a_text_at_its_limit_is_shown_whole(field):
    entry = _story_with(field, limits.TEXT_CHARS[field])
    problems = []
    for lang in ("nl", "en"):
        problems += [f"{lang} {where}" for where, _ in entry_misfits(entry, lang, (1280, 720))]
        problems += [f"{lang} {p}" for p in class_misfits(entry, lang)
                     + _debrief_misfits(entry, lang)]
        if field.startswith("Scenario."):
            problems += [f"{lang} {p}" for p in _title_misfits(entry, lang)]
    assert not problems, f"{field} at {limits.TEXT_CHARS[field]} characters:\n" + \
        "\n".join(problems)


def test_a_text_one_screen_longer_is_not_shown_whole():
    """The test can fail: a choice twice its limit does not fit."""
    entry = _story_with("Choice.text", 2 * limits.TEXT_CHARS["Choice.text"])
    assert entry_misfits(entry, "nl", (1280, 720))


TOO_LONG = {
    "Beat.text": ["beat"],
    "Choice.text": ["choices", "vote"],
    "Choice.consequence": ["consequence"],  # the talk falls back to its first sentence
    "Choice.discuss": ["discussion", "talk"],
    "Choice.unavailable": ["all closed"],
    "Ending.text": ["ending"],
    "Scenario.summary": ["title:", "story pick:"],  # the attract loop leaves it out
    "Scenario.title": ["attract:"],
    "Scenario.closing": ["debrief closing"],
    "Scenario.help": ["ending", "debrief help"],
}
"""A field, and the screens (as the lists of misfits name them) that must each say that a text
of it three times its limit does not fit."""
TIMES = {"Choice.text": 5}
"""How many times its limit a field's text must be to be far too long for every screen: three,
but a choice's five, as a vote of two choices gives one of them most of the screen (three times
a choice's limit fits there, in small text)."""


@pytest.mark.parametrize("field", sorted(TOO_LONG))
def test_every_screen_says_when_a_text_does_not_fit(field):
    """The tests above can fail on every screen: each screen that shows the text reports it
    when it is far too long (the text records itself where it is drawn, see ui/drawing.py)."""
    entry = _story_with(field, TIMES.get(field, 3) * limits.TEXT_CHARS[field])
    problems = ([f"{where}: {text}" for where, text in entry_misfits(entry, "nl", (1280, 720))]
                + class_misfits(entry, "nl") + _debrief_misfits(entry, "nl"))
    if field.startswith("Scenario."):
        problems += _title_misfits(entry, "nl")
    silent = [where for where in TOO_LONG[field] if not any(where in p for p in problems)]
    assert not silent, f"{field} far too long, not reported by: {silent}"
