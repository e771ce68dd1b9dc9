"""The teacher's guide: one self-contained HTML file that prints well on A4.

`bystander guide adrian --lang nl -o guide.html` writes it: the scenario at a glance, the teacher
note, the learning goals with the seed strategies they come from, a lesson plan with timings, the
branch map (an inline SVG laid out by guide_map.py, so nothing needs to be installed), every scene
with its beats and choices, the endings, the closing questions and where to get help. This module
works out what the guide says; templates/guide.html is its markup, rendered with autoescaping, so
no piece of scenario text can become markup; the file loads nothing from anywhere.
"""

from __future__ import annotations

import string
from collections import deque
from dataclasses import dataclass
from functools import partial
from typing import Iterable

from ..core import expr, vocab
from ..core.analysis import analyse
from ..core.model import Choice, Route, Scenario, Scene
from ..core.translations import LANGUAGES
from . import guide_map, pages
from .guide_map import scene_order

# The guide's own wording, one dict per language; a third language is one more dict.
GUIDE_TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "guide": "Handleiding voor de leerkracht",
        "contents": "Inhoud",
        "at_a_glance": "In het kort",
        "audience": "Leeftijd",
        "ages": "{min} tot {max} jaar",
        "minutes": "Duur",
        "minutes_value": "ongeveer {n} minuten, met nabespreking",
        "languages": "Talen",
        "decision_points": "Beslismomenten per keer spelen",
        "scenes_endings": "Scènes en einden",
        "scenes_endings_value": "{scenes} scènes, {endings} einden",
        "version": "Versie",
        "cast": "Personages",
        "teacher_note": "Voor de leerkracht",
        "goals": "Leerdoelen",
        "goal": "Leerdoel",
        "strategy": "Strategie uit de module",
        "plan": "Lesplan",
        "plan_intro": "Berekend uit de duur van het scenario ({minutes} minuten) en het aantal "
                      "beslismomenten per keer spelen ({points}). Schuif gerust met de tijd: "
                      "het gesprek is belangrijker dan het einde halen.",
        "time": "Tijd",
        "part": "Onderdeel",
        "min": "Min.",
        "what": "Wat je doet",
        "intro": "Introductie",
        "intro_what": "Lees de samenvatting voor en spreek af hoe de klas stemt. Zeg dat het "
                      "verhaal verzonnen is, dat niemand iets over zichzelf hoeft te vertellen, "
                      "en waar je terechtkunt als er iets is.",
        "point": "Beslismoment {n}",
        "point_what": "Scène {scenes}. Spelen: toon de scène, laat de klas stemmen, kies en toon "
                      "het gevolg ({play} min.). Bespreken: de vragen bij de gekozen keuze "
                      "({discuss} min.).",
        "point_some": " Niet elke weg komt hier.",
        "debrief": "Nabespreking",
        "debrief_what": "Welke rollen nam de klas aan, bij welke stap bleef ze hangen, welke "
                        "strategieën gebruikte ze en welke niet? Ga eventueel terug naar een "
                        "beslismoment en neem de andere weg: wat als?",
        "closing": "Afsluiting",
        "closing_what": "Stel de afsluitende vragen, laat leerlingen hun rol neerleggen en noem "
                        "waar je hulp kunt krijgen.",
        "map": "Kaart van het verhaal",
        "matters": "Keuzes die het meest uitmaken",
        "matters_intro": "Per keuzemoment: hoe ver het verwachte einde verschuift als de speler "
                         "ingrijpt in plaats van toekijkt (0 = zwaar, 1 = gemengd, 2 = hoopvol; "
                         "het gemiddelde over alle wegen, alsof elke keuze even vaak gemaakt "
                         "wordt). Dit zijn de momenten die het meest de moeite waard zijn om te "
                         "bespreken.",
        "moment": "Moment",
        "acting": "Ingrijpen",
        "standing_by": "Toekijken",
        "difference": "Verschil",
        "matters_first": "De eerste keuze verschuift het verwachte einde met {effect}.",
        "matters_none": "In dit verhaal is er geen keuzemoment met zowel ingrijpen als "
                        "toekijken.",
        "map_intro": "Elke scène met haar nummer. Volg een pijl voor een keuze; de letter is de "
                     "knop in het spel (A, B, C, D).",
        "legend": "Legenda",
        "legend_decision": "beslismoment (de klas kiest)",
        "legend_scene": "scène zonder keuze (gaat vanzelf verder)",
        "legend_ending": "einde, met de uitkomst voor het slachtoffer",
        "legend_active": "actieve keuze (ingrijpen): doorgetrokken lijn",
        "legend_passive": "passieve keuze (toekijken, meedoen): gestreepte lijn",
        "legend_next": "vanzelf verder: dunne stippellijn",
        "scenes": "Scènes",
        "scene": "Scène",
        "place": "Plek",
        "step": "Stap van de omstander",
        "on_stage": "Op het toneel",
        "beats": "Wat er gebeurt",
        "narration": "Verteller",
        "note": "Notitie voor de leerkracht",
        "choices": "Keuzes",
        "stance": "Houding",
        "active": "actief",
        "passive": "passief",
        "condition": "Alleen mogelijk als",
        "unavailable": "Anders zien leerlingen",
        "effects": "Gevolgen voor {victim}",
        "no_effects": "geen",
        "better": "beter",
        "worse": "slechter",
        "leads_to": "Gaat naar",
        "otherwise": "anders",
        "consequence": "Gevolg",
        "prompts": "Bespreekvragen",
        "next": "Daarna",
        "ends_with": "Het verhaal eindigt",
        "endings": "Einden",
        "outcome": "Uitkomst",
        "reached_from": "Bereikt via scène",
        "closing_questions": "Afsluitende vragen",
        "help": "Waar je hulp kunt krijgen",
        "footer": "Scenario {id}, versie {version}. Gemaakt met Bystander.",
        # conditions in words
        "cond_and": "{a} en {b}",
        "cond_or": "{a} of {b}",
        "cond_not": "niet: {a}",
        "cond_true": "altijd",
        "cond_false": "nooit",
        "cond_visited": "de klas is in scène {n} ({id}) geweest",
        "cond_not_visited": "de klas is niet in scène {n} ({id}) geweest",
        "cond_chose": "de klas koos “{text}” ({id})",
        "cond_not_chose": "de klas koos niet “{text}” ({id})",
        "cond_role": "de klas is nu {role}",
        "cond_not_role": "de klas is nu geen {role}",
        "cond_took": "de klas koos minstens één keer de houding ‘{stance}’",
        "cond_not_took": "de klas koos nooit de houding ‘{stance}’",
        "cond_count": "het aantal keer ‘{stances}’",
        "cond_streak": "het aantal keer ‘{stances}’ op rij, tot nu",
        "cmp_<": "{meter} is lager dan {n}",
        "cmp_<=": "{meter} is hoogstens {n}",
        "cmp_>": "{meter} is hoger dan {n}",
        "cmp_>=": "{meter} is minstens {n}",
        "cmp_==": "{meter} is precies {n}",
        "cmp_!=": "{meter} is niet {n}",
    },
    "en": {
        "guide": "Teacher's guide",
        "contents": "Contents",
        "at_a_glance": "At a glance",
        "audience": "Ages",
        "ages": "{min} to {max}",
        "minutes": "Time",
        "minutes_value": "about {n} minutes, with discussion",
        "languages": "Languages",
        "decision_points": "Decision points per play-through",
        "scenes_endings": "Scenes and endings",
        "scenes_endings_value": "{scenes} scenes, {endings} endings",
        "version": "Version",
        "cast": "Characters",
        "teacher_note": "For the teacher",
        "goals": "Learning goals",
        "goal": "Learning goal",
        "strategy": "Strategy from the module",
        "plan": "Lesson plan",
        "plan_intro": "Worked out from the scenario's time ({minutes} minutes) and the number of "
                      "decision points per play-through ({points}). Move time around as you "
                      "need: the conversation matters more than reaching the end.",
        "time": "Time",
        "part": "Part",
        "min": "Min.",
        "what": "What you do",
        "intro": "Introduction",
        "intro_what": "Read out the summary and agree how the class votes. Say that the story is "
                      "made up, that nobody has to share anything about themselves, and where to "
                      "go if something is wrong.",
        "point": "Decision point {n}",
        "point_what": "Scene {scenes}. Play: show the scene, let the class vote, take the choice "
                      "and show what happens ({play} min). Discuss: the prompts of the choice "
                      "taken ({discuss} min).",
        "point_some": " Not every road comes here.",
        "debrief": "Debrief",
        "debrief_what": "Which roles did the class take, at which step did it hold back, which "
                        "strategies did it use and which not? If there is time, go back to a "
                        "decision point and take the other road: what if?",
        "closing": "Closing",
        "closing_what": "Ask the closing questions, let students put their role down, and say "
                        "where to get help.",
        "map": "Map of the story",
        "matters": "The decisions that matter most",
        "matters_intro": "For each decision point: how far the expected ending moves when the "
                         "player acts instead of standing by (0 = hard, 1 = mixed, 2 = hopeful; "
                         "the mean over every road, as if each choice were made as often). These "
                         "are the moments most worth discussing.",
        "moment": "Moment",
        "acting": "Acting",
        "standing_by": "Standing by",
        "difference": "Difference",
        "matters_first": "The first decision moves the expected ending by {effect}.",
        "matters_none": "This story has no decision point with both acting and standing by.",
        "map_intro": "Every scene with its number. Follow an arrow for a choice; the letter is "
                     "its button in the game (A, B, C, D).",
        "legend": "Legend",
        "legend_decision": "decision point (the class chooses)",
        "legend_scene": "scene without a choice (goes on by itself)",
        "legend_ending": "ending, with how it turns out for the victim",
        "legend_active": "active choice (stepping in): solid line",
        "legend_passive": "passive choice (looking on, joining in): dashed line",
        "legend_next": "goes on by itself: thin dotted line",
        "scenes": "Scenes",
        "scene": "Scene",
        "place": "Place",
        "step": "Bystander step",
        "on_stage": "On stage",
        "beats": "What happens",
        "narration": "Narrator",
        "note": "Note for the teacher",
        "choices": "Choices",
        "stance": "Stance",
        "active": "active",
        "passive": "passive",
        "condition": "Only possible if",
        "unavailable": "Otherwise students see",
        "effects": "Effect on {victim}",
        "no_effects": "none",
        "better": "better",
        "worse": "worse",
        "leads_to": "Leads to",
        "otherwise": "otherwise",
        "consequence": "Consequence",
        "prompts": "Discussion prompts",
        "next": "Then",
        "ends_with": "The story ends",
        "endings": "Endings",
        "outcome": "Outcome",
        "reached_from": "Reached from scene",
        "closing_questions": "Closing questions",
        "help": "Where to get help",
        "footer": "Scenario {id}, version {version}. Made with Bystander.",
        "cond_and": "{a} and {b}",
        "cond_or": "{a} or {b}",
        "cond_not": "not: {a}",
        "cond_true": "always",
        "cond_false": "never",
        "cond_visited": "the class has been in scene {n} ({id})",
        "cond_not_visited": "the class has not been in scene {n} ({id})",
        "cond_chose": "the class chose “{text}” ({id})",
        "cond_not_chose": "the class did not choose “{text}” ({id})",
        "cond_role": "the class is now {role}",
        "cond_not_role": "the class is not {role} now",
        "cond_took": "the class has taken the stance ‘{stance}’ at least once",
        "cond_not_took": "the class has never taken the stance ‘{stance}’",
        "cond_count": "the number of ‘{stances}’ choices",
        "cond_streak": "the number of ‘{stances}’ choices in a row, up to now",
        "cmp_<": "{meter} is below {n}",
        "cmp_<=": "{meter} is at most {n}",
        "cmp_>": "{meter} is above {n}",
        "cmp_>=": "{meter} is at least {n}",
        "cmp_==": "{meter} is exactly {n}",
        "cmp_!=": "{meter} is not {n}",
    },
}
GUIDE_LANGUAGES = tuple(GUIDE_TEXT)


