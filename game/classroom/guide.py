"""The teacher's guide: one self-contained HTML file that prints well on A4.

`bystander guide adrian --lang nl -o guide.html` writes it: the scenario at a glance, the teacher
note, the learning goals with the seed strategies they come from, a lesson plan with timings, the
branch map (an inline SVG laid out here, so nothing needs to be installed), every scene with its
beats and choices, the endings, the closing questions and where to get help. Every piece of
scenario text is escaped; the file loads nothing from anywhere.
"""

from __future__ import annotations

import html
import string
from collections import deque
from dataclasses import dataclass
from typing import Iterable

from ..core import expr, graph, vocab
from ..core.analysis import analyse
from ..core.layer_order import layer_order
from ..core.model import Choice, Scenario, Scene

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

# Okabe-Ito: safe for colour-blind readers; every colour also has a shape, a line style or a word.
ACTIVE_COLOUR = "#0072B2"
PASSIVE_COLOUR = "#D55E00"
NEXT_COLOUR = "#555555"
OUTCOME_FILL = {"bad": "#F5C8A8", "mixed": "#F9E79F", "good": "#A8DCC8"}

BASE_CSS = """
@page { size: A4; margin: 15mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Atkinson Hyperlegible", "Segoe UI", "Noto Sans", Arial, sans-serif;
       font-size: 10.5pt; line-height: 1.4; color: #111; background: #fff;
       max-width: 182mm; margin: 0 auto; }
h1 { font-size: 21pt; margin: 0 0 2mm; line-height: 1.15; }
h2 { font-size: 15pt; margin: 0 0 3mm; border-bottom: 2px solid #111; padding-bottom: 1mm; }
h3 { font-size: 12pt; margin: 5mm 0 1.5mm; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 1.5mm 0; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; color: #333; }
.lead { font-size: 12pt; }
section { break-before: page; page-break-before: always; }
section.first { break-before: auto; page-break-before: auto; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 2mm 0 4mm; }
th, td { border: 1px solid #777; padding: 1.2mm 2mm; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; word-break: normal; }
th { background: #eee; }
thead { display: table-header-group; }
tr, li, figure, .keep { break-inside: avoid; page-break-inside: avoid; }
ul, ol { margin: 1mm 0 2mm; padding-left: 6mm; }
.note { border: 1px solid #777; border-left: 5px solid #111; padding: 2mm 3mm; margin: 2mm 0;
        background: #f4f4f4; }
.num { text-align: right; }
.muted { color: #444; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #444; }
figure { margin: 0; }
svg { display: block; }
a { color: inherit; }
@media screen { body { padding: 8mm 4mm; } }
@media print { a { text-decoration: none; } }
"""

GUIDE_CSS = BASE_CSS + f"""
.facts th {{ width: 38%; }}
.toc {{ columns: 2; }}
.scene {{ margin: 0 0 6mm; }}
.scene-head {{ display: flex; gap: 3mm; align-items: baseline; flex-wrap: wrap; }}
.scene-meta {{ font-size: 9.5pt; color: #333; }}
.beat {{ margin: 1mm 0; }}
.speaker {{ font-weight: bold; }}
.choice {{ border: 1px solid #777; border-left-width: 6px; padding: 2mm 3mm; margin: 2.5mm 0;
           break-inside: avoid; page-break-inside: avoid; }}
.choice.active {{ border-left-color: {ACTIVE_COLOUR}; border-left-style: solid; }}
.choice.passive {{ border-left-color: {PASSIVE_COLOUR}; border-left-style: dashed; }}
.choice-head {{ font-weight: bold; }}
.letter {{ display: inline-block; min-width: 6mm; border: 1.5px solid #111; border-radius: 1mm;
           text-align: center; margin-right: 1.5mm; }}
.badge {{ display: inline-block; font-size: 8.5pt; border: 1px solid #111; border-radius: 3mm;
          padding: 0 2mm; margin-left: 1mm; font-weight: normal; }}
.choice dl {{ display: grid; grid-template-columns: 34mm 1fr; gap: .6mm 3mm; margin: 1.5mm 0 0; }}
.choice dt {{ font-weight: bold; font-size: 9.5pt; }}
.choice dd {{ margin: 0; }}
.choice dd ul {{ margin: 0; }}
.legend {{ list-style: none; padding: 0; display: grid; grid-template-columns: 1fr 1fr;
           gap: 1mm 4mm; font-size: 9.5pt; margin: 2mm 0 3mm; }}
.legend li {{ display: flex; align-items: center; gap: 2mm; }}
.legend svg {{ flex: none; }}
svg.map {{ width: 100%; height: auto; max-height: 200mm; margin: 0 auto; }}
"""


