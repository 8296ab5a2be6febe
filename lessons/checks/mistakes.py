"""The catalogue of mistakes: what each is called, how it is explained, and what it does to an answer.

How a function checker names a mistake: on each of a few small problems it computes, from the same
ingredients as the reference (``ŷ``, ``ŷ − y``, ``ŷ(1 − ŷ)``, ``λ``, ``w``, ``b``), every combination of
the usual mistakes (wrong sign, sum instead of mean, an extra ``σ′``, a missing or doubled ``λw``, a
penalised bias, ...): the *candidates*, keyed by the tuple of the mistakes' codes (``()`` is the right
answer). The problems (:mod:`lessons.checks.problems`) have ``n > 1``, ``λ > 0``, ``b ≠ 0`` and
predictions away from 0.5, so that no two combinations agree on all of them; the learner's answer (for a
gradient, ``dw`` and ``db`` each) is matched against the candidates, and the combination with the fewest
mistakes that matches on every problem is reported. Anything else gets the largest difference and a
small input to reproduce it with.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from lessons import model
from lessons import softmax as sm
from lessons.checks.problems import _Problem
from lessons.i18n import N_, translator

_ = translator(__name__)

_RTOL = 1e-6  # learner against candidate: loops and vectorised code agree far better than this
_ATOL = 1e-9

# Each mistake: code -> (title, explanation). Codes listed in _SHARED may occur in either
# component of a gradient and are reported with where they occur; _ALIASES merge codes
# that are told to the learner the same way.
_GRADIENT_MISTAKES = {
    "sign": (
        N_("sign flipped"),
        N_(
            "you used {wrong}; the residual is {right} ({what}). With the wrong sign, gradient descent climbs the "
            "loss instead of descending it."
        ),
    ),
    "sum": (
        N_("sum instead of mean"),
        N_(
            "the data part is n times too big (n = number of samples). The loss is a mean, so its gradient "
            "keeps the 1/n: divide the sum over the samples by n, or use np.mean."
        ),
    ),
    "sigma_prime": (
        N_("an extra σ′ factor"),
        N_(
            "you multiplied the residual ŷ − y by σ′(z) = ŷ(1 − ŷ), as the chain rule does for the squared "
            "error. With the cross-entropy the σ′ cancels: dL/dz = ŷ − y, so drop the ŷ(1 − ŷ)."
        ),
    ),
    "squared_error": (
        N_("squared error's gradient (an extra σ′ factor)"),
        N_(
            "2(ŷ − y)ŷ(1 − ŷ) is the gradient of the squared error (ŷ − y)², not of the cross-entropy. "
            "With the log loss the σ′ = ŷ(1 − ŷ) cancels: dL/dz = ŷ − y."
        ),
    ),
    "one_hot": (
        N_("labels not one-hot encoded"),
        N_(
            "you subtracted the class numbers y from every column of P. The residual is P − Y, with Y the "
            "one-hot rows: Y[i, y[i]] = 1 and 0 elsewhere."
        ),
    ),
    "p_only": (
        N_("labels not subtracted"),
        N_("you used P where the residual is P − Y, with Y the one-hot labels (Y[i, y[i]] = 1, 0 elsewhere)."),
    ),
    "lam_missing": (
        N_("λ term forgotten"),
        N_("{dw} lacks the gradient of the penalty λ/2‖{w}‖², which is λ{w}: add lam * {w} to {dw}."),
    ),
    "lam_double": (
        N_("λ term doubled"),
        N_("you added 2λ{w}, but the derivative of λ/2‖{w}‖² is λ{w} (the 2 from the square cancels the 1/2)."),
    ),
    "lam_over_n": (
        N_("λ term divided by n"),
        N_("λ{w} is not part of the mean over the samples: add lam * {w} after dividing the data part by n."),
    ),
    "bias": (
        N_("bias penalised"),
        N_(
            "db includes λ·b, but the penalty λ/2‖{w}‖² does not involve the bias b, so db is the mean residual "
            "with no λ term."
        ),
    ),
    "db_missing": (
        N_("db missing"),
        N_("{db_how} but the right db (the mean of the residuals) is not zero: compute it and `return {dw}, db`."),
    ),
}
_SHARED = {"sign", "sum", "sigma_prime", "squared_error", "one_hot", "p_only"}
_ALIASES = {"sign_all": "sign"}

_LOSS_MISTAKES = {
    "log2": (
        N_("log₂ instead of the natural log"),
        N_(
            "your loss is 1/ln 2 ≈ 1.4427 times too big: the negative log-likelihood uses the natural log, np.log, "
            "not np.log2."
        ),
    ),
    "log10": (
        N_("log₁₀ instead of the natural log"),
        N_("your loss is 1/ln 10 ≈ 0.4343 times the right one: use np.log, not np.log10."),
    ),
    "minus": (
        N_("minus sign forgotten"),
        N_(
            "the log-likelihood y log ŷ + (1 − y) log(1 − ŷ) is negative; the loss is its negative, "
            "−[y log ŷ + (1 − y) log(1 − ŷ)], so that it is ≥ 0 and smaller is better."
        ),
    ),
    "minus_all": (
        N_("minus sign (whole loss negated)"),
        N_("your loss is the negative of the right one: only the log-likelihood gets the minus sign."),
    ),
    "sum": (
        N_("sum instead of mean"),
        N_(
            "the data part is n times too big (n = number of samples): the loss is the mean, (1/n) Σᵢ Lᵢ, "
            "so divide by n or use np.mean."
        ),
    ),
    "only_y": (
        N_("the (1 − y) term is missing"),
        N_("you kept only −y log ŷ. A sample with y = 0 then costs nothing; add −(1 − y) log(1 − ŷ)."),
    ),
    "only_1my": (
        N_("the y·log ŷ term is missing"),
        N_("you kept only −(1 − y) log(1 − ŷ). A sample with y = 1 then costs nothing; add −y log ŷ."),
    ),
    "pen_missing": (N_("λ penalty forgotten"), N_("add λ/2‖w‖², i.e. lam / 2 * w @ w.")),
    "pen_double": (
        N_("penalty λ‖w‖² instead of λ/2‖w‖²"),
        N_("the series' penalty has the factor 1/2: lam / 2 * w @ w."),
    ),
    "pen_with_b": (
        N_("bias penalised"),
        N_("your penalty includes b²; the bias is not penalised: the penalty is λ/2‖w‖², with w only."),
    ),
}


def _told(mistakes: dict[str, tuple[str, str]], code: str) -> tuple[str, str]:
    """The title and the explanation of the mistake ``code`` of ``mistakes``, in the learner's language."""
    title, text = mistakes[code]
    return _(title), _(text)


