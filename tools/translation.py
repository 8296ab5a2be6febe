"""The Chinese edition (``notebooks/zh/``) kept in step with the English one.

A Chinese notebook has the English notebook's cells, in the same order, with the same ids and types:

* its **code** equals the English code once string literals and comments are masked (:func:`code_differences`
  compares the syntax trees), so it computes the same numbers; only what a reader sees in print, titles, axis
  labels, widget descriptions and named mistakes is Chinese. The one addition allowed: the setup cell's
  ``import lessons.i18n`` and ``lessons.i18n.set_language("zh")``;
* its **markdown** is a translation of the English cell with the same id. The notebook's metadata records a hash
  of every English markdown cell it was translated from (``metadata.translation``); :func:`drift` names the cells
  whose English text changed since (a test fails until the Chinese cells are revisited and re-stamped).

The parts of a markdown cell that ``tools.curriculum`` writes (the badge line, the curriculum table, the
glossary) are not hashed: re-pointing a fork or adding a term is not a change of text.

Translator's workflow::

    python -m tools.translation scaffold 07     # a new notebooks/zh/07_...ipynb: the English cells, no outputs
    python -m tools.translation export 07       # build/translation/07_....txt: every cell's text, to edit
    python -m tools.translation import 07       # the edited text back into the notebook (checks the code)
    python -m tools.translation check [07 ...]  # code in step, no drift; exit status 1 if not
    python -m tools.translation stamp 07        # after revisiting the cells that drift named
    python -m tools.translation drift           # which Chinese cells are behind their English ones
    python -m tools.translation tidy [07 ...]   # join lines broken between two Chinese characters (a stray space)
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EN_DIR = ROOT / "notebooks"
ZH_DIR = EN_DIR / "zh"
WORK_DIR = ROOT / "build" / "translation"

#: The setup cell's additions in a Chinese notebook, ignored when the code is compared.
ZH_ONLY = ("import lessons.i18n", 'lessons.i18n.set_language("zh")')

_GENERATED = [
    re.compile(r"^\[!\[[^\]]*\]\(https://mybinder\.org/badge_logo\.svg\)\].*$", re.MULTILINE),  # badge line
    re.compile(r"<!-- curriculum:begin -->.*?<!-- curriculum:end -->", re.DOTALL),
    re.compile(r"<!-- glossary:begin -->.*?<!-- glossary:end -->", re.DOTALL),
]
_MARK = re.compile(r"^==== (\S+) (markdown|code|raw|mistake \d+) ====$", re.MULTILINE)


def english_path(number_or_path: str | Path) -> Path:
    """The English notebook for ``"07"``, ``"07_gradient_descent_explorer.ipynb"`` or either edition's path."""
    name = Path(number_or_path).name
    if not name.endswith(".ipynb"):
        matches = sorted(EN_DIR.glob(f"{name}_*.ipynb"))
        if len(matches) != 1:
            raise ValueError(f"no single English notebook numbered {name!r} in {EN_DIR}")
        return matches[0]
    return EN_DIR / name


def chinese_path(number_or_path: str | Path) -> Path:
    """The Chinese counterpart of :func:`english_path`."""
    return ZH_DIR / english_path(number_or_path).name


def pairs() -> list[tuple[Path, Path]]:
    """Every (English, Chinese) notebook pair; the Chinese path may not exist yet."""
    return [(p, ZH_DIR / p.name) for p in sorted(EN_DIR.glob("*.ipynb"))]


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, nb: dict) -> None:
    path.write_text(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def _source(cell: dict) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def translated_text(markdown: str) -> str:
    """``markdown`` without the parts ``tools.curriculum`` generates (badges, curriculum table, glossary)."""
    for pattern in _GENERATED:
        markdown = pattern.sub("", markdown)
    return markdown.strip()


def markdown_hashes(nb: dict) -> dict[str, str]:
    """Cell id -> SHA-256 (first 16 hex digits) of each markdown cell's translated text."""
    return {
        cell["id"]: hashlib.sha256(translated_text(_source(cell)).encode()).hexdigest()[:16]
        for cell in nb["cells"]
        if cell["cell_type"] == "markdown"
    }


def stamp_notebook(zh: dict, en: dict, en_name: str) -> None:
    """Record in ``zh`` that it translates ``en``'s markdown as it is now."""
    hashes = markdown_hashes(en)
    whole = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()[:16]
    zh["metadata"]["translation"] = {"from": f"notebooks/{en_name}", "markdown_sha256": whole, "cells": hashes}


def drift(zh_path: Path, en_path: Path | None = None) -> list[str]:
    """What changed in the English markdown since ``zh_path`` was stamped, one line per cell (empty: in step).

    ``en_path`` defaults to the English notebook of the same name."""
    en_path = en_path or EN_DIR / zh_path.name
    zh, en = _read(zh_path), _read(en_path)
    recorded = zh["metadata"].get("translation", {}).get("cells")
    if recorded is None:
        return [
            f"{zh_path.name}: no translation record (metadata.translation); run `python -m tools.translation "
            f"stamp {zh_path.name[:2]}` after translating"
        ]
    now = markdown_hashes(en)
    problems = []
    for i, cell in enumerate(en["cells"]):
        cid = cell.get("id")
        if cell["cell_type"] != "markdown":
            continue
        first = translated_text(_source(cell)).split("\n", 1)[0][:60]
        if cid not in recorded:
            problems.append(f"{zh_path.name}: English cell {i} (id {cid}) is new: {first!r}")
        elif recorded[cid] != now[cid]:
            problems.append(f"{zh_path.name}: English cell {i} (id {cid}) changed: {first!r}")
    for cid in sorted(set(recorded) - set(now)):
        problems.append(f"{zh_path.name}: English markdown cell id {cid} was removed")
    return problems


class _Mask(ast.NodeTransformer):
    """Every string literal made empty, except format specifications (they decide which digits are printed)."""

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):
            return ast.copy_location(ast.Constant(""), node)
        return node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        # An f-string's text parts are masked and dropped; what it formats, and how, is kept.
        kept = [v for v in node.values if isinstance(v, ast.FormattedValue)]
        for v in kept:
            v.value = self.visit(v.value)
        return ast.copy_location(ast.JoinedStr(values=kept), node)


