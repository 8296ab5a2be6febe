"""Multinomial (softmax) logistic regression: the multi-class twin of :mod:`lessons.model`.

Conventions (the series' public contract):

* ``X`` has shape (n, d), ``y`` shape (n,) with integer labels in
  ``0 .. K - 1``, ``W`` shape (d, K) (one column of weights per class),
  ``b`` shape (K,) and ``lam >= 0``;
* the scores are ``Z = X @ W + b`` (n, K) and the probabilities
  ``P = softmax(Z)`` row by row;
* the loss is the mean cross-entropy ``-(1/n) sum_i log P[i, y_i]`` plus
  ``lam / 2 * ||W||_F^2``; the biases ``b`` are not penalised;
* the flat parameter vector used by :func:`hessian` and :func:`fit` is
  ``theta = (W.ravel(), b)``, i.e. the rows of the (d + 1, K) matrix
  ``[W; b]`` one after the other (see :func:`pack` and :func:`unpack`).

Accuracy comes from writing every quantity relative to the row maximum
``m = max_k z_k``, so that no exponential can overflow and nothing close to 1
is ever subtracted from 1:

* with ``e_k = exp(z_k - m)`` the largest ``e`` is exactly 1; let ``s`` be the
  sum of the *other* ``e_k``. Then ``sum_k e_k = 1 + s`` and
  ``log p_k = (z_k - m) - log1p(s)``. For a confident correct prediction the
  loss is ``log1p(s)``, e.g. 1.9e-22 for a margin of 50, rather than 0;
* the residual ``p_y - 1`` of the true class is computed as
  ``-sum_{k != y} p_k``, a sum of positive terms, and the Hessian's diagonal
  ``p_k (1 - p_k)`` as ``p_k * sum_{m != k} p_m``.

Adding the same number to every class's score leaves ``P`` unchanged, so the
parameters are redundant: ``b + c * 1`` (and, without the penalty,
``W + v 1^T``) give the same model. The Hessian is therefore singular along
those directions; with ``lam > 0`` the penalty fixes ``W`` (its rows sum to
zero at the optimum) but ``b`` keeps its free constant.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import numpy as np

from lessons import optimize
from lessons._validate import (
    as_float_array,
    as_labels,
    as_matrix,
    as_nonnegative,
    as_positive_int,
    as_vector,
    require_finite,
)
from lessons.i18n import translator

_ = translator(__name__)

__all__ = [
    "softmax",
    "log_softmax",
    "scores",
    "per_sample_loss",
    "loss",
    "gradient",
    "loss_and_gradient",
    "hessian",
    "predict_proba",
    "predict",
    "pack",
    "unpack",
    "SoftmaxFit",
    "fit",
]


# --------------------------------------------------------------------------------------------
# softmax itself
# --------------------------------------------------------------------------------------------


def _shifted(Z: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(Z - m, e, s)`` row by row: ``e = exp(Z - m)`` with the row's maximum
    entry exactly 1, and ``s`` (shape (..., 1)) the sum of the *other* entries of ``e``."""
    with np.errstate(over="ignore"):  # a row spanning more than the float64 range: -inf, then exp gives 0
        D = Z - Z.max(axis=-1, keepdims=True)
    E = np.exp(D)
    top = np.argmax(D, axis=-1)[..., None]  # the (first) maximum of each row
    others = E.copy()
    np.put_along_axis(others, top, 0.0, axis=-1)
    return D, E, others.sum(axis=-1, keepdims=True)


def _as_scores(Z: object, name: str = "Z") -> np.ndarray:
    arr = as_float_array(Z, name)
    if arr.ndim == 0 or arr.shape[-1] == 0:
        raise ValueError(
            _("{name} must have at least one class along its last axis, got shape {shape}").format(
                name=name, shape=arr.shape
            )
        )
    require_finite(arr, name)
    return arr


def softmax(Z) -> np.ndarray:
    """Row-wise softmax ``p_k = exp(z_k) / sum_j exp(z_j)`` without overflow.

    Parameters
    ----------
    Z : array_like, shape (..., K)
        Finite scores; the classes run along the last axis (a 1-D array is
        one row, a 2-D array (n, K) one row per sample).

    Returns
    -------
    ndarray, same shape as ``Z``
        Probabilities in [0, 1]; each row sums to 1.

    Notes
    -----
    Computed as ``exp(z_k - m) / (1 + s)`` with ``m`` the row maximum and
    ``s`` the sum of ``exp(z_j - m)`` over the other classes: every
    exponent is ``<= 0``, so nothing overflows for any finite scores.

    Examples
    --------
    >>> import numpy as np
    >>> from lessons.softmax import softmax
    >>> softmax(np.array([1e4, 0.0, -1e4])).tolist()
    [1.0, 0.0, 0.0]
    """
    _, E, s = _shifted(_as_scores(Z))
    return E / (1.0 + s)


