"""lessons.descent: the explorer's mathematics, tested without a display."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons import descent, model
from lessons.surface import loss_at

KEYS = sorted(descent.PROBLEMS)


@pytest.mark.parametrize("key", KEYS)
def test_trajectory_is_the_update_rule(key):
    p = descent.PROBLEMS[key]
    run = descent.descend(p, 0.05, 0.5 * 2 / descent.smoothness(p, 0.05), 30, p.start)
    assert run.overflow_at is None and run.steps == 30
    for k in range(30):
        w, b = p.split(run.path[k])
        dw, db = model.gradient(p.X, p.y, w, b, 0.05)
        g = np.append(dw, db) if p.fit_bias else dw
        np.testing.assert_allclose(run.grads[k], g, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(run.path[k + 1], run.path[k] - run.learning_rate * g, rtol=1e-13, atol=1e-15)
        assert run.losses[k] == pytest.approx(model.loss(p.X, p.y, w, b, 0.05), rel=1e-13)


@pytest.mark.parametrize("key", KEYS)
def test_contributions_add_up_to_the_gradient(key):
    p = descent.PROBLEMS[key]
    run = descent.descend(p, 0.3, 0.1, 10, p.start)
    np.testing.assert_allclose(run.contributions.sum(axis=1) + run.penalty, run.grads, rtol=1e-13, atol=1e-15)
    assert run.contributions.shape == (11, len(p.y), 2)


@pytest.mark.parametrize("key", KEYS)
def test_smoothness_bounds_the_hessian(key):
    p = descent.PROBLEMS[key]
    rng = np.random.default_rng(0)
    L = descent.smoothness(p, 0.2)
    for theta in rng.normal(size=(50, 2)) * 3:
        w, b = p.split(theta)
        H = model.hessian(p.X, p.y, w, b, 0.2)
        H2 = H[np.ix_([0, -1], [0, -1])] if p.fit_bias else H[:2, :2]
        assert np.linalg.eigvalsh(H2).max() <= L * (1 + 1e-12)


@pytest.mark.parametrize("key", KEYS)
def test_below_the_bound_the_loss_never_rises(key):
    p = descent.PROBLEMS[key]
    run = descent.descend(p, 0.0, 0.99 * 2 / descent.smoothness(p, 0.0), 200, p.start)
    assert run.overflow_at is None
    assert np.all(np.diff(run.losses) <= 1e-12)
    assert descent.behaviour(run).kind == "falls"


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(KEYS),
    st.floats(1e-3, 1e3),
    st.floats(0.0, 1.0),
    st.integers(1, 300),
    st.floats(-1e3, 1e3),
    st.floats(-1e3, 1e3),
)
def test_every_setting_is_finite_and_warning_free(key, eta, lam, steps, s0, s1):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = descent.descend(descent.PROBLEMS[key], lam, eta, steps, (s0, s1))
    for arr in (run.path, run.losses, run.grads, run.contributions):
        assert np.isfinite(arr).all()
    if lam == 0:  # the data part of the gradient is bounded: without a penalty nothing can overflow
        assert run.overflow_at is None
    if run.overflow_at is None:
        assert run.steps == steps


def test_far_too_large_rate_runs_its_full_length_and_says_what_happened():
    p = descent.PROBLEMS["overlapping"]
    run = descent.descend(p, 0.0, 50 * 2 / descent.smoothness(p, 0.0), 100, p.start)
    assert run.overflow_at is None and run.steps == 100
    said = descent.behaviour(run)
    assert said.kind == "oscillates" and "does not settle" in said.text
    assert run.losses[-1] > 2 * descent.optimum("overlapping", 0.0)


def test_a_penalty_with_a_huge_rate_overflows_and_says_so():
    p = descent.PROBLEMS["overlapping"]
    run = descent.descend(p, 0.5, 100 * 2 / descent.smoothness(p, 0.5), 100, p.start)  # w *= 1 - eta * lam
    assert run.overflow_at is not None and np.isfinite(run.path).all()
    assert descent.behaviour(run).kind == "overflow" and str(run.overflow_at) in descent.behaviour(run).text


def test_large_steps_on_separable_data_recover():
    """The source's 4 points at 64 x the safe rate: the loss spikes, recovers, and ends below 1e-3."""
    run = descent.descend(descent.get_problem("source"), lam=0.0, learning_rate=10.0, steps=20000, start=(0.1, 0.2))
    assert run.steps == 20000 and run.overflow_at is None
    assert run.losses[-1] < 1e-3
    said = descent.behaviour(run)
    assert said.kind == "recovers" and run.losses.max() > 10 * run.losses[0]


