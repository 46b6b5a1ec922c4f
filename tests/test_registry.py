"""The registry of published pages and anchors: what a build would drop becomes an
alias, or the build fails naming it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator.cli import main
from generator.link import Collection
from generator.model import Document
from generator.parse import Parsed
from generator.registry import (
    Entry,
    RegistryError,
    VanishedError,
    anchors_of,
    document_keys,
    keep_published,
    read_registry,
    write_registry,
)

from .conftest import ROOT, SOURCES

SHIPPED = ROOT / "content" / "published.txt"
PP_140_2018 = "pp-140-2018-eur-48a1-9"  # the 9th proposal of 004, to PP-18


def test_the_shipped_registry_names_every_seed_page_and_anchor(corpus: Parsed) -> None:
    published = read_registry(SHIPPED)
    keys = document_keys(corpus.documents)
    for document in corpus.documents:
        assert published[f"{document.id}/"].shows == keys[document.id]
        for anchor, printed in anchors_of(document):
            assert published[f"{document.id}/#{anchor}"] == Entry(printed)
    assert published["pp-140-2022/"] == Entry("000_85a01f60b3e6883b.txt#1", "pp-140")
    assert published["pp-185-2014/"].shows == keys["pp-185-2018-eur-48a1-6"]  # the 6th of 004


def test_a_moved_document_leaves_a_redirect_and_its_anchors_go_with_it(corpus: Parsed) -> None:
    kept = keep_published(read_registry(SHIPPED), Collection(corpus.documents), ask=False)
    assert kept.redirects["pp-140-2022/"] == "pp-140-2022-eur-44a15-1/"
    assert len(kept.redirects) == 11  # the 11 proposals' old addresses
    assert kept.anchors == {} and kept.moved == []
    assert kept.registry["pp-140-2022/"].shows == kept.registry["pp-140-2022-eur-44a15-1/"].shows


def test_an_address_whose_document_is_gone_fails_the_build_unless_asked(
    corpus: Parsed,
) -> None:
    published = read_registry(SHIPPED)
    without = Collection([d for d in corpus.documents if d.id != PP_140_2018])
    with pytest.raises(VanishedError) as refused:
        keep_published(published, without, ask=False)
    message = str(refused.value)
    assert (
        f"/{PP_140_2018}/: its document (004_dfd693b219ab3d6d.txt#9) is no longer built; "
        "--keep-aliases sends it to /works/pp-140/, the page of pp-140"
    ) in message
    assert f"/{PP_140_2018}/#considering" not in message  # said once, for the page
    kept = keep_published(published, without, ask=True)
    assert kept.redirects[f"{PP_140_2018}/"] == "works/pp-140/"
    assert kept.registry[f"{PP_140_2018}/"].alias == "works/pp-140/"
    # The next build keeps the alias without being asked.
    again = keep_published(kept.registry, without, ask=False)
    assert again.redirects[f"{PP_140_2018}/"] == "works/pp-140/"
    # A work gone with its only document: the index.
    no_wtsa = Collection([d for d in corpus.documents if not d.source.startswith("001_")])
    assert keep_published(published, no_wtsa, ask=True).redirects["wtsa-75-2022/"] == (
        "resolutions/"
    )


def test_keys_count_documents_in_the_order_of_their_file(corpus: Parsed) -> None:
    documents: list[Document] = [d for d in corpus.documents if d.source.startswith("004_")]
    shuffled = [replace(d, id=f"x{n}") for n, d in enumerate(reversed(documents))]
    keys = document_keys(shuffled)
    assert sorted(int(key.split("#")[1]) for key in keys.values()) == list(range(1, 11))
    assert keys["x9"] == "004_dfd693b219ab3d6d.txt#1"  # the first in the file, whatever its id


def test_the_registry_is_written_sorted_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "published.txt"
    entries = {
        "b/": Entry("f.txt#2", "pp-2"),
        "a/#x": Entry("0123456789ab", alias="a/#y"),
        "a/": Entry("f.txt#1", "pp-1"),
    }
    write_registry(path, entries)
    lines = [line for line in path.read_text().splitlines() if not line.startswith("#")]
    assert lines == ["a/\tf.txt#1\tpp-1", "a/#x\t0123456789ab\t→ a/#y", "b/\tf.txt#2\tpp-2"]
    assert read_registry(path) == entries


def test_a_damaged_registry_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "published.txt"
    path.write_text("# comment\nok/\tf.txt#1\tpp-1\n../etc/\tf.txt#2\tpp-1\n")
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
    assert f"error: {registry}:1: not '<address>/<TAB><source file>#<n><TAB><work>'" in err
    assert "Traceback" not in err and not (tmp_path / "site").exists()


@pytest.fixture
def published(tmp_path: Path) -> dict[str, Path]:
    """The seeds built with a copy of the shipped registry, and a copy of the sources
    to change as a later export (or a parser change) would."""
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    shutil.copy(SHIPPED, tmp_path / "published.txt")
    assert main(build_command(tmp_path)) == 0
    return {"sources": sources, "site": tmp_path / "site", "registry": tmp_path / "published.txt"}


def build_command(folder: Path) -> list[str]:
    return [
        *("build", "--sources", str(folder / "sources"), "--out", str(folder / "yaml")),
        *("--site", str(folder / "site"), "--build-dir", str(folder / "build")),
    ]


def edit_line(path: Path, number: int, change: tuple[str, str] | None) -> None:
    """Replace text on a source line (``None``: delete the line)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if change is None:
        del lines[number - 1]
    else:
        assert lines[number - 1].startswith(change[0])
        lines[number - 1] = change[1] + lines[number - 1][len(change[0]) :]
    path.write_text("".join(lines), encoding="utf-8")


