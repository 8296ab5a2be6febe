"""Tests of lessons.optimize.fit and its engine, minimize (the five optimisers)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression

import lessons
from lessons import descent, model
from lessons.data import breast_cancer, overlapping_2d, source_example
from lessons.exceptions import ConvergenceWarning
from lessons.optimize import (
    METHODS,
    NEWTON_MAX_PARAMETERS,
    FitResult,
    binary_objective,
    check_options,
    default_learning_rate,
    fit,
    gradient_descent,
    minimize,
    smoothness_bound,
)


@pytest.fixture(scope="module")
def cancer():
    X, _, y, _, _ = breast_cancer()
    return X, y


def classification(seed: int, n: int = 200, d: int = 5):
    X, y = make_classification(n_samples=n, n_features=d, n_informative=3, n_redundant=1, random_state=seed)
    return (X - X.mean(0)) / X.std(0), y.astype(float)


def sklearn_fit(X, y, C, solver="lbfgs"):
    clf = LogisticRegression(C=C, solver=solver, tol=1e-12, max_iter=100_000).fit(X, y)
    return clf.coef_[0], float(clf.intercept_[0])


# ---------------------------------------------------------------- Newton agrees with scikit-learn


@pytest.mark.parametrize(
    "C,solver",
    # lbfgs (scikit-learn's default) is compared where the problem is well conditioned; at C = 100 on the
    # cancer data it stops with a gradient of 6e-9 but coefficients 4e-5 away from the optimum, so there
    # the reference is scikit-learn's own Newton solver
    [(0.01, "lbfgs"), (1.0, "lbfgs"), (0.01, "newton-cholesky"), (1.0, "newton-cholesky"), (100.0, "newton-cholesky")],
)
@pytest.mark.parametrize("data", ["cancer", "classification0", "classification1", "overlapping2d"])
def test_newton_matches_sklearn_under_lam_equals_one_over_nC(data, C, solver, cancer):
    """scikit-learn minimises C Σ ℓ_i + ½‖w‖²; ours (1/n) Σ ℓ_i + (λ/2)‖w‖²: the same minimiser when λ = 1/(nC)."""
    if data == "cancer":
        X, y = cancer
    elif data == "overlapping2d":
        X, y = overlapping_2d()
    else:
        X, y = classification(int(data[-1]))
    lam = 1.0 / (len(y) * C)
    r = fit(X, y, lam, "newton", tol=1e-10)
    assert r.converged and not r.diverged
    w_sk, b_sk = sklearn_fit(X, y, C, solver)
    np.testing.assert_allclose(r.w, w_sk, rtol=0, atol=1e-5)
    assert abs(r.b - b_sk) < 1e-5


def test_newton_converges_quadratically(cancer):
    X, y = cancer
    r = fit(X, y, 1e-3, "newton", tol=1e-13)
    g = r.grad_norms
    assert r.converged and r.n_iter <= 15
    # once close, the gradient norm is (at most a constant times) the square of the previous one
    close = np.nonzero(g < 1e-2)[0]
    tail = [(g[k + 1], g[k]) for k in close[:-1] if g[k + 1] > 1e-14]
    assert tail and all(nxt <= 100 * prev**2 for nxt, prev in tail)


# ---------------------------------------------------------------- each method is its update rule


def test_gd_is_gradient_descent():
    X, y, w, b, lam = source_example()
    r = fit(X, y, lam, "gd", w0=w, b0=b, learning_rate=0.05, steps=30, tol=None)
    t = gradient_descent(X, y, w, b, lam, learning_rate=0.05, steps=30)
    np.testing.assert_array_equal(r.path, t.path)
    np.testing.assert_array_equal(r.losses, t.losses)


def test_sgd_with_full_batch_is_gd():
    X, y = overlapping_2d()
    a = fit(X, y, 0.01, "gd", learning_rate=0.5, steps=40, tol=None)
    s = fit(X, y, 0.01, "sgd", learning_rate=0.5, steps=40, tol=None, batch_size=len(y), seed=3)
    np.testing.assert_array_equal(a.path, s.path)


def test_momentum_zero_is_gd_and_momentum_accumulates():
    X, y = overlapping_2d()
    a = fit(X, y, 0.01, "gd", learning_rate=0.3, steps=20, tol=None)
    m0 = fit(X, y, 0.01, "momentum", learning_rate=0.3, steps=20, tol=None, momentum=0.0)
    np.testing.assert_allclose(m0.path, a.path, rtol=0, atol=1e-15)
    m = fit(X, y, 0.01, "momentum", learning_rate=0.3, steps=3, tol=None, momentum=0.9)
    g = [np.append(*model.gradient(X, y, p[:-1], p[-1], 0.01)) for p in m.path]
    v1 = g[0]
    v2 = 0.9 * v1 + g[1]
    np.testing.assert_allclose(m.path[1], m.path[0] - 0.3 * v1, atol=1e-15)
    np.testing.assert_allclose(m.path[2], m.path[1] - 0.3 * v2, atol=1e-15)


def test_adam_first_step_is_learning_rate_times_sign():
    """With bias correction, Adam's first step is eta * g / (|g| + eps): eta in every coordinate."""
    X, y = overlapping_2d()
    r = fit(X, y, 0.0, "adam", learning_rate=0.05, steps=1, tol=None)
    g = np.append(*model.gradient(X, y, r.path[0, :-1], r.path[0, -1]))
    np.testing.assert_allclose(r.path[0] - r.path[1], 0.05 * np.sign(g), rtol=1e-6)


