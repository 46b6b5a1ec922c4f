"""Read a source file: bytes → checked UTF-8 text → normalised lines.

``normalise`` is the pre-parse step. Its guarantees, which the parser relies on:
- one output line per source line, so line numbers stay those of the file;
- no byte-order mark, no carriage return, no leading or trailing whitespace;
- no ``[bookmark: …]`` markers;
- half-width ``( ) , ; :`` touching Chinese text are full-width, as in Word exports;
- a clause label is followed by exactly one TAB, even where the source had spaces
  (except a bare letter such as a report's ``a``, or a year such as ``2030``: before
  spaces either may be a word);
- English text is left as it is: only punctuation touching Chinese text is changed.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePath
from unicodedata import category

from .errors import Problem, SourceError
from .model import LANGUAGES, Language
from .patterns import LABEL

BOM = "\ufeff"

BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")

# --- Language ------------------------------------------------------------------
# A file may state its language in its name, before ``.txt``: ``res-140.en.txt``,
# ``res-140.zh.txt``. Without it, the text tells: Chinese characters are four in five
# of the letters of the Chinese seeds (the rest is Latin: ITU-R, WSIS, SDG) and none
# of an English text's. A text in which they are a fifth or more is Chinese.
STATED_LANGUAGE = re.compile(rf"\.(?P<code>{'|'.join(LANGUAGES)})$", re.IGNORECASE)
# A Chinese character (not the full-width forms, which an English line may have).
CHINESE = re.compile(r"[\u3400-\u9fff]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
CJK_SHARE_ZH = 0.2


def stated_language(file_name: str) -> Language | None:
    """The language a file's name states (``res-140.en.txt`` → ``en``), if it states one."""
    match = STATED_LANGUAGE.search(PurePath(file_name).stem)
    return next((code for code in LANGUAGES if match and code == match["code"].lower()), None)


def language_of(file_name: str, lines: list[str]) -> Language:
    """The language of a file's text: stated in its name, else Chinese if Chinese
    characters are ``CJK_SHARE_ZH`` of its letters or more, else English."""
    if stated := stated_language(file_name):
        return stated
    text = "\n".join(lines)
    chinese = len(CHINESE.findall(text))
    latin = len(LATIN_LETTER.findall(text))
    return "en" if latin and chinese < CJK_SHARE_ZH * (chinese + latin) else "zh"


# Chinese characters, CJK punctuation and full-width forms.
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
HALF_WIDTH_NEXT_TO_CJK = re.compile(
    rf"""
      (?<=[{_CJK}]) (?P<after>[,;:]|\((?![a-z]{{1,4}}\))|(?<![\s\d(][a-z])\))
    | (?P<before>[,;:]|\((?![a-z]{{1,4}}\))|(?<![\s\d(][a-z])\)) (?=[{_CJK}])
    """,
    re.VERBOSE,
)
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
# A short parenthesis touching Chinese on one side, e.g. ``(ISOC)/`` or
# ``1407(C22)号``: both halves become full-width.
SHORT_PAREN_NEXT_TO_CJK = re.compile(
    rf"(?<=[{_CJK}\d])\((?![a-z]{{1,4}}\))(?P<a>[^()\s]{{1,24}})\)"
    rf"|\((?![a-z]{{1,4}}\))(?P<b>[^()\s]{{1,24}})\)(?=[{_CJK}])"
)
# ``(2018年,迪拜…``: a year parenthesis, whatever precedes it.
YEAR_PAREN = re.compile(r"\((?=\d{4}年?[,，])")
# A line of Chinese ending in ``;`` ``,`` or ``:``.
CJK_LINE_END = re.compile(rf"^(?=.*[{_CJK}])(?P<text>.*\S)(?P<mark>[,;:])$")

# What full_width_punctuation converts.
HALF_WIDTH = re.compile(r"[(),;:]")
# A label and its TAB: what normalise_line need not search for punctuation.
LABEL_TAB = re.compile(rf"(?:{LABEL})\t", re.VERBOSE)
# A label followed by spaces instead of a TAB (``a) 文本``, ``12 文本``).
LABEL_THEN_SPACES = re.compile(
    rf"""^(?!(?:19|20)[0-9]{{2}}\s)   # a year is no label: ``2030 Agenda for…`` starts a line
        (?P<label>{LABEL})
        (?<![a-z])      # a bare letter only before a TAB: before a space it may be a word
        [ \u3000]+(?=\S)""",
    re.VERBOSE,
)


# What a folder's source files end in: text exports, and Akoma Ntoso XML (``akn.py``).
SUFFIXES = frozenset({".txt", ".xml"})


