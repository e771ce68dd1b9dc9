"""Why a line of a hand-written scenario did not read as meant: the cause and the fix, in words.

YAML gives a text a meaning of its own when it starts with one of its signs (`[`, `*`, `&`, `!`,
`|`, `- `, a quote ...) or holds a comma or `: ` inside `{...}`; PyYAML then says what its parser
missed ("did not find expected ',' or '}'", "while scanning an alias"), which names neither the
sign nor the quotes that fix it. `syntax_hint` reads the line the error is on and names both, and
`sign_hint` does the same for an anchor, alias or tag that parsed but is refused. A condition
(`when:`) gets the words of conditions: `and`, `or`, `not`.
"""

from __future__ import annotations

import re

import yaml

SIGNS = {
    "[": "'[' at the start of a value starts a list ([a, b])",
    "{": "'{' at the start of a value starts a mapping ({a: b})",
    "]": "']' ends a list",
    "}": "'}' ends a mapping",
    "*": "'*' at the start of a value starts an alias (*name)",
    "&": "'&' at the start of a value starts an anchor (&name)",
    "!": "'!' at the start of a value starts a tag (!name)",
    "%": "'%' is kept for YAML's own use at the start of a value",
    "@": "'@' is kept for YAML's own use at the start of a value",
    "`": "'`' is kept for YAML's own use at the start of a value",
    "|": "'|' at the start of a value starts a block of text on the lines below",
    ">": "'>' at the start of a value starts a block of text on the lines below",
    "-": "'- ' at the start of a value starts a list item",
    "?": "'? ' at the start of a value starts a key",
    "'": "a quote at the start of a value starts a quoted text, which ends at the next quote",
    '"': "a quote at the start of a value starts a quoted text, which ends at the next quote",
}
"""What each sign means to YAML where a value starts: what the text turned into instead."""

CONDITION_WORDS = {"&": "and", "|": "or", "!": "not"}
"""What a condition says where a programmer would write `&&`, `||` or `!`."""

MAX_LINE = 2000
"""A line longer than this gets no hint from its text: no one writes a text that long by hand,
and the reading of the line must stay quick whatever is in it (a file of a million `[`)."""
MAX_LINES = 200
"""Lines between where a collection began and where it failed that are read for the cause."""

_VALUE_START = re.compile(r"(?:^[ ]*(?:- +)*|:[ \t]+|[{,][ \t]*|- +)(?=\S)")
"""Where a value can start on a line: after the indentation (and list dashes), after `: `, and
after `{` or `,` inside braces."""
_COMMENT = re.compile(r"[ \t]#")
_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
"""What a key is written with (a key starts with a letter or `_`). Read by hand, from the end
of the line back: the regular expression searched for it tried every place on the line and
read to the end from each, which took minutes on a 50,000-character line."""


def syntax_hint(exc: yaml.YAMLError, text: str) -> str:
    """What to do about a syntax error, from the line it is on: "" when nothing fits."""
    problem = getattr(exc, "problem", None) or ""
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "problem_mark", None)
    start = getattr(exc, "context_mark", None)
    if mark is None:
        return ""
    lines = re.split(r"\r\n|\r|\n", text)  # as libyaml counts lines
    if not 0 <= mark.line < len(lines) or len(lines[mark.line]) > MAX_LINE:
        return _plain_hint(problem)
    if start is not None and (not 0 <= start.line <= mark.line
                              or mark.line - start.line > MAX_LINES
                              or len(lines[start.line]) > MAX_LINE):
        start = None
    line = lines[mark.line]
    if "unknown escape character" in problem:
        return ("; inside double quotes a backslash starts an escape such as \\n: write a "
                "backslash as \\\\, or put the text between single quotes")
    in_braces = "flow" in context
    braces = "[...]" if "sequence" in context else "{...}"
    found = line[mark.column:mark.column + 1]
    if start is not None and start.line < mark.line:
        hint = _open_quote(lines, start.line, mark.line)
        if hint:
            return hint
    if in_braces and _comment_cut(lines, start, mark):
        return (f"; inside {braces} an unquoted '#' after a space starts a comment, which cut "
                f"off the rest of the line (the closing '{braces[-1]}' too): put the text with "
                "'#' between quotes")
    if in_braces and start is not None and _left_open(lines, start, mark):
        return (f"; the '{braces[0]}' on line {start.line + 1} is not closed on its line: "
                f"end it with '{braces[-1]}' there (or put a text with '{braces[-1]}' or "
                "' #' in it between quotes)")
    if in_braces and found == ":" or "found unexpected ':'" in problem:
        return _quote_hint(f"inside {braces} a ': ' ends a key, so a text with ': ' in it",
                           line, mark.column)
    if in_braces and found in ("]", "}"):
        return _quote_hint(f"{SIGNS[found]}, so inside {braces} a text with '{found}' in it",
                           line, mark.column)
    if "mapping values are not allowed" in problem:
        return _colon_hint(line, mark.column)
    # A scanner's context mark is where the value began (`*zucht*`, `'t is`); a parser's is
    # where the mapping began, so there the problem's own place is the one to read.
    places = [start, mark] if context.startswith("while scanning") else [mark]
    for where in places:
        if where is None or not 0 <= where.line < len(lines):
            continue
        hint = _sign_at(lines[where.line], where.column)
        if hint:
            return hint
    if "expected key" in problem:
        return _indent_hint(lines, mark)
    return _plain_hint(problem)


