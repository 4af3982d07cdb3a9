"""Every coursework notebook runs top to bottom in its own Jupyter kernel, offline.

The lessons (``notebooks/*.ipynb``), the student exercises
(``notebooks/exercises/``) with their blank answers, and the teacher's solutions
(``notebooks/exercises/solutions/``, whose checks assert that they pass) are all
executed with nbclient, one kernel each, in a temporary working folder. The
notebooks are stored clean: outputs cleared, every cell with an id (nbformat 4.5),
and running them writes nothing into the repository.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").rglob("*.ipynb"))
# generous: a cell that takes more than this is a bug (the slowest lesson runs in ~15 s)
CELL_TIMEOUT = 300
# folders that tools write to (bytecode, caches), not the notebooks
_SKIP = {".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}


def _name(path: Path) -> str:
    return str(path.relative_to(REPO / "notebooks"))


def _repo_files() -> dict[str, float]:
    files = {}
    for root, dirs, names in os.walk(REPO):
        dirs[:] = [d for d in dirs if d not in _SKIP]
        for name in names:
            path = Path(root, name)
            files[str(path.relative_to(REPO))] = path.stat().st_mtime
    return files


def test_every_lesson_and_exercise_is_there():
    names = {_name(p) for p in NOTEBOOKS}
    lessons = {n for n in names if "/" not in n}
    assert len(lessons) == 5
    for lesson in ("01_", "02_", "03_", "04_", "05_"):
        assert any(n.startswith(lesson) for n in lessons)
    students = {n for n in names if n.startswith("exercises/ex")}
    solutions = {n for n in names if n.startswith("exercises/solutions/")}
    assert {Path(n).stem + "_solutions" for n in students} == {Path(n).stem for n in solutions}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_name)
def test_notebook_is_stored_clean(path):
    notebook = json.loads(path.read_text("utf-8"))
    assert (notebook["nbformat"], notebook["nbformat_minor"]) >= (4, 5)
    ids = [cell.get("id") for cell in notebook["cells"]]
    assert all(ids) and len(set(ids)) == len(ids)
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, cell["id"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_name)
def test_notebook_runs(path, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(path, as_version=4)
    before = _repo_files()
    client = nbclient.NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors
    changed = {k for k, v in _repo_files().items() if before.get(k) != v}
    assert not changed, f"{_name(path)} wrote into the repository: {sorted(changed)}"