def _t(lang: str, key: str, **values: object) -> str:
    text = GUIDE_TEXT.get(lang, GUIDE_TEXT["en"]).get(key) or GUIDE_TEXT["en"][key]
    return text.format(**values) if values else text


def _label(labels: dict[str, str], lang: str) -> str:
    return labels.get(lang) or labels["en"]


def esc(text: object) -> str:
    """Text made safe for HTML, quotes included."""
    return html.escape(str(text), quote=True)


def page(title: str, lang: str, css: str, body: str) -> str:
    """A whole HTML document with its CSS inline."""
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n"
            f"</body>\n</html>\n")


# --- reading the scenario's shape --------------------------------------------------------------------

def scene_order(scenario: Scenario) -> list[str]:
    """Scenes in the order of the story (breadth first from the start), unreachable ones last."""
    order = [node.id for node in graph.branch_map(scenario).nodes]
    return order + [s for s in scenario.scenes if s not in set(order)]


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
                 else _label(vocab.STANCES.get(a, {"en": a}), lang) for a, _ in args]
        return " / ".join(names)

    def one_call(function: str, arg: str, negated: bool) -> str:
        key = f"cond_{'not_' if negated else ''}{function}"
        if function == "visited":
            return _t(lang, key, n=numbers.get(arg, "?"), id=arg)
        if function == "chose":
            choice = choices.get(arg)
            return _t(lang, key, text=choice.text.get_text(lang) if choice else arg, id=arg)
        if function == "role":
            return _t(lang, key, role=_label(vocab.ROLE_PHRASES.get(arg, {"en": arg}), lang))
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


# --- the branch map as SVG -------------------------------------------------------------------------

ROW_MAX = 4
NODE_W = 150
GAP_X = 30
ROW_GAP = 40
MAP_PAD = 14
FONT = 11.5
LINE = 14


# Advance widths of Arial/Helvetica (and Liberation Sans) in em, to guess how wide a line prints.
_NARROW = dict.fromkeys("ijl'|.,:;!", 0.23) | dict.fromkeys("ftrI ()[]·-/", 0.31)
_WIDE = dict.fromkeys("mwMW", 0.84) | dict.fromkeys("ABCDEGHKNOQRUVXY&", 0.70)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """About how wide `text` prints in a sans-serif at `size`, with 5% to spare."""
    em = sum(_NARROW.get(ch, _WIDE.get(ch, 0.56)) for ch in text)
    return em * size * (1.08 if bold else 1.0) * 1.05


