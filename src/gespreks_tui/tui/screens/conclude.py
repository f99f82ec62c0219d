"""Concluding a meeting: the next evaluation date, then a short summary.

The dialog also lists what is still open (``reminders``): agreements without
an owner or a date, earlier agreements not yet followed up. Hints, not
blockers: a conversation may end with them, the manager just sees them once.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from gespreks_tui.agenda import clock_text
from gespreks_tui.agendas import NEXT_EVALUATION_MONTHS
from gespreks_tui.catalogue import language, t, tn
from gespreks_tui.dates import add_months
from gespreks_tui.meeting import FollowUps
from gespreks_tui.model import Agreement, AgreementStatus, Conversation
from gespreks_tui.tui.format import date_feedback, day_text


def reminders(agreements: list[Agreement], follow_ups: FollowUps) -> list[str]:
    """What is unfinished, one line each: open agreements without owner or date,
    earlier agreements neither followed up nor done in between."""
    still_open = [a for a in agreements if a.status != AgreementStatus.DONE]
    lines = []
    if n := sum(1 for a in still_open if not a.owner):
        lines.append(tn("conclude.no_owner", n))
    if n := sum(1 for a in still_open if not a.due_date):
        lines.append(tn("conclude.no_due", n))
    pending = [a for a in follow_ups.earlier
               if a.id not in follow_ups.done and a.id not in follow_ups.between]
    if pending:
        lines.append(tn("conclude.follow_ups", len(pending)))
    return lines


class ConcludeScreen(ModalScreen[date | None]):
    """Ask for the next evaluation date; dismiss with it, or None to go back."""

    BINDINGS = [Binding("escape", "cancel", t("key.cancel"), id="conclude.cancel")]

    def __init__(self, conversation: Conversation, today: date,
                 open_items: list[str] | None = None) -> None:
        """``open_items``: the ``reminders`` to show (None: none were worked out)."""
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

    def compose(self) -> ComposeResult:
        months = NEXT_EVALUATION_MONTHS[self.conversation.kind]
        with Vertical(classes="dialog"):
            yield Label(t("conclude.title"), classes="dialog-title")
            stored = self.conversation.next_evaluation
            yield Label(t("conclude.explain_stored", date=self._day(stored)) if stored
                        else t("conclude.explain", months=months))
            yield Input(self.offered(), id="next-evaluation", compact=True)
            yield Label("", id="next-message", classes="field-message")
            if self.open_items:
                yield Label(t("conclude.checklist"))
                yield Static("\n".join(f"• {line}" for line in self.open_items),
                             id="conclude-open", markup=False)
            elif self.open_items is not None:
                yield Label(t("conclude.nothing_open"), id="conclude-open")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("conclude.confirm_button"), id="confirm", variant="primary",
                             compact=True)
                yield Button(t("agreement.cancel_button"), id="cancel", compact=True)

    @staticmethod
    def _day(stored: str) -> str:
        try:
            return day_text(stored, language())
        except ValueError:  # not an ISO date (an old or hand-edited row): as stored
            return stored

    def on_mount(self) -> None:
        self.query_one("#next-evaluation").focus()
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
    @on(Button.Pressed, "#confirm")
    def _confirm(self) -> None:
        parsed = self._check(self.query_one("#next-evaluation", Input).value)
        if parsed is not None:
            self.dismiss(parsed)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class SummaryScreen(ModalScreen[str | None]):
    """Time per phase against plan and the number of agreements."""

    BINDINGS = [
        Binding("escape", "close", t("key.close"), id="summary.close"),
    ]

    def __init__(self, conversation: Conversation, agreements: int) -> None:
        super().__init__()
        self.conversation = conversation
        self.agreements = agreements

    def compose(self) -> ComposeResult:
        c = self.conversation
        rows = [t("summary.row", name=p.name, used=clock_text(p.used_seconds),
                  planned=clock_text(p.planned_seconds)) for p in c.phases]
        used = sum(p.used_seconds for p in c.phases)
        rows.append(t("summary.total", used=clock_text(used),
                      planned=clock_text(c.planned_seconds)))
        with Vertical(classes="dialog", id="summary"):
            yield Label(t("summary.title"), classes="dialog-title")
            yield Static("\n".join(rows), id="summary-rows", markup=False)
            yield Label(t("summary.agreement_count", n=self.agreements))
            yield Label(t("summary.next", date=day_text(c.next_evaluation, language())))
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("summary.minutes_button"), id="minutes", variant="primary",
                             compact=True)
                yield Button(t("key.close"), id="close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#minutes").focus()

    @on(Button.Pressed, "#minutes")
    def _minutes(self) -> None:
        self.dismiss("minutes")

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
