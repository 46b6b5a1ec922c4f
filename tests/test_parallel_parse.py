"""Parsing many files in worker processes gives what parsing them one by one gives."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from benchmarks.synth import synthesize
from generator.incremental import ParseCache
from generator.parse import PARALLEL_FROM, Parsed, ParsedFile, parse_sources
from generator.read import read_sources
from generator.workers import forked_map

from .conftest import descendants, parse_paths


@pytest.fixture(scope="module")
def sources(corpus: Parsed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough synthetic files for the workers to start, one of them unreadable as UTF-8."""
    folder = tmp_path_factory.mktemp("sources")
    for name, text in synthesize(corpus.documents, PARALLEL_FROM + 10, seed=2):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "synthetic-broken.txt").write_bytes(b"\xff\xfe not UTF-8")
    return folder


def parse(folders: list[Path], cache: ParseCache | None = None) -> Parsed:
    return parse_sources(read_sources(folders)[0], 2, cache)


def test_workers_give_the_documents_and_problems_of_a_serial_parse(
    sources: Path, tmp_path: Path
) -> None:
    serial = parse_paths(sources)
    parallel = parse([sources], ParseCache(tmp_path / "cache"))
    assert parallel.documents == serial.documents
    assert [str(w) for w in parallel.warnings] == [str(w) for w in serial.warnings]
    assert [str(e) for e in parallel.errors] == [str(e) for e in serial.errors]
    assert [e.path for e in parallel.errors] == [str(sources / "synthetic-broken.txt")]
    assert parallel.reused == 0 and len(parallel.documents) == PARALLEL_FROM + 10


def test_files_the_workers_parsed_come_from_the_cache_next_time(
    sources: Path, tmp_path: Path
) -> None:
    first = parse([sources], ParseCache(tmp_path / "cache"))
    again = parse([sources], ParseCache(tmp_path / "cache"))
    assert again.reused == PARALLEL_FROM + 10  # all but the broken file, never cached
    assert again.documents == first.documents
    assert [str(w) for w in again.warnings] == [str(w) for w in first.warnings]


def test_a_copy_of_a_source_under_another_name_names_its_own_file(
    sources: Path, tmp_path: Path
) -> None:
    """Its documents say which file they come from, parsed in a worker and from the cache;
    the same file in two folders is parsed twice at once without the cache failing."""
    folder, other = tmp_path / "sources", tmp_path / "other"
    shutil.copytree(sources, folder)
    original = min(folder.glob("synthetic-pp-*.txt"))
    shutil.copy(original, folder / f"copy-of-{original.name}")
    other.mkdir()
    shutil.copy(original, other / original.name)
    for _ in range(2):  # parsed, then from the cache
        report = parse([folder, other], ParseCache(tmp_path / "cache"))
        sources_of = Counter(d.source for d in report.documents)
        assert sources_of[original.name] == 2 and sources_of[f"copy-of-{original.name}"] == 1


def test_processes_putting_the_same_entry_at_once_both_succeed(
    corpus: Parsed, tmp_path: Path
) -> None:
    cache = ParseCache(tmp_path)
    entry = corpus.files[0]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        puts = [pool.submit(put_often, cache, entry) for _ in range(2)]
        for put in puts:
            put.result()  # raises what a worker raised
    assert cache.get(entry.source) == entry
    assert [p.suffix for p in tmp_path.iterdir()] == [".json"]


def put_often(cache: ParseCache, entry: ParsedFile) -> None:
    for _ in range(50):
        cache.put(entry)


def slow_square(n: int) -> int:
    time.sleep(0.002 * (n % 5))  # chunks finish out of order
    return n * n


def test_forked_map_gives_the_results_of_map_in_order() -> None:
    assert list(forked_map(slow_square, range(101), 2)) == [n * n for n in range(101)]


def test_a_bug_in_a_worker_is_raised_in_the_build_and_its_workers_end() -> None:
    results = forked_map(lambda n: 1 // (n - 37), range(80), 2)
    with pytest.raises(ZeroDivisionError):
        list(results)
    assert descendants(os.getpid()) == set()