def _wrap(text: str, width: int = 23, lines: int = 2) -> list[str]:
    """Greedy word wrap by characters; the map's text is short."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return [line if len(line) <= width else line[: width - 1] + "…" for line in out]


@dataclass
class _Box:
    id: str
    kind: str
    """`decision`, `scene` or `ending`."""
    lines: list[tuple[str, str]]
    """(text, css class) per line."""
    fill: str
    x: float = 0.0
    y: float = 0.0
    h: float = 0.0


def map_svg(scenario: Scenario, lang: str) -> str:
    """The branch map, laid out here: layers top to bottom, at most ROW_MAX scenes a row."""
    bm = graph.branch_map(scenario)
    numbers = {s: i + 1 for i, s in enumerate(scene_order(scenario))}
    boxes: dict[str, _Box] = {}
    for node in bm.nodes:
        scene = scenario.scenes[node.id]
        head = (f"{numbers[node.id]} · {node.id}", "id")
        if node.ending:
            ending = scenario.endings[node.ending]
            lines = [head] + [(t, "title") for t in _wrap(ending.title.get_text(lang))]
            lines.append((_label(vocab.ENDING_OUTCOMES[ending.outcome], lang), "outcome"))
            boxes[node.id] = _Box(node.id, "ending", lines, OUTCOME_FILL[ending.outcome])
        elif node.decision:
            sub = (_label(vocab.STEPS[scene.step], lang) if scene.step
                   else _label(vocab.PLACES[scene.place], lang))
            boxes[node.id] = _Box(node.id, "decision",
                                  [head] + [(t, "sub") for t in _wrap(sub, 20)], "#ffffff")
        else:
            boxes[node.id] = _Box(node.id, "scene",
                                  [head, (_label(vocab.PLACES[scene.place], lang), "sub")],
                                  "#ffffff")
    rows: list[list[str]] = []
    for layer in layer_order(bm):
        for i in range(0, len(layer), ROW_MAX):
            rows.append(layer[i:i + ROW_MAX])
    columns = min(max((len(r) for r in rows), default=1), ROW_MAX)
    width = MAP_PAD * 2 + columns * NODE_W + (columns - 1) * GAP_X
    row_of: dict[str, int] = {}
    y = MAP_PAD
    for r, row in enumerate(rows):
        row_h = max(len(boxes[s].lines) * LINE + 14 for s in row)
        span = len(row) * NODE_W + (len(row) - 1) * GAP_X
        # Rows of one layer that wrap are shifted half a slot, so their edges do not overlap.
        left = (width - span) / 2
        for i, scene_id in enumerate(row):
            box = boxes[scene_id]
            box.x = left + i * (NODE_W + GAP_X)
            box.h = row_h
            box.y = y
            row_of[scene_id] = r
        y += row_h + ROW_GAP
    height = y - ROW_GAP + MAP_PAD
    row_boxes = [[boxes[s] for s in row] for row in rows]

    # Parallel choices between the same two scenes become one arrow per kind, labelled A, B...
    stance_of: dict[str, str] = {}
    letter_of: dict[str, str] = {}
    for scene in scenario.scenes.values():
        for i, c in enumerate(scene.choices):
            stance_of[c.id] = c.stance
            letter_of[c.id] = string.ascii_uppercase[i]
    arrows: dict[tuple[str, str, str], list[str]] = {}
    for edge in bm.edges:
        if edge.choice_id is None:
            kind = "next"
        else:
            kind = "passive" if stance_of[edge.choice_id] in vocab.PASSIVE_STANCES else "active"
        arrows.setdefault((edge.source, edge.target, kind), [])
        if edge.choice_id:
            arrows[(edge.source, edge.target, kind)].append(letter_of[edge.choice_id])

    parts = [f'<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} '
             f'{height:.0f}" role="img" aria-labelledby="map-title">',
             f'<title id="map-title">{esc(_t(lang, "map"))}</title>', _svg_defs()]
    labels = []
    placed: list[tuple[float, float, float, float]] = []
    for (source, target, kind), letters in arrows.items():
        a, b = boxes[source], boxes[target]
        pair = {k for (s, t, k) in arrows if s == source and t == target}
        shift = 0.0
        if len(pair) > 1:
            shift = {"active": -9.0, "passive": 9.0, "next": 0.0}[kind]
        path, spots = _edge_path(a, b, row_of[source], row_of[target], shift, row_boxes)
        style = {"active": f'stroke="{ACTIVE_COLOUR}" stroke-width="2.2"',
                 "passive": f'stroke="{PASSIVE_COLOUR}" stroke-width="2" '
                            'stroke-dasharray="7 4"',
                 "next": f'stroke="{NEXT_COLOUR}" stroke-width="1.3" stroke-dasharray="1.5 3"'}
        parts.append(f'<path d="{path}" fill="none" {style[kind]} '
                     f'marker-end="url(#arrow-{kind})"/>')
        if letters:
            text = ",".join(letters)
            w = 8 + 7 * len(text)
            if shift:  # two labels side by side, not on top of each other
                spots = [(x + (w / 2 + 2) * (1 if shift > 0 else -1), y) for x, y in spots]
            lx, ly = _free_spot(placed, spots, w, 15)
            labels.append(f'<g class="edge-label"><rect x="{lx - w / 2:.1f}" y="{ly - 8:.1f}" '
                          f'width="{w:.1f}" height="15" rx="3" fill="#fff" stroke="#111" '
                          f'stroke-width="0.8"/><text x="{lx:.1f}" y="{ly + 3.5:.1f}" '
                          f'text-anchor="middle" font-size="10" font-weight="bold">'
                          f"{esc(text)}</text></g>")
    for box in boxes.values():
        parts.append(_node_svg(box))
    parts += labels
    parts.append("</svg>")
    return "\n".join(parts)


def _edge_path(a: _Box, b: _Box, row_a: int, row_b: int, shift: float,
               rows: list[list[_Box]]) -> tuple[str, list[tuple[float, float]]]:
    """A curve from scene a to scene b, and places along it for its label, best first. An arrow that passes rows on its
    way down goes through the gap between their scenes nearest to its course, never behind one."""
    ax, bx = a.x + NODE_W / 2 + shift, b.x + NODE_W / 2 + shift
    if row_b > row_a:  # downwards: bottom to top
        points = [(ax, a.y + a.h)]
        for r in range(row_a + 1, row_b):
            row = rows[r]
            t = (r - row_a) / (row_b - row_a)
            want = ax + (bx - ax) * t
            gaps = ([row[0].x - GAP_X / 2] + [box.x + NODE_W + GAP_X / 2 for box in row[:-1]]
                    + [row[-1].x + NODE_W + GAP_X / 2])
            gx = min(gaps, key=lambda g: abs(g - want)) + shift / 3
            points += [(gx, row[0].y - 4), (gx, row[0].y + row[0].h + 4)]
        points.append((bx, b.y))
        path = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            if abs(x1 - x2) < 0.5:
                path.append(f"L{x2:.1f},{y2:.1f}")
            else:
                dy = (y2 - y1) / 2
                path.append(f"C{x1:.1f},{y1 + dy:.1f} {x2:.1f},{y2 - dy:.1f} {x2:.1f},{y2:.1f}")
        (x1, y1), (x2, y2) = points[0], points[1]
        dy = (y2 - y1) / 2
        spots = [(_bezier(x1, x1, x2, x2, t), _bezier(y1, y1 + dy, y2 - dy, y2, t))
                 for t in (0.3, 0.5, 0.15, 0.7)]
        return " ".join(path), spots
    if row_b == row_a:  # same row: from the side, around underneath
        right = b.x > a.x
        x1 = a.x + (NODE_W if right else 0)
        x2 = b.x + (0 if right else NODE_W)
        y1 = y2 = a.y + a.h * 0.7 + shift / 3
        path = f"M{x1:.1f},{y1:.1f} C{x1 + (12 if right else -12):.1f},{y1 + 22:.1f} " \
               f"{x2 + (-12 if right else 12):.1f},{y2 + 22:.1f} {x2:.1f},{y2:.1f}"
        return path, [((x1 + x2) / 2, y1 + 16)]
    # upwards (a loop back): out of the right side, round, into the right side
    x1, x2 = a.x + NODE_W, b.x + NODE_W
    y1, y2 = a.y + a.h / 2, b.y + b.h / 2
    bend = max(x1, x2) + 30
    path = f"M{x1:.1f},{y1:.1f} C{bend:.1f},{y1:.1f} {bend:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
    return path, [(bend - 8, (y1 + y2) / 2)]


def _free_spot(placed: list[tuple[float, float, float, float]],
               spots: list[tuple[float, float]], w: float, h: float) -> tuple[float, float]:
    """A place for a label of w x h that overlaps no label placed before: one of the spots along
    its arrow, else one beside the first."""
    x, y = spots[0]
    tries = spots + [(x + dx, y + dy) for dx, dy in ((0, h + 2), (w + 2, 0), (-w - 2, 0),
                                                      (0, -h - 2), (0, 2 * h + 4))]
    for cx, cy in tries:
        box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        if not any(box[0] < p[2] + 1 and p[0] < box[2] + 1 and box[1] < p[3] + 1
                   and p[1] < box[3] + 1 for p in placed):
            placed.append(box)
            return cx, cy
    placed.append((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    return x, y


def _bezier(p0: float, p1: float, p2: float, p3: float, t: float) -> float:
    u = 1 - t
    return u ** 3 * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t ** 3 * p3


def _svg_defs() -> str:
    markers = []
    for kind, colour in (("active", ACTIVE_COLOUR), ("passive", PASSIVE_COLOUR),
                         ("next", NEXT_COLOUR)):
        markers.append(f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" '
                       f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
                       f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>')
    return "<defs>" + "".join(markers) + "</defs>"


def _shape(kind: str, x: float, y: float, w: float, h: float, fill: str) -> str:
    """Decision points are hexagons, plain scenes rectangles, endings double-bordered pills."""
    if kind == "decision":
        k = 12
        points = (f"{x + k:.1f},{y:.1f} {x + w - k:.1f},{y:.1f} {x + w:.1f},{y + h / 2:.1f} "
                  f"{x + w - k:.1f},{y + h:.1f} {x + k:.1f},{y + h:.1f} {x:.1f},{y + h / 2:.1f}")
        return (f'<polygon points="{points}" fill="{fill}" stroke="#111" '
                f'stroke-width="2.4"/>')
    if kind == "ending":
        r = min(h / 2, 18)
        return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{r:.1f}" '
                f'fill="{fill}" stroke="#111" stroke-width="1.4"/>'
                f'<rect x="{x + 3:.1f}" y="{y + 3:.1f}" width="{w - 6:.1f}" height="{h - 6:.1f}" '
                f'rx="{max(r - 3, 2):.1f}" fill="none" stroke="#111" stroke-width="1"/>')
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}" '
            f'stroke="#111" stroke-width="1.2"/>')


def _node_svg(box: _Box) -> str:
    out = [f'<g class="node {box.kind}" id="map-{esc(box.id)}">',
           _shape(box.kind, box.x, box.y, NODE_W, box.h, box.fill)]
    top = box.y + (box.h - len(box.lines) * LINE) / 2 + LINE - 3
    room = NODE_W - (30 if box.kind == "decision" else 12)
    for i, (text, cls) in enumerate(box.lines):
        weight = ' font-weight="bold"' if cls in ("id", "outcome") else ""
        italic = ' font-style="italic"' if cls == "sub" else ""
        size = FONT if cls != "outcome" else FONT - 1
        # Squeeze a line that would run over the edge, and only such a line.
        wide = text_width(text, size, bool(weight)) > room
        fit = f' textLength="{room}" lengthAdjust="spacingAndGlyphs"' if wide else ""
        out.append(f'<text x="{box.x + NODE_W / 2:.1f}" y="{top + i * LINE:.1f}" '
                   f'text-anchor="middle" font-size="{size}"{weight}{italic}{fit}>'
                   f"{esc(text)}</text>")
    out.append("</g>")
    return "".join(out)


def legend_html(lang: str) -> str:
    """The map's legend: each shape and line style with its meaning in words."""
    def swatch(inner: str, w: int = 46, h: int = 22) -> str:
        return (f'<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" aria-hidden="true">'
                f"{inner}</svg>")
    line = lambda colour, extra: (  # noqa: E731
        f'<line x1="2" y1="11" x2="44" y2="11" stroke="{colour}" {extra}/>')
    items = [
        (swatch(_shape("decision", 2, 2, 42, 18, "#fff")), _t(lang, "legend_decision")),
        (swatch(_shape("scene", 2, 2, 42, 18, "#fff")), _t(lang, "legend_scene")),
        (swatch(_shape("ending", 2, 1, 42, 20, OUTCOME_FILL["mixed"])), _t(lang, "legend_ending")),
        (swatch(line(ACTIVE_COLOUR, 'stroke-width="2.6"')), _t(lang, "legend_active")),
        (swatch(line(PASSIVE_COLOUR, 'stroke-width="2.4" stroke-dasharray="7 4"')),
         _t(lang, "legend_passive")),
        (swatch(line(NEXT_COLOUR, 'stroke-width="1.6" stroke-dasharray="1.5 3"')),
         _t(lang, "legend_next")),
    ]
    return ('<ul class="legend">' + "".join(f"<li>{s}<span>{esc(t)}</span></li>"
                                            for s, t in items) + "</ul>")


