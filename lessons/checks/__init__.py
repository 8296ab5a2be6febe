"""Instant, offline feedback on the exercises of the notebooks.

Every ``check_*`` function takes what a learner wrote (a function, a SymPy expression or a number) and
returns a :class:`Result`: ``.passed``, ``.status`` (``"passed"``, ``"failed"`` or ``"not attempted"``)
and a ``.message`` that says *what* is wrong when it can tell, e.g. "sign flipped" or "sum instead of
mean", and how to fix it. A checker never raises, whatever it is given; it reports a stub (a body
``raise NotImplementedError``, a value ``...``) as "not attempted yet"; its message is the same on every
run; and it never evaluates a learner's text.

The layers, each a module: :mod:`~lessons.checks.result` (the verdict, and how a checker stops early),
:mod:`~lessons.checks.formatting`, :mod:`~lessons.checks.reading` (the learner's function and values),
:mod:`~lessons.checks.problems` (the fixed test problems), :mod:`~lessons.checks.mistakes` (the catalogue
of mistakes and how each is recognised), and one module per checker: :mod:`~lessons.checks.gradient`,
:mod:`~lessons.checks.softmax`, :mod:`~lessons.checks.loss`, :mod:`~lessons.checks.value` and
:mod:`~lessons.checks.expression`.
"""

from lessons.checks.expression import check_expression
from lessons.checks.gradient import check_gradient
from lessons.checks.loss import check_loss
from lessons.checks.result import Result
from lessons.checks.softmax import check_softmax_gradient
from lessons.checks.value import check_value

__all__ = [
    "Result",
    "check_gradient",
    "check_loss",
    "check_softmax_gradient",
    "check_expression",
    "check_value",
]
