"""Instant, offline feedback on the exercises of the notebooks.

Every ``check_*`` function takes what a learner wrote (a function, a SymPy
expression or a number) and returns a :class:`Result`: ``.passed``,
``.status`` (``"passed"``, ``"failed"`` or ``"not attempted"``) and a
``.message`` that says *what* is wrong when it can tell, e.g. "sign flipped"
or "sum instead of mean", and how to fix it.

Rules shared by every checker:

* it never raises, whatever it is given: an exception inside the learner's
  function is caught and reported (type, message and the input that caused
  it), and so is a wrong type, a wrong shape, a NaN or a missing value;
* a stub from the student edition of the notebooks, a function whose body is
  ``raise NotImplementedError`` or a variable assigned ``...``, is reported as
  "not attempted yet", not as a failure;
* the message is deterministic: the test problems come from fixed seeds, numbers
  are formatted explicitly, and nothing depends on memory addresses, so a
  notebook's saved output stays the same from one run to the next;
* a learner's text is never evaluated: :func:`check_expression` wants a SymPy
  object and refuses a string.

How a gradient checker names a mistake: on each of a few small problems it
computes, from the same ingredients as the reference (``ŷ``, ``ŷ − y``,
``ŷ(1 − ŷ)``, ``λ``, ``w``, ``b``), every combination of the usual mistakes
(wrong sign, sum instead of mean, an extra ``σ′``, a missing or doubled ``λw``,
a penalised bias, ...). The problems have ``n > 1``, ``λ > 0``, ``b ≠ 0`` and
predictions away from 0.5, so that no two combinations agree on all of them;
the learner's ``dw`` and ``db`` are each matched against these candidates, and
the combination with the fewest mistakes that matches on every problem is
reported. Anything else gets the largest difference and a small input to
reproduce it with.
"""

from __future__ import annotations

import functools
import html
import inspect
import itertools
import math
import numbers
import re
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from lessons import model
from lessons import softmax as sm

__all__ = [
    "Result",
    "check_gradient",
    "check_loss",
    "check_softmax_gradient",
    "check_expression",
    "check_value",
]

PASSED = "passed"
FAILED = "failed"
NOT_ATTEMPTED = "not attempted"

_ICONS = {PASSED: "✓", FAILED: "✗", NOT_ATTEMPTED: "○"}
_COLOURS = {  # (border, background, text)
    PASSED: ("#2e7d32", "#e8f5e9", "#1b5e20"),
    FAILED: ("#e65100", "#fff3e0", "#6d2800"),
    NOT_ATTEMPTED: ("#9e9e9e", "#f5f5f5", "#424242"),
}

_STUB_RAISE = "replace the `raise NotImplementedError` with your code"
_STUB_DOTS = "replace the `...` with your answer"

_RTOL = 1e-6  # learner against candidate: loops and vectorised code agree far better than this
_ATOL = 1e-9


# --------------------------------------------------------------------------------------------
# the result
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """The verdict on one exercise.

    Attributes
    ----------
    status : {"passed", "failed", "not attempted"}
    message : str
        Plain text, starting with ✓, ✗ or ○; what ``str``, ``repr`` and the
        notebook's text/plain output show. Deterministic.

    ``bool(result)`` is ``result.passed``. In a notebook the result shows as a
    green (passed), orange (failed) or grey (not attempted) box.
    """

    status: str
    message: str

    def __post_init__(self) -> None:
        if self.status not in _ICONS:
            raise ValueError(f"status must be one of {sorted(_ICONS)}, got {self.status!r}")

    @property
    def passed(self) -> bool:
        """True when the answer is right."""
        return self.status == PASSED

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        border, background, text = _COLOURS[self.status]
        style = (
            f"border: 1px solid {border}; border-left: 6px solid {border}; background: {background}; "
            f"color: {text}; padding: 0.5em 0.8em; margin: 0.3em 0; border-radius: 4px; white-space: pre-wrap"
        )
        css_class = "lessons-check lessons-check-" + self.status.replace(" ", "-")
        return f'<div class="{css_class}" style="{style}">{html.escape(self.message)}</div>'


def _passed(text: str) -> Result:
    return Result(PASSED, f"{_ICONS[PASSED]} {text}")


def _failed(text: str) -> Result:
    return Result(FAILED, f"{_ICONS[FAILED]} {text}")


def _not_attempted(text: str) -> Result:
    return Result(NOT_ATTEMPTED, f"{_ICONS[NOT_ATTEMPTED]} not attempted yet: {text}")


def _never_raises(checker: Callable[..., Result]) -> Callable[..., Result]:
    """Turn any exception escaping ``checker`` into a failed :class:`Result`."""

    @functools.wraps(checker)
    def wrapper(*args: Any, **kwargs: Any) -> Result:
        try:
            with _quiet():
                return checker(*args, **kwargs)
        except Exception as exc:  # the promise: a checker never raises
            return _failed(f"the checker could not evaluate this answer ({_describe_exception(exc)})")

    return wrapper