def _python(source: str) -> str:
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def masked(source: str, chinese: bool = False) -> str:
    """The syntax tree of a code cell with its strings masked (comments are gone already), as text."""
    tree = ast.parse(_python(source))
    if chinese:
        extra = {ast.dump(ast.parse(line).body[0]) for line in ZH_ONLY}
        tree.body = [s for s in tree.body if ast.dump(s) not in extra]
    return ast.dump(_Mask().visit(tree), annotate_fields=False)


def code_differences(en: dict, zh: dict) -> list[str]:
    """Where ``zh``'s cells differ from ``en``'s beyond translation: cell count, ids, types, masked code,
    tags and the named wrong answers' code. Empty when in step."""
    problems = []
    if len(en["cells"]) != len(zh["cells"]):
        problems.append(f"{len(zh['cells'])} cells, the English notebook has {len(en['cells'])}")
    for i, (a, b) in enumerate(zip(en["cells"], zh["cells"], strict=False)):
        where = f"cell {i} (id {a.get('id')})"
        if a.get("id") != b.get("id") or a["cell_type"] != b["cell_type"]:
            problems.append(f"{where}: is {b['cell_type']} {b.get('id')} in Chinese")
            continue
        if a["metadata"].get("tags", []) != b["metadata"].get("tags", []):
            problems.append(f"{where}: tags {b['metadata'].get('tags', [])}, English {a['metadata'].get('tags', [])}")
        if a["cell_type"] != "code":
            continue
        try:
            same = masked(_source(a)) == masked(_source(b), chinese=True)
        except SyntaxError as e:
            problems.append(f"{where}: does not parse in Chinese ({e.msg}, line {e.lineno})")
            continue
        if not same:
            problems.append(f"{where}: its code differs from the English beyond strings and comments")
        wa, wb = a["metadata"].get("wrong_answers", []), b["metadata"].get("wrong_answers", [])
        if [masked(w["code"]) for w in wa] != [masked(w["code"]) for w in wb]:
            problems.append(f"{where}: its wrong answers' code differs from the English")
    return problems


_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")
_BLOCK_START = re.compile(r"^\s*([-*+] |\d+\. |#|\||>|\$\$|```|<!--|\\\[)")


def join_cjk_lines(markdown: str) -> str:
    """``markdown`` with each line break between two Chinese characters inside a paragraph removed.

    Markdown turns a line break inside a paragraph into a space, which Latin text needs and Chinese text does not:
    "梯度\n下降" shows as "梯度 下降". Lines in code fences and display maths, and lines that start a block (a list
    item, a heading, a table row, a quotation), are left alone."""
    lines = markdown.split("\n")
    out: list[str] = []
    fenced = False
    for line in lines:
        if line.lstrip().startswith(("```", "$$")) and line.strip().count("$$") != 2:
            fenced = not fenced if line.strip() not in ("",) else fenced
            out.append(line)
            continue
        previous = out[-1] if out else ""
        if (
            not fenced
            and previous.strip()
            and line.strip()
            and not _BLOCK_START.match(line)
            and not previous.lstrip().startswith(("#", "|", "```", "$$", "<!--"))
            and _CJK.match(previous.rstrip()[-1])
            and _CJK.match(line.lstrip()[0])
        ):
            out[-1] = previous.rstrip() + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def tidy(number: str) -> bool:
    """Apply :func:`join_cjk_lines` to every markdown cell of the Chinese notebook; return whether it changed."""
    zh_path = chinese_path(number)
    zh = _read(zh_path)
    changed = False
    for cell in zh["cells"]:
        if cell["cell_type"] == "markdown":
            new = join_cjk_lines(_source(cell))
            if new != _source(cell):
                cell["source"], changed = new.splitlines(keepends=True), True
    if changed:
        _write(zh_path, zh)
    return changed


