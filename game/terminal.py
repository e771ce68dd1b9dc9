"""Text for the terminal: whatever came from a file or a command line is printed with its control
characters escaped.

A scenario's texts, the names of its file and the words a user typed reach the terminal in `check`
messages, `run` transcripts and usage errors. An escape sequence among them (`\\e[2J` clears the
screen, others retitle the window or hide what follows), a carriage return or a bidi override would
act on the terminal instead of being read. The checker refuses such characters in a scenario's
texts; this is the second line, for everything printed, file names included.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e"
                     "\u2060-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]")
"""C0 controls but tab and newline, DEL, C1 controls, invisible format characters, bidi
controls, and lone surrogates (the undecodable bytes of a file name)."""
_ONE_LINE = re.compile("[\t\n]")


def safe(text: str, one_line: bool = False) -> str:
    """`text` with every control and invisible character written as `\\uXXXX`, which is also
    how JSON writes them. `one_line` escapes tabs and newlines too: one message, one line."""
    text = _UNSAFE.sub(_escape, text)
    return _ONE_LINE.sub(_escape, text) if one_line else text


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