def test_a_renumbered_clause_keeps_its_published_anchor(
    published: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Res 140's proposal to PP-18 reads ``cb)`` (c relabelled b, a second b): the
    clause published as considering-b-2. Read as ``bc)`` it is considering-c, and the
    old anchor leads there; considering-c, now another clause's, is said."""
    edit_line(published["sources"] / "004_dfd693b219ab3d6d.txt", 635, ("cb)", "bc)"))
    capsys.readouterr()
    assert main(build_command(tmp_path)) == 0
    err = capsys.readouterr().err
    assert f"warning: /{PP_140_2018}/#considering-c now shows another text than it did" in err
    html = (published["site"] / PP_140_2018 / "index.html").read_text(encoding="utf-8")
    assert (
        '<script type="application/json" id="anchor-aliases">{"considering-b-2": "#considering-c"}'
        in html
    )


def test_a_clause_gone_fails_the_build_until_asked_to_lead_to_its_successor(
    published: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Res 140's 考虑到 a) deleted from the proposal to PP-18: the build stops, naming
    the anchor; asked, it leads to the same clause in the newest document of the work
    (PP-22's proposal, by lineage), and later builds keep that alias."""
    edit_line(published["sources"] / "004_dfd693b219ab3d6d.txt", 633, None)
    before = (published["site"] / PP_140_2018 / "index.html").read_bytes()
    capsys.readouterr()
    assert main(build_command(tmp_path)) == 1
    err = capsys.readouterr().err
    assert (
        f"/{PP_140_2018}/#considering-a: no clause of its document has its text now; "
        "--keep-aliases sends it to /pp-140-2022-eur-44a15-1/#considering-a"
    ) in err
    assert err.endswith("nothing was changed\n") and "Traceback" not in err
    assert (published["site"] / PP_140_2018 / "index.html").read_bytes() == before

    assert main([*build_command(tmp_path), "--keep-aliases"]) == 0
    line = f"{PP_140_2018}/#considering-a\t"
    (kept,) = [x for x in published["registry"].read_text().splitlines() if x.startswith(line)]
    assert kept.endswith("\t→ pp-140-2022-eur-44a15-1/#considering-a")
    html = (published["site"] / PP_140_2018 / "index.html").read_text(encoding="utf-8")
    assert '"considering-a": "../pp-140-2022-eur-44a15-1/#considering-a"' in html
    assert main(build_command(tmp_path)) == 0  # the alias is kept without asking again