def _indent_hint(lines: list[str], mark) -> str:
    """A key the parser did not expect: most often indented otherwise than the key above it,
    or something left over on a line after a value in `{...}`, `[...]` or quotes."""
    before = lines[mark.line][:mark.column].rstrip()
    if before:
        if before.endswith(("}", "]")):
            return (f"; nothing may follow the closing '{before[-1]}' on its line: put a text "
                    "with brackets or braces in it between quotes")
        return ("; something is left over after the value on this line: put the whole text "
                "between quotes")
    above = next((line for line in reversed(lines[:mark.line])
                  if line.strip() and not line.lstrip().startswith("#")), None)
    here = mark.column + 1
    if above is None:
        return ""
    column = len(above) - len(above.lstrip(" ")) + 1
    if column == here:
        return ("; if this line goes on a text from the line above, put that text between "
                "quotes")
    return (f"; this line starts in column {here}, the line above in column {column}: the keys "
            "of one mapping start in the same column (a text that goes on over several lines "
            "needs quotes)")


def _open_quote(lines: list[str], first: int, last: int) -> str:
    """The hint for a value between lines `first` and `last` that opens a quote and does not
    close it on its line (`nl: 't Is stil.`): the parser read on to the next quote, lines
    further, and failed there."""
    for number in range(first, last):
        line = lines[number]
        if len(line) > MAX_LINE:
            continue
        after = {q: line.count(q) for q in "'\""}  # quotes from `at` on, counted down
        seen = 0
        for found in _VALUE_START.finditer(line):
            at = found.end()
            for q in "'\"":  # each character of the line is passed once: linear
                after[q] -= line.count(q, seen, at)
            seen = at
            quote = line[at] if at < len(line) else ""
            if quote and quote in "'\"" and after[quote] % 2 == 1:
                return _sign_at(line, at)
    return ""


def _left_open(lines: list[str], start, mark) -> bool:
    """Whether a `{` or `[` was left open on its line, so that the parser read the next key as
    part of it: the line opens more than it closes (outside quotes), and the problem is at a
    key no deeper than that line (a `{...}` written over several lines on purpose is not)."""
    if mark.line <= start.line:
        return False
    line = lines[start.line]
    outside = outside_quotes(line.split(" #")[0])
    if outside.count("{") + outside.count("[") <= outside.count("}") + outside.count("]"):
        return False
    problem_line = lines[mark.line]
    indent = len(problem_line) - len(problem_line.lstrip(" "))
    return (re.match(r"[ ]*(?:- )?[A-Za-z_][\w-]*:", problem_line) is not None
            and indent <= len(line) - len(line.lstrip(" ")))


def outside_quotes(line: str) -> str:
    """`line` without its quoted texts: a double-quoted one to its closing quote (a backslash
    escapes the next character), a single-quoted one to its closing quote (`''` is a quote
    inside it). A quote that is not closed stays, with what follows it. The same as the
    regular expression it replaces (a test compares them), in one pass: that went to the end of
    the line again from every unclosed quote, which took minutes on a 50,000-character line."""
    kept: list[str] = []
    i, n = 0, len(line)
    double_closes = True  # no closing " found from one quote: none will be from a later one
    while i < n:
        ch = line[i]
        end = -1
        if ch == '"' and double_closes:
            end = _double_quote_end(line, i + 1)
            double_closes = end >= 0
        elif ch == "'":
            end = _single_quote_end(line, i + 1)
        if end < 0:
            kept.append(ch)
            i += 1
        else:
            i = end + 1
    return "".join(kept)


def _double_quote_end(line: str, i: int) -> int:
    """Where the double-quoted text that starts before `i` closes, or -1."""
    while i < len(line):
        if line[i] == "\\":
            i += 2
        elif line[i] == '"':
            return i
        else:
            i += 1
    return -1


def _single_quote_end(line: str, i: int) -> int:
    """Where the single-quoted text that starts before `i` closes, or -1 (`''` is a quote).
    Not closed but with a `''` in it, it closes at the first quote of the last `''`, as the
    regular expression did (it gave the pairs back one by one from the end)."""
    last_pair = -1
    while True:
        i = line.find("'", i)
        if i < 0:
            return last_pair
        if line[i + 1:i + 2] != "'":
            return i
        last_pair = i
        i += 2


def _colon_hint(line: str, column: int) -> str:
    """`mapping values are not allowed here`: a `: ` inside a text that is not in quotes, or a
    key indented under a text as if it went on with it."""
    start, _value = _value_at(line, column)
    if _key_before(line, start) is not None:
        return _quote_hint("a ': ' ends a key, so a text with ': ' in it", line, column)
    return ("; a ': ' ends a key: if this line goes on a text from the line above, put that "
            "text between quotes; if it is a key, indent it as the keys above it")


