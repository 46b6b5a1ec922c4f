"""Clause labels → a nested outline, resolving flattened tracked changes.

Word exports keep deleted and inserted label text side by side: ``ae)`` after
``d)`` is old ``a)`` now ``e)``; ``1112`` after ``11`` is old 11 now 12. The
sequence decides: a label is read as the next one of an open list where it
can be, and a flattened pair is split so that its new half continues a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .patterns import LABELLED_LINE, ROMAN

COLON_END = ("：", ":")
# How deep labelled clauses may nest. Real texts nest up to 5 (003), and the site's
# stages (freezing, YAML, pages, the pickles of the parallel parse) recurse once or
# more per level: far deeper input is refused, with the line, before any of them.
MAX_DEPTH = 20
ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10}


@dataclass
class Node:
    """A clause under construction; frozen into a ``model.Clause`` later."""

    text: str
    line: int
    label: str | None = None
    old_label: str | None = None
    style: str | None = None
    children: list[Node] = field(default_factory=list)
    out_of_sequence: bool = False  # its label does not continue its list


@dataclass
class Level:
    """An open list: its style, the value of its last label, where it lives."""

    style: str | None
    last: int
    siblings: list[Node]


class Reading(NamedTuple):
    """One way to read a raw label: style, value, label now, label before (a tuple:
    every label has one or more)."""

    style: str
    value: int
    label: str
    old_label: str | None = None


def roman_value(text: str) -> int:
    total = 0
    for char, following in zip(text, text[1:] + " "):
        value = ROMAN_DIGITS[char]
        total += -value if ROMAN_DIGITS.get(following, 0) > value else value
    return total


def letter_value(text: str) -> int:
    return ord(text) - ord("a") + 1


def whole_readings(match: re.Match[str]) -> list[Reading]:
    """Readings of a label taken as written."""
    if letters := match["letters"]:
        readings = []
        if ROMAN.match(letters):
            readings.append(Reading("roman", roman_value(letters), letters))
        if len(letters) == 1:
            readings.append(Reading("letter", letter_value(letters), letters))
        return readings
    if paren := match["paren"]:
        return [Reading("paren", roman_value(paren), f"({paren})")]
    if number := match["number"]:
        return [Reading("number", int(number), number)]
    return []


def split_readings(match: re.Match[str]) -> tuple[list[Reading], list[Reading]]:
    """Readings of a flattened label: (old half first, new half first).

    Deleted text usually precedes inserted text, so old-first readings are
    preferred; new-first ones are tried only when nothing else fits.
    """
    old_first: list[Reading] = []
    new_first: list[Reading] = []
    if (letters := match["letters"]) and len(letters) == 2:
        a, b = letters[0], letters[1]
        old_first.append(Reading("letter", letter_value(b), b, a))
        new_first.append(Reading("letter", letter_value(a), a, b))
    elif (number := match["number"]) and len(number) >= 2:
        for cut in range(1, len(number)):
            a, b = number[:cut], number[cut:]
            if b.startswith("0"):
                continue
            old_first.append(Reading("number", int(b), b, a))
            new_first.append(Reading("number", int(a), a, b))
    return old_first, new_first


class Outline:
    """Builds the clause tree of one section, line by line."""

    def __init__(self, style: str | None = None, last: int = 0) -> None:
        """``style`` and ``last`` continue a list from before (a report's
        paragraphs are numbered across its sections)."""
        self.roots: list[Node] = []
        self.levels: list[Level] = [Level(style, last, self.roots)]
        self.last: Node | None = None

    @property
    def depth(self) -> int:
        """How deep the last labelled clause is: 1 at the top."""
        return len(self.levels)

    def continuation(self) -> Outline:
        """A new outline whose top-level list goes on from this one's."""
        top = self.levels[0]
        return Outline(top.style, top.last)

    def add_unlabelled(self, text: str, line: int) -> None:
        """A paragraph without a label continues the clause before it."""
        node = Node(text, line)
        (self.last.children if self.last else self.roots).append(node)

    def add_labelled(self, match: re.Match[str], text: str, line: int) -> str | None:
        """Place a labelled clause; return a warning if its label is out of sequence."""
        if match["bullet"] or match["dash"]:
            style = "bullet" if match["bullet"] else "dash"
            self.place(Reading(style, 0, match["label"]), text, line)
            return None
        if dotted := match["dotted"]:
            self.place_dotted(dotted, text, line)
            return None
        if match["letters_bis"] or match["number_bis"]:
            return self.place_inserted(match, text, line)
        if self.opens_sublist(match):
            reading = next(r for r in whole_readings(match) if r.value == 1)
            self.nest(Node(text, line, reading.label, None, reading.style), reading.style, 1)
            return None
        reading, warning = self.choose(match)
        self.place(reading, text, line)
        if warning and self.last:
            self.last.out_of_sequence = True
        return warning

    def place_inserted(self, match: re.Match[str], text: str, line: int) -> str | None:
        """``a)bis``, ``1bis``: a clause inserted after ``a)`` without renumbering the
        rest, in the same list, whose sequence it leaves where it was (``b)`` follows)."""
        whole = whole_readings(match)
        found = self.continuing(whole, accept_same=True)
        reading = found or whole[0]
        inserted = Reading(reading.style, reading.value, match["label"])
        warning = None if found else self.sequence_warning(match["label"], inserted)
        self.place(inserted, text, line)  # its list's last value stays a)'s
        if warning and self.last:
            self.last.out_of_sequence = True
        return warning

    def opens_sublist(self, match: re.Match[str]) -> bool:
        """A first label (a, i, 1) after a clause ending in a colon nests under it."""
        ends_with_colon = self.last is not None and self.last.text.endswith(COLON_END)
        return ends_with_colon and any(r.value == 1 for r in whole_readings(match))

    def choose(self, match: re.Match[str]) -> tuple[Reading, str | None]:
        whole = whole_readings(match)
        if found := self.continuing(whole, accept_same=False):
            return found, None
        old_first, new_first = split_readings(match)  # only if the label as written fits nowhere
        for candidates, accept_same in ((old_first, True), (new_first, False)):
            if found := self.continuing(candidates, accept_same):
                return found, None
        for reading in whole:
            if reading.value == 1 and self.levels[0].style in (None, reading.style):
                return reading, None
        fallback = (whole or old_first)[0]
        return fallback, self.sequence_warning(match["label"], fallback)

    def continuing(self, candidates: list[Reading], accept_same: bool) -> Reading | None:
        """The first reading that continues an open list, innermost list first."""
        for level in reversed(self.levels):
            for reading in candidates:
                if reading.style != level.style:
                    continue
                if reading.value == level.last + 1 or (accept_same and reading.value == level.last):
                    return reading
        return None

    def sequence_warning(self, raw: str, reading: Reading) -> str:
        before = next((lv for lv in reversed(self.levels) if lv.style == reading.style), None)
        after = f" after {before.siblings[-1].label!r}" if before and before.siblings else ""
        return f"label {raw!r} does not continue its list{after}; read as {reading.label!r}"

    def place(self, reading: Reading, text: str, line: int) -> None:
        node = Node(text, line, reading.label, reading.old_label, reading.style)
        self.attach(node, reading.style, reading.value)

    def attach(self, node: Node, style: str, value: int) -> None:
        """Add ``node`` to the innermost open list of its style, or open one."""
        for depth in range(len(self.levels) - 1, -1, -1):
            level = self.levels[depth]
            if level.style is None and all(node.label is None for node in level.siblings):
                level.style = style
            if level.style == style:
                del self.levels[depth + 1 :]
                break
        else:
            self.nest(node, style, value)
            return
        level.siblings.append(node)
        level.last = value
        self.last = node

    def nest(self, node: Node, style: str, value: int) -> None:
        """Open a new list under the last clause (or at the top) with ``node``."""
        owner = self.last.children if self.last else self.roots
        self.levels.append(Level(style, value, owner))
        owner.append(node)
        self.last = node

    def place_dotted(self, label: str, text: str, line: int) -> None:
        """``2.4`` goes under paragraph ``2`` where there is one."""
        head = label.split(".")[0]
        parent = next((n for n in reversed(self.roots) if n.label == head), None)
        node = Node(text, line, label, None, "dotted")
        if parent is None:
            self.attach(node, "dotted", 0)
            return
        del self.levels[1:]
        siblings = parent.children
        self.levels.append(Level("dotted", 0, siblings))
        siblings.append(node)
        self.last = node


def parse_label(line: str) -> re.Match[str] | None:
    return LABELLED_LINE.match(line)
