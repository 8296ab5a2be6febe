"""Driving JupyterLab in Chromium: start a server, open a notebook, run it, look at what it shows.

Used by the browser tests (through conftest.py) and by benchmarks/explorer_browser.py, which
puts this folder on ``sys.path``; so nothing here depends on pytest.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's package
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
AS_TEXT = r"\b(?:HBox|VBox|Canvas)\(children=|\b(?:IntSlider|FloatSlider|Play|Dropdown)\(value="
OUTPUT_TEXT = "() => [...document.querySelectorAll('.jp-OutputArea-output')].map(o => o.innerText).join('\\n')"
WIDGET_ERRORS = ("Error displaying widget", "Model not found", "model not found", "Failed to load model class")

STARTED = "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].some(e => /[*\\d]/.test(e.textContent))"
ALL_DONE = """() => {
    const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(e => e.textContent.trim());
    return p.some(t => /\\[\\d+\\]/.test(t)) && !p.some(t => t.includes('*') || t === '[ ]:');
}"""
# The notebook's run is over: ALL_DONE, and JupyterLab's execution indicator (in the notebook's toolbar) says
# idle. The indicator counts every cell Run All scheduled, so it also covers the cells ALL_DONE cannot see:
# those with a hidden input (no prompt text) and those not attached to the page yet (windowing mode "defer").
# It says "busy" until the last scheduled cell has run, and then the kernel's own status.
RUN_FINISHED = f"""() => ({ALL_DONE})()
    && !!document.querySelector(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status='idle']")"""
# A widget output that rendered holds a widget view; one that failed holds nothing (or an error text).
# JupyterLab marks an output's mime type (data-mime-type) only for its own renderers: ipywidgets' renderer
# (a Lumino Panel) has none, so a widget output is one with the widget mime type or with no mime type at all.
# One that ipywidgets hid on purpose (its widget was closed) is not counted.
WIDGET_OUTPUTS = f"""[...document.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="{WIDGET_MIME}"], .jp-OutputArea-output:not([data-mime-type])')]
    .filter(o => !o.classList.contains('lm-mod-hidden'))"""
EMPTY_WIDGET_OUTPUTS = f"""() => {WIDGET_OUTPUTS}
    .filter(o => !o.querySelector('.jupyter-widgets, .widget-box, .jupyter-matplotlib')).length"""
# An ipympl figure's canvas (the first in its canvas div; the second is the rubber band's). ipympl sizes it
# first, and draws the figure's PNG on it when that arrives from the kernel, a few hundred ms later; until then
# it is transparent. A drawn figure is opaque (its face colour) nearly everywhere.
FIGURE_CANVASES = ".jupyter-matplotlib-canvas-div canvas:first-of-type"
# In the page: the canvas has a size and a picture on it (some opaque pixel; every 97th is looked at).
CANVAS_PAINTED = """(c) => {
    if (!c || !c.width || !c.height) return false;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < data.length; i += 4 * 97) if (data[i] === 255) return true;
    return false;
}"""
# In the page: the canvas holds a whole picture: nearly all of the pixels along its middle row and column are
# opaque. Not so when ipympl (0.10) loses a figure's full image: when two of its images arrive close together,
# its model sets the next one's source before the first has loaded, so the first (the whole picture) is never
# drawn and the next (a diff: only the pixels that changed) is drawn on a blank canvas, and stays so.
CANVAS_WHOLE = """(c) => {
    if (!c || !c.width || !c.height) return false;
    const ctx = c.getContext('2d');
    const row = ctx.getImageData(0, c.height >> 1, c.width, 1).data;
    const col = ctx.getImageData(c.width >> 1, 0, 1, c.height).data;
    let opaque = 0;
    for (const px of [row, col]) for (let i = 3; i < px.length; i += 4) if (px[i] === 255) opaque++;
    return opaque >= 0.9 * (c.width + c.height);
}"""
# What a reader sees once a run is over: every widget rendered, every figure with a picture on it.
RENDERED = f"""() => ({EMPTY_WIDGET_OUTPUTS})() === 0
    && [...document.querySelectorAll('{FIGURE_CANVASES}')].every({CANVAS_PAINTED})"""
