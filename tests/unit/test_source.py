"""lessons.source holds the source text's listings character for character."""

import json
from pathlib import Path

import numpy as np
import pytest

from lessons import model, source
from lessons.data import source_example

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "source_text" / "source_zh.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", [source.PART1_CODE, source.PART2_CODE], ids=["part1", "part2"])
def test_listing_is_verbatim_in_the_source_text(code):
    assert code.strip() in TEXT


def test_notebook_01_shows_the_same_part1_listing():
    nb = json.loads((ROOT / "notebooks" / "01_model_and_loss.ipynb").read_text(encoding="utf-8"))
    cells = ["".join(c["source"]) for c in nb["cells"] if "source-code" in c["metadata"].get("tags", [])]
    assert cells == [source.PART1_CODE.strip()]


def test_part1_runs_and_agrees_with_lessons():
    ns, printed = source.run(source.PART1_CODE)
    X, y, w, b, lam = source_example()
    dw, db = model.gradient(X, y, w, b, lam)
    np.testing.assert_allclose(ns["dw"], dw, rtol=1e-14)
    assert ns["db"] == pytest.approx(db, rel=1e-14)
    assert "0.1234" not in printed


def test_part2_fails_as_printed_and_runs_with_the_fix():
    with pytest.raises(SyntaxError):
        source.run(source.PART2_CODE)
    ns, printed = source.run(source.PART2_CODE, source.PART2_BAD_LINE)
    assert ns["loss"] == pytest.approx(model.loss(ns["X"], ns["y"], ns["w"], 0.0), rel=1e-14)
    assert printed.startswith("对数损失: 0.656185")


def test_fix_must_match_once():
    with pytest.raises(ValueError, match="exactly one place"):
        source.run(source.PART2_CODE, ("no such text", ""))
