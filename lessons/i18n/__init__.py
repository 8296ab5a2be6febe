"""Messages in the learner's language: English (the default) or Chinese (中文).

Every message a learner can see (checker feedback, the explorer's and the widgets' labels and info panels,
the explanations in validation errors) is written in English in the code and marked there, and its Chinese
text sits in a small table per module, :mod:`lessons.i18n.zh.<module>` (``lessons.checks.value`` →
``lessons/i18n/zh/checks_value.py``, a dict ``MESSAGES``).

In a module::

    from lessons.i18n import N_, translator

    _ = translator(__name__)
    TITLE = N_("sign flipped")        # marked where it is written, translated where it is shown
    ...
    raise ValueError(_("{name} must be finite").format(name=name))
    print(_(TITLE))

``_`` returns the message in the current language; the English text is the key, so an English reader never
goes through a table. A test (``tests/unit/test_i18n.py``) collects every marked message from the source and
checks that each has its Chinese text, with the same ``{placeholders}``, and that no table holds a message the
code no longer has.

The Chinese notebooks call ``lessons.i18n.set_language("zh")`` in their setup cell.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["LANGUAGES", "set_language", "get_language", "translator", "N_", "language", "table", "table_module"]

#: The languages the series speaks: English and Simplified Chinese.
LANGUAGES = ("en", "zh")

_state = {"language": "en"}
_tables: dict[str, dict[str, str]] = {}


def set_language(language: str) -> None:
    """Speak ``language`` from now on: ``"en"`` (English, the default) or ``"zh"`` (中文).

    Parameters
    ----------
    language : {"en", "zh"}

    Raises
    ------
    TypeError
        If ``language`` is not a string.
    ValueError
        If it is not one of :data:`LANGUAGES`.
    """
    if not isinstance(language, str):
        raise TypeError(f"language must be a string, one of {LANGUAGES}; got {type(language).__name__}")
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}; got {language!r}")
    _state["language"] = language


def get_language() -> str:
    """The current language: ``"en"`` or ``"zh"``."""
    return _state["language"]


@contextmanager
def language(name: str) -> Iterator[None]:
    """Speak ``name`` inside a ``with`` block, then the language before it again."""
    before = get_language()
    set_language(name)
    try:
        yield
    finally:
        set_language(before)


def table_module(module: str) -> str:
    """The module that holds ``module``'s Chinese table: ``lessons.checks.value`` → ``lessons.i18n.zh.checks_value``."""
    short = module.removeprefix("lessons.").replace(".", "_")
    return f"lessons.i18n.zh.{short}"


def table(module: str) -> dict[str, str]:
    """The Chinese table of ``module`` (English message → Chinese message); empty if it has none."""
    if module not in _tables:
        try:
            _tables[module] = dict(importlib.import_module(table_module(module)).MESSAGES)
        except ModuleNotFoundError:
            _tables[module] = {}
    return _tables[module]


def translator(module: str) -> Callable[[str], str]:
    """The ``_`` of ``module``: a message in the current language.

    Parameters
    ----------
    module : str
        The module's ``__name__``; its table is :func:`table_module` of it.

    Returns
    -------
    callable
        ``_(message) -> str``: ``message`` itself in English; its Chinese text in Chinese (the English one if the
        table lacks it, which the tests forbid).
    """

    def _(message: str) -> str:
        if _state["language"] == "en":
            return message
        return table(module).get(message, message)

    return _


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is written (a module constant); ``_`` translates it when shown."""
    return message
