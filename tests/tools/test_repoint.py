"""tools.repoint: a fork points every Binder and nbviewer link at itself with one command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tools.curriculum import REPOSITORY
from tools.repoint import slug_from_remote, tracked_files

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/someone/fork",
        "https://github.com/someone/fork.git",
        "git@github.com:someone/fork.git",
        "ssh://git@github.com/someone/fork.git",
        "https://token@github.com/someone/fork/",
    ],
)
def test_the_slug_comes_from_the_remote(url):
    assert slug_from_remote(url) == "someone/fork"


def test_a_remote_that_is_not_github_is_refused_by_name():
    with pytest.raises(ValueError, match="url: expected a GitHub remote"):
        slug_from_remote("https://gitlab.com/someone/fork")


def test_a_bad_slug_is_refused_by_name(tmp_path):
    from tools.repoint import repoint

    with pytest.raises(ValueError, match="new: expected a GitHub repository as owner/name"):
        repoint("not a slug", tmp_path)


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> Path:
    """A copy of the tracked files, re-pointed at someone/fork by the command a teacher runs."""
    dst = tmp_path_factory.mktemp("fork")
    for src in tracked_files(ROOT):
        if src.is_file():
            target = dst / src.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(src.read_bytes())
    run = subprocess.run(
        [sys.executable, "-m", "tools.repoint", "someone/fork"], cwd=dst, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "links now point at someone/fork" in run.stdout
    return dst


def test_no_link_to_the_old_repository_remains(fork):
    left = [str(p.relative_to(fork)) for p in fork.rglob("*") if p.is_file() and REPOSITORY.encode() in p.read_bytes()]
    assert left == []
    first = (fork / "notebooks" / "03_single_sample_gradient.ipynb").read_text(encoding="utf-8")
    assert "mybinder.org/v2/gh/someone/fork/HEAD" in first and "nbviewer.org/github/someone/fork/blob" in first


def test_the_curriculum_sync_still_agrees_after_re_pointing(fork):
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/tools/test_curriculum.py"],
        cwd=fork, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:]
    again = subprocess.run(
        [sys.executable, "-m", "tools.repoint", "someone/fork"], cwd=fork, capture_output=True, text=True
    )
    assert again.returncode == 0 and "updated" not in again.stdout  # idempotent
