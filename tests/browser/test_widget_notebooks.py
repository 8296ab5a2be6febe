"""Every notebook with widgets, in a real JupyterLab in headless Chromium.

For each: Run All renders every widget (no errors, no widget shown as text, no widget output
left empty), still after scrolling to the bottom and back (JupyterLab renders lazily), and
moving one control changes what is shown. Screenshots go to ``screenshots/``.
"""

from __future__ import annotations

import re

import pytest
from helpers import (
    changed_fraction,
    figure_ready,
    figures,
    in_language,
    problems,
    redrawn,
    scroll_notebook,
    shot,
    tag,
    type_into_readout,
    wait_text,
)

pytestmark = pytest.mark.browser


def move_00(page, language):
    type_into_readout(page, "n", "7")
    label = page.locator(".widget-label", has_text="n² =").first
    wait_text(label, "n² = 49")  # the kernel's observer updates the label
    assert label.inner_text().strip() == "n² = 49"


# Each figure move returns the figure, drawn and still (figure_ready), and the move, which returns once the
# figure has been redrawn (redrawn: its canvas changed, then stayed the same for a while).


def move_01(page, language):
    fig = figures(page).first
    fig.scroll_into_view_if_needed()
    figure_ready(page)
    return fig, lambda: redrawn(page, lambda: type_into_readout(page, "z", "-3"))


def move_slider(description: str, value: str):
    """A move for a notebook whose first figure is its widget's: type ``value`` into the readout of the slider
    labelled ``description``."""

    def move(page, language):
        fig = figures(page).first
        fig.scroll_into_view_if_needed()
        figure_ready(page)
        label = in_language(description, language)
        return fig, lambda: redrawn(page, lambda: type_into_readout(page, label, value))

    return move


def move_07(page, language):
    fig = figures(page).first
    fig.scroll_into_view_if_needed()
    figure_ready(page)
    label = in_language("learning rate η", language)
    return fig, lambda: redrawn(page, lambda: type_into_readout(page, label, "0.2"))


def move_08(page, language):
    fig = figures(page).first
    fig.scroll_into_view_if_needed()
    figure_ready(page)
    label = in_language("optimiser", language)

    def choose_adam():
        page.locator(".widget-dropdown", has=page.locator("label", has_text=label)).locator("select").select_option(
            label="Adam"
        )

    return fig, lambda: redrawn(page, choose_adam)


#: notebook -> how to move one of its controls. A test in tests/test_notebook_static.py checks that every
#: notebook with widget outputs is listed here.
WIDGET_NOTEBOOKS = {
    "00_start_here.ipynb": move_00,
    "01_model_and_loss.ipynb": move_01,
    "02_likelihood_to_loss.ipynb": move_slider("n (samples)", "3000"),
    "03_single_sample_gradient.ipynb": move_slider("w₁", "3"),
    "04_batch_gradient_and_regularization.ipynb": move_slider("k (steps)", "0"),
    "05_checking_gradients.ipynb": move_slider("h", "1e-12"),
    "06_loss_surface_and_convexity.ipynb": move_slider("w", "8"),
    "07_gradient_descent_explorer.ipynb": move_07,
    "08_optimizers.ipynb": move_08,
    "09_numerical_stability.ipynb": move_slider("z (logit)", "-750"),
    "10_softmax_regression.ipynb": move_slider("T", "0.2"),
    "11_real_data_capstone.ipynb": move_slider("λ", "10"),
}


#: Both editions: the English notebook and its Chinese counterpart in zh/ (the same moves, with the labels the
#: Chinese edition shows).
EDITIONS = [name for name in WIDGET_NOTEBOOKS] + [f"zh/{name}" for name in WIDGET_NOTEBOOKS]


def move_of(name: str):
    """The move for ``name`` (either edition), with the language it speaks."""
    folder, _, file = name.rpartition("/")
    return lambda page: WIDGET_NOTEBOOKS[file](page, folder or "en")


#: The Chinese notebooks whose widget text must be Chinese (the acceptance screenshots ``zh_NN_chinese.png``).
CHINESE_LABELS = ("zh/01_model_and_loss.ipynb", "zh/07_gradient_descent_explorer.ipynb")


# One test a notebook, whose page is closed (and its kernel ended) when it is done: with both editions, 24 live
# JupyterLab pages and kernels at once slowed the last ones past their timeouts.
@pytest.mark.parametrize("name", EDITIONS, ids=tag)
def test_widgets_render_survive_scrolling_and_respond(name, notebook_page, screenshots):
    page = notebook_page(name)
    try:
        renders_and_survives_scrolling(name, page, screenshots)
        moving_a_control_changes_what_is_shown(name, page, screenshots)
        if name in CHINESE_LABELS:
            shows_chinese_labels(name, page, screenshots)
    finally:
        notebook_page.release(name)


def renders_and_survives_scrolling(name, page, screenshots):
    assert problems(page) == []
    scroll_notebook(page, "bottom")
    page.screenshot(path=str(screenshots / f"{tag(name)}_bottom.png"))
    scroll_notebook(page, "top")
    assert problems(page) == []


def moving_a_control_changes_what_is_shown(name, page, screenshots):
    moved = move_of(name)(page)
    if moved is None:  # the control's effect was asserted directly
        page.screenshot(path=str(screenshots / f"{tag(name)}_control.png"))
        return
    fig, move = moved
    before = shot(fig, screenshots / f"{tag(name)}_control_before.png")
    move()
    after = shot(fig, screenshots / f"{tag(name)}_control_after.png")
    assert changed_fraction(before, after) > 0.002
    assert problems(page) == []
    # the whole widget as a reader sees it: its controls and its figure, rendered (not text reprs)
    widget = fig.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' jp-OutputArea-output ')][1]")
    assert widget.locator(".widget-slider, .widget-dropdown, .widget-play").count() > 0
    widget.screenshot(path=str(screenshots / f"{tag(name)}_widget.png"))


def shows_chinese_labels(name, page, screenshots):
    """The Chinese 01 and 07 in JupyterLab: the widget's controls and readouts speak Chinese (the figure's own
    labels are pixels: see the screenshot ``zh_NN_chinese.png``)."""
    fig = figures(page).first
    fig.scroll_into_view_if_needed()
    figure_ready(page)
    widget = fig.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' jp-OutputArea-output ')][1]")
    text = widget.inner_text()
    assert re.search(r"[\u4e00-\u9fff]", text), f"{name}: no Chinese in the widget: {text[:300]!r}"
    assert problems(page) == []
    widget.screenshot(path=str(screenshots / f"{tag(name)}_chinese.png"))
