"""Binary logistic regression: the model, its loss, gradient and Hessian.

Conventions (the series' public contract):

* ``X`` has shape (n, d), ``y`` shape (n,) with values in {0, 1},
  ``w`` shape (d,), ``b`` is a float and ``lam >= 0``;
* the loss is the mean negative log-likelihood (binary cross-entropy) plus
  ``lam / 2 * ||w||^2``; the bias ``b`` is not penalised;
* everything is float64, vectorised over samples, and stays finite and
  warning-free for any finite logit ``z = X @ w + b``.

Accuracy comes from writing every quantity in a form that never subtracts
two nearly equal numbers:

* ``sigmoid`` uses ``exp(-|z|)``, which cannot overflow;
* the per-sample loss is ``softplus(-z)`` for ``y = 1`` and ``softplus(z)``
  for ``y = 0``, with ``softplus(t) = max(t, 0) + log1p(exp(-|t|))``;
  at ``z = 50, y = 1`` this gives 1.9e-22 rather than 0;
* the residual ``sigmoid(z) - y`` is ``-sigmoid(-z)`` when ``y = 1``, so it
  keeps its relative precision when the prediction is confidently right.
"""

from __future__ import annotations

import numpy as np

from lessons._validate import as_labels, as_matrix, as_nonnegative, as_scalar, as_vector, require_finite
from lessons.i18n import translator

_ = translator(__name__)

__all__ = ["sigmoid", "softplus", "logits", "per_sample_loss", "loss", "gradient", "loss_and_gradient", "hessian"]


