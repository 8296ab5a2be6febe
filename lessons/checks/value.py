"""The checker of a numeric answer, a scalar or an array: :func:`check_value`."""

from __future__ import annotations

import numpy as np

from lessons.checks.formatting import _num
from lessons.checks.reading import _real_array, _require_finite
from lessons.checks.result import Result, _failed, _in_context, _never_raises, _not_attempted, _passed
from lessons.i18n import translator

_ = translator(__name__)


@_never_raises
def check_value(
    value: object,
    expected: object,
    name: str = "your value",
    rtol: float = 1e-6,
    atol: float = 1e-12,
    mistakes: dict[str, object] | None = None,
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
    mistakes : dict of str to float or array_like, optional
        The typical wrong answers of this exercise: what each mistake is called (e.g. ``"a forgotten 1/n"``,
        ``"log₂ instead of ln"``, ``"the training set used where the validation set was meant"``) -> the value
        that mistake produces, computed by the check cell. A wrong answer equal to one of them (to the same
        tolerance) is named: the message says which mistake gives exactly that value.

    Returns
    -------
    Result
        The message names the mistake when ``value`` matches one of ``mistakes``; otherwise it gives the
        learner's value and how far it is (the largest difference and where), and says so when only the sign
        is wrong. ``...`` is "not attempted".
    """
    name = str(name)
    if value is Ellipsis:
        if name == "your value":  # the default name: "你算出的值", not "你算出的你的值"
            return _not_attempted(_("replace the `...` with your value of your value"))
        return _not_attempted(_("replace the `...` with your value of {name}").format(name=name))
    if name == "your value":
        name = _("your value")
    with _in_context(prefix=_("cannot check {name}: ").format(name=name)):
        want = _real_array(expected, _("the expected value"))
    got = _real_array(value, name)
    if got.shape != want.shape:
        text = _("wrong shape: {name} has shape {shape}, expected shape {expected}").format(
            name=name, shape=got.shape, expected=want.shape
        )
        if got.ndim == 2 and got.shape == want.shape[::-1]:
            text += _(": transposed?")
        return _failed(text)
    if np.isfinite(want).all():  # a NaN or infinity expected is compared entrywise below
        _require_finite(got, name)
    ok = np.isclose(got, want, rtol=rtol, atol=atol, equal_nan=True)
    if ok.all():
        if got.ndim == 0:
            return _passed(_("{name} = {value} is right").format(name=name, value=_num(got)))
        return _passed(_("{name} is right (all {count} entries)").format(name=name, count=got.size))
    for mistake, wrong in (mistakes or {}).items():
        with _in_context(
            prefix=_("cannot check {name}: the value of the mistake {mistake!r}: ").format(name=name, mistake=mistake)
        ):
            bad = _real_array(wrong, _("it"))
        if bad.shape == got.shape and not np.allclose(bad, want, rtol=rtol, atol=atol, equal_nan=True):
            if np.allclose(got, bad, rtol=rtol, atol=atol, equal_nan=True):
                shown = f" = {_num(got)}" if got.ndim == 0 else ""
                return _failed(
                    _("{name}{shown} is what {mistake} gives: look for that in your code.").format(
                        name=name, shown=shown, mistake=mistake
                    )
                )
    sign = _(" It has the wrong sign.") if np.allclose(got, -want, rtol=rtol, atol=atol) else ""
    if got.ndim == 0:
        gap = float(got - want)
        rel = _(" (relative error {rel:.1e})").format(rel=abs(gap) / abs(float(want))) if want != 0 else ""
        return _failed(
            _("{name} = {value} is off by {gap}{rel}.{sign}").format(
                name=name, value=_num(got), gap=_num(gap), rel=rel, sign=sign
            )
        )
    diff = np.where(ok, 0.0, np.abs(got - want))
    idx = tuple(int(i) for i in np.unravel_index(np.argmax(diff), diff.shape))
    where = idx[0] if len(idx) == 1 else idx
    return _failed(
        _(
            "{name}: {count} of {size} entries are off; the largest difference is "
            "{gap} at index {where}, where yours is {yours}.{sign}"
        ).format(
            name=name,
            count=int((~ok).sum()),
            size=got.size,
            gap=_num(diff[idx]),
            where=where,
            yours=_num(got[idx]),
            sign=sign,
        )
    )
