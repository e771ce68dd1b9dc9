"""The `bystander` command: play, check, run, graph, schema.

Every subcommand reports problems as plain lines (`file:line:col: message` for scenario files) and
exits 0 on success, 1 when the input has errors or an output file cannot be written, 2 on a usage
error. No traceback reaches the user for anything they typed or wrote, wherever they send the
output: every line goes through `say` (which escapes control characters, see terminal.py) or
`terminal.safe`, and `main` makes sure of the rest (`terminal.guarded`); every file goes through
`write_output`, and `main` ends quietly when the reader of a pipe has gone.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from . import paths, terminal
from .paths import ScenarioNotFound, find_scenario
from .core.translations import LANGUAGES

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
DEFAULT_LANG = "nl"
"""The language every command speaks unless told otherwise (`run`, `graph`, `screenshot`,
`guide`, `report`): Dutch, the game's first audience is Dutch classes. `play` starts in the
language the settings remember."""


class UsageError(Exception):
    """Something on the command line that cannot work; exits with 2."""


class OutputError(Exception):
    """A file the command was asked to write cannot be written; exits with 1."""


def say(text: str = "", *, err: bool = False, one_line: bool = False) -> None:
    """Print a line: to stdout, or with `err` to stderr. File names and a file's texts in it are
    printed with their control characters escaped; `one_line` escapes line breaks too (one
    problem, one line)."""
    print(terminal.safe(text, one_line), file=sys.stderr if err else sys.stdout)


_WHY_NOT = {
    errno.EISDIR: "it is a folder; name a file in it",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENAMETOOLONG: "the name is too long for the file system",
    errno.ENOSPC: "no space left on the disk",
    errno.EACCES: "permission denied",
    errno.EROFS: "the disk is read-only",
}


def write_output(path: Path, data: bytes | str, encoding: str = "utf-8") -> None:
    """Write a file the user named (`-o`, `--csv`): the one place the commands write their output.
    Any reason it cannot be done (a folder, a missing folder, a full disk, a name too long) is
    OutputError with one plain sentence. The file is written in place, like a shell's `>`: never
    replaced or deleted, since it may be a device such as /dev/null."""
    if isinstance(data, str):
        data = data.encode(encoding)
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        with open(path, "wb") as out:
            out.write(data)
    except OSError as exc:
        why = _WHY_NOT.get(exc.errno or 0) or exc.strerror or type(exc).__name__
        raise OutputError(f"cannot write {path}: {why}") from None
    say(f"wrote {path}")


class _Unused:
    """Stands in for the parser of a command that is not being run: its arguments go nowhere."""

    def add_argument(self, *args, **kwargs) -> None:
        pass


class _Subcommands:
    """`add_subparsers()` that builds only the parser of the command being run, when that one is
    known (`only`). Every parser costs argparse a millisecond or two of gettext look-ups, and
    `bystander play` is timed from process start to the first frame."""

    def __init__(self, sub, only: str | None):
        self.sub, self.only = sub, only

    def add_parser(self, name: str, **kwargs):
        return self.sub.add_parser(name, **kwargs) if self.only in (None, name) else _Unused()


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with `only`, only that command's own parser is built (see
    _Subcommands): the same parse of a command line that starts with `only`."""
    import argparse
    parser = argparse.ArgumentParser(
        prog="bystander",
        description="A classroom role-play game about school bullying: stand by, or step in?")
    sub = _Subcommands(parser.add_subparsers(dest="command", metavar="COMMAND"), only)

    play = sub.add_parser("play", help="play in a window (the default)")
    play.add_argument("scenario", nargs="?", help="scenario id or file (default: the title screen)")
    play.add_argument("--lang", choices=list(LANGUAGES), help="language to start in")
    play.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)")
    play.add_argument("--display", type=int, default=0, metavar="N", help="which screen to use")
    play.add_argument("--size", metavar="WxH", help="window size, e.g. 1920x1080")
    play.add_argument("--class", dest="class_mode", action="store_true",
                      help="class mode: the class votes at each decision (default story: adrian)")
    play.add_argument("--ballot-port", type=int, metavar="PORT",
                      help="class mode: the port of the secret ballot (default: the setting "
                           "ballot_port, 8765)")
    play.add_argument("--kiosk", action="store_true",
                      help="event mode: fullscreen touch screen, attract loop, idle reset, no way "
                           "out for visitors (see README, 'For event organisers')")
    play.add_argument("--watch", action="store_true",
                      help="live preview: follow the story file as you save it, staying at the "
                           "scene you are at, its problems on screen while it does not load")
    play.add_argument("--scenario", dest="kiosk_scenarios", action="extend", nargs="+",
                      metavar="ID", help="with --kiosk: the stories to offer (default: every "
                                         "scenario with 'event: true')")

    check = sub.add_parser("check", help="check scenario files and report every problem")
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: scenes/)")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--quiet", "-q", action="store_true", help="print problems only")

    analyse = sub.add_parser("analyse", help="how much the road matters: every path, what each "
                                              "decision does to the ending")
    analyse.add_argument("scenario", help="scenario id (e.g. adrian) or file")
    analyse.add_argument("--json", action="store_true", help="print the figures as JSON")

    run = sub.add_parser("run", help="play in the terminal, or replay a list of choices")
    run.add_argument("scenario", help="scenario id (e.g. adrian) or file")
    run.add_argument("--lang", default=DEFAULT_LANG, help="nl or en (default nl)")
    run.add_argument("--choose", metavar="ID,ID,...", help="take these choices, then stop")
    run.add_argument("--json", action="store_true", help="print the final state as JSON")

    graph = sub.add_parser("graph", help="write the branch map (.mmd, .dot, .svg, .png)")
    graph.add_argument("scenario", help="scenario id or file")
    graph.add_argument("-o", "--output", required=True, type=Path, help="output file")
    graph.add_argument("--lang", default=DEFAULT_LANG, help="nl or en (default nl)")

    bench = sub.add_parser("bench", help="measure speed on this machine")
    bench.add_argument("--quick", action="store_true",
                       help="fewer sizes and runs, under a minute (for CI)")
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")

    shot = sub.add_parser("screenshot", help="save a picture of one screen (headless)")
    shot.add_argument("scenario", help="scenario id or file")
    shot.add_argument("--choose", metavar="ID,ID,...", help="take these choices first")
    shot.add_argument("--screen", default="scene",
                      choices=["title", "scene", "choice", "consequence", "ending", "settings",
                               "pause", "vote", "results", "discussion", "timeline", "compare",
                               "debrief", "attract"],
                      help="which screen (default: scene); vote, results, discussion, timeline, "
                           "compare and debrief are class mode's; attract is event mode's")
    shot.add_argument("--class", dest="class_mode", action="store_true",
                      help="class mode (implied by its screens): votes, discussion, debrief")
    shot.add_argument("--size", default="1280x720", metavar="WxH", help="default 1280x720")
    shot.add_argument("--lang", default=DEFAULT_LANG, choices=list(LANGUAGES),
                      help="default nl, as every command: the game's first audience is Dutch "
                           "classes")
    shot.add_argument("--high-contrast", action="store_true", help="the high-contrast look")
    shot.add_argument("--text-size", default="normal", choices=["normal", "large", "xlarge"])
    shot.add_argument("-o", "--output", required=True, type=Path, help="PNG file to write")

    new = sub.add_parser("new", help="write a small starting story into your own stories "
                                     "folder and say where it is")
    new.add_argument("name", help="the story's name, e.g. kantine; its id is made from it")
    for command in (play, check, analyse, run, graph, shot, new):
        _scenes_option(command)

    schema = sub.add_parser("schema", help="write the JSON Schema of the scenario format")
    schema.add_argument("-o", "--output", type=Path, help="file (default: print it)")
    _classroom_parsers(sub)
    return parser


