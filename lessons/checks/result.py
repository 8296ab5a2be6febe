"""The verdict a checker returns, :class:`Result`, and how a checker stops early with one.

Rules shared by every checker, kept here:

* it never raises, whatever it is given: every public checker is wrapped in :func:`_never_raises`;
* a helper deep inside a checker that finds the answer unusable (a stub, a wrong type, a wrong shape, a
  NaN, an exception in the learner's function) raises :class:`_Stop` holding the :class:`Result` to
  return, and :func:`_never_raises` catches it, once, at the checker's top level;
* any other exception becomes a failed result that says the checker could not evaluate the answer;
* no warning reaches the learner: the message is the feedback.
"""

from __future__ import annotations

import functools
import html
import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn, ParamSpec

import numpy as np

from lessons.checks.formatting import _describe_exception
from lessons.i18n import get_language, translator

_ = translator(__name__)

#: A space between Chinese words, left where a name the package gives in Chinese ("你的损失") meets the text.
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) (?=[\u4e00-\u9fff])")

PASSED = "passed"
FAILED = "failed"
NOT_ATTEMPTED = "not attempted"

_ICONS = {PASSED: "✓", FAILED: "✗", NOT_ATTEMPTED: "○"}
_COLOURS = {  # (border, background, text)
    PASSED: ("#2e7d32", "#e8f5e9", "#1b5e20"),
    FAILED: ("#e65100", "#fff3e0", "#6d2800"),
    NOT_ATTEMPTED: ("#9e9e9e", "#f5f5f5", "#424242"),
}

_P = ParamSpec("_P")


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
        """The coloured box a notebook shows: the message, HTML-escaped, with the status's colours."""
        border, background, text = _COLOURS[self.status]
        style = (
            f"border: 1px solid {border}; border-left: 6px solid {border}; background: {background}; "
            f"color: {text}; padding: 0.5em 0.8em; margin: 0.3em 0; border-radius: 4px; white-space: pre-wrap"
        )
        css_class = "lessons-check lessons-check-" + self.status.replace(" ", "-")
        return f'<div class="{css_class}" style="{style}">{html.escape(self.message)}</div>'


def _spaced(text: str) -> str:
    """``text`` as it is in English; in Chinese without a space between two Chinese words."""
    return _CJK_SPACE.sub("", text) if get_language() == "zh" else text


def _passed(text: str) -> Result:
    """A passed result: ``"✓ <text>"``."""
    return Result(PASSED, f"{_ICONS[PASSED]} {_spaced(text)}")


def _failed(text: str) -> Result:
    """A failed result: ``"✗ <text>"``."""
    return Result(FAILED, f"{_ICONS[FAILED]} {_spaced(text)}")


def _not_attempted(text: str) -> Result:
    """A stub's result: ``"○ not attempted yet: <text>"``."""
    text = _("not attempted yet: {text}").format(text=text)
    return Result(NOT_ATTEMPTED, f"{_ICONS[NOT_ATTEMPTED]} {_spaced(text)}")


class _Stop(Exception):
    """Ends a checker early with :attr:`result`: raised deep down, caught once by :func:`_never_raises`.

    Parameters
    ----------
    result : Result
        What the checker returns.
    """

    def __init__(self, result: Result) -> None:
        super().__init__(result.message)
        self.result = result


def _fail(text: str) -> NoReturn:
    """Stop the checker with the failed result ``"✗ <text>"``.

    Raises
    ------
    _Stop
        Always.
    """
    raise _Stop(_failed(text))


@contextmanager
def _in_context(prefix: str = "", suffix: str = "") -> Iterator[None]:
    """Put ``prefix`` before and ``suffix`` after the text of a failure that stops the checker in the block.

    A helper says what is wrong (``"dw is None"``); its caller adds where (``"cannot check: "``, or the
    input to reproduce it with). A result that is not a failure passes through unchanged.

    Raises
    ------
    _Stop
        The failure raised in the block, its text framed by ``prefix`` and ``suffix``.
    """
    try:
        yield
    except _Stop as stop:
        if stop.result.status != FAILED:
            raise
        text = stop.result.message.removeprefix(f"{_ICONS[FAILED]} ")  # exact: _failed wrote the message
        raise _Stop(_failed(f"{prefix}{text}{suffix}")) from None


def _never_raises(checker: Callable[_P, Result]) -> Callable[_P, Result]:
    """Make ``checker`` return the result of a :class:`_Stop`, and a failed result for any other exception.

    Parameters
    ----------
    checker : callable
        A public checker, returning a :class:`Result`.

    Returns
    -------
    callable
        The same checker (same name, docstring and signature), run without warnings, that never raises
        an :class:`Exception`.
    """

    @functools.wraps(checker)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> Result:
        try:
            with _quiet():
                return checker(*args, **kwargs)
        except _Stop as stop:
            return stop.result
        except Exception as exc:  # the promise: a checker never raises
            return _failed(
                _("the checker could not evaluate this answer ({error})").format(error=_describe_exception(exc))
            )

    return wrapper


@contextmanager
def _quiet() -> Iterator[None]:
    """No warnings and no floating-point warnings: the message is the feedback."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield
