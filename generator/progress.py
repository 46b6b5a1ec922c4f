"""The stages of a build: timed, with a progress bar on a terminal and plain lines elsewhere.

tqdm draws the bar; CI logs and pipes get one line when a stage starts and one
when it ends, since a redrawn bar turns into noise there.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from tqdm import tqdm

from .signals import stop_if_asked


class Progress:
    """What a stage reports as it goes: ``advance()`` once per item done."""

    def __init__(self, bar: tqdm[Any] | None = None) -> None:
        self.bar = bar

    def expect(self, total: int) -> None:
        """The number of items, once the stage knows it."""
        if self.bar is not None:
            self.bar.reset(total)

    def advance(self, count: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(count)


class Stages:
    """Runs and times the named stages of one build, in order."""

    def __init__(self, stream: TextIO | None = sys.stderr) -> None:
        self.stream = stream  # None: silent (tests, benchmarks)
        self.seconds: dict[str, float] = {}

    @contextmanager
    def run(self, name: str, total: int | None = None, unit: str = "") -> Iterator[Progress]:
        stop_if_asked()
        started = time.perf_counter()
        bar: tqdm[Any] | None = None
        if self.stream is not None and self.stream.isatty() and unit:
            bar = tqdm(total=total, desc=name, unit=f" {unit}", file=self.stream, leave=False)
        elif self.stream is not None:
            print(f"{name}: {total} {unit}…" if total else f"{name}…", file=self.stream, flush=True)
        try:
            yield Progress(bar)
        finally:
            if bar is not None:
                bar.close()
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

    def table(self) -> str:
        """``parse 1.20 s · render 3.40 s · … · total 9.10 s``."""
        parts = [f"{name} {seconds:.2f} s" for name, seconds in self.seconds.items()]
        return " · ".join([*parts, f"total {sum(self.seconds.values()):.2f} s"])