def _bounds_by_hand(X, y, lam, fit_bias=True):
    """An independent computation: scipy's minimiser and an explicit Hessian."""
    from scipy.optimize import minimize
    from scipy.special import expit

    A = np.column_stack([X, np.ones(len(y))]) if fit_bias else X
    n, m = A.shape
    D = np.diag([1.0] * (m - 1) + [0.0 if fit_bias else 1.0])
    L = np.linalg.eigvalsh(A.T @ A / (4 * n) + lam * D).max()

    def f(t):
        z = A @ t
        return np.mean(np.logaddexp(0, z) - y * z) + lam / 2 * t @ D @ t

    def g(t):
        return A.T @ (expit(A @ t) - y) / n + lam * D @ t

    t = minimize(f, np.zeros(m), jac=g, method="BFGS", options={"gtol": 1e-12, "maxiter": 10_000}).x
    s = expit(A @ t)
    H = A.T @ (A * (s * (1 - s))[:, None]) / n + lam * D
    return 2 / L, 2 / np.linalg.eigvalsh(H).max()


@pytest.mark.parametrize("d", [1, 2, 5])
@pytest.mark.parametrize("lam", [0.0, 0.3])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_learning_rate_bounds_agree_with_an_independent_computation(d, lam, seed):
    rng = np.random.default_rng(seed)
    n = 200
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3, d)
    y = (rng.random(n) < 1 / (1 + np.exp(-(X @ rng.normal(size=d) + 0.3)))).astype(float)  # overlapping classes
    safe, edge = descent.learning_rate_bounds(X, y, lam)
    safe_ref, edge_ref = _bounds_by_hand(X, y, lam)
    assert safe == pytest.approx(safe_ref, rel=1e-6)
    assert edge == pytest.approx(edge_ref, rel=1e-6)
    assert edge > safe  # the curvature at the minimiser is below the bound 1/4 everywhere


def test_learning_rate_bounds_on_separable_data():
    p = descent.PROBLEMS["separable"]
    assert descent.learning_rate_bounds(p.X, p.y, 0.0).edge is None
    assert descent.learning_rate_bounds(p.X, p.y, 0.1).edge > 0
    X, y = p.X, p.y
    assert descent.learning_rate_bounds(X, np.ones_like(y), 0.5).edge is None  # one class: the bias runs off
    with pytest.raises(ValueError, match="lam must be >= 0"):
        descent.learning_rate_bounds(X, y, -1.0)
    with pytest.raises(ValueError, match="y"):
        descent.learning_rate_bounds(X, y[:-1])


@pytest.mark.parametrize("key", descent.EXPLORER_PROBLEMS)
def test_the_edge_is_where_descent_near_the_minimiser_stops_converging(key):
    p = descent.PROBLEMS[key]
    lam = 0.0 if not p.separable else 0.1
    edge = descent.problem_bounds(p, lam).edge
    theta = descent.minimiser(key, lam)
    near = theta + 0.01
    for factor, converges in ((0.9, True), (1.1, False)):
        run = descent.descend(p, lam, factor * edge, 400, near)
        assert (np.linalg.norm(run.path[-1] - theta) < 1e-4) == converges, factor


def test_behaviour_names_what_happened():
    p = descent.PROBLEMS["overlapping"]
    calm = descent.descend(p, 0.0, 1.0, 30, p.start)
    assert descent.behaviour(calm).kind == "falls" and "30 steps" in descent.behaviour(calm).text
    edge = descent.problem_bounds(p, 0.0).edge
    theta = descent.minimiser("overlapping", 0.0)
    zig = descent.descend(p, 0.0, 0.9 * edge, 60, theta + 0.01)
    assert descent.behaviour(zig).zigzag and "zig-zags" in descent.behaviour(zig).text


