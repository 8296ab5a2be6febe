"""The explorer widget, driven programmatically: every control at its extremes,
Play through its whole range, the drawn path equal to the trajectory."""

import warnings

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from lessons import descent  # noqa: E402
from lessons.explorer import BASE_PROBLEMS, Explorer  # noqa: E402


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


@pytest.mark.parametrize("problem", BASE_PROBLEMS)
def test_every_control_at_its_extremes(problem, strict):
    ex = Explorer(problem, steps=20)
    controls = [ex.w_eta, ex.w_lam, ex.w_steps, ex.w_p0, ex.w_p1]
    for control in controls:
        log = hasattr(control, "base")  # FloatLogSlider: min and max are exponents
        extremes = (control.base**control.min, control.base**control.max) if log else (control.min, control.max)
        for value in extremes:
            control.value = value
            assert np.isfinite(ex.run.path).all() and np.isfinite(ex.run.losses).all()
            ex.w_step.value = ex.w_step.max
            np.testing.assert_array_equal(ex.drawn_path(), ex.run.path)
    ex.w_steps.value = 40
    ex.w_standardise.value = not ex.w_standardise.disabled
    play_through(ex)


def test_play_range_follows_the_run(strict):
    ex = Explorer("overlapping", steps=50)
    assert ex.w_play.max == ex.w_step.max == 50
    ex.w_steps.value = 10
    assert ex.w_play.max == 10 and ex.w_step.value <= 10
    play_through(ex)


def test_too_large_rate_says_diverged(strict):
    ex = Explorer("overlapping", lam=0.5)
    bound = 2 / descent.smoothness(ex.problem, 0.5)
    ex.w_eta.value = min(100 * bound, 10**ex.w_eta.max)
    assert ex.run.diverged_at is not None
    ex.w_step.value = ex.w_step.max
    assert f"diverged at step {ex.run.diverged_at}" in ex.info_text()


def test_separable_without_lambda_says_no_minimiser(strict):
    ex = Explorer("separable")
    assert "no minimiser" in ex.info_text()
    ex.w_lam.value = 0.1
    assert "no minimiser" not in ex.info_text()


def test_standardise_toggle_changes_the_problem(strict):
    ex = Explorer("badly_scaled")
    assert not ex.w_standardise.disabled
    bound_raw = 2 / descent.smoothness(ex.problem, 0.0)
    ex.w_standardise.value = True
    assert ex.problem.key == "badly_scaled_std"
    assert 2 / descent.smoothness(ex.problem, 0.0) > 10 * bound_raw
    ex.w_problem.value = "overlapping"
    assert ex.w_standardise.disabled and not ex.w_standardise.value


def test_click_on_contours_sets_the_start(strict):
    ex = Explorer("overlapping")

    class Click:
        inaxes = ex.ax_p
        xdata, ydata = 1.25, -2.0

    ex._on_click(Click())
    assert (ex.w_p0.value, ex.w_p1.value) == (1.25, -2.0)
    np.testing.assert_allclose(ex.run.path[0], [1.25, -2.0])


def test_frame_redraws_only_the_moving_artists(strict):
    ex = Explorer("overlapping")
    drawn = []
    original = ex.ax_p.draw_artist
    ex.ax_p.draw_artist = lambda a: (drawn.append(a), original(a))[1]
    ex.w_step.value = 5
    assert drawn and all(a.get_animated() for a in drawn)
    assert not any(c in drawn for c in ex.contours)


def test_static_image_and_gif(strict):
    ex = Explorer("overlapping", steps=20, interactive=False)
    png = ex.frame_png()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    gif = ex.gif(frames=8)
    assert gif[:6] == b"GIF89a" and len(gif) < 1_500_000


@pytest.mark.parametrize("name, compare", [("overlapping", False), ("overlapping2d", False), ("separable", True)])
def test_blitted_frames_equal_full_redraws(strict, name, compare):
    ex = Explorer(name, steps=20, compare=compare, interactive=False)
    ex.frame_rgb(20)  # the first frame is drawn in full and caches the background
    for k in (0, 7, 20):  # going back and forth, so that no frame can be left over from the one before
        fast = ex.frame_rgb(k)
        np.testing.assert_array_equal(fast, ex.frame_rgb(k, redraw=True))
    assert not np.array_equal(ex.frame_rgb(0), ex.frame_rgb(20))


def test_optimiser_selector_and_overlay(strict):
    ex = Explorer("overlapping", steps=30, interactive=False)
    assert ex.run.method == "gd" and not ex.others and not ex.s_legend.get_visible()
    for method in ("sgd", "momentum", "adam", "newton"):
        ex.w_method.value = method
        assert ex.run.method == method
        assert ex.w_eta.disabled == (method == "newton")
        ex.w_step.value = 3
        assert "update (" in ex.info_text()
        np.testing.assert_array_equal(ex.drawn_path(), ex.run.path[:4])
    ex.w_compare.value = True
    assert set(ex.others) == {"gd", "sgd", "momentum", "adam", "newton"} and ex.s_legend.get_visible()
    for k in (0, 5, 30):  # the race: every path drawn up to the current step
        ex.w_step.value = k
        for m, line in ex.s_others.items():
            np.testing.assert_array_equal(np.column_stack(line.get_data()), ex.others[m].path[: k + 1])
    ex.w_compare.value = False
    assert all(len(line.get_xdata()) == 0 for line in ex.s_others.values())


def test_no_arrow_at_the_minimum(strict):
    ex = Explorer("overlapping", method="newton", steps=30, interactive=False)
    ex.w_step.value = 30
    assert np.linalg.norm(ex.run.grads[30]) < 1e-9
    assert np.all(ex.a_step.U == 0) and np.all(ex.a_step.V == 0)


def test_bad_method_is_named():
    with pytest.raises(ValueError, match="method must be one of"):
        Explorer("overlapping", method="bfgs", interactive=False)
