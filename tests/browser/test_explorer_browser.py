"""Notebook 07 in a real JupyterLab in headless Chromium: the widgets render, a slider
changes the figure, Play animates the descent and the data view together."""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
from PIL import Image

pytestmark = pytest.mark.browser

NOTEBOOK = "07_gradient_descent_explorer.ipynb"


def shot(locator, path) -> np.ndarray:
    png = locator.screenshot(path=str(path))
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def changed_fraction(a: np.ndarray, b: np.ndarray) -> float:
    h, w = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
    return float((np.abs(a[:h, :w] - b[:h, :w]).sum(axis=2) > 30).mean())


def readout(page, description: str) -> str:
    slider = page.locator(".widget-slider", has=page.locator(".widget-label", has_text=description)).first
    return slider.locator(".widget-readout").inner_text().strip()


@pytest.fixture(scope="module")
def page(browser, lab, screenshots):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = ctx.new_page()
    try:
        open_and_run_all(page, lab)
    except Exception:
        page.screenshot(path=str(screenshots / "07_setup_failed.png"), full_page=False)
        raise
    page.screenshot(path=str(screenshots / "07_after_run_all.png"), full_page=False)
    yield page
    ctx.close()


def open_and_run_all(page, lab) -> None:
    """Open the notebook, clear its committed outputs, Run All and wait until the figure is drawn."""
    page.goto(f"{lab['base']}/lab/tree/{NOTEBOOK}?reset&token={lab['token']}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook", timeout=60_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    # The served copy has no outputs (see conftest), so every output checked below comes from this run.
    assert page.locator(".jp-OutputArea-output").count() == 0
    run_all(page)
    page.wait_for_function(  # every visible prompt shows an execution count: nothing queued or running
        """() => {
            const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(e => e.textContent.trim());
            return p.some(t => /\\[\\d+\\]/.test(t)) && !p.some(t => t.includes('*') || t === '[ ]:');
        }""",
        timeout=180_000,
    )
    page.wait_for_selector(".jupyter-matplotlib-canvas-div", state="attached", timeout=60_000)
    figure(page).scroll_into_view_if_needed()
    page.wait_for_function(  # the figure has been drawn: its canvas has a size
        "() => [...document.querySelectorAll('.jupyter-matplotlib-canvas-div canvas')].some(c => c.width > 0)",
        timeout=60_000,
    )
    page.wait_for_timeout(1500)


def menu(page, top: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{top}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{item}$")).click()


STARTED = "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].some(e => /[*\\d]/.test(e.textContent))"


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


def figure(page):
    return page.locator(".jupyter-matplotlib-canvas-div").first


def test_widgets_render_without_errors(page, screenshots):
    text = page.inner_text(".jp-NotebookPanel")
    for bad in ("Error displaying widget", "Model not found", "model not found"):
        assert bad not in text
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert "Traceback" not in text
    assert page.locator(".widget-play").count() >= 1
    assert page.locator(".jupyter-matplotlib-canvas-div canvas").count() >= 1
    figure(page).scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(screenshots / "07_explorer.png"))


def test_learning_rate_slider_changes_the_figure(page, screenshots):
    fig = figure(page)
    fig.scroll_into_view_if_needed()
    before = shot(fig, screenshots / "07_lr_before.png")
    slider = page.locator(".widget-slider", has=page.locator(".widget-label", has_text="learning rate")).first
    box = slider.locator(".widget-readout")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("0.2")
    page.keyboard.press("Enter")
    page.wait_for_timeout(2500)
    after = shot(fig, screenshots / "07_lr_after.png")
    assert readout(page, "learning rate").startswith("0.2")
    assert changed_fraction(before, after) > 0.002


def test_play_advances_the_step_and_animates_both_views(page, screenshots):
    fig = figure(page)
    fig.scroll_into_view_if_needed()
    step_before = int(readout(page, "step k"))
    before = shot(fig, screenshots / "07_play_before.png")
    page.locator(".widget-play button").first.click()
    page.wait_for_timeout(2500)
    step_after = int(readout(page, "step k"))
    after = shot(fig, screenshots / "07_play_after.png")
    assert step_after != step_before
    h, w = before.shape[:2]
    left = changed_fraction(before[:, : w // 2], after[:, : w // 2])  # parameter space
    right_top = changed_fraction(before[: h // 2, w // 2 :], after[: h // 2, w // 2 :])  # data view
    assert left > 0.001 and right_top > 0.001, (left, right_top)