@dataclass(frozen=True)
class Source:
    """A source file and its bytes, as read."""

    path: Path
    data: bytes

    def lines(self) -> list[str]:
        """Its normalised lines; SourceError if it is not UTF-8 text."""
        return normalise(decode(self.data, str(self.path)))


def read_sources(paths: list[Path]) -> tuple[list[Source], list[Problem]]:
    """Every source file named (folders expanded) with its bytes, and the problems of
    those that could not be read or were refused."""
    sources, problems = [], []
    for path in paths:
        files, refused = source_files(path)
        problems.extend(refused)
        for file in files:
            try:
                sources.append(Source(file, file.read_bytes()))
            except OSError as error:
                problems.append(Problem(str(file), 0, f"cannot read: {error.strerror}"))
    return sources, problems


def source_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """The source files ``path`` names, in a stable order: a file, or a folder's
    ``.txt`` and ``.xml`` files (``.TXT`` too); and the problems of those refused."""
    if not path.is_dir():
        folder, named = path.parent, [path]
    else:
        folder = path
        try:
            named = sorted(file for file in path.iterdir() if file.suffix.lower() in SUFFIXES)
        except OSError as error:
            return [], [Problem(str(path), 0, f"cannot read this folder: {error.strerror}")]
        if not named:
            return [], [Problem(str(path), 0, "no .txt or .xml files in this folder")]
    files, problems = [], []
    inside = folder.resolve()
    for file in named:
        if problem := name_problem(file):
            problems.append(problem)
        elif refused := refusal(file, inside):
            problems.append(Problem(str(file), 0, refused))
        else:
            files.append(file)
    return files, problems


def refusal(file: Path, inside: Path) -> str | None:
    """Why ``file``, in the folder ``inside`` (resolved), is not read as a source, if
    it is not."""
    try:
        mode = file.stat().st_mode
    except OSError as error:  # missing, or a link to nothing
        return f"cannot read: {error.strerror}"
    real = file.resolve()
    if not real.is_relative_to(inside):
        # A link could publish any file the build can read (/etc/passwd, keys).
        return f"a link to {real}, outside {inside}: copy the file into the folder instead"
    if not stat.S_ISREG(mode):  # reading a FIFO or a device would wait for ever
        return "not a regular file: only text files are read"
    return None


# What a file name must not hold: a document's YAML names its source file in a
# comment, which a line break ends (YAML also breaks lines at U+0085, U+2028 and
# U+2029), and bytes that are not UTF-8 (read as lone surrogates) cannot be written.
NOT_IN_NAMES = frozenset({"Cc", "Zl", "Zp", "Cs"})


def name_problem(path: Path) -> Problem | None:
    """Why this file's name cannot name its documents, if it cannot."""
    bad = [char for char in path.name if category(char) in NOT_IN_NAMES]
    if not bad:
        return None
    if category(bad[0]) == "Cs":
        message = "file name is not UTF-8 (from a zip file made on Windows?): rename the file"
    else:
        shown = ", ".join(dict.fromkeys(escaped(char) for char in bad))
        message = f"file name has a line break or control character ({shown}): rename the file"
    # Line 0: the file as a whole; its path shown with the same escapes, on one line.
    return Problem("".join(map(escaped, str(path))), 0, message)


def escaped(char: str) -> str:
    """A character of a file name as Python writes it in a string (``\\n``); a byte
    that was not UTF-8 as that byte (``\\xb1``)."""
    if category(char) not in NOT_IN_NAMES:
        return char
    if 0xDC80 <= ord(char) <= 0xDCFF:  # the byte as os.fsdecode escaped it
        return f"\\x{ord(char) - 0xDC00:02x}"
    return repr(char)[1:-1]


# Byte-order marks of the encodings Windows offers besides UTF-8, UTF-32's first:
# its little-endian mark starts with UTF-16's.
BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
# The same without a mark: ASCII characters (line breaks, TABs, labels) leave NUL bytes.
UNMARKED = (
    ("utf-32-le", "UTF-32 LE"),
    ("utf-32-be", "UTF-32 BE"),
    ("utf-16-le", "UTF-16 LE"),
    ("utf-16-be", "UTF-16 BE"),
)
# Characters no text export has: controls other than whitespace, unassigned code
# points, private use, lone surrogates. Bytes read in the wrong encoding give them.
NOT_TEXT = frozenset({"Cc", "Cn", "Co", "Cs"})


