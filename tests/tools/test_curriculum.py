"""The tables of contents (README.md, README.zh.md, each edition's notebook 00), the badge lines and notebook 00's
glossary are generated from tools.curriculum and lessons.terms and must be in step with the notebooks that exist."""

import json
import re
from pathlib import Path

import pytest

from lessons.terms import glossary_table
from tools.curriculum import (
    BEGIN,
    CURRICULUM,
    EDITIONS,
    END,
    GLOSSARY_BEGIN,
    GLOSSARY_END,
    READMES,
    badges,
    binder_url,
    markdown_table,
    nbviewer_url,
    with_badges,
)

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = list(EDITIONS)


def block(text: str, begin: str = BEGIN, end: str = END) -> str:
    return text.split(begin, 1)[1].split(end, 1)[0].strip()


def folder(language: str) -> Path:
    return ROOT / EDITIONS[language]


def cells_of(path: Path) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_notebook_is_in_the_curriculum(language):
    names = {nb.filename for nb in CURRICULUM}
    for path in folder(language).glob("*.ipynb"):
        assert path.name in names, f"{path}: add it to tools/curriculum.py"


def test_both_editions_have_the_same_notebooks():
    assert sorted(p.name for p in folder("zh").glob("*.ipynb")) == sorted(p.name for p in folder("en").glob("*.ipynb"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_readme_table_is_in_sync(language):
    readme = (ROOT / READMES[language]).read_text(encoding="utf-8")
    expected = markdown_table(folder(language), EDITIONS[language] + "/", language)
    assert block(readme) == expected, "run: python -m tools.curriculum"


@pytest.mark.parametrize("language", LANGUAGES)
def test_notebook_00_map_and_glossary_are_in_sync(language):
    cells = cells_of(folder(language) / "00_start_here.ipynb")
    maps = [c for c in cells if BEGIN in c]
    assert len(maps) == 1
    assert block(maps[0]) == markdown_table(folder(language), "", language), "run: python -m tools.curriculum"
    glossaries = [c for c in cells if GLOSSARY_BEGIN in c]
    assert len(glossaries) == 1
    assert block(glossaries[0], GLOSSARY_BEGIN, GLOSSARY_END) == glossary_table(language), (
        "run: python -m tools.curriculum"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_between_notebooks_point_to_existing_files(language):
    for path in folder(language).glob("*.ipynb"):
        for text in cells_of(path):
            for target in re.findall(r"\]\(([^):#\s]+\.ipynb)\)", text):
                assert (path.parent / target).exists(), f"{path} links to {target}, which does not exist"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_notebook_opens_with_its_badges_and_a_link_to_the_other_edition(language):
    for nb_meta in CURRICULUM:
        path = folder(language) / nb_meta.filename
        first = cells_of(path)[0]
        assert badges(nb_meta.filename, language) in first, f"{path}: run python -m tools.curriculum"
        assert with_badges(first, nb_meta.filename, language) == first  # in sync, and the script is idempotent
        other = "zh/" if language == "en" else "../"
        assert f"]({other}{nb_meta.filename})" in first


@pytest.mark.parametrize("language", LANGUAGES)
def test_readme_links_every_notebook_for_binder_and_nbviewer(language):
    readme = (ROOT / READMES[language]).read_text(encoding="utf-8")
    for path in folder(language).glob("*.ipynb"):
        assert binder_url(path.name, language) in readme and nbviewer_url(path.name, language) in readme, path.name


def test_the_readmes_link_to_each_other_at_the_top():
    en = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:6]
    zh = (ROOT / "README.zh.md").read_text(encoding="utf-8").splitlines()[:6]
    assert any("](README.zh.md)" in line for line in en), "README.md must link to README.zh.md near the top"
    assert any("](README.md)" in line for line in zh), "README.zh.md must link to README.md near the top"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_notebook_s_title_is_its_curriculum_title(language):
    from tools.curriculum import ZH

    for nb_meta in CURRICULUM:
        title = ZH[nb_meta.number][0] if language == "zh" else nb_meta.title
        first = cells_of(folder(language) / nb_meta.filename)[0].splitlines()[0]
        assert first == f"# {nb_meta.number} · {title}", f"{language} {nb_meta.filename}: {first!r}"
