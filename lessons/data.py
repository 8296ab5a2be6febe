"""Small data sets used across the notebooks."""

from __future__ import annotations

import numpy as np

from lessons.i18n import translator

_ = translator(__name__)

__all__ = [
    "source_example",
    "overlapping_1d",
    "separable_1d",
    "overlapping_2d",
    "badly_scaled_2d",
    "standardise",
    "breast_cancer",
]


def source_example() -> tuple[np.ndarray, np.ndarray, np.ndarray, float, float]:
    """The source text's 4-point example, as float64.

    Returns
    -------
    X : ndarray, shape (4, 2)
        ``[[1, 2], [3, 4], [5, 6], [7, 8]]``
    y : ndarray, shape (4,)
        ``[0, 0, 1, 1]``
    w : ndarray, shape (2,)
        ``[0.1, 0.2]``
    b : float
        ``0.0``
    lam : float
        ``0.01`` (the source's ``lambda_reg``)
    """
    X = np.array([[1, 2], [3, 4], [5, 6], [7, 8]], dtype=np.float64)
    y = np.array([0, 0, 1, 1], dtype=np.float64)
    w = np.array([0.1, 0.2])
    return X, y, w, 0.0, 0.01


def _two_classes(n: int, draw0, draw1) -> tuple[np.ndarray, np.ndarray]:
    """``n // 2`` samples of class 0 from ``draw0(m)``, then the rest of class 1 from ``draw1(m)``."""
    half = n // 2
    X = np.vstack([draw0(half), draw1(n - half)])
    return X, np.concatenate([np.zeros(half), np.ones(n - half)])


def overlapping_1d(n: int = 60, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """One feature, two overlapping Gaussian classes (means -1 and +1, sd 1).

    Returns
    -------
    X : ndarray, shape (n, 1)
    y : ndarray, shape (n,)
    """
    rng = np.random.default_rng(seed)
    return _two_classes(n, lambda m: rng.normal(-1.0, 1.0, (m, 1)), lambda m: rng.normal(1.0, 1.0, (m, 1)))


def separable_1d(n: int = 40, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """One feature, classes split by a gap around x = 0.5 (linearly separable).

    Returns
    -------
    X : ndarray, shape (n, 1)
    y : ndarray, shape (n,)
    """
    rng = np.random.default_rng(seed)
    return _two_classes(n, lambda m: rng.uniform(-2.5, 0.0, (m, 1)), lambda m: rng.uniform(1.0, 3.5, (m, 1)))


def overlapping_2d(n: int = 60, seed: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Two features, overlapping classes centred at ±(1, 0.5); suits a model without bias.

    Returns
    -------
    X : ndarray, shape (n, 2)
    y : ndarray, shape (n,)
    """
    rng = np.random.default_rng(seed)
    return _two_classes(
        n, lambda m: rng.normal([-1.0, -0.5], 1.0, (m, 2)), lambda m: rng.normal([1.0, 0.5], 1.0, (m, 2))
    )


def badly_scaled_2d(n: int = 60, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Like :func:`overlapping_2d`, but the second feature is measured in units 8 times smaller.

    Its contours in (w1, w2) are long thin ellipses: one learning rate cannot
    suit both directions. :func:`standardise` repairs it.

    Returns
    -------
    X : ndarray, shape (n, 2)
    y : ndarray, shape (n,)
    """
    X, y = overlapping_2d(n, seed)
    return X * np.array([1.0, 8.0]), y


def standardise(X: np.ndarray) -> np.ndarray:
    """Scale each column of ``X`` to unit standard deviation (no centring).

    Centring is left out on purpose: the models it is used with have no bias,
    and a shift would change which models they can express.

    Parameters
    ----------
    X : ndarray, shape (n, d)

    Returns
    -------
    ndarray, shape (n, d)
    """
    X = np.asarray(X, dtype=np.float64)
    sd = X.std(axis=0)
    if np.any(sd == 0):
        raise ValueError(_("X has a constant column; it cannot be standardised"))
    return X / sd


def breast_cancer(test_size: float = 0.25, seed: int = 0):
    """The Wisconsin breast-cancer data (ships with scikit-learn), split and standardised.

    Each feature is centred and scaled by the mean and standard deviation of
    the *training* rows only, so that nothing about the test rows leaks into
    the fit. Label 1 means benign, 0 malignant (scikit-learn's coding).

    Parameters
    ----------
    test_size : float, default 0.25
        Share of the rows held out, in (0, 1).
    seed : int, default 0
        Seed of the stratified split.

    Returns
    -------
    X_train : ndarray, shape (n_train, 30)
    X_test : ndarray, shape (n_test, 30)
    y_train : ndarray, shape (n_train,)
    y_test : ndarray, shape (n_test,)
    feature_names : list of str, length 30
    """
    from sklearn.datasets import load_breast_cancer
    from sklearn.model_selection import train_test_split

    if not (isinstance(test_size, float) and 0 < test_size < 1):
        raise ValueError(_("test_size must be a float in (0, 1), got {value!r}").format(value=test_size))
    bunch = load_breast_cancer()
    X_tr, X_te, y_tr, y_te = train_test_split(
        bunch.data, bunch.target.astype(np.float64), test_size=test_size, random_state=seed, stratify=bunch.target
    )
    mu, sd = X_tr.mean(axis=0), X_tr.std(axis=0)
    return (X_tr - mu) / sd, (X_te - mu) / sd, y_tr, y_te, list(bunch.feature_names)
