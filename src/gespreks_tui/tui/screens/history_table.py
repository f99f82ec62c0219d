"""The history screen's "agreements over time": a table that fits its width.

With room (``FULL_WIDTH`` cells) every fact has a column: made, agreement, who,
due, status, follow-up. Narrower (80 columns, where the table gets some 45
cells) it has two: the agreement with the date it was made above it, and its
state: who and due date, status, and each follow-up on a line of its own. In
both, the agreement's text wraps at its words (the row grows), a date is never
split, and no column runs past the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gespreks_tui.catalogue import t

if TYPE_CHECKING:
    from textual.widgets import DataTable

FULL_WIDTH = 110  # cells of table from which each fact has its own column
DATE = 11  # "14 jan 2026"
PADDING = 2  # a DataTable cell's padding, left and right
STATE = 20  # "uiterlijk 31 mrt 2027": the narrow table's second column at least


@dataclass(frozen=True)
class AgreementRow:
    made: str  # the date of the conversation it was made in
    text: str
    owner: str
    due: str  # a date, or "-"
    status: str
    outcomes: tuple[str, ...]  # "date: outcome", oldest first


def fill_table(table: DataTable, rows: list[AgreementRow], width: int) -> None:
    """Columns and rows for a table ``width`` cells wide (cleared first)."""
    from rich.text import Text  # a plain cell: DataTable reads a str as markup

    table.clear(columns=True)
    if width >= FULL_WIDTH:
        owner = max([len(t("history.col_owner")), *(len(r.owner) for r in rows)])
        status = max([len(t("history.col_status")), *(len(r.status) for r in rows)])
        outcomes = max([len(t("history.col_outcomes")), DATE,
                        *(len(o) for r in rows for o in r.outcomes)])
        outcomes = min(outcomes, 26)
        fixed = DATE + owner + DATE + status + outcomes + 6 * PADDING
        table.add_column(t("history.col_made"), width=DATE)
        table.add_column(t("history.col_agreement"), width=max(20, width - fixed - 1))
        table.add_column(t("history.col_owner"), width=owner)
        table.add_column(t("history.col_due"), width=DATE)
        table.add_column(t("history.col_status"), width=status)
        table.add_column(t("history.col_outcomes"), width=outcomes)
        for r in rows:
            table.add_row(r.made, Text(r.text), Text(r.owner), r.due, Text(r.status),
                          Text("\n".join(r.outcomes) or "-"), height=None)
        return
    state = max(STATE, min(26, width // 3))
    table.add_column(t("history.col_agreement"), width=max(10, width - state - 2 * PADDING - 1))
    table.add_column(t("history.col_state"), width=state)
    for r in rows:
        lines = [r.owner, t("history.state_due", due=r.due) if r.due != "-" else "", r.status,
                 *r.outcomes]
        table.add_row(Text(f"{r.made}\n{r.text}"), Text("\n".join(x for x in lines if x)),
                      height=None)