def _t(lang: str, key: str, **values: object) -> str:
    """The guide's wording for `key` in `lang` (English where it has none), filled in."""
    text = GUIDE_TEXT.get(lang, GUIDE_TEXT["en"]).get(key) or GUIDE_TEXT["en"][key]
    return text.format(**values) if values else text


# --- reading the scenario's shape --------------------------------------------------------------------

def decision_points(scenario: Scenario) -> list[list[str]]:
    """The decision scenes a play-through can be at, per decision point: [[first], [second]...]."""
    return _walk_decisions(scenario)[0]


def fewest_decisions(scenario: Scenario) -> int:
    """The fewest decisions any play-through takes to reach an ending."""
    return _walk_decisions(scenario)[1]


def _walk_decisions(scenario: Scenario) -> tuple[list[list[str]], int]:
    limit = len(scenario.scenes) + 1
    by_point: dict[int, list[str]] = {}
    fewest = limit
    seen = {(scenario.start, 0)}
    todo = deque([(scenario.start, 0)])
    while todo:
        scene_id, made = todo.popleft()
        scene = scenario.scenes[scene_id]
        targets: list[str] = []
        if scene.choices:
            by_point.setdefault(made, [])
            if scene_id not in by_point[made]:
                by_point[made].append(scene_id)
            targets = [r.to for c in scene.choices for r in c.routes]
            made += 1
        elif scene.next:
            targets = [r.to for r in scene.next_routes]
        elif scene.ending:
            fewest = min(fewest, made)
        for target in targets:
            if made <= limit and (target, made) not in seen:
                seen.add((target, made))
                todo.append((target, made))
    return [by_point[i] for i in sorted(by_point)], (fewest if by_point else 0)


