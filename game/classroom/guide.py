"""The teacher's guide: one self-contained HTML file that prints well on A4.

`bystander guide adrian --lang nl -o guide.html` writes it: the scenario at a glance, the teacher
note, the learning goals with the seed strategies they come from, lesson plans for 45 and 50
minutes (worked out in lesson.py from the game's own numbers), the branch map (an inline SVG laid
out by guide_map.py, so nothing needs to be installed), every scene with its beats and choices, the
endings, the closing questions and where to get help. This module works out what the guide says;
templates/guide.html is its markup, rendered with autoescaping, so no piece of scenario text can
become markup; the file loads nothing from anywhere.
"""

from __future__ import annotations

import string
from typing import Iterable

from markupsafe import Markup

from ..core import expr, vocab
from ..core.analysis import Analysis, analyse
from ..core.model import Choice, Route, Scenario, Scene
from ..core.translations import LANGUAGES, N_, Message, words
from . import classmode, guide_map, lesson, pages, school
from .guide_map import scene_order

# A condition in words, by the shape of its parts: the guide's wording that is picked by a key.
CONDITION_CALLS: dict[tuple[str, bool], Message] = {
    # TRANSLATORS: {n} is a scene's number in the guide, {id} its id.
    ("visited", False): N_("the class has been in scene {n} ({id})"),
    # TRANSLATORS: {n} is a scene's number in the guide, {id} its id.
    ("visited", True): N_("the class has not been in scene {n} ({id})"),
    # TRANSLATORS: {text} is a choice's text, {id} its id.
    ("chose", False): N_("the class chose “{text}” ({id})"),
    # TRANSLATORS: {text} is a choice's text, {id} its id.
    ("chose", True): N_("the class did not choose “{text}” ({id})"),
    # TRANSLATORS: {role} is a role as it reads in a sentence ("a defender").
    ("role", False): N_("the class is now {role}"),
    # TRANSLATORS: {role} is a role as it reads in a sentence ("a defender").
    ("role", True): N_("the class is not {role} now"),
    # TRANSLATORS: {stance} is a stance ("confront") or "active" or "passive".
    ("took", False): N_("the class has taken the stance ‘{stance}’ at least once"),
    # TRANSLATORS: {stance} is a stance ("confront") or "active" or "passive".
    ("took", True): N_("the class has never taken the stance ‘{stance}’"),
}
"""A call in a condition, (function, negated), in words."""

CONDITION_JOINS: dict[str, Message] = {
    # TRANSLATORS: two conditions in words that must both hold.
    "and": N_("{a} and {b}"),
    # TRANSLATORS: two conditions in words of which one must hold.
    "or": N_("{a} or {b}"),
    # TRANSLATORS: a condition in words that must not hold.
    "not": N_("not: {a}"),
}

CONDITION_COUNTS: dict[str, Message] = {
    # TRANSLATORS: {stances} are stances ("confront / support"); compared with a number after it.
    "count": N_("the number of ‘{stances}’ choices"),
    # TRANSLATORS: {stances} are stances ("confront / support"); compared with a number after it.
    "streak": N_("the number of ‘{stances}’ choices in a row, up to now"),
}
"""The counts a condition compares with a number, in words."""

STANCE_FAMILIES: dict[str, Message] = {"active": N_("active"), "passive": N_("passive")}
"""The names that stand for several stances in a condition (expr.FAMILIES), in words."""

COMPARISONS: dict[str, Message] = {
    # TRANSLATORS: {meter} is a meter's name or a count in words, {n} a number or a meter.
    "<": N_("{meter} is below {n}"),
    "<=": N_("{meter} is at most {n}"),
    ">": N_("{meter} is above {n}"),
    ">=": N_("{meter} is at least {n}"),
    "==": N_("{meter} is exactly {n}"),
    "!=": N_("{meter} is not {n}"),
}


# --- conditions and effects in words --------------------------------------------------------------

