"""Bad input from the file system, and output folders on any file system: each case
gives a clear error naming the path, or works, and loses nothing already built."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from generator import build as build_module
from generator import folders
from generator.cli import main
from generator.folders import Staging, exchange, write_journal

from .conftest import SOURCES, seed


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def built(tmp_path: Path) -> dict[str, Path]:
    """The seeds built into a fresh set of folders, with a copy of the sources to spoil."""
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    folders = {name: tmp_path / name for name in ("yaml", "site", "build")}
    assert main(build_args(sources, folders)) == 0
    return {"sources": sources, **folders}


def build_args(sources: Path, folders: dict[str, Path]) -> list[str]:
    """Its builds drop documents on purpose: their published pages become aliases."""
    return [
        *("build", "--sources", str(sources), "--out", str(folders["yaml"])),
        *("--site", str(folders["site"]), "--build-dir", str(folders["build"])),
        "--keep-aliases",
    ]


def refused(
    built: dict[str, Path], capsys: pytest.CaptureFixture[str], sources: Path | None = None
) -> str:
    """Build again; assert that it failed and changed neither the YAML nor the site; its stderr."""
    before = {name: snapshot(built[name]) for name in ("yaml", "site")}
    capsys.readouterr()
    assert main(build_args(sources or built["sources"], built)) == 1
    assert {name: snapshot(built[name]) for name in ("yaml", "site")} == before
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.endswith("nothing was changed\n")
    return err


def test_a_link_to_a_file_outside_the_folder_is_refused(
    built: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    shutil.copy(seed("001"), secret)  # a readable text: only where it is matters
    (built["sources"] / "p.txt").symlink_to(secret)
    err = refused(built, capsys)
    link = built["sources"] / "p.txt"
    folder = built["sources"].resolve()
    expected = f"{link}: a link to {secret.resolve()}, outside {folder}: copy the file into the"
    assert f"error: {expected} folder instead\n" in err


def test_a_link_inside_the_folder_is_read(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    (sources / "kept").mkdir(parents=True)
    shutil.copy(seed("001"), sources / "kept" / "075.txt")
    (sources / "075.txt").symlink_to(sources / "kept" / "075.txt")
    assert main(["parse", str(sources), "--out", str(tmp_path / "out")]) == 0
    assert [p.name for p in (tmp_path / "out").glob("*.yaml")] == ["wtsa-75-2022.yaml"]


def test_a_fifo_is_refused_without_waiting(
    built: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = built["sources"] / "pipe.txt"
    os.mkfifo(fifo)  # reading it would wait for a writer for ever
    err = refused(built, capsys)
    assert f"error: {fifo}: not a regular file: only text files are read\n" in err


def test_an_empty_folder_is_refused_and_the_output_kept(
    built: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("not a source")
    err = refused(built, capsys, sources=empty)
    assert f"error: {empty}: no .txt or .xml files in this folder\n" in err
    before = snapshot(built["yaml"])
    assert main(["parse", str(empty), "--out", str(built["yaml"])]) == 1
    assert snapshot(built["yaml"]) == before


def test_a_missing_source_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["parse", str(missing), "--out", str(tmp_path / "out")]) == 1
    assert f"error: {missing}: cannot read: No such file or directory\n" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_upper_case_txt_files_are_sources(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(seed("001"), sources / "075.TXT")
    assert main(["parse", str(sources), "--out", str(tmp_path / "out")]) == 0
    assert [p.name for p in (tmp_path / "out").glob("*.yaml")] == ["wtsa-75-2022.yaml"]


def test_a_mkdocs_warning_names_the_page_and_changes_nothing(
    built: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_build_site = build_module.build_site

    def with_a_broken_link(docs: Path, *args: object) -> None:
        (docs / "broken.md").write_text("[x](missing.md)\n", encoding="utf-8")
        real_build_site(docs, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "build_site", with_a_broken_link)
    (built["sources"] / "001_bddbb5577af57d66.txt").unlink()  # a build that would change things
    err = refused(built, capsys)
    assert "error: mkdocs: Doc file 'broken.md' contains a link 'missing.md'" in err
    assert "not written: the site did not build" in err


def test_a_site_on_another_file_system_is_replaced(tmp_path: Path) -> None:
    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("no second file system")
    elsewhere = Path(os.path.realpath(shm)) / f"site-test-{os.getpid()}"
    try:
        folders = {"yaml": tmp_path / "yaml", "site": elsewhere / "site", "build": tmp_path / "b"}
        for sources in (seed("001"), seed("000")):  # the second build replaces the first
            assert main(build_args(sources, folders)) == 0
        assert (elsewhere / "site" / "pp-140-2022-eur-44a15-1" / "index.html").is_file()
        gone = (elsewhere / "site" / "wtsa-75-2022" / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in gone  # the first build's page, now an alias
        assert [p.name for p in elsewhere.iterdir()] == ["site"]  # nothing left beside it
    finally:
        shutil.rmtree(elsewhere, ignore_errors=True)


def test_a_site_that_is_a_link_stays_one(tmp_path: Path) -> None:
    real = tmp_path / "published" / "site"
    real.mkdir(parents=True)
    link = tmp_path / "site"
    link.symlink_to(real)
    folders = {"yaml": tmp_path / "yaml", "site": link, "build": tmp_path / "b"}
    for sources in (seed("001"), seed("000")):
        assert main(build_args(sources, folders)) == 0
        assert link.is_symlink() and link.resolve() == real
    assert (real / "pp-140-2022-eur-44a15-1" / "index.html").is_file()
    assert "refresh" in (real / "wtsa-75-2022" / "index.html").read_text(encoding="utf-8")


def test_folders_left_by_killed_builds_are_removed(built: dict[str, Path]) -> None:
    gone = 2**22 + 1  # above Linux's default pid_max: no process has it
    left = [
        built["site"].with_name(f".site.{gone}.0a1b2c3d"),
        built["yaml"].with_name(f".yaml.{gone}.0a1b2c3d"),
        built["site"].with_name(".build-abcd1234"),  # named as builds before pids were
    ]
    running = built["site"].with_name(f".site.{os.getppid()}.0a1b2c3d")  # a live build's
    for folder in [*left, running]:
        (folder / "docs").mkdir(parents=True)
    assert main(build_args(built["sources"], built)) == 0
    assert [folder.exists() for folder in left] == [False, False, False]
    assert running.exists()


def test_a_publish_killed_between_swaps_is_finished_by_the_next_build(tmp_path: Path) -> None:
    targets = [tmp_path / "yaml", tmp_path / "site"]
    for target in targets:
        target.mkdir()
        (target / "old").touch()
    journal = tmp_path / "publishing.json"
    with Staging(journal) as staging:
        for target in targets:
            (staging.folder(target) / "new").touch()
        staged = dict(staging.staged)
        # What publish does, up to a SIGKILL after the first swap:
        write_journal(journal, [(staged[target], target) for target in targets])
        exchange(staged[targets[0]], targets[0])
        staging.staged.clear()  # a killed build removes nothing
    assert [sorted(os.listdir(t)) for t in targets] == [["new"], ["old"]]
    with Staging(journal):
        pass
    assert [sorted(os.listdir(t)) for t in targets] == [["new"], ["new"]]
    assert not journal.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "yaml"]


def test_without_rename_exchange_two_renames_do_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsupported(*_: Path) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(folders, "rename_exchange", unsupported)
    new, target = tmp_path / "new", tmp_path / "target"
    for folder, name in ((new, "new"), (target, "old")):
        folder.mkdir()
        (folder / name).touch()
    exchange(new, target)
    assert [os.listdir(target), os.listdir(new)] == [["new"], ["old"]]
    assert sorted(os.listdir(tmp_path)) == ["new", "target"]
