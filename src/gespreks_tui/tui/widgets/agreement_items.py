"""The entries of the agreements pane: an agreement, and an earlier one to follow up.

Each entry draws its own lines (``fitted``): the text wraps at words, and
owner, date and state are whole parts that never break inside ("31 mrt 2027"
stays on one line). Entries are updated in place (``update``), so the
highlighted one stays highlighted after a tick, an edit or a follow-up.
"""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import ListItem

from gespreks_tui.agreement_state import state_word
from gespreks_tui.catalogue import language, t, tn
from gespreks_tui.model import Agreement, AgreementStatus, FollowUp
from gespreks_tui.smart import days_overdue, hints
from gespreks_tui.tui.format import day_text
from gespreks_tui.tui.widgets.fitted import FittedMixin, Run, parts_run, text_run, words


def owner_text(owner: str | None) -> str:
    return t(f"owner.{owner}") if owner else t("owner.none")


def due_text(due: str | None) -> str:
    return day_text(due, language()) if due else t("show.no_due")


def late_text(due: str | None, today: date) -> str:
    """'32 dagen te laat' (the same words as the command line's ``due``), or ''."""
    days = days_overdue(due, today)
    if not days:
        return ""
    return tn("due.overdue", days, days=days)


def agreement_runs(a: Agreement, today: date) -> tuple[Run, ...]:
    """``[ ] text`` / ``owner · date · state`` / ``⚠ hints`` (an open one only)."""
    done = a.status == AgreementStatus.DONE
    box = Content("[x]").stylize("bold") if done else Content("[ ]")
    runs = [Run((box, *words(a.text)), hang=4, fold=True)]
    state = state_word(a) if a.outcome is not None else ""  # e.g. "niet gehaald"
    runs.append(parts_run([owner_text(a.owner), due_text(a.due_date), state], style="dim",
                          indent=4, hang=4))
    if not done:
        found = [t(h) for h in hints(a.text, a.owner, a.due_date, today)]
        if found:  # hints wrap at words: none holds a date
            runs.append(text_run("⚠ " + " · ".join(found), "$warning", indent=4, hang=6))
    return tuple(runs)


def follow_up_runs(a: Agreement, outcome: FollowUp | None, between: bool,
                   today: date) -> tuple[Run, ...]:
    """``• text`` / ``owner · date · late`` / what became of it (bold once recorded)."""
    runs = [Run((Content("•"), *words(a.text)), hang=2, fold=True)]
    late = "" if outcome or between else late_text(a.due_date, today)
    meta = [Content(owner_text(a.owner)), Content(due_text(a.due_date))]
    if late:
        meta.append(Content(late).stylize("$warning"))
    runs.append(parts_run(meta, style="dim", indent=2, hang=2))
    if outcome:
        state = Content(t(f"outcome.{outcome.outcome}")).stylize("bold")
        comment = (Content("—"), *words(outcome.comment, "italic")) if outcome.comment else ()
        runs.append(Run((state, *comment), indent=2, hang=4, fold=True))
    else:
        pending = t("followup.done_between") if between else t("followup.pending")
        runs.append(parts_run([pending], style="dim italic", indent=2, hang=2))
    return tuple(runs)


class FittedItem(FittedMixin, ListItem):
    """A list entry that draws its own lines (no child widget: lighter to lay out)."""

    DEFAULT_CSS = """
    FittedItem {
        height: auto;
    }
    """

    def __init__(self, runs: tuple[Run, ...], classes: str = "") -> None:
        super().__init__(classes=classes)
        self.runs = runs


class AgreementItem(FittedItem):
    def __init__(self, agreement: Agreement, today: date) -> None:
        super().__init__(agreement_runs(agreement, today))
        self.agreement = agreement
        self.set_class(agreement.status == AgreementStatus.DONE, "done")

    def update(self, agreement: Agreement, today: date) -> None:
        self.agreement = agreement
        self.set_class(agreement.status == AgreementStatus.DONE, "done")
        self.show_runs(agreement_runs(agreement, today))


class FollowUpItem(FittedItem):
    def __init__(self, agreement: Agreement, outcome: FollowUp | None, between: bool,
                 today: date) -> None:
        super().__init__(follow_up_runs(agreement, outcome, between, today))
        self.agreement = agreement
        self.outcome = outcome

    def update(self, agreement: Agreement, outcome: FollowUp | None, between: bool,
               today: date) -> None:
        self.agreement, self.outcome = agreement, outcome
        self.show_runs(follow_up_runs(agreement, outcome, between, today))