@dataclass(frozen=True)
class PlanRow:
    """One part of the lesson."""

    start: int
    """Minute the part starts."""
    minutes: int
    title: str
    what: str


def lesson_plan(scenario: Scenario, lang: str) -> list[PlanRow]:
    """Intro, play and discussion per decision point, debrief and closing, in whole minutes that add
    up to the scenario's `minutes`."""
    total = max(scenario.minutes, 1)
    points = decision_points(scenario)
    clamp = lambda value, low, high: max(low, min(high, value))  # noqa: E731
    intro = clamp(round(total * 0.10), 1, 5)
    closing = clamp(round(total * 0.10), 1, 5)
    debrief = clamp(round(total * 0.15), 1, 10)
    rest = max(total - intro - closing - debrief, 0)
    rows: list[tuple[int, str, str]] = [(intro, _t(lang, "intro"), _t(lang, "intro_what"))]
    n = len(points)
    every = fewest_decisions(scenario)
    numbers = {s: i + 1 for i, s in enumerate(scene_order(scenario))}
    for i, scenes in enumerate(points):
        share = rest // n + (1 if i < rest % n else 0)
        play = share if share < 2 else max(1, round(share * 0.4))
        names = ", ".join(f"{numbers[s]} {s}" for s in scenes)
        what = _t(lang, "point_what", scenes=names, play=play, discuss=share - play)
        rows.append((share, _t(lang, "point", n=i + 1),
                     what + (_t(lang, "point_some") if i >= every else "")))
    rows += [(debrief, _t(lang, "debrief"), _t(lang, "debrief_what")),
             (closing, _t(lang, "closing"), _t(lang, "closing_what"))]
    plan, start = [], 0
    for minutes, title, what in rows:
        if minutes <= 0:
            continue
        plan.append(PlanRow(start, minutes, title, what))
        start += minutes
    return plan