def _scenes_option(parser) -> None:
    parser.add_argument("--scenes", type=Path, metavar="DIR",
                        help="your own stories folder, read beside the shipped scenes/ (wins "
                             "over $BYSTANDER_SCENES; default: the folder 'stories' in the "
                             "game's data folder)")


def _classroom_parsers(sub) -> None:
    """`guide` and `report`: what classroom mode prints for the teacher and the school."""
    guide = sub.add_parser("guide", help="write the teacher's guide of a scenario (printable HTML)")
    guide.add_argument("scenario", help="scenario id or file")
    guide.add_argument("--lang", default=DEFAULT_LANG, choices=list(LANGUAGES),
                       help="nl or en (default nl)")
    guide.add_argument("-o", "--output", required=True, type=Path, help="HTML file to write")
    _scenes_option(guide)

    report = sub.add_parser("report", help="report on class sessions: votes, roles, endings")
    report.add_argument("folder", nargs="?", type=Path, metavar="DIR",
                        help="folder of session records (default: this computer's records)")
    report.add_argument("-o", "--output", type=Path, help="HTML file to write")
    report.add_argument("--csv", type=Path, metavar="FILE",
                        help="CSV file to write: one row per scenario, decision point and choice")
    report.add_argument("--sessions-csv", type=Path, metavar="FILE",
                        help="CSV file to write: one row per class session, each decision with "
                             "its hands")
    report.add_argument("--lang", default=DEFAULT_LANG, choices=list(LANGUAGES),
                        help="nl or en (default nl)")


