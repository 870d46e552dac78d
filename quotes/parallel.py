"""Extraction spread over processes on one machine, or over a Dask cluster.

Both paths cut the documents into chunks of ``batch_size`` and hand each chunk
to :func:`extract_chunk`, which runs in a worker process: the worker loads the
spaCy pipeline once (:func:`quotes.nlp.model.load_pipeline` is cached per process),
parses the chunk with ``nlp.pipe`` and sends back picklable
:class:`~quotes.records.DocResult` objects. Only documents travel to workers
and only results travel back, never spaCy objects.

* :func:`extract_in_processes` keeps input order (``quotes extract --workers N``).
* :func:`extract_on_dask` yields results as they complete, so a caller that
  stores each one as it arrives keeps every finished document if a worker or
  the run dies.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from .nlp import load_pipeline
from .records import Document, DocResult
from .stages import DEFAULT_BATCH_SIZE, analyse, parse

if TYPE_CHECKING:
    from distributed import Client  # dask is optional and slow to import

#: Chunks submitted ahead of the one being read, per worker: enough to keep
#: every worker busy, few enough that memory stays flat on a large corpus.
AHEAD_PER_WORKER = 2
#: With a known number of documents, chunks are made small enough that each
#: worker gets at least this many (the last chunks then finish close together).
CHUNKS_PER_WORKER = 4
LOCAL = "local"


def resolve_workers(workers: int) -> int:
    """``workers`` as a process count: 0 means one per core this process may use."""
    if workers < 0:
        raise ValueError(f"workers must be 0 (one per core) or more, not {workers}")
    if workers:
        return workers
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunked(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of ``size`` documents (the last may be shorter)."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    it = iter(documents)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_chunk(documents: list[Document], model: str | None = None,
                  batch_size: int = DEFAULT_BATCH_SIZE) -> list[DocResult]:
    """Every result of one chunk, in order: what a worker process runs."""
    nlp = load_pipeline(model)
    return [analyse(doc, document) for doc, document in parse(nlp, documents, batch_size)]


# -- one machine ----------------------------------------------------------------

def start_method() -> str:
    """``forkserver`` where it exists (workers fork from a clean process, never from
    one holding threads or a loaded model), else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def extract_in_processes(documents: Iterable[Document], *, model: str | None = None,
                         batch_size: int = DEFAULT_BATCH_SIZE, workers: int = 0) -> Iterator[DocResult]:
    """Every document's result in input order, parsed by ``workers`` processes.

    Falls back to this process when one worker would do (``workers`` is 1, one
    core, or all the documents fit in one chunk): starting a process and loading
    the pipeline there would only add time.
    """
    n = resolve_workers(workers)
    if isinstance(documents, Sequence):
        n = min(n, -(-len(documents) // batch_size))
        # Several chunks per worker, so no worker idles at the end while another finishes.
        batch_size = max(1, min(batch_size, -(-len(documents) // (n * CHUNKS_PER_WORKER))))
    if n <= 1:
        yield from _in_this_process(documents, model, batch_size)
        return
    from concurrent.futures import ProcessPoolExecutor  # only with more than one chunk

    pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context(start_method()))
    window: deque = deque()
    try:
        for chunk in chunked(documents, batch_size):
            window.append(pool.submit(extract_chunk, chunk, model, batch_size))
            if len(window) > n * AHEAD_PER_WORKER:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    except BaseException:  # failed, interrupted, or the caller stopped reading: drop queued chunks, don't wait
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _in_this_process(documents: Iterable[Document], model: str | None, batch_size: int) -> Iterator[DocResult]:
    nlp = load_pipeline(model)
    for chunk in chunked(documents, batch_size):
        for doc, document in parse(nlp, chunk, batch_size):
            yield analyse(doc, document)


# -- many machines: Dask distributed ------------------------------------------------

class DaskExtractionError(RuntimeError):
    """Some chunks failed on the cluster; every other result was already yielded.

    ``paths`` names the documents with no result, so a rerun (which skips what
    the index holds) can retry just those.
    """

    def __init__(self, paths: list[str], cause: BaseException | None):
        self.paths = paths
        self.cause = cause
        super().__init__(f"{len(paths)} document(s) failed on the cluster "
                         f"(first error: {cause!r}); first: {', '.join(paths[:3])}")


def _worker_plugin(model: str | None) -> Any:
    """A Dask worker plugin that loads the pipeline when a worker starts (or joins)."""
    from distributed.diagnostics.plugin import WorkerPlugin  # dask is optional and slow to import

    class PipelineLoader(WorkerPlugin):
        """Loads the spaCy pipeline once per worker process, before the first task."""

        name = f"quotes-pipeline-{model or 'default'}"

        def __init__(self, model: str | None):
            self.model = model

        def setup(self, worker: Any) -> None:
            from quotes.nlp.model import load_pipeline  # runs on the worker, which imports it there

            load_pipeline(self.model)

    return PipelineLoader(model)


def local_cluster(n_workers: int | None = None) -> "Client":
    """A client on a fresh cluster of worker processes on this machine (one thread each:
    a spaCy pipeline parses on one core)."""
    from distributed import Client, LocalCluster  # dask is optional and slow to import

    cluster = LocalCluster(n_workers=resolve_workers(n_workers or 0), threads_per_worker=1,
                           processes=True, dashboard_address=":0")
    return Client(cluster)


def extract_on_dask(documents: Iterable[Document], address: "str | Client", *, model: str | None = None,
                    batch_size: int = DEFAULT_BATCH_SIZE, local_workers: int | None = None,
                    retries: int = 1) -> Iterator[DocResult]:
    """Every document's result, as chunks complete on a Dask cluster (not in input order).

    ``address`` is a scheduler address (``tcp://host:8786``), an existing
    :class:`distributed.Client`, or ``"local"`` to start a cluster of
    ``local_workers`` processes on this machine (default: one per core) for this
    call only. Each worker loads the pipeline once. A chunk whose task fails is
    retried ``retries`` times on the cluster; if it still fails, every other
    result is yielded first and then :class:`DaskExtractionError` is raised.
    """
    from distributed import Client

    if isinstance(address, Client):
        yield from _run_on(address, documents, model, batch_size, retries)
        return
    client = local_cluster(local_workers) if address == LOCAL else Client(address)
    try:
        yield from _run_on(client, documents, model, batch_size, retries)
    finally:
        cluster = client.cluster if address == LOCAL else None
        client.close()
        if cluster is not None:
            cluster.close()


def _in_flight_limit(client: "Client") -> int:
    """Chunks worth having submitted: a few per worker the scheduler knows now."""
    workers = len(client.scheduler_info().get("workers", {}))
    return max(1, workers) * AHEAD_PER_WORKER + 1


def _run_on(client: "Client", documents: Iterable[Document], model: str | None,
            batch_size: int, retries: int) -> Iterator[DocResult]:
    from distributed import as_completed  # dask is optional and slow to import

    client.register_plugin(_worker_plugin(model))
    running = as_completed()
    paths: dict[str, list[str]] = {}
    failed: list[str] = []
    errors: list[BaseException] = []

    def collect(future: Any) -> Iterator[DocResult]:
        chunk_paths = paths.pop(future.key)
        if future.status == "finished":
            yield from future.result()
        else:
            failed.extend(chunk_paths)
            errors.append(future.exception() if future.status == "error" else RuntimeError(future.status))
        future.release()

    try:
        for chunk in chunked(documents, batch_size):
            future = client.submit(extract_chunk, chunk, model, batch_size, pure=False, retries=retries)
            paths[future.key] = [d.path for d in chunk]
            running.add(future)
            # Before waiting, look again: an adaptive cluster may have grown since.
            while running.count() >= _in_flight_limit(client):
                yield from collect(next(running))
        for future in running:
            yield from collect(future)
    finally:  # stopped early: free the cluster of work nobody will read
        running.clear()
    if failed:
        raise DaskExtractionError(failed, errors[0] if errors else None)
