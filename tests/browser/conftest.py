"""Fixtures for the browser tests: a real JupyterLab server and Debian's Chromium.

These tests are not part of `make test`; run them with `make test-browser`.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # helpers.py

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("BROWSER_SCREENSHOTS", ROOT / "screenshots"))
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def write_without_outputs(src: Path, dst: Path) -> None:
    """Copy a notebook with every output and execution count removed, so that every
    output a browser test sees was produced in that browser's session."""
    import nbformat

    nb = nbformat.read(src, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, dst)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {SCREENSHOTS}")
    return SCREENSHOTS


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium) to run this")
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab on a free localhost port with a token, serving a copy of notebooks/.

    A copy without outputs, so that running the notebooks in the browser can never touch the committed
    files, and every output checked comes from the browser's own run.
    """
    root = tmp_path_factory.mktemp("lab-root")
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        write_without_outputs(nb, root / nb.name)
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(root / ".jupyter"), JUPYTERLAB_WORKSPACES_DIR=str(root / ".ws"))
    log = open(root / "lab.log", "w")
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
            f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0",
        ],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError(f"JupyterLab did not start; see {root / 'lab.log'}")
        time.sleep(0.5)
    yield {"base": base, "token": token, "root": root}
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def notebook_page(browser, lab, screenshots):
    """``notebook_page(name)``: a browser tab with ``name`` opened in JupyterLab and run, once per session.

    If opening or running fails, a screenshot ``<name>_setup_failed.png`` shows where it stopped.
    """
    from helpers import open_and_run_all

    pages, contexts = {}, []

    def get(name: str):
        if name not in pages:
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
            contexts.append(ctx)
            page = ctx.new_page()
            try:
                open_and_run_all(page, lab, name)
            except Exception:
                page.screenshot(path=str(screenshots / f"{name[:2]}_setup_failed.png"))
                raise
            page.screenshot(path=str(screenshots / f"{name[:2]}_after_run_all.png"))
            pages[name] = page
        return pages[name]

    yield get
    for ctx in contexts:
        ctx.close()