FIGURES_WHOLE = f"""(first) => {{
    const all = [...document.querySelectorAll('{FIGURE_CANVASES}')];
    return (first ? all.slice(0, 1) : all).every({CANVAS_WHOLE});
}}"""


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


def chromium_env(folder: Path) -> dict[str, str]:
    """The environment for Chromium: this one, with fontconfig also given the series' Chinese font.

    A reader's own browser has a Chinese font from their system; a bare Debian with only the chromium package has
    none, and would draw the Chinese edition's labels (the DOM's; the figures are drawn by matplotlib) as empty
    boxes. The font the figures use, Noto Sans CJK SC from the pinned mplfonts wheel, is added through a
    fontconfig file in ``folder`` that includes the system's configuration first."""
    import lessons.style

    folder.mkdir(parents=True, exist_ok=True)
    fonts = folder / "fonts"
    fonts.mkdir(exist_ok=True)
    link = fonts / lessons.style.CJK_FONT_FILE
    if not link.exists():
        link.symlink_to(lessons.style.cjk_font_path())
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def tag(name: str) -> str:
    """A short name for a notebook's screenshots: ``"07"``, or ``"zh_07"`` for ``"zh/07_…ipynb"``."""
    folder, _, file = name.rpartition("/")
    return f"{folder}_{file[:2]}" if folder else file[:2]


