"""Write the broken-scenario corpus in `tests/reliability/broken/`; run it, read the diff, commit.

    .venv/bin/python tests/reliability/make_broken.py

Two kinds of file, every one a scenario the game must refuse with `file:line:col: message`:

- hand-made cases, one per way a hand-written file goes wrong (syntax, tabs, duplicate keys, anchors
  and aliases, merge keys, tags, extra documents, nesting, encodings, invisible characters, empty
  files, a top level that is not a mapping), most of them injected into the small example scenario
  so that the injected mistake is the only thing wrong;
- mutations of the shipped scenarios in `scenes/`: a required key removed, a value of the wrong
  type, a reference to nothing, the file cut short, bytes flipped, a line doubled. They are drawn
  from a fixed seed, so the output only changes when the scenarios do.

The first line of every file is a YAML comment saying what is wrong and what the loader must say:
`# broken: <what> -- expect: <code>[|<code>...] [at line <n>]`, where the codes are `Issue.code`s
(`any` when any refusal will do). Files saved as UTF-16 carry that comment in UTF-16 too.
Over-size files and a zero-byte file are made by the test itself, not committed.

Random bit flips can leave a file that is still a valid scenario (a changed letter in a sentence);
those are not broken, so the script draws again. Every other mutation breaks the file by
construction; the script still loads each file it writes and stops if one is accepted.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from reliahelp import expected_codes, first_line

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "broken"
MINI = ROOT / "tests" / "data" / "mini.yaml"
SCENES = sorted((ROOT / "scenes").glob("*.yaml"))
SEED = 20240501

MINI_TEXT = MINI.read_text(encoding="utf-8")


def in_mini(old: str, new: str) -> str:
    """The example scenario with `old` replaced by `new` (once)."""
    assert old in MINI_TEXT, old
    return MINI_TEXT.replace(old, new, 1)


def nested(depth: int) -> str:
    lines = []
    for i in range(depth):
        lines.append("  " * i + f"k{i}:")
    lines.append("  " * depth + "leaf")
    return "\n".join(lines) + "\n"


# (name, what is wrong, expected codes, content: text or bytes, encoding of the comment line)
HAND_MADE: list[tuple[str, str, str, object]] = [
    # --- YAML syntax ------------------------------------------------------------------------------
    ("syntax_unclosed_flow", "a flow list that is never closed", "syntax",
     in_mini("languages: [nl, en]", "languages: [nl, en")),
    ("syntax_unclosed_mapping", "a flow mapping that is never closed", "syntax",
     in_mini("audience: {min_age: 12, max_age: 16}", "audience: {min_age: 12, max_age: 16")),
    ("syntax_colon_in_text", "unquoted text containing ': '", "syntax",
     in_mini('title: {nl: "De gang", en: "The hallway"}',
             "title: {nl: De gang, en: The hallway}\nsubtitle: Sam: again")),
    ("syntax_unclosed_quote", "a double quote that is never closed", "syntax",
     in_mini('"Hé loser, nee hè, ben jij er weer?"', '"Hé loser, nee hè, ben jij er weer?')),
    ("syntax_single_quote_in_text", "a single-quoted text with an apostrophe inside", "syntax",
     in_mini("{nl: Waarom liep je door?, en: Why did you walk on?}",
             "{nl: 'Waarom liep je door?', en: 'Why didn't you stay?'}")),
    ("syntax_bad_indentation", "a key indented one space too far", "syntax",
     in_mini("    role: bully\n", "     role: bully\n")),
    ("syntax_dedented_key", "a field of a choice dedented under the list", "syntax|unknown_field",
     in_mini("        goto: later\n        consequence: {nl: Sam kijkt",
             "        goto: later\n      consequence: {nl: Sam kijkt")),
    ("syntax_list_and_map_mixed", "a list item where a key was expected", "syntax",
     in_mini("minutes: 10\n", "minutes: 10\n- oops\n")),
    ("syntax_reserved_at", "a plain value starting with '@'", "syntax",
     in_mini("name: Rik", "name: @rik")),
    ("syntax_backtick", "a plain value starting with a backtick", "syntax",
     in_mini("name: Rik", "name: `Rik`")),
    ("syntax_percent_directive_late", "a %YAML directive after content", "syntax|documents",
     MINI_TEXT + "%YAML 1.1\n---\nid: again\n"),
    ("syntax_missing_colon", "a key without its colon", "syntax",
     in_mini("minutes: 10", "minutes 10\nlanguages [nl, en]")),
    # --- tabs and odd spaces in the indentation ---------------------------------------------------
    ("tab_indent", "a tab in the indentation", "characters",
     in_mini("    role: bully\n", "\trole: bully\n")),
    ("tab_after_spaces", "spaces then a tab in the indentation", "characters",
     in_mini("    role: bully\n", "  \t  role: bully\n")),
    ("nbsp_indent", "a no-break space in the indentation", "characters",
     in_mini("    role: bully\n", "\u00a0   role: bully\n")),
    ("ideographic_space_indent", "an ideographic space in the indentation", "characters",
     in_mini("    role: bully\n", "\u3000  role: bully\n")),
    # --- duplicate keys ---------------------------------------------------------------------------
    ("duplicate_top_key", "the field 'minutes' twice", "duplicate_key",
     in_mini("minutes: 10\n", "minutes: 10\nminutes: 15\n")),
    ("duplicate_scene", "two scenes called 'later'", "duplicate_key",
     in_mini("  end_good:\n", "  later:\n    place: hallway\n    beats:\n"
             "      - text: {nl: x, en: x}\n    ending: better\n  end_good:\n")),
    ("duplicate_language_key", "a text with 'en' twice", "duplicate_key",
     in_mini('{nl: "De gang", en: "The hallway"}',
             '{nl: "De gang", en: "The hallway", en: "Hall"}')),
    ("duplicate_key_quoted", "the same key once plain and once quoted", "duplicate_key",
     in_mini("minutes: 10\n", "minutes: 10\n\"minutes\": 12\n")),
    # --- anchors, aliases, merge keys -----------------------------------------------------------
    ("anchor", "an anchor on a value", "anchor",
     in_mini("audience: {min_age: 12, max_age: 16}", "audience: &ages {min_age: 12, max_age: 16}")),
    ("alias", "an alias reusing an anchored text", "anchor|alias",
     in_mini("{nl: Sam kijkt je na., en: Sam watches you go.}",
             "&seen {nl: Sam kijkt je na., en: Sam watches you go.}").replace(
         "{nl: Sam zit alleen., en: Sam sits alone.}", "*seen", 1)),
    ("alias_undefined", "an alias to an anchor that does not exist", "alias|syntax",
     in_mini("start: hallway", "start: *first")),
    ("merge_key", "a merge key (<<) copying a cast member", "merge|anchor|alias",
     in_mini("  rik:\n    name: Rik\n", "  rik:\n    <<: {name: Rik}\n    name: Rik\n")),
    ("billion_laughs", "nested aliases that would expand to a billion items", "anchor|alias",
     "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
     + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n"
               for i in range(8))),
    # --- tags -------------------------------------------------------------------------------------
    ("tag_python_object", "a !!python/object/apply tag (code execution in unsafe loaders)", "tag",
     in_mini("minutes: 10", "minutes: !!python/object/apply:os.system ['echo pwned']")),
    ("tag_python_object_new", "a !!python/object/new tag", "tag",
     in_mini("victim: sam", "victim: !!python/object/new:subprocess.Popen [[ls]]")),
    ("tag_python_name", "a !!python/name tag", "tag",
     in_mini("start: hallway", "start: !!python/name:os.system")),
    ("tag_binary", "a !!binary tag", "tag",
     in_mini("name: Sam", "name: !!binary U2Ft")),
    ("tag_str", "a !!str tag on a value", "tag",
     in_mini("minutes: 10", "minutes: !!str 10")),
    ("tag_custom_include", "a custom !include tag", "tag",
     in_mini("help:\n", "help: !include help.yaml\nx:\n")),
    ("tag_verbatim", "a verbatim tag", "tag",
     in_mini("name: Rik", "name: !<tag:example.com,2024:person> Rik")),
    ("tag_on_mapping", "a !!map tag on the cast", "tag",
     in_mini("cast:\n", "cast: !!map\n")),
    # --- documents --------------------------------------------------------------------------------
    ("two_documents", "a second document after '---'", "documents",
     MINI_TEXT + "---\nid: second\n"),
    ("document_end_then_more", "'...' and more content after it", "documents|syntax",
     MINI_TEXT + "...\nid: again\n"),
    ("three_documents", "three documents", "documents",
     "---\n" + MINI_TEXT + "---\n{}\n---\n[]\n"),
    # --- nesting ----------------------------------------------------------------------------------
    ("deep_flow_nesting", "lists nested 200 deep", "depth",
     in_mini("minutes: 10", "minutes: 10\nnote: " + "[" * 200 + "]" * 200)),
    ("deep_block_nesting", "mappings nested 60 deep", "depth",
     MINI_TEXT + "note:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(60))
     + "  " * 61 + "leaf\n"),
    ("deep_brackets_unbalanced", "50,000 opening brackets", "depth|syntax",
     "id: x\nnote: " + "[" * 50_000 + "\n"),
    ("deep_braces", "mappings nested 100 deep in flow style", "depth",
     "id: x\nnote: " + "{a: " * 100 + "1" + "}" * 100 + "\n"),
    # --- encodings --------------------------------------------------------------------------------
    ("latin1", "saved as Latin-1 (é as one byte)", "encoding",
     in_mini("Hé loser, nee hè", "Hé loser, nee hè").encode("latin-1")),
    ("cp1252_quotes", "Windows-1252 curly quotes and a dash from a word processor", "encoding",
     in_mini("Ik loop door.", "Ik loop door \u2013 \u201cweg hier\u201d.").encode("cp1252")),
    ("cp1252_one_line", "one line pasted from a Windows-1252 document", "encoding",
     MINI_TEXT.encode("utf-8").replace(b"Het gaat door.", "Het gaat \u201cdoor\u201d.".encode(
         "cp1252"), 1)),
    ("utf16_le_no_bom", "saved as UTF-16 (little-endian) without a byte order mark", "encoding",
     ("utf-16-le", MINI_TEXT)),
    ("utf16_be_no_bom", "saved as UTF-16 (big-endian) without a byte order mark", "encoding",
     ("utf-16-be", MINI_TEXT)),
    ("utf16_bom", "saved as UTF-16 with a byte order mark", "encoding",
     ("utf-16", MINI_TEXT)),
    ("utf32_bom", "saved as UTF-32 with a byte order mark", "encoding",
     ("utf-32", MINI_TEXT)),
    ("invalid_utf8_sequence", "a truncated UTF-8 sequence and a lone continuation byte", "encoding",
     MINI_TEXT.encode().replace(b"Sam zit alleen.", b"Sam zit \xe2\x80 alleen \x80.", 1)),
    ("overlong_utf8", "an overlong UTF-8 encoding of '/'", "encoding",
     MINI_TEXT.encode().replace(b"Het gaat door.", b"Het gaat \xc0\xaf door.", 1)),
    ("utf8_surrogate", "a UTF-16 surrogate encoded as UTF-8 (CESU-8)", "encoding",
     MINI_TEXT.encode().replace(b"Na de les.", b"Na de les \xed\xa0\xbd\xed\xb8\x80.", 1)),
    # --- NUL, control and invisible characters ----------------------------------------------------
    ("nul_byte", "a NUL byte in a text", "encoding|characters",
     MINI_TEXT.encode().replace(b"Sam kijkt je na.", b"Sam kijkt\x00 je na.", 1)),
    ("nul_after_4k", "a NUL byte after the first 4 KiB", "characters|encoding",
     MINI_TEXT.encode() + b"note: {nl: a\x00b, en: c}\n"),
    ("control_bell", "a bell character (U+0007)", "characters",
     in_mini("name: Rik", "name: Rik\x07")),
    ("control_escape", "an ANSI escape sequence", "characters",
     in_mini("name: Rik", "name: \x1b[31mRik\x1b[0m")),
    ("control_form_feed", "a form feed between fields", "characters|syntax",
     in_mini("minutes: 10\n", "minutes: 10\n\x0c\n")),
    ("control_del", "a DEL character", "characters",
     in_mini("name: Sam", "name: Sa\x7fm")),
    ("c1_control", "a C1 control character (U+0085 next line)", "characters",
     in_mini("name: Sam", "name: Sa\u0085m")),
    ("zero_width_space", "a zero-width space inside an id", "characters",
     in_mini("goto: later", "goto: lat\u200ber")),
    ("zero_width_joiner", "a zero-width joiner", "characters",
     in_mini("name: Rik", "name: Ri\u200dk")),
    ("word_joiner", "a word joiner", "characters",
     in_mini("name: Rik", "name: Ri\u2060k")),
    ("soft_hyphen", "a soft hyphen inside a word", "characters",
     in_mini("Eenzaamheid", "Eenzaam\u00adheid")),
    ("bidi_override", "a right-to-left override (Trojan Source)", "characters",
     in_mini("name: Rik", "name: \u202eRik\u202c")),
    ("bidi_isolate", "a left-to-right isolate", "characters",
     in_mini("name: Rik", "name: \u2066Rik\u2069")),
    ("bom_in_middle", "a byte order mark in the middle of the file", "characters",
     in_mini("start: hallway", "\ufeffstart: hallway")),
    ("line_separator", "a Unicode line separator (U+2028)", "characters",
     in_mini("Na de les.", "Na de\u2028les.")),
    ("carriage_return_only", "old Mac line ends (CR only) and a stray control character",
     "characters|syntax|any",
     in_mini("name: Rik", "name: Rik\x01").replace("\n", "\r")),
    # --- empty and not a mapping ------------------------------------------------------------------
    ("only_comment", "nothing but this comment", "empty", ""),
    ("only_blank_lines", "blank lines and spaces only", "empty", "\n   \n\n      \n"),
    ("explicit_null", "a document that is just 'null'", "empty", "null\n"),
    ("empty_document_marker", "an empty document ('---' only)", "empty", "---\n"),
    ("top_level_list", "a list at the top level", "top_level",
     "- id: mini\n- title: x\n"),
    ("top_level_scalar", "a single word at the top level", "top_level", "adrian\n"),
    ("top_level_quoted", "a quoted text at the top level", "top_level", '"id: mini"\n'),
    ("top_level_number", "a number at the top level", "top_level", "42\n"),
    ("top_level_flow_list", "two scenarios in a flow list", "top_level",
     "[{id: mini, title: {nl: a, en: a}}, {id: other}]\n"),
    ("complex_key", "a mapping used as a key", "key",
     in_mini("minutes: 10", "? {a: 1}\n: b\nminutes: 10")),
    ("list_as_key", "a list used as a key", "key",
     in_mini("minutes: 10", "[a, b]: c\nminutes: 10")),
    ("json_instead_of_yaml", "a JSON document of another program", "unknown_field|missing",
     '{"name": "Adrian", "age": 14, "class": "2C"}\n'),
]


def comment(what: str, expect: str, line: int | None = None) -> str:
    at = f" at line {line}" if line is not None else ""
    return f"# broken: {what} -- expect: {expect}{at}\n"


def hand_made() -> dict[str, bytes]:
    files = {}
    for i, (name, what, expect, content) in enumerate(HAND_MADE):
        head = comment(what, expect)
        if isinstance(content, tuple):  # (encoding, text): the comment is saved the same way
            encoding, text = content
            data = (head + text).encode(encoding)
        elif isinstance(content, bytes):
            data = head.encode() + content
        else:
            data = (head + content).encode("utf-8", "surrogatepass")
        files[f"{i + 1:03d}_{name}.yaml"] = data
    return files


# --- mutations of the shipped scenarios -----------------------------------------------------------

REQUIRED_SINGLE_LINE = ("stance", "goto", "place", "name", "role", "start", "victim", "minutes",
                        "outcome", "id")
"""Required fields written on one line (`key: value`): deleting that line leaves valid YAML."""

WRONG_TYPES = [
    (r"^minutes: \d+$", "minutes: half an hour", "type"),
    (r"^languages: \[nl, en\]$", "languages: nl en", "type"),
    (r"^audience: \{.*\}$", "audience: 12-16", "type"),
    (r"^(\s+)effects: \{.*\}$", r"\1effects: [wellbeing, -10]", "type"),
    (r"^(\s+)stance: \w+$", r"\1stance: 3", "choice_of"),
    (r"^(\s+)place: \w+$", r"\1place: gymnasium", "choice_of"),
    (r"^(\s+)role: \w+$", r"\1role: [bully]", "type"),
    (r"^(\s+)start: (-?\d+)", r"\1start: fifty", "type"),
    (r"^(\s+)outcome: \w+$", r"\1outcome: great", "choice_of"),
    (r"^(\s+)(- )?text: \{nl: .*\}$", r"\1\2text: just one language", "text"),
    (r"^(\s+)glasses: \w+$", r"\1glasses: maybe", "type"),
    (r"^event: \w+$", "event: yes", "type"),
]

BROKEN_REFERENCES = [
    (r"^(\s+)goto: (\w+)$", r"\1goto: \2_gone", "unknown_scene"),
    (r"^(\s+)next: (\w+)$", r"\1next: \2_gone", "unknown_scene"),
    (r"^(\s+)ending: (\w+)$", r"\1ending: \2_gone", "unknown_ending"),
    (r"^start: (\w+)$", r"start: \1_gone", "unknown_scene"),
    (r"^victim: (\w+)$", r"victim: nobody", "unknown_character"),
    (r"^(\s+)- who: (\w+)$", r"\1- who: stranger", "unknown_character"),
    (r"^(\s+)when: (.*)$", r"\1when: chose(no_such_choice) and wellbeing < 50", "condition"),
]


def lines_matching(lines: list[str], pattern: str) -> list[int]:
    rx = re.compile(pattern)
    return [i for i, line in enumerate(lines) if rx.match(line.rstrip("\n"))]


def mutations(path: Path, rng: random.Random, check) -> dict[str, bytes]:
    """Eleven broken versions of one shipped scenario."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    stem = path.stem
    out: dict[str, bytes] = {}

    def add(kind: str, what: str, expect: str, body: str | bytes, line: int | None = None):
        # `line` is a 0-based index into the original: +1 to count from 1, +1 for the comment
        head = comment(f"{what} (from scenes/{path.name})", expect,
                       None if line is None else line + 2)
        data = head.encode() + (body if isinstance(body, bytes) else body.encode())
        name = f"{stem}_{kind}.yaml"
        if not check(data, expect):
            raise SystemExit(f"{name}: the loader accepted it or said something unexpected")
        out[name] = data

    # Removed keys: two required single-line fields, each deleted.
    keys = [k for k in REQUIRED_SINGLE_LINE if lines_matching(lines, rf"^\s*(- )?{k}: \S")]
    for n, key in enumerate(rng.sample(keys, 2)):
        candidates = [i for i in lines_matching(lines, rf"^\s*{key}: \S")]
        if not candidates:  # only as a list item's first key: keep the dash
            i = rng.choice(lines_matching(lines, rf"^\s*- {key}: \S"))
            item = lines[i].split("- ")[0] + "- note: {nl: x, en: x}\n"
            body = lines[:i] + [item] + lines[i + 1:]
        else:
            i = rng.choice(candidates)
            body = lines[:i] + lines[i + 1:]
        add(f"removed_{key}_{n + 1}", f"the required field '{key}' on line {i + 2} removed",
            "missing|unknown_field", "".join(body))

    # Wrong types: two substitutions that apply to this file.
    usable = [(p, r, c) for p, r, c in WRONG_TYPES if lines_matching(lines, p)]
    for n, (pattern, repl, code) in enumerate(rng.sample(usable, 2)):
        i = rng.choice(lines_matching(lines, pattern))
        new = re.sub(pattern, repl, lines[i].rstrip("\n")) + "\n"
        body = lines[:i] + [new] + lines[i + 1:]
        add(f"wrong_type_{n + 1}", f"line {i + 2} now reads '{new.strip()}'", code,
            "".join(body), i)

    # Broken references: two.
    usable = [(p, r, c) for p, r, c in BROKEN_REFERENCES if lines_matching(lines, p)]
    for n, (pattern, repl, code) in enumerate(rng.sample(usable, 2)):
        i = rng.choice(lines_matching(lines, pattern))
        new = re.sub(pattern, repl, lines[i].rstrip("\n")) + "\n"
        body = lines[:i] + [new] + lines[i + 1:]
        add(f"broken_reference_{n + 1}", f"line {i + 2} now reads '{new.strip()}'", code,
            "".join(body), i)

    # Truncated: cut at a byte offset somewhere in the first 90% (a crash while saving).
    raw = text.encode()
    for n in range(2):
        cut = rng.randrange(len(raw) // 20, len(raw) * 9 // 10)
        while (raw[cut] & 0xC0) == 0x80:  # cut between characters: encoding is another case
            cut -= 1
        add(f"truncated_{n + 1}", f"cut short after {cut} of {len(raw)} bytes", "any", raw[:cut])

    # Byte flips of the top bit: never UTF-8 any more, reported at the first flipped byte's line.
    data = bytearray(raw)
    spots = sorted(rng.sample(range(len(data)), rng.randint(1, 4)))
    for spot in spots:
        data[spot] ^= 0x80
    first_line = raw[:spots[0]].count(b"\n")
    add("byte_flips", f"the top bit of {len(spots)} random bytes flipped", "encoding",
        bytes(data), first_line)

    # Random bit flips anywhere: drawn again while the result is still a valid scenario.
    for _attempt in range(200):
        data = bytearray(raw)
        spots = sorted(rng.sample(range(len(data)), 3))
        for spot in spots:
            data[spot] ^= 1 << rng.randrange(7)
        if check(bytes(data), "any", quiet=True):
            where = ", ".join(map(str, spots))
            add("bit_flips", f"one random bit flipped in each of 3 bytes ({where})", "any",
                bytes(data))
            break

    # A line doubled: a duplicate key (or a list item twice, which the checks refuse).
    candidates = lines_matching(lines, r"^\s+(goto|stance|place|name|consequence|step): \S")
    i = rng.choice(candidates)
    body = lines[:i + 1] + [lines[i]] + lines[i + 1:]
    add("line_doubled", f"line {i + 2} written twice", "duplicate_key", "".join(body), i + 1)
    return out


def loader_check(data: bytes, expect: str, quiet: bool = False) -> bool:
    """Whether the loader refuses `data` with one of the expected codes."""
    from game.core.loader import load
    loaded = load("candidate.yaml", data=data)
    if loaded.ok:
        return False
    codes = {i.code for i in loaded.issues if i.severity == "error"}
    wanted = set(expect.split("|"))
    ok = "any" in wanted or bool(codes & wanted)
    if not ok and not quiet:
        print(f"expected {expect}, got {sorted(codes)}: {[str(i) for i in loaded.issues][:3]}",
              file=sys.stderr)
    return ok


def generate() -> dict[str, bytes]:
    """Every file of the corpus, by name: the same bytes on every run."""
    files = hand_made()
    rng = random.Random(SEED)
    for path in SCENES:
        files.update(mutations(path, rng, loader_check))
    return files


def main() -> int:
    files = generate()
    for name, data in files.items():
        codes, _line = expected_codes(first_line(data))
        if not loader_check(data, "|".join(codes)):
            raise SystemExit(f"{name}: not refused as expected")
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.yaml"):
        if old.name not in files:
            old.unlink()
    for name, data in sorted(files.items()):
        (OUT / name).write_bytes(data)
    print(f"wrote {len(files)} files to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