@contextmanager
def _quiet() -> Iterator[None]:
    """No warnings and no floating-point warnings: the message is the feedback."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield


# --------------------------------------------------------------------------------------------
# formatting
# --------------------------------------------------------------------------------------------


def _num(x: float) -> str:
    """A number in at most 6 significant digits, without a negative zero."""
    s = f"{float(x):.6g}"
    return "0" if s == "-0" else s


def _arr(a: object, limit: int = 24) -> str:
    """An array (any dimension) or a scalar, each entry by :func:`_num`."""
    arr = np.asarray(a, dtype=np.float64)
    if arr.ndim == 0:
        return _num(arr)
    if arr.size > limit:
        flat = ", ".join(_num(v) for v in arr.ravel()[:limit])
        return f"[{flat}, ...] (shape {arr.shape})"

    def rows(x: np.ndarray) -> str:
        if x.ndim == 1:
            return "[" + ", ".join(_num(v) for v in x) + "]"
        return "[" + ", ".join(rows(r) for r in x) + "]"

    return rows(arr)


def _minus(s: str) -> str:
    """Use the typographic minus in prose."""
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
    """``c`` as a small fraction or a named constant when it is one, else 6 digits."""
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
    """``"ValueError: message"``, with memory addresses masked and long messages shortened."""
    text = re.sub(r"0x[0-9a-fA-F]+", "0x…", " ".join(str(exc).split()))
    if len(text) > 300:
        text = text[:297] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _bullets(items: list[str], what: str) -> str:
    if len(items) == 1:
        return items[0]
    return f"{len(items)} mistakes in {what}:\n" + "\n".join(f"• {item}" for item in items)


# --------------------------------------------------------------------------------------------
# reading a learner's value
# --------------------------------------------------------------------------------------------


def _real_array(value: object, name: str) -> tuple[np.ndarray | None, str | None]:
    """``(array, None)`` for real numeric input (bools count as 0/1), else ``(None, reason)``."""
    if value is None:
        return None, f"{name} is None"
    if isinstance(value, (str, bytes)):
        return None, f"{name} is {_a(value)} ({_short_repr(value)}), not a number or an array of numbers"
    if callable(value) and not isinstance(value, np.ndarray):
        return None, f"{name} is a function, not a number or an array: did you forget to call it?"
    try:
        arr = np.asarray(value)
        if arr.dtype == object:
            arr = arr.astype(np.float64)  # e.g. SymPy floats; fails for anything else
    except Exception:
        return None, f"{name} could not be read as a number or an array of numbers (got {_a(value)})"
    if np.issubdtype(arr.dtype, np.complexfloating):
        return None, f"{name} is complex ({arr.dtype}); it must be real"
    if not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        return None, f"{name} is not numeric (got {_a(value)} of dtype {arr.dtype})"
    return arr.astype(np.float64), None


def _a(value: object) -> str:
    """``"a str"``, ``"an int"``: the type of ``value`` with its article."""
    name = type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _short_repr(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _not_finite(arr: np.ndarray, name: str) -> str | None:
    bad = ~np.isfinite(arr)
    if not bad.any():
        return None
    if arr.ndim == 0:
        return f"{name} is {_num(arr)}"
    idx = tuple(int(i) for i in np.argwhere(bad)[0])
    where = idx[0] if len(idx) == 1 else idx
    return f"{name} contains {_num(arr[idx])} (at index {where})"


# --------------------------------------------------------------------------------------------
# the test problems
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Problem:
    """One input ``(X, y, w, b, lam)``; for softmax ``w`` is ``W`` (d, K) and ``b`` has shape (K,)."""

    X: np.ndarray
    y: np.ndarray
    w: np.ndarray
    b: float | np.ndarray
    lam: float
    names: tuple[str, str, str, str, str] = ("X", "y", "w", "b", "lam")

    @property
    def n(self) -> int:
        return self.X.shape[0]

    @property
    def d(self) -> int:
        return self.X.shape[1]

    def args(self) -> tuple:
        """Fresh copies, so that a function that changes its arguments in place harms nothing."""
        b = self.b.copy() if isinstance(self.b, np.ndarray) else self.b
        return self.X.copy(), self.y.copy(), self.w.copy(), b, self.lam

    def size(self) -> str:
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
    a.setflags(write=False)
    return a


# (n, d, lam, b): different sizes, n != d, n > 1, lam > 0 and b != 0 on most, lam = 0 on one.
_BINARY_SPECS = ((4, 2, 0.5, 0.3), (3, 2, 0.0, -1.1), (6, 3, 1.2, 0.7), (5, 4, 0.1, -0.4))
# (n, d, K, lam): d != K, so that a transposed dW is recognised.
_SOFTMAX_SPECS = ((4, 2, 3, 0.5), (5, 4, 3, 0.0), (7, 2, 4, 1.2))


@functools.cache
def _binary_problems() -> tuple[_Problem, ...]:
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


# --------------------------------------------------------------------------------------------
# calling a learner's function
# --------------------------------------------------------------------------------------------


def _function_problem(fn: object, example: str) -> Result | None:
    """A result for a stub or a non-function, else None."""
    if fn is Ellipsis:
        return _not_attempted(_STUB_DOTS)
    if isinstance(fn, (str, bytes)):
        return _failed(f"expected a function, got {_a(fn)}: pass the function itself, e.g. `{example}`")
    if not callable(fn):
        return _failed(
            f"expected a function, got {'None' if fn is None else _a(fn)}: pass the function "
            f"itself, e.g. `{example}`, not the result of calling it"
        )
    return None


def _signature_problem(fn: Callable, args: tuple, signature: str) -> Result | None:
    """A failed result when ``fn`` cannot take ``args`` positionally."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):  # builtins and the like: just call it
        return None
    try:
        sig.bind(*args)
    except TypeError as exc:
        return _failed(f"your function cannot be called as f{signature} ({exc}): define it as `def f{signature}:`")
    return None


