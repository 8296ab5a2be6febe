"""Fixtures for the browser tests: a real JupyterLab server and Debian's Chromium.

These tests are not part of `make test`; run them with `make test-browser`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # helpers.py
from helpers import CHROMIUM, ROOT  # noqa: E402
from helpers import CHROMIUM_FLAGS as FLAGS  # noqa: E402

SCREENSHOTS = Path(os.environ.get("BROWSER_SCREENSHOTS", ROOT / "screenshots"))


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {SCREENSHOTS}")
    return SCREENSHOTS


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium) to run this")
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright.sync_playwright() as pw:
        from helpers import chromium_env

        env = chromium_env(tmp_path_factory.mktemp("chromium-fonts"))
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS, env=env)
        yield b
        b.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab on a free localhost port with a token, serving a copy of notebooks/ (and of notebooks/zh/).

    A copy without outputs, so that running the notebooks in the browser can never touch the committed
    files, and every output checked comes from the browser's own run (see ``helpers.lab_server``).
    """
    from helpers import lab_server

    with lab_server(tmp_path_factory.mktemp("lab-root"), ROOT / "notebooks") as lab:
        yield lab


@pytest.fixture(scope="session")
def notebook_page(browser, lab, screenshots):
    """``notebook_page(name)``: a browser tab with ``name`` opened in JupyterLab and run, once per session.

    If opening or running fails, a screenshot ``<name>_setup_failed.png`` shows where it stopped.
    """
    from helpers import open_and_run_all, tag

    pages, contexts = {}, []

    def get(name: str):
        if name not in pages:
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
            contexts.append(ctx)
            page = ctx.new_page()
            try:
                open_and_run_all(page, lab, name)
            except Exception:
                page.screenshot(path=str(screenshots / f"{tag(name)}_setup_failed.png"))
                raise
            page.screenshot(path=str(screenshots / f"{tag(name)}_after_run_all.png"))
            pages[name] = page
        # The tab in front, as a reader's would be: a page left behind others gets its animation frames (which
        # the canvas watcher runs on) throttled.
        pages[name].bring_to_front()
        return pages[name]

    def release(name: str) -> None:
        """Close ``name``'s tab and end its kernel session (a later ``get(name)`` opens and runs it again)."""
        import json
        import urllib.request

        page = pages.pop(name, None)
        if page is None:
            return
        page.context.close()
        contexts.remove(page.context)
        with urllib.request.urlopen(f"{lab['base']}/api/sessions?token={lab['token']}") as r:
            ids = [s["id"] for s in json.load(r) if s["path"] == name]
        for sid in ids:
            req = urllib.request.Request(f"{lab['base']}/api/sessions/{sid}?token={lab['token']}", method="DELETE")
            urllib.request.urlopen(req).close()

    get.release = release
    yield get
    for ctx in contexts:
        ctx.close()
