"""Errors and warnings that name the file, line and column and show the line."""

from __future__ import annotations

from dataclasses import dataclass, field
from unicodedata import east_asian_width


@dataclass(frozen=True)
class Problem:
    """Something wrong in a source file, at a 1-based line and column; line 0 (not
    shown) is the file as a whole, such as its name, or a folder.

    ``column`` (0 when no single place is at fault) counts the characters of
    ``text``, the line shown with a caret under that column: the file's own line
    for the reader, the line as ``read.normalise`` left it for the parser (no
    bookmarks or leading whitespace, so the column can be left of the file's).
    """

    path: str
    line: int
    message: str
    column: int = 0
    text: str = ""

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        where += f":{self.column}" if self.column else ""
        if not self.text:
            return f"{where}: {self.message}"
        shown = f"{where}: {self.message}\n    {self.text}"
        return shown + (f"\n    {caret_under(self.text, self.column)}" if self.column else "")


def caret_under(text: str, column: int) -> str:
    """A caret that a terminal shows under character ``column`` of ``text``: the TABs
    before it are copied, and a wide (Chinese) character takes two spaces."""
    pad = ("\t" if char == "\t" else " " * columns(char) for char in text[: column - 1])
    return "".join(pad) + "^"


def columns(text: str) -> int:
    """The columns a text takes on a terminal or a page: two per wide (Chinese) character."""
    return sum(2 if east_asian_width(char) in ("W", "F") else 1 for char in text)


class SourceError(Exception):
    """Input the parser cannot turn into a document; carries the Problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Warnings:
    """Warnings collected while parsing, reported together at the end."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, message: str, text: str = "", column: int = 0) -> None:
        self.items.append(Problem(path, line, message, column, text))

    def __len__(self) -> int:
        return len(self.items)
