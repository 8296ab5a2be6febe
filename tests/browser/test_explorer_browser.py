"""Notebook 07's explorer in a real JupyterLab in headless Chromium: Play animates the descent
and the data view together (the checks every widget notebook gets are in test_widget_notebooks.py)."""

from __future__ import annotations

import pytest
from helpers import changed_fraction, figures, readout, shot

pytestmark = pytest.mark.browser

NOTEBOOK = "07_gradient_descent_explorer.ipynb"


def test_play_advances_the_step_and_animates_both_views(notebook_page, screenshots):
    page = notebook_page(NOTEBOOK)
    fig = figures(page).first
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
