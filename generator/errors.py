"""Errors and warnings that name the file, line and column and show the line."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """Something wrong in a source file, at a 1-based line and column."""

    path: str
    line: int
    message: str
    column: int = 0
    text: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" + (f":{self.column}" if self.column else "")
        if not self.text:
            return f"{where}: {self.message}"
        shown = f"{where}: {self.message}\n    {self.text}"
        return shown + (f"\n    {' ' * (self.column - 1)}^" if self.column else "")


class SourceError(Exception):
    """Input the parser cannot turn into a document; carries the Problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Warnings:
    """Warnings collected while parsing, reported together at the end."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, message: str, text: str = "") -> None:
        self.items.append(Problem(path, line, message, text=text))

    def __len__(self) -> int:
        return len(self.items)