def _call(fn: Callable, problem: _Problem) -> tuple[object, Result | None]:
    """``(output, None)``, or ``(None, result)`` for a stub or an exception."""
    try:
        with _quiet():
            out = fn(*problem.args())
    except NotImplementedError:
        return None, _not_attempted(_STUB_RAISE)
    except Exception as exc:
        return None, _failed(
            f"your function raised {_describe_exception(exc)} on a problem with {problem.size()}"
            f"{_hint_for_exception(exc, problem)}. Reproduce it with:\n{problem.listing()}"
        )
    if out is Ellipsis or out is NotImplemented:
        return None, _not_attempted(_STUB_RAISE if out is NotImplemented else _STUB_DOTS)
    return out, None


def _hint_for_exception(exc: Exception, problem: _Problem) -> str:
    if problem.w.ndim == 2 and isinstance(exc, ValueError) and "broadcast" in str(exc):
        return (
            " (did you subtract the labels y from P directly? y holds class numbers; "
            "turn it into one-hot rows Y, shape (n, K), first)"
        )
    return ""


def _shape_of(v: object) -> tuple[int, ...] | None:
    try:
        return np.shape(v)
    except Exception:
        return None


def _is_scalar_like(v: object) -> bool:
    return _shape_of(v) == ()


def _split_pair(out: object, names: tuple[str, str]) -> tuple[object, object, str | None]:
    """``(first, second, None)``; ``second`` is ``_MISSING`` when only one value came back."""
    a, b = names
    if out is None:
        return None, None, f"your function returned None: did you forget `return {a}, {b}`?"
    if isinstance(out, (str, bytes, dict, set)):
        return None, None, f"your function returned {_a(out)}; it must return the pair `{a}, {b}`"
    if isinstance(out, tuple) or (isinstance(out, list) and not all(_is_scalar_like(v) for v in out)):
        if len(out) == 2:
            return out[0], out[1], None
        if len(out) == 1:
            return out[0], _MISSING, None
        return None, None, f"your function returned {len(out)} values; it must return two: `return {a}, {b}`"
    return out, _MISSING, None


_MISSING = object()


# --------------------------------------------------------------------------------------------
# matching against the known mistakes
# --------------------------------------------------------------------------------------------


def _close(a: object, b: object) -> bool:
    return bool(np.allclose(a, b, rtol=_RTOL, atol=_ATOL))


def _diagnose(learner: list, candidates: list[dict[tuple[str, ...], object]]) -> tuple[str, ...] | None:
    """The fewest-mistakes key whose candidate matches the learner on every problem, or None."""
    for key in sorted(candidates[0], key=len):
        if all(_close(value, cand[key]) for value, cand in zip(learner, candidates, strict=True)):
            return key
    return None


def _key(*codes: str | None) -> tuple[str, ...]:
    return tuple(c for c in codes if c is not None)


