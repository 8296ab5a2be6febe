"""The loss evaluated on many parameter vectors at once (for contour plots)."""

from __future__ import annotations

import numpy as np

from lessons._validate import as_labels, as_matrix, as_nonnegative
from lessons.i18n import translator
from lessons.model import softplus

_ = translator(__name__)

__all__ = ["loss_at", "loss_grid"]


def loss_at(X, y, thetas, lam: float = 0.0) -> np.ndarray:
    """:func:`lessons.model.loss` for each row of ``thetas``, vectorised.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    thetas : array_like, shape (G, d + 1)
        Parameter vectors ``(w..., b)``, one per row.
    lam : float, default 0.0

    Returns
    -------
    ndarray, shape (G,)
        Equal to ``loss(X, y, theta[:-1], theta[-1], lam)`` for each row.
    """
    X = as_matrix(X, "X")
    n, d = X.shape
    y = as_labels(y, n, "y")
    lam = as_nonnegative(lam, "lam")
    thetas = as_matrix(thetas, "thetas")
    if thetas.shape[1] != d + 1:
        raise ValueError(
            _("thetas must have shape (G, d + 1) = (G, {p}), got {shape}").format(p=d + 1, shape=thetas.shape)
        )
    W, b = thetas[:, :d], thetas[:, d]
    with np.errstate(over="ignore", invalid="ignore"):
        Z = X @ W.T + b  # (n, G)
    if not np.isfinite(Z).all():
        raise ValueError(_("the logits X @ w + b overflowed float64 for some rows of thetas"))
    signed = np.where((y == 1)[:, None], -Z, Z)
    return softplus(signed).mean(axis=0) + 0.5 * lam * np.einsum("gd,gd->g", W, W)


def loss_grid(X, y, axis0, axis1, fixed=None, dims=(0, 1), lam: float = 0.0) -> np.ndarray:
    """The loss over a 2-D grid of two parameters, the others held fixed.

    Parameters
    ----------
    X, y : as for :func:`loss_at`
    axis0, axis1 : array_like, shapes (G0,) and (G1,)
        Values of the two varied parameters.
    fixed : array_like, shape (d + 1,), optional
        The full parameter vector whose entries ``dims`` are replaced by grid
        values. Default: zeros.
    dims : (int, int)
        Which entries of ``(w..., b)`` vary; ``-1`` or ``d`` is the bias.
    lam : float

    Returns
    -------
    ndarray, shape (G1, G0)
        ``J[i, j]`` is the loss at ``axis0[j], axis1[i]``, the layout
        ``matplotlib.pyplot.contour(axis0, axis1, J)`` expects.
    """
    X = as_matrix(X, "X")
    p = X.shape[1] + 1
    base = np.zeros(p) if fixed is None else np.asarray(fixed, dtype=np.float64)
    if base.shape != (p,):
        raise ValueError(_("fixed must have shape (d + 1,) = ({p},), got {shape}").format(p=p, shape=base.shape))
    A0, A1 = np.meshgrid(np.asarray(axis0, float), np.asarray(axis1, float))
    thetas = np.tile(base, (A0.size, 1))
    thetas[:, dims[0]] = A0.ravel()
    thetas[:, dims[1]] = A1.ravel()
    return loss_at(X, y, thetas, lam).reshape(A0.shape)