# --- the document ------------------------------------------------------------------------------------

def _facts(scenario: Scenario, lang: str) -> str:
    points = decision_points(scenario)
    rows = [
        (_t(lang, "audience"), _t(lang, "ages", min=scenario.audience.min_age,
                                  max=scenario.audience.max_age)),
        (_t(lang, "minutes"), _t(lang, "minutes_value", n=scenario.minutes)),
        (_t(lang, "decision_points"), str(len(points))),
        (_t(lang, "scenes_endings"), _t(lang, "scenes_endings_value",
                                        scenes=len(scenario.scenes),
                                        endings=len(scenario.endings))),
        (_t(lang, "languages"), ", ".join(vocab.LANGUAGES.get(code, code)
                                          for code in scenario.languages)),
        (_t(lang, "cast"), ", ".join(f"{m.name} ({_label(vocab.CAST_ROLES[m.role], lang)})"
                                     for m in scenario.cast.values())),
        (_t(lang, "version"), str(scenario.version)),
    ]
    return ('<table class="facts"><tbody>' + "".join(
        f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows) + "</tbody></table>")


def _scene_html(scenario: Scenario, scene: Scene, number: int, numbers: dict[str, int],
                lang: str) -> str:
    t = lambda text: esc(text.get_text(lang))  # noqa: E731
    meta = [f"{esc(_t(lang, 'place'))}: {esc(_label(vocab.PLACES[scene.place], lang))}"]
    if scene.step:
        meta.append(f"{esc(_t(lang, 'step'))}: <strong>"
                    f"{esc(_label(vocab.STEPS[scene.step], lang))}</strong>")
    # The head and the beats stay on one page; so do the "Choices" heading and the first choice.
    out = [f'<article class="scene" id="scene-{esc(scene.id)}"><div class="keep">',
           f'<h3>{esc(_t(lang, "scene"))} {number} · {esc(scene.id)}</h3>',
           f'<p class="scene-meta">{" · ".join(meta)}</p>']
    if scene.cast:
        who = ", ".join(f"{esc(scenario.cast[c].name)} "
                        f"({esc(_label(vocab.EXPRESSIONS[e], lang))})"
                        for c, e in scene.cast.items() if c in scenario.cast)
        out.append(f'<p class="scene-meta">{esc(_t(lang, "on_stage"))}: {who}</p>')
    if scene.note:
        out.append(f'<div class="note"><strong>{esc(_t(lang, "note"))}:</strong> '
                   f"{t(scene.note)}</div>")
    out.append(f'<h4>{esc(_t(lang, "beats"))}</h4>')
    for beat in scene.beats:
        speaker = scenario.cast[beat.who].name if beat.who in scenario.cast else None
        if speaker:
            out.append(f'<p class="beat"><span class="speaker">{esc(speaker)}:</span> '
                       f"{t(beat.text)}</p>")
        else:
            out.append(f'<p class="beat"><em>{t(beat.text)}</em></p>')
    if scene.next:
        out.append(f'<p><strong>{esc(_t(lang, "next"))}:</strong> '
                   f"{_roads_html(scenario, scene.next_routes, numbers, lang)}</p>")
    if scene.ending and scene.ending in scenario.endings:
        ending = scenario.endings[scene.ending]
        out.append(f'<p><strong>{esc(_t(lang, "ends_with"))}:</strong> '
                   f'<a href="#ending-{esc(ending.id)}">{t(ending.title)}</a> '
                   f"({esc(_label(vocab.ENDING_OUTCOMES[ending.outcome], lang))})</p>")
    out.append("</div>")
    victim = scenario.cast[scenario.victim].name if scenario.victim in scenario.cast else ""
    for i, choice in enumerate(scene.choices):
        html = _choice_html(scenario, choice, string.ascii_uppercase[i], numbers, victim, lang)
        if i == 0:
            html = f'<div class="keep"><h4>{esc(_t(lang, "choices"))}</h4>{html}</div>'
        out.append(html)
    out.append("</article>")
    return "\n".join(out)