# Each mistake: code -> (title, explanation). Codes listed in _SHARED may occur in either
# component of a gradient and are reported with where they occur; _ALIASES merge codes
# that are told to the learner the same way.
_GRADIENT_MISTAKES = {
    "sign": (
        "sign flipped",
        "you used {wrong}; the residual is {right} ({what}). With the wrong sign, gradient descent climbs the "
        "loss instead of descending it.",
    ),
    "sum": (
        "sum instead of mean",
        "the data part is n times too big (n = number of samples). The loss is a mean, so its gradient "
        "keeps the 1/n: divide the sum over the samples by n, or use np.mean.",
    ),
    "sigma_prime": (
        "an extra σ′ factor",
        "you multiplied the residual ŷ − y by σ′(z) = ŷ(1 − ŷ), as the chain rule does for the squared "
        "error. With the cross-entropy the σ′ cancels: dL/dz = ŷ − y, so drop the ŷ(1 − ŷ).",
    ),
    "squared_error": (
        "squared error's gradient (an extra σ′ factor)",
        "2(ŷ − y)ŷ(1 − ŷ) is the gradient of the squared error (ŷ − y)², not of the cross-entropy. "
        "With the log loss the σ′ = ŷ(1 − ŷ) cancels: dL/dz = ŷ − y.",
    ),
    "one_hot": (
        "labels not one-hot encoded",
        "you subtracted the class numbers y from every column of P. The residual is P − Y, with Y the "
        "one-hot rows: Y[i, y[i]] = 1 and 0 elsewhere.",
    ),
    "p_only": (
        "labels not subtracted",
        "you used P where the residual is P − Y, with Y the one-hot labels (Y[i, y[i]] = 1, 0 elsewhere).",
    ),
    "lam_missing": (
        "λ term forgotten",
        "{dw} lacks the gradient of the penalty λ/2‖{w}‖², which is λ{w}: add lam * {w} to {dw}.",
    ),
    "lam_double": (
        "λ term doubled",
        "you added 2λ{w}, but the derivative of λ/2‖{w}‖² is λ{w} (the 2 from the square cancels the 1/2).",
    ),
    "lam_over_n": (
        "λ term divided by n",
        "λ{w} is not part of the mean over the samples: add lam * {w} after dividing the data part by n.",
    ),
    "bias": (
        "bias penalised",
        "db includes λ·b, but the penalty λ/2‖{w}‖² does not involve the bias b, so db is the mean residual "
        "with no λ term.",
    ),
    "db_missing": (
        "db missing",
        "{db_how} but the right db (the mean of the residuals) is not zero: compute it and `return {dw}, db`.",
    ),
}
_SHARED = {"sign", "sum", "sigma_prime", "squared_error", "one_hot", "p_only"}
_ALIASES = {"sign_all": "sign"}


def _gradient_message(
    keys: list[tuple[str, ...] | None],
    outs: list[tuple],
    cands: list[tuple[dict, dict]],
    problems: tuple[_Problem, ...],
    names: tuple[str, str],
    db_how: str,
    words: dict[str, str],
) -> str:
    """Explain the mistakes found in each component, and show an input for the unrecognised ones."""
    where: dict[str, list[str]] = {}
    for name, key in zip(names, keys, strict=True):
        for code in key or ():
            where.setdefault(_ALIASES.get(code, code), []).append(name)
    fields = dict(words, dw=names[0], w=problems[0].names[2], db_how=db_how)
    items = []
    for code, (title, text) in _GRADIENT_MISTAKES.items():
        if code in where:
            place = f" (in {' and '.join(where[code])})" if code in _SHARED else ""
            items.append(f"{title}{place}: {text.format(**fields)}")
    unknown = [c for c, key in enumerate(keys) if key is None]
    if not unknown:
        return _bullets(items, "your gradient")
    i = next(i for i in range(len(problems)) if any(not _close(outs[i][c], cands[i][c][()]) for c in unknown))
    for c in unknown:
        other = 1 - c
        prefix = f"{names[other]} is right, but " if keys[other] == () else ""
        gap = float(np.max(np.abs(np.asarray(outs[i][c]) - cands[i][c][()])))
        items.append(
            f"{prefix}{names[c]} differs from the reference by up to {_num(gap)} (largest absolute difference)"
        )
    expected = ", ".join(f"{n} = {_arr(cands[i][c][()])}" for c, n in enumerate(names))
    yours = ", ".join(f"{n} = {_arr(outs[i][c]) if outs[i][c] is not None else 'None'}" for c, n in enumerate(names))
    tail = (
        f"\nReproduce it with this input ({problems[i].size()}):\n{problems[i].listing()}\n"
        f"  expected: {expected}\n  yours:    {yours}"
    )
    return _bullets(items, "your gradient") + tail


