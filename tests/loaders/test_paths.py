"""Input paths: folder walks and globs that cannot loop, and exclude=."""

from __future__ import annotations

import os

import pytest

from framing.loaders import expand_paths


@pytest.fixture
def tree(tmp_path):
    for name in ("a.txt", "b.json", "sub/c.txt", "sub/deeper/d.txt", ".hidden/e.txt", "sub/.f.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    return tmp_path


def _names(files, root):
    return [os.path.relpath(f, root) for f in files]


def test_recursive_glob_matches_like_the_shell(tree):
    files, problems = expand_paths(str(tree / "**" / "*.txt"))
    assert _names(files, tree) == ["a.txt", "sub/c.txt", "sub/deeper/d.txt"] and not problems
    files, _ = expand_paths(str(tree / "sub" / "**"))
    assert _names(files, tree) == ["sub/c.txt", "sub/deeper/d.txt"]
    files, _ = expand_paths(str(tree / "**" / "[ab].*"))
    assert _names(files, tree) == ["a.txt", "b.json"]
    files, problems = expand_paths(str(tree / "**" / "*.csv"))
    assert files == [] and "the pattern matched no files" in problems[0].reason


def test_folder_walk_leaves_hidden_files_and_excluded_paths_out(tree):
    files, _ = expand_paths(tree, exclude=[tree / "sub" / "deeper"])
    assert _names(files, tree) == ["a.txt", "b.json", "sub/c.txt"]
    files, _ = expand_paths([tree, tree / "sub" / "deeper" / "d.txt"], exclude=[tree / "sub"])
    assert _names(files, tree) == ["a.txt", "b.json", "sub/deeper/d.txt"]  # named: read


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_to_folders_are_not_followed(tree):
    os.symlink(tree, tree / "sub" / "up")
    os.symlink(tree / "a.txt", tree / "sub" / "link.txt")
    files, _ = expand_paths(str(tree / "**" / "*.txt"))
    assert _names(files, tree) == ["a.txt", "sub/c.txt", "sub/deeper/d.txt", "sub/link.txt"]
