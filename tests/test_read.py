"""Reading sources: encodings, variants of the same text, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import store
from generator.errors import SourceError
from generator.read import decode, normalise, normalise_line

from .conftest import SOURCES, parse_paths, seed

FULL_TO_HALF = str.maketrans("（），；：", "(),;:")


def read_lines(path: Path) -> list[str]:
    """The normalised lines of a source file, as the build reads them."""
    return normalise(decode(path.read_bytes(), str(path)))


def parse_text(tmp_path: Path, name: str, text: str | bytes) -> list:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    report = parse_paths(path)
    assert not report.errors, report.errors
    return report.documents


@pytest.mark.parametrize("source", sorted(SOURCES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_windows_line_endings_and_bom_parse_to_the_same_model(source: Path, tmp_path: Path) -> None:
    original = parse_paths(source).documents
    variant = "\ufeff" + source.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert parse_text(tmp_path, source.name, variant) == original


def without_texts(value: object) -> object:
    """The YAML dict of a document with its prose left out: its structure."""
    if isinstance(value, dict):
        prose = {"text", "title", "summary", "reason"}
        return {k: without_texts(v) for k, v in value.items() if k not in prose}
    if isinstance(value, list):
        return [without_texts(v) for v in value]
    return value


def texts(value: object) -> list[str]:
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in ([v] if k == "text" else texts(v))]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    return []


def test_half_width_punctuation_parses_to_the_same_model(tmp_path: Path) -> None:
    """Every （），；： of every seed made half-width, as on ITU's web pages.

    The structure (ids, anchors, labels, refs, action lines, SDGs) must come
    out the same. A few characters cannot be told apart from ASCII text and
    stay half-width, e.g. ``WSIS)+20:2025`` and ``(域名系统 – DNS)``.
    """
    # The text exports only: the Akoma Ntoso file (.xml) has no such punctuation to vary.
    exports = parse_paths(SOURCES).documents
    original = [store.to_dict(d) for d in exports if not d.source.endswith(".xml")]
    for source in SOURCES.glob("*.txt"):
        variant = source.read_text(encoding="utf-8").translate(FULL_TO_HALF)
        (tmp_path / source.name).write_text(variant, encoding="utf-8")
    halved = [store.to_dict(d) for d in parse_paths(tmp_path).documents]
    assert [without_texts(d) for d in halved] == [without_texts(d) for d in original]
    different = [(a, b) for a, b in zip(texts(original), texts(halved), strict=True) if a != b]
    assert len(different) <= 8, different
    assert len(texts(original)) > 900


@pytest.mark.parametrize("source", sorted(SOURCES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_a_space_after_labels_parses_to_the_same_model(source: Path, tmp_path: Path) -> None:
    original = parse_paths(source).documents
    lines = source.read_text(encoding="utf-8").split("\n")
    variant = "\n".join(
        line.replace(")\t", ") ", 1)
        if line[:1].isalpha()
        else line.replace("\t", " ", 1)
        if line[:1].isdigit()
        else line
        for line in lines
    )
    assert variant != source.read_text(encoding="utf-8")
    assert parse_text(tmp_path, source.name, variant) == original


@pytest.mark.parametrize(
    ("line", "normalised"),
    [
        ("ae) 联大关于全面审查", "ae)\t联大关于全面审查"),  # 000:62
        ("1112\u3000国际电联应就", "1112\t国际电联应就"),  # 000:85
        ("iii)  全权代表大会第102号决议", "iii)\t全权代表大会第102号决议"),  # 001:19
        ("2.4 在2022年和2023年", "2.4\t在2022年和2023年"),  # 002:24
        ("– 高级别对话", "–\t高级别对话"),  # 003:39
        ("— 高级别对话", "—\t高级别对话"),
        ("- 高级别对话", "-\t高级别对话"),
        ("a 推进WSIS行动方面", "a 推进WSIS行动方面"),  # 003:22 needs its TAB
    ],
)
def test_a_label_followed_by_spaces_gets_its_tab(line: str, normalised: str) -> None:
    assert normalise_line(line) == normalised


def test_itu_web_page_citation_reads_like_the_word_export() -> None:
    assert (
        normalise_line("第140号决议(2018年,迪拜,修订版)") == "第140号决议（2018年，迪拜，修订版）"
    )


def test_labels_inside_text_keep_their_ascii_parenthesis() -> None:
    line = "《突尼斯议程》指出（第102 b)段）：(i) 对国际电联"
    assert normalise_line(line) == line


def test_bookmarks_are_removed_and_line_numbers_kept() -> None:
    lines = read_lines(seed("000"))
    assert lines[1] == "第140号决议（2018年，迪拜2022年，布加勒斯特，修订版）"
    assert len(lines) == len(seed("000").read_bytes().split(b"\n"))


def test_a_form_feed_does_not_shift_line_numbers() -> None:
    assert normalise("a\x0cb\nc") == ["a\x0cb", "c"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("第140号决议".encode("utf-16"), "UTF-16"),
        ("第140号决议（2018年，迪拜）\n忆及\n".encode("gb18030"), "GB18030"),
        (b"ok line\n\xff\xfe\xfd broken", "line 2"),
    ],
)
def test_bad_files_get_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(SourceError) as raised:
        decode(data, "bad.txt")
    shown = str(raised.value)
    assert shown.startswith("bad.txt:")
    if message == "line 2":
        assert shown.startswith("bad.txt:2:")
    else:
        assert message in shown


@pytest.mark.parametrize(
    ("data", "where", "shown", "caret"),
    [
        # A Word clause pasted into the export from a GBK file: 审 is C9 F3 in GBK.
        (
            "忆及\na)\t联大关于".encode() + "审".encode("gbk") + "查；\r\n".encode(),
            "bad.txt:2:8: not UTF-8",
            "a)\t联大关于��查；",
            "  \t" + "  " * 4 + "^",
        ),
        ("忆及\n考虑到\x00\n".encode(), "bad.txt:2:4: binary file", "考虑到␀", "  " * 3 + "^"),
        # A .docx (a zip file) saved under a .txt name.
        (b"PK\x03\x04\x14\x00\x06\x00", "bad.txt:1:6: binary file", "PK␃␄␔␀␆␀", "     ^"),
    ],
    ids=["gbk-in-utf8", "nul", "docx"],
)
def test_a_bad_byte_is_shown_with_a_caret_under_it(
    data: bytes, where: str, shown: str, caret: str
) -> None:
    with pytest.raises(SourceError) as raised:
        decode(data, "bad.txt")
    header, line, under = str(raised.value).split("\n")
    assert header.startswith(where)
    assert (line, under) == ("    " + shown, "    " + caret)


def test_a_binary_line_is_shown_cut_short() -> None:
    with pytest.raises(SourceError) as raised:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(1, 9)) * 100, "bad.png")
    header, line, under = str(raised.value).split("\n")
    assert header == "bad.png:3:1: binary file (NUL byte), not a text export"
    assert line.startswith("    ␀␀␀␍IHDR␁␂") and line.endswith("…") and len(line) == 4 + 40 + 1
    assert under == "    ^"


def test_a_bad_file_does_not_hide_the_others(tmp_path: Path) -> None:
    (tmp_path / "000.txt").write_bytes(seed("000").read_bytes())
    (tmp_path / "bad.txt").write_bytes("忆及".encode("gb18030"))
    report = parse_paths(tmp_path)
    assert [d.id for d in report.documents] == ["pp-140-2022-eur-44a15-1"]
    assert [p.path.endswith("bad.txt") for p in report.errors] == [True]
