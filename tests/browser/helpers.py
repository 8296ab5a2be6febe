"""Driving JupyterLab in Chromium: open a notebook, run it, look at what it shows."""

from __future__ import annotations

import io
import re

import numpy as np
from PIL import Image

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
AS_TEXT = r"\b(?:HBox|VBox|Canvas)\(children=|\b(?:IntSlider|FloatSlider|Play|Dropdown)\(value="
OUTPUT_TEXT = "() => [...document.querySelectorAll('.jp-OutputArea-output')].map(o => o.innerText).join('\\n')"
WIDGET_ERRORS = ("Error displaying widget", "Model not found", "model not found", "Failed to load model class")

STARTED = "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].some(e => /[*\\d]/.test(e.textContent))"
ALL_DONE = """() => {
    const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(e => e.textContent.trim());
    return p.some(t => /\\[\\d+\\]/.test(t)) && !p.some(t => t.includes('*') || t === '[ ]:');
}"""
# A widget output that rendered holds a widget view; one that failed holds nothing (or an error text).
EMPTY_WIDGET_OUTPUTS = f"""() => [...document.querySelectorAll('.jp-OutputArea-output[data-mime-type="{WIDGET_MIME}"]')]
    .filter(o => !o.querySelector('.jupyter-widgets, .widget-box, .jupyter-matplotlib')).length"""


def menu(page, top: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{top}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{item}$")).click()


def run_all(page, attempts: int = 3) -> None:
    """Run > Run All Cells, and make sure it took: a menu click that lands while the
    application is still settling can be lost, so try again if no cell has started."""
    for _ in range(attempts):
        menu(page, "Run", "Run All Cells")
        try:
            page.wait_for_function(STARTED, timeout=15_000)
            return
        except Exception:
            page.keyboard.press("Escape")
    raise AssertionError(f"Run All Cells did not start any cell after {attempts} attempts")


def accept_kernel_dialog(page, wait_ms: int = 3000) -> None:
    """Accept JupyterLab's "Select Kernel" dialog if it shows, as a user would.

    On a fresh server the first notebook can open before the kernel list has loaded
    (seen with Binder's set of server extensions); JupyterLab then asks, with the
    notebook's own kernel preselected.
    """
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    try:
        dialog.wait_for(state="visible", timeout=wait_ms)
    except Exception:
        return
    dialog.locator(".jp-mod-accept").click()
    dialog.wait_for(state="hidden", timeout=10_000)


def open_and_run_all(page, lab, notebook: str) -> None:
    """Open ``notebook`` (served without outputs), Run All, and wait until every cell has run."""
    page.goto(f"{lab['base']}/lab/tree/{notebook}?reset&token={lab['token']}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook", timeout=60_000)
    accept_kernel_dialog(page)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    accept_kernel_dialog(page, wait_ms=500)
    # The served copy has no outputs (see conftest), so every output checked comes from this run.
    assert page.locator(".jp-OutputArea-output").count() == 0
    run_all(page)
    page.wait_for_timeout(1000)
    page.wait_for_function(ALL_DONE, timeout=180_000)
    page.wait_for_timeout(1500)


SCROLL_STEP = """(direction) => {
    const el = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
    const cells = document.querySelectorAll('.jp-NotebookPanel .jp-Cell');
    const last = cells[cells.length - 1].getBoundingClientRect(), box = el.getBoundingClientRect();
    if (direction === 'bottom' && last.bottom <= box.bottom) return true;  // the last cell is in view
    if (direction === 'top' && el.scrollTop === 0) return true;
    el.scrollTop += (direction === 'bottom' ? 1 : -1) * 0.8 * el.clientHeight;
    return false;
}"""


def scroll_notebook(page, where: str, max_steps: int = 200) -> None:
    """Scroll the notebook to its ``"bottom"`` (the last cell in view) or ``"top"``, a screenful at a time,
    as a reader would: JupyterLab renders cells lazily as they come into view."""
    for _ in range(max_steps):
        if page.evaluate(SCROLL_STEP, where):
            break
        page.wait_for_timeout(250)
    else:
        raise AssertionError(f"could not scroll to the {where} in {max_steps} steps")
    page.wait_for_timeout(1000)


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
    page.wait_for_timeout(2500)


def figures(page):
    return page.locator(".jupyter-matplotlib-canvas-div")
