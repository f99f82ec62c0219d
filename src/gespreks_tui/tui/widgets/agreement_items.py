"""The entries of the agreements pane: an agreement, and an earlier one to follow up.

Each entry draws its own lines (``fitted``): the text wraps at words, and
owner, date and state are whole parts that never break inside ("31 mrt 2027"
stays on one line). Entries are updated in place (``update``), so the
highlighted one stays highlighted after a tick, an edit or a follow-up. The
lists (``EntryList``) scroll by whole entries.
"""

from __future__ import annotations

from datetime import date

from textual import events
from textual.content import Content
from textual.widget import Widget
from textual.widgets import ListItem, ListView

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


def agreement_runs(a: Agreement, today: date, goal: str = "") -> tuple[Run, ...]:
    """``[ ] text`` / ``owner · date · state`` / ``voor doel: title`` (``goal``: the title
    of the goal it serves) / ``⚠ hints`` (an open one only)."""
    done = a.status == AgreementStatus.DONE
    box = Content("[x]").stylize("bold") if done else Content("[ ]")
    runs = [Run((box, *words(a.text)), hang=4, fold=True)]
    state = state_word(a) if a.outcome is not None else ""  # e.g. "niet gehaald"
    runs.append(parts_run([owner_text(a.owner), due_text(a.due_date), state], style="dim",
                          indent=4, hang=4))
    if goal:
        runs.append(text_run(t("goals_ui.serves", title=goal), "dim italic", indent=4, hang=6))
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
    def __init__(self, agreement: Agreement, today: date, goal: str = "") -> None:
        super().__init__(agreement_runs(agreement, today, goal))
        self.agreement = agreement
        self.set_class(agreement.status == AgreementStatus.DONE, "done")

    def update(self, agreement: Agreement, today: date, goal: str = "") -> None:
        self.agreement = agreement
        self.set_class(agreement.status == AgreementStatus.DONE, "done")
        self.show_runs(agreement_runs(agreement, today, goal))


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


def whole_entry_offset(tops: list[int], top: int, bottom: int, offset: int,
                       height: int, end: int) -> int:
    """Where a list of entries starting at ``tops`` (rows; the last one ends at
    ``end``) scrolls to show the entry from ``top`` to ``bottom`` in a view of
    ``height`` rows now at ``offset``.

    The entry is wholly in view (its first line at least, when it is taller
    than the view), and the view starts at the first line of an entry: never
    with the second line of one whose text is scrolled away. It moves as
    little as that allows, and shows rows past the last entry only when the
    entry cannot be shown whole otherwise.
    """
    if bottom - top >= height:
        return top

    def first_from(row: int) -> int:
        return min(start for start in (*tops, top) if start >= row)

    target = top if top < offset else first_from(max(offset, bottom - height))
    if target + height > end:  # rows past the end: as few as can be
        target = first_from(max(0, bottom - height))
    return target


class EntryList(ListView):
    """A list of entries of several lines that scrolls by whole entries.

    Textual's ``ListView`` scrolls just far enough to show the highlighted
    entry, so the view could begin halfway an entry, its first line gone. Here
    the view begins with an entry's first line; near the end of the list that
    may need rows below the last entry, which it then gets (a bottom margin,
    taken away again when no longer needed).
    """

    # As tall as its entries (the pane shares the rows); the highlighted entry
    # in bold while the list has focus.
    DEFAULT_CSS = """
    EntryList {
        height: auto;
        border: none;
        scrollbar-size-vertical: 1;
    }
    EntryList > ListItem {
        padding: 0 1;
    }
    EntryList:focus > ListItem.-highlight {
        text-style: bold;
    }
    """

    def on_resize(self, _event: events.Resize) -> None:
        """Laid out at another size (a resized terminal, a column shown again): the
        entries have their new heights; show the highlighted one whole again."""
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        """From the list's top when the highlighted entry fits there (a heading above
        it stays in view), else as little scrolled as shows it whole.

        A scrollbar needed at the old size stays by itself: the entries, a cell
        narrower beside it, wrap to one more line than the list's height, which was
        measured without it. Without the scrollbar they fit: it goes."""
        if self.show_vertical_scrollbar and self.size.height:
            width = self.size.width - 2  # the entries' padding, no scrollbar
            need = sum(len(child.fitted(width)) for child in self.children
                       if isinstance(child, FittedItem) and child.display)
            cap = self.styles.max_height  # the pane's share, maybe not laid out yet
            room = min(self.size.height, cap.cells) if cap and cap.cells else self.size.height
            if need <= room:
                self.show_vertical_scrollbar = False
                self.refresh(layout=True)
        item = self.highlighted_child
        if item is None or not self.size.height or not item.is_attached:
            return
        if item.virtual_region.bottom <= self.scrollable_content_region.height:
            for child in self.children:
                if child.styles.margin.bottom:
                    child.styles.margin = (0, 0, 0, 0)
            self.scroll_to(y=0, animate=False, immediate=True)
        else:
            self._show_whole(item)

    def scroll_to_widget(self, widget: Widget, *, animate: bool = True,
                         **kwargs) -> bool:  # noqa: ANN003 - Textual's options
        if widget.parent is not self or not self.size.height:
            return super().scroll_to_widget(widget, animate=animate, **kwargs)
        return self._show_whole(widget, again=True)

    def _show_whole(self, entry: Widget, again: bool = False) -> bool:
        region = entry.virtual_region
        if not region.height or not entry.is_attached:  # not laid out yet: once it is
            if again and entry.is_attached:
                self.call_after_refresh(self._show_whole, entry)
            return False
        shown = [child for child in self.children if child.display]
        tops = [child.virtual_region.y for child in shown]
        offset, height = round(self.scroll_y), self.scrollable_content_region.height
        end = shown[-1].virtual_region.bottom
        target = whole_entry_offset(tops, region.y, region.bottom, offset, height, end)
        below = max(0, target + height - end)  # rows past the last entry it takes
        for child in shown:
            wanted = below if child is shown[-1] else 0
            if child.styles.margin.bottom != wanted:
                child.styles.margin = (0, 0, wanted, 0)
        if target == offset:
            return False
        if below or target > self.max_scroll_y:  # after the margin is laid out
            self.call_after_refresh(self.scroll_to, y=target, animate=False, immediate=True)
        else:
            self.scroll_to(y=target, animate=False, immediate=True)
        return True
