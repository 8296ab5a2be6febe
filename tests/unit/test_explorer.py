"""The explorer widget, driven programmatically: every control at its extremes, Play through its whole
range, the drawn path equal to the run, every arrow inside the view, and frames that blit exactly."""

import io
import warnings

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from PIL import Image  # noqa: E402

from lessons import descent  # noqa: E402
from lessons.explorer import Explorer, layout  # noqa: E402
from lessons.explorer.app import RACE  # noqa: E402

KEYS = descent.EXPLORER_PROBLEMS


@pytest.fixture
def strict():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def play_through(ex):
    for k in range(ex.w_step.max + 1):
        ex.w_step.value = k
        np.testing.assert_array_equal(ex.drawn_path(), ex.run.path[: k + 1])
        assert f"step k = {k} " in ex.info_text()


def slider_extremes(control):
    if hasattr(control, "base"):  # FloatLogSlider: min and max are exponents
        return control.base**control.min, control.base**control.max
    return control.min, control.max


@pytest.mark.parametrize("key", KEYS)
def test_every_control_at_its_extremes(key, strict):
    ex = Explorer(key, steps=20, interactive=False)
    for control in (ex.w_eta, ex.w_lam):
        for value in slider_extremes(control):
            control.value = value
            assert np.isfinite(ex.run.path).all() and np.isfinite(ex.run.losses).all()
            ex.w_step.value = ex.w_step.max
            np.testing.assert_array_equal(ex.drawn_path(), ex.run.path)
            ex.frame_rgb(ex.w_step.value)
    play_through(ex)


def test_the_controls_are_the_lesson_s():
    ex = Explorer("overlapping", interactive=False)
    controls = ex.widget.children[-1].children[0].children
    assert ex.w_lam in controls and ex.w_method not in controls
    race = Explorer("overlapping", method="newton", compare=True, interactive=False)
    controls = race.widget.children[-1].children[0].children
    assert race.w_method in controls and race.w_lam not in controls
    labels = [label for label, _ in ex.w_problem.options]
    assert labels == [descent.PROBLEMS[k].label for k in descent.EXPLORER_PROBLEMS]


def test_the_rate_readout_gives_both_thresholds(strict):
    ex = Explorer("overlapping", interactive=False)
    bounds = descent.problem_bounds(ex.problem, 0.0)
    ex.w_eta.value = bounds.safe
    assert "= 1 × safe" in ex.w_rate.value and f"{bounds.safe:.3g}" in ex.w_rate.value
    assert f"{bounds.edge:.3g}" in ex.w_rate.value
    lo, hi = slider_extremes(ex.w_eta)
    assert lo < bounds.safe < bounds.edge < hi  # both thresholds are within the slider's reach
    ex.w_problem.value = "separable"
    assert "no minimiser" in ex.w_rate.value and "no minimiser" in ex.info_text()
    ex.w_lam.value = 0.1
    assert "no minimiser" not in ex.info_text() and "× edge" in ex.w_rate.value


def test_no_divergence_cut_off_and_the_panel_says_what_happened(strict):
    ex = Explorer("overlapping", steps=60, interactive=False)
    ex.w_eta.value = 10**ex.w_eta.max
    assert ex.run.steps == 60 and ex.run.overflow_at is None
    said = descent.behaviour(ex.run).text
    assert said in ex.info_text() and said in ex.view.title.get_text()


def test_play_range_is_the_run(strict):
    ex = Explorer("overlapping", steps=50, interactive=False)
    assert ex.w_play.max == ex.w_step.max == 50
    play_through(ex)


def arrow_ends(quiver) -> np.ndarray:
    tails = quiver.get_offsets()
    return np.vstack([tails, tails + np.column_stack([quiver.U, quiver.V])])


def assert_inside(ex, k: int, lines: bool):
    ax = ex.figure.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    ex.w_step.value = k
    view = ex.view
    for quiver in (view.chain, view.resultant, view.own):
        ends = arrow_ends(quiver)
        assert np.all((ends[:, 0] >= x0) & (ends[:, 0] <= x1) & (ends[:, 1] >= y0) & (ends[:, 1] <= y1)), (k, ends)
    if lines:
        path = ex.drawn_path()
        assert np.all((path[:, 0] >= x0) & (path[:, 0] <= x1) & (path[:, 1] >= y0) & (path[:, 1] <= y1)), k


@pytest.mark.parametrize("key", KEYS)
def test_every_arrow_stays_inside_the_view(key, strict):
    ex = Explorer(key, steps=60, interactive=False)
    for k in (0, 1, 5, 20, 60):
        assert_inside(ex, k, lines=not descent.PROBLEMS[key].separable)
    ex.view.selected = 0
    for k in (0, 1, 5, 20, 60):
        assert_inside(ex, k, lines=False)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(KEYS), st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.integers(0, 40))
def test_arrows_fit_for_any_lambda_and_start(key, lam, u, v, k):
    p = descent.PROBLEMS[key]
    x0, x1, y0, y1 = p.extent
    run = descent.descend(p, lam, descent.problem_bounds(p, lam).safe / 2, 40, (x0 + u * (x1 - x0), y0 + v * (y1 - y0)))
    for selected in (None, 0):
        chain = layout.pull_chain(run, k, p.y, p.extent, selected)
        if chain.scale == 0:  # the current point is off the view (or on its edge): nothing is drawn
            assert not chain.vectors.any() and not chain.resultant.any() and not chain.selected.any()
            continue
        ends = np.vstack([chain.tails, chain.tails + chain.vectors, run.path[k] + chain.resultant,
                          run.path[k] + chain.selected])  # fmt: skip
        inside = (ends[:, 0] >= x0) & (ends[:, 0] <= x1) & (ends[:, 1] >= y0) & (ends[:, 1] <= y1)
        assert inside.all()
        np.testing.assert_allclose(chain.vectors.sum(axis=0), chain.resultant)
        if chain.scale > 0:  # one scale for all: the resultant is -grad J, scaled
            np.testing.assert_allclose(chain.resultant, -run.grads[k] * chain.scale, rtol=1e-9, atol=1e-12)


