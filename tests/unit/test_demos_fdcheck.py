"""lessons.demos.fdcheck: the mathematics of notebook 05's widget, against lessons.model, lessons.gradcheck
and closed forms."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons import model
from lessons.data import source_example
from lessons.demos.fdcheck import (
    BUGS,
    H_GRID,
    THETA0,
    THRESHOLD,
    check_errors,
    forward_gradient,
    passing_band,
    planted_gradient,
)
from lessons.gradcheck import numerical_gradient, relative_error

X, Y, W, B, _ = source_example()
EXACT = np.append(*model.gradient(X, Y, W, B))


def test_the_grid_is_the_sliders_steps():
    np.testing.assert_allclose(np.log10(H_GRID), np.arange(-12, -0.99, 0.25), atol=1e-12)
    np.testing.assert_array_equal(THETA0, np.append(W, B))


@settings(max_examples=40, deadline=None)
@given(a=st.floats(-3, 3), c=st.floats(-3, 3), x=st.floats(-2, 2), h=st.floats(1e-4, 1e-1))
def test_forward_difference_is_exact_for_a_linear_function_and_off_by_h_over_2_f2_for_a_quadratic(a, c, x, h):
    lin = forward_gradient(lambda t: a * t[0] + c, [x], h)[0]
    assert lin == pytest.approx(a, abs=1e-9 / h)
    quad = forward_gradient(lambda t: a * t[0] ** 2, [x], h)[0]  # ((x+h)² − x²)/h = 2x + h
    assert quad == pytest.approx(2 * a * x + a * h, abs=1e-9 / h)


def test_forward_difference_of_the_loss_approaches_the_exact_gradient_at_order_h():
    J = lambda t: model.loss(X, Y, t[:-1], t[-1])  # noqa: E731
    errs = [np.linalg.norm(forward_gradient(J, THETA0, h) - EXACT) for h in (1e-2, 1e-3, 1e-4)]
    ratios = np.array(errs[:-1]) / np.array(errs[1:])
    np.testing.assert_allclose(ratios, 10.0, rtol=0.05)  # first order


def test_planted_gradients_against_closed_forms():
    n = len(Y)
    y_hat = model.sigmoid(X @ W + B)
    s = y_hat * (1 - y_hat)
    np.testing.assert_allclose(planted_gradient(X, Y, W, B, "none"), EXACT, rtol=1e-15)
    np.testing.assert_allclose(planted_gradient(X, Y, W, B, "sum"), n * EXACT, rtol=1e-14)
    np.testing.assert_allclose(planted_gradient(X, Y, W, B, "sign"), -EXACT, rtol=1e-15)
    r = y_hat - Y
    np.testing.assert_allclose(
        planted_gradient(X, Y, W, B, "sigma_prime"), np.append(X.T @ (r * s), np.sum(r * s)) / n, rtol=1e-14
    )
    np.testing.assert_allclose(planted_gradient(X, Y, W, B, "db_missing"), np.append(EXACT[:-1], 0.0), rtol=1e-15)


def test_the_check_is_the_gradcheck_relative_error():
    J = lambda t: model.loss(X, Y, t[:-1], t[-1])  # noqa: E731
    for bug in BUGS:
        for h in (1e-3, 1e-6):
            g = planted_gradient(X, Y, W, B, bug)
            assert check_errors(bug, "central", [h])[0] == relative_error(g, numerical_gradient(J, THETA0, h))
            assert check_errors(bug, "forward", [h])[0] == pytest.approx(
                relative_error(g, forward_gradient(J, THETA0, h)), rel=1e-12
            )


def test_without_a_penalty_a_flipped_sign_gives_2_and_a_sum_over_4_samples_gives_3_over_4():
    assert check_errors("sign", "central", [1e-6])[0] == pytest.approx(2.0, abs=1e-9)
    assert check_errors("sum", "central", [1e-6])[0] == pytest.approx(0.75, abs=1e-9)


def test_the_point_every_bug_fails_everywhere_a_correct_gradient_passes_only_at_the_bottom():
    for method in ("central", "forward"):
        correct = check_errors("none", method, H_GRID)
        lo, hi = passing_band(H_GRID, correct)
        inside = (H_GRID >= lo) & (H_GRID <= hi)
        assert np.all((correct < THRESHOLD) == inside)  # the shaded band is exactly where it passes
        assert correct[0] > THRESHOLD and correct[-1] > THRESHOLD  # both ends of the V: false alarms
        assert H_GRID[0] < lo < hi < H_GRID[-1]
        for bug in BUGS:
            if bug != "none":
                assert check_errors(bug, method, H_GRID).min() > 0.3  # far above the threshold and the V's bottom
    central, forward = (passing_band(H_GRID, check_errors("none", m, H_GRID)) for m in ("central", "forward"))
    assert np.log10(central[1] / central[0]) > np.log10(forward[1] / forward[0]) + 2  # central's bottom is wider


def test_passing_band():
    hs = np.array([1e-3, 1e-2, 1e-1, 1.0])
    np.testing.assert_array_equal(passing_band(hs, [1.0, 1e-7, 1e-8, 1.0]), [1e-2, 1e-1])
    assert np.all(np.isnan(passing_band(hs, np.ones(4))))


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: planted_gradient(X, Y, W, B, "typo"), "bug: expected one of"),
        (lambda: check_errors("typo", "central", [1e-6]), "bug: expected one of"),
        (lambda: check_errors("none", "backward", [1e-6]), "method: expected one of"),
        (lambda: check_errors("none", "central", [0.0]), "hs: every step must be positive"),
        (lambda: check_errors("none", "central", []), "hs must be a non-empty 1-D array"),
        (lambda: forward_gradient(lambda t: 0.0, [1.0], -1.0), "h must be > 0"),
        (lambda: forward_gradient(lambda t: 0.0, [[1.0]], 1e-3), "theta must be a non-empty 1-D array"),
        (lambda: forward_gradient(lambda t: 0.0, [np.nan], 1e-3), "theta must be finite"),
        (lambda: passing_band([1.0, 2.0], [1.0]), "hs and errors must be 1-D of the same shape"),
    ],
)
def test_bad_input_is_named(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_a_function_that_is_not_callable_is_a_type_error():
    with pytest.raises(TypeError, match="f must be callable"):
        forward_gradient(3.0, [1.0], 1e-3)


def test_the_band_holds_from_1e_9_to_its_truncation_set_upper_end():
    """The notebook's printed band: robust facts only (the lower end, set by rounding noise, is ragged)."""
    for method, upper in (("central", 10**-3.5), ("forward", 10**-6.5)):
        correct = check_errors("none", method, H_GRID)
        hi = passing_band(H_GRID, correct)[1]
        assert hi == pytest.approx(upper, rel=1e-9)
        assert np.all(correct[(H_GRID >= 1e-9) & (H_GRID <= hi)] < THRESHOLD / 1.2)
        assert correct[0] > 10 * THRESHOLD
