"""lessons.demos.capstone: the mathematics of notebook 11's widget, against scikit-learn (its confusion matrix,
its Newton solver, a scaler-plus-model pipeline on the same folds) and lessons.model."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from lessons import model
from lessons.data import breast_cancer
from lessons.demos.capstone import (
    FEATURES,
    LAMS,
    CapstoneDemo,
    confusion,
    cross_validated_path,
    nearest,
    path_data,
    regularisation_path,
)

probabilities = st.lists(st.floats(0, 1), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(p=probabilities, seed=st.integers(0, 2**16), t=st.floats(0, 1))
def test_confusion_is_scikit_learns_confusion_matrix(p, seed, t):
    p = np.array(p)
    y = np.random.default_rng(seed).integers(0, 2, len(p)).astype(float)
    predicted = np.where(p >= t, 0, 1)  # malignant (label 0) when P(malignant) ≥ t
    np.testing.assert_array_equal(confusion(p, y, t), confusion_matrix(y, predicted, labels=[0, 1]))


@settings(max_examples=60, deadline=None)
@given(p=probabilities, seed=st.integers(0, 2**16), t=st.floats(0, 1), lower=st.floats(0, 1))
def test_a_lower_threshold_never_misses_more_and_never_alarms_less(p, seed, t, lower):
    p, t_low = np.array(p), t * lower
    y = np.random.default_rng(seed).integers(0, 2, len(p)).astype(float)
    high, low = confusion(p, y, t), confusion(p, y, t_low)
    assert low[0, 1] <= high[0, 1] and low[1, 0] >= high[1, 0]
    np.testing.assert_array_equal(low.sum(axis=1), high.sum(axis=1))  # the same tumours, only decided otherwise


def test_the_path_is_scikit_learns_at_C_equal_to_1_over_n_lambda():
    X, _, y, _, _ = breast_cancer(test_size=0.25, seed=0)
    lams = np.array([1.0, 0.01, 1e-3])
    path = regularisation_path(X, y, lams)
    for lam, theta in zip(lams, path, strict=True):
        clf = LogisticRegression(C=1 / (len(y) * lam), solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(X, y)
        np.testing.assert_allclose(theta[:-1], clf.coef_[0], atol=1e-6)
        assert theta[-1] == pytest.approx(clf.intercept_[0], abs=1e-6)


def test_cross_validation_is_scikit_learns_pipeline_out_of_fold():
    X, _, y, _, _ = breast_cancer(test_size=0.25, seed=0)
    lams = np.array([0.1, 0.01])
    loss, p_out = cross_validated_path(X, y, lams)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    for k, lam in enumerate(lams):
        for f, (fit_rows, val_rows) in enumerate(folds.split(X, y)):
            C = 1 / (len(fit_rows) * lam)  # λ = 1/(nC) with n the rows this fold is fitted on
            pipe = make_pipeline(StandardScaler(), LogisticRegression(C=C, solver="newton-cholesky", tol=1e-12))
            p = pipe.fit(X[fit_rows], y[fit_rows]).predict_proba(X[val_rows])[:, 1]
            np.testing.assert_allclose(p_out[k, val_rows], p, atol=1e-7)
            y_val = y[val_rows]
            nll = -np.mean(y_val * np.log(p) + (1 - y_val) * np.log1p(-p))
            assert loss[f, k] == pytest.approx(nll, rel=1e-6)


def test_the_widget_data_are_notebook_11s():
    data = path_data()
    X, _, y, _, names = breast_cancer(test_size=0.25, seed=0)
    np.testing.assert_array_equal(data.y, y)
    assert data.path.shape == (31, 31) and data.cv_loss.shape == (5, 31) and data.p_out.shape == (31, len(y))
    # FEATURES is §5's pair: the largest weight at the weakest λ, and the feature most correlated with it
    j = int(np.argmax(np.abs(data.path[-1, :-1])))
    corr = np.corrcoef(X, rowvar=False)[j]
    corr[j] = 0.0
    assert (names[j], names[int(np.argmax(corr))]) == FEATURES
    # the training loss falls along the path; the cross-validated loss has an interior minimum (§6: λ ≈ 0.004)
    train = [model.loss(X, y, theta[:-1], theta[-1]) for theta in data.path]
    assert np.all(np.diff(train) < 0)
    assert data.lams[np.argmin(data.cv_loss.mean(axis=0))] == pytest.approx(10**-2.4)


def test_the_threshold_changes_the_decisions_and_nothing_else():
    demo = CapstoneDemo(lam=10**-2.4, t=0.5, interactive=False)
    before = demo.compute(**demo.values())
    demo.set(t=0.1)
    after = demo.compute(**demo.values())
    for key in ("lam", "pair", "norm", "cv"):
        np.testing.assert_array_equal(after[key], before[key])
    assert after["counts"][0, 1] < before["counts"][0, 1] and after["counts"][1, 0] > before["counts"][1, 0]


def test_at_the_strongest_penalty_small_weights_that_agree_still_flag_cancers():
    # notebook 11's λ = 10 row: every |w_j| is tiny, yet most weights share a sign, so the out-of-fold model is no
    # constant predictor: it catches some cancers (not none, not all) and raises no false alarm
    data = path_data()
    w = data.path[0, :-1]
    assert np.abs(w).max() < 0.05 and np.sum(w < 0) >= 25
    counts = confusion(1 - data.p_out[0], data.y, 0.5)
    assert 0 < counts[0, 0] < counts[0].sum() and counts[1, 0] == 0


def test_both_coloured_coefficients_stay_visible_when_they_coincide():
    demo = CapstoneDemo(lam=10.0, interactive=False)  # both weights are about -0.02 here: the markers overlap
    ring, dot = demo.dots
    assert ring.get_markerfacecolor() == "none" and ring.get_markersize() > dot.get_markersize() + 4


@pytest.mark.parametrize("lam", [*LAMS, 3e-3, 1e-6, 100.0])
def test_nearest_snaps_to_the_grid_on_a_log_scale(lam):
    k = nearest(lam)
    if lam > LAMS[0] or lam < LAMS[-1]:
        assert k == (0 if lam > LAMS[0] else len(LAMS) - 1)
    else:  # the grid has five points per decade: the nearest is within half a step, 0.1 in log10
        assert abs(np.log10(LAMS[k] / lam)) <= 0.1 + 1e-12
    assert lam not in LAMS or LAMS[k] == lam


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: confusion([0.2, 1.5], [0, 1], 0.5), ValueError, "p_malignant must be probabilities"),
        (lambda: confusion([[0.2]], [0], 0.5), ValueError, "p_malignant must be 1-D"),
        (lambda: confusion([0.2, 0.3], [0, 2], 0.5), ValueError, "y must contain only 0 and 1"),
        (lambda: confusion([0.2, 0.3], [0, 1, 1], 0.5), ValueError, "y must have length"),
        (lambda: confusion([0.2], [0], 1.5), ValueError, r"t must be in \[0, 1\]"),
        (lambda: confusion([0.2], [0], "0.5"), TypeError, "t must be a real number"),
        (lambda: nearest(0.0), ValueError, "lam must be > 0"),
        (lambda: nearest(1.0, [1.0, -1.0]), ValueError, "lams must be > 0"),
        (lambda: regularisation_path(np.ones((3, 2)), [0, 1, 1], []), ValueError, "lams must be a non-empty"),
        (lambda: cross_validated_path(np.ones((4, 2)), [0, 1, 0, 1], n_splits=1), ValueError, "n_splits must be"),
        (lambda: cross_validated_path(np.ones((4, 2)), [0, 1, 0, 1], n_splits=2.0), TypeError, "n_splits must be"),
    ],
)
def test_bad_input_is_named(call, error, match):
    with pytest.raises(error, match=match):
        call()