class Recorder:
    """An objective that records which rows each mini-batch gradient used."""

    def __init__(self, X, y):
        self.X, self.y, self.n, self.batches = X, y, len(y), []

    def value_and_grad(self, theta, rows=None):
        if rows is not None:
            self.batches.append(np.array(rows))
        X, y = (self.X, self.y) if rows is None else (self.X[rows], self.y[rows])
        J, dw, db = model.loss_and_gradient(X, y, theta[:-1], theta[-1], 0.0)
        return J, np.append(dw, db)

    def hessian(self, theta):  # pragma: no cover - not used by sgd
        raise AssertionError


def test_sgd_visits_every_sample_once_per_epoch_and_is_seeded():
    X, y = overlapping_2d(n=60)
    rec = Recorder(X, y)
    opts = dict(steps=30, tol=None, learning_rate=0.1, batch_size=20, seed=7)
    minimize(rec, np.zeros(3), "sgd", opts)
    assert len(rec.batches) == 30 and all(len(b) == 20 for b in rec.batches)
    for epoch in range(10):
        rows = np.concatenate(rec.batches[3 * epoch : 3 * epoch + 3])
        assert sorted(rows.tolist()) == list(range(60))
    a = fit(X, y, 0.0, "sgd", **opts)
    b = fit(X, y, 0.0, "sgd", **opts)
    c = fit(X, y, 0.0, "sgd", **(opts | {"seed": 8}))
    np.testing.assert_array_equal(a.path, b.path)
    assert not np.array_equal(a.path, c.path)


# ---------------------------------------------------------------- all methods find the same minimum


@pytest.mark.parametrize("method", ["gd", "momentum", "adam", "newton"])
def test_every_deterministic_method_reaches_the_minimum(method):
    X, y = overlapping_2d()
    lam = 0.05
    ref = fit(X, y, lam, "newton", tol=1e-12)
    opts = {"adam": dict(learning_rate=0.05, steps=4000)}.get(method, {})
    r = fit(X, y, lam, method, tol=1e-7, **opts)
    gap = r.losses[-1] - ref.losses[-1]
    assert -1e-15 <= gap < 1e-10
    assert r.converged and r.grad_norms[-1] <= 1e-7


def test_sgd_hovers_above_the_minimum_at_a_floor_that_shrinks_with_the_rate():
    X, y = overlapping_2d()
    lam = 0.05
    J_star = fit(X, y, lam, "newton", tol=1e-12).losses[-1]
    eta = default_learning_rate(X, lam)
    floors = []
    for rate in (eta, eta / 10):
        r = fit(X, y, lam, "sgd", learning_rate=rate, batch_size=10, steps=6000, tol=None)
        floors.append(np.mean(r.losses[-1000:] - J_star))
    assert floors[0] > 1e-4  # the noise floor: constant-rate SGD does not converge
    assert floors[1] < floors[0] / 3  # ... and a smaller rate lowers it


