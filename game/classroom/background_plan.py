"""A class session's lesson plan, worked out in a thread of its own while the teacher fills in
the class form and the class reads on.

At each decision the class screens tell the teacher what the lesson plan says there
(`lesson.plan_at`). That must be the plan the teacher's guide prints, so it is made the same
way: `lesson.lesson_plan` over the story's road analysis (`core.analysis.analyse`). The analysis
plays every road of the story, about 1.5 s of CPU for adrian, which neither the class form nor
the first scene may wait for: it runs here, in a daemon thread, begun when the class form opens
(and when a session is continued), and the screens ask for the plan without ever waiting,
showing nothing while there is none. Python runs one thread at a time, so the form, idle while
the teacher types, takes the sharing: measured beside the first scene's animation instead, the
frames came every 25 ms rather than every 16.

Why a thread, and not the title's card cache: the cards are made when a story is first listed,
and working out every story's plans there would make a first start seconds slower for what only
class mode shows. The work is pure: the scenario in, the plans out, and the one part of a
scenario that runs change as they play, its state machines, is built per thread
(core/machines.py), so the analysis never touches what the game's own run moves. It is worked out
from the very scenario the session plays, so a story that changed on disk since cannot give it
a stale plan; sessions of one content (its hash) share the work (a teacher who starts again, the
tests). A failure is logged and the session goes on without marks.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from ..core.analysis import analyse
from ..lazylog import get_logger
from .lesson import LESSON_MINUTES, LessonPlan, lesson_plan

log = get_logger(__name__)

KEPT = 4
"""Stories whose plans are kept for sessions to come (by content): a teacher rarely uses more
than one or two stories a day."""

_kept: OrderedDict[str, "BackgroundPlans"] = OrderedDict()
_kept_lock = threading.Lock()


class BackgroundPlans:
    """The plans of a lesson of every length (`lesson.LESSON_MINUTES`) with `scenario`, being
    worked out in a thread: one analysis serves them all, and the length is not known until the
    class form is filled in, which is when the work can begin (see `start`)."""

    def __init__(self, scenario):
        self._done = threading.Event()
        self._plans: dict[int, LessonPlan] = {}
        self._key: str | None = None
        """Its place among the plans kept, if it has one."""
        self._thread = threading.Thread(target=self._work, args=(scenario,),
                                        name="lesson-plan", daemon=True)

    @classmethod
    def start(cls, scenario, content_hash: str) -> "BackgroundPlans":
        """The plans for `scenario`, whose content has `content_hash` ("" when unknown: then
        they are not shared): those already under way or done for the same content, else new
        ones, started. Class mode starts them as the class form opens: the form waits for the
        teacher, idle, and the first scene's animation then never shares the processor with
        the analysis."""
        with _kept_lock:
            job = _kept.get(content_hash) if content_hash else None
            if job is not None:
                _kept.move_to_end(content_hash)
                return job
            job = cls(scenario)
            if content_hash:
                _kept[content_hash], job._key = job, content_hash
                while len(_kept) > KEPT:
                    _kept.popitem(last=False)
        job._thread.start()
        return job

    def _work(self, scenario) -> None:
        try:
            found = analyse(scenario)
            # The guide's own call; the marks read only its scene ids and numbers, which are the
            # same in every language.
            self._plans = {minutes: lesson_plan(scenario, found, minutes, scenario.languages[0])
                           for minutes in LESSON_MINUTES}
        except Exception:  # noqa: BLE001 - never stop a lesson for its plan's marks
            log.exception("the lesson plan of %s could not be worked out; no marks shown",
                          getattr(scenario, "id", "?"))
            with _kept_lock:  # the next session tries again
                if self._key is not None and _kept.get(self._key) is self:
                    del _kept[self._key]
        finally:
            self._done.set()

    @property
    def done(self) -> bool:
        """Whether the work is over (with plans, or without them after a failure)."""
        return self._done.is_set()

    def plan(self, minutes: int) -> LessonPlan | None:
        """The plan of a lesson of `minutes` once it is worked out; None before, after a
        failure, and for a length the game does not plan. Never waits."""
        return self._plans.get(minutes) if self._done.is_set() else None

    def wait(self, minutes: int, timeout: float | None = None) -> LessonPlan | None:
        """The plan, waiting up to `timeout` seconds for it (pictures and tests; never a
        screen)."""
        self._done.wait(timeout)
        return self.plan(minutes)


def forget() -> None:
    """Let go of every plan kept (tests that need a fresh piece of work)."""
    with _kept_lock:
        _kept.clear()
