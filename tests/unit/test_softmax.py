"""Tests of lessons.softmax: accuracy against a high-precision mpmath reference,
calculus laws as property tests, the reduction to the binary model, agreement
with scikit-learn's multinomial logistic regression, and the rejection of bad input."""

from __future__ import annotations

import functools
import math
import warnings
from dataclasses import dataclass

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lessons import model, optimize
from lessons import softmax as sm
from lessons.gradcheck import numerical_gradient

# ---------------------------------------------------------------- the reference


@dataclass
class Reference:
    """Exact values rounded to float64, with the scale of each sum (as in reference.py):
    ``*_scale`` is the sum of the absolute values of the terms, the honest denominator
    of a relative error when terms of both signs cancel."""

    loss: float
    dW: np.ndarray
    db: np.ndarray
    H: np.ndarray
    dW_scale: np.ndarray
    db_scale: np.ndarray
    H_scale: np.ndarray


def reference(X, y, W, b, lam=0.0) -> Reference:
    """Textbook formulas (no stability tricks) in enough digits to resolve ``1 - p``
    for the largest score gap: exp(-gap) needs gap / ln 10 digits, plus 60."""
    X, W, b = (np.asarray(v, dtype=float) for v in (X, W, b))
    n, d = X.shape
    K = W.shape[1]
    Z = X @ W + b
    gap = float(np.max(Z.max(axis=1) - Z.min(axis=1)))
    digits = 60 + int(math.ceil(gap / math.log(10))) + 5
    with mp.workdps(digits):
        A = [[mp.mpf(float(v)) for v in row] + [mp.mpf(1)] for row in X]
        T = [[mp.mpf(float(v)) for v in row] for row in W] + [[mp.mpf(float(v)) for v in b]]  # [W; b]
        lm = mp.mpf(float(lam))
        p_dim = (d + 1) * K
        total = mp.mpf(0)
        g = [mp.mpf(0)] * p_dim
        g_abs = [mp.mpf(0)] * p_dim
        H = [[mp.mpf(0)] * p_dim for _ in range(p_dim)]
        H_abs = [[mp.mpf(0)] * p_dim for _ in range(p_dim)]
        for i in range(n):
            z = [mp.fsum(A[i][j] * T[j][k] for j in range(d + 1)) for k in range(K)]
            ez = [mp.exp(v) for v in z]
            tot = mp.fsum(ez)
            p = [v / tot for v in ez]
            yi = int(y[i])
            total += -mp.log(p[yi])
            r = [p[k] - (1 if k == yi else 0) for k in range(K)]
            for j in range(d + 1):
                for k in range(K):
                    t = r[k] * A[i][j]
                    g[j * K + k] += t
                    g_abs[j * K + k] += abs(t)
                    for l in range(d + 1):  # noqa: E741
                        for m in range(K):
                            s = A[i][j] * A[i][l] * (p[k] * (1 if k == m else 0) - p[k] * p[m])
                            H[j * K + k][l * K + m] += s
                            H_abs[j * K + k][l * K + m] += abs(s)
        pen = [lm * T[q // K][q % K] if q < d * K else mp.mpf(0) for q in range(p_dim)]
        loss = total / n + lm / 2 * mp.fsum(T[j][k] ** 2 for j in range(d) for k in range(K))
        grad = [g[q] / n + pen[q] for q in range(p_dim)]
        grad_abs = [g_abs[q] / n + abs(pen[q]) for q in range(p_dim)]
        diag = [lm if q < d * K else mp.mpf(0) for q in range(p_dim)]
        hess = [[H[q][r] / n + (diag[q] if q == r else 0) for r in range(p_dim)] for q in range(p_dim)]
        hess_abs = [[H_abs[q][r] / n + (diag[q] if q == r else 0) for r in range(p_dim)] for q in range(p_dim)]

        def arr(v):
            return np.array(v, dtype=object).astype(float)

        grad, grad_abs = arr(grad).reshape(d + 1, K), arr(grad_abs).reshape(d + 1, K)
        return Reference(
            loss=float(loss),
            dW=grad[:d],
            db=grad[d],
            H=arr(hess),
            dW_scale=grad_abs[:d],
            db_scale=grad_abs[d],
            H_scale=arr(hess_abs),
        )


def assert_close(actual, exact, scale, rtol, what):
    actual, exact, scale = (np.atleast_1d(np.asarray(v, float)) for v in (actual, exact, scale))
    err = np.abs(actual - exact) / np.maximum(scale, np.finfo(float).tiny)
    assert np.all(err <= rtol), f"{what}: relative error {err.max():.3e} > {rtol:g}"


# ---------------------------------------------------------------- strategies

finite = st.floats(-3.0, 3.0, allow_nan=False)


@st.composite
def problems(draw, max_n=10, max_d=3, max_K=4):
    """A random problem with |z| <= 2 * 3 * 3 + 3 = 21."""
    n = draw(st.integers(1, max_n))
    d = draw(st.integers(1, max_d))
    K = draw(st.integers(2, max_K))
    X = draw(hnp.arrays(np.float64, (n, d), elements=st.floats(-2.0, 2.0)))
    y = draw(hnp.arrays(np.int64, (n,), elements=st.integers(0, K - 1)))
    W = draw(hnp.arrays(np.float64, (d, K), elements=finite))
    b = draw(hnp.arrays(np.float64, (K,), elements=finite))
    lam = draw(st.sampled_from([0.0, 0.01, 0.5, 2.0]))
    return X, y, W, b, lam


def theta_fns(X, y, K, lam):
    """Loss and gradient as functions of theta = (W.ravel(), b)."""

    def f(t):
        return sm.loss(X, y, *sm.unpack(t, K), lam)

    def g(t):
        return sm.pack(*sm.gradient(X, y, *sm.unpack(t, K), lam))

    return f, g


# ---------------------------------------------------------------- softmax itself


def test_softmax_extreme_scores_without_warnings():
    Z = np.array([[1e4, 0.0, -1e4], [-1e300, 1e300, 0.0], [5.0, 5.0, 5.0], [-1e4, -1e4 + 1, -1e4 - 1]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        P = sm.softmax(Z)
        logP = sm.log_softmax(Z)
    assert np.isfinite(P).all() and np.isfinite(logP).all()
    np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=1e-15)
    assert P[0].tolist() == [1.0, 0.0, 0.0]
    assert logP[0, 1] == -1e4 and logP[0, 2] == -2e4  # log p is finite where p underflows
    np.testing.assert_allclose(P[2], 1 / 3, rtol=1e-15)
    e = np.exp([0.0, 1.0, -1.0])
    np.testing.assert_allclose(P[3], e / e.sum(), rtol=1e-15)


def test_softmax_row_wise_and_one_dimensional():
    z = np.array([1.0, 2.0, 3.0])
    np.testing.assert_allclose(sm.softmax(z), np.exp(z) / np.exp(z).sum(), rtol=1e-15)
    Z = np.stack([z, z + 100.0])
    np.testing.assert_allclose(sm.softmax(Z)[0], sm.softmax(Z)[1], rtol=1e-15)


def test_softmax_tiny_probabilities_keep_their_relative_precision():
    p = sm.softmax(np.array([0.0, -50.0]))
    assert p[1] == pytest.approx(math.exp(-50) / (1 + math.exp(-50)), rel=1e-15)
    assert sm.log_softmax(np.array([0.0, -50.0]))[0] == pytest.approx(-math.log1p(math.exp(-50)), rel=1e-15)


@settings(max_examples=50, deadline=None)
@given(hnp.arrays(np.float64, (3, 4), elements=st.floats(-1e6, 1e6)), st.floats(-1e6, 1e6))
def test_softmax_is_a_distribution_and_shift_invariant(Z, c):
    P = sm.softmax(Z)
    assert ((P >= 0) & (P <= 1)).all()
    np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=1e-14)
    np.testing.assert_allclose(sm.softmax(Z + c), P, rtol=1e-9, atol=1e-300)
    np.testing.assert_allclose(np.exp(sm.log_softmax(Z)), P, rtol=1e-13, atol=1e-300)


@pytest.mark.parametrize(
    "Z,exc,msg",
    [
        (np.array([0.0, np.nan]), ValueError, "Z must be finite"),
        (np.array([0.0, np.inf]), ValueError, "Z must be finite"),
        (np.zeros((2, 0)), ValueError, "Z must have at least one class"),
        (np.float64(1.0), ValueError, "Z must have at least one class"),
        ("1.0", TypeError, "Z must be numeric"),
        (np.array([1j]), TypeError, "Z must be real"),
    ],
)
def test_softmax_rejects_bad_scores(Z, exc, msg):
    with pytest.raises(exc, match=msg):
        sm.softmax(Z)
    with pytest.raises(exc, match=msg):
        sm.log_softmax(Z)


# ---------------------------------------------------------------- accuracy

EXTREME = [50.0, 700.0, 1e3, 1e4]


@pytest.mark.parametrize("label", [0, 1, 2])
@pytest.mark.parametrize(
    "scores",
    [(v, 0.0, -v) for v in EXTREME] + [(-v, 0.0, v) for v in EXTREME] + [(v, v, 0.0) for v in EXTREME],
    ids=str,
)
def test_matches_the_reference_at_extreme_scores(scores, label):
    """One sample with X = [[1]] and b = 0, so the scores are exactly W's row."""
    X, y, W, b = np.array([[1.0]]), np.array([label]), np.array([scores]), np.zeros(3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        L = sm.loss(X, y, W, b)
        dW, db = sm.gradient(X, y, W, b)
        H = sm.hessian(X, y, W, b)
    ref = reference(X, y, W, b)
    assert np.isfinite([L, *dW.ravel(), *db, *H.ravel()]).all()
    assert_close(L, ref.loss, abs(ref.loss), 1e-12, "loss")
    assert_close(dW, ref.dW, np.abs(ref.dW), 1e-10, "dW")
    assert_close(db, ref.db, np.abs(ref.db), 1e-10, "db")
    assert_close(H, ref.H, np.abs(ref.H), 1e-10, "H")


def test_tiny_loss_of_a_confident_correct_prediction_is_not_zero():
    L = sm.loss(np.array([[1.0]]), np.array([0]), np.array([[50.0, 0.0]]), np.zeros(2))
    assert L == pytest.approx(1.9287498479639178e-22, rel=1e-14)  # = the binary model's loss at z = 50
    L3 = sm.loss(np.array([[1.0]]), np.array([0]), np.array([[50.0, 0.0, 10.0]]), np.zeros(3))
    assert L3 == pytest.approx(math.exp(-50) + math.exp(-40), rel=1e-14)


def test_huge_scores_give_linear_loss_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        L = sm.loss(np.array([[1.0]]), np.array([0]), np.array([[-1e300, 0.0, 1e300]]), np.zeros(3))
    assert L == 2e300  # max_k z_k - z_y
    with pytest.raises(ValueError, match="overflowed"):
        sm.loss(np.array([[1.0]]), np.array([0]), np.array([[-1e308, 0.0, 1e308]]), np.zeros(3))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert sm.softmax(np.array([-1e308, 0.0, 1e308])).tolist() == [0.0, 0.0, 1.0]


@settings(max_examples=40, deadline=None)
@given(problems())
def test_matches_the_reference_on_random_problems(p):
    X, y, W, b, lam = p
    ref = reference(X, y, W, b, lam)
    dW, db = sm.gradient(X, y, W, b, lam)
    assert_close(sm.loss(X, y, W, b, lam), ref.loss, ref.loss, 1e-12, "loss")
    assert_close(dW, ref.dW, ref.dW_scale, 1e-10, "dW")
    assert_close(db, ref.db, ref.db_scale, 1e-10, "db")
    assert_close(sm.hessian(X, y, W, b, lam), ref.H, ref.H_scale, 1e-10, "H")


# ---------------------------------------------------------------- laws


@settings(max_examples=60, deadline=None)
@given(problems())
def test_gradient_equals_central_differences(p):
    X, y, W, b, lam = p
    f, g = theta_fns(X, y, W.shape[1], lam)
    theta = sm.pack(W, b)
    np.testing.assert_allclose(g(theta), numerical_gradient(f, theta, h=1e-6), rtol=1e-5, atol=1e-7)


@settings(max_examples=40, deadline=None)
@given(problems())
def test_hessian_equals_differences_of_the_gradient(p):
    X, y, W, b, lam = p
    _, g = theta_fns(X, y, W.shape[1], lam)
    theta = sm.pack(W, b)
    h = 1e-6
    cols = [(g(theta + h * e) - g(theta - h * e)) / (2 * h) for e in np.eye(theta.size)]
    H = sm.hessian(X, y, W, b, lam)
    np.testing.assert_allclose(H, np.array(cols).T, rtol=1e-5, atol=1e-7)
    np.testing.assert_array_equal(H, H.T)


@settings(max_examples=40, deadline=None)
@given(problems())
def test_hessian_is_positive_semidefinite_and_flat_along_the_bias_shift(p):
    X, y, W, b, lam = p
    H = sm.hessian(X, y, W, b, lam)
    scale = max(1.0, np.abs(H).max())
    assert np.linalg.eigvalsh(H).min() >= -1e-12 * scale
    d, K = W.shape
    shift_b = sm.pack(np.zeros((d, K)), np.ones(K))
    np.testing.assert_allclose(H @ shift_b, 0.0, atol=1e-13 * scale)
    if lam == 0.0:  # without the penalty, adding v_j to every W[j, k] is flat too
        shift_W = sm.pack(np.outer(np.arange(1.0, d + 1), np.ones(K)), np.zeros(K))
        np.testing.assert_allclose(H @ shift_W, 0.0, atol=1e-12 * scale * d)


@settings(max_examples=60, deadline=None)
@given(problems(), st.data())
def test_loss_is_convex_along_random_lines(p, data):
    X, y, W, b, lam = p
    f, _ = theta_fns(X, y, W.shape[1], lam)
    theta = sm.pack(W, b)
    v = data.draw(hnp.arrays(np.float64, theta.shape, elements=st.floats(-1.0, 1.0)))
    t1, t2 = data.draw(st.floats(-3, 3)), data.draw(st.floats(-3, 3))
    a, c = f(theta + t1 * v), f(theta + t2 * v)
    mid = f(theta + 0.5 * (t1 + t2) * v)
    assert mid <= 0.5 * (a + c) + 1e-12 * (1 + abs(a) + abs(c))


@settings(max_examples=60, deadline=None)
@given(problems(), st.floats(-50.0, 50.0), hnp.arrays(np.float64, (3,), elements=st.floats(-5.0, 5.0)))
def test_adding_a_constant_to_every_class_score_changes_nothing(p, c, v):
    """b + c·1 shifts every score of every sample by c; W + v 1ᵀ shifts sample i's scores by x_i·v."""
    X, y, W, b, lam = p
    d, K = W.shape
    L = sm.loss(X, y, W, b, 0.0)
    assert sm.loss(X, y, W, b + c, 0.0) == pytest.approx(L, rel=1e-12, abs=1e-13)
    W2 = W + np.outer(v[:d], np.ones(K))
    assert sm.loss(X, y, W2, b + c, 0.0) == pytest.approx(L, rel=1e-12, abs=1e-13)
    np.testing.assert_allclose(sm.predict_proba(X, W2, b + c), sm.predict_proba(X, W, b), rtol=1e-9, atol=1e-13)
    dW, db = sm.gradient(X, y, W, b, 0.0)
    dW2, db2 = sm.gradient(X, y, W2, b + c, 0.0)
    np.testing.assert_allclose(db2, db, atol=1e-12)
    np.testing.assert_allclose(dW2, dW, atol=1e-11)


@settings(max_examples=40, deadline=None)
@given(problems())
def test_the_gradient_sums_to_zero_over_classes(p):
    """Each row of P − Y sums to 0, so db sums to 0 and dW's rows sum to lam · (W's row sums)."""
    X, y, W, b, lam = p
    dW, db = sm.gradient(X, y, W, b, lam)
    assert abs(db.sum()) <= 1e-14 * max(1.0, np.abs(db).max()) * len(db)
    np.testing.assert_allclose(dW.sum(axis=1), lam * W.sum(axis=1), atol=1e-13 * (1 + lam) * W.size * 4)


@settings(max_examples=60, deadline=None)
@given(problems(max_K=2))
def test_two_classes_reduce_to_the_binary_model(p):
    """With W = [0, w] and b = [0, b], softmax's p_1 = σ(z_1 − z_0) = σ(x·w + b)."""
    X, y, W, b, lam = p
    w, b1 = W[:, 1], b[1]
    W0, b0 = np.column_stack([np.zeros_like(w), w]), np.array([0.0, b1])
    assert sm.loss(X, y, W0, b0, lam) == pytest.approx(model.loss(X, y, w, b1, lam), rel=1e-13, abs=1e-300)
    dW, db = sm.gradient(X, y, W0, b0, lam)
    dw, dbb = model.gradient(X, y, w, b1, lam)
    np.testing.assert_allclose(dW[:, 1], dw, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(dW[:, 0], -dw + lam * w, rtol=1e-12, atol=1e-14)  # −(data part); W[:, 0] = 0
    np.testing.assert_allclose(db, [-dbb, dbb], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(sm.predict_proba(X, W0, b0)[:, 1], model.sigmoid(X @ w + b1), rtol=1e-13)
    # the class-1 block of the Hessian (rows W[:, 1] and b[1]) is the binary Hessian
    d = X.shape[1]
    idx = np.arange(d + 1) * 2 + 1
    H = sm.hessian(X, y, W0, b0, lam)
    np.testing.assert_allclose(H[np.ix_(idx, idx)], model.hessian(X, y, w, b1, lam), rtol=1e-12, atol=1e-15)


def test_bias_is_not_penalised():
    X, y, W, b = np.array([[1.0, 2.0]]), np.array([2]), np.array([[0.5, -0.5, 1.0], [0.0, 1.0, 2.0]]), np.ones(3)
    dW0, db0 = sm.gradient(X, y, W, b, 0.0)
    dW1, db1 = sm.gradient(X, y, W, b, 10.0)
    np.testing.assert_array_equal(db1, db0)
    np.testing.assert_allclose(dW1 - dW0, 10.0 * W)
    assert sm.loss(X, y, W, b, 1.0) - sm.loss(X, y, W, b, 0.0) == pytest.approx(0.5 * np.sum(W**2))


@settings(max_examples=30, deadline=None)
@given(problems())
def test_loss_and_gradient_equals_the_separate_functions(p):
    J, dW, db = sm.loss_and_gradient(*p)
    dW2, db2 = sm.gradient(*p)
    assert J == sm.loss(*p)
    np.testing.assert_array_equal(dW, dW2)
    np.testing.assert_array_equal(db, db2)
    X, y, W, b, _ = p
    assert sm.per_sample_loss(X, y, W, b).mean() == pytest.approx(sm.loss(X, y, W, b), rel=1e-14, abs=1e-300)


def test_predict_and_predict_proba():
    X = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, -1.0]])
    W, b = np.array([[2.0, 0.0, -1.0], [0.0, 2.0, -1.0]]), np.zeros(3)
    P = sm.predict_proba(X, W, b)
    np.testing.assert_allclose(P, sm.softmax(X @ W))
    assert sm.predict(X, W, b).tolist() == [0, 1, 2]
    np.testing.assert_array_equal(sm.scores(X, W, b), X @ W)


def test_pack_and_unpack_are_inverse_row_major():
    W, b = np.arange(6.0).reshape(2, 3), np.array([10.0, 11.0, 12.0])
    theta = sm.pack(W, b)
    assert theta.tolist() == [0, 1, 2, 3, 4, 5, 10, 11, 12]
    W2, b2 = sm.unpack(theta, 3)
    np.testing.assert_array_equal(W2, W)
    np.testing.assert_array_equal(b2, b)
    with pytest.raises(ValueError, match="theta must be 1-D with length"):
        sm.unpack(np.zeros(7), 3)
    with pytest.raises(ValueError, match="n_classes must be >= 1"):
        sm.unpack(np.zeros(6), 0)


# ---------------------------------------------------------------- bad input

GOOD = dict(X=np.ones((3, 2)), y=np.array([0, 1, 2]), W=np.zeros((2, 3)), b=np.zeros(3), lam=0.0)
FUNCS = [sm.loss, sm.gradient, sm.hessian, sm.loss_and_gradient]

BAD = [
    # (what, overrides, exception, message fragment)
    ("X not 2-D (1-D)", dict(X=np.ones(3)), ValueError, "X must be 2-D"),
    ("X not 2-D (3-D)", dict(X=np.ones((3, 2, 1))), ValueError, "X must be 2-D"),
    ("empty X (no samples)", dict(X=np.ones((0, 2)), y=np.array([])), ValueError, "X must have at least one sample"),
    ("empty X (no features)", dict(X=np.ones((3, 0))), ValueError, "X must have at least one feature"),
    ("y length mismatch", dict(y=np.array([0, 1])), ValueError, "y must have length n"),
    ("y not 1-D", dict(y=np.array([[0], [1], [1]])), ValueError, "y must be 1-D"),
    ("W 1-D", dict(W=np.zeros(2)), ValueError, "W must be 2-D with shape (d, K) = (2, K)"),
    ("W rows != d", dict(W=np.zeros((3, 3))), ValueError, "W must have shape (d, K) = (2, K): one row per feature"),
    ("W transposed", dict(W=np.zeros((3, 2))), ValueError, "W must have shape (d, K) = (2, K)"),
    ("W one class", dict(W=np.zeros((2, 1)), b=np.zeros(1)), ValueError, "W must have K >= 2 columns"),
    ("b length != K", dict(b=np.zeros(2)), ValueError, "b must have length K = W.shape[1] = 3, got 2"),
    ("b a scalar", dict(b=0.0), ValueError, "b must be 1-D"),
    ("NaN in X", dict(X=np.array([[1.0, 2.0], [np.nan, 0.0], [0.0, 0.0]])), ValueError, "X must be finite"),
    ("inf in X", dict(X=np.array([[1.0, np.inf], [0.0, 0.0], [0.0, 0.0]])), ValueError, "X must be finite"),
    ("NaN in y", dict(y=np.array([0.0, np.nan, 1.0])), ValueError, "y must be finite"),
    ("NaN in W", dict(W=np.array([[np.nan, 0.0, 0.0], [0.0, 0.0, 0.0]])), ValueError, "W must be finite"),
    ("inf in b", dict(b=np.array([0.0, np.inf, 0.0])), ValueError, "b must be finite"),
    ("NaN lam", dict(lam=np.nan), ValueError, "lam must be finite"),
    ("label K", dict(y=np.array([0, 1, 3])), ValueError, "y must contain only integers 0..2, got 3 at index 2"),
    ("label -1", dict(y=np.array([-1, 1, 1])), ValueError, "y must contain only integers 0..2, got -1 at index 0"),
    ("label 0.5", dict(y=np.array([0, 0.5, 1])), ValueError, "y must contain only integers 0..2, got 0.5 at index 1"),
    ("lam < 0", dict(lam=-0.1), ValueError, "lam must be >= 0"),
    ("X of strings", dict(X=np.array([["a", "b"]] * 3)), TypeError, "X must be numeric"),
    ("complex W", dict(W=np.zeros((2, 3)) + 1j), TypeError, "W must be real"),
    ("W of strings", dict(W="zeros"), TypeError, "W must be numeric"),
    ("lam None", dict(lam=None), TypeError, "lam must be a real number"),
    ("ragged X", dict(X=[[1.0, 2.0], [1.0], [0.0, 0.0]]), ValueError, "X could not be read"),
]


def _escape(msg):
    return "".join("\\" + c if c in "()[].*+?" else c for c in msg)


@pytest.mark.parametrize("func", FUNCS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("what,over,exc,msg", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_rejected_with_a_named_argument(func, what, over, exc, msg):
    args = {**GOOD, **over}
    with pytest.raises(exc, match=_escape(msg)):
        func(args["X"], args["y"], args["W"], args["b"], args["lam"])


@pytest.mark.parametrize("func", [sm.predict_proba, sm.predict, sm.scores], ids=lambda f: f.__name__)
@pytest.mark.parametrize("what,over,exc,msg", [b for b in BAD if not b[1].keys() & {"y", "lam"}], ids=lambda v: str(v))
def test_predictions_reject_bad_input(func, what, over, exc, msg):
    args = {**GOOD, **over}
    with pytest.raises(exc, match=_escape(msg)):
        func(args["X"], args["W"], args["b"])


def test_overflowing_scores_are_an_error_not_a_nan():
    with pytest.raises(ValueError, match="overflowed"):
        sm.loss(np.array([[1e200, 1e200]]), np.array([1]), np.full((2, 2), 1e200), np.zeros(2))


# ---------------------------------------------------------------- fit


def _blobs(seed=0, n_per=30, K=3, spread=1.3):
    rng = np.random.default_rng(seed)
    centres = np.array([[2.0 * np.cos(a), 2.0 * np.sin(a)] for a in 2 * np.pi * np.arange(K) / K])
    X = np.vstack([c + spread * rng.normal(size=(n_per, 2)) for c in centres])
    return X, np.repeat(np.arange(K), n_per)


def test_newton_reaches_a_zero_gradient_with_centred_weights():
    X, y = _blobs()
    r = sm.fit(X, y, 0.05, "newton", tol=1e-12)
    assert isinstance(r, sm.SoftmaxFit) and r.converged and r.n_iter <= 15
    assert r.W.shape == (2, 3) and r.b.shape == (3,) and r.path.shape == (r.n_iter + 1, 9)
    dW, db = sm.gradient(X, y, r.W, r.b, 0.05)
    assert max(np.abs(dW).max(), np.abs(db).max()) <= 1e-12
    np.testing.assert_allclose(r.W.sum(axis=1), 0.0, atol=1e-14)  # the penalty picks the centred W
    assert abs(r.b.sum()) < 1e-13  # Newton's least-squares step never moves b along 1, and b0 = 0
    np.testing.assert_array_equal(r.params(0)[0], np.zeros((2, 3)))
    assert r.losses[-1] == pytest.approx(sm.loss(X, y, r.W, r.b, 0.05), rel=1e-15)
    assert np.all(np.diff(r.losses) <= 0)


@pytest.mark.parametrize(
    "method,options",
    [
        ("gd", dict(steps=5000)),
        ("momentum", dict(steps=3000)),
        ("adam", dict(steps=5000, learning_rate=0.05)),
        ("sgd", dict(steps=6000, batch_size=90)),  # batch_size = n is full-batch gradient descent
    ],
)
def test_first_order_methods_reach_newtons_optimum(method, options):
    X, y = _blobs()
    best = sm.fit(X, y, 0.05, "newton", tol=1e-12)
    r = sm.fit(X, y, 0.05, method, tol=1e-9, **options)
    assert r.losses[-1] == pytest.approx(best.losses[-1], rel=1e-9)
    np.testing.assert_allclose(sm.predict_proba(X, r.W, r.b), sm.predict_proba(X, best.W, best.b), atol=1e-6)


def test_default_learning_rate_decreases_the_loss_at_every_step():
    """1/L with the softmax curvature bound 1/2 is a safe gradient-descent step."""
    X, y = _blobs(seed=1, K=4, spread=0.5)
    for lam in (0.0, 0.1):
        r = sm.fit(X * 3.0, y, lam, "gd", steps=300, tol=None)
        assert np.all(np.diff(r.losses) <= 1e-15)
    rate = optimize.default_learning_rate(X, 0.1, curvature=0.5)
    H = sm.hessian(X, y, np.zeros((2, 4)), np.zeros(4), 0.1)
    assert np.linalg.eigvalsh(H)[-1] <= 1 / rate + 1e-12


def test_mini_batch_sgd_gets_close_and_is_reproducible():
    X, y = _blobs()
    best = sm.fit(X, y, 0.05, "newton", tol=1e-12)
    r1 = sm.fit(X, y, 0.05, "sgd", steps=1500, batch_size=10, learning_rate=0.05, seed=3, tol=None)
    r2 = sm.fit(X, y, 0.05, "sgd", steps=1500, batch_size=10, learning_rate=0.05, seed=3, tol=None)
    np.testing.assert_array_equal(r1.path, r2.path)
    assert r1.losses[-1] - best.losses[-1] < 1e-2


def test_start_point_n_classes_and_an_absent_class():
    X, y = _blobs()
    W0, b0 = np.ones((2, 3)), np.array([1.0, 2.0, 3.0])
    r = sm.fit(X, y, 0.1, "gd", W0=W0, b0=b0, steps=1, tol=None)
    np.testing.assert_array_equal(r.params(0)[0], W0)
    np.testing.assert_array_equal(r.params(0)[1], b0)
    r4 = sm.fit(X, y, 0.1, "newton", n_classes=4, tol=1e-10)  # class 3 never occurs: its score is pushed down
    assert r4.W.shape == (2, 4) and r4.converged
    assert sm.predict_proba(X, r4.W, r4.b)[:, 3].max() < 1e-3


def test_huge_rate_diverges_cleanly():
    X, y = _blobs()
    r = sm.fit(X * 1e100, y, 0.0, "gd", learning_rate=1e200, steps=50)
    assert r.diverged_at is not None and np.isfinite(r.path).all()


FIT_BAD = [
    (dict(method="bfgs"), ValueError, "method must be one of"),
    (dict(method=3), TypeError, "method must be a string"),
    (dict(lam=-1.0), ValueError, "lam must be >= 0"),
    (dict(steps=0), ValueError, "steps must be >= 1"),
    (dict(steps=2.5), TypeError, "steps must be an integer"),
    (dict(tol=-1.0), ValueError, "tol must be >= 0"),
    (dict(learning_rate=0.0), ValueError, "learning_rate must be > 0"),
    (dict(learning_rate=np.inf), ValueError, "learning_rate must be finite"),
    (dict(method="sgd", batch_size=0), ValueError, "batch_size must be >= 1"),
    (dict(method="sgd", batch_size=1000), ValueError, "batch_size must be <= n"),
    (dict(method="sgd", seed=-1), TypeError, "seed must be a non-negative integer"),
    (dict(method="momentum", momentum=1.0), ValueError, "momentum must be in"),
    (dict(method="adam", beta1=1.0), ValueError, "beta1 must be in"),
    (dict(method="adam", beta2=-0.5), ValueError, "beta2 must be >= 0"),
    (dict(method="adam", eps=0.0), ValueError, "eps must be > 0"),
    (dict(method="newton", learning_rate=0.1), TypeError, "does not take option"),
    (dict(method="gd", momentum=0.9), TypeError, "does not take option"),
    (dict(method="lbfgs", memory=0), ValueError, "memory must be >= 1"),
    (dict(method="auto", batch_size=3), TypeError, r"method='auto' \(here 'newton'\) does not take option"),
    (dict(n_classes=1), ValueError, "n_classes must be >= 2"),
    (dict(n_classes=2.0), TypeError, "n_classes must be an integer"),
    (dict(n_classes=2), ValueError, "y must contain only 0 and 1, got 2"),
    (dict(y=np.zeros(90)), ValueError, "y must contain labels of at least two classes"),
    (dict(y=np.full(90, -1.0)), ValueError, "y must contain only non-negative integers"),
    (dict(y=np.full(90, 1.5)), ValueError, "y must contain only non-negative integers"),
    (dict(y=np.zeros(5)), ValueError, "y must have length n"),
    (dict(W0=np.zeros((2, 4))), ValueError, "W0 must have shape"),
    (dict(W0=np.zeros((3, 3))), ValueError, "W0 must have shape"),
    (dict(W0=np.full((2, 3), np.nan)), ValueError, "W0 must be finite"),
    (dict(b0=np.zeros(2)), ValueError, "b0 must have length K"),
    (dict(X=np.ones(90)), ValueError, "X must be 2-D"),
]


@pytest.mark.parametrize("kw,exc,msg", FIT_BAD, ids=[repr(k) for k, *_ in FIT_BAD])
def test_fit_rejects_bad_arguments(kw, exc, msg):
    X, y = _blobs()
    kw = dict(kw)
    X, y, lam, method = kw.pop("X", X), kw.pop("y", y), kw.pop("lam", 0.1), kw.pop("method", "gd")
    with pytest.raises(exc, match=msg):
        sm.fit(X, y, lam, method, **kw)


# ---------------------------------------------------------------- scikit-learn


def _standardised(name):
    from sklearn import datasets
    from sklearn.preprocessing import StandardScaler

    X, y = getattr(datasets, f"load_{name}")(return_X_y=True)
    return StandardScaler().fit_transform(X), y


@pytest.mark.parametrize("name", ["iris", "wine"])
@pytest.mark.parametrize("C", [0.1, 1.0, 10.0])
def test_newton_agrees_with_scikit_learn_multinomial(name, C):
    """scikit-learn minimises C Σ_i L_i + ½||W||², i.e. n C times our J with lam = 1 / (n C).
    With K = 3 classes lbfgs fits the multinomial (softmax) model."""
    from sklearn.linear_model import LogisticRegression

    X, y = _standardised(name)
    n = len(y)
    lam = 1.0 / (n * C)
    clf = LogisticRegression(C=C, tol=1e-12, max_iter=10_000).fit(X, y)
    W_sk, b_sk = clf.coef_.T, clf.intercept_
    ours = sm.fit(X, y, lam, "newton", tol=1e-11)
    assert ours.converged

    J_ours, J_sk = ours.losses[-1], sm.loss(X, y, W_sk, b_sk, lam)
    assert J_ours <= J_sk * (1 + 1e-12)  # we are at least as low...
    assert J_sk - J_ours <= 1e-9 * J_ours  # ...and scikit-learn's optimum is ours
    dW, db = sm.gradient(X, y, W_sk, b_sk, lam)
    assert max(np.abs(dW).max(), np.abs(db).max()) < 1e-6
    # Same model: probabilities, and the parameters up to the gauge (b's free constant; W is centred by lam)
    np.testing.assert_allclose(sm.predict_proba(X, ours.W, ours.b), clf.predict_proba(X), atol=1e-6)
    np.testing.assert_allclose(W_sk.sum(axis=1), 0.0, atol=1e-10)
    np.testing.assert_allclose(ours.W, W_sk, atol=1e-4)
    np.testing.assert_allclose(ours.b - ours.b.mean(), b_sk - b_sk.mean(), atol=1e-4)


# ---------------------------------------------------------------- the default fit finishes the job


@functools.cache
def _problem(name):
    """Wine and iris standardised; digits scaled to [0, 1] by X / 16."""
    from sklearn import datasets

    if name == "digits":
        X, y = datasets.load_digits(return_X_y=True)
        return X / 16.0, y
    return _standardised(name)


@functools.cache
def _sklearn_optimum(name, C):
    """scikit-learn's objective at its own tight optimum: mean NLL + lam / 2 ||W||^2 with lam = 1 / (n C)
    (it minimises C Σ NLL_i + ½||W||², n C times that). Its Newton solver gets there in a few steps (its
    lbfgs at tol = 1e-12 reaches the same objective to 1e-12, in hundreds)."""
    from sklearn.linear_model import LogisticRegression

    X, y = _problem(name)
    lam = 1.0 / (len(y) * C)
    clf = LogisticRegression(C=C, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(X, y)
    return sm.loss(X, y, clf.coef_.T, clf.intercept_, lam)


@pytest.mark.parametrize("C", [0.5, 5.0])
@pytest.mark.parametrize("name,method", [("iris", "newton"), ("wine", "newton"), ("digits", "lbfgs")])
def test_default_fit_reaches_scikit_learns_objective(name, method, C):
    """Default arguments: Newton for iris ((d + 1) K = 15) and wine (42), L-BFGS for digits (650)."""
    X, y = _problem(name)
    lam = 1.0 / (len(y) * C)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no ConvergenceWarning
        r = sm.fit(X, y, lam)
    assert r.method == method and r.converged
    assert abs(r.losses[-1] - _sklearn_optimum(name, C)) <= 1e-6
    assert r.losses[-1] == pytest.approx(sm.loss(X, y, r.W, r.b, lam), rel=1e-14)


def test_the_fit_is_a_fit_result():
    X, y = _blobs()
    r = sm.fit(X, y, 0.05, "newton", tol=1e-12)
    assert isinstance(r, optimize.FitResult) and r.result is r and (r.n_features, r.n_classes) == (2, 3)
    np.testing.assert_array_equal(r.theta, sm.pack(r.W, r.b))
    np.testing.assert_array_equal(r.params(3)[0], r.path[3].reshape(3, 3)[:2])
    with pytest.raises(AttributeError, match="not w"):
        r.w  # noqa: B018


def test_running_out_of_steps_warns():
    from lessons import ConvergenceWarning

    X, y = _blobs()
    with pytest.warns(ConvergenceWarning, match=r"newton did not converge: 2 steps taken, \|\|grad J\|\| = "):
        r = sm.fit(X, y, 0.05, "newton", steps=2)
    assert not r.converged and r.n_iter == 2
    with pytest.warns(ConvergenceWarning, match="lbfgs did not converge: 3 steps taken"):
        sm.fit(X, y, 0.05, "lbfgs", steps=3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert sm.fit(X, y, 0.05, "newton", steps=2, tol=None).n_iter == 2


@given(problems(max_n=6))
@settings(max_examples=30, deadline=None)
def test_hessian_from_blas_products_equals_the_sum_over_samples(p):
    """H = (1/n) Σ_i (a_i a_iᵀ) ⊗ (diag p_i − p_i p_iᵀ) + lam (W entries), summed sample by sample."""
    X, y, W, b, lam = p
    n, d = X.shape
    K = W.shape[1]
    P = sm.predict_proba(X, W, b)
    A = np.c_[X, np.ones(n)]
    H = sum(np.kron(np.outer(A[i], A[i]), np.diag(P[i]) - np.outer(P[i], P[i])) for i in range(n)) / n
    H[np.arange(d * K), np.arange(d * K)] += lam
    np.testing.assert_allclose(sm.hessian(X, y, W, b, lam), H, rtol=1e-12, atol=1e-15)
