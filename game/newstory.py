"""`bystander new NAME`: a small, valid, bilingual starting story in the teacher's own folder.

A teacher starts from a story that works (it passes `check --strict`, a test holds it to that)
rather than from an empty file, and finds it where the game reads it: the own stories folder
(paths.own_stories_dir). Nothing is ever overwritten, and an id a story already has is refused,
as the game would refuse the second file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from .paths import ScenarioNotFound, find_scenario

MAX_NAME = 60
"""A title longer than this does not fit a card; the id is made from the name."""


class NewStoryError(Exception):
    """The story cannot be written; the message says why and what to do."""


def story_id(name: str) -> str:
    """The id a name gives: lower case, accents dropped, other signs as `_`
    ("Mijn Verhaal!" -> "mijn_verhaal"), starting with a letter."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")
    words = re.sub(r"^[0-9_]+", "", words)
    return words[:64].rstrip("_")


def write_new_story(name: str, folder: Path) -> Path:
    """Write the starting story called `name` into `folder` (made if needed); its path."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise NewStoryError(f"give the story a name of 1 to {MAX_NAME} characters")
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise NewStoryError("the name has a control or invisible character: type it again")
    scenario_id = story_id(name)
    if not scenario_id:
        raise NewStoryError("the name needs a letter in it, e.g. bystander new kantine")
    path = folder / f"{scenario_id}.yaml"
    try:
        taken = find_scenario(scenario_id)
    except ScenarioNotFound:
        taken = None
    if path.exists() or taken is not None:
        raise NewStoryError(f"there is a story '{scenario_id}' already ({taken or path}); "
                            "choose another name")
    title = json.dumps(name, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
    text = TEMPLATE.format(id=scenario_id, title=title, title_comment=name, path=path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as out:  # never over a file
            out.write(text)
    except OSError as exc:
        raise NewStoryError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


TEMPLATE = """# {title_comment}: a starting story. Change the texts, add scenes and choices; the guide to
# every field is scenes/README.md (in Dutch: scenes/LEESMIJ.md). After each change, run
#   bystander check {path}
# and play it with
#   bystander play {id}
# Eigen verhaal: pas de teksten aan, voeg scènes en keuzes toe (zie scenes/LEESMIJ.md).
id: {id}
title: {{nl: {title}, en: {title}}}
summary:
  nl: "Sam wordt uitgelachen in de gang. Wat doe jij?"
  en: "Sam is laughed at in the hallway. What do you do?"
audience: {{min_age: 12, max_age: 16}}
minutes: 10
languages: [nl, en]
victim: sam
cast:
  sam:
    name: Sam
    role: victim
    look: {{skin: brown, hair: black, hair_style: curly, top: green}}
  rik:
    name: Rik
    role: bully
    look: {{skin: light, hair: blond, hair_style: buzz, top: red}}
meters:
  wellbeing: {{label: {{nl: Welzijn, en: Wellbeing}}, start: 50}}
conditions:
  - id: hurt
    label: {{nl: gekwetst, en: hurt}}
    expression: hurt
    when: wellbeing < 40
  - id: coping
    label: {{nl: houdt zich groot, en: coping}}
    expression: neutral
