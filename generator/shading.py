"""Counts → shades: the cells of a count table (the matrix) shaded by how many entries
they hold, and the legend that reads the shades.

Shades step where counts double (1, 2, 3–4, 5–8, 9–16, 17 and more), so that a table
of a few entries and one of thousands both read at a glance, and a shade stands for
the same counts in every table. The colours are in ``theme/assets/matrix.css``
(``.shade-1`` … ``.shade-6``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sized
from typing import Any

STEPS = (1, 2, 3, 5, 9, 17)  # the smallest count of each shade


def shade(count: int) -> int:
    """The shade of a cell of ``count`` entries: 1 to 6; 0 for an empty cell."""
    return bisect_right(STEPS, count)


def legend(rows: Iterable[Mapping[Any, Sized]]) -> list[tuple[int, str]]:
    """(shade, the counts it stands for) of each shade up to the table's largest
    cell: ``[(1, "1"), (2, "2"), (3, "3–4"), (4, "5–8"), (5, "9")]`` for a table whose
    largest cell holds 9 entries. ``rows``: each row's cells, as lists of entries."""
    top = max((len(cell) for row in rows for cell in row.values()), default=0)
    shades = []
    for level, low in enumerate(STEPS, start=1):
        if low > top:
            break
        high = min(STEPS[level] - 1 if level < len(STEPS) else top, top)
        shades.append((level, str(low) if high == low else f"{low}–{high}"))
    return shades
