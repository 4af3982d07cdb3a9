"""The attribution extractor as it was before issue 14, imported from git history.

The benchmarks compare today's extractor with the one of commit
``BASELINE_COMMIT`` in the same run. Rather than keep a frozen copy of
1,800 lines in the repository, the old modules are read with ``git show``
at run time into a temporary package (``framing_attrib_baseline``) whose
imports point at the installed ``framing`` for everything outside the five
attribution modules and the sentence splitter of that commit (paragraphs,
outlet registry). Needs
``git`` and the repository's history (a clone, not a wheel).

>>> Baseline = load_baseline()  # doctest: +SKIP
>>> Baseline().extract_text('"We won," said Ali Reza.')  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The last commit before issue 14's work (attributions.py of 970 lines).
BASELINE_COMMIT = "15ad3a8230df528579658d72372754b85c7b2c28"
_MODULES = ("attributions", "sources", "cues", "quotes", "tokens")
# The sentence splitter is part of the old code path too: the baseline splits with NLTK's
# Punkt as it did then, not with today's faster FastPunkt (same spans, see bench_sentences.py).
_TEXT_MODULES = ("sentences",)
_PACKAGE = "framing_attrib_baseline"


def _show(path: str, commit: str) -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(REPO), "show", f"{commit}:{path}"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise FileNotFoundError(
            f"cannot read {path} at {commit[:10]} from git history ({exc}); "
            "run the benchmark from a git clone of the project"
        ) from None


def _rewrite(source: str, folder: Path) -> str:
    source = source.replace("from ..text.sentences import", "from .sentences import")
    source = source.replace("from ..columns import", "from framing.columns import")
    source = source.replace("from .paragraphs import", "from framing.text.paragraphs import")
    source = source.replace("from ..outlets import", "from framing.outlets import")
    source = source.replace("from ..text.", "from framing.text.")
    source = source.replace("from .matcher import", "from framing.features.matcher import")
    return source.replace(
        'resources.files("framing.resources").joinpath("cues.csv")',
        f"__import__('pathlib').Path({str(folder / 'cues.csv')!r})",
    )


def load_baseline(commit: str = BASELINE_COMMIT) -> type:
    """The ``AttributionExtractor`` class of ``commit`` (default: before issue 14)."""
    name = f"{_PACKAGE}_{commit[:10]}"
    if name in sys.modules:
        return sys.modules[f"{name}.attributions"].AttributionExtractor
    folder = Path(tempfile.mkdtemp(prefix="attrib_baseline_")) / name
    folder.mkdir()
    (folder / "__init__.py").write_text("", "utf-8")
    (folder / "cues.csv").write_text(_show("framing/resources/cues.csv", commit), "utf-8")
    for module in _MODULES:
        text = _show(f"framing/features/{module}.py", commit)
        (folder / f"{module}.py").write_text(_rewrite(text, folder), "utf-8")
    for module in _TEXT_MODULES:
        text = _show(f"framing/text/{module}.py", commit)
        (folder / f"{module}.py").write_text(_rewrite(text, folder), "utf-8")
    sys.path.insert(0, str(folder.parent))
    try:
        return importlib.import_module(f"{name}.attributions").AttributionExtractor
    finally:
        sys.path.remove(str(folder.parent))


def baseline_cues(commit: str = BASELINE_COMMIT) -> object:
    """The cue lexicon of ``commit`` (fixes which gold cues count as speech/writing)."""
    load_baseline(commit)
    return sys.modules[f"{_PACKAGE}_{commit[:10]}.cues"].CueLexicon.default()