@given(seed=st.integers(0, 10_000), lam=st.floats(1e-3, 1.0))
@settings(max_examples=25, deadline=None)
def test_newton_finds_a_stationary_point_with_ridge(seed, lam):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(30, 3)) * rng.uniform(0.1, 5, size=3)
    y = (rng.random(30) < 0.5).astype(float)
    y[:2] = [0, 1]
    r = fit(X, y, lam, "newton", tol=1e-9)
    assert r.converged
    dw, db = model.gradient(X, y, r.w, r.b, lam)
    assert np.sqrt(dw @ dw + db * db) <= 1e-9
    assert np.all(np.diff(r.losses) <= 1e-15)  # the line search never lets the loss go up


# ---------------------------------------------------------------- bookkeeping


@pytest.mark.parametrize("method", METHODS)
def test_result_shapes_and_flags(method):
    X, y = overlapping_2d()
    r = fit(X, y, 0.1, method, steps=7, tol=None)
    assert isinstance(r, FitResult) and r.method == method
    assert r.path.shape == (8, 3) and r.losses.shape == r.grad_norms.shape == r.times.shape == (8,)
    assert r.n_iter == 7 and not r.converged and not r.diverged
    assert np.all(np.diff(r.times) >= 0)
    for k in range(8):
        assert r.losses[k] == pytest.approx(model.loss(X, y, r.path[k, :2], r.path[k, 2], 0.1), rel=1e-14)
    np.testing.assert_array_equal(r.w, r.path[-1, :2])
    assert r.b == r.path[-1, 2]


def test_stops_at_the_tolerance():
    X, y = overlapping_2d()
    r = fit(X, y, 0.1, "gd", tol=1e-4, steps=10_000)
    assert r.converged and r.grad_norms[-1] <= 1e-4 < r.grad_norms[-2]


def test_default_learning_rate_decreases_the_loss_every_step(cancer):
    X, y = cancer
    eta = default_learning_rate(X, 0.0)
    r = fit(X, y, 0.0, "gd", steps=200, tol=None)
    assert np.all(np.diff(r.losses) < 0)
    assert eta == pytest.approx(
        1 / (np.linalg.eigvalsh(np.c_[X, np.ones(len(X))].T @ np.c_[X, np.ones(len(X))] / len(X))[-1] / 4)
    )


@pytest.mark.parametrize("method", ["gd", "momentum", "adam", "sgd"])
def test_divergence_is_reported_not_nan(method):
    X, y, _, _, _ = source_example()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = fit(
            X * 1e150, y, 1.0, method, learning_rate=1e200, steps=50, **({"batch_size": 2} if method == "sgd" else {})
        )
    assert r.diverged and not r.converged
    assert np.isfinite(r.path).all() and np.isfinite(r.losses).all() and np.isfinite(r.grad_norms).all()
    assert len(r.path) == r.diverged_at


# ---------------------------------------------------------------- bad options


