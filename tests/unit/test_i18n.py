"""Every message a learner can see has its Chinese text (lessons.i18n).

Statically: each module's marked messages (``_("...")`` and ``N_("...")`` with a literal) are exactly the keys of
its Chinese table, with the same ``{placeholders}``, and no Chinese text still holds an English sentence.
"""

from __future__ import annotations

import ast
import importlib
import re
import string
from pathlib import Path

import pytest

import lessons
from lessons import i18n

PACKAGE = Path(lessons.__file__).parent
MODULES = sorted(
    ".".join(("lessons", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
    for p in PACKAGE.rglob("*.py")
    if "i18n" not in p.relative_to(PACKAGE).parts
)

#: Three or more English words in a row (after code spans and placeholders are removed): an English sentence.
ENGLISH = re.compile(r"\b[A-Za-z][a-z]+(?:[ -]+[A-Za-z][a-z]+){2,}\b")


def english_sentence(text: str) -> str | None:
    """The first English run of words in ``text`` outside `code` and {placeholders}, or None."""
    text = re.sub(r"`[^`]*`|\{[^{}]*\}", " ", text)
    m = ENGLISH.search(text)
    return m.group(0) if m else None


def marked(module: str) -> set[str]:
    """The literal messages ``module`` marks with ``_`` or ``N_``."""
    path = Path(importlib.import_module(module).__file__)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "N_")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def fields(message: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(message) if name is not None)


@pytest.mark.parametrize("module", MODULES)
def test_every_marked_message_has_chinese(module):
    messages, table = marked(module), i18n.table(module)
    missing = sorted(messages - set(table))
    assert not missing, f"{module}: no Chinese text in {i18n.table_module(module)} for {missing[:5]}"
    stale = sorted(set(table) - messages)
    assert not stale, f"{i18n.table_module(module)}: messages the code no longer has: {stale[:5]}"


@pytest.mark.parametrize("module", MODULES)
def test_chinese_keeps_the_placeholders_and_is_chinese(module):
    for english, chinese in i18n.table(module).items():
        assert fields(chinese) == fields(english), f"{module}: {chinese!r} changes the placeholders of {english!r}"
        assert re.search(r"[\u4e00-\u9fff]", chinese) or not re.search(r"[A-Za-z]{3}", english), (
            f"{module}: {chinese!r} has no Chinese"
        )
        assert english_sentence(chinese) is None, f"{module}: English left in {chinese!r}"


def test_every_table_belongs_to_a_module():
    tables = {p.stem for p in (PACKAGE / "i18n" / "zh").glob("*.py") if p.stem != "__init__"}
    owners = {i18n.table_module(m).rsplit(".", 1)[1] for m in MODULES}
    assert tables <= owners, f"tables without a module: {sorted(tables - owners)}"


def test_english_is_the_default_and_switching_works():
    assert i18n.get_language() == "en"
    _ = i18n.translator("lessons.i18n_probe")
    assert _("anything") == "anything"
    try:
        i18n.set_language("zh")
        assert i18n.get_language() == "zh"
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("bad", ["fr", "ZH", "", 1, None])
def test_set_language_rejects_what_it_cannot_speak(bad):
    with pytest.raises((ValueError, TypeError), match="language"):
        i18n.set_language(bad)


def test_english_sentence_detector():
    assert english_sentence("学习率 η = {eta:.3g}") is None
    assert english_sentence("用 `np.mean` 求平均") is None
    assert english_sentence("the gradient is wrong") == "the gradient is wrong"
    assert english_sentence("Adam 与 SGD") is None


def test_the_chinese_tables_use_the_series_terms():
    """The package's Chinese says what the notebooks say: none of the alternatives lessons.terms avoids."""
    from lessons.terms import TERMS

    for module in MODULES:
        for chinese in i18n.table(module).values():
            for term in TERMS:
                used = [alt for alt in term.avoid if alt in chinese]
                assert not used, f"{module}: {chinese!r} uses {used}; the series says {term.zh}"
