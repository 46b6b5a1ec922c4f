"""Parsing many files in worker processes gives what parsing them one by one gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import search, store
from generator.build import PARALLEL_FROM, ParseReport, parse_sources
from generator.cache import ParseCache
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
