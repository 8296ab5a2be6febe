"""The checker of the binary gradient, :func:`check_gradient`, and what it shares with the softmax one.

Both gradient checkers read a pair ``(dw, db)`` from the learner's function on each problem, match each
component against the candidates of :mod:`lessons.checks.mistakes`, and explain what they find with
:func:`_gradient_message`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from lessons.checks.formatting import _arr, _bullets, _num
from lessons.checks.mistakes import (
    _ALIASES,
    _GRADIENT_MISTAKES,
    _SHARED,
    _binary_gradient_candidates,
    _close,
    _diagnose,
    _told,
)
from lessons.checks.problems import _binary_problems, _Problem
from lessons.checks.reading import _MISSING, _db_value, _real_array, _require_finite, _run, _shape_of, _split_pair
from lessons.checks.result import Result, _fail, _failed, _never_raises, _passed
from lessons.i18n import translator

_ = translator(__name__)


def _gradient_message(
    keys: list[tuple[str, ...] | None],
    outs: list[tuple],
    cands: list[tuple[dict, dict]],
    problems: tuple[_Problem, ...],
    names: tuple[str, str],
    db_how: str,
    words: dict[str, str],
) -> str:
    """Explain the mistakes found in each component, and show an input for the unrecognised ones.

    Parameters
    ----------
    keys : list
        For each component, the diagnosed mistakes (a key of the candidates), or None when unrecognised.
    outs : list of tuple
        The learner's ``(dw, db)`` on each problem (``db`` None when missing).
    cands : list of tuple of dict
        The candidates for each component on each problem.
    problems : tuple of _Problem
        The problems, in the order of ``outs``.
    names : tuple of str
        The names of the components, ``("dw", "db")`` or ``("dW", "db")``.
    db_how : str
        How db was missing, for the "db missing" text.
    words : dict
        ``right``, ``wrong`` and ``what`` for the "sign flipped" text.

    Returns
    -------
    str
        The message without its icon.
    """
    where: dict[str, list[str]] = {}
    for name, key in zip(names, keys, strict=True):
        for code in key or ():
            where.setdefault(_ALIASES.get(code, code), []).append(name)
    fields = dict(words, dw=names[0], w=problems[0].names[2], db_how=db_how)
    items = []
    for code in _GRADIENT_MISTAKES:
        if code in where:
            title, text = _told(_GRADIENT_MISTAKES, code)
            place = _(" (in {where})").format(where=_(" and ").join(where[code])) if code in _SHARED else ""
            items.append(title + place + _(": ") + text.format(**fields))
    unknown = [c for c, key in enumerate(keys) if key is None]
    if not unknown:
        return _bullets(items, _("your gradient"))
    i = next(i for i in range(len(problems)) if any(not _close(outs[i][c], cands[i][c][()]) for c in unknown))
    for c in unknown:
        other = 1 - c
        prefix = _("{right} is right, but ").format(right=names[other]) if keys[other] == () else ""
        gap = float(np.max(np.abs(np.asarray(outs[i][c]) - cands[i][c][()])))
        items.append(
            prefix
            + _("{name} differs from the reference by up to {gap} (largest absolute difference)").format(
                name=names[c], gap=_num(gap)
            )
        )
    expected = ", ".join(f"{n} = {_arr(cands[i][c][()])}" for c, n in enumerate(names))
    yours = ", ".join(f"{n} = {_arr(outs[i][c]) if outs[i][c] is not None else 'None'}" for c, n in enumerate(names))
    tail = "\n" + _("Reproduce it with this input ({size}):").format(size=problems[i].size()) + "\n"
    tail += (
        problems[i].listing()
        + "\n"
        + _("  expected: {expected}\n  yours:    {yours}").format(expected=expected, yours=yours)
    )
    return _bullets(items, _("your gradient")) + tail


def _check_gradient_like(
    fn: object,
    problems: tuple[_Problem, ...],
    parse: Callable[[object, _Problem], tuple[object, object, str]],
    candidates: Callable[[_Problem], tuple[dict, dict]],
    names: tuple[str, str],
    signature: str,
    reference: str,
    example: str,
    words: dict[str, str],
) -> Result:
    """What a gradient checker returns for ``fn``, unless it stops early.

    Parameters
    ----------
    fn : object
        What the learner passed to the checker.
    problems : tuple of _Problem
        The problems to run ``fn`` on.
    parse : callable
        ``parse(output, problem) -> (dw, db or None, how)``, ``how`` telling how db was given; it stops
        the checker when the output cannot be read.
    candidates : callable
        ``candidates(problem) -> (dw candidates, db candidates)``.
    names : tuple of str
        The names of the components.
    signature, reference, example : str
        For the messages: how ``fn`` is called, the reference it is compared with, a right call.
    words : dict
        ``right``, ``wrong`` and ``what`` for the "sign flipped" text.

    Returns
    -------
    Result
        Passed, or failed with the mistakes found.

    Raises
    ------
    _Stop
        For a stub, a non-function, a wrong signature, an exception in ``fn`` or an unreadable output.
    """
    parsed = _run(fn, problems, parse, signature, example)
    outs = [p[:2] for p in parsed]
    how = {p[2] for p in parsed}
    cands = [candidates(p) for p in problems]
    keys: list[tuple[str, ...] | None] = []
    for c in range(2):
        learner = [o[c] for o in outs]
        if any(v is None for v in learner):
            keys.append(("db_missing",))
        else:
            keys.append(_diagnose(learner, [cand[c] for cand in cands]))
    if keys == [(), ()]:
        return _passed(
            _("your gradient matches {reference} on {count} problems (including λ > 0 and b ≠ 0)").format(
                reference=reference, count=len(problems)
            )
        )
    db_how = (
        _("your function returned no db,")
        if "missing" in how
        else _("your db is None,")
        if "none" in how
        else _("your db is 0,")
    )
    return _failed(_gradient_message(keys, outs, cands, problems, names, db_how, words))


def _parse_binary_gradient(out: object, p: _Problem) -> tuple[np.ndarray, float | None, str]:
    """``(dw, db, how)`` from what a binary gradient returned on ``p``; ``db`` is None when missing.

    Raises
    ------
    _Stop
        A failure saying what is wrong: not a pair, a wrong type or shape, the wrong order, a NaN.
    """
    d, n = p.d, p.n
    dw_raw, db_raw = _split_pair(out, ("dw", "db"))
    dw = _real_array(dw_raw, "dw")
    if db_raw is _MISSING and dw.shape == (d + 1,):
        _fail(
            _(
                "wrong shape: your function returned one array of length d + 1 = {length}; return dw (shape (d,)) "
                "and db (a number) separately: `return dw, db`"
            ).format(length=d + 1)
        )
    if dw.shape == () and db_raw is not _MISSING and _shape_of(db_raw) == (d,):
        _fail(_("wrong order: your function returned db first; return the pair in the order `dw, db`"))
    if dw.shape != (d,):
        _fail(_vector_shape_message(dw.shape, d, n))
    _require_finite(dw, "dw")
    db_raw, how = _db_value(db_raw)
    if db_raw is None:
        return dw, None, how
    db = _real_array(db_raw, "db")
    if db.ndim != 0:
        if db.shape == (n,):
            _fail(
                _(
                    "wrong shape: db has shape (n,) = ({n},), one value per sample; db is the mean of the residuals "
                    "ŷ − y over the samples, a single number"
                ).format(n=n)
            )
        _fail(
            _(
                "wrong shape: db must be a single number (a scalar), got an array of shape {shape}; "
                "use float(...) or .item()"
            ).format(shape=db.shape)
        )
    _require_finite(db, "db")
    return dw, float(db), how


def _vector_shape_message(shape: tuple, d: int, n: int) -> str:
    """What is wrong with a dw of shape ``shape``, with a hint for the usual wrong shapes."""
    start = _("wrong shape: dw has shape {shape}, but it must have shape (d,) = ({d},), like w").format(
        shape=shape, d=d
    )
    if shape == (d, 1):
        return start + _(
            ". Yours is a column: did the residual or w become 2-D, shape (n, 1) or (d, 1)? "
            "Keep 1-D arrays, or flatten with .ravel()"
        )
    if shape == (1, d):
        return start + _(
            ". Yours is a row: did the residual become 2-D, shape (1, n)? Keep 1-D arrays, or use .ravel()"
        )
    if shape == (n,):
        return start + _(
            ". Yours has one value per sample (n = {n}): multiply by the features, X.T @ (ŷ − y), "
            "which sums over the samples"
        ).format(n=n)
    if shape == (n, d):
        return start + _(". Yours has one row per sample: average them over the samples (axis=0)")
    if shape == ():
        return start + _(". Yours is a single number: dw has one entry per feature")
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
        {"right": "ŷ − y", "wrong": "y − ŷ", "what": _("prediction minus label")},
    )