# ---------------------------------------------------------------- matching


def _key(*codes: str | None) -> tuple[str, ...]:
    """The candidate key of a combination of mistakes: the codes given, None (no mistake) left out."""
    return tuple(c for c in codes if c is not None)


def _close(a: object, b: object) -> bool:
    """True when a learner's value ``a`` matches the candidate ``b`` (entrywise, to ``_RTOL`` and ``_ATOL``)."""
    return bool(np.allclose(a, b, rtol=_RTOL, atol=_ATOL))


def _diagnose(learner: list, candidates: list[dict[tuple[str, ...], object]]) -> tuple[str, ...] | None:
    """The fewest-mistakes key whose candidate matches the learner on every problem, or None.

    Parameters
    ----------
    learner : list
        The learner's value on each problem.
    candidates : list of dict
        For each problem, key -> the value that combination of mistakes gives.

    Returns
    -------
    tuple of str or None
        ``()`` when the learner is right; None when no combination matches.
    """
    for key in sorted(candidates[0], key=len):
        if all(_close(value, cand[key]) for value, cand in zip(learner, candidates, strict=True)):
            return key
    return None


# ---------------------------------------------------------------- the candidates


def _binary_gradient_candidates(p: _Problem) -> tuple[dict, dict]:
    """Every combination of the known mistakes, for dw and for db of the binary gradient on ``p``."""
    X, y, w, b, lam = p.X, p.y, p.w, float(p.b), p.lam
    n = p.n
    y_hat = model.sigmoid(X @ w + b)
    r = y_hat - y
    s = y_hat * (1.0 - y_hat)
    residuals = ((None, r), ("sigma_prime", r * s), ("squared_error", 2.0 * r * s))
    signs = ((None, 1.0, 1.0), ("sign", -1.0, 1.0), ("sign_all", -1.0, -1.0))  # (code, data, penalty)
    scales = ((None, 1.0 / n), ("sum", 1.0))
    w_penalties = (
        (None, lam * w),
        ("lam_missing", 0.0 * w),
        ("lam_double", 2.0 * lam * w),
        ("lam_over_n", lam * w / n),
    )
    b_penalties = ((None, 0.0), ("bias", lam * b))
    dw: dict[tuple[str, ...], object] = {}
    db: dict[tuple[str, ...], object] = {}
    for (rc, rr), (sc, s_data, s_pen), (kc, k) in itertools.product(residuals, signs, scales):
        for pc, pen in w_penalties:
            dw.setdefault(_key(rc, sc, kc, pc), s_data * k * (X.T @ rr) + s_pen * pen)
        for pc, pen in b_penalties:
            db.setdefault(_key(rc, sc, kc, pc), s_data * k * float(rr.sum()) + s_pen * pen)
    db[("db_missing",)] = 0.0
    dw[()], db[()] = model.gradient(X, y, w, b, lam)
    return dw, db


