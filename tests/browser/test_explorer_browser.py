"""Notebook 07's explorer in a real JupyterLab in headless Chromium: Play animates the descent
and the data view together, and a burst of key presses on the learning-rate slider settles on the frame
of the final value (the checks every widget notebook gets are in test_widget_notebooks.py). No timing
is asserted here: benchmarks/explorer_browser.py measures it."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import (
    canvas_pixels,
    changed_fraction,
    figure_ready,
    figures,
    focus_slider_handle,
    key_times,
    now_ms,
    press_keys,
    readout,
    shot,
    wait_canvas_change,
    wait_canvas_changes,
    wait_canvas_quiet,
    wait_readout_changes,
    watch_canvas,
)

pytestmark = pytest.mark.browser

NOTEBOOK = "07_gradient_descent_explorer.ipynb"
ETA = "η"  # in the learning-rate slider's label, whatever else the label says
#: Frames of the animation to wait for after Play (Play steps every 150 ms; a frame shows the step the kernel
#: has reached): the check below asks each view to change by 0.1 %, and parameter space can move little at
#: first (0.6 % after the first frame at the notebook's η, 0.16 % after 4 steps at η = 0.2, in trials).
PLAYED_FRAMES = 5


def test_play_advances_the_step_and_animates_both_views(notebook_page, screenshots):
    page = notebook_page(NOTEBOOK)
    fig = figures(page).first
    fig.scroll_into_view_if_needed()
    figure_ready(page)  # drawn, and not changing
    step_before = int(readout(page, "step k"))
    before = shot(fig, screenshots / "07_play_before.png")
    t0 = now_ms(page)
    page.locator(".widget-play button").first.click()
    wait_readout_changes(page, "step k", str(step_before))
    wait_canvas_changes(page, t0, PLAYED_FRAMES, timeout_ms=60_000)
    step_after = int(readout(page, "step k"))
    after = shot(fig, screenshots / "07_play_after.png")
    assert step_after != step_before
    h, w = before.shape[:2]
    left = changed_fraction(before[:, : w // 2], after[:, : w // 2])  # parameter space
    right_top = changed_fraction(before[: h // 2, w // 2 :], after[: h // 2, w // 2 :])  # data view
    assert left > 0.001 and right_top > 0.001, (left, right_top)


def test_a_burst_of_key_presses_settles_on_the_frame_of_the_final_value(notebook_page, screenshots):
    """30 ArrowRight presses 20 ms apart on the η slider: the figure stops changing, and what it then shows
    is the frame of the slider's final value, the same as after one step away and back (not a frame of
    a value passed on the way, nor a mix of frames)."""
    page = notebook_page(NOTEBOOK)
    figures(page).first.scroll_into_view_if_needed()
    watch_canvas(page)
    wait_canvas_quiet(page, 1500, timeout_ms=60_000)  # e.g. Play, started by another test, has stopped
    focus_slider_handle(page, ETA)
    before = readout(page, ETA)

    t0 = now_ms(page)
    press_keys(page, "ArrowRight", 30, 20)
    assert len(key_times(page, t0)) == 30
    wait_canvas_quiet(page, 1500, timeout_ms=120_000)
    settled_value, settled = readout(page, ETA), canvas_pixels(page)
    figures(page).first.screenshot(path=str(screenshots / "07_burst_settled.png"))
    assert settled_value != before

    for key in ("ArrowLeft", "ArrowRight"):  # one step away, and back
        t = now_ms(page)
        page.keyboard.press(key)
        wait_canvas_change(page, t, timeout_ms=30_000)  # each step changes the figure
        wait_canvas_quiet(page, 1500, timeout_ms=60_000)
    again_value, again = readout(page, ETA), canvas_pixels(page)
    figures(page).first.screenshot(path=str(screenshots / "07_burst_away_and_back.png"))
    assert again_value == settled_value
    assert again.shape == settled.shape
    differ = float(np.any(again != settled, axis=2).mean())
    assert differ < 0.001, f"{differ:.2%} of the pixels differ from the frame of the final value"
