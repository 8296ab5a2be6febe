"""The Chinese edition (notebooks/zh/) is in step with the English one (tools/translation.py):

* every English notebook has a Chinese counterpart with the same cells (ids, types, tags);
* the code is the same once strings and comments are masked, so both editions compute the same numbers;
* no English markdown cell changed since its Chinese translation was stamped (the failure names the cells);
* the Chinese text uses the term list's terms (lessons.terms) and none it marks as avoided;
* every Chinese notebook switches the package to Chinese in its setup cell, and translates every prose cell.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from lessons.terms import TERMS
from tools import translation
from tools.translation import code_differences, drift, masked, translated_text

ROOT = Path(__file__).resolve().parents[2]
PAIRS = translation.pairs()
IDS = [en.name[:2] for en, _ in PAIRS]
CJK = re.compile(r"[\u4e00-\u9fff]")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def markdown(nb: dict) -> list[str]:
    return [translated_text("".join(c["source"])) for c in nb["cells"] if c["cell_type"] == "markdown"]


def prose(text: str) -> str:
    """Chinese prose only: no code spans or blocks, no quotations of the source (「…」, “…”, > lines)."""
    text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    text = re.sub(r"`[^`]*`|「[^」]*」|“[^”]*”", " ", text)
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


@pytest.mark.parametrize("pair", PAIRS, ids=IDS)
def test_every_english_notebook_has_a_chinese_one(pair):
    en, zh = pair
    assert zh.exists(), f"no Chinese counterpart of {en.name}: python -m tools.translation scaffold {en.name[:2]}"


@pytest.mark.parametrize("pair", PAIRS, ids=IDS)
def test_code_is_the_english_code(pair):
    en, zh = pair
    problems = code_differences(load(en), load(zh))
    assert not problems, f"{zh.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("pair", PAIRS, ids=IDS)
def test_translation_is_not_behind_the_english_text(pair):
    _, zh = pair
    problems = drift(zh)
    assert not problems, (
        "the English text changed; revisit these Chinese cells, then `python -m tools.translation stamp "
        f"{zh.name[:2]}`:\n" + "\n".join(problems)
    )


@pytest.mark.parametrize("pair", PAIRS, ids=IDS)
def test_setup_cell_switches_to_chinese(pair):
    _, zh = pair
    setup = next("".join(c["source"]) for c in load(zh)["cells"] if c["cell_type"] == "code")
    assert 'lessons.i18n.set_language("zh")' in setup, f"{zh.name}: the first code cell must switch to Chinese"


@pytest.mark.parametrize("pair", PAIRS, ids=IDS)
def test_every_prose_cell_is_translated(pair):
    en, zh = pair
    for i, (a, b) in enumerate(zip(markdown(load(en)), markdown(load(zh)), strict=True)):
        if re.search(r"[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}", prose(a)):
            assert CJK.search(b) and a != b, f"{zh.name}: markdown cell {i} is not translated: {b[:80]!r}"


@pytest.mark.parametrize("pair", PAIRS, ids=IDS)
def test_chinese_uses_the_standard_terms(pair):
    en, zh = pair
    english = prose("\n".join(markdown(load(en))))  # the English prose: not `model.sigmoid` in a code span
    chinese = "\n".join(markdown(load(zh)))
    missing = [f"{t.en} → {t.required_zh}" for t in TERMS if t.found_in(english) and t.required_zh not in chinese]
    assert not missing, f"{zh.name}: the English uses these terms, the Chinese does not say them so: {missing}"


@pytest.mark.parametrize("pair", PAIRS, ids=IDS)
def test_chinese_avoids_the_alternatives(pair):
    _, zh = pair
    text = prose("\n".join(markdown(load(zh))))
    for term in TERMS:
        used = [alt for alt in term.avoid if alt in text]
        assert not used, f"{zh.name}: uses {used}; the series says {term.zh}"
        for alt in term.once:
            assert text.count(alt) <= 1, f"{zh.name}: {alt} more than once; the series says {term.zh}"


# The checks themselves must be able to fail.


def test_drift_names_the_changed_cell(tmp_path):
    en, zh = PAIRS[3]
    en_copy = tmp_path / en.name
    nb = load(en)
    index, cell = next((i, c) for i, c in enumerate(nb["cells"]) if c["cell_type"] == "markdown" and i > 0)
    cell["source"] = "".join(cell["source"]) + "\nOne more sentence."
    en_copy.write_text(json.dumps(nb), encoding="utf-8")
    (problems,) = drift(zh, en_copy)
    assert f"cell {index} (id {cell['id']}) changed" in problems and zh.name in problems


def test_drift_ignores_what_the_curriculum_script_writes(tmp_path):
    en, zh = PAIRS[0]
    nb = load(en)
    first = nb["cells"][0]
    first["source"] = "".join(first["source"]).replace("logistic-nll/logistic-nll-notebooks", "someone/fork")
    copy = tmp_path / en.name
    copy.write_text(json.dumps(nb), encoding="utf-8")
    assert drift(zh, copy) == []


def test_masked_code_keeps_numbers_formats_and_field_order():
    assert masked('print(f"x = {x:.3f}")  # note') == masked('print(f"值为 {x:.3f}")  # 说明')
    assert masked('print(f"{x:.3f}")') != masked('print(f"{x:.2f}")')
    assert masked('print(f"{a} {b}")') != masked('print(f"{b} {a}")')
    assert masked("x = 1.0") != masked("x = 2.0")
    assert masked('lessons.i18n.set_language("zh")\nx = 1', chinese=True) == masked("x = 1")


def test_code_differences_finds_changed_code():
    en, zh = PAIRS[1]
    nb = load(zh)
    index, cell = [(i, c) for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"][-1]
    cell["source"] = "".join(cell["source"]) + "\nextra = 1"
    assert f"cell {index} (id {cell['id']}): its code differs" in "\n".join(code_differences(load(en), nb))


def test_the_tool_round_trips_a_notebook(tmp_path, monkeypatch):
    """export then import changes nothing."""
    zh_dir = tmp_path / "zh"
    shutil.copytree(translation.ZH_DIR, zh_dir)
    monkeypatch.setattr(translation, "ZH_DIR", zh_dir)
    monkeypatch.setattr(translation, "WORK_DIR", tmp_path / "work")
    before = (zh_dir / PAIRS[2][1].name).read_text(encoding="utf-8")
    translation.export(IDS[2])
    assert translation.import_(IDS[2]) == []
    assert (zh_dir / PAIRS[2][1].name).read_text(encoding="utf-8") == before


#: What a Chinese notebook may print in English: NumPy's own warnings, data's own names (scikit-learn's feature and
#: species names), and code and mathematical tokens.
PRINTED_ENGLISH_ALLOWED = re.compile(
    r"RuntimeWarning: [^'\]]*|\b(nan|inf|eps|max|min|log|exp|tiny|dtype|sklearn|lessons|model|setosa|versicolor|"
    r"virginica|mean|error|worst|radius|texture|perimeter|area|smoothness|compactness|concavity|concave|points|"
    r"symmetry|fractal|dimension)\b"
)
ENGLISH_WORDS = re.compile(r"\b[A-Za-z][a-z]+(?:[ -]+[A-Za-z][a-z]+){2,}\b")


def printed_lines(nb: dict):
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            for text in (out.get("text", ""), out.get("data", {}).get("text/plain", "")):
                for line in ("".join(text) if isinstance(text, list) else text).splitlines():
                    yield i, line


def is_code(line: str) -> bool:
    try:
        compile(line.strip(), "<line>", "exec")
    except SyntaxError:
        return False
    return bool(line.strip())


@pytest.mark.parametrize("pair", PAIRS, ids=IDS)
def test_chinese_notebooks_print_chinese(pair):
    _, zh = pair
    english = [
        f"cell {i}: {line.strip()[:100]!r}"
        for i, line in printed_lines(load(zh))
        if not is_code(line) and ENGLISH_WORDS.search(PRINTED_ENGLISH_ALLOWED.sub(" ", line))
    ]
    assert not english, f"{zh.name} prints English:\n" + "\n".join(english)


@pytest.mark.parametrize("path", [zh for _, zh in PAIRS] + [ROOT / "README.zh.md", ROOT / "TEACHING.zh.md"],
                         ids=IDS + ["README.zh", "TEACHING.zh"])  # fmt: skip
def test_no_line_break_inside_chinese_text(path):
    """A line break inside a paragraph shows as a space: right between English words, a stray gap between Chinese
    characters (`python -m tools.translation tidy` joins them)."""
    texts = markdown(load(path)) if path.suffix == ".ipynb" else [path.read_text(encoding="utf-8")]
    for text in texts:
        assert translation.join_cjk_lines(text) == text, f"{path.name}: a line break between Chinese characters"


def test_join_cjk_lines():
    assert translation.join_cjk_lines("梯度\n下降") == "梯度下降"
    assert translation.join_cjk_lines("gradient\ndescent") == "gradient\ndescent"
    assert translation.join_cjk_lines("梯度\n- 列表") == "梯度\n- 列表"
    assert translation.join_cjk_lines("$$\n梯度\n下降\n$$") == "$$\n梯度\n下降\n$$"