def _roads_html(scenario: Scenario, routes, numbers: dict[str, int], lang: str) -> str:
    """Where a choice or `next` leads: one link, or each road with its condition in words."""
    def link(to: str) -> str:
        return f'→ <a href="#scene-{esc(to)}">{numbers.get(to, "?")} · {esc(to)}</a>'
    if len(routes) == 1:
        return link(routes[0].to)
    items = [f"<li>{link(r.to)} "
             f"({esc(condition_words(scenario, r.when, lang) if r.when else _t(lang, 'otherwise'))})"
             "</li>" for r in routes]
    return f'<ul class="roads">{"".join(items)}</ul>'


def _choice_html(scenario: Scenario, choice: Choice, letter: str, numbers: dict[str, int],
                 victim: str, lang: str) -> str:
    t = lambda text: esc(text.get_text(lang))  # noqa: E731
    active = choice.stance in vocab.ACTIVE_STANCES
    kind = "active" if active else "passive"
    rows = [(_t(lang, "stance"), f"{esc(_label(vocab.STANCES[choice.stance], lang))} "
                                 f"({esc(_t(lang, kind))})")]
    if choice.strategy:
        rows.append((_t(lang, "strategy"), esc(_label(vocab.STRATEGIES[choice.strategy], lang))))
    if choice.when:
        rows.append((_t(lang, "condition"), esc(condition_words(scenario, choice.when, lang))))
        if choice.unavailable:
            rows.append((_t(lang, "unavailable"), f"<em>{t(choice.unavailable)}</em>"))
    effects = effect_words(scenario, choice, lang)
    rows.append((_t(lang, "effects", victim=victim),
                 esc(", ".join(effects) if effects else _t(lang, "no_effects"))))
    rows.append((_t(lang, "leads_to"), _roads_html(scenario, choice.routes, numbers, lang)))
    rows.append((_t(lang, "consequence"), t(choice.consequence)))
    if choice.discuss:
        rows.append((_t(lang, "prompts"),
                     "<ul>" + "".join(f"<li>{t(d)}</li>" for d in choice.discuss) + "</ul>"))
    body = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return (f'<div class="choice {kind}" id="choice-{esc(choice.id)}">'
            f'<div class="choice-head"><span class="letter">{letter}</span>{t(choice.text)}'
            f'<span class="badge">{esc(_t(lang, kind))}</span></div><dl>{body}</dl></div>')