@pytest.mark.parametrize(
    "method,kw,exc,msg",
    [
        ("gd", dict(learning_rate=0.0), ValueError, "learning_rate must be > 0, got 0.0"),
        ("adam", dict(learning_rate=-1e-3), ValueError, "learning_rate must be > 0"),
        ("gd", dict(learning_rate="fast"), TypeError, "learning_rate must be a real number"),
        ("gd", dict(steps=0), ValueError, "steps must be >= 1, got 0"),
        ("newton", dict(steps=2.5), TypeError, "steps must be an integer"),
        ("sgd", dict(batch_size=0), ValueError, "batch_size must be >= 1, got 0"),
        ("sgd", dict(batch_size=5), ValueError, r"batch_size must be <= n = 4 \(the number of samples\), got 5"),
        ("sgd", dict(seed=-1), TypeError, "seed must be a non-negative integer"),
        ("momentum", dict(momentum=1.0), ValueError, r"momentum must be in \[0, 1\), got 1.0"),
        ("adam", dict(beta2=1.5), ValueError, r"beta2 must be in \[0, 1\)"),
        ("adam", dict(eps=0.0), ValueError, "eps must be > 0"),
        ("gd", dict(tol=-1.0), ValueError, "tol must be >= 0"),
        ("gd", dict(batch_size=2), TypeError, r"method='gd' does not take option\(s\) batch_size"),
        ("newton", dict(learning_rate=0.1), TypeError, r"method='newton' does not take option\(s\) learning_rate"),
        (
            "bfgs",
            {},
            ValueError,
            "method must be one of 'auto', 'gd', 'sgd', 'momentum', 'adam', 'newton', 'lbfgs'; got 'bfgs'",
        ),
        ("lbfgs", dict(memory=0), ValueError, "memory must be >= 1, got 0"),
        ("lbfgs", dict(learning_rate=0.1), TypeError, r"method='lbfgs' does not take option\(s\) learning_rate"),
        ("auto", dict(learning_rate=0.1), TypeError, r"method='auto' \(here 'newton'\) does not take option\(s\)"),
        ("gd", dict(tol="tight"), TypeError, "tol must be a real number"),
        (None, {}, TypeError, "method must be a string"),
        ("gd", dict(lam=-0.1), ValueError, "lam must be >= 0"),
        ("gd", dict(w0=[1.0]), ValueError, "w0 must have length d"),
        ("gd", dict(b0=np.inf), ValueError, "b0 must be finite"),
        ("gd", dict(y=[0, 1, 1, 3]), ValueError, "y must contain only 0 and 1, got 3 at index 3"),
        ("gd", dict(X=np.ones(4)), ValueError, "X must be 2-D"),
    ],
)
def test_bad_options_are_named(method, kw, exc, msg):
    X, y, _, _, _ = source_example()
    args = dict(X=X, y=y) | kw
    with pytest.raises(exc, match=msg):
        fit(method=method, **args)


def test_newton_reaches_a_tight_tolerance_when_the_loss_can_no_longer_show_progress(cancer):
    """Warm-started along a regularisation path, Newton gets within rounding of the minimum where the
    decrease it predicts (~1e-19) is far below the rounding of J (~5e-17). The step must still be taken
    (the gradient shrinks), not halved away by a line search that cannot see the gain."""
    X, y = cancer
    w, b = np.zeros(X.shape[1]), 0.0
    for lam in np.logspace(1, -5, 31):
        r = fit(X, y, lam, "newton", w0=w, b0=b, tol=1e-10)
        assert r.converged, f"lam = {lam:.3g}: stalled at |grad| = {r.grad_norms[-1]:.2e}"
        w, b = r.w, r.b


# ---------------------------------------------------------------- the defaults finish the job


@pytest.mark.parametrize("C", [0.01, 0.1, 1.0, 10.0, 100.0])
def test_default_fit_is_newton_and_agrees_with_sklearn_newton_cholesky(C, cancer):
    """With default arguments fit runs Newton to ||grad J|| <= 1e-10 max(1, ||grad J_0||): the coefficients
    are those of scikit-learn's own Newton solver at tol = 1e-12 to 1e-6, under lam = 1 / (n C)."""
    X, y = cancer
    lam = 1.0 / (len(y) * C)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # and no ConvergenceWarning
        r = fit(X, y, lam)
    assert r.method == "newton" and r.converged and not r.diverged
    assert r.grad_norms[-1] <= 1e-10 * max(1.0, r.grad_norms[0])
    w_sk, b_sk = sklearn_fit(X, y, C, "newton-cholesky")
    np.testing.assert_allclose(r.w, w_sk, rtol=0, atol=1e-6)
    assert abs(r.b - b_sk) < 1e-6


