"""The start screen's lists: unfinished conversations, employees, what is due (its own
mixin, ``start_due_list``), and the chosen employee's open agreements (text, owner,
due date) and earlier conversations.

A mixin for ``StartScreen``; the lists' events are handled there (``@on`` needs
a DOMNode class), the due list's by name in ``start_due_list``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from gespreks_tui.catalogue import language, t, tn
from gespreks_tui.model import Status
from gespreks_tui.procedure_states import listed_states
from gespreks_tui.tui.format import day_text, history_line, id_of, option_room
from gespreks_tui.tui.people_options import person_option
from gespreks_tui.tui.screens.start_due_list import StartDueList
from gespreks_tui.tui.screens.start_housekeeping import unfinished_line
from gespreks_tui.tui.widgets.fitted import Run, fit, parts_run, words

if TYPE_CHECKING:  # for the type checker: what it uses of the start screen
    from textual.screen import Screen

    from gespreks_tui.store.housekeeping import Unfinished
    from gespreks_tui.tui.gateway import StoreCalls

    class _Base(StoreCalls, Screen):
        def unfinished(self) -> list[Unfinished]: ...
        def unfinished_quietly(self) -> list[Unfinished] | None: ...
        def say(self, text: str, error: bool = False, lasting: bool = False) -> None: ...
else:
    _Base = object


def _signature(rows: list[Unfinished]) -> tuple:
    """What the "Onafgerond" list shows of ``rows``: a change in it means a new list."""
    return tuple((r.summary.id, r.summary.status, r.updated_at, r.planned_minutes)
                 for r in rows)


def agreement_prompt(text: str, owner: str, due: str, width: int | None) -> str | Content:
    """An open agreement as the list shows it: "• text" with its further lines under
    the text, not under the bullet (walk25 F12); then owner and date, each whole."""
    shown = t("start.agreement_line", text="\x00", owner=owner, due=due)
    if width is None:  # before the first layout: the list wraps it (filled again then)
        return shown.replace("\x00", text)
    head, _, tail = shown.partition("\n")
    bullet, _, after = head.partition("\x00")
    hang = cell_len(bullet)
    runs = [Run((Content(bullet.rstrip()), *words(text), *words(after)), hang=hang, fold=True)]
    if tail:
        indent = cell_len(tail) - cell_len(tail.lstrip())
        runs.append(parts_run(tail.strip().split(" · "), indent=indent, hang=indent))
    return Content("\n").join(fit(runs, width))


class StartLists(StartDueList, _Base):
    """Fill the start screen's lists from the store (reads on the UI thread: never waits)."""

    agreement_conversations: dict[str, int]
    _history_of: int | None = None
    _history_width: int | None = None

    _unfinished_shown: tuple = ()

    def refresh_lists(self) -> None:
        store = self.store
        self.show_unfinished(self.unfinished())
        share = self.app.screen_share  # a shared screen shows no other employees' names
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

    def show_unfinished(self, unfinished: list[Unfinished]) -> None:
        """The "Onafgerond" list at the top (hidden when empty or the screen is shared)."""
        now = self.app.clock.now()
        resume = self.query_one("#resume-list", OptionList)
        # The highlight stays on the same conversation, not the same row: the list is
        # sorted by last change, so a row's place moves (walk26 W9 resumed another).
        kept = (resume.get_option_at_index(resume.highlighted).id
                if resume.highlighted is not None else None)
        resume.clear_options()
        resume.add_options(Option((f"{t('draft.list_mark')} · "  # a draft says so (issue 18)
                                   if row.summary.status == "draft" else "")
                                  + unfinished_line(row, now), id=str(row.summary.id))
                           for row in unfinished)
        if resume.option_count:
            ids = [str(row.summary.id) for row in unfinished]
            resume.highlighted = ids.index(kept) if kept in ids else 0
        self.query_one("#resume-box").display = bool(unfinished) and not self.app.screen_share
        self._unfinished_shown = _signature(unfinished)
        self.refresh_bindings()  # ctrl+r only with something to resume

    def check_unfinished(self) -> None:
        """Every few seconds (and when the screen is shown again): a conversation
        started, prepared (``gespreks prepare --assessment``) or concluded elsewhere
        shows in the "Onafgerond" list. One small query; the list is only rebuilt
        when what it would show has changed."""
        if not self.is_current:  # a meeting or dialog is on top: looked at on return
            return
        unfinished = self.unfinished_quietly()
        if unfinished is not None and _signature(unfinished) != self._unfinished_shown:
            self.show_unfinished(unfinished)

    def selected_person_id(self) -> int | None:
        people = self.query_one("#people-list", OptionList)
        if people.highlighted is None or not people.option_count:
            return None
        return id_of(people.get_option_at_index(people.highlighted))

    def show_history(self) -> None:
        """The chosen employee's open agreements (text, owner, due date), then their
        earlier conversations; Enter on either opens the conversation it belongs to.

        A conversation is one line that fits the list's width (``history_line``):
        after a resize the list is filled again (``fit_history``)."""
        history = self.query_one("#history", OptionList)
        width = self._history_width = option_room(history)
        highlighted = history.highlighted if self._history_of == self.selected_person_id() \
            else None
        history.clear_options()
        self.agreement_conversations: dict[str, int] = {}
        person_id = self._history_of = self.selected_person_id()
        if person_id is None:  # nobody chosen: say how to choose (or add) one
            history.add_option(Option(self._nobody_chosen(), disabled=True))
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
            options.append(Option(agreement_prompt(agreement.text, owner, due, width),
                                  id=option_id))
        # a beoordeling's procedure state in place of its status (this employee's rows only)
        states = self.store_read(lambda: listed_states(store, rows), {}) or {}
        # A prepared appraisal (``draft``) was not held: not an earlier conversation.
        prepared = [row for row in rows if row.status == Status.DRAFT]
        # A running conversation is under "Onafgerond": not an earlier one (walk26 W8).
        held = [row for row in rows if row.status not in (Status.DRAFT, Status.RUNNING)]
        if prepared:
            options.append(None)
            options.append(Option(t("start.prepared_title"), disabled=True))
            for row in prepared:
                options.append(Option(history_line(row, lang, width, states.get(row.id)),
                                      id=str(row.id)))
        options.append(None)
        options.append(Option(t("start.conversations_title"), disabled=True))
        if not held:
            options.append(Option(t("start.no_history"), disabled=True))
        for row in held:
            options.append(Option(history_line(row, lang, width, states.get(row.id)),
                                  id=str(row.id)))
        history.add_options(options)
        if highlighted is not None and highlighted < history.option_count:
            history.highlighted = highlighted

    def _nobody_chosen(self) -> str:
        """What the list beside says with no employee chosen."""
        if self.query_one("#new-person", Input).value.strip():  # a name found nowhere
            return t("start.no_match")
        if self.query_one("#people-list", OptionList).option_count:
            return t("start.choose_person")
        return t("start.no_people")

    def fit_history(self) -> None:
        """After a resize: the conversations again, if the list's width changed."""
        if option_room(self.query_one("#history", OptionList)) != self._history_width:
            self.show_history()