def log_softmax(Z) -> np.ndarray:
    """Row-wise ``log softmax(Z)``, accurate also where ``p`` is close to 1 or tiny.

    Parameters
    ----------
    Z : array_like, shape (..., K)
        Finite scores, classes along the last axis.

    Returns
    -------
    ndarray, same shape as ``Z``
        ``(z_k - m) - log1p(s)``, all ``<= 0``: finite even where ``p``
        itself underflows to 0.
    """
    D, _e, s = _shifted(_as_scores(Z))
    out = D - np.log1p(s)
    if not np.isfinite(out).all():
        raise ValueError(_("Z spans more than the float64 range within a row: a log-probability is below -1.8e308"))
    return out


# --------------------------------------------------------------------------------------------
# validation and the unchecked cores
# --------------------------------------------------------------------------------------------


def _as_weights(W: object, d: int, name: str = "W", n_classes: int | None = None) -> np.ndarray:
    """``W`` as a finite float64 array of shape (d, K), K >= 2 (or K = n_classes)."""
    arr = as_float_array(W, name)
    expected = f"(d, K) = ({d}, {'K' if n_classes is None else n_classes})"
    if arr.ndim != 2:
        raise ValueError(
            _("{name} must be 2-D with shape {expected}, got {ndim}-D shape {shape}").format(
                name=name, expected=expected, ndim=arr.ndim, shape=arr.shape
            )
        )
    if arr.shape[0] != d:
        raise ValueError(
            _(
                "{name} must have shape {expected}: one row per feature (d = X.shape[1] = {d}), got shape {shape}"
            ).format(name=name, expected=expected, d=d, shape=arr.shape)
        )
    if n_classes is not None and arr.shape[1] != n_classes:
        raise ValueError(
            _("{name} must have shape {expected}: one column per class, got shape {shape}").format(
                name=name, expected=expected, shape=arr.shape
            )
        )
    if arr.shape[1] < 2:
        raise ValueError(
            _("{name} must have K >= 2 columns (one per class), got shape {shape}").format(name=name, shape=arr.shape)
        )
    require_finite(arr, name)
    return arr


def _checked_model(X, W, b):
    X = as_matrix(X, "X")
    W = _as_weights(W, X.shape[1])
    b = as_vector(b, W.shape[1], "b", "K = W.shape[1]")
    return X, W, b


def _checked(X, y, W, b, lam):
    """Validate the common arguments; return float64 arrays, int labels and a float."""
    X, W, b = _checked_model(X, W, b)
    y = as_labels(y, X.shape[0], "y", n_classes=W.shape[1]).astype(np.intp)
    lam = as_nonnegative(lam, "lam")
    return X, y, W, b, lam


