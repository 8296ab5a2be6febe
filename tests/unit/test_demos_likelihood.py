"""lessons.demos.likelihood: the mathematics of notebook 02's widget, against lessons.model."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons import model
from lessons.demos.likelihood import N_MAX, W_GRID, likelihood_and_loss, samples


def test_samples_are_prefixes_of_one_draw():
    x5, y5 = samples(5)
    x50, y50 = samples(50)
    np.testing.assert_array_equal(x50[:5], x5)
    np.testing.assert_array_equal(y50[:5], y5)
    assert set(np.unique(y50)) <= {0.0, 1.0}


@pytest.mark.parametrize("bad", [0, N_MAX + 1, 2.5, "10"])
def test_samples_reject_a_bad_n(bad):
    with pytest.raises(ValueError, match="n: expected an integer"):
        samples(bad)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 400), w=st.floats(-4, 4))
def test_J_is_the_package_loss_and_the_product_is_its_exponential(n, w):
    x, y = samples(n)
    L, J = likelihood_and_loss(x, y, np.array([w]))
    assert J[0] == pytest.approx(model.loss(x[:, None], y, np.array([w]), 0.0), rel=1e-12)
    assert L[0] == pytest.approx(np.exp(-n * J[0]), rel=1e-9)  # representable for n ≤ 400


def test_the_product_underflows_while_J_keeps_its_minimiser():
    x, y = samples(N_MAX)
    L, J = likelihood_and_loss(x, y, W_GRID)
    assert np.all(L == 0.0)
    assert np.all(np.isfinite(J)) and 1.2 < W_GRID[np.argmin(J)] < 1.8
