"""Tests of lessons.optimize.gradient_descent."""

import warnings

import numpy as np
import pytest

from lessons import model
from lessons.data import source_example
from lessons.optimize import gradient_descent


def test_each_step_is_the_update_rule():
    X, y, w, b, lam = source_example()
    t = gradient_descent(X, y, w, b, lam, learning_rate=0.05, steps=20)
    assert t.path.shape == (21, 3) and t.losses.shape == (21,) and t.diverged_at is None
    for k in range(20):
        dw, db = model.gradient(X, y, t.path[k, :2], t.path[k, 2], lam)
        np.testing.assert_allclose(t.path[k + 1], t.path[k] - 0.05 * np.append(dw, db), rtol=1e-15, atol=1e-15)
        assert t.losses[k] == model.loss(X, y, t.path[k, :2], t.path[k, 2], lam)


def test_small_rate_decreases_the_loss_monotonically():
    X, y, w, b, lam = source_example()
    t = gradient_descent(X, y, w, b, lam, learning_rate=0.01, steps=200)
    assert np.all(np.diff(t.losses) <= 1e-15)


def test_huge_rate_stops_cleanly_with_diverged_at():
    X, y, _, _, _ = source_example()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = gradient_descent(X * 1e150, y, [0.0, 0.0], 0.0, lam=1.0, learning_rate=1e150, steps=50)
    assert t.diverged_at is not None
    assert np.isfinite(t.path).all() and np.isfinite(t.losses).all()
    assert len(t.path) == len(t.losses) == t.diverged_at


@pytest.mark.parametrize(
    "kw,exc,msg",
    [
        (dict(learning_rate=0.0), ValueError, "learning_rate must be > 0"),
        (dict(learning_rate=-1.0), ValueError, "learning_rate must be > 0"),
        (dict(steps=0), ValueError, "steps must be >= 1"),
        (dict(steps=1.5), TypeError, "steps must be an integer"),
        (dict(lam=-1.0), ValueError, "lam must be >= 0"),
        (dict(w0=[0.0]), ValueError, "w0 must have length d"),
        (dict(b0=np.nan), ValueError, "b0 must be finite"),
        (dict(y=[0, 1, 2, 1]), ValueError, "y must contain only 0 and 1"),
    ],
)
def test_bad_settings(kw, exc, msg):
    X, y, w, b, lam = source_example()
    args = dict(X=X, y=y, w0=w, b0=b, lam=lam, learning_rate=0.1, steps=5) | kw
    with pytest.raises(exc, match=msg):
        gradient_descent(**args)


def test_it_is_the_engines_gradient_descent_and_never_warns():
    """gradient_descent is minimize(method="gd") with tol=None: exactly `steps` updates, no convergence
    test, no ConvergenceWarning, and the same FitResult (alias Trajectory) as fit(..., "gd", tol=None)."""
    from lessons.optimize import FitResult, Trajectory, fit

    X, y, w, b, lam = source_example()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = gradient_descent(X, y, w, b, lam, learning_rate=0.05, steps=25)
        r = fit(X, y, lam, "gd", w0=w, b0=b, learning_rate=0.05, steps=25, tol=None)
    assert Trajectory is FitResult and isinstance(t, FitResult)
    assert t.n_iter == 25 and not t.converged and t.diverged_at is None and t.method == "gd"
    for field in ("path", "losses", "grad_norms"):
        np.testing.assert_array_equal(getattr(t, field), getattr(r, field))


def test_without_a_bias_b_stays_and_the_gradient_norm_is_over_w():
    X, y, w, _, lam = source_example()
    t = gradient_descent(X, y, w, 0.3, lam, learning_rate=0.05, steps=10, fit_bias=False)
    assert t.path.shape == (11, 3) and np.all(t.path[:, -1] == 0.3) and t.b == 0.3
    for k in range(10):
        dw, _ = model.gradient(X, y, t.path[k, :2], 0.3, lam)
        np.testing.assert_array_equal(t.path[k + 1, :2], t.path[k, :2] - 0.05 * dw)
        assert t.grad_norms[k] == pytest.approx(np.sqrt(dw @ dw), rel=1e-15)
