"""Reading what a learner gave a checker: a function or a stub, what it returns, and the numbers in it.

Each reader returns what it read, or stops the checker (raises :class:`~lessons.checks.result._Stop`)
with a result that says what is wrong: "not attempted yet" for a stub, a failure for anything else.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import numpy as np

from lessons.checks.formatting import _a, _describe_exception, _num, _short_repr
from lessons.checks.problems import _Problem
from lessons.checks.result import _fail, _in_context, _not_attempted, _quiet, _Stop
from lessons.i18n import N_, translator

_ = translator(__name__)

_STUB_RAISE = N_("replace the `raise NotImplementedError` with your code")
_STUB_DOTS = N_("replace the `...` with your answer")

_MISSING = object()  # the second value of a pair when the function returned only one

_T = TypeVar("_T")


# ---------------------------------------------------------------- numbers


def _real_array(value: object, name: str) -> np.ndarray:
    """``value`` as a float64 array, for real numeric input (bools count as 0/1).

    Parameters
    ----------
    value : object
        What the learner gave.
    name : str
        How the message refers to it, e.g. ``"dw"``.

    Returns
    -------
    ndarray
        Of dtype float64, any shape (0-d for a number).

    Raises
    ------
    _Stop
        A failure saying why ``value`` is not real numbers: None, text, a function, complex, ragged, ...
    """
    if value is None:
        _fail(_("{name} is None").format(name=name))
    if isinstance(value, (str, bytes)):
        _fail(
            _("{name} is {a} ({value}), not a number or an array of numbers").format(
                name=name, a=_a(value), value=_short_repr(value)
            )
        )
    if callable(value) and not isinstance(value, np.ndarray):
        _fail(_("{name} is a function, not a number or an array: did you forget to call it?").format(name=name))
    try:
        arr = np.asarray(value)
        if arr.dtype == object:
            arr = arr.astype(np.float64)  # e.g. SymPy floats; fails for anything else
    except Exception:
        _fail(_("{name} could not be read as a number or an array of numbers (got {a})").format(name=name, a=_a(value)))
    if np.issubdtype(arr.dtype, np.complexfloating):
        _fail(_("{name} is complex ({dtype}); it must be real").format(name=name, dtype=arr.dtype))
    if not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        _fail(_("{name} is not numeric (got {a} of dtype {dtype})").format(name=name, a=_a(value), dtype=arr.dtype))
    return arr.astype(np.float64)


def _require_finite(arr: np.ndarray, name: str) -> None:
    """Stop the checker with a failure naming the first NaN or infinity in ``arr``, if there is one.

    Raises
    ------
    _Stop
        ``"dw contains nan (at index 1)"``, or ``"db is inf"`` for a 0-d ``arr``.
    """
    bad = ~np.isfinite(arr)
    if not bad.any():
        return
    if arr.ndim == 0:
        _fail(_("{name} is {value}").format(name=name, value=_num(arr)))
    idx = tuple(int(i) for i in np.argwhere(bad)[0])
    where = idx[0] if len(idx) == 1 else idx
    _fail(_("{name} contains {value} (at index {where})").format(name=name, value=_num(arr[idx]), where=where))


def _shape_of(v: object) -> tuple[int, ...] | None:
    """``np.shape(v)``, or None when ``v`` has none (a ragged list, say)."""
    try:
        return np.shape(v)
    except Exception:
        return None


def _is_scalar_like(v: object) -> bool:
    """True when ``v`` has shape ``()``: a number, a 0-d array, but also a string or None."""
    return _shape_of(v) == ()


def _split_pair(out: object, names: tuple[str, str]) -> tuple[object, object]:
    """The two values of a function that must return a pair, e.g. ``dw, db``.

    Parameters
    ----------
    out : object
        What the function returned.
    names : tuple of str
        The names of the two values, for the message.

    Returns
    -------
    tuple
        ``(first, second)``; ``second`` is ``_MISSING`` when only one value came back (a single array, or
        a sequence of one).

    Raises
    ------
    _Stop
        A failure for None, text, a dict or a set, or a sequence of more than two values.
    """
    a, b = names
    if out is None:
        _fail(_("your function returned None: did you forget `return {a}, {b}`?").format(a=a, b=b))
    if isinstance(out, (str, bytes, dict, set)):
        _fail(_("your function returned {type}; it must return the pair `{a}, {b}`").format(type=_a(out), a=a, b=b))
    if isinstance(out, tuple) or (isinstance(out, list) and not all(_is_scalar_like(v) for v in out)):
        if len(out) == 2:
            return out[0], out[1]
        if len(out) == 1:
            return out[0], _MISSING
        _fail(
            _("your function returned {count} values; it must return two: `return {a}, {b}`").format(
                count=len(out), a=a, b=b
            )
        )
    return out, _MISSING


def _db_value(raw: object) -> tuple[object, str]:
    """Split off a missing db: ``(value or None, how)``, ``how`` one of "missing", "none", "given"."""
    if raw is _MISSING:
        return None, "missing"
    if raw is None:
        return None, "none"
    return raw, "given"


# ---------------------------------------------------------------- the learner's function


def _as_function(fn: object, example: str) -> Callable:
    """``fn``, when it is a function.

    Parameters
    ----------
    fn : object
        What the learner passed to the checker.
    example : str
        A right call of the checker, e.g. ``"check_loss(loss)"``, for the message.

    Returns
    -------
    callable
        ``fn`` itself.

    Raises
    ------
    _Stop
        "Not attempted" for ``...``; a failure for text or anything else not callable.
    """
    if fn is Ellipsis:
        raise _Stop(_not_attempted(_(_STUB_DOTS)))
    if isinstance(fn, (str, bytes)):
        _fail(
            _("expected a function, got {a}: pass the function itself, e.g. `{example}`").format(
                a=_a(fn), example=example
            )
        )
    if not callable(fn):
        _fail(
            _(
                "expected a function, got {a}: pass the function itself, e.g. `{example}`, not the result of calling it"
            ).format(a="None" if fn is None else _a(fn), example=example)
        )
    return fn


def _require_signature(fn: Callable, args: tuple, signature: str) -> None:
    """Stop the checker when ``fn`` cannot take ``args`` positionally.

    A function without an inspectable signature (a builtin, say) is let through, to be called.

    Raises
    ------
    _Stop
        A failure showing ``signature``, e.g. ``"(X, y, w, b, lam=0.0)"``, and how to define it.
    """
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):  # builtins and the like: just call it
        return
    try:
        sig.bind(*args)
    except TypeError as exc:
        _fail(
            _("your function cannot be called as f{signature} ({error}): define it as `def f{signature}:`").format(
                signature=signature, error=exc
            )
        )


def _call(fn: Callable, problem: _Problem) -> object:
    """What ``fn`` returns on ``problem`` (given fresh copies of its arrays).

    Raises
    ------
    _Stop
        "Not attempted" for a stub (``NotImplementedError`` raised, or ``...`` or ``NotImplemented``
        returned); a failure for any other exception, with its type, message and the problem's listing.
    """
    try:
        with _quiet():
            out = fn(*problem.args())
    except NotImplementedError:
        raise _Stop(_not_attempted(_(_STUB_RAISE))) from None
    except Exception as exc:
        _fail(
            _("your function raised {error} on a problem with {size}{hint}. Reproduce it with:").format(
                error=_describe_exception(exc), size=problem.size(), hint=_hint_for_exception(exc, problem)
            )
            + f"\n{problem.listing()}"
        )
    if out is Ellipsis or out is NotImplemented:
        raise _Stop(_not_attempted(_(_STUB_RAISE if out is NotImplemented else _STUB_DOTS)))
    return out


def _hint_for_exception(exc: Exception, problem: _Problem) -> str:
    """A hint for a softmax gradient that broadcast the class numbers against P, else ``""``."""
    if problem.w.ndim == 2 and isinstance(exc, ValueError) and "broadcast" in str(exc):
        return _(
            " (did you subtract the labels y from P directly? y holds class numbers; "
            "turn it into one-hot rows Y, shape (n, K), first)"
        )
    return ""


@contextmanager
def _on_problem(problem: _Problem) -> Iterator[None]:
    """Add to a failure in the block the problem it happened on and the code that rebuilds it."""
    suffix = "\n" + _("On a problem with {size}, reproduce it with:").format(size=problem.size())
    with _in_context(suffix=f"{suffix}\n{problem.listing()}"):
        yield


def _run(
    fn: object,
    problems: tuple[_Problem, ...],
    parse: Callable[[object, _Problem], _T],
    signature: str,
    example: str,
) -> list[_T]:
    """Call a learner's function on every problem and read what it returns.

    Parameters
    ----------
    fn : object
        What the learner passed to the checker.
    problems : tuple of _Problem
        The problems, in order; the signature is tried on the first.
    parse : callable
        ``parse(output, problem)`` reads one output, or stops the checker saying what is wrong with it.
    signature, example : str
        For the messages, e.g. ``"(X, y, w, b, lam=0.0)"`` and ``"check_loss(loss)"``.

    Returns
    -------
    list
        ``parse``'s value on each problem.

    Raises
    ------
    _Stop
        For a stub, a non-function, a wrong signature, an exception in ``fn``, or an output ``parse``
        refuses (then with the problem's listing).
    """
    function = _as_function(fn, example)
    _require_signature(function, problems[0].args(), signature)
    parsed = []
    for problem in problems:
        out = _call(function, problem)
        with _on_problem(problem):
            parsed.append(parse(out, problem))
    return parsed