def in_language(text: str, language: str) -> str:
    """``text`` (an English label the package shows) as the learner sees it in ``language``: its Chinese text
    from the package's tables (lessons.i18n), or itself (a symbol such as "λ" is not translated)."""
    if language == "en":
        return text
    import importlib
    import pkgutil

    import lessons.i18n.zh as tables

    found = set()
    for info in pkgutil.iter_modules(tables.__path__):
        found.add(importlib.import_module(f"{tables.__name__}.{info.name}").MESSAGES.get(text, text))
    found.discard(text)
    assert len(found) <= 1, f"{text!r} has different Chinese texts: {found}"
    return found.pop() if found else text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def lab_server(root_dir: Path, notebooks: Path = ROOT / "notebooks", start_timeout: float = 60) -> Iterator[dict]:
    """JupyterLab on a free localhost port with a token, serving ``root_dir``, filled first with a copy of
    every notebook in ``notebooks`` without outputs (so that running them in a browser can never touch the
    committed files, and every output seen comes from the browser's own run).

    Yields ``{"base": "http://127.0.0.1:<port>", "token": ..., "root": root_dir}``; the server is stopped on
    exit. Its log is ``root_dir/lab.log``. Runs JupyterLab with this interpreter (``sys.executable``).
    """
    root = Path(root_dir)
    root.mkdir(parents=True, exist_ok=True)
    for nb in Path(notebooks).glob("*.ipynb"):
        write_without_outputs(nb, root / nb.name)
    if (Path(notebooks) / "zh").is_dir():  # the Chinese edition, served as notebooks/ holds it: in zh/
        (root / "zh").mkdir(exist_ok=True)
        for nb in (Path(notebooks) / "zh").glob("*.ipynb"):
            write_without_outputs(nb, root / "zh" / nb.name)
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(root / ".jupyter"), JUPYTERLAB_WORKSPACES_DIR=str(root / ".ws"))
    with open(root / "lab.log", "w") as log:
        proc = subprocess.Popen(
            [
                sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
                f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0",
            ],
            stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.time() + start_timeout
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                if time.time() > deadline:
                    raise RuntimeError(f"JupyterLab did not start; see {root / 'lab.log'}")
                try:  # the poll interval is a wait for the server's process to exit (a failed start)
                    proc.wait(timeout=0.5)
                except subprocess.TimeoutExpired:
                    continue
                raise RuntimeError(f"JupyterLab exited (code {proc.returncode}); see {root / 'lab.log'}")
            yield {"base": base, "token": token, "root": root}
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def menu(page, top: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{top}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{item}$")).click()


def run_all(page, attempts: int = 3) -> None:
    """Run > Run All Cells, and make sure it took: a menu click that lands while the
    application is still settling can be lost, so try again if no cell has started."""
    for _ in range(attempts):
        accept_kernel_dialog(page)  # one that showed late would swallow the click
        menu(page, "Run", "Run All Cells")
        try:
            page.wait_for_function(STARTED, timeout=15_000)
            return
        except Exception:
            if not accept_kernel_dialog(page):  # (Escape would dismiss it: no kernel)
                page.keyboard.press("Escape")
    raise AssertionError(f"Run All Cells did not start any cell after {attempts} attempts")


KERNEL_DIALOG = ".jp-Dialog:has-text('Select Kernel')"
KERNEL_DIALOGS = """() => [...document.querySelectorAll('.jp-Dialog')]
    .filter(d => d.textContent.includes('Select Kernel')).length"""
# The kernel is connected and idle, as the status bar says ("Python 3 (ipykernel) | Idle"). Not the notebook
# toolbar's execution indicator: its data-status is "idle" from the start, before any kernel is there.
KERNEL_IDLE = """() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]
    .some(e => /\\|\\s*Idle$/.test(e.textContent.trim()))"""


def accept_kernel_dialog(page, wait_ms: int = 0, timeout_ms: float = 30_000) -> bool:
    """Accept JupyterLab's "Select Kernel" dialog if it shows (within ``wait_ms``), as a user would; return
    whether it did.

    On a fresh server the first notebook can open before the kernel list has loaded
    (seen with Binder's set of server extensions); JupyterLab then asks, with the
    notebook's own kernel preselected. It also asks if Run All is chosen before a kernel is connected
    (on a loaded machine, a dialog was seen to stay open after its Select was clicked): so this accepts
    until no such dialog is left.
    """
    dialogs = page.locator(KERNEL_DIALOG)
    if wait_ms > 0:
        try:
            dialogs.first.wait_for(state="visible", timeout=wait_ms)
        except Exception:
            return False
    elif not page.evaluate(KERNEL_DIALOGS):  # (a timeout of 0 would mean none to Playwright)
        return False
    deadline = time.monotonic() + timeout_ms / 1e3
    while n := page.evaluate(KERNEL_DIALOGS):
        if time.monotonic() > deadline:
            raise AssertionError(f"the Select Kernel dialog is still open after {timeout_ms / 1e3:.0f} s")
        dialogs.last.locator(".jp-mod-accept").click()  # the last: the one on top
        with contextlib.suppress(Exception):  # Playwright's TimeoutError: then click again
            page.wait_for_function(f"(n) => ({KERNEL_DIALOGS})() < n", arg=n, timeout=10_000)
    return True


def wait_kernel_ready(page, timeout_ms: float = 60_000) -> None:
    """Wait until the notebook's kernel is idle, accepting the "Select Kernel" dialog whenever it shows
    instead (the kernel starts only once it is accepted): whichever of the two comes first."""
    deadline = time.monotonic() + timeout_ms / 1e3
    while True:
        left = max(1.0, (deadline - time.monotonic()) * 1e3)
        page.wait_for_function(f"() => ({KERNEL_IDLE})() || ({KERNEL_DIALOGS})() > 0", timeout=left)
        if not accept_kernel_dialog(page):
            return


def is_timeout(e: Exception) -> bool:
    """Whether ``e`` is Playwright's TimeoutError (not imported here: helpers must import without Playwright)."""
    return type(e).__name__ == "TimeoutError"


def wait_rendered(page, timeout_ms: float = 30_000) -> bool:
    """Wait until every widget output holds its widget and every figure has a picture (RENDERED), then until
    every picture is whole (:func:`wait_figures_whole`); return whether all that happened. Does not raise:
    :func:`problems` says what is missing."""
    try:
        page.wait_for_function(RENDERED, timeout=timeout_ms, polling=100)
    except Exception as e:
        if not is_timeout(e):
            raise
        print(f"\nwidgets not all rendered after {timeout_ms / 1e3:.0f} s: {problems(page)}", file=sys.stderr)
        return False
    return wait_figures_whole(page)


def wait_figures_whole(page, first: bool = False, timeout_ms: float = 10_000) -> bool:
    """Wait until every figure (or the ``first``) that has a picture shows a whole one (CANVAS_WHOLE); return
    whether it does. Does not raise: if one stays in part (ipympl lost its full image, see CANVAS_WHOLE), says
    so on stderr, and notes it in the page, so that later calls do not wait for it again."""
    if page.evaluate("() => !!window.__figureInPart"):
        return False
    try:
        page.wait_for_function(FIGURES_WHOLE, arg=first, timeout=timeout_ms, polling=100)
        return True
    except Exception as e:
        if not is_timeout(e):
            raise
        page.evaluate("() => { window.__figureInPart = true; }")
        print(
            f"\nA figure shows only part of its picture after {timeout_ms / 1e3:.0f} s (ipympl drew a diff image on"
            " a blank canvas: see CANVAS_WHOLE in tests/browser/helpers.py)",
            file=sys.stderr,
        )
        return False


def open_and_run_all(page, lab, notebook: str) -> None:
    """Open ``notebook`` (served without outputs), Run All, and wait until every cell has run and every
    widget and figure it shows has rendered."""
    page.goto(f"{lab['base']}/lab/tree/{notebook}?reset&token={lab['token']}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook", timeout=60_000)
    wait_kernel_ready(page)
    # The served copy has no outputs (see conftest), so every output checked comes from this run.
    assert page.locator(".jp-OutputArea-output").count() == 0
    run_all(page)
    page.wait_for_function(RUN_FINISHED, timeout=180_000)
    wait_rendered(page)


# In the page: whether the notebook is scrolled to ``direction`` ("bottom": its last cell in view; "top").
SCROLLED_TO = """(direction) => {
    const el = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
    const cells = document.querySelectorAll('.jp-NotebookPanel .jp-Cell');
    const last = cells[cells.length - 1].getBoundingClientRect(), box = el.getBoundingClientRect();
    return direction === 'bottom' ? last.bottom <= box.bottom : el.scrollTop === 0;
}"""
# In the page: unless the notebook is there already, scroll it a screenful towards ``direction``. The scroll
# position moves at once; what is worth waiting for (SCROLL_TOOK) is the cells the scroll brought into view,
# which JupyterLab renders on the scroll event, in an animation frame: two frames after the scroll.
SCROLL_STEP = f"""(direction) => {{
    if (({SCROLLED_TO})(direction)) return true;
    const el = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
    el.scrollTop += (direction === 'bottom' ? 1 : -1) * 0.8 * el.clientHeight;
    window.__scrollFrames = 0;
    return false;
}}"""
SCROLL_TOOK = "() => ++window.__scrollFrames >= 2"  # polled once per animation frame
# In the page (polled once per animation frame): the notebook is where it was scrolled to, and its layout
# (scroll position, height, the last cell's place) has stayed the same for 3 frames in a row.
SCROLL_SETTLED = f"""(direction) => {{
    const el = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
    const cells = document.querySelectorAll('.jp-NotebookPanel .jp-Cell');
    const last = cells[cells.length - 1].getBoundingClientRect();
    const now = [el.scrollTop, el.scrollHeight, cells.length, last.top, last.bottom].join();
    const s = window.__scrollSettle = window.__scrollSettle || {{}};
    s.same = s.layout === now ? s.same + 1 : 0;
    s.layout = now;
    return s.same >= 3 && ({SCROLLED_TO})(direction);
}}"""


def scroll_notebook(page, where: str, max_steps: int = 200, timeout_ms: float = 30_000) -> None:
    """Scroll the notebook to its ``"bottom"`` (the last cell in view) or ``"top"``, a screenful at a time,
    as a reader would: JupyterLab renders cells lazily as they come into view. Returns once the layout has
    settled there and every widget and figure is rendered (or :func:`problems` will say which is not)."""
    for _ in range(max_steps):
        if page.evaluate(SCROLL_STEP, where):
            break
        page.wait_for_function(SCROLL_TOOK, polling="raf", timeout=timeout_ms)
    else:
        raise AssertionError(f"could not scroll to the {where} in {max_steps} steps")
    page.evaluate("() => { window.__scrollSettle = {}; }")
    page.wait_for_function(SCROLL_SETTLED, arg=where, polling="raf", timeout=timeout_ms)
    wait_rendered(page, timeout_ms)


def problems(page) -> list[str]:
    """Everything that says a notebook did not render properly in the browser."""
    found = []
    # the outputs only: the prose may well quote these messages (notebook 00 explains them)
    text = page.evaluate(OUTPUT_TEXT)
    found += [f"'{bad}' shown" for bad in WIDGET_ERRORS if bad in text]
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
    if errors:
        found.append(f"{errors} stderr/error output(s)")
    if "Traceback" in text:
        found.append("a traceback")
    empty = page.evaluate(EMPTY_WIDGET_OUTPUTS)
    if empty:
        found.append(f"{empty} widget output(s) left empty")
    for shown_as_text in re.findall(
        r"\b(?:HBox|VBox|IntSlider|FloatSlider|Play|Canvas)\(children=|\bIntSlider\(value=", text
    ):
        found.append(f"a widget shown as text: {shown_as_text}")
    return found


def shot(locator, path) -> np.ndarray:
    png = locator.screenshot(path=str(path))
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def changed_fraction(a: np.ndarray, b: np.ndarray) -> float:
    h, w = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
    return float((np.abs(a[:h, :w] - b[:h, :w]).sum(axis=2) > 30).mean())


def slider(page, description: str, nth: int = 0):
    return page.locator(".widget-slider", has=page.locator(".widget-label", has_text=description)).nth(nth)


def readout(page, description: str, nth: int = 0) -> str:
    return slider(page, description, nth).locator(".widget-readout").inner_text().strip()


def type_into_readout(page, description: str, value: str, nth: int = 0) -> None:
    """Set a slider the way a user can without dragging: edit its numeric readout."""
    box = slider(page, description, nth).locator(".widget-readout")
    box.scroll_into_view_if_needed()
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(value)
    page.keyboard.press("Enter")
    wait_readout(page, description, float(value), nth)


# In the page: the text of the readout of the ``nth`` slider whose label contains ``label`` (as ``slider``
# finds it: Playwright's has_text ignores case), or null.
READOUT_TEXT = """(label, nth) => {
    const has = l => l.textContent.toLowerCase().includes(label.toLowerCase());
    const sliders = [...document.querySelectorAll('.widget-slider')]
        .filter(s => [...s.querySelectorAll('.widget-label')].some(has));
    const box = sliders[nth] && sliders[nth].querySelector('.widget-readout');
    return box ? box.textContent.trim() : null;
}"""
# ... shows ``value`` (to 0.5 %, or 1e-9 near 0: a readout rounds, e.g. ".2f", ".3g"; a log slider snaps).
READOUT_SHOWS = f"""([label, nth, value]) => {{
    const text = ({READOUT_TEXT})(label, nth);
    if (text === null) return false;
    const shown = parseFloat(text.replace('\\u2212', '-'));
    return Math.abs(shown - value) <= Math.max(5e-3 * Math.abs(value), 1e-9);
}}"""
# ... shows something other than ``text``.
READOUT_CHANGED = f"""([label, nth, text]) => {{
    const now = ({READOUT_TEXT})(label, nth);
    return now !== null && now !== text;
}}"""


def wait_readout(page, description: str, value: float, nth: int = 0, timeout_ms: float = 30_000) -> None:
    """Wait until the readout of the slider labelled ``description`` shows ``value``."""
    page.wait_for_function(READOUT_SHOWS, arg=[description, nth, value], timeout=timeout_ms)


def wait_readout_changes(page, description: str, text: str, nth: int = 0, timeout_ms: float = 30_000) -> str:
    """Wait until the readout of the slider labelled ``description`` no longer shows ``text``; return what
    it shows then."""
    page.wait_for_function(READOUT_CHANGED, arg=[description, nth, text], timeout=timeout_ms)
    return readout(page, description, nth)


def wait_text(locator, text: str, timeout_ms: float = 30_000) -> None:
    """Wait until ``locator`` shows ``text`` (its whole text; whitespace normalised)."""
    from playwright.sync_api import expect  # here: helpers must import without Playwright (the benchmark)

    expect(locator).to_have_text(text, timeout=timeout_ms)


def figures(page):
    return page.locator(".jupyter-matplotlib-canvas-div")


# ---------------------------------------------------------------- watching a canvas from inside the page

#: The first ipympl figure's drawing canvas (an ipympl figure holds two: the image, then the rubber band's).
FIGURE_CANVAS = ".jupyter-matplotlib-canvas-div canvas"

# In the page: note the time (performance.now()) whenever the canvas's pixels change, and the time of every
# keydown (event.timeStamp, the same clock). At each animation frame the canvas's pixels are hashed
# (getImageData) if anything was drawn on it since the last frame (its 2D context's drawing methods are
# wrapped to say so, which keeps the watching cheap), and every 30th frame in any case, in case something
# draws another way. The canvas is looked up again at each frame, in case its view is re-rendered.
WATCH_CANVAS = """(selector) => {
    if (window.__canvasWatch) return;
    const w = window.__canvasWatch = {selector, canvas: null, dirty: true, hash: null, frames: 0};
    w.started = performance.now();
    w.changes = [];  // when the pixels were seen to change
    w.keys = [];  // when keys went down
    window.addEventListener('keydown', e => w.keys.push(e.timeStamp), true);
    const DRAWS = ['drawImage', 'putImageData', 'clearRect', 'fillRect', 'strokeRect', 'fill', 'stroke',
                   'fillText', 'strokeText', 'reset'];
    const watch = canvas => {
        const ctx = canvas.getContext('2d');
        for (const name of DRAWS) {
            const draw = ctx[name];
            if (typeof draw !== 'function' || draw.watched) continue;
            const wrapped = function (...args) { w.dirty = true; return draw.apply(this, args); };
            wrapped.watched = true;
            ctx[name] = wrapped;
        }
    };
    const hashOf = canvas => {
        if (!canvas || !canvas.width || !canvas.height) return 'empty';
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        const words = new Uint32Array(data.buffer, data.byteOffset, data.byteLength >> 2);
        let h1 = 0x811c9dc5, h2 = 0x9e3779b9;
        for (let i = 0; i < words.length; i++) {
            h1 = Math.imul(h1 ^ words[i], 16777619);
            h2 = Math.imul(h2 + words[i], 2246822519) ^ (h2 >>> 13);
        }
        return `${canvas.width}x${canvas.height}:${h1 >>> 0}:${h2 >>> 0}`;
    };
    const tick = () => {
        const canvas = document.querySelector(w.selector);
        if (canvas !== w.canvas) {
            w.canvas = canvas;
            w.dirty = true;
            if (canvas) watch(canvas);
        }
        if (w.dirty || w.frames % 30 === 0) {
            w.dirty = false;
            const h = hashOf(canvas);
            if (h !== w.hash) {
                if (w.hash !== null) w.changes.push(performance.now());
                w.hash = h;
            }
        }
        w.frames++;
        requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
}"""


def watch_canvas(page, selector: str = FIGURE_CANVAS) -> None:
    """Start recording, in the page, when the pixels of the canvas at ``selector`` change and when keys
    go down (see :func:`canvas_changes`, :func:`key_times`). Once per page; later calls do nothing."""
    page.evaluate(WATCH_CANVAS, selector)


def now_ms(page) -> float:
    """The page's clock (``performance.now()``), in ms: the clock of every recorded time."""
    return page.evaluate("() => performance.now()")


def canvas_changes(page, since: float = 0.0) -> list[float]:
    """Times (page clock, ms) at which the watched canvas's pixels were seen to change, after ``since``."""
    return page.evaluate("(t) => window.__canvasWatch.changes.filter(c => c > t)", since)


def key_times(page, since: float = 0.0) -> list[float]:
    """Times (page clock, ms) of the keydown events after ``since``."""
    return page.evaluate("(t) => window.__canvasWatch.keys.filter(k => k > t)", since)


def wait_canvas_change(page, since: float, timeout_ms: float = 10_000) -> float:
    """Wait for the watched canvas to change after ``since`` (page clock); return the time it did."""
    page.wait_for_function(
        "(t) => window.__canvasWatch.changes.some(c => c > t)", arg=since, timeout=timeout_ms, polling=20
    )
    return canvas_changes(page, since)[0]


def wait_canvas_changes(page, since: float, count: int, timeout_ms: float = 30_000) -> list[float]:
    """Wait until the watched canvas has changed ``count`` times after ``since`` (page clock): e.g. an animation
    has drawn ``count`` frames. Return the times of the changes."""
    page.wait_for_function(
        "([t, n]) => window.__canvasWatch.changes.filter(c => c > t).length >= n",
        arg=[since, count],
        timeout=timeout_ms,
        polling=20,
    )
    return canvas_changes(page, since)


def wait_canvas_quiet(page, quiet_ms: float = 1500, since: float | None = None, timeout_ms: float = 30_000) -> float:
    """Wait until the watched canvas has not changed for ``quiet_ms`` (counted from its last change, or from
    ``since`` if later); return the time of its last change (or ``since``/now if none)."""
    start = now_ms(page) if since is None else since
    page.wait_for_function(
        """([start, quiet]) => {
            const w = window.__canvasWatch;
            const last = Math.max(start, w.changes.length ? w.changes[w.changes.length - 1] : 0);
            return performance.now() - last >= quiet && w.frames > 0;
        }""",
        arg=[start, quiet_ms],
        timeout=timeout_ms,
        polling=50,
    )
    changes = canvas_changes(page)
    return max([start, *changes[-1:]])


def figure_ready(page, quiet_ms: float = 500, timeout_ms: float = 60_000) -> None:
    """Watch the first figure's canvas (:func:`watch_canvas`) and wait until it has a picture (a whole one, if
    :func:`wait_figures_whole` finds one in time) and has not changed for ``quiet_ms`` (since the watching
    started, if that was later): e.g. Play, or a redraw, is over."""
    watch_canvas(page)
    page.wait_for_function(
        f"(s) => ({CANVAS_PAINTED})(document.querySelector(s))", arg=FIGURE_CANVAS, timeout=timeout_ms, polling=100
    )
    wait_figures_whole(page, first=True)
    wait_canvas_quiet(page, quiet_ms, since=page.evaluate("() => window.__canvasWatch.started"), timeout_ms=timeout_ms)


def redrawn(page, action, quiet_ms: float = 500, timeout_ms: float = 60_000) -> float:
    """Do ``action()`` and wait until the watched figure (:func:`figure_ready` first) has changed and then not
    changed for ``quiet_ms``; return the time (page clock) of its last change."""
    t0 = now_ms(page)
    action()
    first = wait_canvas_change(page, t0, timeout_ms=timeout_ms)
    return wait_canvas_quiet(page, quiet_ms, since=first, timeout_ms=timeout_ms)


def canvas_pixels(page, selector: str = FIGURE_CANVAS) -> np.ndarray:
    """The pixels (height x width x RGBA, uint8) of the canvas at ``selector``, read from the canvas itself
    (not a screenshot: nothing drawn over it, no scaling)."""
    url = page.evaluate("(s) => document.querySelector(s).toDataURL('image/png')", selector)
    png = base64.b64decode(url.split(",", 1)[1])
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def focus_slider_handle(page, description: str, nth: int = 0):
    """Give keyboard focus to the handle of the slider labelled ``description`` (as Tab would: no click,
    which could move it), and return the handle. Arrow keys then move the slider one step per press."""
    handle = slider(page, description, nth).locator(".noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    assert handle.evaluate("el => el === document.activeElement"), f"could not focus the {description!r} slider"
    return handle


def press_keys(page, key: str, count: int, interval_ms: float) -> None:
    """Press ``key`` ``count`` times, one press every ``interval_ms`` (each started on schedule, not
    ``interval_ms`` after the previous one returned), into whatever has the focus."""
    start = time.perf_counter()
    for i in range(count):
        delay = start + i * interval_ms / 1e3 - time.perf_counter()
        if delay > 0:
            # Not a wait for anything: the pause *is* the input being simulated (a press every interval_ms),
            # so there is no condition to wait on. It sleeps only until the next press is due.
            time.sleep(delay)
        page.keyboard.press(key)


# In the page: dispatch keydown + keyup of ``key`` on the focused element ``count`` times, each due
# ``interval`` ms after the first (setTimeout against the page's clock, so that a late one does not
# push the rest back). Resolves after the last.
PRESS_KEYS_IN_PAGE = """([key, count, interval]) => new Promise(resolve => {
    const target = document.activeElement, t0 = performance.now();
    let i = 0;
    const fire = () => {
        const init = {key, code: key, bubbles: true, cancelable: true, composed: true};
        target.dispatchEvent(new KeyboardEvent('keydown', init));
        target.dispatchEvent(new KeyboardEvent('keyup', init));
        if (++i < count) setTimeout(fire, Math.max(0, t0 + i * interval - performance.now()));
        else resolve();
    };
    fire();
})"""


def press_keys_in_page(page, key: str, count: int, interval_ms: float) -> None:
    """Like :func:`press_keys`, but timed inside the page, where Playwright's round trips cannot stretch
    the intervals: the events are dispatched by script (``isTrusted`` is false; sliders do not check it)."""
    page.evaluate(PRESS_KEYS_IN_PAGE, [key, count, interval_ms])


# ---------------------------------------------------------------- how fast a widget answers

#: Widget notebook -> the label of the slider whose key presses time its response (benchmarks/widget_response.py
#: and the browser suite). The figure watched is the notebook's first ipympl figure: its widget's.
RESPONSE_SLIDERS = {
    "01_model_and_loss.ipynb": "z",
    "02_likelihood_to_loss.ipynb": "w",
    "03_single_sample_gradient.ipynb": "w₁",
    "04_batch_gradient_and_regularization.ipynb": "k (steps)",
    "05_checking_gradients.ipynb": "h",
    "06_loss_surface_and_convexity.ipynb": "w",
    "09_numerical_stability.ipynb": "z (logit)",
    "10_softmax_regression.ipynb": "T",
    "11_real_data_capstone.ipynb": "λ",
}


def slider_response_ms(page, description: str, presses: int = 6, quiet_ms: float = 400) -> list[float]:
    """Time ``presses`` single key presses on the slider labelled ``description`` (alternately ArrowRight and
    ArrowLeft, so that it ends where it started; one warm-up press first, not counted): from the browser
    receiving the key to the first animation frame that shows new pixels in the first figure, each from a
    quiet canvas. Presses that change nothing within 10 s are left out."""
    watch_canvas(page)
    wait_canvas_quiet(page, quiet_ms, timeout_ms=60_000)
    focus_slider_handle(page, description)
    times = []
    for i in range(presses + 2):
        wait_canvas_quiet(page, quiet_ms)
        t0 = now_ms(page)
        page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        try:
            changed = wait_canvas_change(page, t0, timeout_ms=10_000)
        except Exception as e:
            if not is_timeout(e):
                raise
            continue
        if i >= 2:
            times.append(changed - key_times(page, t0)[0])
    wait_canvas_quiet(page, quiet_ms)
    return times
