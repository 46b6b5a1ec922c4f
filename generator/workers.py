"""``map`` in forked worker processes, stopped at once and whole however the build ends.

Not ``concurrent.futures.ProcessPoolExecutor``: stopped mid-map (Ctrl-C, SIGTERM,
an error), its threads could print tracebacks (a cancelled future set broken) or
wait for ever at Python's exit (the thread feeding tasks, blocked on a full pipe to
killed workers). Here there are no threads: the workers inherit the job and its
items when forked, the build sends each the start of its next chunk (a few bytes)
and reads back the chunk's results; and when the map ends, however it ends, the
workers are killed and reaped.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Generator, Sequence
from multiprocessing.connection import Connection, Pipe, wait
from typing import TypeVar, cast

from .signals import die_with_parent

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 8  # items a worker is given at a time: few messages, and the work stays balanced


class WorkerDied(Exception):
    """A worker ended without sending its results (killed, or out of memory)."""


def forked_map(job: Callable[[T], R], items: Sequence[T], workers: int) -> Generator[R, None, None]:
    """``map(job, items)``, computed in ``workers`` forked processes, results in order."""
    starts = iter(range(0, len(items), CHUNK))
    pids: dict[Connection, int] = {}  # the build's end of each worker's pipe → its pid
    busy: list[Connection] = []  # those of workers given a chunk
    done: dict[int, list[R]] = {}  # results by the start of their chunk, until their turn
    build = os.getpid()

    def give_work(connection: Connection) -> None:
        start = next(starts, None)
        connection.send(start)  # None: no more, and the worker ends
        if start is not None:
            busy.append(connection)

    try:
        for _ in range(workers):
            ours, theirs = Pipe()
            pid = os.fork()
            if pid == 0:  # the worker
                ours.close()
                serve(job, items, theirs, build)
            theirs.close()
            pids[ours] = pid
            give_work(ours)
        for start in range(0, len(items), CHUNK):
            while start not in done:
                for ready in cast(list[Connection], wait(busy)):
                    busy.remove(ready)
                    try:
                        chunk_start, results = ready.recv()
                    except EOFError:
                        raise WorkerDied(f"a worker process (pid {pids[ready]}) died") from None
                    if isinstance(results, BaseException):
                        raise results
                    done[chunk_start] = results
                    give_work(ready)
            yield from done.pop(start)
    finally:
        for connection, pid in pids.items():
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            connection.close()


def serve(job: Callable[[T], R], items: Sequence[T], connection: Connection, parent: int) -> None:
    """A worker's life: results of the chunks it is given, until it is given None."""
    try:
        die_with_parent(parent)
        while (start := connection.recv()) is not None:
            try:
                results: list[R] | BaseException = [job(i) for i in items[start : start + CHUNK]]
            except Exception as error:  # noqa: BLE001 (a bug: raised again in the build, as without workers)
                results = error
            connection.send((start, results))
    finally:
        os._exit(0)  # not the build's exit handlers, nor its finally blocks