MATTERS_SHOWN = 3


def _matters_html(scenario: Scenario, numbers: dict[str, int], lang: str) -> str:
    """The decision points where acting instead of standing by moves the ending most, from
    `core.analysis`: where the class discussion counts most."""
    found = analyse(scenario)
    rated = [d for d in found.decisions if d.effect is not None]
    if not rated:
        return f'<p>{esc(_t(lang, "matters_none"))}</p>'
    top = sorted(rated, key=lambda d: (-abs(d.effect or 0.0), d.order))[:MATTERS_SHOWN]
    choices = {c.id: c for scene in scenario.scenes.values() for c in scene.choices}

    def number(value: float, sign: bool = True) -> str:
        text = f"{value:+.2f}" if value and sign else f"{value:.2f}"
        return text.replace(".", ",") if lang == "nl" else text

    def choice_cell(choice_id: str | None, d) -> str:
        figure = next(c for c in d.choices if c.choice_id == choice_id)
        text = choices[choice_id].text.get_text(lang)
        return f"{esc(text)} <span class=\"muted\">→ {number(figure.expected, sign=False)}</span>"

    rows = [f'<p>{esc(_t(lang, "matters_intro"))}</p>',
            f'<table><thead><tr><th style="width:22%">{esc(_t(lang, "moment"))}</th>'
            f'<th>{esc(_t(lang, "acting"))}</th><th>{esc(_t(lang, "standing_by"))}</th>'
            f'<th style="width:12%" class="num">{esc(_t(lang, "difference"))}</th></tr></thead>'
            "<tbody>"]
    for d in top:
        rows.append(f'<tr><td><a href="#scene-{esc(d.scene_id)}">{numbers.get(d.scene_id, "?")}'
                    f" · {esc(d.scene_id)}</a></td><td>{choice_cell(d.most_active, d)}</td>"
                    f"<td>{choice_cell(d.most_passive, d)}</td>"
                    f'<td class="num">{number(d.effect or 0.0)}</td></tr>')
    rows.append("</tbody></table>")
    first = found.first
    if first is not None and first.effect is not None:
        rows.append(f'<p>{esc(_t(lang, "matters_first", effect=number(first.effect)))}</p>')
    return "".join(rows)


