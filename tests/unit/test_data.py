"""Tests of lessons.data: the toy sets are what their docstrings say, and the real data is split cleanly."""

import numpy as np
import pytest
from scipy.optimize import linprog

from lessons import data


def separable(X, y) -> bool:
    """Is there (w, b) with (2y - 1)(Xw + b) >= 1 for every row? A linear feasibility problem."""
    s = 2 * y - 1
    A = -s[:, None] * np.c_[X, np.ones(len(X))]
    res = linprog(np.zeros(X.shape[1] + 1), A_ub=A, b_ub=-np.ones(len(X)), bounds=(None, None))
    return res.status == 0


@pytest.mark.parametrize(
    "make,d,is_separable",
    [
        (data.overlapping_1d, 1, False),
        (data.separable_1d, 1, True),
        (data.overlapping_2d, 2, False),
        (data.badly_scaled_2d, 2, False),
    ],
)
def test_toy_sets(make, d, is_separable):
    X, y = make()
    X2, y2 = make()
    np.testing.assert_array_equal(X, X2)  # seeded: the same every call
    assert X.shape[1] == d and X.dtype == np.float64 and set(np.unique(y)) == {0.0, 1.0}
    assert separable(X, y) == is_separable


def test_source_example_is_separable():
    X, y, w, b, lam = data.source_example()
    assert separable(X, y) and X.shape == (4, 2) and lam == 0.01


def test_standardise():
    X, _ = data.badly_scaled_2d()
    np.testing.assert_allclose(data.standardise(X).std(axis=0), 1.0)
    with pytest.raises(ValueError, match="constant column"):
        data.standardise(np.c_[X, np.ones(len(X))])


def test_breast_cancer_split_is_standardised_on_the_training_rows_only():
    X_tr, X_te, y_tr, y_te, names = data.breast_cancer()
    assert X_tr.shape[1] == X_te.shape[1] == len(names) == 30
    assert len(X_tr) + len(X_te) == 569 and abs(len(X_te) / 569 - 0.25) < 0.01
    np.testing.assert_allclose(X_tr.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(X_tr.std(axis=0), 1, atol=1e-12)
    assert np.abs(X_te.mean(axis=0)).max() > 1e-3  # the test rows were not used for the scaling
    assert abs(y_tr.mean() - y_te.mean()) < 0.01  # stratified
    again = data.breast_cancer()
    np.testing.assert_array_equal(again[0], X_tr)


@pytest.mark.parametrize("bad", [0.0, 1.0, 2, "0.2"])
def test_breast_cancer_rejects_a_bad_test_size(bad):
    with pytest.raises(ValueError, match="test_size must be a float in"):
        data.breast_cancer(test_size=bad)