def sigmoid(z: np.ndarray | float) -> np.ndarray | float:
    """Logistic function ``1 / (1 + exp(-z))`` without overflow.

    Parameters
    ----------
    z : float or array_like, any shape
        Finite real numbers.

    Returns
    -------
    float or ndarray, same shape as ``z``
        Values in [0, 1]. A Python float for scalar input.

    Notes
    -----
    With ``e = exp(-|z|)`` (always in (0, 1]), ``sigmoid(z) = 1 / (1 + e)`` for
    ``z >= 0`` and ``e / (1 + e)`` for ``z < 0``: no branch ever
    exponentiates a large positive number.
    """
    arr = np.asarray(z)
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise TypeError(_("z must be numeric, got {type}").format(type=type(z).__name__))
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(_("z must be real, got a complex number"))
    arr = arr.astype(np.float64, copy=False)
    if np.isnan(arr).any():
        raise ValueError(_("z must not contain NaN"))
    e = np.exp(-np.abs(arr))
    out = np.where(arr >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(out) if out.ndim == 0 else out


def softplus(t: np.ndarray) -> np.ndarray:
    """``log(1 + exp(t))`` computed as ``max(t, 0) + log1p(exp(-|t|))``.

    Parameters
    ----------
    t : ndarray, any shape
        Finite float64 values (not validated: internal helper).

    Returns
    -------
    ndarray, same shape as ``t``
        Accurate to a few ulps everywhere, including ``t -> -inf`` where it
        is ``exp(t)``, and never overflows.
    """
    return np.maximum(t, 0.0) + np.log1p(np.exp(-np.abs(t)))


def _checked(X, y, w, b, lam):
    """Validate the common arguments; return float64 arrays and floats."""
    X = as_matrix(X, "X", check_finite=False)  # _z checks X for NaN and inf, almost for free
    n, d = X.shape
    y = as_labels(y, n, "y")
    w = as_vector(w, d, "w", "d = X.shape[1]")
    b = as_scalar(b, "b")
    lam = as_nonnegative(lam, "lam")
    return X, y, w, b, lam


def _z(X: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    """``X @ w + b``, refusing to continue if ``X`` holds a NaN or inf, or if it overflowed.

    ``w`` and ``b`` must already be finite. Scanning all of ``X`` for NaN and inf
    would cost as much as the product itself, so the product does the scan:
    a NaN or inf in ``X[i, j]`` makes ``z[i]`` NaN or inf whenever ``w[j] != 0``
    (IEEE arithmetic: ``inf * 0`` is NaN, and NaN and inf never cancel to a
    finite number). Only the columns where ``w[j] == 0`` are scanned directly.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        z = X @ w + b
    if np.isfinite(z).all():
        zero = w == 0
        if zero.any() and not np.isfinite(X[:, zero]).all():
            require_finite(X, "X")
        return z
    require_finite(X, "X")  # a NaN or inf in X: say where
    i = int(np.argmax(~np.isfinite(z)))
    raise ValueError(
        _("the logit X @ w + b overflowed float64 at sample {i}; rescale X or use smaller w and b").format(i=i)
    )


def logits(X, w, b) -> np.ndarray:
    """The linear part ``z = X @ w + b``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    w : array_like, shape (d,)
    b : float

    Returns
    -------
    ndarray, shape (n,)
    """
    X = as_matrix(X, "X", check_finite=False)  # _z checks it
    w = as_vector(w, X.shape[1], "w", "d = X.shape[1]")
    return _z(X, w, as_scalar(b, "b"))


def per_sample_loss(X, y, w, b) -> np.ndarray:
    """Negative log-likelihood of each sample, ``-[y log p + (1 - y) log(1 - p)]``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    w : array_like, shape (d,)
    b : float

    Returns
    -------
    ndarray, shape (n,)
        ``softplus(-z)`` where ``y = 1`` and ``softplus(z)`` where ``y = 0``.
    """
    X, y, w, b, _ = _checked(X, y, w, b, 0.0)
    z = _z(X, w, b)
    return softplus(np.where(y == 1, -z, z))


def loss(X, y, w, b, lam: float = 0.0) -> float:
    """Mean negative log-likelihood plus L2 penalty.

    ``J(w, b) = (1/n) sum_i L_i + lam / 2 * ||w||^2``; ``b`` is not penalised.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Features, one sample per row.
    y : array_like, shape (n,)
        Labels, 0 or 1.
    w : array_like, shape (d,)
        Weights.
    b : float
        Bias.
    lam : float, default 0.0
        L2 regularisation strength, ``lam >= 0``.

    Returns
    -------
    float
        The loss, finite and non-negative.

    Raises
    ------
    TypeError, ValueError
        For bad input; the message names the argument.

    Examples
    --------
    >>> import numpy as np
    >>> from lessons.model import loss
    >>> f"{loss(np.array([[50.0]]), np.array([1]), np.array([1.0]), 0.0):.4e}"
    '1.9287e-22'
    """
    X, y, w, b, lam = _checked(X, y, w, b, lam)
    z = _z(X, w, b)
    nll = softplus(np.where(y == 1, -z, z)).mean()
    return float(nll + _penalty(w, lam))


def _penalty(w: np.ndarray, lam: float) -> float:
    """``lam / 2 * ||w||^2``, zero when ``lam = 0`` whatever the size of ``w``."""
    if lam == 0.0:
        return 0.0
    with np.errstate(over="ignore"):
        pen = 0.5 * lam * float(w @ w)
    if not np.isfinite(pen):
        raise ValueError(_("the penalty lam / 2 * ||w||^2 overflowed float64; use smaller w or lam"))
    return pen


def _residual(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``sigmoid(z) - y`` without cancellation.

    With ``s = 1 - 2y`` (+1 for y = 0, -1 for y = 1) the residual is
    ``s * sigmoid(s * z)``: ``sigmoid(z)`` for y = 0 and ``-sigmoid(-z)`` for
    y = 1, so it is never formed as a difference of two numbers near 1.
    ``sigmoid(t) = 1 / (1 + exp(-t))`` is accurate to rounding for every ``t``;
    for ``t < -709`` the ``exp`` overflows to inf and the result is 0, which is
    the true value rounded to float64 (it is below 1e-308). The overflow is
    expected there, so its warning is silenced. Computed in place: the
    gradient's cost should be the two matrix products, not this.
    """
    s = 1.0 - 2.0 * y
    t = np.multiply(s, z)
    np.negative(t, out=t)
    with np.errstate(over="ignore"):
        np.exp(t, out=t)
    t += 1.0
    np.reciprocal(t, out=t)
    t *= s
    return t


def gradient(X, y, w, b, lam: float = 0.0) -> tuple[np.ndarray, float]:
    """Gradient of :func:`loss` with respect to ``w`` and ``b``.

    ``dJ/dw = X.T @ (p - y) / n + lam * w`` and ``dJ/db = mean(p - y)``
    with ``p = sigmoid(X @ w + b)``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    w : array_like, shape (d,)
    b : float
    lam : float, default 0.0

    Returns
    -------
    dw : ndarray, shape (d,)
    db : float
    """
    X, y, w, b, lam = _checked(X, y, w, b, lam)
    n = X.shape[0]
    r = _residual(_z(X, w, b), y)
    return X.T @ r / n + lam * w, float(r.mean())


def loss_and_gradient(X, y, w, b, lam: float = 0.0) -> tuple[float, np.ndarray, float]:
    """:func:`loss` and :func:`gradient` together, sharing one ``X @ w``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    w : array_like, shape (d,)
    b : float
    lam : float, default 0.0

    Returns
    -------
    J : float
    dw : ndarray, shape (d,)
    db : float
    """
    return _loss_and_gradient(*_checked(X, y, w, b, lam))


def _loss_and_gradient(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, lam: float):
    """Unvalidated core of :func:`loss_and_gradient`, for loops that validated once."""
    n = X.shape[0]
    z = _z(X, w, b)
    J = float(softplus(np.where(y == 1, -z, z)).sum() / n + _penalty(w, lam))  # sum / n: mean, without its overhead
    r = _residual(z, y)
    return J, X.T @ r / n + lam * w, float(r.sum() / n)


def hessian(X, y, w, b, lam: float = 0.0) -> np.ndarray:
    """Hessian of :func:`loss` over the parameters ``(w_1, ..., w_d, b)``.

    ``H = A.T @ diag(s) @ A / n + lam * diag(1, ..., 1, 0)`` with
    ``A = [X, 1]`` and ``s = p (1 - p)``. It does not depend on ``y``, but
    ``y`` is taken (and checked) so that every function shares one signature.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    w : array_like, shape (d,)
    b : float
    lam : float, default 0.0

    Returns
    -------
    ndarray, shape (d + 1, d + 1)
        Symmetric positive semi-definite; the bias is the last row/column.
    """
    X, y, w, b, lam = _checked(X, y, w, b, lam)
    n, d = X.shape
    e = np.exp(-np.abs(_z(X, w, b)))
    s = e / (1.0 + e) ** 2  # p (1 - p), symmetric in z, no cancellation
    A = np.hstack([X, np.ones((n, 1))])
    H = (A * s[:, None]).T @ A / n
    H = 0.5 * (H + H.T)  # BLAS may round the two triangles differently
    H[np.arange(d), np.arange(d)] += lam
    return H