def test_newton_no_longer_stops_at_the_first_step_under_a_loose_tolerance():
    """On the whole standardised breast-cancer set at C = 10 the old default tol = 1e-6 stopped with
    ||grad J|| = 7.6e-7 and coefficients 2.5e-4 from the optimum. The default now stops only once the
    gradient is 1e-10 of where it started."""
    from sklearn.datasets import load_breast_cancer

    X, y = load_breast_cancer(return_X_y=True)
    X, y = (X - X.mean(axis=0)) / X.std(axis=0), y.astype(float)
    lam = 1.0 / (len(y) * 10.0)
    loose = fit(X, y, lam, "newton", tol=1e-6)
    r = fit(X, y, lam)
    exact = fit(X, y, lam, "newton", tol=1e-14)
    tol = 1e-10 * max(1.0, r.grad_norms[0])
    assert r.grad_norms[-1] <= tol < r.grad_norms[-2]  # it stops at the first step under the tolerance
    assert r.n_iter > loose.n_iter and loose.grad_norms[-1] == pytest.approx(7.6e-7, rel=0.01)
    assert np.abs(loose.path[-1] - exact.path[-1]).max() == pytest.approx(2.5e-4, rel=0.02)  # what it left
    assert np.abs(r.path[-1] - exact.path[-1]).max() < 1e-9


class NoisyQuadratic:
    """J = |theta - 1|^2 / 2 with a gradient whose last digits are noise of size 1e-7, deterministic in
    theta: below that the gradient cannot be trusted, and Newton can make no further progress."""

    n = 1

    def value_and_grad(self, theta, rows=None):
        e = theta - 1.0
        return 0.5 * float(e @ e), e + 1e-7 * np.sin(1e9 * theta)

    def hessian(self, theta):
        return np.eye(len(theta))


def test_newton_stops_when_no_step_can_make_progress():
    method, opts = check_options("newton", {}, 1)  # the default tolerance: 1e-10 relative, or no progress
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = minimize(NoisyQuadratic(), np.full(3, 5.0), method, opts)
    assert r.converged and r.n_iter < opts["steps"] and "no further progress" in r.message
    assert r.grad_norms[-1] > 1e-10 * r.grad_norms[0]  # the gradient test alone could never have stopped it
    assert np.abs(r.theta - 1.0).max() < 1e-6
    with pytest.warns(ConvergenceWarning, match="newton did not converge: 50 steps taken"):
        minimize(NoisyQuadratic(), np.full(3, 5.0), *check_options("newton", {"tol": 1e-10}, 1))  # explicit: no