start: hallway
scenes:
  hallway:
    place: hallway
    step: notice
    cast: {{sam: sad, rik: laughing}}
    beats:
      - text: {{nl: "De bel gaat. Rik staat bij het kluisje van Sam.", en: "The bell rings. Rik is at Sam's locker."}}
      - who: rik
        text: {{nl: "Hé Sam, ben jij er weer?", en: "Hey Sam, you again?"}}
    choices:
      - id: stand_by_sam
        text: {{nl: "Ik ga naast Sam staan.", en: "I go and stand next to Sam."}}
        stance: support
        effects: {{wellbeing: 20}}
        goto: after_class
        consequence: {{nl: "Rik haalt zijn schouders op en loopt weg.", en: "Rik shrugs and walks off."}}
        discuss:
          - {{nl: "Wat deed het voor Sam dat je naast hem stond?", en: "What did it do for Sam that you stood next to him?"}}
      - id: walk_on
        text: {{nl: "Ik loop door.", en: "I walk on."}}
        stance: outsider
        effects: {{wellbeing: -20}}
        goto: alone_in_class
        consequence: {{nl: "Sam kijkt je na.", en: "Sam watches you go."}}
        discuss:
          - {{nl: "Waarom liep je door?", en: "Why did you walk on?"}}
  after_class:
    place: classroom
    step: act
    cast: {{sam: neutral}}
    beats:
      - text: {{nl: "Na de les. Sam pakt langzaam zijn spullen.", en: "After class. Sam slowly packs his things."}}
    choices:
      - id: ask_how
        text: {{nl: "Ik vraag hoe het met hem gaat.", en: "I ask how he is."}}
        stance: support
        effects: {{wellbeing: 10}}
        goto: end_together
        consequence: {{nl: "Sam glimlacht even.", en: "Sam smiles for a moment."}}
        discuss:
          - {{nl: "Wat zou jij willen horen als je Sam was?", en: "What would you want to hear if you were Sam?"}}
      - id: tell_mentor
        text: {{nl: "Ik vertel het aan de mentor.", en: "I tell our mentor."}}
        stance: report
        goto: end_start
        consequence: {{nl: "De mentor gaat met Rik praten.", en: "The mentor is going to talk to Rik."}}
        discuss:
          - {{nl: "Wanneer vertel je iets aan een volwassene?", en: "When do you tell an adult?"}}
  alone_in_class:
    place: classroom
    step: act
    cast: {{sam: sad}}
    beats:
      - text: {{nl: "Na de les zit Sam alleen.", en: "After class Sam sits alone."}}
    choices:
      - id: say_something
        text: {{nl: "Ik ga toch even naar hem toe.", en: "I go over to him after all."}}
        stance: support
        goto: end_start
        consequence: {{nl: "Sam kijkt verrast op.", en: "Sam looks up, surprised."}}
        discuss:
          - {{nl: "Is het te laat om iets te doen als je eerst doorliep?", en: "Is it too late to do something if you walked on at first?"}}
      - id: say_nothing
        text: {{nl: "Ik zeg niets.", en: "I say nothing."}}
        stance: outsider
        effects: {{wellbeing: -10}}
        goto: end_alone
        consequence: {{nl: "Sam blijft alleen zitten.", en: "Sam stays sitting alone."}}
        discuss:
          - {{nl: "Wat als niemand iets zegt?", en: "What if nobody says anything?"}}
  end_together:
    place: classroom
    cast: {{sam: relieved}}
    beats:
      - text: {{nl: "Sam staat er niet meer alleen voor.", en: "Sam is not on his own any more."}}
    ending: together
  end_start:
    place: classroom
    beats:
      - text: {{nl: "Het is nog niet over, maar er gebeurt iets.", en: "It is not over yet, but something is happening."}}
      - text: {{nl: "De mentor weet het nu.", en: "The mentor knows now."}}
        when: chose(tell_mentor)
      - text: {{nl: "Sam weet nu dat iemand hem ziet.", en: "Sam knows now that someone sees him."}}
        when: chose(say_something)
    ending: a_start
  end_alone:
    place: hallway
    beats:
      - text: {{nl: "Het gaat door.", en: "It goes on."}}
    ending: alone
endings:
  together: {{title: {{nl: Samen, en: Together}}, text: {{nl: "Sam is niet meer alleen.", en: "Sam is no longer alone."}}, outcome: good}}
  a_start: {{title: {{nl: Een begin, en: A start}}, text: {{nl: "Het is een begin.", en: "It is a start."}}, outcome: mixed}}
  alone: {{title: {{nl: Alleen, en: Alone}}, text: {{nl: "Sam staat er alleen voor.", en: "Sam is on his own."}}, outcome: bad}}
help:
  - {{nl: "Praat met iemand die je vertrouwt: je mentor, een ouder, de vertrouwenspersoon van school.", en: "Talk to someone you trust: your mentor, a parent, the school's confidential contact."}}
  - {{nl: "De Kindertelefoon: bel gratis 0800-0432 of chat via kindertelefoon.nl.", en: "In the Netherlands, De Kindertelefoon: call 0800-0432 for free or chat at kindertelefoon.nl."}}
"""