@pytest.mark.parametrize("key", KEYS)
def test_loss_grid_matches_the_model(key):
    p0, p1, J = descent.loss_grid(key, 0.1)
    p = descent.PROBLEMS[key]
    for i, j in [(0, 0), (37, 101), (149, 149)]:
        w, b = p.split([p0[j], p1[i]])
        assert J[i, j] == pytest.approx(model.loss(p.X, p.y, w, b, 0.1), rel=1e-13)
    assert descent.loss_grid(key, 0.1)[2] is J  # cached
    assert not J.flags.writeable


@pytest.mark.parametrize("key", KEYS)
def test_minimiser_is_where_the_gradient_vanishes(key):
    p = descent.PROBLEMS[key]
    m = descent.minimiser(key, 0.1)
    w, b = p.split(m)
    dw, db = model.gradient(p.X, p.y, w, b, 0.1)
    g = np.append(dw, db) if p.fit_bias else dw
    assert np.linalg.norm(g) < 1e-8
    if p.separable:
        assert descent.minimiser(key, 0.0) is None


@pytest.mark.parametrize("key", [k for k in KEYS if descent.PROBLEMS[k].separable])
def test_separable_problems_are_separable(key):
    """A separating parameter vector exists: the loss along it tends to 0."""
    p = descent.PROBLEMS[key]
    run = descent.descend(p, 0.0, 1 / descent.smoothness(p), 3000, p.start)
    w, b = p.split(run.path[-1])
    z = p.X @ w + b
    assert np.all((z > 0) == (p.y == 1))


@pytest.mark.parametrize("key", [k for k in KEYS if not descent.PROBLEMS[k].separable])
def test_other_problems_have_a_finite_minimiser(key):
    assert np.all(np.abs(descent.minimiser(key, 0.0)) < 20)


def test_bad_settings():
    p = descent.PROBLEMS["overlapping"]
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        descent.descend(p, 0.0, 0.0, 10, (0, 0))
    with pytest.raises(ValueError, match="steps must be >= 1"):
        descent.descend(p, 0.0, 0.1, 0, (0, 0))
    with pytest.raises(ValueError, match="lam must be >= 0"):
        descent.descend(p, -1.0, 0.1, 10, (0, 0))
    with pytest.raises(ValueError, match="problem must be one of"):
        descent.get_problem("nope")
    with pytest.raises(ValueError, match="problem must be one of"):
        descent.minimiser("nope", 0.0)


def test_loss_at_agrees_with_grid_layout():
    p = descent.PROBLEMS["source"]
    thetas = np.array([[0.1, 0.2, 0.0]])
    assert loss_at(p.X, p.y, thetas)[0] == pytest.approx(model.loss(p.X, p.y, [0.1, 0.2], 0.0))


# ---------------------------------------------------------------- other optimisers in the explorer


@pytest.mark.parametrize("key", ["overlapping", "overlapping2d"])
@pytest.mark.parametrize("method", ["sgd", "momentum", "adam", "newton"])
def test_every_method_starts_at_the_start_and_records_the_gradient(key, method):
    p = descent.PROBLEMS[key]
    run = descent.descend(p, 0.1, 1 / descent.smoothness(p, 0.1), 15, p.start, method)
    assert run.method == method and run.path.shape == (16, 2) and run.overflow_at is None
    np.testing.assert_array_equal(run.path[0], p.start)
    for k in (0, 7, 15):  # the recorded gradient is the model's, in the two displayed parameters
        w, b = p.split(run.path[k])
        dw, db = model.gradient(p.X, p.y, w, b, 0.1)
        np.testing.assert_allclose(run.grads[k], np.append(dw, db) if p.fit_bias else dw, rtol=1e-12, atol=1e-15)
        assert run.losses[k] == pytest.approx(model.loss(p.X, p.y, w, b, 0.1), rel=1e-13)


@pytest.mark.parametrize("key", ["overlapping", "overlapping2d"])
def test_newton_in_the_explorer_is_the_newton_step(key):
    p = descent.PROBLEMS[key]
    run = descent.descend(p, 0.1, 1.0, 10, p.start, "newton")
    w, b = p.split(run.path[0])
    H = model.hessian(p.X, p.y, w, b, 0.1)
    H = H if p.fit_bias else H[:2, :2]
    full = run.path[0] - np.linalg.solve(H, run.grads[0])
    halved = [run.path[0] + (full - run.path[0]) / 2**j for j in range(12)]
    assert any(np.allclose(run.path[1], h, rtol=0, atol=1e-12) for h in halved)  # a (damped) Newton step
    assert np.linalg.norm(run.grads[-1]) < 1e-10


