"""analyze over a process pool and on Dask: the same tables as one process, exactly."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest

import framing
from framing.features.partitions import ArticleFiles, FilePartition

TABLES = ("summary", "loaded_terms", "attributions", "sentences")


def _equal(a, b, tables=TABLES):
    for name in tables:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


def test_pool_over_row_ranges_equals_one_process(corpus_table):
    one = framing.analyze(corpus_table)
    two = framing.analyze(corpus_table, n_jobs=2)
    _equal(one, two)
    pd.testing.assert_frame_equal(one.articles, two.articles)


def test_pool_over_line_ranges_equals_the_loaders_stream(tmp_path, corpus_file):
    lines = corpus_file.read_text(encoding="utf-8").splitlines()
    # a duplicate across partitions, a bad line and an empty text: kept, listed, skipped
    lines += [lines[0], "{not json", json.dumps({"text": " ", "outlet": "x"})]
    path = tmp_path / "more.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        stream = framing.analyze(
            list(a for a in framing.iter_load(path) if isinstance(a, framing.Article))
        )
        files = ArticleFiles([path], partition_size=4)
        assert [p.start for p in files.partitions()] == [1, 5, 9]
        pooled = framing.analyze(files, n_jobs=2)
        serial = framing.analyze(files)
    _equal(stream, pooled)
    _equal(stream, serial)
    kinds = sorted(s["kind"] for s in pooled.articles.attrs["skipped"])
    assert kinds == ["duplicate", "skipped", "skipped"]
    assert any("line 11" in s["reason"] for s in pooled.articles.attrs["skipped"])


def test_keep_and_term_counts(corpus_table):
    full = framing.analyze(corpus_table)
    slim = framing.analyze(corpus_table, n_jobs=2, keep=("attributions",), term_counts=True)
    assert slim.sentences.empty and slim.loaded_terms.empty
    assert (slim.articles["text"] == "").all()
    pd.testing.assert_frame_equal(full.summary, slim.summary)
    pd.testing.assert_frame_equal(full.attributions, slim.attributions)
    assert list(slim.term_counts.ids) == list(full.summary["article_id"])
    assert slim.term_counts.matrix.sum() > 50


def test_whole_files_partition_together(tmp_path):
    for k in range(3):
        (tmp_path / f"a{k}.txt").write_text(f"Officials said the regime fell {k} times.\n")
    files = ArticleFiles([tmp_path], partition_size=2)
    parts = files.partitions()
    assert [len(p.files) for p in parts] == [2, 1] and isinstance(parts[0], FilePartition)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pooled = framing.analyze(files, n_jobs=2)
        direct = framing.analyze(framing.load(tmp_path))
    _equal(direct, pooled)


def test_bad_n_jobs_is_named(corpus_table):
    with pytest.raises(framing.FramingError, match="n_jobs"):
        framing.analyze(corpus_table, n_jobs=0)
    with pytest.raises(framing.FramingError, match="keep"):
        framing.analyze(corpus_table, keep=("everything",))


def test_dask_local_cluster_equals_one_process(corpus_table, corpus_file):
    distributed = pytest.importorskip("distributed")
    one = framing.analyze(corpus_table, term_counts=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with (
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            on_table = framing.analyze(corpus_table, scheduler=client, term_counts=True)
            on_files = framing.analyze(
                ArticleFiles([corpus_file], partition_size=4), scheduler=client, term_counts=True
            )
    _equal(one, on_table)
    _equal(one, on_files)
    a = framing.summarize(one, by="bias", n_boot=100)
    b = framing.summarize(on_files, by="bias", n_boot=100)
    pd.testing.assert_frame_equal(a.table, b.table)
    pd.testing.assert_frame_equal(a.speakers, b.speakers)
    pd.testing.assert_frame_equal(
        framing.keyness(one, by="bias", min_count=1),
        framing.keyness(on_files, by="bias", min_count=1),
    )


def test_a_pool_worker_uses_its_share_of_the_cores_for_blas_and_openmp():
    from threadpoolctl import threadpool_info

    from framing.features import pool

    try:
        pool._init_worker(None, 1)
        assert {info["num_threads"] for info in threadpool_info()} <= {1}
    finally:
        pool._SHARED.pop("thread_limits").restore_original_limits()
        pool._SHARED.pop("counter", None)
