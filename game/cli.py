"""The `bystander` command: play, check, run, graph, schema.

Every subcommand reports problems as plain lines (`file:line:col: message` for scenario files) and
exits 0 on success, 1 when the input has errors, 2 on a usage error. No traceback reaches the user
for anything they typed or wrote.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Sequence

from . import paths

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Something on the command line that cannot work; exits with 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bystander",
        description="A classroom role-play game about school bullying: stand by, or step in?")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="play in a window (the default)")
    play.add_argument("scenario", nargs="?", help="scenario id or file (default: the title screen)")
    play.add_argument("--lang", choices=["nl", "en"], help="language to start in")
    play.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)")
    play.add_argument("--display", type=int, default=0, metavar="N", help="which screen to use")
    play.add_argument("--size", metavar="WxH", help="window size, e.g. 1920x1080")

    check = sub.add_parser("check", help="check scenario files and report every problem")
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: scenes/)")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--quiet", "-q", action="store_true", help="print problems only")

    run = sub.add_parser("run", help="play in the terminal, or replay a list of choices")
    run.add_argument("scenario", help="scenario id (e.g. adrian) or file")
    run.add_argument("--lang", default="nl", help="nl or en (default nl)")
    run.add_argument("--choose", metavar="ID,ID,...", help="take these choices, then stop")
    run.add_argument("--json", action="store_true", help="print the final state as JSON")

    graph = sub.add_parser("graph", help="write the branch map (.mmd, .dot, .svg, .png)")
    graph.add_argument("scenario", help="scenario id or file")
    graph.add_argument("-o", "--output", required=True, type=Path, help="output file")
    graph.add_argument("--lang", default="nl", help="nl or en (default nl)")

    bench = sub.add_parser("bench", help="measure speed on this machine")
    bench.add_argument("--quick", action="store_true", help="fewer sizes and runs")
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")

    shot = sub.add_parser("screenshot", help="save a picture of one screen (headless)")
    shot.add_argument("scenario", help="scenario id or file")
    shot.add_argument("--choose", metavar="ID,ID,...", help="take these choices first")
    shot.add_argument("--screen", default="scene",
                      choices=["title", "scene", "choice", "consequence", "ending", "settings",
                               "pause"], help="which screen (default: scene)")
    shot.add_argument("--size", default="1280x720", metavar="WxH", help="default 1280x720")
    shot.add_argument("--lang", default="en", choices=["nl", "en"], help="default en")
    shot.add_argument("--high-contrast", action="store_true", help="the high-contrast look")
    shot.add_argument("--text-size", default="normal", choices=["normal", "large", "xlarge"])
    shot.add_argument("-o", "--output", required=True, type=Path, help="PNG file to write")

    schema = sub.add_parser("schema", help="write the JSON Schema of the scenario format")
    schema.add_argument("-o", "--output", type=Path, help="file (default: print it)")
    return parser


def resolve_scenario(name: str) -> Path:
    """A scenario id from `scenes/`, or a path to a file."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.exists():
            raise UsageError(f"no such file: {name}")
        return path
    candidate = paths.SCENES_DIR / f"{name}.yaml"
    if candidate.exists():
        return candidate
    known = sorted(p.stem for p in paths.SCENES_DIR.glob("*.yaml"))
    raise UsageError(f"no scenario '{name}'; the scenarios are: {', '.join(known) or 'none'}")


def _load_or_report(path: Path):
    from .core.loader import load
    loaded = load(path)
    if not loaded.ok:
        for issue in loaded.issues:
            print(issue, file=sys.stderr)
        return None
    return loaded


def cmd_check(args: argparse.Namespace) -> int:
    from .core.loader import load, scenario_files
    targets = args.paths or [paths.SCENES_DIR]
    for target in targets:
        if not target.exists():
            raise UsageError(f"no such file or folder: {target}")
    files = scenario_files(targets)
    if not files:
        raise UsageError("no scenario files (*.yaml) found in " + ", ".join(map(str, targets)))
    failed = 0
    total_errors = total_warnings = 0
    for path in files:
        loaded = load(path)
        n_err = sum(1 for i in loaded.issues if i.severity == "error")
        n_warn = len(loaded.issues) - n_err
        if loaded.scenario is None and n_err == 0:
            n_err = 1
        total_errors += n_err
        total_warnings += n_warn
        for issue in loaded.issues:
            print(issue)
        if n_err or (args.strict and n_warn):
            failed += 1
        elif not args.quiet:
            print(f"{path}: ok" + (f" ({n_warn} warnings)" if n_warn else ""))
    if not args.quiet:
        print(f"{len(files)} files checked: {total_errors} errors, {total_warnings} warnings")
    return EXIT_ERRORS if failed else EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from .core import engine
    from .textplayer import play_interactive, play_moves
    loaded = _load_or_report(resolve_scenario(args.scenario))
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
            print(f"bystander run: {exc}", file=sys.stderr)
            return EXIT_USAGE
    else:
        try:
            play_interactive(run, out)
        except (EOFError, KeyboardInterrupt):
            print(file=out)
    if args.json:
        summary = asdict(run.summary())
        print(json.dumps({"state": run.save(), "summary": summary}, ensure_ascii=False,
                         indent=2))
    return EXIT_OK


def cmd_graph(args: argparse.Namespace) -> int:
    from .core import graph
    loaded = _load_or_report(resolve_scenario(args.scenario))
    if loaded is None:
        return EXIT_ERRORS
    try:
        graph.write(loaded.scenario, args.output, args.lang)
    except graph.GraphError as exc:
        print(f"bystander graph: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    print(f"wrote {args.output}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .core.schema import schema_json
    text = schema_json()
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        print(text, end="")
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run_bench
    print(run_bench(args.quick, args.json))
    return EXIT_OK


def cmd_play(args: argparse.Namespace) -> int:
    from .ui.app import play
    return play(args)


def cmd_screenshot(args: argparse.Namespace) -> int:
    from .ui.screenshot import main as screenshot
    return screenshot(args)


COMMANDS = {"play": cmd_play, "screenshot": cmd_screenshot, "check": cmd_check, "run": cmd_run,
            "graph": cmd_graph,
            "schema": cmd_schema, "bench": cmd_bench}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play", *(argv or sys.argv[1:])])
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"bystander {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