def test_lbfgs_reaches_newtons_optimum(cancer):
    X, y = cancer
    lam = 1.0 / (len(y) * 1.0)
    ref = fit(X, y, lam, "newton", tol=1e-13)
    r = fit(X, y, lam, "lbfgs")
    assert r.method == "lbfgs" and r.converged and r.grad_norms[-1] <= 1e-5 * max(1.0, r.grad_norms[0])
    assert r.losses[-1] - ref.losses[-1] < 1e-8  # the objective, to its tolerance (the coefficients to 1e-3)
    np.testing.assert_allclose(r.w, ref.w, atol=1e-3)
    for k in (0, 1, r.n_iter // 2, r.n_iter):  # each recorded row is the loss and gradient at that iterate
        w, b = r.path[k, :-1], r.path[k, -1]
        assert r.losses[k] == pytest.approx(model.loss(X, y, w, b, lam), rel=1e-14)
        assert r.grad_norms[k] == pytest.approx(np.linalg.norm(np.append(*model.gradient(X, y, w, b, lam))), rel=1e-12)
    tight = fit(X, y, lam, "lbfgs", tol=1e-8)  # an explicit tolerance is absolute
    assert tight.converged and tight.grad_norms[-1] <= 1e-8


def test_auto_is_newton_up_to_the_limit_and_lbfgs_above():
    rng = np.random.default_rng(0)
    for d, expected in ((NEWTON_MAX_PARAMETERS - 1, "newton"), (NEWTON_MAX_PARAMETERS, "lbfgs")):
        X = rng.normal(size=(300, d)) / np.sqrt(d)
        y = (X @ rng.normal(size=d) + rng.normal(size=300) > 0).astype(float)
        r = fit(X, y, 0.05)
        assert r.method == expected and r.converged
        dw, db = model.gradient(X, y, r.w, r.b, 0.05)
        assert np.sqrt(dw @ dw + db * db) <= (1e-10 if expected == "newton" else 1e-5) * max(1, r.grad_norms[0])


# ---------------------------------------------------------------- running out of steps warns


def test_running_out_of_steps_warns_with_the_method_steps_and_gradient(cancer):
    X, y = cancer
    assert issubclass(ConvergenceWarning, UserWarning) and lessons.ConvergenceWarning is ConvergenceWarning
    for method, steps in (("gd", 5), ("newton", 2), ("lbfgs", 3), ("momentum", 4), ("adam", 4), ("sgd", 4)):
        with pytest.warns(ConvergenceWarning, match=rf"{method} did not converge: {steps} steps taken") as record:
            r = fit(X, y, 0.01, method, steps=steps)
        assert not r.converged and r.n_iter == steps
        message = str(record[0].message)
        assert f"||grad J|| = {r.grad_norms[-1]:.3e}" in message and "tol=None" in message
        assert record[0].filename == __file__  # it points at the caller, not inside lessons
    with pytest.warns(ConvergenceWarning, match="gd did not converge"):  # tol = 0: stop only at an exact zero
        fit(X, y, 0.01, "gd", steps=3, tol=0.0)


def test_fixed_length_runs_do_not_warn(cancer):
    X, y = cancer
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for method in METHODS:
            r = fit(X, y, 0.01, method, steps=3, tol=None)
            assert r.n_iter == 3 and not r.converged
        gradient_descent(X, y, np.zeros(X.shape[1]), 0.0, 0.01, learning_rate=0.1, steps=3)
        fit(X, y, 0.01, "gd", steps=10_000, tol=1e-3)  # converges: no warning either


# ---------------------------------------------------------------- one engine, one curvature bound


def test_gradient_descent_is_minimize_gd_bit_for_bit():
    X, y, w, b, lam = source_example()
    t = gradient_descent(X, y, w, b, lam, learning_rate=0.05, steps=30)
    _, opts = check_options("gd", {"learning_rate": 0.05, "steps": 30, "tol": None}, len(y))
    r = minimize(binary_objective(X, y, lam), np.append(w, b), "gd", opts)
    assert isinstance(t, FitResult) and t.method == "gd" and not t.converged
    for field in ("path", "losses", "grad_norms"):
        np.testing.assert_array_equal(getattr(t, field), getattr(r, field))
    # a fixed bias: the weights move, the path's last column stays at b0
    t0 = gradient_descent(X, y, w, 0.7, lam, learning_rate=0.05, steps=30, fit_bias=False)
    r0 = minimize(binary_objective(X, y, lam, fixed_bias=0.7), np.array(w), "gd", opts)
    np.testing.assert_array_equal(t0.path[:, :-1], r0.path)
    assert np.all(t0.path[:, -1] == 0.7) and t0.b == 0.7
    np.testing.assert_array_equal(t0.grad_norms, r0.grad_norms)


def test_default_learning_rate_is_one_over_the_shared_curvature_bound(cancer):
    X, y = cancer
    A = np.c_[X, np.ones(len(X))]
    mask = np.r_[np.ones(X.shape[1]), 0.0]
    for lam in (0.0, 0.01, 1.0):
        L = smoothness_bound(A, lam, mask)
        assert default_learning_rate(X, lam) == 1 / L
        assert L == pytest.approx(np.linalg.eigvalsh(A.T @ A / (4 * len(X)) + lam * np.diag(mask))[-1], rel=1e-14)
        # the training split is centred, so the bias direction is orthogonal to the others: L = λmax/4 + lam
        assert L == pytest.approx(np.linalg.eigvalsh(A.T @ A / len(X))[-1] / 4 + lam, rel=1e-13)
        assert default_learning_rate(X, lam, curvature=0.5) == 1 / smoothness_bound(A, lam, mask, curvature=0.5)
    p = descent.PROBLEMS["overlapping"]  # the explorer's L is the same function of the same design
    assert descent.smoothness(p, 0.3) == pytest.approx(1 / default_learning_rate(p.X, 0.3), rel=1e-15)