def sign_hint(sign: str, key: str | None, value: str) -> str:
    """The hint for an anchor (`&`), alias (`*`) or tag (`!`) that a text or a condition
    started with: quotes, or in a condition the word it meant."""
    if key == "when" and sign in CONDITION_WORDS:
        return (f"; in a condition write '{CONDITION_WORDS[sign]}', not '{sign}' (a condition "
                "that starts with a sign needs quotes)")
    return _quote_hint(f"a text that starts with '{sign}'", value, 0, key)


def _sign_at(line: str, column: int) -> str:
    """The hint for a value on `line` that starts with a sign: the value that starts at
    `column` or nearest before it."""
    starts = [m.end() for m in _VALUE_START.finditer(line) if m.end() <= max(column, 0)]
    if column < len(line) and line[column] in SIGNS and column not in starts:
        starts.append(column)  # the mark is at the sign itself (`nl: %50 korting`)
    if not starts:
        return ""
    at = max(starts)
    opened = line[:at].rstrip()
    if opened.endswith("{") and len(opened) - 1 in starts:
        at = len(opened) - 1  # `nl: {stil} ja`: the value is the brace, not what follows it
    sign = line[at]
    if sign not in SIGNS:
        return ""
    if sign in "-?" and line[at + 1:at + 2] not in ("", " "):
        return ""
    if _key_before(line, at) == "when" and sign in CONDITION_WORDS:
        return sign_hint(sign, "when", "")
    if sign == "-" and not line[:at].strip():
        return ("; '- ' starts a list item, which cannot stand among the keys of a mapping: "
                "indent it under the key of its list, or, if it is text, put it between quotes")
    if sign in "'\"":
        return _quote_hint(f"{SIGNS[sign]}, so a text that starts with a quote", line, at)
    return _quote_hint(f"{SIGNS[sign]}: a text that starts with it", line, at)


def _key_before(line: str, at: int) -> str | None:
    """The key whose value starts at `at`: `nl` in `  nl: [stil]` (the letters, digits and `_`
    before the colon, from the first letter or `_`)."""
    head = line[:at].rstrip(" \t")
    if not head.endswith(":"):
        return None
    head = head[:-1].rstrip(" \t")
    start = len(head)
    while start > 0 and head[start - 1] in _KEY_CHARS:
        start -= 1
    key = head[start:].lstrip("0123456789")
    return key or None


def _value_at(line: str, at: int) -> tuple[int, str]:
    """Where the value around `at` starts, and the value as written: to the end of the line,
    or inside braces to the next `, key:` or `}` (a guess, shown as what quotes should hold)."""
    start = at
    while start > 0 and line[start - 1] not in ":{,":
        start -= 1
    rest = line[start:].strip()
    if "{" in line[:start]:
        rest = re.split(r",\s+[a-z_]+:\s|}\s*,|}\s*$", rest)[0].strip()
    while start < len(line) and line[start] in " \t":
        start += 1
    return start, rest


def _quote_hint(what: str, line: str, at: int, key: str | None = None) -> str:
    """"; {what} must be put between quotes: key: "value"", with the value around `at` on
    `line` (or `line` itself, when `at` is 0 and a key is given) quoted so that it reads back
    as written."""
    if key is not None:
        value = line
    else:
        start, value = _value_at(line, at)
        key = _key_before(line, start)
    if not value:
        return f"; {what} must be put between quotes"
    shown = value if len(value) <= 60 else value[:57] + "..."
    example = f"{key}: {quoted(shown)}" if key else quoted(shown)
    return f"; {what} must be put between quotes: {example}"


def quoted(text: str) -> str:
    """`text` as a YAML quoted text: in double quotes, or in single quotes (each ' doubled) when
    it holds a double quote or a backslash, which double quotes would read as an escape."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _comment_cut(lines: list[str], start, mark) -> bool:
    """Whether a ` #` after an opening `{` or `[` cut a collection short: looked for from where
    it began (`start`) to the problem, and on the line above when the problem is at the start
    of its line (the parser found out only there)."""
    first = start.line if start is not None else mark.line
    if not lines[mark.line][:mark.column].strip():
        first = min(first, mark.line - 1)
    for number in range(max(first, 0), mark.line + 1):
        line = lines[number][:MAX_LINE]
        opened = min((i for i in (line.find("{"), line.find("[")) if i >= 0), default=-1)
        if opened >= 0 and _COMMENT.search(line, opened):
            return True
    return False


def _plain_hint(problem: str) -> str:
    """The hints that need no more than the parser's words."""
    if "expected '-' indicator" in problem:
        return ("; every item of a list starts with '- ', all in the same column: give this "
                "line its '- ', or indent it as the lines of the item above")
    if "could not find expected ':'" in problem:
        return "; a key needs a colon after it, or the line above needs quotes"
    if "found character '\\t'" in problem or "cannot start any token" in problem:
        return "; put text that starts with a special character between quotes"
    return ""
