"""Preparing a beoordeling: the manager's draft scores, before the meeting.

From the start screen (``prepare_draft``, a key of its own) the chosen
employee's draft opens here: made now when there is none, else the one there
is (a second draft for the same person is never made). The criteria are
scored in the meeting's own ``ScoresPanel``, on the conversation's scale, and
every change is stored as typed, like a note. From here the draft can be
exported for the employee ("concept", Markdown or PDF) and the meeting begun.

On the start screen a draft is among the unfinished conversations, marked
"concept"; choosing it asks first (``ask_draft``): begin the meeting (the
draft's values are then frozen beside the meeting's, ``store.drafts``), or
edit the preparation.

A problem in the organisation's beoordeling template (a ``file:line``
message) shows as a notice at the top of this screen, before anything is
scored against the wrong form: for a new draft the built-in form is used, an
open draft keeps the form it was started on (``template_notice``). A draft
prepared in another language than the app's now says that its criteria, scale
and minutes stay in that language (``draft_form.language_notice``).

Leaving (Escape, or quitting the app) with nothing scored or written removes
the draft (``store.drop_empty_draft``): merely looking leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Label

from gespreks_tui.catalogue import language, t
from gespreks_tui.draft_form import criteria_of, draft_title, language_notice
from gespreks_tui.model import Conversation, Kind, Status
from gespreks_tui.tui.gateway import StoreCalls
from gespreks_tui.tui.screens.export_dialog import ExportChoice, ExportDialog, notify_written
from gespreks_tui.tui.widgets.key_footer import KeyFooter
from gespreks_tui.tui.widgets.scores_panel import ScoresPanel

if TYPE_CHECKING:
    from gespreks_tui.tui.screens.start import StartScreen


class DraftExportDialog(ExportDialog):
    """The export dialog with Markdown and PDF only: the concept has no HTML form."""

    def heading(self) -> str:
        return t("scale.draft_export.title")  # a concept for the employee, not minutes


class DraftAssessmentScreen(StoreCalls, Screen):
    """One employee's prepared assessment: scores and explanations per criterion."""

    BINDINGS = [
        Binding("escape", "back", t("draft.key.back"), id="draft.back"),
        Binding("f5", "export", t("draft.key.export"), id="draft.export"),
        Binding("ctrl+s", "begin", t("draft.key.begin"), id="draft.begin"),
    ]

    def __init__(self, conversation_id: int, notices: tuple[str, ...] = ()) -> None:
        """``notices``: the template's problems, shown above the form (see the module)."""
        super().__init__()
        self.conversation_id = conversation_id
        self.notices = notices
        self._unsaved: dict[int, ScoresPanel.Changed] = {}  # the newest per criterion
        self._after_save: list[Callable[[], object]] = []

    @property
    def conversation(self) -> Conversation:
        return self.store.get_conversation(self.conversation_id)

    def compose(self) -> ComposeResult:
        store, cid = self.store, self.conversation_id
        c = self.conversation
        criteria = criteria_of(c)
        yield Header()
        with Vertical(id="draft-body"):
            yield Label(draft_title(c.employee_name, screen=True), id="draft-title",
                        classes="section-title", markup=False)
            yield Label(t("draft.screen.explain"), id="draft-explain")
            notices = (*self.notices, *language_notice(c.language))
            notice = Label("\n".join(notices), id="draft-notice", markup=False)
            notice.display = bool(notices)
            yield notice
            yield ScoresPanel(tuple(x.name for x in criteria),
                              self.store_read(lambda: store.scores(cid), []) or [],
                              self.store_read(lambda: store.overall(cid), (None, ""))
                              or (None, ""),
                              scale=store.scale(cid),
                              indicators=tuple(x.indicators for x in criteria),
                              id="draft-scores")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "gespreks-tui"
        self.sub_title = t("draft.screen.subtitle")
        self.call_after_refresh(self._focus_first)

    def _focus_first(self) -> None:
        found = self.query("#draft-scores RadioSet")
        if found:
            found.first().focus()

    # -- stored as typed ------------------------------------------------------
    # One save at a time, so a later keystroke never lands before an earlier one:
    # changes made while a save runs wait in ``_unsaved`` (the newest per criterion).
    _saving = False

    def on_scores_panel_changed(self, message: ScoresPanel.Changed) -> None:
        self._unsaved[message.position] = message
        self._flush()

    def _flush(self) -> None:
        pending, waiting = self._unsaved, self._after_save
        if self._saving:
            return
        if not pending:
            while waiting:
                waiting.pop(0)()
            return
        batch = dict(pending)
        pending.clear()
        self._saving = True
        store, cid = self.store, self.conversation_id

        def save() -> None:
            for m in batch.values():
                store.save_draft_score(cid, m.position, m.criterion, m.score, m.comment)

        def saved(_result: None) -> None:
            self._saving = False
            self._flush()

        def failed(error: Exception) -> None:
            self._saving = False
            waiting.clear()  # what waited for the save does not happen; the text stays
            self.show_store_error(error)

        self.store_work(save, then=saved, failed=failed)

    def when_saved(self, then: Callable[[], object]) -> None:
        """Run ``then`` once every change typed so far is stored."""
        self._after_save.append(then)
        self._flush()

    def save_all(self) -> None:
        """Called by the app before it quits: what waits is stored now (an empty draft
        is not kept, as on ``action_back``)."""
        for m in list(self._unsaved.values()):
            self.store.save_draft_score(self.conversation_id, m.position, m.criterion,
                                        m.score, m.comment)
        self._unsaved.clear()
        if self._shows_nothing():
            self.store.drop_empty_draft(self.conversation_id)

    def _shows_nothing(self) -> bool:
        """Whether no row on screen has a score or an explanation (what the store is
        asked to drop is checked there again: ``drop_empty_draft``)."""
        return all(panel.shows_nothing() for panel in self.query(ScoresPanel))

    def action_back(self) -> None:
        """Back to the start screen; a draft left empty is not kept (walk25 F20: merely
        looking at the preparation left a "concept" that every new conversation with
        this employee then asked about)."""
        self.when_saved(self._leave)

    def _leave(self) -> None:
        store, cid, app = self.store, self.conversation_id, self.app
        if not self._shows_nothing():
            app.pop_screen()
            return

        def failed(error: Exception) -> None:
            self.show_store_error(error)
            app.pop_screen()

        def left(_dropped: bool) -> None:
            app.pop_screen()

        self.store_work(lambda: store.drop_empty_draft(cid), then=left, failed=failed)

    def action_export(self) -> None:
        from gespreks_tui.draft_export import default_concept_name

        c = self.conversation
        md, pdf = (Path(default_concept_name(c, ext)) for ext in ("md", "pdf"))

        def chosen(choice: ExportChoice | None) -> None:  # written by the dialog
            if choice is not None:
                notify_written(self.app, "draft.screen.exported", choice.path)

        # Every change typed so far is stored first: the concept holds what is on screen.
        self.when_saved(lambda: self.app.push_screen(DraftExportDialog(
            md, None, pdf, write=self.write_concept), chosen))

    def write_concept(self, path: Path, fmt: str) -> Path:
        """The concept written owner-only (in the export dialog's worker)."""
        from gespreks_tui.draft_export import concept_document
        from gespreks_tui.exports import write_private

        return write_private(path, concept_document(self.store, self.conversation_id, fmt))

    def action_begin(self) -> None:
        self.when_saved(lambda: begin_meeting(self, self.conversation_id, replace=True))