def decode(data: bytes, path: str) -> str:
    """UTF-8 text of a file, or a SourceError saying what the bytes look like."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for bom, name in BOMS:
        if data.startswith(bom):
            raise SourceError(Problem(path, 1, f"file is {name}, not UTF-8: save it as UTF-8"))
    if b"\x00" in data:
        if encoding := unmarked_encoding(data):
            message = f"file is {encoding} without a byte-order mark, not UTF-8: save it as UTF-8"
            raise SourceError(Problem(path, 1, message))
        message = "binary file (NUL byte), not a text export"
        raise SourceError(problem_at(data, data.index(b"\x00"), path, message))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        message = f"not UTF-8: looks like {guess_encoding(data)}; save it as UTF-8"
        raise SourceError(problem_at(data, error.start, path, message)) from None
    if not text.strip():
        raise SourceError(Problem(path, 1, "empty file"))
    return text


def unmarked_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding in which ``data`` (with NUL bytes) reads as text, if any:
    lines, and no character that a text export never has. (A few bytes of a binary file,
    such as a .docx's header, can read as characters; they seldom read as lines.)"""
    for codec, name in UNMARKED:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\n" in text and not any(
            category(char) in NOT_TEXT and not char.isspace() for char in text
        ):
            return name
    return None


# Control characters shown as their symbols (NUL as ␀), one character each; TAB stays.
CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20) if code != 0x09}
CONTROL_PICTURES[0x7F] = 0x2421  # ␡
# Characters shown after the bad byte: a binary file's "line" can run for megabytes.
SHOWN_AFTER = 40


def problem_at(data: bytes, at: int, path: str, message: str) -> Problem:
    """A Problem at byte ``at`` of ``data``, showing its line with a caret under it.

    The column counts characters, as an editor does, not bytes: the line's bytes
    before ``at``, decoded. Before the first bad UTF-8 byte all are good; before a
    NUL, bytes that are not UTF-8 count as the ``�`` shown for them. The line is
    shown decoded the same way, so the caret falls under the bad byte.
    """
    start = data.rfind(b"\n", 0, at) + 1
    end = data.find(b"\n", at)
    before = data[start:at].decode("utf-8", errors="replace").translate(CONTROL_PICTURES)
    rest = data[at : end if end >= 0 else len(data)].rstrip(b"\r")
    after = rest.decode("utf-8", errors="replace").translate(CONTROL_PICTURES)
    if len(after) > SHOWN_AFTER:
        after = after[:SHOWN_AFTER] + "…"
    line = data.count(b"\n", 0, at) + 1
    return Problem(path, line, message, column=len(before) + 1, text=before + after)


def guess_encoding(data: bytes) -> str:
    """A best guess at a non-UTF-8 encoding, for the error message."""
    for name in ("gb18030", "big5", "shift_jis"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if re.search(r"[\u4e00-\u9fff]", text):
            return name.upper()
    return "a binary file or an unknown 8-bit encoding"


def normalise(text: str) -> list[str]:
    """Lines of ``text`` with the guarantees listed in the module docstring."""
    # Not str.splitlines(): it also splits on form feeds and U+2028, which
    # would shift every later line number away from the file's.
    lines = text.lstrip(BOM).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [normalise_line(line) for line in lines]


def normalise_line(line: str) -> str:
    if "[" in line:
        line = BOOKMARK.sub("", line)
    line = line.strip()
    if not line:
        return line
    # A label and its TAB have nothing to make full-width, and most labelled lines
    # have no other punctuation: they skip the conversion, the costly part of normalising.
    label = LABEL_TAB.match(line)
    # Only a line with Chinese in it has punctuation touching Chinese: an English line
    # keeps its ``(Rev.1));`` half-width even after a digit.
    if HALF_WIDTH.search(line, label.end() if label else 0) and CHINESE.search(line):
        line = full_width_punctuation(line)
    return LABEL_THEN_SPACES.sub(lambda m: m.group("label") + "\t", line)


def full_width_punctuation(line: str) -> str:
    """Half-width punctuation in Chinese text as a Word export has it."""
    while True:  # each pass may expose neighbours of what it converted: ``);``
        converted = SHORT_PAREN_NEXT_TO_CJK.sub(lambda m: f"（{m['a'] or m['b']}）", line)
        converted = YEAR_PAREN.sub("（", converted)
        converted = HALF_WIDTH_NEXT_TO_CJK.sub(lambda m: FULL_WIDTH[m.group()], converted)
        if converted == line:
            break
        line = converted
    return CJK_LINE_END.sub(lambda m: m["text"] + FULL_WIDTH[m["mark"]], line)
