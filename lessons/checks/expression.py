"""The checker of a SymPy answer, an expression or a Matrix: :func:`check_expression`.

Two expressions are compared symbolically first (``simplify(a − e) == 0``), then numerically at seeded
random points, which also say how they differ: a factor of −1, a constant factor, a constant term, a
term in some of the symbols, or a point where they differ. A learner's text is never evaluated. SymPy is
imported only when a check needs it.
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Mapping
from typing import Any

import numpy as np

from lessons.checks.formatting import _a, _nice, _num, _short_repr
from lessons.checks.result import Result, _fail, _failed, _in_context, _never_raises, _not_attempted, _passed

_POINTS = 8  # random points that must all evaluate to real numbers
_ATTEMPTS = 80


def _as_sympy(x: object, name: str) -> Any:
    """``x`` as a SymPy expression or Matrix; numbers are converted, text never is.

    Parameters
    ----------
    x : object
        An answer or an expected answer.
    name : str
        How the message refers to it, e.g. ``"your answer"``.

    Returns
    -------
    sympy.Expr or sympy.MatrixBase

    Raises
    ------
    _Stop
        A failure for text, None, an equation, a non-expression SymPy object, a list or an array, or
        anything else.
    """
    import sympy as sp

    if isinstance(x, (str, bytes)):
        _fail(
            f"{name} is a string; a SymPy expression is expected. Build it from SymPy symbols and functions, "
            "e.g. `sp.log(y_hat)`, not the text 'log(y_hat)' (text is never evaluated here)"
        )
    if x is None:
        _fail(f"{name} is None: did you forget to assign it, or to `return` it?")
    if isinstance(x, sp.MatrixBase):
        return x
    if isinstance(x, sp.Basic):
        if isinstance(x, sp.core.relational.Relational):
            _fail(f"{name} is an equation ({type(x).__name__}); give the expression on its right, e.g. eq.rhs")
        if not isinstance(x, sp.Expr):
            _fail(f"{name} is a SymPy {type(x).__name__}, not an expression")
        return x
    if isinstance(x, numbers.Number) and not isinstance(x, (bool, np.bool_, complex, np.complexfloating)):
        return sp.sympify(x, strict=True)
    if isinstance(x, (list, tuple, np.ndarray)):
        _fail(f"{name} is {_a(x)}; for several expressions use a SymPy Matrix, sp.Matrix([...])")
    _fail(f"{name} is {_a(x)}; a SymPy expression is expected")


def _numeric_form(e: Any) -> Any:
    """``e`` with :class:`lessons.symbolic.sigmoid` written out, so that evalf can evaluate it."""
    import sympy as sp

    from lessons import symbolic

    return e.replace(symbolic.sigmoid, lambda z: 1 / (1 + sp.exp(-z)))


def _evaluate(e: Any, point: dict) -> float | None:
    """A real, finite value of ``e`` at ``point``, or None."""
    try:
        v = complex(e.evalf(subs=point))
    except Exception:
        return None
    if not (math.isfinite(v.real) and math.isfinite(v.imag)) or abs(v.imag) > 1e-10 * max(1.0, abs(v.real)):
        return None
    return v.real


def _ranges(symbols: object) -> dict:
    """The ranges given for the random points, symbol -> (low, high).

    Parameters
    ----------
    symbols : None, Symbol, sequence of Symbol or mapping Symbol -> (low, high)
        The ``symbols`` argument of :func:`check_expression`.

    Returns
    -------
    dict
        Empty unless ``symbols`` is a mapping.

    Raises
    ------
    _Stop
        A failure for a range that is not two numbers, text, or anything that is not symbols.
    """
    import sympy as sp

    if symbols is None:
        return {}
    if isinstance(symbols, Mapping):
        out = {}
        for s, r in symbols.items():
            try:
                lo, hi = (float(v) for v in r)
            except Exception:
                _fail(f"symbols must map each symbol to a (low, high) range, got {_short_repr(r)} for {s}")
            out[s] = (lo, hi)
        return out
    if isinstance(symbols, sp.Symbol):
        return {}
    try:
        items = list(symbols)
    except TypeError:
        _fail(
            f"symbols must be a list of SymPy symbols or a mapping symbol -> (low, high), got {type(symbols).__name__}"
        )
    if isinstance(symbols, (str, bytes)) or not all(isinstance(s, sp.Symbol) for s in items):
        _fail("symbols must be SymPy symbols (text is never evaluated here)")
    return {}


def _sample(a: Any, e: Any, syms: list, ranges: dict) -> list[tuple[dict, float, float]]:
    """Up to ``_POINTS`` seeded random points where both expressions are real and finite.

    Symbols are drawn from ``ranges`` when given; otherwise alternately from a wide range that respects
    their sign assumptions and from (0.05, 0.95), where probabilities and their logs are defined.

    Returns
    -------
    list of tuple
        ``(point, value of a, value of e)`` for each point found, at most ``_POINTS`` in
        ``_ATTEMPTS`` tries.
    """
    rng = np.random.default_rng(12345)
    a_num, e_num = _numeric_form(a), _numeric_form(e)
    found = []
    for attempt in range(_ATTEMPTS):
        point = {}
        for s in syms:
            if s in ranges:
                lo, hi = ranges[s]
            elif s.is_negative:
                lo, hi = -2.5, -0.1
            elif attempt % 2:
                lo, hi = 0.05, 0.95
            elif s.is_positive or s.is_nonnegative:
                lo, hi = 0.1, 2.5
            else:
                lo, hi = -2.5, 2.5
            point[s] = round(float(rng.uniform(lo, hi)), 4)
        va, ve = _evaluate(a_num, point), _evaluate(e_num, point)
        if va is not None and ve is not None:
            found.append((point, va, ve))
            if len(found) == _POINTS:
                break
    return found


def _constant(values: np.ndarray) -> bool:
    """True when all ``values`` equal the first, to a relative 1e-7."""
    return bool(np.all(np.abs(values - values[0]) <= 1e-7 * max(1.0, abs(values[0]))))


def _compare(a: Any, e: Any, ranges: dict) -> tuple[bool, str]:
    """Whether two expressions are equal, and how they differ when they are not.

    Parameters
    ----------
    a, e : sympy.Expr
        The learner's expression and the expected one.
    ranges : dict
        Symbol -> (low, high) for the random points, from :func:`_ranges`.

    Returns
    -------
    tuple of (bool, str)
        ``(True, "symbolic")`` or ``(True, "numeric")`` when equal, else ``(False, how they differ)``.
    """
    import sympy as sp

    diff = sp.simplify(a - e)
    if diff == 0:
        return True, "symbolic"
    syms = sorted(a.free_symbols | e.free_symbols, key=str)
    found = _sample(a, e, syms, ranges)
    if len(found) < _POINTS:
        return False, (
            "not equal to the expected expression (SymPy could not simplify the difference to 0, and the two "
            "could not be evaluated at enough real points to say more)"
        )
    va = np.array([f[1] for f in found])
    ve = np.array([f[2] for f in found])
    if np.allclose(va, ve, rtol=1e-9, atol=1e-12):
        return True, "numeric"
    if a == 0:
        return False, "your expression is 0, the expected one is not"
    if not syms:
        return False, f"your expression equals {_nice(va[0])}, which is not the expected value"
    if np.all(np.abs(ve) > 1e-12):
        ratio = va / ve
        if _constant(ratio):
            c = float(ratio[0])
            if math.isclose(c, -1.0, rel_tol=1e-7):
                return False, "off by a factor of −1: check the sign"
            return False, f"off by a constant factor {_nice(c)}: yours = {_nice(c)} × the expected expression"
    gap = va - ve
    if _constant(gap):
        return (
            False,
            f"off by a constant term {_nice(float(gap[0]))}: yours = the expected expression + {_nice(float(gap[0]))}",
        )
    dsyms = diff.free_symbols
    if dsyms and dsyms < set(syms):
        names = " and ".join(str(s) for s in sorted(dsyms, key=str))
        terms = sp.Add.make_args(sp.expand(diff))
        yours = set(sp.Add.make_args(sp.expand(a)))
        theirs = set(sp.Add.make_args(sp.expand(e)))
        if all(t in yours for t in terms):
            kind = f"an extra term in {names}"
        elif all(-t in theirs for t in terms):
            kind = f"missing a term in {names}"
        else:
            kind = f"a term in {names} is missing or extra"
        return False, f"{kind}: the difference from the expected expression contains only {names}"
    point, x, y = found[0]
    at = ", ".join(f"{s} = {_num(v)}" for s, v in point.items())
    return False, f"not equal to the expected expression: at {at}, yours is {_num(x)}, the expected one {_num(y)}"


@_never_raises
def check_expression(expr: object, expected: object, symbols: object = None) -> Result:
    """Check a SymPy answer against the expected expression (or Matrix).

    Parameters
    ----------
    expr : sympy.Expr or sympy.Matrix
        The learner's answer. A string is refused, never evaluated; ``...``
        is "not attempted"; plain numbers are accepted.
    expected : sympy.Expr or sympy.Matrix
        The right answer; a Matrix must have the same shape as ``expr``.
    symbols : sequence of sympy.Symbol or mapping Symbol -> (low, high), optional
        Ranges for the random points where the two are compared when SymPy
        cannot prove them equal. By default each free symbol is drawn
        alternately from (−2.5, 2.5) (or (0.1, 2.5) for a positive symbol)
        and from (0.05, 0.95); points where either is not real and finite
        are skipped.

    Returns
    -------
    Result
        Passed when ``simplify(expr − expected) == 0``, or when the two agree
        at 8 random points. Otherwise the message says how they differ: off by
        a factor of −1, by a constant factor c, by a constant term c, missing
        or extra a term in some of the symbols, or a point where they differ;
        for a Matrix, which entries differ and how.
    """
    import sympy as sp

    if expr is Ellipsis:
        return _not_attempted("replace the `...` with your SymPy expression")
    a = _as_sympy(expr, "your answer")
    with _in_context(prefix="cannot check: "):
        e = _as_sympy(expected, "the expected answer")
        ranges = _ranges(symbols)
    a_matrix, e_matrix = isinstance(a, sp.MatrixBase), isinstance(e, sp.MatrixBase)
    if a_matrix != e_matrix:
        if e_matrix:
            return _failed(f"wrong shape: a Matrix of shape {e.shape} is expected, got a single expression")
        return _failed(f"wrong shape: a single expression is expected, got a Matrix of shape {a.shape}")
    if not a_matrix:
        equal, how = _compare(a, e, ranges)
        if equal:
            note = (
                ""
                if how == "symbolic"
                else f" (checked at {_POINTS} random points; SymPy could not simplify the difference to 0)"
            )
            return _passed(f"correct: your expression equals the expected one{note}")
        return _failed(how)
    if a.shape != e.shape:
        hint = ": transpose it (.T)" if a.shape == e.shape[::-1] else ""
        return _failed(f"wrong shape: your Matrix has shape {a.shape}, the expected one {e.shape}{hint}")
    wrong = []
    for i, j in itertools.product(range(e.shape[0]), range(e.shape[1])):
        equal, how = _compare(a[i, j], e[i, j], ranges)
        if not equal:
            wrong.append(f"entry ({i}, {j}): {how}")
    if not wrong:
        return _passed(f"correct: your Matrix equals the expected one (all {len(e)} entries)")
    shown = wrong[:4] + ([f"... and {len(wrong) - 4} more"] if len(wrong) > 4 else [])
    return _failed(f"{len(wrong)} of {len(e)} entries differ:\n" + "\n".join(f"• {w}" for w in shown))
