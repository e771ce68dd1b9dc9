"""Loggers that import `logging` the first time they are used.

The modules that run before the title's first frame log only when something goes wrong, and
importing `logging` costs 5 to 7 ms of CPU (it compiles its format patterns): a twentieth of a
start-up. So they take their logger from here and pay for it only when they have something to
say. Everything else about the logger is the real one's (`logging.getLogger(name)`), so handlers,
levels and pytest's caplog see no difference.
"""

from __future__ import annotations


class LazyLogger:
    """`logging.getLogger(name)`, looked up on first use."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        import logging
        return getattr(logging.getLogger(self._name), attr)


def get_logger(name: str) -> LazyLogger:
    return LazyLogger(name)
