"""Parsing many files in worker processes gives what parsing them one by one gives."""

from __future__ import annotations

import multiprocessing
import shutil
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from generator import search, store
from generator.build import PARALLEL_FROM, ParseReport, parse_sources
from generator.cache import Entry, ParseCache
from generator.synth import synthesize


@pytest.fixture(scope="module")
def sources(corpus: ParseReport, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough synthetic files for the workers to start, one of them unreadable as UTF-8."""
    folder = tmp_path_factory.mktemp("sources")
    for name, text in synthesize(corpus.documents, PARALLEL_FROM + 10, seed=2):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "synthetic-broken.txt").write_bytes(b"\xff\xfe not UTF-8")
    return folder


def test_workers_give_the_documents_problems_and_yaml_of_a_serial_parse(
    sources: Path, tmp_path: Path
) -> None:
    serial = parse_sources([sources])
    cache = ParseCache(tmp_path / "cache")
    parallel = parse_sources([sources], cache, workers=2, dump_yaml=True)
    assert parallel.documents == serial.documents
    assert parallel.digests == serial.digests
    assert [str(w) for w in parallel.warnings.items] == [str(w) for w in serial.warnings.items]
    assert [str(e) for e in parallel.errors] == [str(e) for e in serial.errors]
    assert [e.path for e in parallel.errors] == [str(sources / "synthetic-broken.txt")]
    assert parallel.parsed_files == len(parallel.documents) == PARALLEL_FROM + 10
    assert parallel.yaml == {d.id: store.dump(d) for d in serial.documents}


def test_files_the_workers_parsed_come_from_the_cache_next_time(
    sources: Path, tmp_path: Path
) -> None:
    first = parse_sources([sources], ParseCache(tmp_path / "cache"), workers=2)
    again = parse_sources([sources], ParseCache(tmp_path / "cache"), workers=2)
    assert again.parsed_files == 0
    assert again.documents == first.documents


def test_search_records_come_from_the_workers_and_then_from_the_cache(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = parse_sources([sources], ParseCache(cache), workers=2, search_pages=True)
    assert first.records == search.records(first.documents)

    def unexpected(document: object) -> str:
        raise AssertionError("a search page made again")

    monkeypatch.setattr(search, "search_page", unexpected)
    again = parse_sources([sources], ParseCache(cache), workers=2, search_pages=True)
    assert again.records == first.records


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
        report = parse_sources([folder, other], ParseCache(tmp_path / "cache"), workers=2)
        sources_of = Counter(d.source for d in report.documents)
        assert sources_of[original.name] == 2 and sources_of[f"copy-of-{original.name}"] == 1


def test_processes_putting_the_same_entry_at_once_both_succeed(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path)
    entry: Entry = ([], [], [b"x" * 100_000])
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        puts = [pool.submit(put_often, cache, entry) for _ in range(2)]
        for put in puts:
            put.result()  # raises what a worker raised
    assert cache.get("key") == entry
    assert [p.name for p in tmp_path.iterdir()] == ["key.pickle"]


def put_often(cache: ParseCache, entry: Entry) -> None:
    for _ in range(200):
        cache.put("key", entry)