def condition_words(scenario: Scenario, text: str, lang: str) -> str:
    """A choice's `when` in plain words: "the class did not choose “…” (forward_meme)"."""
    try:
        tree = expr.parse(text)
    except expr.ExprError:
        return text
    numbers = {s: i + 1 for i, s in enumerate(scene_order(scenario))}
    choices = {c.id: c for s in scenario.scenes.values() for c in s.choices}

    _ = words(lang)

    def stances(args: tuple) -> str:
        names = [_.message(STANCE_FAMILIES[a]) if a in STANCE_FAMILIES
                 else vocab.label(vocab.STANCES[a], lang) if a in vocab.STANCES else a
                 for a, _position in args]
        return " / ".join(names)

    def one_call(function: str, arg: str, negated: bool) -> str:
        said = CONDITION_CALLS[function, negated]
        if function == "visited":
            return _.message(said, n=numbers.get(arg, "?"), id=arg)
        if function == "chose":
            choice = choices.get(arg)
            return _.message(said, text=choice.text.get_text(lang) if choice else arg, id=arg)
        if function == "role":
            role = vocab.label(vocab.ROLE_PHRASES[arg], lang) if arg in vocab.ROLE_PHRASES else arg
            return _.message(said, role=role)
        return _.message(said, stance=stances(((arg, 0),)))

    def call(node: tuple, negated: bool) -> str:
        # `chose(a, b)` holds when either was chosen; `not chose(a, b)` when neither was.
        parts = [one_call(node[1], arg, negated) for arg, _position in node[2]]
        joined = parts[0]
        for part in parts[1:]:
            joined = _.message(CONDITION_JOINS["and" if negated else "or"], a=joined, b=part)
        return joined

    def number(side: tuple) -> str:
        if side[0] == "num":
            return str(side[1])
        if side[0] == "meter":
            meter = scenario.meters.get(side[1])
            return meter.label.get_text(lang) if meter else side[1]
        return _.message(CONDITION_COUNTS[side[0]], stances=stances(side[1]))

    def phrase(node: tuple, inner: bool = False) -> str:
        kind = node[0]
        if kind == "const":
            # TRANSLATORS: a choice's condition that always holds, or never.
            return _("always") if node[1] else _("never")
        if kind == "call":
            return call(node, False)
        if kind == "not":
            if node[1][0] == "call":
                return call(node[1], True)
            return _.message(CONDITION_JOINS["not"], a=phrase(node[1], True))
        if kind == "cmp":
            op, left, right = node[1], node[2], node[3]
            if left[0] == "num":  # 30 > wellbeing reads as wellbeing < 30
                op = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}.get(op, op)
                left, right = right, left
            return _.message(COMPARISONS[op], meter=number(left), n=number(right))
        joined = phrase(node[1][0], True)
        for part in node[1][1:]:
            joined = _.message(CONDITION_JOINS[kind], a=joined, b=phrase(part, True))
        return f"({joined})" if inner else joined

    return phrase(tree)


def effect_words(scenario: Scenario, choice: Choice, lang: str) -> list[str]:
    """Each meter change with its sign and, in words, whether it is good for the victim."""
    _ = words(lang)
    out = []
    for meter_id, delta in choice.effects.items():
        meter = scenario.meters.get(meter_id)
        if meter is None or delta == 0:
            continue
        better = delta > 0 if meter.good == "high" else delta < 0
        sign = "+" if delta > 0 else "−"
        verdict = _("better") if better else _("worse")
        out.append(f"{meter.label.get_text(lang)} {sign}{abs(delta)} ({verdict})")
    return out


# --- the document ------------------------------------------------------------------------------------

MATTERS_SHOWN = 3