def _check_gradient_like(
    fn: object,
    problems: tuple[_Problem, ...],
    parse: Callable[[object, _Problem], tuple[tuple | None, str | None]],
    candidates: Callable[[_Problem], tuple[dict, dict]],
    names: tuple[str, str],
    signature: str,
    reference: str,
    example: str,
    words: dict[str, str],
) -> Result:
    stub = _function_problem(fn, example)
    if stub is not None:
        return stub
    bad = _signature_problem(fn, problems[0].args(), signature)
    if bad is not None:
        return bad
    outs = []
    how = set()
    for problem in problems:
        out, result = _call(fn, problem)
        if result is not None:
            return result
        parsed, error = parse(out, problem)
        if error is not None:
            return _failed(f"{error}\nOn a problem with {problem.size()}, reproduce it with:\n{problem.listing()}")
        outs.append(parsed[:2])
        how.add(parsed[2])
    cands = [candidates(p) for p in problems]
    keys: list[tuple[str, ...] | None] = []
    for c in range(2):
        learner = [o[c] for o in outs]
        if any(v is None for v in learner):
            keys.append(("db_missing",))
        else:
            keys.append(_diagnose(learner, [cand[c] for cand in cands]))
    if keys == [(), ()]:
        return _passed(f"your gradient matches {reference} on {len(problems)} problems (including λ > 0 and b ≠ 0)")
    db_how = (
        "your function returned no db,"
        if "missing" in how
        else "your db is None,"
        if "none" in how
        else "your db is 0,"
    )
    return _failed(_gradient_message(keys, outs, cands, problems, names, db_how, words))


def _db_value(raw: object) -> tuple[object, str]:
    """Split off a missing db: ``(value or None, how)``."""
    if raw is _MISSING:
        return None, "missing"
    if raw is None:
        return None, "none"
    return raw, "given"


# --------------------------------------------------------------------------------------------
# 1. the binary gradient
# --------------------------------------------------------------------------------------------


def _binary_gradient_candidates(p: _Problem) -> tuple[dict, dict]:
    """Every combination of the known mistakes, for dw and for db."""
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


def _parse_binary_gradient(out: object, p: _Problem) -> tuple[tuple | None, str | None]:
    d, n = p.d, p.n
    dw_raw, db_raw, error = _split_pair(out, ("dw", "db"))
    if error is not None:
        return None, error
    dw, error = _real_array(dw_raw, "dw")
    if error is not None:
        return None, error
    if db_raw is _MISSING and dw.shape == (d + 1,):
        return None, (
            f"wrong shape: your function returned one array of length d + 1 = {d + 1}; return dw (shape (d,)) "
            "and db (a number) separately: `return dw, db`"
        )
    if dw.shape == () and db_raw is not _MISSING and _shape_of(db_raw) == (d,):
        return None, "wrong order: your function returned db first; return the pair in the order `dw, db`"
    if dw.shape != (d,):
        return None, _vector_shape_message(dw.shape, d, n)
    error = _not_finite(dw, "dw")
    if error is not None:
        return None, error
    db_raw, how = _db_value(db_raw)
    if db_raw is None:
        return (dw, None, how), None
    db, error = _real_array(db_raw, "db")
    if error is not None:
        return None, error
    if db.ndim != 0:
        if db.shape == (n,):
            return None, (
                f"wrong shape: db has shape (n,) = ({n},), one value per sample; db is the mean of the residuals "
                "ŷ − y over the samples, a single number"
            )
        return None, (
            f"wrong shape: db must be a single number (a scalar), got an array of shape {db.shape}; "
            "use float(...) or .item()"
        )
    error = _not_finite(db, "db")
    if error is not None:
        return None, error
    return (dw, float(db), how), None


def _vector_shape_message(shape: tuple, d: int, n: int) -> str:
    start = f"wrong shape: dw has shape {shape}, but it must have shape (d,) = ({d},), like w"
    if shape == (d, 1):
        return (
            f"{start}. Yours is a column: did the residual or w become 2-D, shape (n, 1) or (d, 1)? "
            "Keep 1-D arrays, or flatten with .ravel()"
        )
    if shape == (1, d):
        return f"{start}. Yours is a row: did the residual become 2-D, shape (1, n)? Keep 1-D arrays, or use .ravel()"
    if shape == (n,):
        return (
            f"{start}. Yours has one value per sample (n = {n}): multiply by the features, X.T @ (ŷ − y), "
            "which sums over the samples"
        )
    if shape == (n, d):
        return f"{start}. Yours has one row per sample: average them over the samples (axis=0)"
    if shape == ():
        return f"{start}. Yours is a single number: dw has one entry per feature"
    return start


