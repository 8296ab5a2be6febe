"""Both READMEs (README.md and README.zh.md) stay true about the repository: every `make` target they name exists,
every file or folder they name in backticks exists, and each gives the two commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READMES = ["README.md", "README.zh.md"]
TARGETS = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M))


@pytest.mark.parametrize("name", READMES)
def test_every_make_target_named_exists(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    named = set(re.findall(r"(?:`|^)make ([a-z][\w-]*)", text, flags=re.M))
    assert named and named <= TARGETS, f"{name} names make targets the Makefile lacks: {sorted(named - TARGETS)}"


@pytest.mark.parametrize("name", READMES)
def test_every_path_named_exists(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:lessons|tests|tools|notebooks|binder|benchmarks|\.ci)/[\w./-]*)`", text))
    generated = ("build/",)
    missing = [p for p in sorted(paths) if not p.startswith(generated) and not (ROOT / p.rstrip("/")).exists()]
    assert not missing, f"{name} names paths that do not exist: {missing}"


@pytest.mark.parametrize(("name", "lab"), [("README.md", "make lab"), ("README.zh.md", "make lab-zh")])
def test_the_two_commands_come_first(name, lab):
    text = (ROOT / name).read_text(encoding="utf-8")
    first_block = text.split("```", 2)[1]
    assert lab in first_block and "make test" in first_block
