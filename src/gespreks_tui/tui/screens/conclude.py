"""Concluding a meeting: the next evaluation date, then a short summary.

Both are ``BaseDialog``s: the key line under them shows their own keys, not
the meeting's, which do nothing while a dialog is open.

The dialog also lists what is still open (``meeting.checklist``): agreements
without an owner or a date, earlier agreements not yet followed up, criteria
without a score, no overall judgment, goals without steps. Hints, not
blockers: a conversation may end with them, the manager just sees them once.
The summary counts the agreements and, in a conversation with goals, the goals.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Static

from gespreks_tui.agenda import clock_text
from gespreks_tui.agendas import NEXT_EVALUATION_MONTHS
from gespreks_tui.appraisal_procedure import worded
from gespreks_tui.catalogue import language, t
from gespreks_tui.dates import add_months
from gespreks_tui.model import Conversation
from gespreks_tui.tui.format import date_feedback, day_text
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys


class ConcludeScreen(BaseDialog[date | None]):
    """Ask for the next evaluation date; dismiss with it, or None to go back."""

    BINDINGS = dialog_keys("conclude", save_label="conclude.confirm_button")
    FRAME_ID, FIRST_FOCUS, MESSAGE_ID = "conclude-dialog", "#next-evaluation", None

    def __init__(self, conversation: Conversation, today: date,
                 open_items: list[str] | None = None) -> None:
        """``open_items``: the checklist to show (``meeting.checklist``; None: none was
        worked out)."""
        super().__init__()
        self.conversation = conversation
        self.today = today
        self.open_items = open_items

    def offered(self) -> str:
        """The date offered: the one stored at an earlier conclusion (a reopened
        conversation keeps its choices), else the suggestion for its kind."""
        stored = self.conversation.next_evaluation
        if stored:
            return stored
        months = NEXT_EVALUATION_MONTHS[self.conversation.kind]
        return add_months(self.today, months).isoformat()

    def heading(self) -> str:
        return t("conclude.title")

    def compose_body(self) -> ComposeResult:
        months = NEXT_EVALUATION_MONTHS[self.conversation.kind]
        stored = self.conversation.next_evaluation
        yield Label(t("conclude.explain_stored", date=self._day(stored)) if stored
                    else t("conclude.explain", months=months))
        yield Input(self.offered(), id="next-evaluation", compact=True)
        yield Label("", id="next-message", classes="field-message")
        if self.open_items:
            # "geen bezwaar" (no obstacle) would read as the objection in a beoordeling
            yield Label(t(worded("conclude.checklist", self.conversation.kind)),
                        id="conclude-checklist-title")
            yield Static("\n".join(f"• {line}" for line in self.open_items),
                         id="conclude-open", markup=False)
        elif self.open_items is not None:
            yield Label(t("conclude.nothing_open"), id="conclude-open")
        yield from self.save_cancel(t("conclude.confirm_button"))

    @staticmethod
    def _day(stored: str) -> str:
        try:
            return day_text(stored, language())
        except ValueError:  # not an ISO date (an old or hand-edited row): as stored
            return stored

    def on_mount(self) -> None:
        super().on_mount()
        self._check(self.query_one("#next-evaluation", Input).value)

    def _check(self, value: str) -> date | None:
        ok, parsed, text = date_feedback(value, self.today, language())
        if parsed is None:  # the next evaluation date may not stay empty
            ok, text = False, t("agreement.bad_due")
        message = self.query_one("#next-message", Label)
        message.update(text)
        message.set_class(not ok, "error")
        return parsed if ok else None

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._check(event.value)

    @on(Input.Submitted)
    def action_save(self) -> None:
        parsed = self._check(self.query_one("#next-evaluation", Input).value)
        if parsed is not None:
            self.dismiss(parsed)


class SummaryScreen(BaseDialog[str | None]):
    """Time per phase against plan and the number of agreements; dismiss with
    "minutes" (show the minutes) or None."""

    BINDINGS = dialog_keys("summary", cancel=("close", "key.close"),
                           save_label="summary.minutes_button")
    FRAME_ID, FIRST_FOCUS = "summary", "#minutes"

    def __init__(self, conversation: Conversation, agreements: int,
                 goals: tuple[int, int, int] | None = None) -> None:
        """``goals``: (set in this conversation, earlier ones discussed, earlier ones);
        None: the conversation has no goals."""
        super().__init__()
        self.conversation = conversation
        self.agreements = agreements
        self.goals = goals

    def heading(self) -> str:
        return t("summary.title")

    def compose_body(self) -> ComposeResult:
        c = self.conversation
        rows = [t("summary.row", name=p.name, used=clock_text(p.used_seconds),
                  planned=clock_text(p.planned_seconds)) for p in c.phases]
        used = sum(p.used_seconds for p in c.phases)
        rows.append(t("summary.total", used=clock_text(used),
                      planned=clock_text(c.planned_seconds)))
        yield Static("\n".join(rows), id="summary-rows", markup=False)
        yield Label(t("summary.agreement_count", n=self.agreements))
        if self.goals is not None:
            new, discussed, earlier = self.goals
            yield Label(t("summary.goal_count", new=new, discussed=discussed, earlier=earlier))
        yield Label(t("summary.next", date=day_text(c.next_evaluation, language())))
        with Horizontal(classes="dialog-buttons"):
            yield Button(t("summary.minutes_button"), id="minutes", variant="primary",
                         compact=True)
            yield Button(t("key.close"), id="close", compact=True)

    @on(Button.Pressed, "#minutes")
    def action_save(self) -> None:
        self.dismiss("minutes")

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
