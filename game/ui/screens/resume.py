"""Class mode's first question when a session of this story was left unfinished: go on with it,
or begin a new one (the old record stays on disk, unfinished, for the teacher's report)."""

from __future__ import annotations

from .menu import MenuScreen


class ResumeSessionScreen(MenuScreen):
    """"Continue where we stopped?" over the title screen."""

    title_key = "resume_question"

    def __init__(self, app, back_to, entry, session_log):
        super().__init__(app, back_to)
        self.entry = entry
        self.session_log = session_log
        self.focus.index = 0

    def entries(self):
        n = sum(1 for _ in self.session_log.decisions)
        day, _, time = self.session_log.started.partition("T")
        return [(self.t("resume_yes", n=n, time=time, day=day), self.resume_session),
                (self.t("resume_no"), self.start_new),
                (self.t("back"), self.resume)]

    def resume_session(self) -> None:
        self.app.start_class(self.entry, session_log=self.session_log)

    def start_new(self) -> None:
        self.app.start_class(self.entry, fresh=True)