# --- conditions and effects in words --------------------------------------------------------------

def condition_words(scenario: Scenario, text: str, lang: str) -> str:
    """A choice's `when` in plain words: "the class did not choose “…” (forward_meme)"."""
    try:
        tree = expr.parse(text)
    except expr.ExprError:
        return text
    numbers = {s: i + 1 for i, s in enumerate(scene_order(scenario))}
    choices = {c.id: c for s in scenario.scenes.values() for c in s.choices}

    def stances(args: tuple) -> str:
        names = [_t(lang, a) if a in expr.FAMILIES
                 else vocab.label(vocab.STANCES[a], lang) if a in vocab.STANCES else a
                 for a, _ in args]
        return " / ".join(names)

    def one_call(function: str, arg: str, negated: bool) -> str:
        key = f"cond_{'not_' if negated else ''}{function}"
        if function == "visited":
            return _t(lang, key, n=numbers.get(arg, "?"), id=arg)
        if function == "chose":
            choice = choices.get(arg)
            return _t(lang, key, text=choice.text.get_text(lang) if choice else arg, id=arg)
        if function == "role":
            role = vocab.label(vocab.ROLE_PHRASES[arg], lang) if arg in vocab.ROLE_PHRASES else arg
            return _t(lang, key, role=role)
        return _t(lang, key, stance=stances(((arg, 0),)))

    def call(node: tuple, negated: bool) -> str:
        # `chose(a, b)` holds when either was chosen; `not chose(a, b)` when neither was.
        parts = [one_call(node[1], arg, negated) for arg, _ in node[2]]
        joined = parts[0]
        for part in parts[1:]:
            joined = _t(lang, "cond_and" if negated else "cond_or", a=joined, b=part)
        return joined

    def number(side: tuple) -> str:
        if side[0] == "num":
            return str(side[1])
        if side[0] == "meter":
            meter = scenario.meters.get(side[1])
            return meter.label.get_text(lang) if meter else side[1]
        return _t(lang, f"cond_{side[0]}", stances=stances(side[1]))

    def words(node: tuple, inner: bool = False) -> str:
        kind = node[0]
        if kind == "const":
            return _t(lang, "cond_true" if node[1] else "cond_false")
        if kind == "call":
            return call(node, False)
        if kind == "not":
            if node[1][0] == "call":
                return call(node[1], True)
            return _t(lang, "cond_not", a=words(node[1], True))
        if kind == "cmp":
            op, left, right = node[1], node[2], node[3]
            if left[0] == "num":  # 30 > wellbeing reads as wellbeing < 30
                op = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}.get(op, op)
                left, right = right, left
            return _t(lang, f"cmp_{op}", meter=number(left), n=number(right))
        joined = words(node[1][0], True)
        for part in node[1][1:]:
            joined = _t(lang, f"cond_{kind}", a=joined, b=words(part, True))
        return f"({joined})" if inner else joined

    return words(tree)