def test_race_runs_every_method_from_one_start():
    p = descent.PROBLEMS["overlapping"]
    runs = descent.race(p, 0.0, 0.5, 30, (-1.0, 2.0))
    assert list(runs) == ["gd", "sgd", "momentum", "adam", "newton"]
    for m, run in runs.items():
        assert run.method == m
        np.testing.assert_array_equal(run.path[0], (-1.0, 2.0))
    np.testing.assert_array_equal(runs["gd"].path, descent.descend(p, 0.0, 0.5, 30, (-1.0, 2.0)).path)


def test_unknown_method_is_named():
    p = descent.PROBLEMS["overlapping"]
    with pytest.raises(ValueError, match="method must be one of 'gd'.*got 'lbfgs'"):
        descent.descend(p, 0.0, 0.5, 10, p.start, "lbfgs")


# ---------------------------------------------------------------- one engine for the explorer's runs


def _old_gradient_descent_path(p, lam, eta, steps, start):
    """The explorer's gradient descent as it was written before the shared engine: w -= eta dw, b -= eta db."""
    w, b = p.split(start)
    w = np.array(w, dtype=float)
    path = [np.r_[w, b] if p.fit_bias else w.copy()]
    for _ in range(steps):
        _, dw, db = model.loss_and_gradient(p.X, p.y, w, b, lam)
        w = w - eta * dw
        if p.fit_bias:
            b = b - eta * db
        path.append(np.r_[w, b] if p.fit_bias else w.copy())
    return np.array(path)


@pytest.mark.parametrize("key", KEYS)
def test_gradient_descent_runs_are_unchanged_bit_for_bit(key):
    from lessons import optimize

    p = descent.PROBLEMS[key]
    for lam, factor in ((0.0, 0.9), (0.1, 0.5), (0.0, 30.0)):
        eta = factor * 2 / descent.smoothness(p, lam)
        run = descent.descend(p, lam, eta, 60, p.start)
        np.testing.assert_array_equal(run.path, _old_gradient_descent_path(p, lam, eta, 60, p.start))
        w0, b0 = p.split(p.start)
        t = optimize.gradient_descent(p.X, p.y, w0, b0, lam, eta, 60, fit_bias=p.fit_bias)
        np.testing.assert_array_equal(run.path, t.path[:, [0, -1]] if p.fit_bias else t.path[:, :2])
        np.testing.assert_array_equal(run.losses, t.losses)


@pytest.mark.parametrize("method", ["gd", "sgd", "momentum", "adam", "newton"])
def test_no_run_of_the_explorer_warns(method):
    """The explorer's runs have a fixed length (tol=None): no ConvergenceWarning, whatever they reach."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for key in KEYS:
            p = descent.PROBLEMS[key]
            if method == "sgd" and len(p.y) < descent.EXPLORER_OPTIONS["sgd"]["batch_size"]:
                continue
            run = descent.descend(p, 0.05, 1 / descent.smoothness(p, 0.05), 25, p.start, method)
            assert run.steps == 25 and run.overflow_at is None
        descent.race(descent.PROBLEMS["overlapping"], 0.0, 0.5, 10, (-1.0, 2.0))


@pytest.mark.parametrize("key", KEYS)
def test_smoothness_and_default_learning_rate_share_one_curvature_bound(key):
    from lessons import optimize

    p = descent.PROBLEMS[key]
    mask = np.array([1.0, 0.0]) if p.fit_bias else np.ones(2)
    for lam in (0.0, 0.3):
        L = optimize.smoothness_bound(p.design(), lam, mask)
        assert descent.smoothness(p, lam) == pytest.approx(L, rel=1e-15)
        if p.fit_bias:  # the same design [X 1] as the binary fit's: the same L, and the rate 1 / L
            assert optimize.default_learning_rate(p.X, lam) == 1 / L
