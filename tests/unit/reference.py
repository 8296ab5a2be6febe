"""A high-precision reference for the binary model, written with mpmath.

It uses the plain textbook formulas, with no stability tricks, and buys its
accuracy with working precision instead: 60 significant digits beyond what is
needed to represent ``1 - sigmoid(z)`` for the largest ``|z|``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import mpmath as mp
import numpy as np


@dataclass
class Reference:
    """Exact values rounded to float64, and the scale of each sum.

    ``*_scale`` is the sum of the absolute values of the terms that make up
    each entry. A float64 sum of those terms can only be trusted to a few ulps
    of that scale, so it is the honest denominator of a relative error when
    terms of both signs cancel. Without cancellation it equals the entry.
    """

    loss: float
    dw: np.ndarray
    db: float
    H: np.ndarray
    dw_scale: np.ndarray
    db_scale: float
    H_scale: np.ndarray


def reference(X, y, w, b, lam=0.0) -> Reference:
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    n, d = X.shape
    z_max = float(np.max(np.abs(X @ w + b)))
    digits = 60 + int(math.ceil(z_max / math.log(10))) + 5
    with mp.workdps(digits):
        A = [[mp.mpf(float(v)) for v in row] + [mp.mpf(1)] for row in X]
        wm = [mp.mpf(float(v)) for v in w]
        lm = mp.mpf(float(lam))
        total = mp.mpf(0)
        g = [mp.mpf(0)] * (d + 1)
        g_abs = [mp.mpf(0)] * (d + 1)
        H = [[mp.mpf(0)] * (d + 1) for _ in range(d + 1)]
        H_abs = [[mp.mpf(0)] * (d + 1) for _ in range(d + 1)]
        for i in range(n):
            z = mp.fsum(A[i][j] * wm[j] for j in range(d)) + mp.mpf(float(b))
            p = 1 / (1 + mp.exp(-z))
            yi = int(y[i])
            total += -(yi * mp.log(p) + (1 - yi) * mp.log(1 - p))
            r = p - yi
            s = p * (1 - p)
            for j in range(d + 1):
                g[j] += r * A[i][j]
                g_abs[j] += abs(r * A[i][j])
                for k in range(d + 1):
                    H[j][k] += s * A[i][j] * A[i][k]
                    H_abs[j][k] += abs(s * A[i][j] * A[i][k])
        pen = [lm * wm[j] for j in range(d)] + [mp.mpf(0)]
        loss = total / n + lm / 2 * mp.fsum(v * v for v in wm)
        grad = [g[j] / n + pen[j] for j in range(d + 1)]
        grad_abs = [g_abs[j] / n + abs(pen[j]) for j in range(d + 1)]
        hess = [[H[j][k] / n + (lm if j == k < d else 0) for k in range(d + 1)] for j in range(d + 1)]
        hess_abs = [[H_abs[j][k] / n + (lm if j == k < d else 0) for k in range(d + 1)] for j in range(d + 1)]

        def arr(v):
            return np.array(v, dtype=object).astype(float)

        return Reference(
            loss=float(loss),
            dw=arr(grad[:d]),
            db=float(grad[d]),
            H=arr(hess),
            dw_scale=arr(grad_abs[:d]),
            db_scale=float(grad_abs[d]),
            H_scale=arr(hess_abs),
        )
