"""Word vectors of the compare stage (framing.comparison.embeddings)."""

from __future__ import annotations

from importlib import resources

import numpy as np

from framing.comparison.embeddings import VECTOR_FILE, WordVectors, default_vectors


def test_load_round_trip(tmp_path):
    path = tmp_path / "v.npz"
    np.savez_compressed(
        path,
        words=np.array("war\nconflict\ntuesday"),
        vectors=np.array([[1, 0.2], [0.9, 0.4], [0, 1]], dtype=np.float16),
    )
    vectors = WordVectors.load(path)
    assert len(vectors) == 3
    assert vectors.similarity("War", "conflict") > 0.9 > vectors.similarity("war", "tuesday")
    assert vectors.similarity("war’s", "war") == 1.0  # possessive dropped
    assert vectors.vector("peace") is None and vectors.similarity("war", "peace") is None


def test_shipped_vectors_are_small_and_sensible():
    source = resources.files("framing.resources") / "models" / VECTOR_FILE
    assert source.is_file() and source.stat().st_size < 8_000_000
    card = resources.files("framing.resources") / "models" / "word_vectors.MODEL_CARD.md"
    assert "train_word_vectors.py" in card.read_text("utf-8")
    vectors = default_vectors()
    assert vectors is not None and vectors.vectors.shape == (30_000, 100)
    assert np.allclose(np.linalg.norm(vectors.vectors, axis=1), 1.0, atol=1e-3)
    assert vectors.similarity("troops", "soldiers") > 0.6
    assert vectors.similarity("war", "conflict") > vectors.similarity("war", "tuesday") + 0.4
