"""Text for the terminal: whatever came from a file or a command line is printed with its control
characters escaped.

A scenario's texts, the names of its file and the words a user typed reach the terminal in `check`
messages, `run` transcripts, `analyse` output, usage errors and log lines. An escape sequence among
them (`\\e[2J` clears the screen, others retitle the window or hide what follows), a carriage return
or a bidi override would act on the terminal instead of being read. The checker refuses such
characters in a scenario's texts; this is the second line, for everything printed, file names
included. `say` in cli.py and the transcript escape what they print; `guarded` makes sure of the
rest (argparse's messages, log lines, anything printed by a command), whoever prints it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TextIO

_UNSAFE = ("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e"
           "\u2060-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]")
"""C0 controls but tab and newline, DEL, C1 controls, invisible format characters, bidi
controls, and lone surrogates (the undecodable bytes of a file name)."""
_ONE_LINE = re.compile("[\t\n]")
_TAB_NEWLINE = {ord("\t"): None, ord("\n"): None}


@lru_cache(maxsize=1)
def _unsafe() -> re.Pattern[str]:
    return re.compile(_UNSAFE)


def safe(text: str, one_line: bool = False) -> str:
    """`text` with every control and invisible character written as `\\uXXXX`, which is also
    how JSON writes them. `one_line` escapes tabs and newlines too: one message, one line."""
    # Every character `_UNSAFE` names is one Python does not call printable; most texts are
    # printable but for tabs and newlines, and need no search. The expression is compiled only
    # when one is not: with its 2,000 surrogates it costs 1% of the game's start-up.
    if not text.translate(_TAB_NEWLINE).isprintable():
        text = _unsafe().sub(_escape, text)
    return _ONE_LINE.sub(_escape, text) if one_line else text


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


class SafeStream:
    """A text stream that writes through `safe`, and is otherwise the stream it wraps. Escaping
    twice changes nothing (`safe` writes only printable characters), and JSON stays JSON."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(safe(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


@contextmanager
def guarded() -> Iterator[None]:
    """While a command runs, whatever reaches `sys.stdout` and `sys.stderr` is written through
    `safe`: the messages of argparse and of the logging module's last-resort handler, which
    print the words typed and file names as they are, and anything a command prints."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)  # type: ignore
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
