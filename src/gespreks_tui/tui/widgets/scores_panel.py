"""Appraisal scores: each criterion on the conversation's own scale, with a comment.

Shown in the notes area during the appraisal's scoring phase. Every change
posts ``ScoresPanel.Changed``; the meeting screen stores it through the saver.

The scale is the one the conversation stored when it started (3 to 5 points,
the organisation's labels; ``appraisal_scale``), so an appraisal reads the
same after its template changed. Each criterion takes two rows: its name, the
points 1..N and the chosen label in words, then its comment across the whole
width (at 80×24 a comment beside the scores had 5 cells). The chosen score
reads without colour: ● instead of ○, in bold, and its label in words. While
a criterion's row has the focus, its behavioural indicators (from the
template) show under its name (a class, not ``:focus-within``, which Textual
restyles only for the focused widget's side), and a bar left of the row marks
it (a shape, so it shows without colour too); a digit 1..N picks that point
when the points have the focus, and 0 (or Delete, Backspace) clears it; space
alone chooses nothing (``score_widgets``). The panel itself takes no focus: Tab goes
straight to a criterion's points, then its comment (a stop where a digit did
nothing and nothing showed the focus only lost the keystroke). The overall
judgment is asked when the scale says so.

The chosen label's column is as wide as the scale's longest label plus its
padding ("onvoldoende" whole, never "onvoldoend"). A comment field that loses
the focus shows its start again, not the tail it was scrolled to while typing,
shortened after a whole word with "…" when it is longer than the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, RadioSet

from gespreks_tui.appraisal_scale import Scale, legacy_scale
from gespreks_tui.catalogue import t
from gespreks_tui.tui.format import NO_BREAK, name_of
from gespreks_tui.tui.widgets.score_widgets import (
    CommentInput,
    CriterionName,
    ScoreButton,
    ScoreSet,
)

if TYPE_CHECKING:  # the record's data: not imported on the way to a meeting (issue 19)
    from gespreks_tui.model_records import Score

__all__ = ["OVERALL", "CommentInput", "ScoreButton", "ScoreSet", "ScoresPanel"]

OVERALL = -1  # the position used for the overall judgment
SHORT_TERMINAL = 30  # rows; below this the panel may take more of the height
LABEL_PADDING = 1  # the chosen label's padding-left (``.chosen``), inside its width


class ScoresPanel(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    ScoresPanel {
        height: auto;
        max-height: 45vh;
        border-top: solid $primary;
    }
    ScoresPanel.-short {
        max-height: 62vh;
    }
    ScoresPanel .score-legend {
        width: 100%;
        color: $text-muted;
        padding: 0 1;
    }
    ScoresPanel .score-row {
        height: auto;
        margin: 0 1 0 0;
        border-left: blank;
    }
    ScoresPanel .score-row.-current {
        border-left: outer $accent;
    }
    ScoresPanel .score-line {
        height: auto;
    }
    ScoresPanel .score-line .criterion {
        width: 1fr;
        min-width: 12;
        height: auto;
    }
    ScoresPanel .score-line .chosen {
        width: auto;
        min-width: 4;
        padding: 0 0 0 1;
        text-style: bold;
    }
    ScoresPanel .score-line RadioButton {
        width: auto;
    }
    ScoresPanel .score-indicators {
        display: none;
        width: 100%;
        color: $text-muted;
        padding: 0 0 0 2;
    }
    ScoresPanel .score-row.-current .score-indicators {
        display: block;
    }
    """

    @dataclass
    class Changed(Message):
        position: int  # OVERALL for the overall judgment
        criterion: str
        score: int | None
        comment: str

    def __init__(self, criteria: tuple[str, ...], scores: list[Score],
                 overall: tuple[int | None, str], read_only: bool = False, *,
                 scale: Scale | None = None,
                 indicators: tuple[tuple[str, ...], ...] | None = None, **kwargs) -> None:
        """``scale``/``indicators`` default to the meeting's (see ``_meeting_defaults``)."""
        super().__init__(**kwargs)
        self.criteria = criteria
        self.given = {s.position: s for s in scores}
        self.overall = overall
        self.read_only = read_only
        self.scale = scale
        self.indicators = indicators
        self.phase_position = -1
        self._posted: dict[int, tuple[int | None, str]] = {}  # as stored, per row

    def _meeting_defaults(self) -> tuple[Scale, tuple[tuple[str, ...], ...]]:
        """The scale and indicators given, else those of the meeting on this screen.

        The meeting screen builds the panel from a stored phase; its conversation
        carries the stored scale and each phase its indicators. Without either
        (a conversation stored before scales were): the legacy four-point scale.
        """
        scale, indicators = self.scale, self.indicators
        conversation = getattr(getattr(self.screen, "meeting", None), "conversation", None)
        if scale is None:
            scale = getattr(conversation, "scale", None) or legacy_scale(
                getattr(conversation, "language", None) or "nl")
        if indicators is None:
            phases = getattr(conversation, "phases", ())
            indicators = (phases[self.phase_position].indicators
                          if 0 <= self.phase_position < len(phases) else ())
        return scale, indicators

    def on_mount(self) -> None:
        # On a short terminal (80×24) the focused criterion's points, indicators and
        # comment would not fit in 45%: while scoring, the notes below make room.
        self.set_class(self.app.size.height < SHORT_TERMINAL, "-short")

    def on_resize(self, event: events.Resize) -> None:
        """After a terminal resize the focused row stays in sight (walk25 F13: at
        80x24 the overall judgment's comment had been scrolled below the fold)."""
        self.set_class(self.app.size.height < SHORT_TERMINAL, "-short")
        focused = self.app.focused
        if focused is not None and self in focused.ancestors:
            self.call_after_refresh(self._show_focused, focused)

    def _show_focused(self, focused: Widget) -> None:
        if focused is not self.app.focused:
            return
        row = self._row_of(focused)
        if row is not None:  # its name and points too, when they fit
            self.scroll_to_widget(row, animate=False, immediate=True)
        self.scroll_to_widget(focused, animate=False, immediate=True)

    def compose(self) -> ComposeResult:
        self.scale, self.indicators = scale, indicators = self._meeting_defaults()
        yield Label(t("scores.title"), classes="pane-title")
        # a point and its label on one line: "4 good", never "4" / "good" (walk25 F25)
        legend = " · ".join(f"{n}{NO_BREAK}{label}" for n, label in enumerate(scale.labels, 1))
        yield Label(t("scale.legend", legend=legend), classes="score-legend", markup=False)
        rows = [(i, name) for i, name in enumerate(self.criteria)]
        if scale.overall or self.overall[0] is not None or self.overall[1]:
            rows.append((OVERALL, t("scores.overall")))
        for position, name in rows:
            if position == OVERALL:
                score, comment = self.overall
            else:
                given = self.given.get(position)
                score, comment = (given.score, given.comment) if given else (None, "")
            self._posted[position] = (score, comment)
            with Vertical(classes="score-row"):
                with Horizontal(classes="score-line"):
                    yield CriterionName(name, classes="criterion")
                    with ScoreSet(compact=True, disabled=self.read_only, name=str(position)):
                        for value in scale.values:
                            yield ScoreButton(str(value), value=score == value,
                                              name=str(value), tooltip=scale.label(value))
                    chosen = Label(self._chosen(score), classes="chosen", markup=False)
                    # The longest label and the padding before it: the points line up in
                    # every row, and no label is cut.
                    chosen.styles.width = LABEL_PADDING + max(
                        cell_len(label) for label in (*scale.labels, self._chosen(None)))
                    yield chosen
                found = indicators[position] if 0 <= position < len(indicators) else ()
                if found:
                    yield Label(t("scale.indicators", indicators=" · ".join(found)),
                                classes="score-indicators", markup=False)
                yield CommentInput(comment, placeholder=t("scores.comment"), compact=True,
                                   disabled=self.read_only, name=str(position))

    def focus_first(self) -> None:
        """Focus the points of the first criterion not yet scored (else the first)."""
        sets = list(self.query(ScoreSet))
        if sets:
            next((s for s in sets if s.pressed_button is None), sets[0]).focus()

    def _chosen(self, score: int | None) -> str:
        """The chosen point in words (``–`` before one is chosen)."""
        assert self.scale is not None
        return self.scale.label(score)

    def _highlight(self, row: Widget | None) -> None:
        """Show the indicators of ``row`` only (None: of no row)."""
        for each in self.query(".score-row"):
            each.set_class(each is row, "-current")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._highlight(self._row_of(event.widget))

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        def left() -> None:  # focus went elsewhere than another row of this panel
            focused = self.app.focused
            if focused is None or self not in focused.ancestors:
                self._highlight(None)

        self.call_after_refresh(left)

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
        """Say what changed; nothing when the row reads as stored (an Input announces
        its first value when it is mounted: no write, no "Opgeslagen" for that)."""
        position, score, comment = self._row_values(row)
        if self._posted.get(position) == (score, comment):
            return
        self._posted[position] = (score, comment)
        name = self.criteria[position] if position != OVERALL else ""
        self.post_message(self.Changed(position, name, score, comment))

    @on(RadioSet.Changed)
    @on(ScoreSet.Cleared)
    def _score_changed(self, event: RadioSet.Changed | ScoreSet.Cleared) -> None:
        event.stop()
        if row := self._row_of(event.radio_set):
            row.query_one(".chosen", Label).update(
                self._chosen(self._row_values(row)[1]))
            self._post(row)

    @on(Input.Blurred)
    def _comment_left(self, event: Input.Blurred) -> None:
        """Show the comment's start again (typing scrolled it to its end)."""
        event.input.scroll_to(x=0, animate=False, immediate=True)

    @on(Input.Changed)
    def _comment_changed(self, event: Input.Changed) -> None:
        event.stop()
        if row := self._row_of(event.input):
            self._post(row)
