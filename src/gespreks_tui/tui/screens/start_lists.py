"""The start screen's lists: unfinished conversations, employees, what is due, and the
chosen employee's open agreements (text, owner, due date) and earlier conversations.

A mixin for ``StartScreen``; the lists' events are handled there (``@on`` needs
a DOMNode class).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from gespreks_tui.catalogue import language, t, tn
from gespreks_tui.tui.format import day_text, escape, history_line, id_of
from gespreks_tui.tui.people_options import person_option
from gespreks_tui.tui.screens.start_housekeeping import unfinished_line

if TYPE_CHECKING:  # for the type checker: what it uses of the start screen
    from textual.screen import Screen

    from gespreks_tui.store.housekeeping import Unfinished
    from gespreks_tui.tui.gateway import StoreCalls

    class _Base(StoreCalls, Screen):
        def unfinished(self) -> list[Unfinished]: ...
else:
    _Base = object


SMALL_HEIGHT = 30  # rows: below this the due list shows one item and a count


class StartLists(_Base):
    """Fill the start screen's lists from the store (reads on the UI thread: never waits)."""

    agreement_conversations: dict[str, int]

    def refresh_lists(self) -> None:
        store, now = self.store, self.app.clock.now()
        unfinished = self.unfinished()
        resume = self.query_one("#resume-list", OptionList)
        highlighted_resume = resume.highlighted
        resume.clear_options()
        resume.add_options(Option(unfinished_line(row, now), id=str(row.summary.id))
                           for row in unfinished)
        if resume.option_count:
            resume.highlighted = min(highlighted_resume or 0, resume.option_count - 1)
        share = self.app.screen_share  # a shared screen shows no other employees' names
        self.query_one("#resume-box").display = bool(unfinished) and not share
        people = self.query_one("#people-list", OptionList)
        highlighted = people.highlighted
        chosen = self.selected_person_id()
        people.clear_options()
        manager = self.app.manager_name
        people.add_options(person_option(p.id, p.name)  # measured once (people_options)
                           for p in self.store_read(store.list_people, []) or []
                           if (not manager or p.name.lower() != manager.lower())
                           and (not share or p.id == chosen))
        if people.option_count:
            people.highlighted = 0 if share else min(highlighted or 0, people.option_count - 1)
        self.set_class(share, "screen-share")
        self.show_history()
        self.show_due()

    def show_due(self, limit: int | None = None) -> None:
        """A compact list of what is overdue or due within two weeks, across everyone.

        On a small terminal (under 30 rows) only the first item and "… en nog N":
        the column it shares with the employees never hides an entry half-way.
        """
        from gespreks_tui.cycle import due_what, due_when

        if limit is None:
            limit = 6 if self.app.size.height >= SMALL_HEIGHT else 1

        store, today = self.store, self.app.clock.today()
        # Only the first ``limit`` are read, and the rest counted (issue 19: thousands).
        person_id = self.selected_person_id() if self.app.screen_share else None
        items, total = [], 0
        if not self.app.screen_share or person_id is not None:  # shared: the chosen's only
            items = self.store_read(
                lambda: store.due(today, employee_id=person_id, limit=limit), []) or []
            total = self.store_read(
                lambda: store.due_count(today, employee_id=person_id), 0) or 0
        lines = []
        for item in items[:limit]:
            line = escape(f"{due_when(item)} · {item.employee}: {due_what(item)}")
            lines.append(f"[$warning]{line}[/]" if item.overdue else line)
        if total > len(items):
            lines.append(tn("start.due_more", total - len(items)))
        self.query_one("#due-list", Static).update("\n".join(lines) or t("start.due_none"))
        # The count in the title too: on a small terminal "… en nog N" may be cut off.
        self.query_one("#due-title", Label).update(
            t("start.due_title_count", n=total) if total else t("start.due_title"))

    def selected_person_id(self) -> int | None:
        people = self.query_one("#people-list", OptionList)
        if people.highlighted is None or not people.option_count:
            return None
        return id_of(people.get_option_at_index(people.highlighted))

    def show_history(self) -> None:
        """The chosen employee's open agreements (text, owner, due date), then their
        earlier conversations; Enter on either opens the conversation it belongs to."""
        history = self.query_one("#history", OptionList)
        history.clear_options()
        self.agreement_conversations: dict[str, int] = {}
        person_id = self._history_of = self.selected_person_id()
        if person_id is None:
            history.add_option(Option(t("start.no_people"), disabled=True))
            return
        store, lang = self.store, language()
        options: list[Option | None] = []  # added at once: one layout, not one per line
        rows = self.store_read(lambda: store.list_conversations(person_id), []) or []
        agreements = self.store_read(lambda: store.open_agreements_of(person_id), []) or []
        if agreements:
            options.append(Option(tn("start.open_title", len(agreements)), disabled=True))
        else:
            options.append(Option(t("start.open_none"), disabled=True))
        for agreement in agreements:
            option_id = f"agreement-{agreement.id}"
            self.agreement_conversations[option_id] = agreement.conversation_id
            owner = t(f"owner.{agreement.owner}") if agreement.owner else t("owner.none")
            due = (day_text(agreement.due_date, lang) if agreement.due_date
                   else t("start.agreement_no_due"))
            # Who and when on a line of their own: a date is never split over lines.
            options.append(Option(t("start.agreement_line", text=agreement.text,
                                    owner=owner, due=due), id=option_id))
        options.append(None)
        options.append(Option(t("start.conversations_title"), disabled=True))
        if not rows:
            options.append(Option(t("start.no_history"), disabled=True))
        for row in rows:
            options.append(Option(history_line(row, lang), id=str(row.id)))
        history.add_options(options)
