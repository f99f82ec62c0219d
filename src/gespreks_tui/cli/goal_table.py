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

Everything is measured in terminal cells (``rich.cells.cell_len``), not
characters: a CJK name or an emoji takes two cells, and a table measured with
``len`` came out of line after it. ``aligned_rows`` is the facts part on its
own; ``gespreks list`` uses it too.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells

WIDTH = 80  # what every list command fits
GAP = "  "
TITLE_INDENT = "    "
SPLIT = ".."  # a period (FROM..TO) may break after this, when nothing else helps


def _words(text: str, hyphens: bool) -> list[str]:
    """The words of ``text``; with ``hyphens``, a compound's parts too ("Berghe-",
    "Oudshoorn"), rejoined where they fit."""
    words = text.split()
    if not hyphens:
        return words
    return [part for word in words for part in re.findall(r"[^-]+-?|-", word)]


def cell_wrap(text: str, width: int, first: str = "", rest: str = "",
              hyphens: bool = False) -> list[str]:
    """``text`` wrapped at spaces (and after hyphens, with ``hyphens``) into lines of
    at most ``width`` cells, the first line starting with ``first`` and the others
    with ``rest`` (as ``textwrap.wrap`` with indents, but in cells); a word longer
    than a line is cut into pieces."""
    lines: list[str] = []
    line = first
    empty = True  # nothing but the indent on ``line`` yet
    glued = False  # the previous word ended in a hyphen: the next goes on without a space
    for word in _words(text, hyphens):
        space = "" if glued else " "
        glued = hyphens and word.endswith("-")
        if not empty and cell_len(word) + len(space) <= width - cell_len(line):
            line = f"{line}{space}{word}"
            continue
        if not empty:
            lines.append(line)
            line = rest
        pieces = chop_cells(word, max(1, width - cell_len(line)))
        for piece in pieces[:-1]:
            lines.append(line + piece)
            line = rest
        line, empty = line + pieces[-1], False
    if not empty:
        lines.append(line)
    return lines


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` filled with spaces to ``width`` cells (``right``: aligned right)."""
    fill = " " * max(0, width - cell_len(text))
    return fill + text if right else text + fill


def _wrap(text: str, width: int, hyphens: bool = False) -> list[str]:
    return cell_wrap(text, width, hyphens=hyphens) or [""]


def _split(cell: str, width: int) -> list[str]:
    """A period wider than its column: "2026-01-01.." over "2026-12-31"."""
    if cell_len(cell) <= width or SPLIT not in cell:
        return [cell]
    first, _, last = cell.partition(SPLIT)
    return [first + SPLIT, last] if last else [first + SPLIT]


def _widths(rows: list[list[str]], wrappable: set[int], split: int | None,
            width: int, hyphens: bool = False) -> list[int]:
    count = len(rows[0])
    widths = [max(cell_len(row[i]) for row in rows) for i in range(count)]
    least = {i: max((cell_len(word) for row in rows for word in _words(row[i], hyphens)),
                    default=1)
             for i in wrappable}

    def too_wide() -> bool:
        return sum(widths) + len(GAP) * (count - 1) > width

    if hyphens and too_wide():  # first a header over two lines ("open" over "afspr.")
        for i in wrappable:
            values = max((cell_len(row[i]) for row in rows[1:]), default=0)
            widths[i] = max(values, least[i], min(widths[i], values))

    while too_wide():
        narrowable = [i for i in wrappable if widths[i] > least[i]]
        if not narrowable:
            break
        widest = max(narrowable, key=lambda i: (widths[i], i))
        widths[widest] -= 1
    if too_wide() and split is not None:  # the last resort: the period on two lines
        widths[split] = max(cell_len(part) for row in rows for part in _split(row[split], 0))
    return widths


def aligned_rows(rows: list[list[str]], wrappable: set[int], split: int | None = None,
                 width: int = WIDTH, hyphens: bool = False) -> list[list[str]]:
    """``rows`` as aligned columns within ``width``: the lines of each row (a row whose
    ``wrappable`` cells wrap at words, and with ``hyphens`` after a hyphen, takes more
    than one). The first column is right-aligned (a number); column ``split`` (a
    period) breaks after ".." only when the rest cannot make room."""
    widths = _widths(rows, wrappable, split, width, hyphens)
    out = []
    for row in rows:
        cells = [_wrap(cell, widths[i], hyphens) if i in wrappable
                 else _split(cell, widths[i]) if i == split else [cell]
                 for i, cell in enumerate(row)]
        out.append([GAP.join(pad(c[line] if line < len(c) else "", widths[i], right=i == 0)
                             for i, c in enumerate(cells)).rstrip()
                    for line in range(max(len(c) for c in cells))])
    return out


def titled_table(rows: list[list[str]], wrappable: set[int], split: int | None = None,
                 width: int = WIDTH) -> list[str]:
    """``rows`` (the first is the header): all columns but the last as aligned facts
    within ``width`` (``aligned_rows``), the last column (the title) on lines of its
    own under them, indented."""
    lines = []
    for n, row_lines in enumerate(aligned_rows([row[:-1] for row in rows], wrappable,
                                               split, width)):
        lines += row_lines
        lines += cell_wrap(rows[n][-1], width, TITLE_INDENT, TITLE_INDENT)
    return lines


def wrapped(line: str, indent: int, width: int = WIDTH) -> list[str]:
    """One of ``show``'s lines wrapped at words, the lines after the first indented by
    ``indent`` beyond its own leading spaces."""
    lead = len(line) - len(line.lstrip(" "))
    return cell_wrap(line.lstrip(" "), width, " " * lead, " " * (lead + indent)) or [line]
