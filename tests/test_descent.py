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
    assert run.diverged_at is None and run.steps == 30
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
    assert run.diverged_at is None
    assert np.all(np.diff(run.losses) <= 1e-12)


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
    assert run.diverged_at is None or run.diverged_at == run.steps


def test_far_too_large_rate_is_reported_as_divergence():
    p = descent.PROBLEMS["overlapping"]
    run = descent.descend(p, 0.5, 100 * 2 / descent.smoothness(p, 0.5), 100, p.start)
    assert run.diverged_at is not None and run.losses[-1] > run.losses[0]


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
    assert run.method == method and run.path.shape == (16, 2) and run.diverged_at is None
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
