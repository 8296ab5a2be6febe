"""The checker of the binary cross-entropy loss with L2 penalty, :func:`check_loss`."""

from __future__ import annotations

import numpy as np

from lessons.checks.formatting import _a, _bullets, _num
from lessons.checks.mistakes import _LOSS_MISTAKES, _close, _diagnose, _loss_candidates, _told
from lessons.checks.problems import _binary_problems, _Problem
from lessons.checks.reading import _real_array, _require_finite, _run
from lessons.checks.result import Result, _fail, _failed, _never_raises, _passed
from lessons.i18n import translator

_ = translator(__name__)


def _parse_loss(out: object, p: _Problem) -> float:
    """The loss, a number, from what a loss function returned on ``p``.

    Raises
    ------
    _Stop
        A failure saying what is wrong: None, several values, a bool, not a number, one loss per
        sample, a NaN.
    """
    if out is None:
        _fail(_("your function returned None: did you forget the `return`?"))
    if isinstance(out, (tuple, list)):
        _fail(
            _("your function returned {a} of {count} values; it must return the loss only, a single number").format(
                a=_a(out), count=len(out)
            )
        )
    if isinstance(out, (bool, np.bool_)):
        _fail(_("your function returned {value}, a bool; it must return the loss, a number").format(value=out))
    value = _real_array(out, _("your loss"))
    if value.ndim != 0:
        if value.shape == (p.n,):
            _fail(
                _(
                    "wrong shape: your function returned an array of shape (n,) = ({n},), one loss per sample; "
                    "the loss is their mean (np.mean), a single number"
                ).format(n=p.n)
            )
        _fail(
            _("wrong shape: the loss must be a single number, got an array of shape {shape}").format(shape=value.shape)
        )
    _require_finite(value, _("your loss"))
    return float(value)


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
    problems = _binary_problems()
    values = _run(fn, problems, _parse_loss, "(X, y, w, b, lam=0.0)", "check_loss(loss)")
    cands = [_loss_candidates(p) for p in problems]
    key = _diagnose(values, cands)
    if key == ():
        return _passed(
            _("your loss matches lessons.model.loss on {count} problems (including λ > 0 and b ≠ 0)").format(
                count=len(problems)
            )
        )
    if key is not None:
        items = [
            title + _(": ") + text
            for title, text in (_told(_LOSS_MISTAKES, code) for code in _LOSS_MISTAKES if code in key)
        ]
        return _failed(_bullets(items, _("your loss")))
    i = next(i for i, (v, c) in enumerate(zip(values, cands, strict=True)) if not _close(v, c[()]))
    expected = cands[i][()]
    return _failed(
        _("your loss differs from the reference by {gap}, at this input ({size}):").format(
            gap=_num(abs(values[i] - expected)), size=problems[i].size()
        )
        + f"\n{problems[i].listing()}\n"
        + _("  expected: {expected}\n  yours:    {yours}").format(expected=_num(expected), yours=_num(values[i]))
    )