def effect_words(scenario: Scenario, choice: Choice, lang: str) -> list[str]:
    """Each meter change with its sign and, in words, whether it is good for the victim."""
    out = []
    for meter_id, delta in choice.effects.items():
        meter = scenario.meters.get(meter_id)
        if meter is None or delta == 0:
            continue
        better = delta > 0 if meter.good == "high" else delta < 0
        sign = "+" if delta > 0 else "−"
        out.append(f"{meter.label.get_text(lang)} {sign}{abs(delta)} "
                   f"({_t(lang, 'better' if better else 'worse')})")
    return out


# --- the document ------------------------------------------------------------------------------------

MATTERS_SHOWN = 3


def guide_html(scenario: Scenario, lang: str) -> str:
    """The whole guide for `scenario` in `lang`, as one HTML document."""
    if lang not in GUIDE_TEXT:
        raise ValueError(f"the guide speaks {', '.join(GUIDE_TEXT)}, not '{lang}'")
    return pages.render("guide.html", **guide_data(scenario, lang))


def guide_data(scenario: Scenario, lang: str) -> dict[str, object]:
    """What templates/guide.html shows, worked out: every text in `lang`, numbers and roads."""
    text = lambda localized: localized.get_text(lang)  # noqa: E731
    order = scene_order(scenario)
    numbers = {s: i + 1 for i, s in enumerate(order)}
    victim = scenario.cast[scenario.victim].name if scenario.victim in scenario.cast else ""
    reached: dict[str, list[str]] = {}
    for s in order:
        if scenario.scenes[s].ending:
            reached.setdefault(scenario.scenes[s].ending or "", []).append(s)
    return {
        "lang": lang,
        "t": partial(_t, lang),
        "title": f"{text(scenario.title)} · {_t(lang, 'guide')}",
        "stylesheet": "guide.css",
        "story": {"id": scenario.id, "version": scenario.version, "title": text(scenario.title),
                  "summary": text(scenario.summary), "minutes": scenario.minutes,
                  "note": text(scenario.note) if scenario.note else None},
        "facts": _facts(scenario, lang),
        "contents": [("goals", "goals"), ("plan", "plan"), ("map", "map"),
                     ("matters", "matters"), ("scenes", "scenes"), ("endings", "endings"),
                     ("closing", "closing_questions")],
        "goals": [(text(g.text), vocab.label(vocab.STRATEGIES[g.strategy], lang))
                  for g in scenario.learning_goals],
        "points": len(decision_points(scenario)),
        "plan": lesson_plan(scenario, lang),
        "map": guide_map.lay_out(scenario, lang),
        "matters": _matters(scenario, numbers, lang),
        "victim": victim,
        "scenes": [_scene(scenario, scenario.scenes[s], numbers, lang) for s in order],
        "endings": [{"id": e.id, "title": text(e.title), "text": text(e.text),
                     "outcome": vocab.label(vocab.ENDING_OUTCOMES[e.outcome], lang),
                     "via": ", ".join(f"{numbers[s]} · {s}" for s in reached.get(e.id, []))}
                    for e in scenario.endings.values()],
        "closing": [text(q) for q in scenario.closing],
        "help": [text(h) for h in scenario.help],
    }


