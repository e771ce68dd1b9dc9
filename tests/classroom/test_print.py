"""The guide and the report print to A4 PDF in headless Chromium (skipped where it is not installed).

To look at the pages yourself: .venv/bin/python tests/classroom/print_guide.py
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from classhelp import ROOT
from print_guide import find_chromium, pdf_pages

SCRIPT = ROOT / "tests" / "classroom" / "print_guide.py"

pytestmark = pytest.mark.skipif(find_chromium() is None,
                                reason="headless Chromium is not installed (apt-get install "
                                       "chromium)")


def test_the_guide_and_the_report_print_to_pdf(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path), "--lang", "en",
                             "--dpi", "20"], capture_output=True, text=True, cwd=ROOT,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    guide, report = tmp_path / "guide-en.pdf", tmp_path / "report-en.pdf"
    for pdf in (guide, report):
        assert pdf.read_bytes().startswith(b"%PDF-")
        assert f"{pdf}: {pdf_pages(pdf)} pages" in result.stdout
    assert pdf_pages(guide) >= 8  # cover, goals, plan, map, scenes..., endings, closing
    assert pdf_pages(report) >= 2
    pngs = sorted(tmp_path.glob("guide-en-*.png"))
    assert not pngs or len(pngs) == pdf_pages(guide)
