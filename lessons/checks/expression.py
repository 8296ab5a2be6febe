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
from lessons.i18n import translator

_ = translator(__name__)

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
            _(
                "{name} is a string; a SymPy expression is expected. Build it from SymPy symbols and functions, "
                "e.g. `sp.log(y_hat)`, not the text 'log(y_hat)' (text is never evaluated here)"
            ).format(name=name)
        )
    if x is None:
        _fail(_("{name} is None: did you forget to assign it, or to `return` it?").format(name=name))
    if isinstance(x, sp.MatrixBase):
        return x
    if isinstance(x, sp.Basic):
        if isinstance(x, sp.core.relational.Relational):
            _fail(
                _("{name} is an equation ({type}); give the expression on its right, e.g. eq.rhs").format(
                    name=name, type=type(x).__name__
                )
            )
        if not isinstance(x, sp.Expr):
            _fail(_("{name} is a SymPy {type}, not an expression").format(name=name, type=type(x).__name__))
        return x
    if isinstance(x, numbers.Number) and not isinstance(x, (bool, np.bool_, complex, np.complexfloating)):
        return sp.sympify(x, strict=True)
    if isinstance(x, (list, tuple, np.ndarray)):
        _fail(
            _("{name} is {a}; for several expressions use a SymPy Matrix, sp.Matrix([...])").format(name=name, a=_a(x))
        )
    _fail(_("{name} is {a}; a SymPy expression is expected").format(name=name, a=_a(x)))


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
                _fail(
                    _("symbols must map each symbol to a (low, high) range, got {range} for {symbol}").format(
                        range=_short_repr(r), symbol=s
                    )
                )
            out[s] = (lo, hi)
        return out
    if isinstance(symbols, sp.Symbol):
        return {}
    try:
        items = list(symbols)
    except TypeError:
        _fail(
            _("symbols must be a list of SymPy symbols or a mapping symbol -> (low, high), got {type}").format(
                type=type(symbols).__name__
            )
        )
    if isinstance(symbols, (str, bytes)) or not all(isinstance(s, sp.Symbol) for s in items):
        _fail(_("symbols must be SymPy symbols (text is never evaluated here)"))
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
        return False, _(
            "not equal to the expected expression (SymPy could not simplify the difference to 0, and the two "
            "could not be evaluated at enough real points to say more)"
        )
    va = np.array([f[1] for f in found])
    ve = np.array([f[2] for f in found])
    if np.allclose(va, ve, rtol=1e-9, atol=1e-12):
        return True, "numeric"
    if a == 0:
        return False, _("your expression is 0, the expected one is not")
    if not syms:
        return False, _("your expression equals {value}, which is not the expected value").format(value=_nice(va[0]))
    if np.all(np.abs(ve) > 1e-12):
        ratio = va / ve
        if _constant(ratio):
            c = float(ratio[0])
            if math.isclose(c, -1.0, rel_tol=1e-7):
                return False, _("off by a factor of −1: check the sign")
            return False, _("off by a constant factor {c}: yours = {c} × the expected expression").format(c=_nice(c))
    gap = va - ve
    if _constant(gap):
        return (
            False,
            _("off by a constant term {c}: yours = the expected expression + {c}").format(c=_nice(float(gap[0]))),
        )
    dsyms = diff.free_symbols
    if dsyms and dsyms < set(syms):
        names = _(" and ").join(str(s) for s in sorted(dsyms, key=str))
        terms = sp.Add.make_args(sp.expand(diff))
        yours = set(sp.Add.make_args(sp.expand(a)))
        theirs = set(sp.Add.make_args(sp.expand(e)))
        if all(t in yours for t in terms):
            kind = _("an extra term in {names}").format(names=names)
        elif all(-t in theirs for t in terms):
            kind = _("missing a term in {names}").format(names=names)
        else:
            kind = _("a term in {names} is missing or extra").format(names=names)
        return False, _("{kind}: the difference from the expected expression contains only {names}").format(
            kind=kind, names=names
        )
    point, x, y = found[0]
    at = ", ".join(f"{s} = {_num(v)}" for s, v in point.items())
    return False, _(
        "not equal to the expected expression: at {at}, yours is {yours}, the expected one {expected}"
    ).format(at=at, yours=_num(x), expected=_num(y))


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
        return _not_attempted(_("replace the `...` with your SymPy expression"))
    a = _as_sympy(expr, _("your answer"))
    with _in_context(prefix=_("cannot check: ")):
        e = _as_sympy(expected, _("the expected answer"))
        ranges = _ranges(symbols)
    a_matrix, e_matrix = isinstance(a, sp.MatrixBase), isinstance(e, sp.MatrixBase)
    if a_matrix != e_matrix:
        if e_matrix:
            return _failed(
                _("wrong shape: a Matrix of shape {shape} is expected, got a single expression").format(shape=e.shape)
            )
        return _failed(
            _("wrong shape: a single expression is expected, got a Matrix of shape {shape}").format(shape=a.shape)
        )
    if not a_matrix:
        equal, how = _compare(a, e, ranges)
        if equal:
            note = (
                ""
                if how == "symbolic"
                else _(" (checked at {count} random points; SymPy could not simplify the difference to 0)").format(
                    count=_POINTS
                )
            )
            return _passed(_("correct: your expression equals the expected one{note}").format(note=note))
        return _failed(how)
    if a.shape != e.shape:
        hint = _(": transpose it (.T)") if a.shape == e.shape[::-1] else ""
        return _failed(
            _("wrong shape: your Matrix has shape {shape}, the expected one {expected}{hint}").format(
                shape=a.shape, expected=e.shape, hint=hint
            )
        )
    wrong = []
    for i, j in itertools.product(range(e.shape[0]), range(e.shape[1])):
        equal, how = _compare(a[i, j], e[i, j], ranges)
        if not equal:
            wrong.append(_("entry ({i}, {j}): {how}").format(i=i, j=j, how=how))
    if not wrong:
        return _passed(_("correct: your Matrix equals the expected one (all {count} entries)").format(count=len(e)))
    shown = wrong[:4] + ([_("... and {count} more").format(count=len(wrong) - 4)] if len(wrong) > 4 else [])
    return _failed(
        _("{count} of {size} entries differ:").format(count=len(wrong), size=len(e))
        + "\n"
        + "\n".join(f"• {w}" for w in shown)
    )