def _softmax_gradient_candidates(p: _Problem) -> tuple[dict, dict]:
    """Every combination of the known mistakes, for dW and for db of the softmax gradient on ``p``."""
    X, y, W, b, lam = p.X, p.y, p.w, p.b, p.lam
    n, K = p.n, W.shape[1]
    P = sm.softmax(X @ W + b)
    Y = np.eye(K)[y]
    residuals = ((None, P - Y), ("one_hot", P - y[:, None]), ("p_only", P))
    signs = ((None, 1.0, 1.0), ("sign", -1.0, 1.0), ("sign_all", -1.0, -1.0))
    scales = ((None, 1.0 / n), ("sum", 1.0))
    W_penalties = (
        (None, lam * W),
        ("lam_missing", 0.0 * W),
        ("lam_double", 2.0 * lam * W),
        ("lam_over_n", lam * W / n),
    )
    b_penalties = ((None, 0.0 * b), ("bias", lam * b))
    dW: dict[tuple[str, ...], object] = {}
    db: dict[tuple[str, ...], object] = {}
    for (rc, R), (sc, s_data, s_pen), (kc, k) in itertools.product(residuals, signs, scales):
        for pc, pen in W_penalties:
            dW.setdefault(_key(rc, sc, kc, pc), s_data * k * (X.T @ R) + s_pen * pen)
        for pc, pen in b_penalties:
            db.setdefault(_key(rc, sc, kc, pc), s_data * k * R.sum(axis=0) + s_pen * pen)
    db[("db_missing",)] = np.zeros(K)
    dW[()], db[()] = sm.gradient(X, y, W, b, lam)
    return dW, db


def _loss_candidates(p: _Problem) -> dict[tuple[str, ...], float]:
    """Every combination of the known mistakes in the binary loss on ``p``."""
    X, y, w, b, lam = p.X, p.y, p.w, float(p.b), p.lam
    z = X @ w + b
    term_y = y * model.softplus(-z)  # −y log ŷ
    term_0 = (1.0 - y) * model.softplus(z)  # −(1 − y) log(1 − ŷ)
    datas = ((None, term_y + term_0), ("only_y", term_y), ("only_1my", term_0))
    logs = ((None, 1.0), ("log2", 1.0 / math.log(2.0)), ("log10", 1.0 / math.log(10.0)))
    signs = ((None, 1.0, 1.0), ("minus", -1.0, 1.0), ("minus_all", -1.0, -1.0))
    scales = ((None, 1.0 / p.n), ("sum", 1.0))
    ww = float(w @ w)
    penalties = (
        (None, lam / 2 * ww),
        ("pen_missing", 0.0),
        ("pen_double", lam * ww),
        ("pen_with_b", lam / 2 * (ww + b * b)),
    )
    out: dict[tuple[str, ...], float] = {}
    for (dc, t), (lc, lf), (sc, s_data, s_pen), (kc, k), (pc, pen) in itertools.product(
        datas, logs, signs, scales, penalties
    ):
        out.setdefault(_key(dc, lc, sc, kc, pc), s_data * lf * k * float(t.sum()) + s_pen * pen)
    out[()] = model.loss(X, y, w, b, lam)
    return out
