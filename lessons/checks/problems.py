"""The fixed test problems on which the function checkers run a learner's function.

They come from fixed seeds, so that a message is the same on every run, and their numbers have one
decimal, so that a message can print the code that rebuilds a problem exactly. They are chosen so that
the usual mistakes show: several sizes with ``n > 1`` and ``n ≠ d``, ``λ > 0`` and ``b ≠ 0`` on most,
both classes (every class, for softmax) present, and predictions away from 0.5.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class _Problem:
    """One input ``(X, y, w, b, lam)``; for softmax ``w`` is ``W`` (d, K) and ``b`` has shape (K,).

    Attributes
    ----------
    X : ndarray, shape (n, d)
    y : ndarray, shape (n,)
        Labels in {0, 1} (floats), or class numbers in 0..K-1 (integers) for softmax.
    w : ndarray, shape (d,) or (d, K)
    b : float or ndarray, shape (K,)
    lam : float
    names : tuple of str
        How a listing names the five arguments.
    """

    X: np.ndarray
    y: np.ndarray
    w: np.ndarray
    b: float | np.ndarray
    lam: float
    names: tuple[str, str, str, str, str] = ("X", "y", "w", "b", "lam")

    @property
    def n(self) -> int:
        """The number of samples."""
        return self.X.shape[0]

    @property
    def d(self) -> int:
        """The number of features."""
        return self.X.shape[1]

    def args(self) -> tuple:
        """Fresh copies, so that a function that changes its arguments in place harms nothing."""
        b = self.b.copy() if isinstance(self.b, np.ndarray) else self.b
        return self.X.copy(), self.y.copy(), self.w.copy(), b, self.lam

    def size(self) -> str:
        """``"n=4, d=2"``, with ``", K=3"`` for softmax."""
        text = f"n={self.n}, d={self.d}"
        return text + (f", K={self.w.shape[1]}" if self.w.ndim == 2 else "")

    def listing(self) -> str:
        """Code that rebuilds the problem exactly (its numbers have one decimal)."""
        lines = []
        for name, value in zip(self.names, (self.X, self.y, self.w, self.b, self.lam), strict=True):
            text = f"np.array({value.tolist()!r})" if isinstance(value, np.ndarray) else repr(float(value))
            lines.append(f"    {name} = {text}")
        return "\n".join(lines)


def _frozen(a: np.ndarray) -> np.ndarray:
    """``a``, made read-only."""
    a.setflags(write=False)
    return a


# (n, d, lam, b): different sizes, n != d, n > 1, lam > 0 and b != 0 on most, lam = 0 on one.
_BINARY_SPECS = ((4, 2, 0.5, 0.3), (3, 2, 0.0, -1.1), (6, 3, 1.2, 0.7), (5, 4, 0.1, -0.4))
# (n, d, K, lam): d != K, so that a transposed dW is recognised.
_SOFTMAX_SPECS = ((4, 2, 3, 0.5), (5, 4, 3, 0.0), (7, 2, 4, 1.2))


@functools.cache
def _binary_problems() -> tuple[_Problem, ...]:
    """The problems for the binary gradient and loss, one per entry of ``_BINARY_SPECS``."""
    rng = np.random.default_rng(20240917)
    problems = []
    for n, d, lam, b in _BINARY_SPECS:
        X = np.round(rng.normal(0.0, 1.0, (n, d)), 1) + 0.0  # + 0.0: no -0.0 in the listing
        w = np.round(rng.normal(0.0, 0.8, d), 1) + 0.0
        w[w == 0] = 0.5  # every weight takes part in the penalty
        y = rng.permutation(np.arange(n) % 2).astype(np.float64)  # both classes present
        problems.append(_Problem(_frozen(X), _frozen(y), _frozen(w), b, lam))
    return tuple(problems)


@functools.cache
def _softmax_problems() -> tuple[_Problem, ...]:
    """The problems for the softmax gradient, one per entry of ``_SOFTMAX_SPECS``."""
    rng = np.random.default_rng(20240918)
    problems = []
    for n, d, K, lam in _SOFTMAX_SPECS:
        X = np.round(rng.normal(0.0, 1.0, (n, d)), 1) + 0.0  # + 0.0: no -0.0 in the listing
        W = np.round(rng.normal(0.0, 0.8, (d, K)), 1) + 0.0
        W[W == 0] = 0.5
        b = np.round(rng.normal(0.0, 0.8, K), 1) + 0.0
        b[b == 0] = -0.5
        y = rng.permutation(np.arange(n) % K)  # every class present
        names = ("X", "y", "W", "b", "lam")
        problems.append(_Problem(_frozen(X), _frozen(y), _frozen(W), _frozen(b), lam, names))
    return tuple(problems)