def say_issues(issues, *, err: bool = False) -> None:
    """Every problem of a scenario file: a `file:line:col: message` line each (the form editors
    and scripts read), and under it the line of the file with a caret under the column, where
    the loader could give the line (`Issue.source`)."""
    from .core.excerpt import quote
    for issue in issues:
        say(str(issue), err=err, one_line=True)
        if issue.source and issue.pos.line > 0:
            for line in quote(issue.source, issue.pos.line, issue.pos.col):
                say(line, err=err, one_line=True)


def _load_or_report(path: Path):
    from .core.loader import load
    loaded = load(path)
    if not loaded.ok:
        say_issues(loaded.issues, err=True)
        return None
    return loaded


def cmd_check(args: argparse.Namespace) -> int:
    from .core.checks import duplicate_scenario_ids
    from .core.loader import load, scenario_files
    targets = args.paths or [folder for folder in paths.story_folders() if folder.is_dir()]
    for target in targets:
        if not target.exists():
            raise UsageError(f"no such file or folder: {target}")
    files = scenario_files(targets)
    if not files:
        raise UsageError("no scenario files (*.yaml) found in " + ", ".join(map(str, targets)))
    failed = 0
    total_errors = total_warnings = 0
    checked = []  # each file as loaded, its issues with their lines: a folder is checked whole
    ids = []  # each playable file's id and where it stands: two files of a folder may share one
    for path in files:
        loaded = load(path)
        if loaded.ok:
            ids.append((path, loaded.scenario.id, loaded.scenario.where("id")))
            loaded.issues += loaded.with_sources(_undrawable_issues(loaded))
            if args.strict:
                loaded.issues += loaded.with_sources(_road_issues(loaded.scenario))
        checked.append((path, loaded))
    duplicates = duplicate_scenario_ids(ids)
    for path, loaded in checked:
        issues = sorted(loaded.issues, key=lambda i: (i.pos.line, i.pos.col))
        if path in duplicates:
            issues = sorted(issues + loaded.with_sources([duplicates[path]]),
                            key=lambda i: (i.pos.line, i.pos.col))
        n_err = sum(1 for i in issues if i.severity == "error")
        n_warn = len(issues) - n_err
        if loaded.scenario is None and n_err == 0:
            n_err = 1
        total_errors += n_err
        total_warnings += n_warn
        say_issues(issues)
        if n_err or (args.strict and n_warn):
            failed += 1
        elif not args.quiet:
            say(f"{path}: ok" + (f" ({n_warn} warnings)" if n_warn else ""), one_line=True)
    if not args.quiet:
        say(f"{len(files)} files checked: {total_errors} errors, {total_warnings} warnings")
    return EXIT_ERRORS if failed else EXIT_OK


def _undrawable_issues(loaded) -> list:
    """Characters no bundled font can draw: `check` reads the fonts (the core does not)."""
    from .core.glyphs import undrawable
    from .fonts import drawable
    return undrawable(loaded.scenario, loaded.data, drawable())


def _road_issues(scenario) -> list:
    """`check --strict` also asks whether the road matters (see `core.analysis`)."""
    from .core.analysis import analyse, road_issues
    return road_issues(scenario, analyse(scenario))