@_never_raises
def check_gradient(fn: object) -> Result:
    """Check a learner's gradient of the binary logistic loss.

    Parameters
    ----------
    fn : callable
        ``fn(X, y, w, b, lam=0.0) -> (dw, db)`` with ``X`` (n, d), ``y`` (n,)
        in {0, 1}, ``w`` (d,), ``b`` a float; ``dw`` must have shape (d,)
        and ``db`` must be a number. Called positionally on a few fixed
        problems (with ``λ > 0``, ``b ≠ 0`` and several ``n`` and ``d``) and
        compared with :func:`lessons.model.gradient`.

    Returns
    -------
    Result
        Passed when ``fn`` matches on every problem. Otherwise the message
        names the mistake it recognises (sign flipped, sum instead of mean
        (1/n), an extra σ′ factor or the squared error's gradient, λ term
        forgotten, doubled or divided by n, bias penalised, db missing, wrong
        shape), or gives the largest difference and an input to reproduce it
        with. A stub is "not attempted".
    """
    return _check_gradient_like(
        fn,
        _binary_problems(),
        _parse_binary_gradient,
        _binary_gradient_candidates,
        ("dw", "db"),
        "(X, y, w, b, lam=0.0)",
        "lessons.model.gradient",
        "check_gradient(gradient)",
        {"right": "ŷ − y", "wrong": "y − ŷ", "what": "prediction minus label"},
    )


# --------------------------------------------------------------------------------------------
# 4. the softmax gradient
# --------------------------------------------------------------------------------------------


def _softmax_gradient_candidates(p: _Problem) -> tuple[dict, dict]:
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


def _parse_softmax_gradient(out: object, p: _Problem) -> tuple[tuple | None, str | None]:
    n, d, K = p.n, p.d, p.w.shape[1]
    dW_raw, db_raw, error = _split_pair(out, ("dW", "db"))
    if error is not None:
        return None, error
    dW, error = _real_array(dW_raw, "dW")
    if error is not None:
        return None, error
    if dW.shape != (d, K):
        text = f"wrong shape: dW must be (d, K) = ({d}, {K}), like W, got {dW.shape}"
        if dW.shape == (K, d):
            text += ": did you compute (P − Y)ᵀX instead of Xᵀ(P − Y)?"
        elif dW.shape == (n, K):
            text += ": one row per sample; multiply by the features, X.T @ (P − Y), which sums over the samples"
        return None, text
    error = _not_finite(dW, "dW")
    if error is not None:
        return None, error
    db_raw, how = _db_value(db_raw)
    if db_raw is None:
        return (dW, None, how), None
    db, error = _real_array(db_raw, "db")
    if error is not None:
        return None, error
    if db.shape != (K,):
        text = f"wrong shape: db must have shape (K,) = ({K},), one entry per class like b, got {db.shape}"
        if db.ndim == 0:
            text += ": average the residuals over the samples only, (P − Y).mean(axis=0), not over all entries"
        elif db.shape == (n, K):
            text += ": one row per sample; average over the samples, .mean(axis=0)"
        elif db.shape == (1, K):
            text += ": drop the extra axis (no keepdims), or use .ravel()"
        return None, text
    error = _not_finite(db, "db")
    if error is not None:
        return None, error
    return (dW, db, how), None


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
        {"right": "P − Y", "wrong": "Y − P", "what": "probabilities minus one-hot labels"},
    )


# --------------------------------------------------------------------------------------------
# 2. the loss
# --------------------------------------------------------------------------------------------

_LOSS_MISTAKES = {
    "log2": (
        "log₂ instead of the natural log",
        "your loss is 1/ln 2 ≈ 1.4427 times too big: the negative log-likelihood uses the natural log, np.log, "
        "not np.log2.",
    ),
    "log10": (
        "log₁₀ instead of the natural log",
        "your loss is 1/ln 10 ≈ 0.4343 times the right one: use np.log, not np.log10.",
    ),
    "minus": (
        "minus sign forgotten",
        "the log-likelihood y log ŷ + (1 − y) log(1 − ŷ) is negative; the loss is its negative, "
        "−[y log ŷ + (1 − y) log(1 − ŷ)], so that it is ≥ 0 and smaller is better.",
    ),
    "minus_all": (
        "minus sign (whole loss negated)",
        "your loss is the negative of the right one: only the log-likelihood gets the minus sign.",
    ),
    "sum": (
        "sum instead of mean",
        "the data part is n times too big (n = number of samples): the loss is the mean, (1/n) Σᵢ Lᵢ, "
        "so divide by n or use np.mean.",
    ),
    "only_y": (
        "the (1 − y) term is missing",
        "you kept only −y log ŷ. A sample with y = 0 then costs nothing; add −(1 − y) log(1 − ŷ).",
    ),
    "only_1my": (
        "the y·log ŷ term is missing",
        "you kept only −(1 − y) log(1 − ŷ). A sample with y = 1 then costs nothing; add −y log ŷ.",
    ),
    "pen_missing": ("λ penalty forgotten", "add λ/2‖w‖², i.e. lam / 2 * w @ w."),
    "pen_double": ("penalty λ‖w‖² instead of λ/2‖w‖²", "the series' penalty has the factor 1/2: lam / 2 * w @ w."),
    "pen_with_b": (
        "bias penalised",
        "your penalty includes b²; the bias is not penalised: the penalty is λ/2‖w‖², with w only.",
    ),
}


