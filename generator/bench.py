"""Benchmark: parse throughput on the shipped sources, repeated to ≥ 10 MB.

``python -m generator.bench [--mb 10]`` prints a table. Timings are shown as
MB/s and as ratios against a baseline measured in the same run: decoding and
normalising the same bytes (the least any parser must do), so the ratio says
what the parse itself costs, whatever the machine.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from . import store
from .errors import Warnings
from .parse import parse_lines
from .read import decode, normalise

SOURCES = Path(__file__).resolve().parent.parent / "content" / "sources"


def corpus(megabytes: float) -> list[tuple[str, bytes]]:
    """The seed files, repeated until their total size reaches ``megabytes``."""
    seeds = [(p.name, p.read_bytes()) for p in sorted(SOURCES.glob("*.txt"))]
    size = sum(len(data) for _, data in seeds)
    return seeds * max(1, round(megabytes * 1e6 / size + 0.5))


def timed(work: Callable[[], object]) -> float:
    """Best of three wall-clock runs, in seconds."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m generator.bench")
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    args = parser.parse_args(argv)
    files = corpus(args.mb)
    megabytes = sum(len(data) for _, data in files) / 1e6

    def baseline() -> None:
        for name, data in files:
            normalise(decode(data, name))

    def parse() -> None:
        for name, data in files:
            parse_lines(normalise(decode(data, name)), name, Warnings())

    def parse_and_dump() -> None:
        for name, data in files:
            for document in parse_lines(normalise(decode(data, name)), name, Warnings()):
                store.dump(document)

    rows = [("decode + normalise (baseline)", timed(baseline))]
    rows.append(("read → parse (model)", timed(parse)))
    rows.append(("read → parse → validated YAML", timed(parse_and_dump)))
    base = rows[0][1]
    print(f"corpus: {len(files)} files, {megabytes:.1f} MB (shipped sources repeated)\n")
    print(f"| {'stage':<32} | {'seconds':>8} | {'MB/s':>7} | {'× baseline':>10} |")
    print(f"|{'-' * 34}|{'-' * 10}|{'-' * 9}|{'-' * 12}|")
    for name, seconds in rows:
        print(
            f"| {name:<32} | {seconds:>8.2f} | {megabytes / seconds:>7.1f} | {seconds / base:>10.1f} |"
        )


if __name__ == "__main__":
    main()