def scaffold(number: str) -> Path:
    """Create ``notebooks/zh/<name>``: the English cells with their ids and metadata, no outputs, stamped."""
    en_path, zh_path = english_path(number), chinese_path(number)
    if zh_path.exists():
        raise FileExistsError(f"{zh_path} exists; export and import it instead")
    en = _read(en_path)
    zh = json.loads(json.dumps(en))
    for cell in zh["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
            cell["metadata"].pop("execution", None)
    zh["metadata"].pop("widgets", None)
    stamp_notebook(zh, en, en_path.name)
    ZH_DIR.mkdir(parents=True, exist_ok=True)
    _write(zh_path, zh)
    return zh_path


def export(number: str) -> Path:
    """Write every cell's text of the Chinese notebook (and each named wrong answer) to ``build/translation/``."""
    zh_path = chinese_path(number)
    zh = _read(zh_path)
    parts = []
    for cell in zh["cells"]:
        parts.append(f"==== {cell['id']} {cell['cell_type']} ====\n{_source(cell)}\n")
        for k, wrong in enumerate(cell["metadata"].get("wrong_answers", [])):
            parts.append(f"==== {cell['id']} mistake {k} ====\n{wrong['mistake']}\n")
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    out = WORK_DIR / (zh_path.stem + ".txt")
    out.write_text("".join(parts), encoding="utf-8")
    return out


def import_(number: str, text_path: Path | None = None) -> list[str]:
    """Read the exported (edited) text back into the Chinese notebook; return the code differences left."""
    zh_path = chinese_path(number)
    text_path = text_path or WORK_DIR / (zh_path.stem + ".txt")
    text = text_path.read_text(encoding="utf-8")
    zh = _read(zh_path)
    cells = {cell["id"]: cell for cell in zh["cells"]}
    marks = list(_MARK.finditer(text))
    for m, nxt in zip(marks, marks[1:] + [None], strict=True):
        body = text[m.end() + 1 : nxt.start() if nxt else len(text)]
        body = body[:-1] if body.endswith("\n") else body
        cid, kind = m.group(1), m.group(2)
        if cid not in cells:
            raise ValueError(f"{text_path}: no cell with id {cid} in {zh_path.name}")
        cell = cells[cid]
        if kind.startswith("mistake"):
            cell["metadata"]["wrong_answers"][int(kind.split()[1])]["mistake"] = body.strip()
        else:
            if kind != cell["cell_type"]:
                raise ValueError(f"{text_path}: cell {cid} is {cell['cell_type']}, the text says {kind}")
            cell["source"] = body.splitlines(keepends=True)
    _write(zh_path, zh)
    return code_differences(_read(english_path(number)), zh)


def stamp(number: str) -> None:
    """Record that the Chinese notebook now translates the English markdown as it is."""
    en_path, zh_path = english_path(number), chinese_path(number)
    zh = _read(zh_path)
    stamp_notebook(zh, _read(en_path), en_path.name)
    _write(zh_path, zh)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, args = argv[0], argv[1:]
    numbers = args or [p.name[:2] for p, q in pairs() if q.exists()]
    status = 0
    for number in numbers:
        if command == "scaffold":
            print(f"created {scaffold(number)}")
        elif command == "export":
            print(f"wrote {export(number)}")
        elif command == "import":
            problems = import_(number)
            print(f"imported into {chinese_path(number).name}" + "".join(f"\n  {p}" for p in problems))
            status |= bool(problems)
        elif command == "tidy":
            print(
                f"{chinese_path(number).name}: "
                + ("line breaks inside Chinese text joined" if tidy(number) else "tidy")
            )
        elif command == "stamp":
            stamp(number)
            print(f"stamped {chinese_path(number).name}")
        elif command in ("check", "drift"):
            zh_path = chinese_path(number)
            problems = drift(zh_path)
            if command == "check":
                problems += [
                    f"{zh_path.name}: {p}" for p in code_differences(_read(english_path(number)), _read(zh_path))
                ]
            print("\n".join(problems) if problems else f"{zh_path.name}: in step")
            status |= bool(problems)
        else:
            print(f"unknown command {command!r}\n{__doc__}")
            return 2
    return int(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
