"""The agreements pane: a live checklist with SMART hints, and earlier open agreements.

The pane only shows and asks: its key actions post a message (``Toggle``,
``Edit``, ``Delete``, ``Undo``, ``FollowUpChosen``); the meeting screen does the work
and calls ``show`` again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, ListItem, ListView

from gespreks_tui.agreement_state import state_word
from gespreks_tui.catalogue import language, t
from gespreks_tui.meeting import FollowUps
from gespreks_tui.model import Agreement, AgreementStatus, FollowUp, Outcome
from gespreks_tui.smart import hints
from gespreks_tui.tui.format import day_text, escape


def agreement_markup(a: Agreement, today: date) -> str:
    done = a.status == AgreementStatus.DONE
    box = "[b]\\[x][/b]" if done else "\\[ ]"
    owner = t(f"owner.{a.owner}") if a.owner else t("owner.none")
    due = day_text(a.due_date, language()) if a.due_date else t("show.no_due")
    state = f" · {state_word(a)}" if a.outcome is not None else ""  # e.g. "niet gehaald"
    lines = [f"{box} {escape(a.text)}", f"    [dim]{owner} · {due}{state}[/dim]"]
    if not done:
        found = hints(a.text, a.owner, a.due_date, today)
        if found:
            lines.append("    [$warning]⚠ " + " · ".join(t(h) for h in found) + "[/]")
    return "\n".join(lines)


class _TextItem(ListItem):
    """A list item that draws its own text (no child widget: lighter to lay out)."""

    def __init__(self, markup: str, classes: str = "") -> None:
        super().__init__(classes=classes)
        self.markup = markup

    def render(self) -> Content:
        return Content.from_markup(self.markup)


class AgreementItem(_TextItem):
    def __init__(self, agreement: Agreement, today: date) -> None:
        super().__init__(agreement_markup(agreement, today),
                         classes="done" if agreement.status == AgreementStatus.DONE else "")
        self.agreement = agreement


class FollowUpItem(_TextItem):
    def __init__(self, agreement: Agreement, outcome: FollowUp | None, between: bool) -> None:
        text = escape(agreement.text)
        if outcome:
            state = t(f"outcome.{outcome.outcome}")
        else:
            state = t("followup.done_between") if between else t("followup.pending")
        super().__init__(f"• {text}\n  [dim]{state}[/dim]")
        self.agreement = agreement


class AgreementsPane(Vertical):
    # Ids here are the pane's own children. A done agreement stays muted even
    # when highlighted: the id outranks ListView's highlight rules.
    DEFAULT_CSS = """
    AgreementsPane {
        border: round $primary;
    }
    AgreementsPane:focus-within {
        border: round $accent;
    }
    AgreementsPane Label {
        width: 100%;
    }
    AgreementsPane #agreement-list {
        height: auto;
        max-height: 70%;
        border: none;
    }
    AgreementsPane #followup-list {
        height: auto;
        max-height: 30%;
        border: none;
    }
    AgreementsPane #agreement-list > ListItem, AgreementsPane #followup-list > ListItem {
        padding: 0 1;
    }
    AgreementsPane #agreement-list > ListItem.done {
        color: $text-muted;
    }
    AgreementsPane #agreements-empty {
        color: $text-muted;
        padding: 0 1;
    }
    AgreementsPane #followup-title {
        margin: 1 0 0 0;
    }
    """

    @dataclass
    class Toggle(Message):
        """Tick this agreement done (or open again)."""

        agreement: Agreement

    @dataclass
    class Edit(Message):
        agreement: Agreement

    @dataclass
    class Delete(Message):
        agreement: Agreement

    @dataclass
    class Undo(Message):
        """Bring back the agreement deleted last."""

    @dataclass
    class FollowUpChosen(Message):
        """Record what became of an earlier agreement."""

        agreement: Agreement
        outcome: Outcome

    BINDINGS = [
        Binding("space", "toggle_done", t("key.toggle_done"), id="agreements.toggle"),
        Binding("e", "edit", t("key.edit"), id="agreements.edit"),
        Binding("delete,d", "delete", t("key.delete"), id="agreements.delete"),
        Binding("u", "undo", t("key.undo"), id="agreements.undo"),
        Binding("1", "follow_up('achieved')", t("outcome.achieved"), id="followup.achieved"),
        Binding("2", "follow_up('partly')", t("outcome.partly"), id="followup.partly"),
        Binding("3", "follow_up('not_achieved')", t("outcome.not_achieved"),
                id="followup.not_achieved"),
        Binding("4", "follow_up('carried_on')", t("outcome.carried_on"),
                id="followup.carried_on"),
    ]

    def __init__(self, agreements: list[Agreement], today: date, follow_ups: FollowUps,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self._first = agreements, today, follow_ups

    def compose(self) -> ComposeResult:
        """Drawn with its first contents, so nothing is mounted again after the first frame."""
        agreements, today, follow_ups = self._first
        earlier, done, between = follow_ups.earlier, follow_ups.done, follow_ups.between
        yield Label(t("agreements.title"), classes="pane-title")
        yield ListView(*(AgreementItem(a, today) for a in agreements), id="agreement-list")
        empty = Label(t("agreements.empty"), id="agreements-empty")
        empty.display = not agreements
        yield empty
        title = Label(t("followup.title"), id="followup-title", classes="pane-title")
        title.display = bool(earlier)
        yield title
        listing = ListView(*(FollowUpItem(a, done.get(a.id), a.id in between)
                             for a in earlier), id="followup-list")
        listing.display = bool(earlier)
        yield listing

    def show(self, agreements: list[Agreement], today: date, keep: int | None = None) -> None:
        listing = self.query_one("#agreement-list", ListView)
        index = listing.index
        listing.clear()
        listing.extend(AgreementItem(a, today) for a in agreements)
        self.query_one("#agreements-empty").display = not agreements
        if agreements:
            ids = [a.id for a in agreements]
            listing.index = ids.index(keep) if keep in ids else min(index or 0, len(ids) - 1)

    def show_follow_ups(self, follow_ups: FollowUps) -> None:
        earlier, done, between = follow_ups.earlier, follow_ups.done, follow_ups.between
        listing = self.query_one("#followup-list", ListView)
        index = listing.index
        listing.clear()
        listing.extend(FollowUpItem(a, done.get(a.id), a.id in between) for a in earlier)
        self.query_one("#followup-title").display = bool(earlier)
        listing.display = bool(earlier)
        if earlier:
            listing.index = min(index or 0, len(earlier) - 1)

    def selected(self) -> Agreement | None:
        listing = self.query_one("#agreement-list", ListView)
        item = listing.highlighted_child
        return item.agreement if isinstance(item, AgreementItem) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_follow_up = self.query_one("#followup-list", ListView).has_focus
        if action == "follow_up":
            return in_follow_up
        if action in ("toggle_done", "edit", "delete"):
            return not in_follow_up
        return True

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        if isinstance(event.item, AgreementItem):
            self.post_message(self.Edit(event.item.agreement))

    def action_toggle_done(self) -> None:
        if agreement := self.selected():
            self.post_message(self.Toggle(agreement))

    def action_edit(self) -> None:
        if agreement := self.selected():
            self.post_message(self.Edit(agreement))

    def action_delete(self) -> None:
        if agreement := self.selected():
            self.post_message(self.Delete(agreement))

    def action_undo(self) -> None:
        self.post_message(self.Undo())

    def action_follow_up(self, outcome: str) -> None:
        item = self.query_one("#followup-list", ListView).highlighted_child
        if isinstance(item, FollowUpItem):
            self.post_message(self.FollowUpChosen(item.agreement, Outcome(outcome)))
