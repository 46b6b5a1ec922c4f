"""The registry of published pages: an address whose document moved becomes a redirect."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.cli import main
from generator.model import Document
from generator.parse import Parsed
from generator.registry import (
    RegistryError,
    document_keys,
    keep_published,
    read_registry,
    write_registry,
)

from .conftest import ROOT, SOURCES


def test_the_shipped_registry_names_every_seed_document_by_where_it_comes_from(
    corpus: Parsed,
) -> None:
    published = read_registry(ROOT / "content" / "published.txt")
    keys = document_keys(corpus.documents)
    assert {f"{id}/": key for id, key in keys.items()}.items() <= published.items()
    assert (
        published["pp-140-2022/"] == keys["pp-140-2022-eur-44a15-1"] == "000_85a01f60b3e6883b.txt#1"
    )
    assert published["pp-185-2014/"] == keys["pp-185-2018-eur-48a1-6"]  # the 6th of 004


def test_a_moved_document_leaves_a_redirect_keeping_the_anchor(
    corpus: Parsed, tmp_path: Path
) -> None:
    published = read_registry(ROOT / "content" / "published.txt")
    registry, vanished = keep_published(published, corpus.documents, tmp_path)
    assert vanished == []
    page = (tmp_path / "pp-140-2022" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="../pp-140-2022-eur-44a15-1/">' in page
    assert 'location.replace("../pp-140-2022-eur-44a15-1/" + location.hash)' in page
    # Pages that still exist get no redirect; the registry keeps old and new addresses.
    assert not (tmp_path / "wtsa-75-2022").exists()
    assert registry["pp-140-2022/"] == registry["pp-140-2022-eur-44a15-1/"]
    assert len(list(tmp_path.glob("*/index.html"))) == 11  # the 11 proposals


def test_an_address_whose_document_is_gone_is_named(corpus: Parsed, tmp_path: Path) -> None:
    without_001 = [d for d in corpus.documents if not d.source.startswith("001_")]
    _, vanished = keep_published(
        {"wtsa-75-2022/": "001_bddbb5577af57d66.txt#1"}, without_001, tmp_path
    )
    assert vanished == ["wtsa-75-2022/"]


def test_keys_count_documents_in_the_order_of_their_file(corpus: Parsed) -> None:
    documents: list[Document] = [d for d in corpus.documents if d.source.startswith("004_")]
    shuffled = [replace(d, id=f"x{n}") for n, d in enumerate(reversed(documents))]
    keys = document_keys(shuffled)
    assert sorted(int(key.split("#")[1]) for key in keys.values()) == list(range(1, 11))
    assert keys["x9"] == "004_dfd693b219ab3d6d.txt#1"  # the first in the file, whatever its id


def test_the_registry_is_written_sorted_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "published.txt"
    write_registry(path, {"b/": "f.txt#2", "a/": "f.txt#1"})
    lines = [line for line in path.read_text().splitlines() if not line.startswith("#")]
    assert lines == ["a/\tf.txt#1", "b/\tf.txt#2"]
    assert read_registry(path) == {"a/": "f.txt#1", "b/": "f.txt#2"}


def test_a_damaged_registry_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "published.txt"
    path.write_text("# comment\nok/\tf.txt#1\n../etc/\tf.txt#2\n")
    with pytest.raises(RegistryError, match=r"published.txt:3: not '<address>/<TAB>"):
        read_registry(path)


def test_a_build_with_a_damaged_registry_says_where_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = tmp_path / "published.txt"
    registry.write_text("pp-140-2022\t000.txt#1\n")  # no slash: not an address
    command = ["build", "--sources", str(SOURCES / "001_bddbb5577af57d66.txt")]
    command += ["--out", str(tmp_path / "yaml"), "--site", str(tmp_path / "site")]
    assert main([*command, "--build-dir", str(tmp_path / "b")]) == 1
    err = capsys.readouterr().err
    assert f"error: {registry}:1: not '<address>/<TAB><source file>#<n>'" in err
    assert "Traceback" not in err and not (tmp_path / "site").exists()
