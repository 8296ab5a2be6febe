"""The table of contents in the README and in notebook 00 is generated from
tools.curriculum and must be in step with the notebooks that exist."""

import json
import re
from pathlib import Path

from tools.curriculum import BEGIN, CURRICULUM, END, markdown_table

ROOT = Path(__file__).resolve().parents[2]
NB = ROOT / "notebooks"


def block(text: str) -> str:
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip()


def test_every_notebook_is_in_the_curriculum():
    names = {nb.filename for nb in CURRICULUM}
    for path in NB.glob("*.ipynb"):
        assert path.name in names, f"{path.name}: add it to tools/curriculum.py"


def test_readme_table_is_in_sync():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert block(readme) == markdown_table(NB, "notebooks/"), "run: python -m tools.curriculum"


def test_notebook_00_map_is_in_sync():
    nb = json.loads((NB / "00_start_here.ipynb").read_text(encoding="utf-8"))
    cells = ["".join(c["source"]) for c in nb["cells"] if BEGIN in "".join(c["source"])]
    assert len(cells) == 1
    assert block(cells[0]) == markdown_table(NB, ""), "run: python -m tools.curriculum"


def test_links_between_notebooks_point_to_existing_files():
    for path in NB.glob("*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] != "markdown":
                continue
            for target in re.findall(r"\]\(([^):#\s]+\.ipynb)\)", "".join(cell["source"])):
                nxt = (NB / target).exists()
                planned = target in {n.filename for n in CURRICULUM}
                assert nxt or planned, f"{path.name} links to {target}, which neither exists nor is planned"


def test_every_notebook_opens_with_its_binder_and_nbviewer_badges():
    from tools.curriculum import badges, with_badges

    for nb_meta in CURRICULUM:
        path = NB / nb_meta.filename
        if not path.exists():
            continue
        first = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
        assert badges(nb_meta.filename) in first, f"{path.name}: run python -m tools.curriculum"
        assert with_badges(first, nb_meta.filename) == first  # in sync, and the script is idempotent


def test_readme_links_every_notebook_for_binder_and_nbviewer():
    from tools.curriculum import binder_url, nbviewer_url

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in NB.glob("*.ipynb"):
        assert binder_url(path.name) in readme and nbviewer_url(path.name) in readme, path.name
