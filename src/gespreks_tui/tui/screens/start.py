"""Start screen: resume, pick or add an employee, choose the kind and length.

Every list has a key of its own (f2 employees, f3 open agreements and earlier
conversations, f4 unfinished conversations, f5 what is due), and Tab goes through
the screen in reading order: the unfinished list on top, then the left column, then the
form on the right from top to bottom, ending with "Start gesprek" right after
the length. So Shift+Tab from that button lands in the number field beside
it, not in a free-text field. Housekeeping (rename, remove, discard, the
manager's name) is in ``start_housekeeping``; the name field's search (Enter
chooses the employee found, ctrl+n adds a new one) in ``start_search``.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
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
    RadioSet,
)

from gespreks_tui.agendas import load_agenda
from gespreks_tui.catalogue import language, t
from gespreks_tui.kind_names import kind_name
from gespreks_tui.model import ConversationSummary, Kind
from gespreks_tui.tui.format import (
    id_of,
    kind_text,
    local_day_text,
    name_of,
)
from gespreks_tui.tui.gateway import StoreCalls, error_line
from gespreks_tui.tui.people_options import people_list
from gespreks_tui.tui.screens.start_housekeeping import StartHousekeeping
from gespreks_tui.tui.screens.start_lists import StartLists
from gespreks_tui.tui.screens.start_search import StartSearch
from gespreks_tui.tui.widgets.choice_button import ChoiceButton, ChoiceSet
from gespreks_tui.tui.widgets.due_list import DueList
from gespreks_tui.tui.widgets.key_footer import KeyFooter

MIN_MINUTES, MAX_MINUTES = 5, 480
UNFINISHED_CHECK_SECONDS = 3  # how often the "Onafgerond" list looks for changes


class StartScreen(StartSearch, StartLists, StartHousekeeping, StoreCalls, Screen):
    """Who, what kind, how long; and the history with this person."""

    BINDINGS = [
        Binding("ctrl+s", "begin", t("key.begin"), id="start.begin"),
        Binding("ctrl+r", "resume", t("key.resume"), id="start.resume"),
        # One key, two labels: f2 goes to the employees, and there renames the chosen one
        # (f2 is the usual rename key; a letter would be typed into the name field).
        # Before ctrl+n: at 80 columns "f2 Naam wijzigen" stays on the key line.
        Binding("f2", "rename", t("key.rename"), id="start.rename"),
        Binding("f2", "focus('#people-list')", t("key.focus_people"), id="start.focus_people"),
        # One key, two labels: in the name field with a name typed, ctrl+n adds it as a
        # new employee (Enter there chooses a match); elsewhere it goes to that field.
        Binding("ctrl+n", "add_typed", t("key.add_typed"), id="start.add_typed"),
        Binding("ctrl+n", "new_person", t("key.new_person"), id="start.new_person"),
        Binding("f3", "focus('#history')", t("key.focus_history"), id="start.focus_history"),
        Binding("f4", "focus_unfinished", t("key.focus_unfinished"),
                id="start.focus_unfinished"),
        Binding("f5", "focus_due", t("key.focus_due"), id="start.focus_due",  # walk26 W7
                tooltip=t("start.due.help")),
        # One key, two lists: an employee added by mistake, or an unfinished conversation.
        Binding("delete", "remove", t("key.remove"), id="start.remove"),
        Binding("ctrl+z", "restore", t("key.restore"), id="start.restore"),
        Binding("f8", "history", t("key.history"), id="start.history"),
        Binding("f7", "manager_name", t("key.manager_name"), id="start.manager_name"),
        Binding("f6", "prepare", t("draft.key.prepare"), id="start.prepare"),  # issue 18
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="resume-box"):
            yield Label(t("start.resume_title"), classes="section-title")
            yield OptionList(id="resume-list", markup=False)
        with Horizontal(id="start-body"):
            with Vertical(id="people-box"):
                yield Label(t("start.people_title"), classes="section-title")
                # no select-all on focus: a letter typed in the list lands here (on_key)
                yield Input(placeholder=t("start.new_person_placeholder"), id="new-person",
                            compact=True, select_on_focus=False)
                yield people_list(id="people-list", markup=False)  # many names: people_options
                yield Label(t("start.due_title"), classes="section-title", id="due-title")
                yield DueList(id="due-list")  # focus: every item whole (start_lists)
            with Vertical(id="plan-box"):
                yield Label(t("start.kind_title"), classes="section-title first")
                with ChoiceSet(id="kind"):
                    for kind in Kind:
                        yield ChoiceButton(kind_name(kind, short=True),
                                           value=kind == Kind.VOORTGANG,
                                           name=str(kind), id=f"kind-{kind}")
                # The labels as wide as the longer one needs (+1 space): in English
                # "Length (minutes)" was cut to "Length"; in Dutch the placeholder
                # keeps its ")" when the box shows a scrollbar.
                wide = max(cell_len(t("start.prep_label")), cell_len(t("start.minutes_label")))
                labels = f"width: {wide + 1};"
                with Horizontal(id="prep-row"):
                    yield Label(t("start.prep_label"), id="prep-label").set_styles(labels)
                    yield Input(self.app.prep_path or "", id="prep", compact=True,
                                placeholder=t("start.prep_placeholder"))
                with Horizontal(id="length-row"):
                    yield Label(t("start.minutes_label"), id="minutes-label").set_styles(labels)
                    yield Input("", id="minutes", type="integer", max_length=3, compact=True)
                    yield Button(t("start.begin_button"), id="begin", variant="primary",
                                 compact=True)
                yield Label("", id="start-message", markup=False).set_styles("display: none;")
                yield Label(t("start.history_title"), classes="section-title")
                yield OptionList(id="history", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "gespreks-tui"
        self.sub_title = t("start.subtitle")
        self.query_one("#people-list").focus()
        self.watch(self.app, "screen_share", lambda _: self.refresh_lists(), init=False)
        # A conversation prepared or started by another copy or the command line while
        # this screen is up (``gespreks prepare --assessment``): one small query.
        self.set_interval(UNFINISHED_CHECK_SECONDS, self.check_unfinished)
        self.check_prep_path()
        # The manager's name is asked before this screen, at the app's start (app.py).
        # Reading the agenda template imports markdown-it: after the first frame.
        self.call_after_refresh(self.fill_default_length)

    def check_prep_path(self) -> None:
        """``gespreks --prep FORM`` with a form that is not there: said at once, not
        only when the conversation is begun (the name stays in the field to correct)."""
        prep = self.app.prep_path
        if prep and not Path(prep).expanduser().is_file():
            self.say(t("start.prep_missing", path=prep), error=True, lasting=True)

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

        from gespreks_tui import config

        configured = config.current().kind(kind).length  # [kinds.<kind>] length
        if configured is not None:
            show(configured)
            return
        self.store_work(lambda: load_agenda(kind, lang)[0].total_minutes, then=show)

    def on_resize(self) -> None:
        # How many due items fit, and which form of a conversation's line, depend on
        # the size the columns get: measured once the new layout is there.
        self.call_after_refresh(self._fit_to_size)

    def _fit_to_size(self) -> None:
        if self.is_attached:
            self.show_due()
            self.fit_history()

    def on_screen_resume(self) -> None:
        self.refresh_lists()

    # -- events -------------------------------------------------------------
    @on(OptionList.OptionHighlighted, "#people-list")
    def _person_highlighted(self) -> None:
        chosen = self.selected_person_id()
        # refresh_lists has just shown this person's history: not twice per visit
        if chosen != getattr(self, "_history_of", None):
            self.show_history()
        # A message about one employee ("… heeft gesprekken") goes when another is
        # chosen: it no longer applies, and it takes the history's rows (walk25 F28).
        if not self._said_lasting and chosen != self._said_for:
            self.say("")

    @on(OptionList.OptionSelected, "#people-list")
    def _person_selected(self) -> None:
        self.query_one("#minutes", Input).focus()

    @on(Input.Changed, "#new-person")
    def _search_people(self, event: Input.Changed) -> None:
        self.search_people(event.value)  # start_search
        self.refresh_bindings()  # ctrl+n's label follows what is in the field

    @on(Input.Submitted, "#new-person")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.submit_search(event.input)

    @on(OptionList.OptionSelected, "#resume-list")
    def _resume_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_meeting(id_of(event.option))

    @on(OptionList.OptionSelected, "#history")
    def _history_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        conversation_id = self.agreement_conversations.get(option_id)
        if conversation_id is None and option_id.isdigit():
            conversation_id = int(option_id)
        if conversation_id is not None:
            self.open_meeting(conversation_id)

    @on(RadioSet.Changed, "#kind")
    def _kind_changed(self, event: RadioSet.Changed) -> None:
        self.fill_default_length(replace=True)

    @on(Input.Submitted, "#minutes")
    @on(Button.Pressed, "#begin")
    def _begin_pressed(self) -> None:
        self.action_begin()

    _said_for: int | None = None  # the employee chosen when the message was said
    _said_lasting = False

    def say(self, text: str, error: bool = False, lasting: bool = False) -> None:
        """``text`` under the form until another employee is chosen (or, ``lasting``,
        until something else is said: what is wrong in a field stays)."""
        message = self.query_one("#start-message", Label)
        message.update(text)
        message.set_class(error, "error")
        message.display = bool(text)
        self._said_for, self._said_lasting = self.selected_person_id(), lasting

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
        self.commit_discard()
        self.app.push_screen(HistoryScreen(person_id))

    def action_resume(self) -> None:
        unfinished = self.unfinished()
        if unfinished:
            self.open_meeting(unfinished[0].summary.id)
        else:
            self.say(t("start.nothing_to_resume"), error=True)

    def action_rename(self) -> None:
        if self._focused_id() != "people-list":  # whose name? say where to choose
            self.say(t("start.rename_where"), error=True)
            return
        super().action_rename()

    def action_remove(self) -> None:
        focused = self._focused_id()
        if focused == "resume-list":
            self.action_discard()
        elif focused == "people-list":
            self.action_remove_person()
        else:  # earlier conversations stay; a field deletes its own text (Input's key)
            self.say(t("start.remove_where"), error=True)

    def _focused_id(self) -> str | None:
        return self.focused.id if self.focused is not None else None

    def action_focus_unfinished(self) -> None:
        resume = self.query_one("#resume-list", OptionList)
        if resume.option_count and self.query_one("#resume-box").display:
            resume.focus()
        else:
            self.say(t("start.no_unfinished"), error=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo shows only while there is something to put back. f2 says what it does
        where the focus is: "Medewerkers" away from the list, "Naam wijzigen" in it.
        Remove stays in the Footer wherever the focus is: pressed away from its lists it
        says which list to choose in (a key that does nothing is worse)."""
        if action == "restore":
            return self.pending_discard is not None
        if action == "resume":  # nothing unfinished: the key is not offered
            return self.query_one("#resume-list", OptionList).option_count > 0
        if action == "focus_unfinished":  # no list on screen: no key (walk26 W4)
            return bool(self.query_one("#resume-box").display)
        if action == "focus_due":  # nothing due: nothing to go to
            return self.query_one("#due-list").can_focus
        if action in ("add_typed", "new_person"):  # ctrl+n: add what is typed, or go type
            typed = self._focused_id() == "new-person" \
                and bool(self.query_one("#new-person", Input).value.strip())
            return typed if action == "add_typed" else not typed
        in_people = self._focused_id() == "people-list"
        if action == "rename":
            return in_people and self.query_one("#people-list", OptionList).option_count > 0
        if action == "focus" and parameters == ("#people-list",):
            return not in_people
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_unmount(self) -> None:
        self.commit_discard()

    def save_all(self) -> None:
        """Called by the app before it quits: a pending discard is carried out."""
        self.commit_discard()

    def action_begin(self, anyway: bool = False) -> None:
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
        chosen = self.store_read(lambda: self.store.get_person(person_id))
        running = [r.summary for r in self.unfinished()
                   if chosen is not None and r.summary.employee == chosen.name]
        if running and not anyway:
            self.ask_second(running[0])
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

    def ask_second(self, running: ConversationSummary) -> None:
        """A conversation with this person is unfinished: start another, or go on there?"""
        from gespreks_tui.tui.screens.question_dialog import QuestionDialog

        def chosen(answer: str | None) -> None:
            if answer == "new":
                self.action_begin(anyway=True)
            elif answer == "resume":
                self.open_meeting(running.id)

        self.app.push_screen(QuestionDialog(
            t("start.second_title"),
            t("start.second_explain", employee=running.employee, id=running.id,
              kind=kind_text(running.kind),
              date=local_day_text(running.date, language(), running.time_zone)),
            [("resume", t("start.second_resume", id=running.id)),
             ("new", t("start.second_new")), ("cancel", t("key.cancel"))]), chosen)

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
        self.commit_discard()  # leaving the screen ends the undo time
        from gespreks_tui.tui.screens.draft_assessment import ask_draft

        if not ask_draft(self, conversation_id):  # a prepared appraisal asks first
            self.app.open_meeting(conversation_id)

    def action_prepare(self) -> None:
        """Prepare the chosen employee's beoordeling (``draft_assessment``)."""
        from gespreks_tui.tui.screens.draft_assessment import prepare_draft

        prepare_draft(self)
