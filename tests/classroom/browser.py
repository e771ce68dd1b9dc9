"""Debian's Chromium for the browser tests, driven by Playwright for Python: never a browser of
Playwright's own (nothing is downloaded). Where Chromium or Playwright is missing the tests skip
and say which package to install."""

from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic"]
"""What a root CI needs (no sandbox as root) and what keeps Chromium off the network: it must
reach nothing but the loopback address the tests serve on."""


def chromium_path() -> str | None:
    path = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    return path


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium: install Debian's package `chromium` (apt-get install -y "
                    "chromium) to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="Playwright for Python is in the test extra")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=ARGS, headless=True)
        yield browser
        browser.close()
