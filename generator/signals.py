"""How a build stops: SIGINT and SIGTERM unwind it, and its helpers die with it.

Unwinding (rather than dying where it stands) lets every ``with`` on the way
out do its part: staging folders removed, Pagefind and the parse workers
stopped. A SIGKILL unwinds nothing; ``folders`` and ``die_with_parent`` cover it.

An exception raised by a signal handler lands wherever Python happens to be,
and where that is a finaliser or a weakref callback, Python prints it and goes
on. So the request is also remembered, and ``stop_if_asked`` (between stages,
and before publishing) raises it again.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

STOPPING = (signal.SIGINT, signal.SIGTERM)


class Stopped(BaseException):
    """The build was asked to stop (a BaseException, as KeyboardInterrupt is, so
    that no ``except Exception`` swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def say_stopped(signum: int) -> int:
    """Say that the build stopped, and give its exit status (as a shell gives it)."""
    name = signal.Signals(signum).name
    print(
        f"stopped by {name}: the YAML and the site are the last complete build's", file=sys.stderr
    )
    return 128 + signum


asked: list[int] = []  # the signals received inside stopped_by_signals


def stop(signum: int, _: FrameType | None) -> None:
    asked.append(signum)
    raise Stopped(signum)


def stop_if_asked() -> None:
    """Raise Stopped if a signal asked to stop, even if where it was raised swallowed it."""
    if asked:
        raise Stopped(asked[0])


def unraisable(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    """``hook``, but silent on a Stopped that Python could not raise: it is raised again."""
    return lambda unraisable: (
        None if isinstance(unraisable.exc_value, Stopped) else hook(unraisable)
    )


@contextlib.contextmanager
def stopped_by_signals() -> Iterator[None]:
    """SIGINT and SIGTERM raise Stopped inside; the handlers before are restored after."""
    before = {signum: signal.signal(signum, stop) for signum in STOPPING}
    sys.unraisablehook = unraisable(sys.unraisablehook)
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
        sys.unraisablehook = sys.__unraisablehook__
        asked.clear()


@contextlib.contextmanager
def held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the end of this block: what it does is done whole."""
    before = signal.pthread_sigmask(signal.SIG_BLOCK, set(STOPPING))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Run in a helper forked by ``parent`` (a parse worker, Pagefind): the kernel
    kills it when the build dies, however it dies; and it leaves interrupts to the
    build, which stops it itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with contextlib.suppress(AttributeError, OSError):  # Linux only
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before the line above
        os._exit(1)