def guide_html(scenario: Scenario, lang: str) -> str:
    """The whole guide for `scenario` in `lang`, as one HTML document."""
    if lang not in LANGUAGES:
        raise ValueError(f"the guide speaks {', '.join(LANGUAGES)}, not '{lang}'")
    return pages.render("guide.html", lang, **guide_data(scenario, lang))


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
    _ = words(lang)
    kicker = _("Teacher's guide")
    found = analyse(scenario)
    return {
        "title": f"{text(scenario.title)} · {kicker}",
        "stylesheet": "guide.css",
        "story": {"id": scenario.id, "version": scenario.version, "title": text(scenario.title),
                  "summary": text(scenario.summary), "minutes": scenario.minutes,
                  "note": text(scenario.note) if scenario.note else None},
        "facts": _facts(scenario, found, lang),
        "goals": [(text(g.text), vocab.label(vocab.STRATEGIES[g.strategy], lang))
                  for g in scenario.learning_goals],
        "road_lengths": _road_lengths(found, lang),
        "timing": {"talk": lesson.DISCUSSION_MINUTES, "decision": lesson.DECISION_MINUTES,
                   "intro": lesson.INTRO_MINUTES},
        "plans": [lesson.lesson_plan(scenario, found, minutes, lang)
                  for minutes in lesson.LESSON_MINUTES],
        "debrief_steps": lesson.debrief_steps(scenario, lang),
        "marks": {said: lesson.marks(said, lang)[0]
                  for said in (lesson.TALK, lesson.VOTE_ONLY, lesson.DEBRIEF_AFTER)},
        "command": Markup("<code>bystander play --class {}</code>").format(scenario.id),
        "keys": classmode.key_tables(lang),
        "school": school.school_rows(lang),
        "map": guide_map.lay_out(scenario, lang),
        "matters": _matters(scenario, found, numbers, lang),
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
    return pages.render("map.svg", lang, map=guide_map.lay_out(scenario, lang))


def legend_html(lang: str) -> str:
    """The map's legend alone: each shape and line style with its meaning in words."""
    return pages.render("legend.html", lang)


def _road_lengths(found: Analysis, lang: str) -> str:
    """How many decisions a road through the story takes: "5 to 9, usually 6"."""
    _ = words(lang)
    if found.shortest == found.longest:
        return str(found.typical)
    # TRANSLATORS: decisions on a road through a story: {shortest} to {longest}, most often {typical}.
    return _("{shortest} to {longest}, usually {typical}", shortest=found.shortest,
             longest=found.longest, typical=found.typical)


def _facts(scenario: Scenario, found: Analysis, lang: str) -> list[tuple[str, str]]:
    _ = words(lang)
    cast = ", ".join(f"{m.name} ({vocab.label(vocab.CAST_ROLES[m.role], lang)})"
                     for m in scenario.cast.values())
    # TRANSLATORS: {scenes} is "12 scenes", {endings} "5 endings", each counted apart.
    scenes_endings = _("{scenes}, {endings}",
                       scenes=_.ngettext("{n} scene", "{n} scenes", len(scenario.scenes)),
                       endings=_.ngettext("{n} ending", "{n} endings", len(scenario.endings)))
    return [
        # TRANSLATORS: the ages a story is for, in years: {min} and {max}.
        (_("Ages"), _("{min} to {max}", min=scenario.audience.min_age,
                      max=scenario.audience.max_age)),
        (_("Decisions per road"), _road_lengths(found, lang)),
        # TRANSLATORS: {a} and {b} are the minutes of a lesson hour (45 and 50).
        (_("Lesson"), _("{a} or {b} minutes: see the lesson plans", a=lesson.LESSON_MINUTES[0],
                        b=lesson.LESSON_MINUTES[1])),
        (_("Scenes and endings"), scenes_endings),
        (_("Languages"), ", ".join(LANGUAGES.get(code, code) for code in scenario.languages)),
        (_("Characters"), cast),
        (_("Version"), str(scenario.version)),
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
    _ = words(lang)
    # TRANSLATORS: the road a choice takes when none of its conditions holds.
    otherwise = _("otherwise")
    return [{"to": r.to, "number": numbers.get(r.to, "?"),
             "condition": condition_words(scenario, r.when, lang) if r.when else otherwise}
            for r in routes]


def _choice(scenario: Scenario, choice: Choice, letter: str, numbers: dict[str, int],
            lang: str) -> dict[str, object]:
    text = lambda localized: localized.get_text(lang)  # noqa: E731
    _ = words(lang)
    # TRANSLATORS: a choice changes none of the meters.
    effects = ", ".join(effect_words(scenario, choice, lang)) or _("none")
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
        "effects": effects,
        "roads": _roads(scenario, choice.routes, numbers, lang),
        "consequence": text(choice.consequence),
        "prompts": [text(d) for d in choice.discuss],
    }


def _matters(scenario: Scenario, found: Analysis, numbers: dict[str, int],
             lang: str) -> dict[str, object]:
    """The decision points where acting instead of standing by moves the ending most, from
    `core.analysis`: where the class discussion counts most."""
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
                  "title": lesson.scene_title(scenario, scenario.scenes[d.scene_id], lang),
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