def map_svg(scenario: Scenario, lang: str) -> str:
    """The branch map alone, as the guide shows it: an inline SVG."""
    return pages.render("map.svg", map=guide_map.lay_out(scenario, lang), t=partial(_t, lang))


def legend_html(lang: str) -> str:
    """The map's legend alone: each shape and line style with its meaning in words."""
    return pages.render("legend.html", t=partial(_t, lang))


def _facts(scenario: Scenario, lang: str) -> list[tuple[str, str]]:
    return [
        (_t(lang, "audience"), _t(lang, "ages", min=scenario.audience.min_age,
                                  max=scenario.audience.max_age)),
        (_t(lang, "minutes"), _t(lang, "minutes_value", n=scenario.minutes)),
        (_t(lang, "decision_points"), str(len(decision_points(scenario)))),
        (_t(lang, "scenes_endings"), _t(lang, "scenes_endings_value",
                                        scenes=len(scenario.scenes),
                                        endings=len(scenario.endings))),
        (_t(lang, "languages"), ", ".join(LANGUAGES.get(code, code)
                                          for code in scenario.languages)),
        (_t(lang, "cast"), ", ".join(f"{m.name} ({vocab.label(vocab.CAST_ROLES[m.role], lang)})"
                                     for m in scenario.cast.values())),
        (_t(lang, "version"), str(scenario.version)),
    ]


