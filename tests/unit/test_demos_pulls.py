"""lessons.demos.pulls: the mathematics of notebook 04's widget, against lessons.model, finite differences, SciPy
and closed forms; and its one blitted move."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize

from lessons import model
from lessons.demos.pulls import (
    B0,
    K_MAX,
    W0,
    PullsDemo,
    X,
    Y,
    boundary,
    descend,
    distance_from_origin,
    pulls,
)
from lessons.gradcheck import numerical_gradient, relative_error

finite = st.floats(-3, 3, allow_nan=False)


def penalised_loss(theta, lam, penalise_bias):
    w, b = theta[:-1], theta[-1]
    return model.loss(X, Y, w, b, lam) + (lam / 2 * b**2 if penalise_bias else 0.0)


@settings(max_examples=40, deadline=None)
@given(w1=finite, w2=finite, b=finite, lam=st.floats(0, 2), penalise_bias=st.booleans())
def test_the_terms_add_up_to_the_gradient(w1, w2, b, lam, penalise_bias):
    w = np.array([w1, w2])
    samples, penalty = pulls(X, Y, w, b, lam, penalise_bias)
    dw, db = model.gradient(X, Y, w, b, lam)
    total = samples.sum(axis=0) + penalty
    np.testing.assert_allclose(total[:2], dw, rtol=1e-12, atol=1e-15)
    assert total[2] == pytest.approx(db + (lam * b if penalise_bias else 0.0), rel=1e-12, abs=1e-15)
    fd = numerical_gradient(lambda t: penalised_loss(t, lam, penalise_bias), np.append(w, b))
    assert relative_error(total, fd) < 1e-6


def test_each_sample_term_is_its_residual_times_its_features():
    samples, penalty = pulls(X, Y, W0, B0, 0.5, True)
    residual = model.sigmoid(X @ W0 + B0) - Y
    np.testing.assert_allclose(samples[:, :2], residual[:, None] * X / len(Y), rtol=1e-14)
    np.testing.assert_allclose(samples[:, 2], residual / len(Y), rtol=1e-14)
    np.testing.assert_array_equal(penalty, [0.5 * W0[0], 0.5 * W0[1], 0.5 * B0])


def test_one_step_is_the_notebook_step():
    theta = descend(X, Y, W0, B0, 0.0, False, 1)
    dw, db = model.gradient(X, Y, W0, B0)
    np.testing.assert_array_equal(theta[0], [*W0, B0])
    np.testing.assert_allclose(theta[1], [*(W0 - dw), B0 - db], rtol=1e-15)
    assert descend(X, Y, W0, B0, 0.3, True, 0).shape == (1, 3)


@pytest.mark.parametrize("penalise_bias", [False, True])
@pytest.mark.parametrize("lam", [0.3, 1.0])
def test_a_hundred_steps_reach_the_minimiser(lam, penalise_bias):
    theta = descend(X, Y, W0, B0, lam, penalise_bias, K_MAX)[-1]

    def f(t):
        samples, penalty = pulls(X, Y, t[:-1], t[-1], lam, penalise_bias)
        return penalised_loss(t, lam, penalise_bias), samples.sum(axis=0) + penalty

    best = minimize(f, np.zeros(3), jac=True, method="BFGS", options={"gtol": 1e-12}).x
    np.testing.assert_allclose(theta, best, atol=1e-6)


def test_penalising_the_bias_pulls_the_boundary_to_the_origin():
    """At the minimiser: with b free, the samples' terms on b cancel (mean ŷ = share of 1s) and λ leaves the
    boundary about where it was; with b penalised, λb balances them and the boundary nears the origin."""
    free = descend(X, Y, W0, B0, 1.0, False, K_MAX)[-1]
    held = descend(X, Y, W0, B0, 1.0, True, K_MAX)[-1]
    assert model.sigmoid(X @ free[:2] + free[2]).mean() == pytest.approx(Y.mean(), abs=1e-9)
    samples, penalty = pulls(X, Y, held[:2], held[2], 1.0, True)
    assert samples[:, 2].sum() == pytest.approx(-penalty[2], abs=1e-9) and abs(penalty[2]) > 0.05
    assert distance_from_origin(held[:2], held[2]) < 0.2 < 0.8 < distance_from_origin(free[:2], free[2])


def test_without_a_penalty_the_separable_samples_have_no_minimiser():
    """At λ = 0 a line separates the six samples: gradient descent keeps every sample on its side while ‖w‖ grows
    and the gradient shrinks without reaching 0 (the notebook's "the loop stays open")."""
    theta = descend(X, Y, W0, B0, 0.0, False, 1000)
    norms = np.linalg.norm(theta[[100, 1000], :2], axis=1)
    assert np.all((X @ theta[100, :2] + theta[100, 2] > 0) == (Y == 1))
    assert norms[1] > 1.5 * norms[0]
    samples, penalty = pulls(X, Y, theta[100, :2], theta[100, 2], 0.0, False)
    assert np.linalg.norm(samples.sum(axis=0) + penalty) > 1e-3


@settings(max_examples=40, deadline=None)
@given(w1=finite, w2=finite, b=finite)
def test_the_boundary_points_are_on_the_line_and_centred_on_its_nearest_point(w1, w2, b):
    w = np.array([w1, w2])
    ends = boundary(w, b)
    if np.hypot(w1, w2) < 1e-3:  # (a boundary far out, or none: all NaN for w = 0)
        assert np.all(np.isnan(ends)) == (w1 == w2 == 0)
        return
    np.testing.assert_allclose(ends @ w + b, 0, atol=1e-9 * (1 + abs(b)) * (1 + np.linalg.norm(w)))
    middle = ends.mean(axis=0)
    assert np.linalg.norm(middle) == pytest.approx(distance_from_origin(w, b), rel=1e-9, abs=1e-12)
    assert np.linalg.norm(ends[1] - ends[0]) == pytest.approx(40.0)


def test_distance_from_origin_closed_forms():
    assert distance_from_origin([3.0, 4.0], -10.0) == 2.0
    assert distance_from_origin([0.0, 2.0], 1.0) == 0.5  # the line x₂ = −1/2
    assert distance_from_origin([0.0, 0.0], 0.0) == 0.0 and distance_from_origin([0.0, 0.0], 1.0) == np.inf


@pytest.mark.parametrize(
    ("call", "error", "name"),
    [
        (lambda: pulls(X, Y, W0, B0, -0.1, False), ValueError, "lam"),
        (lambda: pulls(X, Y, W0, B0, 0.1, "yes"), TypeError, "penalise_bias"),
        (lambda: pulls(X, Y, [1.0], B0, 0.1, False), ValueError, "w"),
        (lambda: pulls(X, Y[:3], W0, B0, 0.1, False), ValueError, "y"),
        (lambda: pulls(X, Y, W0, np.nan, 0.1, False), ValueError, "b"),
        (lambda: descend(X, Y, W0, B0, 0.1, False, -1), ValueError, "steps"),
        (lambda: descend(X, Y, W0, B0, 0.1, False, 2.0), TypeError, "steps"),
        (lambda: descend(X, Y, W0, B0, 0.1, False, 2, eta=0.0), ValueError, "eta"),
        (lambda: boundary([1.0, 2.0, 3.0], 0.0), ValueError, "w"),
        (lambda: distance_from_origin([[1.0, 2.0]], 0.0), ValueError, "w"),
    ],
)
def test_bad_input_is_named(call, error, name):
    with pytest.raises(error, match=rf"^{name}\b"):
        call()


def test_moves_of_k_that_keep_the_limits_are_blitted_and_match_a_full_redraw():
    demo = PullsDemo(interactive=False)
    demo.figure.canvas.draw()
    blitted_moves = 0
    for k in (99, 60, 30, 29, 5, 4):
        limits_before = demo.drawn()["limits"]
        demo.set(k=k)
        blitted = np.asarray(demo.figure.canvas.buffer_rgba()).copy()
        blitted_moves += np.array_equal(demo.drawn()["limits"], limits_before)
        demo.refresh()
        np.testing.assert_array_equal(blitted, np.asarray(demo.figure.canvas.buffer_rgba()), err_msg=f"k = {k}")
    assert blitted_moves >= 3
