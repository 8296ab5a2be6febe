"""lessons.demos.curvature: the mathematics of notebook 06's widget, against lessons.model, finite differences
and SciPy."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize

from lessons import model
from lessons.demos.curvature import (
    DATA_SETS,
    EXTENT,
    LAMBDAS,
    SCALE,
    CurvatureDemo,
    curvature,
    curvature_cross,
    data_set,
    falling_direction,
    minimiser,
    surface,
)
from lessons.surface import loss_at

points = st.tuples(st.floats(*EXTENT[:2]), st.floats(*EXTENT[2:]))


def test_the_data_are_the_notebooks():
    X, y = data_set("overlapping")
    assert X.shape == (60, 1) and abs(X.mean()) < 1e-12 and y.sum() == 30
    X, y = data_set("separable")
    np.testing.assert_array_equal(X[:, 0], [-2, -1, 1, 2])
    np.testing.assert_array_equal(y, [0, 0, 1, 1])


def test_an_unknown_data_set_is_named():
    with pytest.raises(ValueError, match="data: expected one of"):
        data_set("nope")


@pytest.mark.parametrize("key", DATA_SETS)
@pytest.mark.parametrize("lam", LAMBDAS)
def test_the_minimiser_exists_except_on_separable_data_without_a_penalty(key, lam):
    X, y = data_set(key)
    star = minimiser(X, y, lam)
    if key == "separable" and lam == 0:
        assert star is None
        return
    dw, db = model.gradient(X, y, star[:1], star[1], lam)
    assert np.hypot(dw[0], db) < 1e-10

    def J_and_grad(t):
        J, gw, gb = model.loss_and_gradient(X, y, t[:1], t[1], lam)
        return J, np.append(gw, gb)

    ref = minimize(J_and_grad, np.zeros(2), jac=True, method="BFGS", options={"gtol": 1e-10})
    np.testing.assert_allclose(star, ref.x, atol=1e-5)


@settings(max_examples=40, deadline=None)
@given(start=points, t=st.floats(0.1, 5.0))
def test_along_the_falling_direction_J_keeps_falling(start, t):
    X, y = data_set("separable")
    v = falling_direction(X, y)
    assert v is not None and np.linalg.norm(v) == pytest.approx(1.0)
    margins = np.where(y == 1, 1.0, -1.0) * (X[:, 0] * v[0] + v[1])
    assert margins.min() >= 0 and margins.max() > 0
    J = loss_at(X, y, np.array(start) + np.outer([0.0, t, 2 * t], v))
    assert J[0] > J[1] > J[2]


def test_no_falling_direction_on_overlapping_data_and_the_bias_one_for_a_single_class():
    assert falling_direction(*data_set("overlapping")) is None
    X, y = data_set("separable")
    np.testing.assert_allclose(falling_direction(X, 1 - y), -falling_direction(X, y))
    np.testing.assert_array_equal(falling_direction(X, np.ones(4)), [0.0, 1.0])
    with pytest.raises(ValueError, match="X: expected one feature"):
        falling_direction(np.ones((4, 2)), y)
    with pytest.raises(ValueError, match="y: expected 4 labels"):
        falling_direction(X, [0, 1, 2, 1])


@settings(max_examples=60, deadline=None)
@given(key=st.sampled_from(list(DATA_SETS)), lam=st.sampled_from(LAMBDAS), point=points)
def test_the_curvatures_are_the_hessians_eigenvalues_and_positive_everywhere(key, lam, point):
    X, y = data_set(key)
    w, b = point
    mu, V = curvature(X, y, w, b, lam)
    H = model.hessian(X, y, [w], b, lam)
    np.testing.assert_allclose(V @ np.diag(mu) @ V.T, H, atol=1e-14)
    h = 1e-6  # central differences of the gradient, an independent route to H

    def grad(t):
        dw, db = model.gradient(X, y, t[:1], t[1], lam)
        return np.append(dw, db)

    H_fd = np.array([(grad(np.array(point) + h * e) - grad(np.array(point) - h * e)) / (2 * h) for e in np.eye(2)])
    np.testing.assert_allclose(H_fd, H, atol=1e-8)
    assert mu[0] > 0  # distinct x's: positive definite even with λ = 0


def test_curvature_names_a_bad_argument():
    X, y = data_set("separable")
    with pytest.raises(ValueError, match="lam"):
        curvature(X, y, 0.0, 0.0, -1.0)
    with pytest.raises((TypeError, ValueError), match="w"):
        curvature(X, y, "one", 0.0)


@settings(max_examples=40, deadline=None)
@given(point=points, lam=st.sampled_from(LAMBDAS))
def test_the_cross_is_scale_times_H_applied_to_the_unit_circle(point, lam):
    X, y = data_set("overlapping")
    mu, V = curvature(X, y, *point, lam)
    axes, ellipse = curvature_cross(point, mu, V)
    for k in range(2):
        np.testing.assert_allclose(axes[k].mean(axis=0), point, atol=1e-12)
        half = (axes[k][1] - axes[k][0]) / 2
        assert np.linalg.norm(half) == pytest.approx(SCALE * mu[k], rel=1e-9)
        assert abs(half @ V[:, 1 - k]) < 1e-12  # along its own eigenvector
    H = model.hessian(X, y, [point[0]], point[1], lam)
    u = np.linalg.solve(SCALE * H, (ellipse - point).T)  # back to the unit circle
    np.testing.assert_allclose(np.linalg.norm(u, axis=0), 1.0, rtol=1e-9)


def test_the_cross_names_a_bad_argument():
    with pytest.raises(ValueError, match="mu: curvatures must be >= 0"):
        curvature_cross((0, 0), [-1.0, 1.0], np.eye(2))
    with pytest.raises(ValueError, match="scale"):
        curvature_cross((0, 0), [1.0, 1.0], np.eye(2), scale=0.0)
    with pytest.raises(ValueError, match="expected shapes"):
        curvature_cross((0, 0, 0), [1.0, 1.0], np.eye(2))


@pytest.mark.parametrize("key", DATA_SETS)
@pytest.mark.parametrize("lam", [0.0, 0.1])
def test_the_cached_surface_is_the_loss(key, lam):
    w_axis, b_axis, J, star, infimum = surface(key, lam)
    assert surface(key, lam)[2] is J  # computed once
    X, y = data_set(key)
    rng = np.random.default_rng(0)
    for i, j in zip(rng.integers(0, len(b_axis), 20), rng.integers(0, len(w_axis), 20), strict=True):
        assert J[i, j] == pytest.approx(model.loss(X, y, [w_axis[j]], b_axis[i], lam), rel=1e-12)
    assert J.min() >= infimum
    assert infimum == (0.0 if star is None else pytest.approx(model.loss(X, y, star[:1], star[1], lam)))


def test_the_star_and_the_arrow_take_turns_and_a_click_moves_the_point():
    demo = CurvatureDemo(data="separable", lam=0.0, interactive=False)
    assert demo.drawn()["star"].size == 0 and demo.drawn()["arrow"].size == 4
    assert "no minimiser" in demo.readout.value
    demo.set(lam=0.1)
    assert demo.drawn()["star"][0] == pytest.approx(1.457836, abs=1e-6)  # where §6's descent stopped
    assert demo.drawn()["arrow"].size == 0 and "no minimiser" not in demo.readout.value
    demo.click(3.0, -1.0)
    np.testing.assert_allclose(demo.drawn()["point"], [3.0, -1.0])
    np.testing.assert_allclose(demo.drawn()["axes"], demo.compute(**demo.values())["axes"], rtol=1e-12)
    demo.click(100.0, -100.0)  # outside the window: to its edge
    np.testing.assert_allclose(demo.drawn()["point"], [EXTENT[1], EXTENT[2]])


def test_the_arrow_points_along_the_falling_direction_inside_the_window_and_clear_of_b_0():
    demo = CurvatureDemo(data="separable", lam=0.0, interactive=False)
    tail, head = demo.drawn()["arrow"].reshape(2, 2)
    v = falling_direction(*data_set("separable"))
    np.testing.assert_allclose((head - tail) / np.linalg.norm(head - tail), v, atol=1e-12)
    for p in (tail, head):
        assert EXTENT[0] <= p[0] <= EXTENT[1] and EXTENT[2] <= p[1] <= EXTENT[3]
    assert tail[1] == head[1] < -1  # below the line b = 0, where the notebook moves the point


@pytest.mark.parametrize(
    "data, lam", [("separable", 0.0), ("separable", 1.0), ("separable", 0.1), ("overlapping", 0.0)]
)
def test_the_notebooks_try_this_settings_show_the_whole_cross(data, lam):
    demo = CurvatureDemo(data=data, lam=lam, w=8.0, b=0.0, interactive=False)
    ends = np.concatenate([demo.drawn()["axes"].reshape(-1, 2), demo.drawn()["ellipse"]])
    assert (ends[:, 0] >= EXTENT[0]).all() and (ends[:, 0] <= EXTENT[1] - 1).all()  # with room for the line's cap
    assert (ends[:, 1] >= EXTENT[2]).all() and (ends[:, 1] <= EXTENT[3]).all()