def begin_meeting(screen: StoreCalls, conversation_id: int, replace: bool = False) -> None:
    """Start the meeting from the draft (its values frozen), then show it."""
    store, app = screen.store, screen.app

    def opened(_conversation: Conversation) -> None:
        if replace:
            app.pop_screen()
        app.open_meeting(conversation_id)

    screen.store_work(lambda: store.start_draft(conversation_id), then=opened)


def prepare_draft(start: StartScreen) -> None:
    """The chosen employee's draft: the open one, or a new one on the beoordeling agenda."""
    person_id = start.selected_person_id()
    if person_id is None:
        start.say(t("draft.screen.pick_person"), error=True)
        return
    store, manager, lang = start.store, start.app.manager_name, language()
    existing = start.store_read(lambda: store.open_draft(person_id))
    if existing is not None:
        start.app.notify(t("draft.screen.existing", name=existing.employee_name),
                         timeout=6, markup=False)
        start.commit_discard()
        open_draft(start, existing.id)
        return

    def make() -> tuple[int, tuple[str, ...]]:  # a worker: reads the template, writes
        from gespreks_tui.agendas import load_agenda

        agenda, problems = load_agenda(Kind.BEOORDELING, lang)
        manager_id = store.add_person(manager).id if manager else None
        made = store.create_draft(person_id, agenda, manager_id=manager_id, language=lang)
        return made.id, tuple(t("start.template_problem", problem=str(p)) for p in problems)

    def made(result: tuple[int, tuple[str, ...]]) -> None:
        start.say("")
        start.commit_discard()
        start.app.push_screen(DraftAssessmentScreen(*result))

    start.store_work(make, then=made, failed=start.say_error)


def open_draft(start: StartScreen, conversation_id: int) -> None:
    """Show an open draft, with a notice when the template is broken (it keeps its form)."""
    lang = language()
    start.store_work(lambda: template_notice(lang, kept=True), failed=start.say_error,
                     then=lambda notices: start.app.push_screen(
                         DraftAssessmentScreen(conversation_id, notices)))


def template_notice(lang: str, kept: bool) -> tuple[str, ...]:
    """The beoordeling template's problems as notices (none: it is sound).

    ``kept``: for an open draft, which keeps the form it was started on.
    """
    from gespreks_tui.agendas import load_agenda

    _agenda, problems = load_agenda(Kind.BEOORDELING, lang)
    key = "scale.draft.template_kept" if kept else "start.template_problem"
    return tuple(t(key, problem=str(p)) for p in problems)


def ask_draft(start: StartScreen, conversation_id: int) -> bool:
    """For a draft chosen on the start screen: begin the meeting or edit it? (True: asked)."""
    from gespreks_tui.tui.screens.question_dialog import QuestionDialog

    store = start.store
    c = start.store_read(lambda: store.get_conversation(conversation_id))
    if c is None or c.status != Status.DRAFT:
        return False

    def answered(answer: str | None) -> None:
        if answer == "begin":
            begin_meeting(start, conversation_id)
        elif answer == "edit":
            open_draft(start, conversation_id)

    start.app.push_screen(QuestionDialog(
        t("draft.ask.title"), " ".join([t("draft.ask.explain", id=c.id,
                                             employee=c.employee_name),
                                           *language_notice(c.language)]),
        [("begin", t("draft.ask.begin")), ("edit", t("draft.ask.edit")),
         ("cancel", t("key.cancel"))]), answered)
    return True
