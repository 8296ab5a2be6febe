"""Warnings raised by :mod:`lessons`.

:class:`ConvergenceWarning` follows scikit-learn's
(``sklearn.exceptions.ConvergenceWarning``): an optimiser stopped before it
met its tolerance. It is a ``UserWarning``, so it is shown once per call site
by default and can be silenced or turned into an error with the
:mod:`warnings` filters.
"""

from __future__ import annotations

__all__ = ["ConvergenceWarning"]


class ConvergenceWarning(UserWarning):
    """An optimiser stopped (at its step limit, or unable to make progress) before ``||grad J|| <= tol``.

    The message names the method, the number of steps taken and the final
    gradient norm. Runs of a fixed length ask for no convergence test with
    ``tol=None`` and never warn.
    """