def test_a_new_rate_redraws_only_the_moving_artists(strict):
    ex = Explorer("overlapping", interactive=False)
    ex.frame_rgb(0)  # drawn once: the background is cached
    drawn = []
    canvas = ex.figure.canvas
    original = canvas.draw
    canvas.draw = lambda *a: (drawn.append("full"), original(*a))[1]
    ex.w_eta.value = 2.0
    ex.w_step.value = 7
    ex.start = (1.0, 1.0)
    ex._recompute()
    assert drawn == [] and ex.view.background is not None
    ex.w_lam.value = 0.2  # new contours: one full draw
    assert drawn == ["full"]


def test_click_on_the_contours_sets_the_start_and_on_a_sample_selects_it(strict):
    ex = Explorer("overlapping", interactive=False)
    ex.frame_rgb(0)

    class Click:
        inaxes = ex.view.ax_p
        xdata, ydata = 1.25, -2.0

    ex._on_click(Click())
    np.testing.assert_allclose(ex.run.path[0], [1.25, -2.0])
    x, y = ex.view.ax_d.transData.transform(ex.view.points[7])
    ex.select_nearest(x + 2, y - 2)
    assert ex.view.selected == 7 and "sample 7" in ex.info_text()
    assert np.any(ex.view.own.U != 0) or np.any(ex.view.own.V != 0)
    ex.select_nearest(x, y)  # a second click on it lets go
    assert ex.view.selected is None and "sample 7" not in ex.info_text()


@pytest.mark.parametrize("key, compare", [("overlapping", False), ("overlapping2d", False), ("separable", True)])
def test_blitted_frames_equal_full_redraws(strict, key, compare):
    ex = Explorer(key, steps=20, compare=compare, interactive=False)
    ex.frame_rgb(20)
    for k in (0, 7, 20):  # back and forth, so that no frame can be left over from the one before
        fast = ex.frame_rgb(k)
        np.testing.assert_array_equal(fast, ex.frame_rgb(k, redraw=True))
    assert not np.array_equal(ex.frame_rgb(0), ex.frame_rgb(20))


def test_the_race(strict):
    ex = Explorer("overlapping", steps=30, method="newton", compare=True, interactive=False)
    assert set(ex.others) == set(descent.METHOD_LABELS) and ex.run.method == "newton"
    for k in (0, 5, 30):  # every path drawn up to the current step
        ex.w_step.value = k
        for m, line in ex.view.racers.items():
            np.testing.assert_array_equal(np.column_stack(line.get_data()), ex.others[m].path[: k + 1])
    styles = {(line.get_color(), line.get_linestyle(), line.get_marker()) for line in ex.view.racers.values()}
    assert len(styles) == 5 and len({s[0] for s in styles}) == 5
    for method in ("sgd", "momentum", "adam", "newton", "gd"):
        ex.w_method.value = method
        assert ex.run.method == method and not ex.others
        assert ex.w_eta.disabled == (method == "newton")
        ex.w_step.value = 3
        np.testing.assert_array_equal(ex.drawn_path(), ex.run.path[:4])
    ex.w_method.value = RACE
    assert len(ex.others) == 5


def test_gifs_are_readable():
    ex = Explorer("overlapping", steps=20, interactive=False)
    gif = ex.gif(frames=6)
    image = Image.open(io.BytesIO(gif))
    assert gif[:6] == b"GIF89a" and image.width >= 900 and image.n_frames == 6
    png = ex.frame_png()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="method must be one of"):
        Explorer("overlapping", method="bfgs", interactive=False)
    with pytest.raises(ValueError, match="problem must be one of"):
        Explorer("nope", interactive=False)
    with pytest.raises(ValueError, match="steps must be >= 1"):
        Explorer("overlapping", steps=0, interactive=False)


def test_a_new_data_set_starts_from_its_own_start(strict):
    ex = Explorer("overlapping", start=(1.0, 1.0), interactive=False)
    np.testing.assert_allclose(ex.run.path[0], [1.0, 1.0])
    ex.w_problem.value = "badly_scaled"
    np.testing.assert_allclose(ex.run.path[0], descent.PROBLEMS["badly_scaled"].start)


def test_every_optimiser_and_the_race_run_on_every_data_set(strict):
    for key in KEYS:
        ex = Explorer(key, steps=10, method="sgd", interactive=False)
        assert ex.run.steps == 10
        ex.w_method.value = RACE
        assert len(ex.others) == 5


def test_displayed_with_a_still_picture_that_leaves_the_animation_intact():
    """For readers without a kernel the display carries a PNG of the current step, drawn in full (path and
    arrows included); saving it must not spoil the background that later frames are blitted on."""
    e = Explorer("overlapping", steps=40, interactive=False)
    before = e.frame_rgb(20, redraw=True)
    bundle = e._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "run the notebook" in bundle["text/plain"]
    still = np.asarray(Image.open(io.BytesIO(e.view.still_png())).convert("RGB"))
    assert still.shape == before.shape
    assert np.mean(np.any(still != before, axis=-1)) < 0.01  # the same picture, up to drawing order
    np.testing.assert_array_equal(e.frame_rgb(20), before)  # blitted again: the background is intact
    e.show_step(0)
    np.testing.assert_array_equal(e.frame_rgb(0), e.frame_rgb(0, redraw=True))
