"""Print the teacher's guide and a sample report to PDF, and the pages to PNG, to look at them.

    .venv/bin/python tests/classroom/print_guide.py                 # adrian, nl and en, /tmp/bystander-print
    .venv/bin/python tests/classroom/print_guide.py --scenario adrian --lang en --out /tmp/p --dpi 80

Renders with headless Chromium (Debian: apt-get install chromium) exactly as a teacher's browser
prints to A4, and turns the pages into PNG files with pdftoppm (apt-get install poppler-utils) when it
is there. The sample report is built from sessions played by chance in a temporary folder, never
from this computer's own records. Prints the paths of the pages; exits 1 if something failed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for path in (str(ROOT), str(HERE)):
    if path not in sys.path:
        sys.path.insert(0, path)

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The headless browser to print with, or None."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(html: Path, pdf: Path, browser: str | None = None, timeout: float = 180) -> Path:
    """Print `html` to `pdf` on A4 (the page's own @page rules) with headless Chromium."""
    browser = browser or find_chromium()
    if browser is None:
        raise RuntimeError("no Chromium found: apt-get install chromium")
    pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="bystander-chromium-") as profile:
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--no-pdf-header-footer", "--print-to-pdf-no-header",
                   f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                   html.resolve().as_uri()]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                check=False)
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise RuntimeError(f"Chromium wrote no PDF (exit {result.returncode}): "
                           f"{result.stderr.strip()[-500:]}")
    return pdf


def pdf_pages(pdf: Path) -> int:
    """The number of pages: from pdfinfo when installed, else by counting page objects."""
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                             check=False).stdout
        match = re.search(r"^Pages:\s+(\d+)", out, re.M)
        if match:
            return int(match.group(1))
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))


def pdf_to_pngs(pdf: Path, prefix: Path, dpi: int = 60) -> list[Path]:
    """One PNG per page (prefix-01.png, ...); none when pdftoppm is not installed."""
    if not shutil.which("pdftoppm"):
        return []
    for old in prefix.parent.glob(f"{prefix.name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True,
                   timeout=300)
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def sample_sessions(folder: Path, scenario_path: Path, count: int = 12) -> None:
    """`count` sessions played by chance, in Dutch and in English (votes, what-ifs, solo and event
    play), two of an edited copy of the story (the same id, another content), two stopped after
    three decisions, and one stray file, so the report shows every part."""
    os.environ["BYSTANDER_DATA_DIR"] = str(folder)  # SessionLog writes under data_dir()
    from classhelp import load_ok, play_on, play_session
    from game.classroom.records import SessionLog, resume
    from game.core import engine
    scenario, content_hash = load_ok(scenario_path)
    edited = folder / scenario_path.name
    edited.write_text(scenario_path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    rng = random.Random(2026)
    for i in range(count):
        mode = ("class", "class", "solo", "event")[i % 4]
        labelled = mode == "class" and i % 8 != 1  # one class without a label
        play_session(scenario, content_hash, rng, mode, what_if=i % 3 == 0, finish=i % 5 != 4,
                     lang=("nl", "en")[i % 2], label=f"{2 + i % 3}{'ABC'[i % 3]}" if labelled
                     else "", class_size=26 + i % 4 if labelled else None)
    for lang in ("nl", "en"):
        play_session(*load_ok(edited), rng, "class", lang=lang)
        log = SessionLog.begin(engine.start(scenario, lang, content_hash), "class", content_hash)
        play_on(log, resume(log, scenario), rng, stop_after=3)  # a lesson that ran out of time
        log.release()
    (folder / "sessions" / "stray-notes.txt").write_text("not a record\n", encoding="utf-8")


def render(html: Path, dpi: int, png: bool) -> tuple[Path, int, list[Path]]:
    pdf = html.with_suffix(".pdf")
    html_to_pdf(html, pdf)
    pages = pdf_pages(pdf)
    pngs = pdf_to_pngs(pdf, html.with_suffix(""), dpi) if png else []
    return pdf, pages, pngs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) /
                        "bystander-print", help="folder for the HTML, PDF and PNG files")
    parser.add_argument("--scenario", default="adrian", help="scenario id or file (default adrian)")
    parser.add_argument("--lang", nargs="+", default=["nl", "en"], choices=["nl", "en"])
    parser.add_argument("--dpi", type=int, default=60, help="PNG resolution (default 60)")
    parser.add_argument("--no-png", action="store_true", help="PDF only")
    parser.add_argument("--no-report", action="store_true", help="the guide only")
    args = parser.parse_args(argv)

    from game.classroom.guide import guide_html
    from game.classroom.report import build_report, report_html
    from game.paths import find_scenario
    from classhelp import load_ok

    if find_chromium() is None:
        print("print_guide: no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    scenario_path = find_scenario(args.scenario)
    scenario, _ = load_ok(scenario_path)
    documents = []
    for lang in args.lang:
        html = args.out / f"guide-{lang}.html"
        html.write_text(guide_html(scenario, lang), encoding="utf-8")
        documents.append(html)
    if not args.no_report:
        with tempfile.TemporaryDirectory(prefix="bystander-sessions-") as data:
            sample_sessions(Path(data), scenario_path)
            for lang in args.lang:
                html = args.out / f"report-{lang}.html"
                report = build_report(Path(data) / "sessions", lang)
                html.write_text(report_html(report), encoding="utf-8")
                documents.append(html)
    for html in documents:
        pdf, pages, pngs = render(html, args.dpi, not args.no_png)
        print(f"{pdf}: {pages} pages")
        for png in pngs:
            print(f"  {png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
