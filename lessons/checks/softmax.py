"""The checker of the softmax (multinomial logistic) gradient, :func:`check_softmax_gradient`."""

from __future__ import annotations

import numpy as np

from lessons.checks.gradient import _check_gradient_like
from lessons.checks.mistakes import _softmax_gradient_candidates
from lessons.checks.problems import _Problem, _softmax_problems
from lessons.checks.reading import _db_value, _real_array, _require_finite, _split_pair
from lessons.checks.result import Result, _fail, _never_raises
from lessons.i18n import translator

_ = translator(__name__)


def _parse_softmax_gradient(out: object, p: _Problem) -> tuple[np.ndarray, np.ndarray | None, str]:
    """``(dW, db, how)`` from what a softmax gradient returned on ``p``; ``db`` is None when missing.

    Raises
    ------
    _Stop
        A failure saying what is wrong: not a pair, a wrong type or shape (a transposed dW, a db per
        sample or over all entries), a NaN.
    """
    n, d, K = p.n, p.d, p.w.shape[1]
    dW_raw, db_raw = _split_pair(out, ("dW", "db"))
    dW = _real_array(dW_raw, "dW")
    if dW.shape != (d, K):
        text = _("wrong shape: dW must be (d, K) = ({d}, {K}), like W, got {shape}").format(d=d, K=K, shape=dW.shape)
        if dW.shape == (K, d):
            text += _(": did you compute (P − Y)ᵀX instead of Xᵀ(P − Y)?")
        elif dW.shape == (n, K):
            text += _(": one row per sample; multiply by the features, X.T @ (P − Y), which sums over the samples")
        _fail(text)
    _require_finite(dW, "dW")
    db_raw, how = _db_value(db_raw)
    if db_raw is None:
        return dW, None, how
    db = _real_array(db_raw, "db")
    if db.shape != (K,):
        text = _("wrong shape: db must have shape (K,) = ({K},), one entry per class like b, got {shape}").format(
            K=K, shape=db.shape
        )
        if db.ndim == 0:
            text += _(": average the residuals over the samples only, (P − Y).mean(axis=0), not over all entries")
        elif db.shape == (n, K):
            text += _(": one row per sample; average over the samples, .mean(axis=0)")
        elif db.shape == (1, K):
            text += _(": drop the extra axis (no keepdims), or use .ravel()")
        _fail(text)
    _require_finite(db, "db")
    return dW, db, how


@_never_raises
def check_softmax_gradient(fn: object) -> Result:
    """Check a learner's gradient of the softmax (multinomial logistic) loss.

    Parameters
    ----------
    fn : callable
        ``fn(X, y, W, b, lam=0.0) -> (dW, db)`` with ``X`` (n, d), ``y`` (n,)
        integer labels in 0..K-1, ``W`` (d, K), ``b`` (K,); ``dW`` must have
        shape (d, K) and ``db`` shape (K,). Compared with
        :func:`lessons.softmax.gradient` on a few fixed problems.

    Returns
    -------
    Result
        Passed when ``fn`` matches on every problem; otherwise the message
        names the mistake it recognises (sign flipped, sum instead of mean
        (1/n), labels not one-hot encoded, transposed dW and other wrong
        shapes, λ term forgotten or doubled, bias penalised, db missing) or
        shows an input where ``fn`` differs. A stub is "not attempted".
    """
    return _check_gradient_like(
        fn,
        _softmax_problems(),
        _parse_softmax_gradient,
        _softmax_gradient_candidates,
        ("dW", "db"),
        "(X, y, W, b, lam=0.0)",
        "lessons.softmax.gradient",
        "check_softmax_gradient(gradient)",
        {"right": "P − Y", "wrong": "Y − P", "what": _("probabilities minus one-hot labels")},
    )
