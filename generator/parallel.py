"""A pool of forked processes for work over many independent items (articles, pages).

Workers are forked: they inherit what the parent has loaded (the lexicon, the site's
files) and the work itself instead of loading and receiving it; only the results travel
back, pickled. Spawned workers would load the lexicon once each.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
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
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            chunk = max(1, len(calls) // (workers * 8))
            results = pool.map(_call_nth, range(len(calls)), chunksize=chunk)  # all submitted
            if meanwhile is not None:
                meanwhile()
            return list(results)
    except (BrokenProcessPool, OSError):  # no processes to be had: compute here
        return _here(function, calls, None)
    finally:
        _WORK = None


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
