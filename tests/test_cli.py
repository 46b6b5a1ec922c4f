"""The command line: ``python -m generator parse`` and its all-or-nothing output."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

from .conftest import SOURCES, indexed_urls, seed


def test_parse_writes_one_yaml_per_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(SOURCES), "--out", str(out)]) == 0
    assert len(list(out.rglob("*.yaml"))) == 78  # 14 Chinese, 64 English (en/)
    summary = "78 documents (73 resolutions, 2 reports, 2 decisions, 1 recommendation)"
    assert summary in capsys.readouterr().out


def test_an_error_leaves_the_previous_output_intact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(seed("000")), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["parse", str(seed("001")), str(bad), "--out", str(out)]) == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert f"error: {bad}:1: empty file" in capsys.readouterr().err


def test_strict_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(seed("004")), "--out", str(out), "--strict"]) == 1
    assert not out.exists()
    assert "warning: 004_dfd693b219ab3d6d.txt:" in capsys.readouterr().err
    assert main(["parse", str(seed("000")), "--out", str(out), "--strict"]) == 0


def test_stale_files_are_removed_on_rewrite(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.yaml").write_text("stale")
    assert main(["parse", str(seed("001")), "--out", str(out)]) == 0
    assert [p.name for p in out.glob("*.yaml")] == ["wtsa-75-2022.yaml"]


def test_build_takes_paths_relative_to_where_it_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    command = ["build", "--sources", str(seed("001")), "--out", "yaml", "--site", "site"]
    assert main([*command, "--build-dir", "work"]) == 0
    assert (tmp_path / "site" / "wtsa-75-2022" / "index.html").is_file()
    assert (tmp_path / "work" / "docs" / "wtsa-75-2022.md").is_file()


def test_a_build_indexes_every_document_parsed_under_its_final_id(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("a.txt", "b.txt"):  # the same resolution twice: the second is renamed
        (sources / name).write_bytes(seed("001").read_bytes())
    command = ["build", "--sources", str(sources), "--out", str(tmp_path / "yaml")]
    assert (
        main([*command, "--site", str(tmp_path / "site"), "--build-dir", str(tmp_path / "work")])
        == 0
    )
    assert indexed_urls(tmp_path / "site") == {"/wtsa-75-2022/", "/wtsa-75-2022-2/"}


def test_a_build_that_fails_to_parse_writes_nothing(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_bytes(seed("001").read_bytes())
    (sources / "b.txt").write_bytes(b"")
    command = ["build", "--sources", str(sources), "--out", str(tmp_path / "yaml")]
    assert (
        main([*command, "--site", str(tmp_path / "site"), "--build-dir", str(tmp_path / "work")])
        == 1
    )
    assert not (tmp_path / "site").exists() and not (tmp_path / "yaml").exists()
