"""SymPy helpers for the derivations.

:class:`sigmoid` is a SymPy function that knows its own derivative,
``sigma' = sigma (1 - sigma)``, so that chain-rule results stay readable
(``sigma(z) * (1 - sigma(z))`` rather than ``exp(-z) / (1 + exp(-z))**2``).
``.rewrite(sp.exp)`` turns it into the explicit formula when a proof needs it.
"""

from __future__ import annotations

import sympy as sp

from lessons import model

__all__ = ["sigmoid", "bce", "lambdify", "is_zero"]


class sigmoid(sp.Function):  # noqa: N801 - lower case, like sp.exp and sp.log
    r"""The logistic function :math:`\sigma(z) = 1 / (1 + e^{-z})`."""

    nargs = 1

    @classmethod
    def eval(cls, z):
        if z.is_zero:
            return sp.S.Half

    def fdiff(self, argindex=1):
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, z, **kwargs):
        return 1 / (1 + sp.exp(-z))

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_positive(self):
        return True if self.args[0].is_real else None

    def _latex(self, printer, exp=None):
        body = rf"\sigma\left({printer._print(self.args[0])}\right)"
        return rf"{body}^{{{exp}}}" if exp else body


def bce(y_hat: sp.Expr, y: sp.Expr) -> sp.Expr:
    """Binary cross-entropy of one sample, ``-(y log y_hat + (1 - y) log(1 - y_hat))``."""
    return -(y * sp.log(y_hat) + (1 - y) * sp.log(1 - y_hat))


def lambdify(args, expr: sp.Expr):
    """``sympy.lambdify`` to NumPy, with :class:`sigmoid` evaluated by the
    overflow-free :func:`lessons.model.sigmoid`."""
    return sp.lambdify(args, expr, modules=[{"sigmoid": model.sigmoid}, "numpy"])


def is_zero(expr: sp.Expr) -> bool:
    """True when SymPy can prove ``expr == 0``.

    It first tries ``simplify``; if that leaves something, it rewrites
    :class:`sigmoid` in terms of ``exp`` and tries again.
    """
    if sp.simplify(expr) == 0:
        return True
    return sp.simplify(sp.expand(expr.rewrite(sp.exp))) == 0