def _scene(scenario: Scenario, scene: Scene, numbers: dict[str, int],
           lang: str) -> dict[str, object]:
    text = lambda localized: localized.get_text(lang)  # noqa: E731
    ending = None
    if scene.ending and scene.ending in scenario.endings:
        found = scenario.endings[scene.ending]
        ending = {"id": found.id, "title": text(found.title),
                  "outcome": vocab.label(vocab.ENDING_OUTCOMES[found.outcome], lang)}
    return {
        "id": scene.id,
        "number": numbers[scene.id],
        "place": vocab.label(vocab.PLACES[scene.place], lang),
        "step": vocab.label(vocab.STEPS[scene.step], lang) if scene.step else None,
        "on_stage": [f"{scenario.cast[c].name} ({vocab.label(vocab.EXPRESSIONS[e], lang)})"
                     for c, e in scene.cast.items() if c in scenario.cast],
        "note": text(scene.note) if scene.note else None,
        "beats": [{"speaker": scenario.cast[b.who].name if b.who in scenario.cast else None,
                   "text": text(b.text)} for b in scene.beats],
        "next": _roads(scenario, scene.next_routes, numbers, lang) if scene.next else None,
        "ending": ending,
        "choices": [_choice(scenario, c, string.ascii_uppercase[i], numbers, lang)
                    for i, c in enumerate(scene.choices)],
    }


def _roads(scenario: Scenario, routes: Iterable[Route], numbers: dict[str, int],
           lang: str) -> list[dict[str, object]]:
    """Where a choice or `next` leads: each road with its scene's number and its condition in
    words (the page shows the condition only where there is more than one road)."""
    return [{"to": r.to, "number": numbers.get(r.to, "?"),
             "condition": condition_words(scenario, r.when, lang) if r.when
             else _t(lang, "otherwise")} for r in routes]


def _choice(scenario: Scenario, choice: Choice, letter: str, numbers: dict[str, int],
            lang: str) -> dict[str, object]:
    text = lambda localized: localized.get_text(lang)  # noqa: E731
    effects = effect_words(scenario, choice, lang)
    return {
        "id": choice.id,
        "letter": letter,
        "text": text(choice.text),
        "kind": "active" if choice.stance in vocab.ACTIVE_STANCES else "passive",
        "stance": vocab.label(vocab.STANCES[choice.stance], lang),
        "strategy": vocab.label(vocab.STRATEGIES[choice.strategy], lang)
        if choice.strategy else None,
        "condition": condition_words(scenario, choice.when, lang) if choice.when else None,
        "unavailable": text(choice.unavailable) if choice.unavailable else None,
        "effects": ", ".join(effects) if effects else _t(lang, "no_effects"),
        "roads": _roads(scenario, choice.routes, numbers, lang),
        "consequence": text(choice.consequence),
        "prompts": [text(d) for d in choice.discuss],
    }


def _matters(scenario: Scenario, numbers: dict[str, int], lang: str) -> dict[str, object]:
    """The decision points where acting instead of standing by moves the ending most, from
    `core.analysis`: where the class discussion counts most."""
    found = analyse(scenario)
    rated = [d for d in found.decisions if d.effect is not None]
    top = sorted(rated, key=lambda d: (-abs(d.effect or 0.0), d.order))[:MATTERS_SHOWN]
    choices = {c.id: c for scene in scenario.scenes.values() for c in scene.choices}

    def number(value: float, sign: bool = True) -> str:
        text = f"{value:+.2f}" if value and sign else f"{value:.2f}"
        return text.replace(".", ",") if lang == "nl" else text

    def side(choice_id: str | None, d) -> tuple[str, str]:
        figure = next(c for c in d.choices if c.choice_id == choice_id)
        return choices[choice_id].text.get_text(lang), number(figure.expected, sign=False)

    first = found.first
    return {
        "rows": [{"scene": d.scene_id, "number": numbers.get(d.scene_id, "?"),
                  "acting": side(d.most_active, d), "standing_by": side(d.most_passive, d),
                  "difference": number(d.effect or 0.0)} for d in top],
        "first": number(first.effect) if first is not None and first.effect is not None
        else None,
    }


def every_text(scenario: Scenario, lang: str) -> Iterable[str]:
    """Every scene and choice text of the scenario in `lang`: what the guide must contain."""
    for scene in scenario.scenes.values():
        for beat in scene.beats:
            yield beat.text.get_text(lang)
        for choice in scene.choices:
            yield choice.text.get_text(lang)
            yield choice.consequence.get_text(lang)
            yield from (d.get_text(lang) for d in choice.discuss)
