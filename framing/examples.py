"""The example articles shipped with framing.

In the repository they live in the top-level ``data/`` folder; an installed
wheel carries the same files as ``framing/examples`` (see ``pyproject.toml``).

Examples
--------
>>> "kayhan_2020-01-18_cnn-us-troops-iraq.txt" in list_examples()
True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["example_path", "examples_dir", "list_examples"]


def examples_dir() -> Path:
    """Folder holding the shipped examples (installed or source tree)."""
    installed = Path(str(resources.files("framing"))) / "examples"
    if installed.is_dir():
        return installed
    source_tree = Path(__file__).resolve().parent.parent / "data"
    if source_tree.is_dir():
        return source_tree
    raise FileNotFoundError(
        "framing's example data is missing: reinstall framing (pip install framing) "
        "or run from a clone of the repository."
    )


def list_examples() -> list[str]:
    """Names of the shipped example files, relative to :func:`examples_dir`."""
    root = examples_dir()
    return sorted(
        str(p.relative_to(root)).replace("\\", "/")
        for p in root.rglob("*")
        if p.is_file() and not p.name.startswith((".", "README"))
    )


def example_path(name: str) -> Path:
    """Path of a shipped example, by file name or an unambiguous part of it.

    Examples
    --------
    >>> example_path("kayhan").name
    'kayhan_2020-01-18_cnn-us-troops-iraq.txt'
    """
    names = list_examples()
    if name in names:
        return examples_dir() / name
    matches = [n for n in names if name.casefold() in n.casefold()]
    if len(matches) == 1:
        return examples_dir() / matches[0]
    if not matches:
        raise FileNotFoundError(f"No shipped example matches {name!r}; examples: {names}.")
    raise FileNotFoundError(f"{name!r} matches several examples: {matches}; be more specific.")
