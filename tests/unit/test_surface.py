"""lessons.surface agrees with lessons.model.loss, point by point."""

import numpy as np
import pytest

from lessons import model
from lessons.surface import loss_at, loss_grid


def test_loss_at_matches_model():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(25, 3)), rng.integers(0, 2, 25)
    thetas = rng.normal(size=(40, 4)) * 5
    expected = [model.loss(X, y, t[:3], t[3], 0.3) for t in thetas]
    np.testing.assert_allclose(loss_at(X, y, thetas, 0.3), expected, rtol=1e-13)


def test_loss_grid_layout_matches_contour_convention():
    X, y = np.array([[1.0], [-2.0], [0.5]]), np.array([1, 0, 1])
    w_axis, b_axis = np.linspace(-2, 3, 7), np.linspace(-1, 1, 5)
    J = loss_grid(X, y, w_axis, b_axis, dims=(0, 1))
    assert J.shape == (5, 7)
    assert J[3, 6] == pytest.approx(model.loss(X, y, [w_axis[6]], b_axis[3]), rel=1e-14)


def test_bad_thetas():
    with pytest.raises(ValueError, match=r"thetas must have shape \(G, d \+ 1\)"):
        loss_at(np.ones((3, 2)), [0, 1, 1], np.zeros((4, 2)))
