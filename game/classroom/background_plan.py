"""A class session's lesson plan, worked out in a thread of its own while the class reads on.

At each decision the class screens tell the teacher what the lesson plan says there
(`lesson.plan_at`). That must be the plan the teacher's guide prints, so it is made the same
way: `lesson.lesson_plan` over the story's road analysis (`core.analysis.analyse`). The analysis
plays every road of the story, about 1.7 s of CPU for adrian, which neither the class form nor
the first scene may wait for: a session starts it here, in a daemon thread, and the screens ask
`plan` without ever waiting, showing nothing while it is None.

Why a thread, and not the title's card cache: the cards are made when a story is first listed,
and working out every story's plan there would make a first start seconds slower for a screen
only class mode shows; a plan is wanted once a lesson, a second after the class form, when the
class is still reading the first scene. The work is pure: the scenario in, the plan out, and the
one part of a scenario that runs change as they play, its state machines, is built per thread
(core/machines.py), so the analysis never touches what the game's own run moves. It is worked out
from the very scenario the session plays, so a story that changed on disk since cannot give it a
stale plan; sessions of one content (its hash) and lesson length share one piece of work (a
teacher who starts again, the tests). A failure is logged and the session goes on without marks.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from ..core.analysis import analyse
from ..lazylog import get_logger
from .lesson import LessonPlan, lesson_plan

log = get_logger(__name__)

KEPT = 4
"""Plans kept for sessions to come (by content and lesson length): a teacher rarely uses more
than one or two stories a day."""

_kept: OrderedDict[tuple[str, int], "BackgroundPlan"] = OrderedDict()
_kept_lock = threading.Lock()


class BackgroundPlan:
    """The plan of a lesson of `minutes` with `scenario`, being worked out in a thread."""

    def __init__(self, scenario, minutes: int):
        self._done = threading.Event()
        self._plan: LessonPlan | None = None
        self._key: tuple[str, int] | None = None
        """Its place among the plans kept, if it has one."""
        self._thread = threading.Thread(target=self._work, args=(scenario, minutes),
                                        name="lesson-plan", daemon=True)

    @classmethod
    def start(cls, scenario, content_hash: str, minutes: int) -> "BackgroundPlan":
        """The plan for `scenario` (whose content has `content_hash`; "" when unknown, then it
        is not shared) and a lesson of `minutes`: one already under way or done for the same
        content and length, else a new one, started."""
        key = (content_hash, minutes)
        with _kept_lock:
            job = _kept.get(key) if content_hash else None
            if job is not None:
                _kept.move_to_end(key)
                return job
            job = cls(scenario, minutes)
            if content_hash:
                _kept[key], job._key = job, key
                while len(_kept) > KEPT:
                    _kept.popitem(last=False)
        job._thread.start()
        return job

    def _work(self, scenario, minutes: int) -> None:
        try:
            found = analyse(scenario)
            # The guide's own call; the marks read only its scene ids and numbers, which are the
            # same in every language.
            self._plan = lesson_plan(scenario, found, minutes, scenario.languages[0])
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
        """Whether the work is over (with a plan, or without one after a failure)."""
        return self._done.is_set()

    @property
    def plan(self) -> LessonPlan | None:
        """The plan once it is worked out; None before, and after a failure. Never waits."""
        return self._plan if self._done.is_set() else None

    def wait(self, timeout: float | None = None) -> LessonPlan | None:
        """The plan, waiting up to `timeout` seconds for it (pictures and tests; never a
        screen)."""
        self._done.wait(timeout)
        return self.plan


def forget() -> None:
    """Let go of every plan kept (tests that need a fresh piece of work)."""
    with _kept_lock:
        _kept.clear()
