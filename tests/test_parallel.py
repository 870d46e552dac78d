"""quotes.parallel: the same results as one process, from a process pool and from a Dask cluster."""
from __future__ import annotations

import os
import pickle

import pytest
from hypothesis import given, strategies as st

from quotes import parallel
from quotes.nlp.model import ModelNotFound
from quotes.pipeline import extract_documents
from quotes.records import Document

SPEAKERS = ["Gerald Darmanin", "Nadia Benali", "Tom Hughes", "Ana Ruiz", "Li Wei", "Omar Haddad"]


def _documents(n: int) -> list[Document]:
    """Short articles, each with a named speaker, a quotation and a pronoun follow-up."""
    return [Document(path=f"doc-{i}.txt", text=(
        f'{name} spoke to reporters on Tuesday. "We will review case {i} this week," {name} said. '
        f'He added: "Nothing is settled yet."\n'))
        for i, name in enumerate(SPEAKERS[j % len(SPEAKERS)] for j in range(n))]


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return _documents(6)


@pytest.fixture(scope="module")
def serial(nlp, documents):
    """The reference: one process, the session's pipeline."""
    return list(extract_documents(documents, nlp=nlp, workers=1))


def test_resolve_workers():
    assert parallel.resolve_workers(3) == 3
    assert parallel.resolve_workers(0) == len(os.sched_getaffinity(0))
    with pytest.raises(ValueError):
        parallel.resolve_workers(-1)


@given(st.lists(st.integers(), max_size=40), st.integers(min_value=1, max_value=9))
def test_chunked_keeps_every_item_in_order(items, size):
    chunks = list(parallel.chunked(items, size))
    assert [x for c in chunks for x in c] == items
    assert all(len(c) == size for c in chunks[:-1])
    assert all(0 < len(c) <= size for c in chunks)


def test_chunked_refuses_empty_chunks():
    with pytest.raises(ValueError):
        list(parallel.chunked([1, 2], 0))


def test_results_survive_pickling(seed_result):
    """Workers send results back pickled: every record must come back equal."""
    assert seed_result.quotes, "the seed article has quotations"
    assert pickle.loads(pickle.dumps(seed_result)) == seed_result


def test_extract_chunk_matches_one_process(nlp, documents, serial):
    assert parallel.extract_chunk(documents[:3], batch_size=2) == serial[:3]


@pytest.mark.slow
def test_process_pool_keeps_order_and_results(documents, serial, monkeypatch):
    def not_here(*args, **kwargs):
        raise AssertionError("ran in this process instead of the pool")

    monkeypatch.setattr(parallel, "_in_this_process", not_here)
    results = list(extract_documents(documents, workers=2, batch_size=1))
    assert [r.document.path for r in results] == [d.path for d in documents]
    assert results == serial
    assert sum(len(r.quotes) for r in results) >= len(documents)


def test_one_chunk_stays_in_this_process(documents, serial, monkeypatch):
    """Starting processes for a single chunk would only add time."""
    import concurrent.futures

    def no_pool(*args, **kwargs):
        raise AssertionError("started a process pool for one chunk")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert list(extract_documents(documents[:2], workers=2, batch_size=16)) == serial[:2]


@pytest.mark.slow
def test_process_pool_reports_a_missing_model(documents):
    with pytest.raises(ModelNotFound):
        list(parallel.extract_in_processes(documents, model="no_such_pipeline_xyz", workers=2, batch_size=1))


# -- Dask ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
        yield client


@pytest.mark.slow
def test_dask_gives_every_result_once_with_one_load_per_worker(dask_client, documents, serial):
    results = list(parallel.extract_on_dask(documents, dask_client, batch_size=2))
    by_path = {r.document.path: r for r in results}
    assert len(results) == len(by_path) == len(documents)
    assert [by_path[d.path] for d in documents] == serial
    loads = dask_client.run(lambda: __import__("quotes.nlp.model", fromlist=["x"]).load_pipeline.cache_info().misses)
    assert len(loads) == 2 and set(loads.values()) == {1}


@pytest.mark.slow
def test_dask_failed_chunk_loses_no_finished_document(dask_client, documents, serial):
    broken = Document(path="broken.txt", text=None)  # type: ignore[arg-type]  (fails inside the worker)
    seen = []
    with pytest.raises(parallel.DaskExtractionError) as info:
        for result in parallel.extract_on_dask([broken, *documents], dask_client, batch_size=1, retries=0):
            seen.append(result)
    assert info.value.paths == ["broken.txt"]
    assert sorted(r.document.path for r in seen) == sorted(d.path for d in documents)
    assert sorted(seen, key=lambda r: r.document.path) == sorted(serial, key=lambda r: r.document.path)


@pytest.mark.slow
def test_dask_local_starts_and_stops_its_own_cluster(documents, serial):
    pytest.importorskip("distributed")
    results = list(parallel.extract_on_dask(documents[:2], "local", local_workers=1))
    assert sorted(results, key=lambda r: r.document.path) == serial[:2]



@pytest.mark.slow
def test_dask_ingest_into_a_sqlite_archive_then_parquet_end_to_end(dask_client, documents, serial, tmp_path):
    """The README's archive recipe: skip what the index holds, parse on the cluster, store as results
    arrive in a SQLite index, export Parquet for a columnar engine."""
    ds = pytest.importorskip("pyarrow.dataset")
    from quotes.index.core import Index
    from quotes.parquet import write_parquet

    index = Index(tmp_path / "archive.sqlite")
    index.ingest(serial[:2])                                   # an earlier run stored two
    todo = [d for d in documents if not index.has_document(d.hash)]
    assert len(todo) == len(documents) - 2
    report = index.ingest(parallel.extract_on_dask(todo, dask_client, batch_size=2))
    assert report.added == len(todo) and index.storage.kind == "sqlite"
    expected = index.list_quotes()
    assert {r["doc_path"] for r in expected} == {d.path for d in documents}
    assert write_parquet(index.quote_batches(kinds=("direct", "partial")), tmp_path / "pq") == len(expected)
    table = ds.dataset(tmp_path / "pq", partitioning="hive").to_table()
    assert sorted(table.column("id").to_pylist()) == sorted(r["id"] for r in expected)