def cmd_analyse(args: argparse.Namespace) -> int:
    from .core.analysis import analyse
    from .road_report import analysis_text
    loaded = _load_or_report(find_scenario(args.scenario))
    if loaded is None:
        return EXIT_ERRORS
    found = analyse(loaded.scenario)
    if args.json:
        print(json.dumps(found.to_json(), indent=2))
    else:
        sys.stdout.write(terminal.safe(analysis_text(found)))
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from .core import engine
    from .textplayer import play_interactive, play_moves
    loaded = _load_or_report(find_scenario(args.scenario))
    if loaded is None:
        return EXIT_ERRORS
    scenario = loaded.scenario
    if args.lang not in scenario.languages:
        raise UsageError(f"language '{args.lang}' is not in this scenario; choose one of: "
                         f"{', '.join(scenario.languages)}")
    run = engine.start(scenario, args.lang, loaded.content_hash)
    out = sys.stderr if args.json else sys.stdout
    if args.choose is not None:
        moves = [m.strip() for m in args.choose.split(",") if m.strip()]
        try:
            play_moves(run, moves, out)
        except engine.ChoiceError as exc:
            raise UsageError(str(exc)) from None
    else:
        try:
            play_interactive(run, out)
        except (EOFError, KeyboardInterrupt):
            print(file=out)
    if args.json:
        summary = asdict(run.summary())
        say(json.dumps({"state": run.save(), "summary": summary}, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_graph(args: argparse.Namespace) -> int:
    from .mapfile import GraphError, map_file
    loaded = _load_or_report(find_scenario(args.scenario))
    if loaded is None:
        return EXIT_ERRORS
    try:
        data = map_file(loaded.scenario, args.output.suffix, args.lang)
    except GraphError as exc:
        say(f"bystander graph: {exc}", err=True)
        return EXIT_ERRORS
    write_output(args.output, data)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .core.schema import schema_json
    text = schema_json()
    if args.output:
        write_output(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import progress_to_stderr, run_bench
    print(run_bench(args.quick, args.json, progress=progress_to_stderr))
    return EXIT_OK


def cmd_play(args: argparse.Namespace) -> int:
    """The window: the title, a story, class mode or event mode. The UI says why it cannot start
    (no screen, a broken story) with an exception; the printing is done here."""
    if args.kiosk_scenarios and not args.kiosk:
        raise UsageError("--scenario goes with --kiosk; to play one story, name it: "
                         "bystander play ID")
    if args.watch and (not args.scenario or args.kiosk or args.class_mode):
        raise UsageError("--watch follows one story file as you save it: bystander play FILE "
                         "--watch (not with --kiosk or --class)")
    from .ui.app import NoDisplay
    size = parse_size(args.size)
    try:
        if args.kiosk:
            from .ui.kiosk import KioskError, play_kiosk
            names = ([args.scenario] if args.scenario else []) + list(args.kiosk_scenarios or [])
            try:
                play_kiosk(names, lang=args.lang, size=size, display=args.display)
            except KioskError as exc:
                raise UsageError(str(exc)) from None
        else:
            from .ui.app import play
            play(args.scenario, lang=args.lang, size=size, fullscreen=args.fullscreen,
                 display=args.display, class_mode=args.class_mode,
                 ballot_port=args.ballot_port, watch=args.watch)
    except NoDisplay as exc:
        say(str(exc), err=True)
        return EXIT_ERRORS
    except Exception as exc:
        # The loader's error is imported only once something went wrong: its module (an
        # ordered, frozen dataclass) costs 2% of every start of the game, for a rare case.
        from .core.issues import ScenarioError
        if not isinstance(exc, ScenarioError):
            raise
        say_issues(exc.issues, err=True)
        return EXIT_ERRORS
    return EXIT_OK


def cmd_screenshot(args: argparse.Namespace) -> int:
    from .ui.screenshot import ScreenshotError, picture
    path = find_scenario(args.scenario)
    moves = [m.strip() for m in (args.choose or "").split(",") if m.strip()]
    size = parse_size(args.size)
    try:
        data = picture(path, args.screen, moves, size, args.lang, args.high_contrast,
                       args.text_size, args.class_mode, args.output.suffix)
    except ScreenshotError as exc:
        raise UsageError(str(exc)) from None
    write_output(args.output, data)
    return EXIT_OK


MIN_SIZE = (320, 240)
MAX_SIDE = 7680
MAX_PIXELS = 3840 * 2160
"""The largest window or picture: 4K, or as many pixels in another shape (a 5120x1440 monitor, a
4K screen on its side). Every layout is tested up to 3840x2160; each frame is drawn into memory the
size of the window, and 16384x16384 took 6 to 7 GB."""


def parse_size(text: str | None) -> tuple[int, int] | None:
    """`--size WxH`, within the sizes the game supports (None when not given); UsageError
    otherwise."""
    if not text:
        return None
    parts = text.lower().split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() and len(p.strip()) <= 5 for p in parts):
        raise UsageError(f"--size must look like 1920x1080, not '{text[:40]}'")
    w, h = (int(p) for p in parts)
    if (w < MIN_SIZE[0] or h < MIN_SIZE[1] or max(w, h) > MAX_SIDE or w * h > MAX_PIXELS):
        raise UsageError(f"--size {text} is not supported: from {MIN_SIZE[0]}x{MIN_SIZE[1]} up to "
                         f"3840x2160, or as many pixels in another shape (at most {MAX_SIDE} on "
                         "a side)")
    return w, h


def cmd_guide(args: argparse.Namespace) -> int:
    from .classroom.guide import guide_html
    loaded = _load_or_report(find_scenario(args.scenario))
    if loaded is None:
        return EXIT_ERRORS
    if args.lang not in loaded.scenario.languages:
        raise UsageError(f"language '{args.lang}' is not in this scenario; choose one of: "
                         f"{', '.join(loaded.scenario.languages)}")
    write_output(args.output, guide_html(loaded.scenario, args.lang))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from .classroom.records import sessions_dir
    from .classroom.report import (build_report, report_csv, report_html, report_text,
                                   sessions_csv)
    folder = args.folder if args.folder is not None else sessions_dir()
    if args.folder is not None and not folder.is_dir():
        raise UsageError(f"no such folder: {folder}")
    report = build_report(folder, args.lang)
    if args.output:
        write_output(args.output, report_html(report))
    if args.csv:  # with a byte-order mark, so spreadsheets read it as UTF-8
        write_output(args.csv, report_csv(report), "utf-8-sig")
    if args.sessions_csv:
        write_output(args.sessions_csv, sessions_csv(report), "utf-8-sig")
    if not args.output and not args.csv and not args.sessions_csv:
        sys.stdout.write(terminal.safe(report_text(report)))
    for problem in report.problems:
        say(f"bystander report: skipped {problem}", err=True, one_line=True)
    return EXIT_OK if not report.problems else EXIT_ERRORS


@contextmanager
def _own_stories(folder: Path | None):
    """`--scenes DIR` for one command: it sets $BYSTANDER_SCENES, which everything that reads the
    own stories folder reads (paths.own_stories_dir), so the option wins over the variable; put
    back afterwards, for `main` called in-process."""
    if folder is None:
        yield
        return
    if not folder.is_dir():
        raise UsageError(f"--scenes: no such folder: {folder}")
    before = os.environ.get(paths.STORIES_ENV)
    os.environ[paths.STORIES_ENV] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(paths.STORIES_ENV, None)
        else:
            os.environ[paths.STORIES_ENV] = before


def cmd_new(args: argparse.Namespace) -> int:
    """`bystander new NAME`: the starting story in the own stories folder, and where it is."""
    from .newstory import NewStoryError, write_new_story
    try:
        path = write_new_story(args.name, paths.own_stories_dir())
    except NewStoryError as exc:
        raise UsageError(str(exc)) from None
    say(f"wrote {path}", one_line=True)
    say(f"check it: bystander check {path}", one_line=True)
    say(f"play it:  bystander play {path.stem}", one_line=True)
    return EXIT_OK


COMMANDS = {"play": cmd_play, "screenshot": cmd_screenshot, "check": cmd_check, "run": cmd_run,
            "graph": cmd_graph,
            "schema": cmd_schema, "bench": cmd_bench}


COMMANDS.update(guide=cmd_guide, report=cmd_report, analyse=cmd_analyse, new=cmd_new)


PLAIN_PLAY = {"command": "play", "scenario": None, "lang": None, "fullscreen": False,
              "display": 0, "size": None, "class_mode": False, "ballot_port": None,
              "kiosk": False, "kiosk_scenarios": None, "scenes": None, "watch": False}
"""What argparse makes of `bystander` and `bystander play` (a test holds them equal): the way
nearly everyone starts the game, read without importing argparse, which with its gettext
look-ups costs ~10 ms of the start-up."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Everything it prints goes through `terminal.guarded`, argparse's usage
    errors and log lines included: no control character from a file or the command line acts on
    the terminal."""
    with terminal.guarded():
        return _main(list(sys.argv[1:] if argv is None else argv))


def _main(argv: list[str]) -> int:
    if argv in ([], ["play"]):
        from types import SimpleNamespace
        args = SimpleNamespace(**PLAIN_PLAY)
    else:
        parser = _parser(argv[0] if argv[0] in COMMANDS else None)
        args = parser.parse_args(argv)
        if args.command is None:
            args = _parser("play").parse_args(["play", *argv])
    try:
        with _own_stories(getattr(args, "scenes", None)):
            code = COMMANDS[args.command](args)
        sys.stdout.flush()  # here, where a closed pipe can still be handled
        return code
    except (UsageError, ScenarioNotFound) as exc:
        say(f"bystander {args.command}: {exc}", err=True)
        return EXIT_USAGE
    except OutputError as exc:
        say(f"bystander {args.command}: {exc}", err=True, one_line=True)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_after_broken_pipe()
        return EXIT_ERRORS


def _quiet_after_broken_pipe() -> None:
    """The reader of our output has gone (`bystander check | head`): say nothing more. As the
    Python documentation advises, point stdout (and stderr, which may share the pipe) at devnull,
    so that flushing what is left at exit cannot fail again with a second traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError, AttributeError):  # not a real file (tests capture it)
            pass
    os.close(devnull)
