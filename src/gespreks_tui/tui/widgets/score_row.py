"""One row of the scores panel: a criterion (or the overall judgment) with its comment.

The first line holds the criterion's name, the points 1..N and the chosen
label in words; the label's column is as wide as the scale's longest label
plus its padding ("onvoldoende" whole, never "onvoldoend"), so the points line
up in every row. Under it, while the row has the focus (class ``-current``,
set by the panel), the criterion's behavioural indicators; then its comment
across the whole width (``CommentArea``: wrapped at its words, always whole).
A bar left of the current row marks it, a shape that shows without colour.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, RadioSet

from gespreks_tui.appraisal_scale import Scale
from gespreks_tui.catalogue import t
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.widgets.score_comment import CommentArea
from gespreks_tui.tui.widgets.score_widgets import CriterionName, ScoreButton, ScoreSet

LABEL_PADDING = 1  # the chosen label's padding-left (``.chosen``), inside its width


class ScoreRow(Vertical):
    """A criterion's name, points and chosen label; its indicators; its comment."""

    DEFAULT_CSS = """
    ScoreRow {
        height: auto;
        margin: 0 1 0 0;
        border-left: blank;
    }
    ScoreRow.-current {
        border-left: outer $accent;
    }
    ScoreRow .score-line {
        height: auto;
    }
    ScoreRow .score-line .criterion {
        width: 1fr;
        min-width: 12;
        height: auto;
    }
    ScoreRow .score-line .chosen {
        width: auto;
        min-width: 4;
        padding: 0 0 0 1;
        text-style: bold;
    }
    ScoreRow .score-line RadioButton {
        width: auto;
    }
    ScoreRow .score-indicators {
        display: none;
        width: 100%;
        color: $text-muted;
        padding: 0 0 0 2;
    }
    ScoreRow.-current .score-indicators {
        display: block;
    }
    """

    def __init__(self, position: int, name: str, score: int | None, comment: str, *,
                 scale: Scale, indicators: tuple[str, ...], read_only: bool) -> None:
        super().__init__(classes="score-row")
        self.position = position
        self.criterion = name
        self.score = score
        self.comment = comment
        self.scale = scale
        self.indicators = indicators
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        scale, score = self.scale, self.score
        with Horizontal(classes="score-line"):
            yield CriterionName(self.criterion, classes="criterion")
            with ScoreSet(compact=True, disabled=self.read_only, name=str(self.position)):
                for value in scale.values:
                    yield ScoreButton(str(value), value=score == value,
                                      name=str(value), tooltip=scale.label(value))
            chosen = Label(scale.label(score), classes="chosen", markup=False)
            # The longest label and the padding before it: the points line up in
            # every row, and no label is cut.
            chosen.styles.width = LABEL_PADDING + max(
                cell_len(label) for label in (*scale.labels, scale.label(None)))
            yield chosen
        if self.indicators:
            yield Label(t("scale.indicators", indicators=" · ".join(self.indicators)),
                        classes="score-indicators", markup=False)
        yield CommentArea(self.comment, placeholder=t("scores.comment"),
                          disabled=self.read_only, name=str(self.position))

    def values(self) -> tuple[int, int | None, str]:
        """(position, score or None, comment) as the row shows them now."""
        pressed = self.query_one(RadioSet).pressed_button
        return (self.position, int(name_of(pressed)) if pressed else None,
                self.query_one(CommentArea).text)

    def show_chosen(self) -> None:
        """The chosen label in words (``–`` before one is chosen)."""
        self.query_one(".chosen", Label).update(self.scale.label(self.values()[1]))
