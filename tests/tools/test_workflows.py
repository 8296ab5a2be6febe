"""The GitHub Actions workflows (.github/workflows): they cannot run here, so their linters are their test.
actionlint (syntax, expressions, shell) and zizmor (security: pinned actions, permissions, injection) must find
nothing, every action is pinned by commit SHA, and the CI workflow runs the same stages as .ci/run, in order."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed in {BIN}: it is pinned in requirements.txt (make rebuilds .venv)")
    return str(path)


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "canary.yml"}


def test_actionlint_finds_nothing():
    run = subprocess.run([tool("actionlint"), *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


def test_zizmor_finds_nothing():
    run = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", str(ROOT / ".github" / "workflows")],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No findings to report" in run.stdout + run.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_sha(path):
    uses = re.findall(r"^\s*-?\s*uses:\s*(\S+)", path.read_text(encoding="utf-8"), re.M)
    assert uses
    for ref in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{path.name}: {ref} is not pinned by SHA"


def make_targets(text: str, pattern: str) -> list[str]:
    return re.findall(pattern, text, re.M)


def test_ci_workflow_runs_the_stages_of_ci_run_in_order():
    stages = make_targets((ROOT / ".ci" / "run").read_text(encoding="utf-8"), r"^run \S+ (make [\w-]+)$")
    steps = make_targets((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"), r"^\s+run: (make [\w-]+)$")
    assert stages == ["make test", "make test-browser", "make test-binder"]
    assert steps == stages


def test_the_canary_runs_make_test_latest_weekly():
    text = (ROOT / ".github/workflows/canary.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+- cron: ", text, re.M) and "make test-latest" in text
    assert "issues: write" in text
