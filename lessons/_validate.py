"""Input checks shared by every public function of :mod:`lessons`.

Each checker converts its argument to a float64 NumPy array (or a Python
float) and raises a ``TypeError`` for a wrong type, or a ``ValueError`` for a
wrong value, with a message that names the argument and what was expected.
Nothing downstream ever sees a NaN, an inf, an empty array or a shape that
does not fit.
"""

from __future__ import annotations

import numbers

import numpy as np

from lessons.i18n import translator

_ = translator(__name__)

__all__ = [
    "as_float_array",
    "require_finite",
    "as_matrix",
    "as_labels",
    "as_vector",
    "as_scalar",
    "as_nonnegative",
    "as_positive",
    "as_positive_int",
]


def as_float_array(value: object, name: str) -> np.ndarray:
    """Convert ``value`` to a float64 array of any shape, rejecting non-numeric input.

    Parameters
    ----------
    value : array_like, any shape
        Numbers (booleans count as numbers); not a string, a ragged list or a complex array.
    name : str
        The argument's name, for the error message.

    Returns
    -------
    ndarray, same shape as ``value``, dtype float64
        Not checked for NaN or inf: see :func:`require_finite`.

    Raises
    ------
    TypeError
        For strings, object or complex arrays and other non-numeric dtypes.
    ValueError
        When ``value`` cannot be read as an array at all.
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(_("{name} must be numeric, got {type}").format(name=name, type=type(value).__name__))
    try:
        arr = np.asarray(value)
    except Exception as exc:  # ragged lists and the like
        raise ValueError(_("{name} could not be read as an array: {error}").format(name=name, error=exc)) from None
    if arr.dtype == object:
        raise TypeError(_("{name} must be a numeric array, got a ragged or object array").format(name=name))
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(_("{name} must be real, got complex dtype {dtype}").format(name=name, dtype=arr.dtype))
    if not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise TypeError(_("{name} must be numeric, got dtype {dtype}").format(name=name, dtype=arr.dtype))
    return arr.astype(np.float64, copy=False)


def _first_bad(mask: np.ndarray) -> tuple[int, ...]:
    """Index of the first True entry of ``mask`` as a tuple."""
    return tuple(int(i) for i in np.argwhere(mask)[0])


def require_finite(arr: np.ndarray, name: str) -> None:
    """Raise a ``ValueError`` naming ``name`` and the first NaN or inf in ``arr`` (and where it is).

    Parameters
    ----------
    arr : ndarray, any shape
        Float array to scan.
    name : str
        The argument's name, for the error message.
    """
    bad = ~np.isfinite(arr)
    if bad.any():
        idx = _first_bad(bad)
        where = _(" at index {index}").format(index=idx[0] if len(idx) == 1 else idx) if idx else ""
        raise ValueError(
            _("{name} must be finite, got {value!r}{where}").format(name=name, value=float(arr[idx]), where=where)
        )


def as_matrix(X: object, name: str = "X", check_finite: bool = True) -> np.ndarray:
    """Return ``X`` as a finite, non-empty float64 array of shape (n, d).

    ``check_finite=False`` skips the scan for NaN and inf, for a caller that
    checks finiteness itself more cheaply (see :func:`lessons.model._z`).
    """
    arr = as_float_array(X, name)
    if arr.ndim != 2:
        raise ValueError(
            _("{name} must be 2-D with shape (n, d), got {ndim}-D shape {shape}").format(
                name=name, ndim=arr.ndim, shape=arr.shape
            )
        )
    if arr.shape[0] == 0:
        raise ValueError(
            _("{name} must have at least one sample (row), got shape {shape}").format(name=name, shape=arr.shape)
        )
    if arr.shape[1] == 0:
        raise ValueError(
            _("{name} must have at least one feature (column), got shape {shape}").format(name=name, shape=arr.shape)
        )
    if check_finite:
        require_finite(arr, name)
    return arr


def as_vector(v: object, length: int, name: str, what: str) -> np.ndarray:
    """Return ``v`` as a finite float64 array of shape (length,).

    ``what`` says where the length comes from, for the error message,
    e.g. ``"d = X.shape[1]"``.
    """
    arr = as_float_array(v, name)
    if arr.ndim != 1:
        raise ValueError(
            _("{name} must be 1-D with shape ({what},), got {ndim}-D shape {shape}").format(
                name=name, what=what, ndim=arr.ndim, shape=arr.shape
            )
        )
    if arr.shape[0] != length:
        raise ValueError(
            _("{name} must have length {what} = {length}, got {got}").format(
                name=name, what=what, length=length, got=arr.shape[0]
            )
        )
    require_finite(arr, name)
    return arr


def as_labels(y: object, n: int, name: str = "y", n_classes: int = 2) -> np.ndarray:
    """Return labels as float64 of shape (n,), all in ``0 .. n_classes - 1``.

    For the binary model (``n_classes = 2``) this means 0 and 1 only.
    """
    arr = as_vector(y, n, name, "n = X.shape[0]")
    ok = (arr >= 0) & (arr <= n_classes - 1) & (arr == np.round(arr))
    if not ok.all():
        i = _first_bad(~ok)[0]
        bad = arr[i]
        shown = int(bad) if bad == round(bad) else float(bad)
        allowed = _("0 and 1") if n_classes == 2 else _("integers 0..{top}").format(top=n_classes - 1)
        raise ValueError(
            _("{name} must contain only {allowed}, got {value} at index {index}").format(
                name=name, allowed=allowed, value=shown, index=i
            )
        )
    return arr


def as_scalar(value: object, name: str) -> float:
    """Return ``value`` as a finite Python float; reject arrays and non-numbers."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(_("{name} must be a real number, got {type}").format(name=name, type=type(value).__name__))
    out = float(value)
    if not np.isfinite(out):
        raise ValueError(_("{name} must be finite, got {value!r}").format(name=name, value=out))
    return out


def as_nonnegative(value: object, name: str) -> float:
    """Return ``value`` as a finite float that is >= 0."""
    out = as_scalar(value, name)
    if out < 0:
        raise ValueError(_("{name} must be >= 0, got {value!r}").format(name=name, value=out))
    return out


def as_positive(value: object, name: str) -> float:
    """Return ``value`` as a finite float that is > 0."""
    out = as_scalar(value, name)
    if out <= 0:
        raise ValueError(_("{name} must be > 0, got {value!r}").format(name=name, value=out))
    return out


def as_positive_int(value: object, name: str) -> int:
    """Return ``value`` as a Python int that is >= 1."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(_("{name} must be an integer, got {type}").format(name=name, type=type(value).__name__))
    out = int(value)
    if out < 1:
        raise ValueError(_("{name} must be >= 1, got {value}").format(name=name, value=out))
    return out
