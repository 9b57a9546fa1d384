"""A pool of forked processes for work over many independent items (articles, pages).

Workers are forked: they inherit what the parent has loaded (the lexicon, the site's
files) and the work itself instead of loading and receiving it; only the results travel
back, pickled. Spawned workers would load the lexicon once each. A worker's garbage
collector leaves what it inherited alone (``gc.freeze`` first thing): a full collection
walked the whole inherited heap, 0.12 s in each page worker at 300 articles.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")

CAN_FORK = "fork" in multiprocessing.get_all_start_methods()
_WORK: tuple[Callable[..., Any], list[tuple[Any, ...]]] | None = None


def in_pool(
    function: Callable[..., T],
    calls: list[tuple[Any, ...]],
    workers: int,
    meanwhile: Callable[[], object] | None = None,
) -> list[T]:
    """``function`` over the argument tuples in a pool of forked processes, in order; here,
    one after the other, where no process can be had. ``meanwhile`` runs in this process
    while the workers compute (once they are forked, so they do not inherit its work)."""
    global _WORK
    if not CAN_FORK or workers < 2:
        return _here(function, calls, meanwhile)
    _WORK = (function, calls)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=gc.freeze) as pool:
            chunk = max(1, len(calls) // (workers * 8))
            results = pool.map(_call_nth, range(len(calls)), chunksize=chunk)  # all submitted
            if meanwhile is not None:
                meanwhile()
            return list(results)
    except (BrokenProcessPool, OSError):  # no processes to be had: compute here
        return _here(function, calls, None)
    finally:
        _WORK = None


def in_child_pool(
    function: Callable[..., T],
    calls: list[tuple[Any, ...]],
    workers: int,
    meanwhile: Callable[[], object] | None = None,
) -> list[T]:
    """``function`` over the argument tuples, in order, computed by a forked process: it
    computes the first call itself, then the rest with a pool it forks in turn. What the
    first call loads (a library this process does not need) is loaded there, once, and
    shared by that pool, while this process runs ``meanwhile`` on the other core."""
    global _WORK
    if not CAN_FORK or workers < 2 or len(calls) < 2:
        return _here(function, calls, meanwhile)
    _WORK = (function, calls)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(1, mp_context=context, initializer=gc.freeze) as parent:
            computed = parent.submit(_first_then_pool, workers)  # forked now, with _WORK
            _WORK = None
            if meanwhile is not None:
                meanwhile()
            return computed.result()
    except (BrokenProcessPool, OSError):  # no processes to be had: compute here
        return _here(function, calls, None)
    finally:
        _WORK = None


def _first_then_pool(workers: int) -> list[Any]:
    assert _WORK is not None, "runs in a process forked by in_child_pool"
    function, calls = _WORK
    first = function(*calls[0])
    return [first, *in_pool(function, calls[1:], workers)]


class Stream(Iterator[T | None]):
    """``function`` over the argument tuples in a pool of forked processes, its results
    taken one by one, in order, as they come: this process goes on with the first results
    while the workers compute the rest. Where no process can be had, each result is
    computed here when it is taken, or, with ``here=False``, is None. :meth:`close` ends
    the pool."""

    # a worker hands back this many results at a time: small, so the first arrive soon
    CHUNK = 8

    def __init__(
        self,
        function: Callable[..., T],
        calls: list[tuple[Any, ...]],
        workers: int,
        *,
        here: bool = True,
    ) -> None:
        global _WORK
        self._function = function
        self._here = here
        self._calls = calls
        self._taken = 0
        self._pool: ProcessPoolExecutor | None = None
        self._results: Iterator[T] | None = None
        if not CAN_FORK or workers < 2 or not calls:
            return
        _WORK = (function, calls)
        try:
            # all workers are forked at the first submission, while _WORK holds the work
            self._pool = ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("fork"), initializer=gc.freeze
            )
            self._results = self._pool.map(_call_nth, range(len(calls)), chunksize=self.CHUNK)
        except OSError:  # no processes to be had: computed here
            self.close()
        finally:
            _WORK = None

    @property
    def pooled(self) -> bool:
        return self._results is not None

    def __next__(self) -> T | None:
        if self._taken >= len(self._calls):
            raise StopIteration
        index = self._taken
        self._taken += 1
        if self._results is not None:
            try:
                return next(self._results)
            except BrokenProcessPool:  # a worker died: the rest is computed here
                self.close()
        return self._function(*self._calls[index]) if self._here else None

    def close(self) -> None:
        """Ends the pool; results not yet computed are dropped."""
        pool, self._pool, self._results = self._pool, None, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


class Background:
    """``work`` done by a forked process while this one goes on (a core is idle while this
    process links the dossier alone); :meth:`join` waits for it. Where no process can be
    had, or the work failed there, :meth:`join` does it here, so that its errors are raised
    where the caller can report them. The work must be safe to do twice (writes of whole
    files)."""

    def __init__(self, work: Callable[[], object]) -> None:
        self._work: Callable[[], object] | None = work
        self._process: multiprocessing.process.BaseProcess | None = None
        if not CAN_FORK:
            return
        try:
            self._process = multiprocessing.get_context("fork").Process(
                target=_quietly, args=(work,), daemon=True
            )
            self._process.start()
        except OSError:  # no process to be had: done in join
            self._process = None

    def join(self) -> None:
        work, self._work = self._work, None
        process, self._process = self._process, None
        if work is None:
            return  # joined before, or cancelled
        if process is not None:
            process.join()
            if process.exitcode == 0:
                return
        work()

    def cancel(self) -> None:
        """Stop the work where it runs; it is not done."""
        process, self._process, self._work = self._process, None, None
        if process is not None:
            process.terminate()
            process.join()


def _quietly(work: Callable[[], object]) -> None:
    """``work`` in a forked process: a failure is its exit code (the caller does the work
    again and reports the error), not a traceback of its own."""
    gc.freeze()
    try:
        work()
    except BaseException:
        sys.exit(1)


def _here(
    function: Callable[..., T], calls: list[tuple[Any, ...]], meanwhile: Callable[[], object] | None
) -> list[T]:
    results = [function(*arguments) for arguments in calls]
    if meanwhile is not None:
        meanwhile()
    return results


def _call_nth(index: int) -> Any:
    assert _WORK is not None, "runs in a worker forked by in_pool"
    function, calls = _WORK
    return function(*calls[index])
