"""The minutes on screen: Textual's Markdown, with tables that stay readable when narrow.

Textual lays a Markdown table out as a grid whose columns shrink to fit: at
80×24 the appraisal table of the minutes became "Resultaatger… │ voldoe… │
Toelich…" with its explanations one word per line. Here a table that does not
fit its width shows as a list instead, one entry per row: the first cell in
bold, then each other cell under it as "heading: value". Wide enough, it is
the grid as before. Only the view changes: the minutes' Markdown (the record
that is exported and fingerprinted) stays as it is.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownParagraph, MarkdownTable, MarkdownTableContent

from gespreks_tui.tui.format import unbroken
from gespreks_tui.tui.widgets.fitted import FittedMixin, Run, content_words, fit

LEAST_LAST_COLUMN = 30  # cells: below this the last column (an explanation) wraps per word
CELL_EXTRA = 3  # each column's padding (1 + 1) and the line between columns
LEAST_HANGING = 20  # cells: with less room beside "Toelichting: " the text goes under it


class FittedTable(MarkdownTable):
    """A Markdown table as a grid when its columns fit, else as a list."""

    DEFAULT_CSS = """
    FittedTable > .table-as-list {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        headers, rows = self._get_headers_and_rows()
        self._headers, self._rows = headers, rows
        yield MarkdownTableContent(headers, rows)
        listed = TableList(headers, rows, classes="table-as-list")
        listed.display = False
        yield listed

    def needed_width(self) -> int:
        """The width at which every column but the last shows whole, the last usable."""
        columns = list(zip(self._headers, *self._rows, strict=False))
        if not columns:
            return 0
        widths = [max(cell.cell_length for cell in column) for column in columns]
        return (sum(widths[:-1]) + min(widths[-1], LEAST_LAST_COLUMN)
                + CELL_EXTRA * len(widths) + 1)

    def on_resize(self, event: events.Resize) -> None:
        self.fit(event.size.width)

    def fit(self, width: int) -> None:
        narrow = width < self.needed_width()
        for grid in self.query(MarkdownTableContent):
            grid.display = not narrow
        for listed in self.query(".table-as-list"):
            listed.display = narrow

    async def _update_from_block(self, block) -> None:
        # Textual's own update appends rows to the grid only; the list would go stale.
        await self.remove()
        await self._markdown.mount(block)


def pieces_of(cell: Content) -> tuple[Content, ...]:
    """A cell's words, a date or "60 minuten" kept as one (``format.unbroken``)."""
    return content_words(Content(unbroken(cell.plain), spans=list(cell.spans)))


def as_list(headers: list[Content], rows: list[list[Content]], width: int) -> list[Run]:
    """The rows as a list: the first cell bold, the others as "heading: value", a
    value's further lines under its first word (walk26: "Toelichting: Sterke
    vakkennis," went on left of its label), or under the heading when that leaves
    less than ``LEAST_HANGING`` cells."""
    runs: list[Run] = []
    for row in rows:
        if runs:
            runs.append(Run(()))  # an empty line between entries
        if row:
            runs.append(Run(pieces_of(row[0].stylize("bold")), fold=True))
        for heading, cell in zip(headers[1:], row[1:], strict=False):
            if cell.plain.strip():
                label = Content.assemble(heading, ":")
                hang = 2 + label.cell_length + 1
                if width - hang < LEAST_HANGING:
                    hang = 2
                runs.append(Run((label, *pieces_of(cell)), indent=2, hang=hang, fold=True))
    return runs


class TableList(FittedMixin, Widget):
    """A table's rows as a list (``as_list``), laid out for the width it has."""

    DEFAULT_CSS = """
    TableList {
        height: auto;
    }
    """

    def __init__(self, headers: list[Content], rows: list[list[Content]], **kwargs) -> None:
        super().__init__(**kwargs)
        self._table = (headers, rows)

    def fitted(self, width: int) -> list[Content]:
        return fit(as_list(*self._table, width), width)


class UnbrokenParagraph(MarkdownParagraph):
    """A paragraph (or list item) with each date, time and "60 minuten" kept on one line:
    "Datum: 2 december 2026, begin 16:27 uur" split as "16:27 / uur" (walk25 F9, F10).

    Textual turns every run of spaces of the text into " " (a no-break space too), so
    the spaces are made no-break in the content it built; one character for another,
    so its styles stay where they were. Only what is shown changes, not the source.
    """

    def _token_to_content(self, token) -> Content:
        content = super()._token_to_content(token)
        return Content(unbroken(content.plain), spans=list(content.spans))


class MinutesMarkdown(Markdown):
    """Markdown whose tables fit the width (``FittedTable``), and whose headings wrap.

    Textual sizes an H3 to its text (``width: auto``): at 80 columns a goal's heading
    ("1. Het klantportaal wordt vóór de zomer … (resultaatdoel)") ran off the screen.
    """

    BLOCKS = {**Markdown.BLOCKS, "table_open": FittedTable, "paragraph_open": UnbrokenParagraph}

    DEFAULT_CSS = """
    MinutesMarkdown MarkdownH3 {
        width: 1fr;
    }
    """
