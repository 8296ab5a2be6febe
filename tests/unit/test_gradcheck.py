"""Tests of lessons.gradcheck."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lessons.gradcheck import numerical_gradient, relative_error


@given(hnp.arrays(np.float64, st.integers(1, 5), elements=st.floats(-2, 2)))
def test_exact_on_quadratics(theta):
    """Central differences are exact (up to rounding) for quadratics."""
    A = np.arange(1.0, theta.size + 1)
    grad = numerical_gradient(lambda t: float(np.sum(A * t**2)), theta, h=1e-4)
    np.testing.assert_allclose(grad, 2 * A * theta, atol=1e-8)


def test_error_is_second_order_in_h():
    f, theta, exact = np.sin, np.array([0.7]), np.cos(0.7)
    e1 = abs(numerical_gradient(lambda t: f(t[0]), theta, h=1e-2)[0] - exact)
    e2 = abs(numerical_gradient(lambda t: f(t[0]), theta, h=1e-3)[0] - exact)
    assert 80 < e1 / e2 < 120  # ~100 = (1e-2 / 1e-3) ** 2


def test_relative_error():
    assert relative_error([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert relative_error([0.0], [0.0]) == 0.0
    assert relative_error([1.0], [1.1]) == pytest.approx(0.1 / 1.1)
    with pytest.raises(ValueError, match="same shape"):
        relative_error([1.0], [1.0, 2.0])


@pytest.mark.parametrize(
    "f,theta,h,exc,msg",
    [
        ("not callable", [0.0], 1e-6, TypeError, "f must be callable"),
        (lambda t: 0.0, [[0.0]], 1e-6, ValueError, "theta must be a non-empty 1-D"),
        (lambda t: 0.0, [], 1e-6, ValueError, "theta must be a non-empty 1-D"),
        (lambda t: 0.0, [np.nan], 1e-6, ValueError, "theta must be finite"),
        (lambda t: 0.0, [0.0], 0.0, ValueError, "h must be > 0"),
        (lambda t: 0.0, [0.0], -1e-3, ValueError, "h must be > 0"),
        (lambda t: 0.0, [0.0], "1e-6", TypeError, "h must be a real number"),
        (lambda t: np.nan, [0.0], 1e-6, ValueError, "f returned nan"),
        (lambda t: "x", [0.0], 1e-6, TypeError, "f must return a real number"),
    ],
)
def test_bad_input(f, theta, h, exc, msg):
    with pytest.raises(exc, match=msg):
        numerical_gradient(f, theta, h)
