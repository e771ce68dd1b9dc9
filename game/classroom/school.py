"""What the school does: the module's strategies, each with what it asks of a school and who.

The module the game is built on ("Module 7. Interventiestrategieën voor leerkrachten", in
shared/seed/) ends on a coordinated effort of teachers, pupils, parents and school leadership; a
lesson with the game is one part of it. The guide shows a teacher the rest, so the debrief can
link what the class said to what its school does. Every row says what the module says, in short;
nothing here goes beyond it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import vocab
from ..core.translations import N_, Message, words


@dataclass(frozen=True)
class SchoolPart:
    strategy: str | None
    """A strategy of vocab.STRATEGIES, named as the learning goals name it; None for `name`."""
    what: Message
    who: Message
    name: Message | None = None
    """A part of the module that is not one of the strategies' names."""


SCHOOL: tuple[SchoolPart, ...] = (
    SchoolPart("structured_response", N_(
        "Stepping in at once when bullying happens: separating the pupils involved, talking "
        "about what happened, guidance for both sides, activities that build empathy."),
        N_("Every teacher who sees it.")),
    SchoolPart("anonymous_reporting", N_(
        "A way for victims and witnesses to report bullying without fear of reprisals, such as "
        "an online form or a suggestion box, so that problems are found early."),
        N_("School leadership sets it up; staff follow up what is reported.")),
    SchoolPart("supervision", N_(
        "Staff present where bullying happens most and adults are fewest: hallways, toilets, "
        "playgrounds."),
        N_("School leadership organises it.")),
    SchoolPart("bystander_skills", N_(
        "Teaching pupils to recognise bullying and respond safely: assertive communication and "
        "resolving conflicts, clear rules and routines, rewarding pupils who stand up for others, "
        "role play and guided discussion."),
        N_("Teachers in class: this lesson.")),
    SchoolPart("student_voice", N_(
        "Pupils speak at school meetings about their experiences and their ideas for preventing "
        "bullying."),
        N_("The school, with its pupils.")),
    SchoolPart("mentoring", N_(
        "Older pupils teach younger ones about ethical behaviour and preventing bullying, and "
        "learn to lead on the way."),
        N_("The school's mentoring programme.")),
    SchoolPart("parents", N_(
        "Workshops on the signs of bullying and on support at home; a newsletter, information "
        "evenings or a page on the school's website about the anti-bullying policy; training "
        "for parents; attention to children's internet use, against cyberbullying."),
        N_("The school and parents together.")),
    SchoolPart("school_leadership", N_(
        "An anti-bullying policy that says what bullying is, how to report it and what follows, "
        "reviewed regularly (cyberbullying) and applied by all staff alike; training for staff; "
        "time in the timetable; guidance for victims and for those who bully."),
        N_("School leadership.")),
    SchoolPart(None, N_(
        "A system of data collection to track bullying, find patterns and evaluate which "
        "interventions work. The game's school report (bystander report) adds one anonymous "
        "source: how classes chose and where they held back. It records no incidents."),
        N_("School leadership."), N_("Data collection")),
)


def school_rows(lang: str) -> list[tuple[str, str, str]]:
    """(part of the module, what the school does, who) in `lang`."""
    _ = words(lang)
    return [(vocab.label(vocab.STRATEGIES[p.strategy], lang) if p.strategy
             else _.message(p.name), _.message(p.what), _.message(p.who)) for p in SCHOOL]
