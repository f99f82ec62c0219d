"""Appraisal scores: each criterion on a four-point scale with a comment, plus an overall judgment.

Shown in the notes area during the appraisal's scoring phase. Every change
posts ``ScoresPanel.Changed``; the meeting screen stores it through the saver.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label, RadioButton, RadioSet

from gespreks_tui.catalogue import t
from gespreks_tui.model import SCORE_KEYS, Score
from gespreks_tui.tui.format import name_of

OVERALL = -1  # the position used for the overall judgment


class ScoresPanel(VerticalScroll):
    DEFAULT_CSS = """
    ScoresPanel {
        height: auto;
        max-height: 45vh;
        border-top: solid $primary;
    }
    ScoresPanel .score-legend {
        width: 100%;
        color: $text-muted;
        padding: 0 1;
    }
    ScoresPanel .score-row {
        height: 1;
        margin: 0 1 0 1;
    }
    ScoresPanel .score-row .criterion {
        width: 24;
    }
    ScoresPanel .score-row RadioButton {
        width: auto;
    }
    ScoresPanel .score-row RadioSet {
        width: auto;
        layout: horizontal;
        border: none;
        padding: 0;
    }
    ScoresPanel .score-row Input {
        width: 1fr;
        min-width: 8;
        margin: 0 0 0 1;
    }
    """

    @dataclass
    class Changed(Message):
        position: int  # OVERALL for the overall judgment
        criterion: str
        score: int | None
        comment: str

    def __init__(self, criteria: tuple[str, ...], scores: list[Score],
                 overall: tuple[int | None, str], read_only: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.criteria = criteria
        self.given = {s.position: s for s in scores}
        self.overall = overall
        self.read_only = read_only
        self.phase_position = -1

    def compose(self) -> ComposeResult:
        yield Label(t("scores.title"), classes="pane-title")
        yield Label(t("scores.legend", **{key: t(f"scores.{key}") for key in SCORE_KEYS.values()}),
                    classes="score-legend")
        rows = [(i, name) for i, name in enumerate(self.criteria)]
        rows.append((OVERALL, t("scores.overall")))
        for position, name in rows:
            if position == OVERALL:
                score, comment = self.overall
            else:
                given = self.given.get(position)
                score, comment = (given.score, given.comment) if given else (None, "")
            with Horizontal(classes="score-row"):
                yield Label(name, classes="criterion")
                with RadioSet(compact=True, disabled=self.read_only, name=str(position)):
                    for value, key in SCORE_KEYS.items():
                        yield RadioButton(str(value), value=score == value, name=str(value),
                                          tooltip=t(f"scores.{key}"))
                yield Input(comment, placeholder=t("scores.comment"), compact=True,
                            disabled=self.read_only, name=str(position))

    def _row_values(self, row: Horizontal) -> tuple[int, int | None, str]:
        radio = row.query_one(RadioSet)
        pressed = radio.pressed_button
        return (int(name_of(radio)), int(name_of(pressed)) if pressed else None,
                row.query_one(Input).value)

    def _post(self, row: Horizontal) -> None:
        position, score, comment = self._row_values(row)
        name = self.criteria[position] if position != OVERALL else ""
        self.post_message(self.Changed(position, name, score, comment))

    @on(RadioSet.Changed)
    def _score_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if isinstance(event.radio_set.parent, Horizontal):
            self._post(event.radio_set.parent)

    @on(Input.Changed)
    def _comment_changed(self, event: Input.Changed) -> None:
        event.stop()
        if isinstance(event.input.parent, Horizontal):
            self._post(event.input.parent)
