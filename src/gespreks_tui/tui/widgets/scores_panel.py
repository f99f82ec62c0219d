"""Appraisal scores: each criterion on a four-point scale with a comment, plus an overall judgment.

Shown in the notes area during the appraisal's scoring phase. Every change
posts ``ScoresPanel.Changed``; the meeting screen stores it through the saver.

Each criterion takes two rows: its name and the four scores, then its comment
across the whole width (at 80×24 a comment beside the scores had 5 cells).
The chosen score reads without colour: ● instead of ○, in bold.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, RadioButton, RadioSet

from gespreks_tui.catalogue import t
from gespreks_tui.model import SCORE_KEYS, Score
from gespreks_tui.tui.format import name_of

OVERALL = -1  # the position used for the overall judgment


class ScoreButton(RadioButton):
    """A score that reads without colour: ● and bold when chosen, ○ when not."""

    DEFAULT_CSS = """
    ScoreButton.-on {
        text-style: bold;
    }
    """

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble(("●" if self.value else "○", style))


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
        height: auto;
        margin: 0 1 0 1;
    }
    ScoresPanel .score-line {
        height: 1;
    }
    ScoresPanel .score-line .criterion {
        width: 1fr;
        min-width: 12;
    }
    ScoresPanel .score-line RadioButton {
        width: auto;
    }
    ScoresPanel .score-line RadioSet {
        width: auto;
        layout: horizontal;
        border: none;
        padding: 0;
    }
    ScoresPanel .score-row Input {
        width: 1fr;
        margin: 0 0 0 2;
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
            with Vertical(classes="score-row"):
                with Horizontal(classes="score-line"):
                    yield Label(name, classes="criterion", markup=False)
                    with RadioSet(compact=True, disabled=self.read_only, name=str(position)):
                        for value, key in SCORE_KEYS.items():
                            yield ScoreButton(str(value), value=score == value,
                                              name=str(value), tooltip=t(f"scores.{key}"))
                yield Input(comment, placeholder=t("scores.comment"), compact=True,
                            disabled=self.read_only, name=str(position))

    @staticmethod
    def _row_of(widget: Widget) -> Widget | None:
        return next((a for a in widget.ancestors
                     if isinstance(a, Widget) and a.has_class("score-row")), None)

    def _row_values(self, row: Widget) -> tuple[int, int | None, str]:
        radio = row.query_one(RadioSet)
        pressed = radio.pressed_button
        return (int(name_of(radio)), int(name_of(pressed)) if pressed else None,
                row.query_one(Input).value)

    def _post(self, row: Widget) -> None:
        position, score, comment = self._row_values(row)
        name = self.criteria[position] if position != OVERALL else ""
        self.post_message(self.Changed(position, name, score, comment))

    @on(RadioSet.Changed)
    def _score_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if row := self._row_of(event.radio_set):
            self._post(row)

    @on(Input.Changed)
    def _comment_changed(self, event: Input.Changed) -> None:
        event.stop()
        if row := self._row_of(event.input):
            self._post(row)
