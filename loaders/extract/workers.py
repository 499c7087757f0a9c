"""Extraction in worker processes: the per-paper rules (all of the cost but the merge) run
beside other work, or on both cores.

A build hands its papers over a chunk at a time as S2's answers for them are written
(:class:`BackgroundExtraction`), so the rules run while the main process converts and writes the
next chunk; :func:`extract_in_workers` splits one list over several processes. Either gives the
same :class:`~loaders.extract.extractor.Extraction` as :func:`extract_papers` over the papers in
the order given: only :func:`extract_paper` runs in a worker, the merge runs here.

    with BackgroundExtraction() as extraction:
        extraction.submit(papers[:500]); extraction.submit(papers[500:])
        result = extraction.result()
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import signal
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from kg.model import Paper
from kg.packed import PackedPaper, packed_of, unpack
from loaders.extract.extractor import Extraction, extract_paper, extract_papers, merge_extractions
from loaders.extract.gazetteer import load_gazetteer

#: fewer papers are extracted in this process: handing them over would cost more than it saves
MIN_PAPERS = 2_000
#: papers per task handed to a worker
CHUNK = 1_000
#: worker processes: the machine this is measured on has two cores, and a build's main process
#: waits on the database for part of its time
WORKERS = 2


def _quiet() -> None:
    """A worker ignores Ctrl-C: the main process stops it, with no traceback of its own; and
    collects its garbage, whatever the parent had paused when it forked (see
    :func:`loaders.s2.run._settle`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.enable()


def _extract(papers: list[PackedPaper]) -> bytes:
    """The papers' extractions, pickled: a build holds its results until the merge, and
    unpickled they take nine times the room (4.5 KB against 500 bytes a paper of
    ``benchmarks.scale``)."""
    gazetteer = load_gazetteer()
    extractions = [extract_paper(unpack(p), gazetteer) for p in papers]
    return pickle.dumps(extractions, pickle.HIGHEST_PROTOCOL)


class _Unpickled:
    """Pickled lists of extractions, unpickled afresh on each pass of the merge: unpickled all at
    once they would be the largest thing a large build holds (4.5 KB a paper of
    ``benchmarks.scale``, 4.5 GB at a million papers), one at a time only what the merge keeps
    is (its relationships, under half of that)."""

    def __init__(self, blobs: list[bytes]):
        self._blobs = blobs

    def __iter__(self) -> Iterator[Extraction]:
        for blob in self._blobs:
            yield from pickle.loads(blob)


def _pool(workers: int) -> ProcessPoolExecutor | None:
    """Forked workers on Linux, none elsewhere (extraction then runs in this process).

    Fork, not spawn: a spawned worker imports the caller's ``__main__`` again, which runs a
    research script without an ``if __name__ == "__main__"`` guard a second time. A forked
    worker starts at once with the rules loaded, runs only Python over the papers it is sent,
    and leaves by ``os._exit``, never touching the database connection or threads it inherits.
    The parent's objects are frozen out of the garbage collector while it forks: a worker's
    collections would otherwise touch, and so copy, every page of the inherited heap (a build
    of 20,000 papers holds over a GiB).
    macOS forks badly (its system libraries), so there the rules run here."""
    if not sys.platform.startswith("linux"):
        return None
    load_gazetteer()  # loaded once here, inherited by every worker
    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_quiet)


class BackgroundExtraction:
    """Papers extracted in worker processes (see :func:`_pool`) as they are submitted, while the
    caller goes on; :meth:`result` merges them in submission order. Used as a context manager,
    the workers stop on the way out."""

    def __init__(self, workers: int = WORKERS):
        self._pool = _pool(workers)
        self._parts: list[Future[bytes] | bytes] = []
        #: the papers of the tasks no worker has finished, by position in ``_parts``, packed
        #: (:mod:`kg.packed`): the workers fall behind a large build, which then holds these
        self._waiting: dict[int, list[PackedPaper]] = {}

    def submit(self, papers: Sequence[Paper]) -> None:
        """Hand ``papers`` over, :data:`CHUNK` a task (so every worker takes a share)."""
        packed = packed_of(papers)
        for start in range(0, len(packed), CHUNK):
            part = packed[start : start + CHUNK]
            if self._pool is None:
                self._parts.append(_extract(part))
                continue
            if not self._parts:  # the first task forks the workers
                gc.freeze()  # the workers' collector leaves the inherited heap alone
                try:
                    future = self._pool.submit(_extract, part)
                finally:
                    gc.unfreeze()
            else:
                future = self._pool.submit(_extract, part)
            position = len(self._parts)
            self._waiting[position] = part
            future.add_done_callback(lambda _, at=position: self._waiting.pop(at, None))
            self._parts.append(future)

    def result(self) -> Extraction:
        """The extraction of every paper submitted. The tasks no worker has started yet are
        extracted here meanwhile, from the last back: the caller waits, so its core works too
        (a build at 1M papers waited 220 s on one worker once S2's answers were written).

        The parts are handed over, not kept (0.5 GiB at 1M papers): a second call gives the
        extraction of the papers submitted since."""
        for position in reversed(range(len(self._parts))):
            task, papers = self._parts[position], self._waiting.get(position)
            if isinstance(task, Future) and papers is not None and task.cancel():
                self._parts[position] = _extract(papers)  # (cancelling dropped it from waiting)
        parts, self._parts = self._parts, []
        return merge_extractions(
            _Unpickled([d if isinstance(d, bytes) else d.result() for d in parts])
        )

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> BackgroundExtraction:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def extract_in_workers(papers: Sequence[Paper], workers: int = WORKERS) -> Extraction:
    """:func:`extract_papers` over ``papers`` split across ``workers`` processes (in this process
    when there are fewer than :data:`MIN_PAPERS` or one worker)."""
    if workers < 2 or len(papers) < MIN_PAPERS:
        return extract_papers(papers)
    with BackgroundExtraction(workers) as extraction:
        extraction.submit(papers)
        return extraction.result()
