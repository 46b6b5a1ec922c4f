"""Bad input gets a clear error naming the file, the line and what to do, or works;
either way no traceback, and nothing already written is lost.

Files that can hold a case are in ``tests/bad_input/`` (its README says how each was
made); cases a file cannot hold well (deep nesting, long or odd names) are made here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.__main__ import main

from .conftest import SOURCES

BAD = Path(__file__).parent / "bad_input"


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def seeds_yaml(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The YAML of the seeds, parsed once: what each case starts from."""
    out = tmp_path_factory.mktemp("seeds") / "out"
    assert main(["parse", str(SOURCES), "--out", str(out)]) == 0
    return files(out)


def refused(
    bad: Path, tmp_path: Path, seeds_yaml: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> list[str]:
    """Parse the seeds and ``bad`` into a folder holding the seeds' YAML: the parse fails,
    leaves the folder as it was, and prints no traceback. Its error lines."""
    out = tmp_path / "out"
    out.mkdir()
    for name, data in seeds_yaml.items():
        (out / name).write_bytes(data)
    capsys.readouterr()
    assert main(["parse", str(SOURCES), str(bad), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert files(out) == seeds_yaml
    assert err.endswith("not written: errors; nothing was changed\n")
    return [line for line in err.split("\n") if line.startswith("error: ")]


# --- Encodings (item 10) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf-32.txt", "UTF-32"),
        ("utf-32le-no-bom.txt", "UTF-32 LE without a byte-order mark"),
        ("utf-16le-no-bom.txt", "UTF-16 LE without a byte-order mark"),
        ("utf-16be-no-bom.txt", "UTF-16 BE without a byte-order mark"),
    ],
)
def test_utf16_and_utf32_are_named_with_or_without_a_byte_order_mark(
    name: str,
    encoding: str,
    tmp_path: Path,
    seeds_yaml: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    errors = refused(BAD / name, tmp_path, seeds_yaml, capsys)
    assert errors == [f"error: {BAD / name}:1: file is {encoding}, not UTF-8: save it as UTF-8"]
