"""Small data sets used across the notebooks."""

from __future__ import annotations

import numpy as np

__all__ = ["source_example"]


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
