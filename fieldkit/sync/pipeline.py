"""Importing bundles on two cores: the revision checks in worker processes, and the
checks of one bundle beside the commit of the one before.

The pure checks of every revision (decode, shape, rev_id re-encode and hash, Ed25519
signature: verify.check_lines) are about twice the writer's work, so they run in two
worker processes while this one reads the bundles and the writer commits: the workers
check bundle k+1's chunks while bundle k commits. Every guarantee of a bundle imported
alone holds, because only the bundle-only checks move ahead: bundle k+1 is staged
against the store (and its keys compared, see importer._stage) once bundle k's commit
has finished, and committed only after. At most two bundles are in flight: one
committing, one being checked.

The workers are started with "spawn" (the GUI process has Qt threads: fork is unsafe),
only when there is enough to check to pay for their start (WORKER_MIN_BYTES), and kept
for the next imports until `close()`. If one dies (killed, out of memory), the bundle
being checked gets a "failed" report, and the next check starts new ones (one that died
while idle fails no bundle). If this process dies, killed even, the workers end too
(`_start_worker`), and with them the resource tracker they kept alive.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.sync.importer import BundleImport, ImportReport, check_here
from fieldkit.sync.verify import CheckedLines, check_lines

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from fieldkit.store import Store

# Bundles smaller than this in all are checked in this process unless the workers run
# already: starting them (spawn, imports) takes ~0.35 s, and a 3 MB bundle (1,000
# submissions of the bench's 250-question form) imports no faster with workers started
# for it (BENCHMARKS.md, Sync).
WORKER_MIN_BYTES = 4 << 20


def _start_worker(nice: int) -> None:
    """Each worker's start: it yields the CPU to this process (its writer thread, the GUI:
    two workers on two cores slowed the writer thread, 6 bundles: 4.2 s, 3.2 s with this),
    and it ends when this process does, even killed (SIGKILL runs no clean-up): a thread
    waits on the parent's sentinel (a pipe whose end the parent holds, or its process
    handle on Windows), ready when the parent is gone. Without it the workers, and the
    resource tracker they keep alive, ran on after a killed import."""
    if hasattr(os, "nice"):
        os.nice(nice)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), name="fieldkit-parent-watch",
                         daemon=True).start()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)  # mid-check: no clean-up to run, nothing of it was going to be kept


class RevisionWorker:
    """Processes that run verify.check_lines, started at the first check; when one dies
    they are replaced at the next check. Not in this process: its Python work would hold
    the GIL that the writer thread takes back after every row SQLite stores."""

    PROCESSES = min(2, os.cpu_count() or 1)  # two cores: the checks are about twice the writer's work

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._retired: list[ProcessPoolExecutor] = []
        self._lock = threading.Lock()

    def check(self, lines: bytes, keys: dict[str, bytes]) -> Future[CheckedLines]:
        """A Future of CheckedLines, with slim revisions (cheap to send back). Raises, or
        its Future raises, BrokenProcessPool when a worker died during these checks, or
        new workers could not start."""
        try:
            return self._submit(lines, keys)
        except BrokenProcessPool:  # it broke before taking these checks (killed while idle...): new workers
            return self._submit(lines, keys)

    def _submit(self, lines: bytes, keys: dict[str, bytes]) -> Future[CheckedLines]:
        with self._lock:
            if self._pool is not None and not _workers_alive(self._pool):  # killed while idle
                self._retired.append(self._pool)
                self._pool = None
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=self.PROCESSES,
                                                 mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_start_worker, initargs=(10,))
            pool = self._pool
        try:
            future = pool.submit(check_lines, lines, keys, slim=True)
        except (BrokenProcessPool, OSError) as error:  # OSError: it could not be started (no memory...)
            self._retire(pool)
            raise BrokenProcessPool(str(error)) from error
        future.add_done_callback(partial(self._retire_if_broken, pool))
        return future

    @property
    def running(self) -> bool:
        return self._pool is not None

    def _retire_if_broken(self, pool: ProcessPoolExecutor, done: Future[CheckedLines]) -> None:
        if not done.cancelled() and isinstance(done.exception(), BrokenProcessPool):
            self._retire(pool)

    def _retire(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
                self._retired.append(pool)

    def close(self) -> None:
        with self._lock:
            pools, self._pool, self._retired = [self._pool, *self._retired], None, []
        for pool in pools:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)


def _workers_alive(pool: ProcessPoolExecutor) -> bool:
    """Whether every worker process of `pool` still runs. The pool itself notices a dead
    worker only when its management thread next wakes, so without this a worker killed
    while idle (out of memory...) could fail the next bundle's checks, which it never ran.
    (`_processes` is the executor's own table of its processes.)"""
    return all(process.is_alive() for process in (getattr(pool, "_processes", None) or {}).values())


def worth_a_worker(worker: RevisionWorker, paths: list[Path]) -> bool:
    """Whether importing `paths` should use `worker`: it runs already, or they are big enough."""
    total = 0
    for path in paths:
        try:
            total += Path(path).stat().st_size
        except OSError:
            pass  # its import reports it
    return worker.running or total >= WORKER_MIN_BYTES


def import_bundles(store: Store, paths: list[Path], *, exchange_private: X25519PrivateKey | None = None,
                   worker: RevisionWorker | None = None,
                   progress: Callable[[int, str, int, int], None] | None = None) -> list[ImportReport]:
    """Import `paths` in order, as importing them one after the other would: one report
    each. `worker`: where to check revisions (None: here). `progress(index, step, done,
    total)`: calls for two bundles can interleave (one verifying, one committing)."""
    check = worker.check if worker is not None else check_here
    reports: list[ImportReport | None] = [None] * len(paths)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldkit-import-commit") as committer:
        committing: tuple[int, BundleImport, Future[ImportReport]] | None = None
        for index, path in enumerate(paths):
            job = BundleImport(store, path, exchange_private=exchange_private, check=check,
                               progress=partial(progress, index) if progress else None)
            job.check(extra_keys=committing[1].signer_keys if committing else None)
            if committing:
                reports[committing[0]] = _committed(committing)
            job.stage()
            committing = (index, job, committer.submit(job.commit))
        if committing:
            reports[committing[0]] = _committed(committing)
    return [report for report in reports if report is not None]  # every one: each path's commit was awaited


def _committed(committing: tuple[int, BundleImport, Future[ImportReport]]) -> ImportReport:
    _index, job, future = committing
    try:
        return future.result()
    finally:
        job.close()
