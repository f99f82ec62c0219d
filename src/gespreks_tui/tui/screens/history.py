"""History of one employee: every conversation, its minutes, and agreements over time.

Everything here is read-only. The minutes of a concluded conversation are
rendered in a worker thread; the agreements table shows each agreement with
the outcome of every follow-up.

The first frame is only the list of conversations and the empty panes
(issue 19: painted within 100 ms, on years of history too). Right after it,
the minutes pane gets its scrolling ``Markdown`` widget (importing it, and
markdown-it with it, is the first use's biggest cost; a widget class's first
use costs Textual its default styles), the agreements their ``DataTable``
(its first import is the next biggest) with its rows, and the highlighted
conversation its minutes. The table's columns fit its width (``history_table``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from gespreks_tui.agreement_state import state_word
from gespreks_tui.catalogue import language, t
from gespreks_tui.model import ConversationSummary, Status
from gespreks_tui.procedure_states import listed_states
from gespreks_tui.tui.format import day_text, history_line, local_day_text, option_room
from gespreks_tui.tui.gateway import StoreCalls
from gespreks_tui.tui.screens.history_table import AgreementRow, fill_table
from gespreks_tui.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from textual.widgets import DataTable


class HistoryScreen(StoreCalls, Screen):
    BINDINGS = [
        Binding("escape", "back", t("key.back"), id="history.back"),
        Binding("f2", "focus('#history-list')", t("history.key_list"), id="history.list"),
        Binding("f3", "focus('#history-minutes-view')", t("history.key_minutes"),
                id="history.minutes"),
        Binding("f4", "focus('#history-agreements')", t("history.key_agreements"),
                id="history.agreements"),
    ]

    def __init__(self, employee_id: int, select: int | None = None) -> None:
        super().__init__()
        self.employee_id = employee_id
        self.select = select
        self.showing: int | None = None  # the conversation whose minutes are asked for
        self.rows: list[ConversationSummary] = []
        self.states: dict[int, str] = {}  # a beoordeling's procedure state, by id
        self._lines_width: int | None = None  # the width the list's lines were fitted to
        self._table_width: int | None = None  # and the agreements table's columns
        self.agreement_rows: list[AgreementRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="history-body"):
            with Vertical(id="history-left"):
                yield Label(t("history.conversations"), classes="pane-title")
                yield OptionList(id="history-list")
            with Vertical(id="history-right"):
                yield Static("", id="history-minutes-wait", markup=False)
                yield Label(t("history.agreements_title"), classes="pane-title")
                yield Static("", id="history-agreements-wait", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        store, employee_id = self.store, self.employee_id
        person = self.store_read(lambda: store.get_person(employee_id))
        self.title = t("history.title", employee=person.name if person else "")
        rows = self.store_read(lambda: store.list_conversations(employee_id), []) or []
        listing = self.query_one("#history-list", OptionList)
        lang = language()
        self.rows = rows
        # a beoordeling's procedure state in place of its status: one employee's rows only
        self.states = self.store_read(lambda: listed_states(store, rows), {}) or {}
        listing.add_options(Option(history_line(row, lang, state=self.states.get(row.id)),
                                   id=str(row.id)) for row in rows)
        listing.focus()
        self.call_after_refresh(self._after_first_frame, rows)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_lines)
        self.call_after_refresh(self.fit_table)

    def fit_lines(self) -> None:
        """Each conversation on one line at the list's width (``history_line`` picks the
        form; the highlighted one's minutes are beside it in full)."""
        listing = self.query_one("#history-list", OptionList)
        width, lang = option_room(listing), language()
        if width is None or width == self._lines_width:
            return
        self._lines_width = width
        for index, row in enumerate(self.rows[:listing.option_count]):
            listing.replace_option_prompt_at_index(
                index, history_line(row, lang, width, self.states.get(row.id)))

    def _after_first_frame(self, rows: list[ConversationSummary]) -> None:
        """The minutes widget, the agreements and the highlighted minutes (see the module)."""
        from textual.css.query import NoMatches
        from textual.widgets import DataTable

        from gespreks_tui.tui.widgets.minutes_markdown import MinutesMarkdown  # tables fit

        table: DataTable = DataTable(id="history-agreements", cursor_type="row",
                                     zebra_stripes=True)
        try:
            for placeholder, widget in (
                    ("#history-minutes-wait", VerticalScroll(
                        MinutesMarkdown("" if rows else t("start.no_history"),
                                        id="history-minutes"),
                        id="history-minutes-view")),
                    ("#history-agreements-wait", table)):
                waiting = self.query_one(placeholder, Static)
                parent = waiting.parent
                assert isinstance(parent, Widget)
                parent.mount(widget, before=waiting)
                waiting.remove()
            listing = self.query_one("#history-list", OptionList)
        except NoMatches:  # the screen was left before its first frame's follow-up ran
            return
        self.fit_lines()
        self.fill_agreements(rows, table)
        if listing.highlighted is not None:  # moved to already: its minutes, now there is room
            self.render_minutes(int(listing.get_option_at_index(listing.highlighted).id or 0))
        elif rows:
            ids = [r.id for r in rows]
            listing.highlighted = ids.index(self.select) if self.select in ids else 0

    def fill_agreements(self, rows: list[ConversationSummary], table: DataTable) -> None:
        store, lang = self.store, language()
        outcomes: dict[int, list[str]] = {}
        for row in reversed(rows):
            for f in self.store_read(lambda: store.follow_ups(row.id), []) or []:  # noqa: B023
                day = local_day_text(row.date, lang, row.time_zone)
                said = f"{day}: {t(f'outcome.{f.outcome}')}"
                if f.comment:  # what was said with it, as the minutes have it (walk25 F14)
                    said = f"{said} — {f.comment}"
                outcomes.setdefault(f.agreement_id, []).append(said)
        self.agreement_rows = [
            AgreementRow(local_day_text(row.date, lang, row.time_zone), a.text,
                         t(f"owner.{a.owner}") if a.owner else t("owner.none"),
                         day_text(a.due_date, lang) if a.due_date else "-",
                         state_word(a), tuple(outcomes.get(a.id, [])))
            for row in reversed(rows)
            for a in self.store_read(lambda: store.agreements(row.id), []) or []]  # noqa: B023
        self._table_width = None
        self.fit_table()

    def fit_table(self) -> None:
        """The agreements at the width the table has now (``history_table``)."""
        from textual.css.query import NoMatches
        from textual.widgets import DataTable

        try:
            table = self.query_one("#history-agreements", DataTable)
        except NoMatches:  # not mounted yet: _after_first_frame fills it
            return
        # the right column's room, less the table's vertical scrollbar
        width = self.query_one("#history-right").content_region.width - 2
        if width <= 0 or width == self._table_width:
            return
        self._table_width = width
        fill_table(table, self.agreement_rows, width)

    @on(OptionList.OptionHighlighted, "#history-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.render_minutes(int(event.option.id))

    def render_minutes(self, conversation_id: int) -> None:
        """The newest issued minutes (or, none issued yet, as they would read): a report."""
        store = self.store

        def minutes() -> str:
            conversation = store.get_conversation(conversation_id)
            if conversation.status not in (Status.CONCLUDED, Status.CONFIRMED):
                return t("history.still_running")
            from gespreks_tui.minutes.procedure import history_section  # a beoordeling's

            revisions = store.revisions(conversation_id)
            above = history_section(store, conversation)
            if revisions:
                return above + revisions[-1].markdown
            from gespreks_tui.minutes.render import render_minutes

            return above + render_minutes(store, conversation_id).markdown

        def show(markdown: str) -> None:
            from textual.widgets import Markdown  # loaded by now (_after_first_frame)

            shown = self.query("#history-minutes").results(Markdown)
            widget = next(shown, None)  # none yet: _after_first_frame asks again
            if self.showing == conversation_id and widget is not None:  # none passed by since
                widget.update(markdown)

        self.showing = conversation_id
        self.store_work(minutes, then=show)

    def action_back(self) -> None:
        self.app.pop_screen()
