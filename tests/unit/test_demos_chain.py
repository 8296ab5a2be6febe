"""lessons.demos.chain: the mathematics of notebook 03's widget, against lessons.model and finite differences."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons import model
from lessons.demos.chain import Z_MAX, chain_factors, sample_gradient
from lessons.gradcheck import numerical_gradient, relative_error

labels = st.sampled_from([0, 1])
logits = st.floats(-Z_MAX, Z_MAX)


def bce(y_hat: float, y: int) -> float:
    return -(y * np.log(y_hat) + (1 - y) * np.log1p(-y_hat))


@settings(max_examples=60, deadline=None)
@given(z=logits, y=labels)
def test_the_first_two_links_multiply_to_the_residual(z, y):
    dL_dyhat, dyhat_dz, dL_dz = chain_factors(z, y)
    assert dL_dyhat * dyhat_dz == pytest.approx(dL_dz, rel=1e-14)


@settings(max_examples=60, deadline=None)
@given(z=logits, y=labels)
def test_the_residual_is_the_package_gradient_and_stays_below_one(z, y):
    dL_dz = chain_factors(z, y)[2]
    _, db = model.gradient([[1.0]], [y], [z], 0.0)  # ∂L/∂b = ∂L/∂z
    assert dL_dz == pytest.approx(db, rel=1e-15)
    assert -1 <= dL_dz <= 1 and np.sign(dL_dz) == (1 if y == 0 else -1)


@pytest.mark.parametrize("y", [0, 1])
def test_each_link_is_the_derivative_it_claims(y):
    for z in np.linspace(-6, 6, 13):
        y_hat = model.sigmoid(z)
        dL_dyhat, dyhat_dz, _ = chain_factors(z, y)
        assert dL_dyhat == pytest.approx(
            numerical_gradient(lambda p: bce(p[0], y), [y_hat], h=1e-9 * y_hat)[0], rel=1e-5
        )
        assert dyhat_dz == pytest.approx(numerical_gradient(lambda t: model.sigmoid(t[0]), [z])[0], rel=1e-6)


def test_one_link_blows_up_where_the_other_vanishes():
    z = np.array([-30.0, 30.0])
    up, down, product = chain_factors(z, 1)
    assert abs(up[0]) > 1e13 and down[0] < 1e-13 and product[0] == pytest.approx(-1.0)  # confidently wrong
    assert up[1] == pytest.approx(-1.0) and down[1] < 1e-13 and abs(product[1]) < 1e-13  # confidently right
    up, _, product = chain_factors(z, 0)
    assert up[1] > 1e13 and product[1] == pytest.approx(1.0)


@settings(max_examples=40, deadline=None)
@given(
    x=st.lists(st.floats(-5, 5), min_size=1, max_size=4),
    seed=st.integers(0, 2**16),
    b=st.floats(-3, 3),
    y=labels,
)
def test_the_weight_gradient_is_the_package_gradient_along_x(x, seed, b, y):
    x = np.array(x)
    w = np.random.default_rng(seed).normal(size=x.size)
    z, grad = sample_gradient(x, w, b, y)
    dw, _ = model.gradient(x[None, :], [y], w, b)
    assert z == pytest.approx(float(x @ w + b), abs=1e-12)
    np.testing.assert_allclose(grad, dw, rtol=1e-14, atol=0)
    residual = chain_factors(z, y)[2]  # ŷ − y: positive for y = 0, negative for y = 1
    np.testing.assert_array_equal(grad, residual * x)  # a multiple of x: along +x or −x
    assert np.sign(residual) == (1 if y == 0 else -1)


def test_the_weight_gradient_matches_finite_differences():
    x, w, b = np.array([1.5, 1.0]), np.array([-0.6, 0.2]), 0.0
    for y in (0, 1):
        _, grad = sample_gradient(x, w, b, y)
        fd = numerical_gradient(lambda v, y=y: model.loss(x[None, :], [y], v, b), w)
        assert relative_error(grad, fd) < 1e-8


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: chain_factors(0.0, 2), ValueError, "y must be 0 or 1"),
        (lambda: chain_factors(0.0, 0.5), ValueError, "y must be 0 or 1"),
        (lambda: chain_factors(0.0, "1"), TypeError, "y must be the number 0 or 1"),
        (lambda: chain_factors(0.0, True), TypeError, "y must be the number 0 or 1"),
        (lambda: chain_factors(np.nan, 1), ValueError, "z must be finite"),
        (lambda: chain_factors([0.0, 800.0], 1), ValueError, r"z must satisfy \|z\| <= 700"),
        (lambda: chain_factors("z", 1), TypeError, "z must be numeric"),
        (lambda: sample_gradient([[1.0, 2.0]], [0.0, 0.0], 0.0, 1), ValueError, "x must be a non-empty 1-D"),
        (lambda: sample_gradient([1.0, np.inf], [0.0, 0.0], 0.0, 1), ValueError, "x must be finite"),
        (lambda: sample_gradient([1.0, 2.0], [0.0], 0.0, 1), ValueError, "w must have length"),
        (lambda: sample_gradient([1.0, 2.0], [0.0, 0.0], "b", 1), TypeError, "b must be a real number"),
        (lambda: sample_gradient([1.0, 2.0], [0.0, 0.0], 0.0, 3), ValueError, "y must be 0 or 1"),
    ],
)
def test_bad_input_is_named(call, error, match):
    with pytest.raises(error, match=match):
        call()
