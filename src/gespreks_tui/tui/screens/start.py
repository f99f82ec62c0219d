"""Start screen: resume, pick or add an employee, choose the kind and length."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import (
    Button,
    Header,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Static,
)
from textual.widgets.option_list import Option

from gespreks_tui.agendas import load_agenda
from gespreks_tui.catalogue import language, t
from gespreks_tui.errors import UserError
from gespreks_tui.model import Kind, Person
from gespreks_tui.person_names import clean_name
from gespreks_tui.tui.format import ago_text, escape, history_line, id_of, kind_text, name_of
from gespreks_tui.tui.gateway import StoreCalls, error_line
from gespreks_tui.tui.widgets.key_footer import KeyFooter

MIN_MINUTES, MAX_MINUTES = 5, 480


class StartScreen(StoreCalls, Screen):
    """Who, what kind, how long; and the history with this person."""

    BINDINGS = [
        Binding("ctrl+s", "begin", t("key.begin"), id="start.begin"),
        Binding("ctrl+r", "resume", t("key.resume"), id="start.resume"),
        Binding("ctrl+n", "new_person", t("key.new_person"), id="start.new_person"),
        Binding("f8", "history", t("key.history"), id="start.history"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="resume-box"):
            yield Label(t("start.resume_title"), classes="section-title")
            yield OptionList(id="resume-list", markup=False)
        with Horizontal(id="start-body"):
            with Vertical(id="people-box"):
                yield Label(t("start.people_title"), classes="section-title")
                yield Input(placeholder=t("start.new_person_placeholder"), id="new-person")
                yield OptionList(id="people-list", markup=False)
                yield Label(t("start.due_title"), classes="section-title", id="due-title")
                yield Static("", id="due-list")
            with Vertical(id="plan-box"):
                yield Label(t("start.kind_title"), classes="section-title")
                with RadioSet(id="kind"):
                    for kind in Kind:
                        yield RadioButton(t(f"kind_short.{kind}"), value=kind == Kind.VOORTGANG,
                                          name=str(kind), id=f"kind-{kind}")
                with Horizontal(id="length-row"):
                    yield Label(t("start.minutes_label"), id="minutes-label")
                    yield Input("", id="minutes",
                                type="integer", max_length=3)
                    yield Button(t("start.begin_button"), id="begin", variant="primary")
                with Horizontal(id="prep-row"):
                    yield Label(t("start.prep_label"), id="prep-label")
                    yield Input(self.app.prep_path or "", id="prep",
                                placeholder=t("start.prep_placeholder"))
                yield Label("", id="start-message", markup=False)
                yield Label(t("start.history_title"), classes="section-title")
                yield OptionList(id="history")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "gespreks-tui"
        self.sub_title = t("start.subtitle")
        if not self.app.manager_name:
            from gespreks_tui.tui.screens.manager_name import ManagerNameScreen

            self.app.push_screen(ManagerNameScreen())
        self.query_one("#people-list").focus()
        self.watch(self.app, "screen_share", lambda _: self.refresh_lists(), init=False)
        # Reading the agenda template imports markdown-it: after the first frame.
        self.call_after_refresh(self.fill_default_length)

    def chosen_kind(self) -> Kind:
        return Kind(name_of(self.query_one("#kind", RadioSet).pressed_button, Kind.VOORTGANG))

    def fill_default_length(self, replace: bool = False) -> None:
        """The chosen kind's planned length (unless one was typed, or ``replace``).

        The agenda template is a file the user may have written: read in a worker.
        """
        kind, lang = self.chosen_kind(), language()

        def show(total: int) -> None:
            minutes = self.query_one("#minutes", Input)
            if replace or not minutes.value.strip():
                minutes.value = str(total)

        self.store_work(lambda: load_agenda(kind, lang)[0].total_minutes, then=show)

    def on_screen_resume(self) -> None:
        self.refresh_lists()

    # -- data ---------------------------------------------------------------
    def refresh_lists(self) -> None:
        store, now = self.store, self.app.clock.now()
        unfinished = self.store_read(store.unfinished_conversations, []) or []
        resume = self.query_one("#resume-list", OptionList)
        resume.clear_options()
        resume.add_options(
            Option(t("start.resume_line", kind=kind_text(s.kind), employee=s.employee,
                     ago=ago_text(updated, now)), id=str(s.id))
            for s, updated in unfinished)
        share = self.app.screen_share  # a shared screen shows no other employees' names
        self.query_one("#resume-box").display = bool(unfinished) and not share
        people = self.query_one("#people-list", OptionList)
        highlighted = people.highlighted
        chosen = self.selected_person_id()
        people.clear_options()
        manager = self.app.manager_name
        people.add_options(Option(p.name, id=str(p.id))
                           for p in self.store_read(store.list_people, []) or []
                           if (not manager or p.name.lower() != manager.lower())
                           and (not share or p.id == chosen))
        if people.option_count:
            people.highlighted = 0 if share else min(highlighted or 0, people.option_count - 1)
        self.set_class(share, "screen-share")
        self.show_history()
        self.show_due()

    def show_due(self, limit: int = 6) -> None:
        """A compact list of what is overdue or due within two weeks, across everyone."""
        from gespreks_tui.cycle import due_what, due_when

        store, today = self.store, self.app.clock.today()
        items = self.store_read(lambda: store.due(today), []) or []
        if self.app.screen_share:  # only the chosen employee's, on a shared screen
            person_id = self.selected_person_id()
            chosen = self.store_read(lambda: store.get_person(person_id)) if person_id else None
            items = [i for i in items if chosen is not None and i.employee == chosen.name]
        lines = []
        for item in items[:limit]:
            line = escape(f"{due_when(item)} · {item.employee}: {due_what(item)}")
            lines.append(f"[$warning]{line}[/]" if item.overdue else line)
        if len(items) > limit:
            lines.append(t("start.due_more", n=len(items) - limit))
        self.query_one("#due-list", Static).update("\n".join(lines) or t("start.due_none"))

    def selected_person_id(self) -> int | None:
        people = self.query_one("#people-list", OptionList)
        if people.highlighted is None or not people.option_count:
            return None
        return id_of(people.get_option_at_index(people.highlighted))

    def show_history(self) -> None:
        history = self.query_one("#history", OptionList)
        history.clear_options()
        person_id = self.selected_person_id()
        if person_id is None:
            history.add_option(Option(t("start.no_people"), disabled=True))
            return
        store = self.store
        rows = self.store_read(lambda: store.list_conversations(person_id), []) or []
        open_count = len(self.store_read(lambda: store.open_agreements_of(person_id), []) or [])
        history.add_option(Option(t("start.open_agreements", n=open_count), disabled=True))
        if not rows:
            history.add_option(Option(t("start.no_history"), disabled=True))
        lang = language()
        for row in rows:
            history.add_option(Option(history_line(row, lang), id=str(row.id)))

    # -- events -------------------------------------------------------------
    @on(OptionList.OptionHighlighted, "#people-list")
    def _person_highlighted(self) -> None:
        self.show_history()

    @on(OptionList.OptionSelected, "#people-list")
    def _person_selected(self) -> None:
        self.query_one("#minutes", Input).focus()

    @on(OptionList.OptionSelected, "#resume-list")
    def _resume_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_meeting(id_of(event.option))

    @on(OptionList.OptionSelected, "#history")
    def _history_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.open_meeting(int(event.option.id))

    @on(RadioSet.Changed, "#kind")
    def _kind_changed(self, event: RadioSet.Changed) -> None:
        self.fill_default_length(replace=True)

    @on(Input.Submitted, "#new-person")
    def _add_person(self, event: Input.Submitted) -> None:
        try:
            name = clean_name(event.value)
        except UserError as refused:  # refused, and what was typed stays in the field
            self.say(refused.message(), error=True)
            return
        if not name:
            self.say(t("start.empty_name"), error=True)
            return
        field, store = event.input, self.store

        def added(person: Person) -> None:
            field.value = ""
            self.refresh_lists()
            people = self.query_one("#people-list", OptionList)
            people.highlighted = people.get_option_index(str(person.id))
            people.focus()
            self.say(t("start.person_added", name=person.name))

        self.store_work(lambda: store.add_person(name), then=added, failed=self.say_error)

    @on(Input.Submitted, "#minutes")
    @on(Button.Pressed, "#begin")
    def _begin_pressed(self) -> None:
        self.action_begin()

    def say(self, text: str, error: bool = False) -> None:
        message = self.query_one("#start-message", Label)
        message.update(text)
        message.set_class(error, "error")

    def say_error(self, error: Exception) -> None:
        """A store error on this screen: one line under the form; what was typed stays."""
        self.say(error_line(error), error=True)

    # -- actions ------------------------------------------------------------
    def action_new_person(self) -> None:
        self.query_one("#new-person", Input).focus()

    def action_history(self) -> None:
        from gespreks_tui.tui.screens.history import HistoryScreen

        person_id = self.selected_person_id()
        if person_id is None:
            self.say(t("start.pick_person"), error=True)
            return
        self.app.push_screen(HistoryScreen(person_id))

    def action_resume(self) -> None:
        unfinished = self.store_read(self.store.unfinished_conversations, []) or []
        if unfinished:
            self.open_meeting(unfinished[0][0].id)
        else:
            self.say(t("start.nothing_to_resume"), error=True)

    def action_begin(self) -> None:
        person_id = self.selected_person_id()
        if person_id is None:
            self.say(t("start.pick_person"), error=True)
            self.query_one("#new-person").focus()
            return
        raw = self.query_one("#minutes", Input).value.strip()  # empty: the agenda's own
        if raw and (not raw.isdigit() or not MIN_MINUTES <= int(raw) <= MAX_MINUTES):
            self.say(t("start.bad_minutes", low=MIN_MINUTES, high=MAX_MINUTES), error=True)
            self.query_one("#minutes").focus()
            return
        kind = self.chosen_kind()
        minutes, prep = int(raw) if raw else None, self.query_one("#prep", Input).value.strip()
        store, manager, lang = self.store, self.app.manager_name, language()

        def begin() -> tuple[int, list]:  # a worker: reads files, writes the store
            from gespreks_tui.prepare import read_preparation  # markdown-it: not at start-up

            preparation = (read_preparation(prep, store.get_person(person_id).name, kind)
                           if prep else None)
            agenda, problems = load_agenda(kind, lang)
            manager_id = store.add_person(manager).id if manager else None
            conversation = store.create_conversation(person_id, agenda,
                                                     minutes or agenda.total_minutes,
                                                     manager_id=manager_id, language=lang)
            if preparation:
                store.save_preparation(conversation.id, {
                    phase.position: preparation.get(phase.name, "")
                    for phase in conversation.phases})
            return conversation.id, problems

        self.store_work(begin, then=self._begun, failed=self._not_begun)

    def _begun(self, result: tuple[int, list]) -> None:
        conversation_id, problems = result
        for problem in problems:
            self.app.notify(t("start.template_problem", problem=str(problem)),
                            severity="warning", timeout=15)
        self.query_one("#prep", Input).value = ""
        self.say("")
        self.app.open_meeting(conversation_id)

    def _not_begun(self, error: Exception) -> None:
        from gespreks_tui.prepare import PreparationError

        self.say_error(error)
        if isinstance(error, PreparationError):
            self.query_one("#prep").focus()

    def open_meeting(self, conversation_id: int) -> None:
        self.app.open_meeting(conversation_id)
