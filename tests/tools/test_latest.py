"""tools.latest (make test-latest): the parts of the canary's report that can be checked without building an
environment. The whole command is run by the weekly canary workflow (and was run by hand; see the README)."""

from __future__ import annotations

from pathlib import Path

from tools.latest import failures, first_difference, moved, pins, report

ROOT = Path(__file__).resolve().parents[2]

JUNIT = """<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" tests="3">
<testcase classname="notebooks.02_likelihood_to_loss.ipynb" name="Cell 7"/>
<testcase classname="notebooks.02_likelihood_to_loss.ipynb" name="Cell 8"><failure message="nbval mismatch">
Notebook cell execution failed
Cell 8: Cell outputs differ

Input:
print(f"{x:.3f}")

Traceback:
 mismatch 'stdout'

 assert reference_output == test_output failed:

  '0.578' == '0.579'
</failure></testcase>
<testcase classname="tests.unit.test_model" name="test_loss">
<error message="ImportError: numpy">E ImportError</error></testcase>
</testsuite></testsuites>"""


def test_pins_are_read_from_the_requirements():
    found = pins(ROOT / "requirements.txt")
    assert found["numpy"].count(".") >= 1 and "scikit-learn" in found and "nbval" in found


def test_moved_lists_only_what_changed():
    assert moved({"numpy": "2.4.6", "scipy": "1.17.1"}, {"numpy": "2.5.0", "scipy": "1.17.1"}) == [
        ("numpy", "2.4.6", "2.5.0")
    ]
    assert moved({"gone": "1.0"}, {}) == [("gone", "1.0", "missing")]


def test_failures_name_the_cell_and_its_first_difference(tmp_path):
    junit = tmp_path / "junit.xml"
    junit.write_text(JUNIT, encoding="utf-8")
    run, failed = failures(junit)
    assert run == 3 and [name for name, _ in failed] == [
        "notebooks.02_likelihood_to_loss.ipynb::Cell 8",
        "tests.unit.test_model::test_loss",
    ]
    assert failed[0][1].startswith(" mismatch 'stdout'") and "'0.578' == '0.579'" in failed[0][1]


def test_a_missing_report_is_a_failure(tmp_path):
    run, failed = failures(tmp_path / "none.xml")
    assert run == 0 and failed and "did not start" in failed[0][1]


def test_first_difference_falls_back_to_the_end():
    assert first_difference("boom", "a\nb\nc", lines=2) == "boom"


def test_the_report_says_what_moved_and_what_broke():
    text = report({"numpy": "1"}, {"numpy": "2"}, {"Unit tests": (5, [("t::x", "E assert 1 == 2")])}, 60.0)
    assert "| numpy | 1 | 2 |" in text and "4 of 5 passed" in text and "`t::x`" in text
    assert "something broke" in text
    calm = report({"numpy": "1"}, {"numpy": "1"}, {"Unit tests": (5, [])}, 60.0)
    assert "every pin is the newest release" in calm and "nothing broke" in calm
