"""The organiser's log: what happened at the event screen, for the organiser to read afterwards.

Idle resets, requests to close the window, the code pad and its wrong codes, damaged counts, and
when the screen started and stopped, one line each, in `<data dir>/event/organiser-log.txt`
beside the day's counts:

    2026-05-12 14:35  idle reset: back to the attract loop after 70 s without a touch

Only the fixed sentences of `MESSAGES`, with numbers and dates filled in: counts, never anything
about a visitor (which story, which choices, which language). The times are rounded down to
5 minutes, as are the file's own times, like every file the game writes (`files.round_times`).
The file is size-limited (`MAX_BYTES`, then it becomes `organiser-log.txt.1` and a new one
starts, so at most twice that), and is written only while an event screen runs (`open_log`).

The log never reaches the terminal (`bystander` prints nothing more than before) and never
raises: a disk that cannot be written loses the lines, not the event screen. One event screen per
process: `open_log` moves the log to the last folder it was given.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
import time
from datetime import date
from pathlib import Path

from ..files import COARSE_SECONDS, NotAFile, make_folder, round_times

LOG_NAME = "organiser-log.txt"
MAX_BYTES = 200_000
"""About 2,000 lines, several busy days; the one older file kept makes it 400 KB at most."""

MESSAGES = {
    "started": "event screen started; today so far {players} players, {stepped_in} stepped in, "
               "{finished} saw an ending",
    "stopped": "event screen stopped; today {players} players, {stepped_in} stepped in, "
               "{finished} saw an ending",
    "idle_reset": "idle reset: back to the attract loop after {seconds} s without a touch",
    "close_ignored": "a request to close the window was ignored",
    "pad_by_keys": "the code pad was opened with Ctrl+Alt+Q",
    "pad_by_press": "the code pad was opened with a long press in the corner",
    "wrong_code": "a wrong code was typed ({n} in a row); the pad waits {seconds} s",
    "right_code": "the right code was typed: the organiser's menu is open",
    "closed_by_organiser": "closed by the organiser",
    "closed_without_code": "closed with Ctrl+Alt+Q (no kiosk_pin set)",
    "counts_read": "the count file {day}.json was damaged; kept the counts still in it: "
                   "{players} players, {stepped_in} stepped in, {finished} saw an ending",
    "counts_backup": "the count file {day}.json was damaged; kept its last good copy: "
                     "{players} players, {stepped_in} stepped in, {finished} saw an ending",
    "counts_memory": "the count file {day}.json was damaged; kept what this screen had counted: "
                     "{players} players, {stepped_in} stepped in, {finished} saw an ending",
    "counts_zero": "the count file {day}.json was damaged and no good copy was left; "
                   "counting again from zero",
    "counts_moved": "the damaged count file is kept as {day}.corrupt-{n}.json",
    "counts_not_moved": "the damaged count file could not be moved aside; today is counted "
                        "in memory only",
}
"""Every line the log can hold: fixed words, with only whole numbers and dates filled in."""

log = logging.getLogger(__name__)
log.propagate = False  # never to the terminal, nor to whatever else handles the game's logs
log.setLevel(logging.INFO)
log.addHandler(logging.NullHandler())  # with no file open, lines go nowhere (not to stderr)


def note(event: str, **values: int | date) -> None:
    """One line of the log: the sentence `MESSAGES[event]` with `values` filled in. Only whole
    numbers and dates are taken (anything else shows as "?"), so that no text about a visitor
    can reach the file. Never raises."""
    try:
        safe = {k: v if isinstance(v, date) or (isinstance(v, int) and not isinstance(v, bool))
                else "?" for k, v in values.items()}
        log.info(MESSAGES[event].format(**safe))
    except Exception:  # noqa: BLE001 - a line we cannot write must not stop the event screen
        pass


class CoarseTimes(logging.Formatter):
    """Each line's time rounded down to 5 minutes, as the game's files hold their times."""

    def __init__(self):
        super().__init__("%(asctime)s  %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        seconds = int(record.created)
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds - seconds % COARSE_SECONDS))


class LogFile(logging.handlers.RotatingFileHandler):
    """The log's file: opened only when there is a line to write, and as carefully as the game
    opens everything (see files.py): only a regular file, never through a link, never waiting
    on a FIFO. A problem loses the line quietly instead of printing a traceback."""

    def __init__(self, path: Path):
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=1, encoding="utf-8", delay=True)
        self.setFormatter(CoarseTimes())
        self.setLevel(logging.INFO)
        self.failed = 0
        """Lines that could not be written."""

    def _open(self):
        folder = Path(self.baseFilename).parent
        make_folder(folder)
        flags = (os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_NONBLOCK", 0))
        fd = os.open(self.baseFilename, flags, 0o644)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise NotAFile(f"not a regular file: {LOG_NAME}")
            return os.fdopen(fd, "a", encoding="utf-8", errors="replace")
        except BaseException:
            os.close(fd)
            raise

    def emit(self, record: logging.LogRecord) -> None:
        super().emit(record)  # and flushed, so the line is there even if the power goes
        path = Path(self.baseFilename)
        round_times(path, path.parent)

    def doRollover(self) -> None:
        super().doRollover()
        round_times(Path(self.baseFilename + ".1"))

    def handleError(self, record: logging.LogRecord) -> None:
        """Quietly: logging's own handling prints a traceback to the terminal."""
        self.failed += 1
        if self.stream is not None:
            try:
                self.stream.close()
            except OSError:
                pass
            self.stream = None  # try to open it afresh for the next line


def open_log(folder: Path) -> LogFile:
    """Write the log to `folder` (the day's counts' folder) from now on."""
    close_log()
    handler = LogFile(Path(folder) / LOG_NAME)
    log.addHandler(handler)
    return handler


def close_log() -> None:
    """Stop writing the log (the event screen has ended)."""
    for handler in [h for h in log.handlers if isinstance(h, LogFile)]:
        log.removeHandler(handler)
        try:
            handler.close()
        except Exception:  # noqa: BLE001
            pass