def _scores(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``X @ W + b``, shape (n, K), refusing to continue if it overflowed."""
    with np.errstate(over="ignore", invalid="ignore"):
        Z = X @ W + b
    if not np.isfinite(Z).all():
        i = int(np.argwhere(~np.isfinite(Z))[0, 0])
        raise ValueError(
            _("the scores X @ W + b overflowed float64 at sample {i}; rescale X or use smaller W and b").format(i=i)
        )
    return Z


def _scores_by_class(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``(X @ W + b).T``, shape (K, n) and C-contiguous, refusing to continue if it overflowed."""
    with np.errstate(over="ignore", invalid="ignore"):
        Zt = W.T @ X.T
        Zt += b[:, None]
    finite = np.isfinite(Zt)
    if not finite.all():
        i = int(np.argmin(finite.all(axis=0)))
        raise ValueError(
            _("the scores X @ W + b overflowed float64 at sample {i}; rescale X or use smaller W and b").format(i=i)
        )
    return Zt


def _penalty(W: np.ndarray, lam: float) -> float:
    """``lam / 2 * ||W||_F^2``, zero when ``lam = 0`` whatever the size of ``W``."""
    if lam == 0.0:
        return 0.0
    with np.errstate(over="ignore"):
        pen = 0.5 * lam * float(np.sum(W * W))
    if not np.isfinite(pen):
        raise ValueError(_("the penalty lam / 2 * ||W||^2 overflowed float64; use smaller W or lam"))
    return pen


def _nll_and_residual(Zt: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-sample ``-log p_y`` (n,) and the residual ``(P - Y).T`` (K, n), both without cancellation.

    Worked class by sample, on the scores ``Zt = Z.T`` (K, n): every reduction over the classes then
    runs along the long axis of samples, which halves the time of a fit's step when K is small.
    """
    cols = np.arange(Zt.shape[1])
    with np.errstate(over="ignore"):  # a sample's scores spanning more than the float64 range: -inf, exp gives 0
        Dt = Zt - Zt.max(axis=0)
    Et = np.exp(Dt)
    top = np.argmax(Dt, axis=0)  # the (first) top class of each sample, whose e is exactly 1
    Et[top, cols] = 0.0
    s = Et.sum(axis=0)  # the sum of the other classes' e
    nll = np.log1p(s) - Dt[y, cols]  # (m - z_y) + log(1 + s), two non-negative terms
    if not np.isfinite(nll).all():
        i = int(np.argmax(~np.isfinite(nll)))
        raise ValueError(
            _("the loss of sample {i} overflowed float64 (max_k z_k - z_y > 1.8e308); use smaller W and b").format(i=i)
        )
    Rt = Et / (1.0 + s)  # P.T, its top entries still 0
    Rt[top, cols] = 1.0 / (1.0 + s)
    Rt[y, cols] = 0.0
    Rt[y, cols] = -Rt.sum(axis=0)  # p_y - 1 = -(sum of the other classes' probabilities)
    return nll, Rt


def _loss_and_gradient(X: np.ndarray, y: np.ndarray, W: np.ndarray, b: np.ndarray, lam: float):
    """Unvalidated core of :func:`loss_and_gradient`, for loops that validated once (the fitters' objective).

    Returns
    -------
    J : float
    dW : ndarray, shape (d, K)
    db : ndarray, shape (K,)
    """
    nll, Rt = _nll_and_residual(_scores_by_class(X, W, b), y)
    n = X.shape[0]
    J = float(nll.sum() / n + _penalty(W, lam))
    return J, (Rt @ X).T / n + lam * W, Rt.sum(axis=1) / n


def _hessian(X: np.ndarray, y: np.ndarray, W: np.ndarray, b: np.ndarray, lam: float) -> np.ndarray:
    """Unvalidated core of :func:`hessian` (``y`` is not used; it keeps the fitters' signature).

    Block ``(k, m)`` is the weighted Gram matrix ``A.T diag(s_km) A / n`` with ``s_km = p_k (1 - p_k)``
    on the diagonal and ``-p_k p_m`` off it: ``K (K + 1) / 2`` BLAS products of shape
    (d + 1, n) @ (n, d + 1), rather than one sum over an (n, K, K) array.
    """
    n, d = X.shape
    K = W.shape[1]
    _, E, s = _shifted(_scores(X, W, b))
    P = E / (1.0 + s)
    Q = P @ (1.0 - np.eye(K))  # 1 - p_k as the sum of the other probabilities
    A = np.hstack([X, np.ones((n, 1))])
    H = np.empty((d + 1, K, d + 1, K))
    for k in range(K):
        for m in range(k, K):
            weight = P[:, k] * Q[:, k] if m == k else -(P[:, k] * P[:, m])
            block = (A * weight[:, None]).T @ A / n
            H[:, k, :, m] = block
            if m != k:
                H[:, m, :, k] = block.T
    H = H.reshape((d + 1) * K, (d + 1) * K)
    H = 0.5 * (H + H.T)  # BLAS may round the two triangles differently
    idx = np.arange(d * K)
    H[idx, idx] += lam
    return H


# --------------------------------------------------------------------------------------------
# the public functions
# --------------------------------------------------------------------------------------------


def scores(X, W, b) -> np.ndarray:
    """The linear part ``Z = X @ W + b``, one score per sample and class.

    Parameters
    ----------
    X : array_like, shape (n, d)
    W : array_like, shape (d, K)
    b : array_like, shape (K,)

    Returns
    -------
    ndarray, shape (n, K)
    """
    return _scores(*_checked_model(X, W, b))


def predict_proba(X, W, b) -> np.ndarray:
    """Class probabilities ``softmax(X @ W + b)``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    W : array_like, shape (d, K)
    b : array_like, shape (K,)

    Returns
    -------
    ndarray, shape (n, K)
        Each row sums to 1.
    """
    _, E, s = _shifted(scores(X, W, b))
    return E / (1.0 + s)


def predict(X, W, b) -> np.ndarray:
    """The most probable class of each sample.

    Parameters
    ----------
    X : array_like, shape (n, d)
    W : array_like, shape (d, K)
    b : array_like, shape (K,)

    Returns
    -------
    ndarray of int, shape (n,)
        ``argmax_k z_k`` (the first class on a tie).
    """
    return np.argmax(scores(X, W, b), axis=1)


def per_sample_loss(X, y, W, b) -> np.ndarray:
    """Cross-entropy of each sample, ``-log p_{y_i}``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), integers in 0..K-1
    W : array_like, shape (d, K)
    b : array_like, shape (K,)

    Returns
    -------
    ndarray, shape (n,)
        Non-negative; ``log1p(s)`` when the true class has the top score.
    """
    X, y, W, b, _ = _checked(X, y, W, b, 0.0)
    return _nll_and_residual(_scores_by_class(X, W, b), y)[0]


def loss(X, y, W, b, lam: float = 0.0) -> float:
    """Mean cross-entropy plus L2 penalty on the weights.

    ``J(W, b) = -(1/n) sum_i log p_{i, y_i} + lam / 2 * ||W||_F^2``; ``b`` is
    not penalised.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Features, one sample per row.
    y : array_like, shape (n,)
        Class labels, integers in ``0 .. K - 1``.
    W : array_like, shape (d, K)
        Weights, one column per class.
    b : array_like, shape (K,)
        Biases, one per class.
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
    >>> from lessons.softmax import loss
    >>> f"{loss(np.array([[1.0]]), np.array([0]), np.array([[50.0, 0.0, 0.0]]), np.zeros(3)):.4e}"
    '3.8575e-22'
    """
    X, y, W, b, lam = _checked(X, y, W, b, lam)
    nll, _ = _nll_and_residual(_scores_by_class(X, W, b), y)
    return float(nll.mean() + _penalty(W, lam))


def gradient(X, y, W, b, lam: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Gradient of :func:`loss` with respect to ``W`` and ``b``.

    ``dJ/dW = X.T @ (P - Y) / n + lam * W`` and ``dJ/db = mean over samples
    of (P - Y)``, with ``P = softmax(X @ W + b)`` and ``Y`` the one-hot labels.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), integers in 0..K-1
    W : array_like, shape (d, K)
    b : array_like, shape (K,)
    lam : float, default 0.0

    Returns
    -------
    dW : ndarray, shape (d, K)
    db : ndarray, shape (K,)
        Its entries sum to 0 (each row of ``P - Y`` does).
    """
    _, dW, db = _loss_and_gradient(*_checked(X, y, W, b, lam))
    return dW, db


def loss_and_gradient(X, y, W, b, lam: float = 0.0) -> tuple[float, np.ndarray, np.ndarray]:
    """:func:`loss` and :func:`gradient` together, sharing one ``X @ W``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), integers in 0..K-1
    W : array_like, shape (d, K)
    b : array_like, shape (K,)
    lam : float, default 0.0

    Returns
    -------
    J : float
    dW : ndarray, shape (d, K)
    db : ndarray, shape (K,)
    """
    return _loss_and_gradient(*_checked(X, y, W, b, lam))


def hessian(X, y, W, b, lam: float = 0.0) -> np.ndarray:
    """Hessian of :func:`loss` over ``theta = (W.ravel(), b)``.

    With ``A = [X, 1]`` (n, d + 1) and, for each sample, the softmax Jacobian
    ``S_i = diag(p_i) - p_i p_i^T`` (K, K),

    ``H[(j, k), (l, m)] = (1/n) sum_i A_ij A_il S_i[k, m] + lam [j = l < d] [k = m]``,

    i.e. ``H = (1/n) sum_i (a_i a_i^T) kron S_i + lam * diag(1, ..., 1, 0, ..., 0)``.
    Row ``j * K + k`` belongs to ``W[j, k]`` for ``j < d`` and to ``b[k]`` for
    ``j = d``. It does not depend on ``y``, but ``y`` is taken (and checked)
    so that every function shares one signature.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), integers in 0..K-1
    W : array_like, shape (d, K)
    b : array_like, shape (K,)
    lam : float, default 0.0

    Returns
    -------
    ndarray, shape ((d + 1) K, (d + 1) K)
        Symmetric positive semi-definite, and always singular: every ``S_i``
        maps the all-ones vector to 0, so adding a constant to every ``b[k]``
        is a flat direction (and, when ``lam = 0``, so is adding ``v_j`` to
        every ``W[j, k]``).
    """
    X, y, W, b, lam = _checked(X, y, W, b, lam)
    return _hessian(X, y, W, b, lam)


# --------------------------------------------------------------------------------------------
# fitting
# --------------------------------------------------------------------------------------------


def pack(W, b) -> np.ndarray:
    """The flat parameter vector ``theta = (W.ravel(), b)``.

    Parameters
    ----------
    W : array_like, shape (d, K)
    b : array_like, shape (K,)

    Returns
    -------
    ndarray, shape ((d + 1) K,)
        The rows of ``[W; b]``, one after the other (row-major).
    """
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if W.ndim != 2 or b.shape != (W.shape[1],):
        raise ValueError(_("W must have shape (d, K) and b shape (K,), got {W} and {b}").format(W=W.shape, b=b.shape))
    return np.concatenate([W.ravel(), b])


def unpack(theta, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Inverse of :func:`pack`.

    Parameters
    ----------
    theta : array_like, shape ((d + 1) K,)
    n_classes : int
        ``K``.

    Returns
    -------
    W : ndarray, shape (d, K)
    b : ndarray, shape (K,)
    """
    theta = np.asarray(theta, dtype=float)
    K = as_positive_int(n_classes, "n_classes")
    if theta.ndim != 1 or theta.size % K or theta.size < 2 * K:
        raise ValueError(
            _("theta must be 1-D with length (d + 1) * K, K = {K}, d >= 1; got shape {shape}").format(
                K=K, shape=theta.shape
            )
        )
    M = theta.reshape(-1, K)
    return M[:-1], M[-1]


@dataclass
class SoftmaxFit(optimize.FitResult):
    """What :func:`fit` returns: a :class:`~lessons.optimize.FitResult` whose ``path`` rows are
    ``theta = (W.ravel(), b)``, with the shape needed to read them.

    Attributes
    ----------
    n_features, n_classes : int
        ``d`` and ``K``.

    Besides the fields of :class:`~lessons.optimize.FitResult` (``path``,
    ``losses``, ``grad_norms``, ``times``, ``converged``, ``diverged_at``,
    ``method``, ``message``, and ``theta``, ``n_iter``, ``diverged``), the
    properties ``W`` (d, K) and ``b`` (K,) are the final parameters, and
    :meth:`params` unpacks any row of ``path``.
    """

    n_features: int = field(kw_only=True)
    n_classes: int = field(kw_only=True)

    def params(self, step: int = -1) -> tuple[np.ndarray, np.ndarray]:
        """``(W, b)`` after update ``step`` (default: the last), shapes (d, K) and (K,)."""
        W, b = unpack(self.path[step], self.n_classes)
        return W.copy(), b.copy()

    @property
    def W(self) -> np.ndarray:
        """The final weights, shape (d, K)."""
        return self.params()[0]

    @property
    def b(self) -> np.ndarray:  # one bias per class, where the binary result has one number
        """The final biases, shape (K,)."""
        return self.params()[1]

    @property
    def w(self) -> np.ndarray:
        """Not defined for softmax: the weights are ``W``, shape (d, K)."""
        raise AttributeError(_("a softmax fit has W, shape (d, K), not w; see also params()"))

    @property
    def result(self) -> SoftmaxFit:
        """The run itself (this object; kept from when the fit wrapped a separate result)."""
        return self


def _class_labels(y: object, n: int, n_classes: object) -> tuple[np.ndarray, int]:
    """Labels as int (n,) and the number of classes ``K``."""
    if n_classes is None:
        arr = as_vector(y, n, "y", "n = X.shape[0]")
        bad = (arr < 0) | (arr != np.round(arr))
        if bad.any():
            i = int(np.argmax(bad))
            v = arr[i]
            shown = int(v) if v == round(v) else float(v)
            raise ValueError(
                _("y must contain only non-negative integers (class labels), got {value} at index {i}").format(
                    value=shown, i=i
                )
            )
        K = int(arr.max()) + 1
        if K < 2:
            raise ValueError(
                _(
                    "y must contain labels of at least two classes, got only label {label}; "
                    "pass n_classes=K if the other classes are merely absent"
                ).format(label=K - 1)
            )
    else:
        if isinstance(n_classes, bool) or not isinstance(n_classes, numbers.Integral):
            raise TypeError(_("n_classes must be an integer >= 2, got {type}").format(type=type(n_classes).__name__))
        K = int(n_classes)
        if K < 2:
            raise ValueError(_("n_classes must be >= 2, got {K}").format(K=K))
    return as_labels(y, n, "y", n_classes=K).astype(np.intp), K


def fit(
    X,
    y,
    lam: float = 0.0,
    method: str = "auto",
    *,
    n_classes: int | None = None,
    W0=None,
    b0=None,
    **options,
) -> SoftmaxFit:
    """Fit multinomial logistic regression.

    Minimises ``J(W, b) = mean cross-entropy + lam / 2 * ||W||_F^2`` with the
    engine of :func:`lessons.optimize.minimize` (see there for the update
    rules and the stopping rules), on ``theta = (W.ravel(), b)``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), integers in 0..K-1
    lam : float, default 0.0
        L2 strength on ``W``, ``>= 0`` (the biases are not penalised). With
        ``lam = 0`` the optimum is never unique (see :func:`hessian`), and on
        separable data it does not exist.
    method : {"auto", "newton", "lbfgs", "gd", "sgd", "momentum", "adam"}, default "auto"
        ``"auto"`` runs ``"newton"`` when ``(d + 1) K <=``
        :data:`lessons.optimize.NEWTON_MAX_PARAMETERS` and scipy's L-BFGS
        (``"lbfgs"``) above: both run to the optimum. ``"newton"`` reaches
        machine precision in a few steps; its Hessian costs ``K (K + 1) / 2``
        BLAS products and its linear solve is a least-squares one, so the
        Hessian's flat directions do no harm (the step has no component along them).
    n_classes : int, optional
        ``K``; by default ``max(y) + 1``. Must be ``>= 2``.
    W0 : array_like, shape (d, K), optional
        Start weights; zeros by default.
    b0 : array_like, shape (K,), optional
        Start biases; zeros by default.
    **options
        As for :func:`lessons.optimize.fit`: ``steps``, ``tol`` (``None``: run
        exactly ``steps`` updates, no convergence test),
        ``learning_rate`` (default ``1 / L`` with the softmax curvature bound
        1/2, see :func:`lessons.optimize.default_learning_rate`; 0.01 for
        Adam), ``batch_size`` and ``seed`` (sgd), ``momentum``, ``beta1``,
        ``beta2``, ``eps`` (Adam), and ``memory`` (L-BFGS).

    Returns
    -------
    SoftmaxFit
        ``.W`` (d, K), ``.b`` (K,), ``.path`` (k + 1, (d + 1) K),
        ``.losses``, ``.grad_norms``, ``.converged``, ``.method``.

    Raises
    ------
    ValueError, TypeError
        For bad data, an unknown method, an option the method does not take,
        or a bad option value; each message names the argument.

    Warns
    -----
    lessons.ConvergenceWarning
        When the run stops without meeting ``tol`` (not with ``tol=None``).
    """
    X = as_matrix(X, "X")
    n, d = X.shape
    y, K = _class_labels(y, n, n_classes)
    lam = as_nonnegative(lam, "lam")
    method, opts = optimize.check_options(method, options, n, n_params=(d + 1) * K)
    W = np.zeros((d, K)) if W0 is None else _as_weights(W0, d, "W0", n_classes=K)
    b = np.zeros(K) if b0 is None else as_vector(b0, K, "b0", "K")
    if "learning_rate" in opts and opts["learning_rate"] is None:
        opts["learning_rate"] = 0.01 if method == "adam" else optimize.default_learning_rate(X, lam, curvature=0.5)
    objective = optimize.ModelObjective(X, y, lam, _loss_and_gradient, _hessian, (d, K))
    result = optimize.minimize(objective, pack(W, b), method, opts)
    return SoftmaxFit(**result._fields(), n_features=d, n_classes=K)
