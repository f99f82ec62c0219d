"""Appraisal scores: each criterion on the conversation's own scale, with a comment.

Shown in the notes area during the appraisal's scoring phase. Every change
posts ``ScoresPanel.Changed``; the meeting screen stores it through the saver
(the draft screen through its own), so a comment is saved as it is typed.

The scale is the one the conversation stored when it started (3 to 5 points,
the organisation's labels; ``appraisal_scale``), so an appraisal reads the
same after its template changed. Each criterion is a ``ScoreRow``: its name,
the points 1..N and the chosen label in words, then its comment across the
whole width (at 80×24 a comment beside the scores had 5 cells), wrapped at its
words and shown whole (``score_comment``). The chosen score reads without
colour: ● instead of ○, in bold, and its label in words. While a criterion's
row has the focus, its behavioural indicators (from the template) show under
its name (a class, not ``:focus-within``, which Textual restyles only for the
focused widget's side), and a bar left of the row marks it; a digit 1..N picks
that point when the points have the focus, and 0 (or Delete, Backspace) clears
it; space alone chooses nothing (``score_widgets``). The panel itself takes no
focus: Tab goes straight to a criterion's points, then its comment (a stop
where a digit did nothing and nothing showed the focus only lost the
keystroke); Enter in a comment goes on as Tab does. The overall judgment is
asked when the scale says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Label, RadioSet, TextArea

from gespreks_tui.appraisal_scale import Scale, legacy_scale
from gespreks_tui.catalogue import t
from gespreks_tui.tui.format import NO_BREAK
from gespreks_tui.tui.widgets.score_comment import CommentArea
from gespreks_tui.tui.widgets.score_row import ScoreRow
from gespreks_tui.tui.widgets.score_widgets import ScoreButton, ScoreSet

if TYPE_CHECKING:  # the record's data: not imported on the way to a meeting (issue 19)
    from gespreks_tui.model_records import Score

__all__ = ["OVERALL", "CommentArea", "ScoreButton", "ScoreRow", "ScoreSet", "ScoresPanel"]

OVERALL = -1  # the position used for the overall judgment
SHORT_TERMINAL = 30  # rows; below this the panel may take more of the height


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
        if isinstance(focused, CommentArea):  # a long comment: where is typed
            focused.cursor_in_sight()

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
            found = indicators[position] if 0 <= position < len(indicators) else ()
            yield ScoreRow(position, name, score, comment, scale=scale, indicators=found,
                           read_only=self.read_only)

    def focus_first(self) -> None:
        """Focus the points of the first criterion not yet scored (else the first)."""
        sets = list(self.query(ScoreSet))
        if sets:
            next((s for s in sets if s.pressed_button is None), sets[0]).focus()

    def shows_nothing(self) -> bool:
        """Whether no row has a score or a comment."""
        return all(score is None and not comment.strip()
                   for _, score, comment in (r.values() for r in self.query(ScoreRow)))

    def _highlight(self, row: Widget | None) -> None:
        """Show the indicators of ``row`` only (None: of no row)."""
        for each in self.query(ScoreRow):
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
    def _row_of(widget: Widget) -> ScoreRow | None:
        return next((a for a in widget.ancestors if isinstance(a, ScoreRow)), None)

    def _post(self, row: ScoreRow) -> None:
        """Say what changed; nothing when the row reads as stored."""
        position, score, comment = row.values()
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
            row.show_chosen()
            self._post(row)

    @on(TextArea.Changed)
    def _comment_changed(self, event: TextArea.Changed) -> None:
        """Saved as typed: every change of a comment."""
        event.stop()
        if row := self._row_of(event.text_area):
            self._post(row)