def _loss_candidates(p: _Problem) -> dict[tuple[str, ...], float]:
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


def _parse_loss(out: object, p: _Problem) -> tuple[float | None, str | None]:
    if out is None:
        return None, "your function returned None: did you forget the `return`?"
    if isinstance(out, (tuple, list)):
        return None, (
            f"your function returned {_a(out)} of {len(out)} values; it must return the loss only, a single number"
        )
    if isinstance(out, (bool, np.bool_)):
        return None, f"your function returned {out}, a bool; it must return the loss, a number"
    value, error = _real_array(out, "your loss")
    if error is not None:
        return None, error
    if value.ndim != 0:
        if value.shape == (p.n,):
            return None, (
                f"wrong shape: your function returned an array of shape (n,) = ({p.n},), one loss per sample; "
                "the loss is their mean (np.mean), a single number"
            )
        return None, f"wrong shape: the loss must be a single number, got an array of shape {value.shape}"
    error = _not_finite(value, "your loss")
    if error is not None:
        return None, error
    return float(value), None


@_never_raises
def check_loss(fn: object) -> Result:
    """Check a learner's binary cross-entropy loss with L2 penalty.

    Parameters
    ----------
    fn : callable
        ``fn(X, y, w, b, lam=0.0) -> float``: the mean negative log-likelihood
        plus ``λ/2 ‖w‖²`` (``b`` not penalised). Compared with
        :func:`lessons.model.loss` on a few fixed problems.

    Returns
    -------
    Result
        Passed when ``fn`` matches on every problem; otherwise the message
        names the mistake it recognises (log₂ or log₁₀ instead of the natural
        log, minus sign forgotten, sum instead of mean (1/n), the (1 − y) or
        the y·log ŷ term missing, λ penalty forgotten, λ‖w‖² instead of
        λ/2‖w‖², bias penalised) or shows an input where ``fn`` differs.
    """
    stub = _function_problem(fn, "check_loss(loss)")
    if stub is not None:
        return stub
    problems = _binary_problems()
    bad = _signature_problem(fn, problems[0].args(), "(X, y, w, b, lam=0.0)")
    if bad is not None:
        return bad
    values = []
    for problem in problems:
        out, result = _call(fn, problem)
        if result is not None:
            return result
        value, error = _parse_loss(out, problem)
        if error is not None:
            return _failed(f"{error}\nOn a problem with {problem.size()}, reproduce it with:\n{problem.listing()}")
        values.append(value)
    cands = [_loss_candidates(p) for p in problems]
    key = _diagnose(values, cands)
    if key == ():
        return _passed(f"your loss matches lessons.model.loss on {len(problems)} problems (including λ > 0 and b ≠ 0)")
    if key is not None:
        items = [f"{title}: {text}" for code, (title, text) in _LOSS_MISTAKES.items() if code in key]
        return _failed(_bullets(items, "your loss"))
    i = next(i for i, (v, c) in enumerate(zip(values, cands, strict=True)) if not _close(v, c[()]))
    expected = cands[i][()]
    return _failed(
        f"your loss differs from the reference by {_num(abs(values[i] - expected))}, at this input "
        f"({problems[i].size()}):\n{problems[i].listing()}\n  expected: {_num(expected)}\n  yours:    {_num(values[i])}"
    )


# --------------------------------------------------------------------------------------------
# 5. a number or an array
# --------------------------------------------------------------------------------------------


@_never_raises
def check_value(
    value: object, expected: object, name: str = "your value", rtol: float = 1e-6, atol: float = 1e-12
) -> Result:
    """Check a numeric answer, a scalar or an array.

    Parameters
    ----------
    value : float or array_like
        The learner's answer.
    expected : float or array_like
        The right answer; ``value`` must have its shape.
    name : str
        How the message refers to the value, e.g. ``"p"``.
    rtol, atol : float
        Passed when ``|value − expected| <= atol + rtol |expected|`` entrywise.

    Returns
    -------
    Result
        The message gives the learner's value and how far it is (the largest
        difference and where), and says so when only the sign is wrong.
        ``...`` is "not attempted".
    """
    name = str(name)
    if value is Ellipsis:
        return _not_attempted(f"replace the `...` with your value of {name}")
    want, error = _real_array(expected, "the expected value")
    if error is not None:
        return _failed(f"cannot check {name}: {error}")
    got, error = _real_array(value, name)
    if error is not None:
        return _failed(error)
    if got.shape != want.shape:
        text = f"wrong shape: {name} has shape {got.shape}, expected shape {want.shape}"
        if got.ndim == 2 and got.shape == want.shape[::-1]:
            text += ": transposed?"
        return _failed(text)
    error = _not_finite(got, name)
    if error is not None and np.isfinite(want).all():
        return _failed(error)
    ok = np.isclose(got, want, rtol=rtol, atol=atol, equal_nan=True)
    if ok.all():
        if got.ndim == 0:
            return _passed(f"{name} = {_num(got)} is right")
        return _passed(f"{name} is right (all {got.size} entries)")
    sign = " It has the wrong sign." if np.allclose(got, -want, rtol=rtol, atol=atol) else ""
    if got.ndim == 0:
        gap = float(got - want)
        rel = f" (relative error {abs(gap) / abs(float(want)):.1e})" if want != 0 else ""
        return _failed(f"{name} = {_num(got)} is off by {_num(gap)}{rel}.{sign}")
    diff = np.where(ok, 0.0, np.abs(got - want))
    idx = tuple(int(i) for i in np.unravel_index(np.argmax(diff), diff.shape))
    where = idx[0] if len(idx) == 1 else idx
    return _failed(
        f"{name}: {int((~ok).sum())} of {got.size} entries are off; the largest difference is "
        f"{_num(diff[idx])} at index {where}, where yours is {_num(got[idx])}.{sign}"
    )


