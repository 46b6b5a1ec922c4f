"""Incremental builds: a rebuild redoes only what a changed source touches, and ends
with exactly the site a build from scratch makes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.build import ParseReport
from generator.link import Collection
from generator.render import Fingerprints

from .conftest import SOURCES, indexed_urls, seed


def build(
    root: Path, work: str, capsys: pytest.CaptureFixture[str]
) -> tuple[str, dict[str, float]]:
    """Run ``build`` on ``root/sources``; its summary line and the seconds of each stage."""
    timings = root / f"{work}-timings.json"
    arguments = ["build", "--sources", str(root / "sources"), "--out", str(root / "yaml")]
    arguments += ["--site", str(root / f"{work}-site"), "--work", str(root / work)]
    assert main([*arguments, "--timings", str(timings)]) == 0
    out = capsys.readouterr().out
    return out, json.loads(timings.read_text(encoding="utf-8"))


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(SOURCES, tmp_path / "sources")
    return tmp_path


def test_a_rebuild_of_unchanged_sources_parses_and_renders_nothing(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, seconds = build(root, "work", capsys)
    assert "from 5 files (5 parsed" in first and "(14 written)" in first
    assert re.search(r"site: (\d+) pages \(\1 rendered", first), first
    assert set(seconds) == {"parse", "yaml", "link", "render", "mkdocs", "search"}
    docs = files(root / "work" / "docs")
    again, _ = build(root, "work", capsys)
    assert "(0 parsed" in again and "(0 written)" in again
    assert " (0 rendered" in again
    assert files(root / "work" / "docs") == docs  # api/ too, put together from kept parts


def test_a_changed_source_rerenders_what_shows_it_and_matches_a_fresh_build(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(root, "work", capsys)
    site = root / "work-site"
    inodes = {
        page: (site / page / "index.html").stat().st_ino for page in ("pp-188-2018", "pp-70-2018")
    }
    source = root / "sources" / seed("001").name  # WTSA Resolution 75 (2022)
    text = source.read_text(encoding="utf-8")
    cited = "全权代表大会第188号决议（2018年，迪拜，修订版）"
    source.write_text(text.replace("考虑到\na)\t", f"考虑到\na)\t{cited}；", 1), encoding="utf-8")
    again, _ = build(root, "work", capsys)
    assert "(1 parsed" in again and "(1 written)" in again
    rendered = int(re.search(r"\((\d+) rendered", again)[1])  # type: ignore[index]
    # wtsa-75: its page and work page; pp-188: its page and work page (cited by); the
    # five index pages; the matrix cells of wtsa-75's clauses (they quote its text).
    assert 6 <= rendered <= 30, again
    # mkdocs built the changed pages again (pp-188 is cited anew), and kept the others.
    assert (site / "pp-188-2018" / "index.html").stat().st_ino != inodes["pp-188-2018"]
    assert (site / "pp-70-2018" / "index.html").stat().st_ino == inodes["pp-70-2018"]
    fresh = root / "fresh"
    build(root, "fresh", capsys)
    docs, fresh_docs = files(root / "work" / "docs"), files(fresh / "docs")
    assert docs.pop(".site.json") != fresh_docs.pop(".site.json")  # names its site
    assert docs == fresh_docs
    pages, fresh_pages = files(site), files(root / "fresh-site")
    for built in (pages, fresh_pages):  # Pagefind's file names differ from run to run
        for name in [name for name in built if name.startswith("pagefind/")]:
            del built[name]
    assert pages == fresh_pages
    assert indexed_urls(site) == indexed_urls(root / "fresh-site")
    assert "wtsa-75-2022/#considering-a" in (site / "pp-188-2018" / "index.html").read_text("utf-8")


def test_a_rebuild_without_a_source_drops_its_pages(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(root, "work", capsys)
    assert (root / "work-site" / "wtsa-75-2022" / "index.html").is_file()
    (root / "sources" / seed("001").name).unlink()  # WTSA Resolution 75 (2022)
    build(root, "work", capsys)
    assert not (root / "work-site" / "wtsa-75-2022" / "index.html").exists()
    assert not (root / "work-site" / "works" / "wtsa-75" / "index.html").exists()


def test_a_works_pages_count_only_what_they_show_of_the_documents_citing_it(
    corpus: ParseReport,
) -> None:
    """Their cited-by list shows a citing document's id and title line and the citing
    clause's anchor and label: a change elsewhere in that document leaves them as they
    are; a change to one of its versions does not. (That a new citation shows is
    checked by the rebuild above, against a fresh build.)"""
    collection = Collection(corpus.documents)
    digests = {document.id: f"digest of {document.id}" for document in corpus.documents}
    citing = collection.cited_by["pp-140"][0].place
    before = Fingerprints(collection, digests).around("pp-140")
    changed = digests | {citing.document.id: "its text changed"}
    assert Fingerprints(collection, changed).around("pp-140") == before
    version = collection.works["pp-140"][0].id
    changed = digests | {version: "its text changed"}
    assert Fingerprints(collection, changed).around("pp-140") != before