def guide_html(scenario: Scenario, lang: str) -> str:
    """The whole guide for `scenario` in `lang`, as one HTML document."""
    if lang not in GUIDE_TEXT:
        raise ValueError(f"the guide speaks {', '.join(GUIDE_TEXT)}, not '{lang}'")
    t = lambda text: esc(text.get_text(lang))  # noqa: E731
    order = scene_order(scenario)
    numbers = {s: i + 1 for i, s in enumerate(order)}
    points = decision_points(scenario)
    sections: list[tuple[str, str, str]] = []  # (anchor, heading, body)

    intro = [_facts(scenario, lang)]
    if scenario.note:
        intro.append(f'<h3>{esc(_t(lang, "teacher_note"))}</h3><div class="note">'
                     f"{t(scenario.note)}</div>")
    cover = (f'<p class="kicker">{esc(_t(lang, "guide"))}</p><h1>{t(scenario.title)}</h1>'
             f'<p class="lead">{t(scenario.summary)}</p>' + "".join(intro))

    goals = [f'<table><thead><tr><th style="width:62%">{esc(_t(lang, "goal"))}</th>'
             f'<th>{esc(_t(lang, "strategy"))}</th></tr></thead><tbody>']
    for goal in scenario.learning_goals:
        goals.append(f"<tr><td>{t(goal.text)}</td><td>"
                     f"{esc(_label(vocab.STRATEGIES[goal.strategy], lang))}</td></tr>")
    goals.append("</tbody></table>")
    sections.append(("goals", _t(lang, "goals"), "".join(goals)))

    plan = [f'<p>{esc(_t(lang, "plan_intro", minutes=scenario.minutes, points=len(points)))}</p>',
            f'<table><thead><tr><th style="width:16%">{esc(_t(lang, "time"))}</th>'
            f'<th style="width:27%">{esc(_t(lang, "part"))}</th>'
            f'<th style="width:8%" class="num">{esc(_t(lang, "min"))}</th>'
            f'<th>{esc(_t(lang, "what"))}</th></tr></thead><tbody>']
    for row in lesson_plan(scenario, lang):
        end = row.start + row.minutes
        plan.append(f"<tr><td>{row.start // 60}:{row.start % 60:02d}–{end // 60}:{end % 60:02d}"
                    f'</td><td>{esc(row.title)}</td><td class="num">{row.minutes}</td>'
                    f"<td>{esc(row.what)}</td></tr>")
    plan.append("</tbody></table>")
    sections.append(("plan", _t(lang, "plan"), "".join(plan)))

    sections.append(("map", _t(lang, "map"),
                     f'<p>{esc(_t(lang, "map_intro"))}</p>{legend_html(lang)}'
                     f"<figure>{map_svg(scenario, lang)}</figure>"))

    sections.append(("matters", _t(lang, "matters"), _matters_html(scenario, numbers, lang)))

    scenes = [_scene_html(scenario, scenario.scenes[s], numbers[s], numbers, lang) for s in order]
    sections.append(("scenes", _t(lang, "scenes"), "\n".join(scenes)))

    endings = []
    reached: dict[str, list[str]] = {}
    for s in order:
        if scenario.scenes[s].ending:
            reached.setdefault(scenario.scenes[s].ending or "", []).append(s)
    for ending in scenario.endings.values():
        via = ", ".join(f"{numbers[s]} · {s}" for s in reached.get(ending.id, []))
        endings.append(
            f'<div class="keep" id="ending-{esc(ending.id)}"><h3>{t(ending.title)}</h3>'
            f'<p><strong>{esc(_t(lang, "outcome"))}:</strong> '
            f"{esc(_label(vocab.ENDING_OUTCOMES[ending.outcome], lang))}"
            + (f' · <span class="muted">{esc(_t(lang, "reached_from"))} {esc(via)}</span>'
               if via else "") + f"</p><p>{t(ending.text)}</p></div>")
    sections.append(("endings", _t(lang, "endings"), "\n".join(endings)))

    closing = ["<ol>" + "".join(f"<li>{t(q)}</li>" for q in scenario.closing) + "</ol>",
               f'<h2 id="help">{esc(_t(lang, "help"))}</h2>',
               "<ul>" + "".join(f"<li>{t(h)}</li>" for h in scenario.help) + "</ul>"]
    sections.append(("closing", _t(lang, "closing_questions"), "".join(closing)))

    toc = (f'<h3>{esc(_t(lang, "contents"))}</h3><ol class="toc">'
           + "".join(f'<li><a href="#{a}">{esc(h)}</a></li>' for a, h, _ in sections)
           + f'<li><a href="#help">{esc(_t(lang, "help"))}</a></li></ol>')
    body = [f'<section class="first" id="top">{cover}{toc}</section>']
    body += [f'<section id="{a}"><h2>{esc(h)}</h2>{b}</section>' for a, h, b in sections]
    body.append(f'<footer>{esc(_t(lang, "footer", id=scenario.id, version=scenario.version))}'
                "</footer>")
    title = f"{scenario.title.get_text(lang)} · {_t(lang, 'guide')}"
    return page(title, lang, GUIDE_CSS, "\n".join(body))


def every_text(scenario: Scenario, lang: str) -> Iterable[str]:
    """Every scene and choice text of the scenario in `lang`: what the guide must contain."""
    for scene in scenario.scenes.values():
        for beat in scene.beats:
            yield beat.text.get_text(lang)
        for choice in scene.choices:
            yield choice.text.get_text(lang)
            yield choice.consequence.get_text(lang)
            yield from (d.get_text(lang) for d in choice.discuss)
