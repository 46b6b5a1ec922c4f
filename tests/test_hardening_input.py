"""Bad input gets a clear error naming the file, the line and what to do, or works;
either way no traceback, and nothing already written is lost.

Files that can hold a case are in ``tests/bad_input/`` (its README says how each was
made); cases a file cannot hold well (deep nesting, long or odd names) are made here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import columns
from generator.outline import MAX_DEPTH
from generator.parse import PARALLEL_FROM

from .conftest import SOURCES, parse_paths, seed

BAD = Path(__file__).parent / "bad_input"


def files(folder: Path) -> dict[str, bytes]:
    """Every file under the folder (en/ holds the English texts' YAML) by its path there."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


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
    leaves the folder as it was, and prints no traceback. Its errors, each with the
    lines shown under it."""
    out = tmp_path / "out"
    out.mkdir()
    for name, data in seeds_yaml.items():
        (out / name).parent.mkdir(exist_ok=True)
        (out / name).write_bytes(data)
    capsys.readouterr()
    assert main(["parse", str(SOURCES), str(bad), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert files(out) == seeds_yaml
    assert err.endswith("not written: errors; nothing was changed\n")
    errors = err[err.index("error: ") : err.rindex("\nnot written")]
    return errors.removeprefix("error: ").split("\nerror: ")


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
    assert errors == [f"{BAD / name}:1: file is {encoding}, not UTF-8: save it as UTF-8"]


# --- File names (item 8) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "shown", "message"),
    [
        ("a\nb.txt", "a\\nb.txt", "file name has a line break or control character (\\n)"),
        ("a\u2028b\rc.txt", "a\\u2028b\\rc.txt", "(\\u2028, \\r)"),
        # 报告 in GBK, unzipped on Linux: the bytes are not UTF-8.
        (os.fsdecode(b"\xb1\xa8\xb8\xe6.txt"), "\\xb1\\xa8\\xb8\\xe6.txt", "not UTF-8"),
    ],
    ids=["newline", "line-separator", "gbk"],
)
def test_a_file_name_that_cannot_be_written_is_refused(
    name: str,
    shown: str,
    message: str,
    tmp_path: Path,
    seeds_yaml: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / name).write_bytes(seed("001").read_bytes())
    (error,) = refused(folder, tmp_path, seeds_yaml, capsys)
    assert error.startswith(f"{folder}/{shown}: file name ")
    assert message in error and error.endswith(": rename the file")


LONG_NAME = "x" * 250 + ".txt"  # the longest a file system takes is 255 bytes


@pytest.fixture(scope="module")
def odd_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed 002 (a report: its id comes from its file name) under names no id can be,
    and seed 001 (a resolution: its id comes from its header) under the longest name."""
    folder = tmp_path_factory.mktemp("names")
    for name in ("my report.txt", "WSIS Résumé_2023.txt", ".notes.txt", LONG_NAME):
        (folder / name).write_bytes(seed("002").read_bytes())
    (folder / ("y" * 250 + ".txt")).write_bytes(seed("001").read_bytes())
    return folder


ODD_NAME_IDS = [
    *("report-my-report", "report-notes", "report-wsis-resume", "report-" + "x" * 60),
    "wtsa-75-2022",
]


def test_a_report_id_is_made_of_the_latin_letters_and_digits_of_its_file_name(
    odd_names: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(odd_names), "--out", str(out)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert sorted(path.stem for path in out.iterdir()) == ODD_NAME_IDS


def test_a_site_is_built_from_reports_with_odd_file_names(
    odd_names: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    command = ["build", "--sources", str(odd_names), "--out", str(tmp_path / "yaml")]
    assert main([*command, "--site", str(site), "--build-dir", str(tmp_path / "work")]) == 0
    assert "Traceback" not in capsys.readouterr().err
    for document_id in ODD_NAME_IDS:
        assert (site / document_id / "index.html").is_file()


def test_a_report_file_name_without_latin_letters_or_digits_is_refused(
    tmp_path: Path, seeds_yaml: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "报告.txt"
    bad.write_bytes(seed("002").read_bytes())
    (error,) = refused(bad, tmp_path, seeds_yaml, capsys)
    assert error == (
        "报告.txt: a report's web address is made from its file name (up to the "
        "first '_'), and this one has no Latin letter or digit: rename the file, "
        "e.g. to report-2023.txt"
    )


def test_a_resolution_number_longer_than_four_digits_is_refused(
    tmp_path: Path, seeds_yaml: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = BAD / "long-number.txt"
    header = bad.read_text(encoding="utf-8").split("\n")[0].strip()
    (error,) = refused(bad, tmp_path, seeds_yaml, capsys)
    assert error == (
        "long-number.txt:1:2: resolution number too long: an ITU resolution number has at "
        "most 4 digits (Council's run from 1000 up); correct it in this header\n"
        f"    {header}\n"
        "      ^"
    )


def test_a_four_digit_resolution_number_is_read(tmp_path: Path) -> None:
    text = (BAD / "long-number.txt").read_text(encoding="utf-8")
    (tmp_path / "1332.txt").write_text(text.replace("9" * 300, "1332"), encoding="utf-8")
    assert [d.id for d in parse_paths(tmp_path).documents] == ["wtsa-1332-2022"]


# --- Nesting (item 8) -------------------------------------------------------------------


def nested(depth: int) -> str:
    """A resolution whose clauses nest ``depth`` levels deep: each ends in a colon, and a
    first label after a colon opens a level under it."""
    front = (BAD / "long-number.txt").read_text(encoding="utf-8").split("\n")[:5]
    front[0] = " 第75号决议（2022年，日内瓦，修订版）"
    clause = "a)\t与落实WSIS两个阶段会议成果有关的决议和决定："
    return "\n".join([*front, "考虑到", *[clause] * depth]) + "\n"


def test_clauses_nested_too_deep_are_refused_at_the_line_where_they_go_too_deep(
    tmp_path: Path, seeds_yaml: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "deep.txt"
    bad.write_text(nested(300), encoding="utf-8")
    (error,) = refused(bad, tmp_path, seeds_yaml, capsys)
    assert error == (
        f"deep.txt:{6 + MAX_DEPTH + 1}:1: clauses nested more than {MAX_DEPTH} levels deep "
        "(real texts nest 3 to 5): a first label (a, i, 1) after a clause ending in '：' "
        "opens a level under it; check the labels and colons above this line\n"
        "    a)\t与落实WSIS两个阶段会议成果有关的决议和决定：\n"
        "    ^"
    )


def many_sources(folder: Path, *extra: tuple[str, str]) -> Path:
    """Enough small resolutions for the parse to fork its workers, with ``extra`` files
    (name, text) among them."""
    folder.mkdir()
    text = (BAD / "long-number.txt").read_text(encoding="utf-8")
    for number in range(1, PARALLEL_FROM):
        (folder / f"{number:03}.txt").write_text(text.replace("9" * 300, str(number)), "utf-8")
    for name, extra_text in extra:
        (folder / name).write_text(extra_text, encoding="utf-8")
    return folder


def build(sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``build`` in two workers, as on any machine with two cores: its exit code and stderr."""
    command = ["build", "--sources", str(sources), "--out", str(tmp_path / "yaml")]
    code = main([*command, "--site", str(tmp_path / "site"), "--build-dir", str(tmp_path / "w")])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def test_build_in_workers_refuses_deep_nesting_as_parse_does(
    tmp_path: Path,
    seeds_yaml: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The workers send the documents back pickled, and pickling a deep tree recursed:
    ``build`` failed from about 250 levels, ``parse`` from about 330."""
    monkeypatch.setattr("generator.build.WORKERS", 2)
    sources = many_sources(tmp_path / "sources", ("deep.txt", nested(300)))
    code, err = build(sources, tmp_path, capsys)
    assert code == 1 and not (tmp_path / "site").exists()
    (parse_error,) = refused(sources / "deep.txt", tmp_path, seeds_yaml, capsys)
    assert f"error: {parse_error}\nnot written: errors; nothing was changed\n" in err


def test_clauses_nested_as_deep_as_allowed_are_built_in_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("generator.build.WORKERS", 2)
    sources = many_sources(tmp_path / "sources", ("deep.txt", nested(MAX_DEPTH)))
    assert build(sources, tmp_path, capsys)[0] == 0
    page = (tmp_path / "site" / "wtsa-75-2022" / "index.html").read_text(encoding="utf-8")
    assert page.count("与落实WSIS两个阶段会议成果有关的决议和决定") == MAX_DEPTH


# --- Repeated ids (item 9) -------------------------------------------------------------


def test_two_files_of_one_resolution_and_revision_are_a_warning_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = BAD / "duplicate"
    out = tmp_path / "out"
    assert main(["parse", str(folder), "--out", str(out)]) == 0
    # "wtsa-75 (1).txt" sorts first: the copy takes the id.
    assert capsys.readouterr().err == (
        f"warning: {folder}/wtsa-75.txt:1: wtsa-75-2022 is also the id of "
        f"{folder}/wtsa-75 (1).txt:1, so this one is published as wtsa-75-2022-2: an "
        "address that depends on the order of the file names. If it is a copy, remove it; "
        "if not, check the number and year in its header\n"
    )
    assert sorted(files(out)) == ["wtsa-75-2022-2.yaml", "wtsa-75-2022.yaml"]


def test_strict_refuses_repeated_ids_and_keeps_what_was_built(
    tmp_path: Path, seeds_yaml: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name, data in seeds_yaml.items():
        (out / name).parent.mkdir(exist_ok=True)
        (out / name).write_bytes(data)
    command = ["parse", str(SOURCES), str(BAD / "duplicate"), "--out", str(out), "--strict"]
    assert main(command) == 1
    err = capsys.readouterr().err
    assert "wtsa-75-2022 is also the id of" in err and "Traceback" not in err
    assert err.endswith("not written: warnings (--strict); nothing was changed\n")
    assert files(out) == seeds_yaml


def test_a_renamed_id_does_not_take_an_id_a_file_already_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``x 2.txt`` is report-x-2 by its name: the second report-x must become report-x-3,
    or one YAML file and one page would overwrite the other."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("x 2.txt", "x.txt", "x_1.txt"):  # in the order they are read
        (sources / name).write_bytes(seed("002").read_bytes())
    out = tmp_path / "out"
    assert main(["parse", str(sources), "--out", str(out)]) == 0
    assert sorted(path.stem for path in out.iterdir()) == ["report-x", "report-x-2", "report-x-3"]
    assert capsys.readouterr().err == (
        f"warning: {sources}/x_1.txt:1: report-x is also the id of {sources}/x.txt:1, so this "
        "one is published as report-x-3: an address that depends on the order of the file "
        "names. Rename one of the files: a report's id is made from its file name\n"
    )


# --- Text that is not a Word export (item 12) ------------------------------------------


def test_text_copied_out_of_a_pdf_is_refused_as_such(
    tmp_path: Path, seeds_yaml: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    """It was read as a report whose title was the whole text, with no sections."""
    line = "2. 联合国大会（UNGA）第70/1号决议中的“改变我们的世界：《2030年可持续发"
    (error,) = refused(BAD / "pdf-extracted.txt", tmp_path, seeds_yaml, capsys)
    assert error == (
        "pdf-extracted.txt:7:43: lines break mid-sentence, as this one does (77 of its 155 "
        "lines, all about as wide): is this text extracted from a PDF? The parser reads a "
        "Word export, one line per paragraph: save the Word document as plain text (UTF-8). "
        "Its paragraphs are numbered '1. ', where a Word export has '1' and a TAB.\n"
        f"    {line}\n"
        f"    {' ' * columns(line[:-1])}^"  # under the last character
    )


def test_a_file_of_no_structure_the_parser_knows_is_refused(
    tmp_path: Path, seeds_yaml: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    (error,) = refused(BAD / "numbered-paragraphs.txt", tmp_path, seeds_yaml, capsys)
    assert error == (
        "numbered-paragraphs.txt:1: no structure found: no resolution header such as "
        "第140号决议（2018年，迪拜，修订版）, and read as a report its title would run 75 "
        "lines (4438 characters) from here, where a title is a line or a few, then a blank "
        "line. Is this a Word export of an ITU resolution or report? Its paragraphs are "
        "numbered '1. ', where a Word export has '1' and a TAB."
    )


def test_a_short_paragraph_after_a_report_title_is_its_body_not_lost(tmp_path: Path) -> None:
    """The longer of a report's first two paragraphs is its title; when that is the
    first, the second (here a heading and a clause) was dropped without a word."""
    source = tmp_path / "950_x.txt"
    heading = "第一节 </title><script>alert(1)</script>"
    title = "😀 Report on ICT [click here](javascript:alert(document.domain)) 𠮷 2024"
    source.write_text(f"{title}\n\n{heading}\n1\t文本。\n", encoding="utf-8")
    (document,) = parse_paths(source).documents
    assert document.title == title
    (section,) = document.sections
    assert [(clause.line, clause.label, clause.text) for clause in section.clauses] == [
        (3, None, heading),
        (4, "1", "文本。"),
    ]
