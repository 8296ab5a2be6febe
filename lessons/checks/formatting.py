"""How the checkers write numbers, arrays, constants, exceptions and lists of mistakes into a message.

Everything here is deterministic: numbers are formatted explicitly and memory addresses are masked, so
that a notebook's saved output stays the same from one run to the next.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

import numpy as np

from lessons.i18n import translator

_ = translator(__name__)


def _num(x: float) -> str:
    """A number in at most 6 significant digits, without a negative zero.

    Parameters
    ----------
    x : float
        Anything ``float`` accepts, including a NumPy scalar or a 0-d array.

    Returns
    -------
    str
        E.g. ``"0.622459"``, ``"1e-07"``, ``"nan"``; ``"0"`` for ``-0.0``.
    """
    s = f"{float(x):.6g}"
    return "0" if s == "-0" else s


def _arr(a: object, limit: int = 24) -> str:
    """An array (any dimension) or a scalar, each entry by :func:`_num`.

    Parameters
    ----------
    a : array_like
        Real numbers.
    limit : int
        Above this many entries only the first ``limit`` are shown, then ``...`` and the shape.

    Returns
    -------
    str
        Nested brackets as in ``repr(a.tolist())``, e.g. ``"[[1, 0.5], [2, 3]]"``.
    """
    arr = np.asarray(a, dtype=np.float64)
    if arr.ndim == 0:
        return _num(arr)
    if arr.size > limit:
        flat = ", ".join(_num(v) for v in arr.ravel()[:limit])
        return _("[{entries}, ...] (shape {shape})").format(entries=flat, shape=arr.shape)

    def rows(x: np.ndarray) -> str:
        if x.ndim == 1:
            return "[" + ", ".join(_num(v) for v in x) + "]"
        return "[" + ", ".join(rows(r) for r in x) + "]"

    return rows(arr)


def _minus(s: str) -> str:
    """``s`` with a leading ``-`` replaced by the typographic minus ``−``, for prose."""
    return "−" + s[1:] if s.startswith("-") else s


_KNOWN_CONSTANTS = (
    (math.log(2), "ln 2"),
    (1 / math.log(2), "1/ln 2"),
    (math.log(10), "ln 10"),
    (1 / math.log(10), "1/ln 10"),
    (math.pi, "π"),
    (math.e, "e"),
)


def _nice(c: float) -> str:
    """``c`` as a small fraction or a named constant when it is one, else in 6 digits.

    Parameters
    ----------
    c : float
        A factor or a term by which two expressions differ.

    Returns
    -------
    str
        E.g. ``"2"``, ``"−1/2"``, ``"1/ln 2"``, ``"π"``, ``"1.23457"``, with the typographic minus.
    """
    for value, name in _KNOWN_CONSTANTS:
        for sign, prefix in ((1, ""), (-1, "−")):
            if math.isclose(c, sign * value, rel_tol=1e-9):
                return prefix + name
    if math.isfinite(c):
        f = Fraction(c).limit_denominator(1000)
        if math.isclose(float(f), c, rel_tol=1e-9, abs_tol=1e-12):
            return _minus(str(f))
    return _minus(_num(c))


def _describe_exception(exc: BaseException) -> str:
    """``"ValueError: message"``, with memory addresses masked and long messages shortened.

    Parameters
    ----------
    exc : BaseException
        The exception to describe.

    Returns
    -------
    str
        The type's name, then its message on one line, ``0x…`` for every address and at most 300
        characters of message; the name alone when the message is empty.
    """
    text = re.sub(r"0x[0-9a-fA-F]+", "0x…", " ".join(str(exc).split()))
    if len(text) > 300:
        text = text[:297] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _bullets(items: list[str], what: str) -> str:
    """One item as it is; several as ``"N mistakes in <what>:"`` and a bulleted line for each."""
    if len(items) == 1:
        return items[0]
    return (
        _("{count} mistakes in {what}:").format(count=len(items), what=what)
        + "\n"
        + "\n".join(f"• {item}" for item in items)
    )


def _a(value: object) -> str:
    """``"a str"``, ``"an int"``: the type of ``value`` with its article (``"一个 str"`` in Chinese)."""
    name = type(value).__name__
    if name[:1].lower() in "aeiou":
        return _("an {type}").format(type=name)
    return _("a {type}").format(type=name)


def _short_repr(value: object) -> str:
    """``repr(value)``, cut to 40 characters (ending in ``...`` when cut)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