# --------------------------------------------------------------------------------------------
# 3. SymPy expressions
# --------------------------------------------------------------------------------------------

_POINTS = 8  # random points that must all evaluate to real numbers
_ATTEMPTS = 80


def _as_sympy(x: object, name: str) -> tuple[Any, str | None]:
    """``(SymPy object, None)`` or ``(None, reason)``; numbers are converted, text never is."""
    import sympy as sp

    if isinstance(x, (str, bytes)):
        return None, (
            f"{name} is a string; a SymPy expression is expected. Build it from SymPy symbols and functions, "
            "e.g. `sp.log(y_hat)`, not the text 'log(y_hat)' (text is never evaluated here)"
        )
    if x is None:
        return None, f"{name} is None: did you forget to assign it, or to `return` it?"
    if isinstance(x, sp.MatrixBase):
        return x, None
    if isinstance(x, sp.Basic):
        if isinstance(x, sp.core.relational.Relational):
            return None, f"{name} is an equation ({type(x).__name__}); give the expression on its right, e.g. eq.rhs"
        if not isinstance(x, sp.Expr):
            return None, f"{name} is a SymPy {type(x).__name__}, not an expression"
        return x, None
    if isinstance(x, numbers.Number) and not isinstance(x, (bool, np.bool_, complex, np.complexfloating)):
        return sp.sympify(x, strict=True), None
    if isinstance(x, (list, tuple, np.ndarray)):
        return None, f"{name} is {_a(x)}; for several expressions use a SymPy Matrix, sp.Matrix([...])"
    return None, f"{name} is {_a(x)}; a SymPy expression is expected"


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


def _ranges(symbols: object) -> tuple[dict, str | None]:
    import sympy as sp

    if symbols is None:
        return {}, None
    if isinstance(symbols, Mapping):
        out = {}
        for s, r in symbols.items():
            try:
                lo, hi = (float(v) for v in r)
            except Exception:
                return {}, f"symbols must map each symbol to a (low, high) range, got {_short_repr(r)} for {s}"
            out[s] = (lo, hi)
        return out, None
    if isinstance(symbols, sp.Symbol):
        return {}, None
    try:
        items = list(symbols)
    except TypeError:
        return (
            {},
            f"symbols must be a list of SymPy symbols or a mapping symbol -> (low, high), got {type(symbols).__name__}",
        )
    if isinstance(symbols, (str, bytes)) or not all(isinstance(s, sp.Symbol) for s in items):
        return {}, "symbols must be SymPy symbols (text is never evaluated here)"
    return {}, None


def _sample(a: Any, e: Any, syms: list, ranges: dict) -> list[tuple[dict, float, float]]:
    """Up to ``_POINTS`` seeded random points where both expressions are real and finite.

    Symbols are drawn from ``ranges`` when given; otherwise alternately from a wide range that respects
    their sign assumptions and from (0.05, 0.95), where probabilities and their logs are defined.
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
    return bool(np.all(np.abs(values - values[0]) <= 1e-7 * max(1.0, abs(values[0]))))


def _compare(a: Any, e: Any, ranges: dict) -> tuple[bool, str]:
    """``(equal, how)``: symbolic first, then numeric at random points, which also say how they differ."""
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
    a, error = _as_sympy(expr, "your answer")
    if error is not None:
        return _failed(error)
    e, error = _as_sympy(expected, "the expected answer")
    if error is not None:
        return _failed(f"cannot check: {error}")
    ranges, error = _ranges(symbols)
    if error is not None:
        return _failed(f"cannot check: {error}")
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
