"""The goals on the command line in 80 columns: ``gespreks goals``' table and ``show``'s
goal lines.

A goal's title is the longest text, so the table gives it lines of its own:
each goal is a row of facts (number, employee, kind, progress, steps, period,
conversation) and under it, indented, its title wrapped at words. When the
facts are wider than the width, their text columns (employee, kind, progress)
wrap at words inside their column, widest first, never narrower than their
longest word; numbers never break, and the period (dates) breaks after its
".." only as the last resort. ``show``'s goal
lines wrap at words under their own indent.
"""

from __future__ import annotations

import textwrap

WIDTH = 80  # what every list command fits
GAP = "  "
TITLE_INDENT = "    "
SPLIT = ".."  # a period (FROM..TO) may break after this, when nothing else helps


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]


def _split(cell: str, width: int) -> list[str]:
    """A period wider than its column: "2026-01-01.." over "2026-12-31"."""
    if len(cell) <= width or SPLIT not in cell:
        return [cell]
    first, _, last = cell.partition(SPLIT)
    return [first + SPLIT, last] if last else [first + SPLIT]


def _widths(rows: list[list[str]], wrappable: set[int], split: int | None,
            width: int) -> list[int]:
    count = len(rows[0])
    widths = [max(len(row[i]) for row in rows) for i in range(count)]
    least = {i: max((len(word) for row in rows for word in row[i].split()), default=1)
             for i in wrappable}

    def too_wide() -> bool:
        return sum(widths) + len(GAP) * (count - 1) > width

    while too_wide():
        narrowable = [i for i in wrappable if widths[i] > least[i]]
        if not narrowable:
            break
        widest = max(narrowable, key=lambda i: (widths[i], i))
        widths[widest] -= 1
    if too_wide() and split is not None:  # the last resort: the period on two lines
        widths[split] = max(len(part) for row in rows for part in _split(row[split], 0))
    return widths


def titled_table(rows: list[list[str]], wrappable: set[int], split: int | None = None,
                 width: int = WIDTH) -> list[str]:
    """``rows`` (the first is the header): all columns but the last as aligned facts
    within ``width`` (the ``wrappable`` ones wrap at words), the last column (the
    title) on lines of its own under them, indented. The first column is
    right-aligned (a number); column ``split`` (the period) breaks after ".." only
    when the rest cannot make room."""
    facts = [row[:-1] for row in rows]
    widths = _widths(facts, wrappable, split, width)
    lines = []
    for n, row in enumerate(facts):
        cells = [_wrap(cell, widths[i]) if i in wrappable
                 else _split(cell, widths[i]) if i == split else [cell]
                 for i, cell in enumerate(row)]
        for line in range(max(len(c) for c in cells)):
            parts = [(c[line] if line < len(c) else "") for c in cells]
            lines.append(GAP.join(part.rjust(widths[0]) if i == 0 else part.ljust(widths[i])
                                  for i, part in enumerate(parts)).rstrip())
        title = rows[n][-1]
        lines += textwrap.wrap(title, width, initial_indent=TITLE_INDENT,
                               subsequent_indent=TITLE_INDENT, break_on_hyphens=False)
    return lines


def wrapped(line: str, indent: int, width: int = WIDTH) -> list[str]:
    """One of ``show``'s lines wrapped at words, the lines after the first indented by
    ``indent`` beyond its own leading spaces."""
    lead = len(line) - len(line.lstrip(" "))
    return textwrap.wrap(line.lstrip(" "), width, initial_indent=" " * lead,
                         subsequent_indent=" " * (lead + indent),
                         break_on_hyphens=False) or [line]
