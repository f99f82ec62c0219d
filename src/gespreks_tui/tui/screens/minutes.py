"""The minutes screen: preview (rendered Markdown), export, on-screen confirmation, and
the sign-off around it: hand-over with a reaction term (u), and the answer to a
correction request that keeps the minutes as they are (v); for a beoordeling, the
steps of its appraisal procedure (p, ``procedure_dialog``). The side pane says
where the sign-off stands (handed over, no reaction within the term, correction
requested).

Rendering, storing a revision and writing files run in worker threads; their
results come back as messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, Markdown, OptionList
from textual.widgets.option_list import Option

from gespreks_tui.appraisal_procedure import worded
from gespreks_tui.catalogue import language, t
from gespreks_tui.model import Party, SignOff
from gespreks_tui.tui.format import day_text, id_of, kind_title, moment_text, unbroken
from gespreks_tui.tui.gateway import StoreCalls
from gespreks_tui.tui.screens.handover_dialog import can_hand_over
from gespreks_tui.tui.screens.procedure_dialog import possible_steps
from gespreks_tui.tui.widgets.key_footer import KeyFooter
from gespreks_tui.tui.widgets.minutes_markdown import MinutesMarkdown  # tables that fit

if TYPE_CHECKING:
    from gespreks_tui.minutes import Minutes
    from gespreks_tui.tui.screens.confirm_dialog import ConfirmChoice
    from gespreks_tui.tui.screens.export_dialog import ExportChoice


class MinutesScreen(StoreCalls, Screen):
    BINDINGS = [
        Binding("e", "export", t("key.export"), id="minutes.export"),
        Binding("b", "confirm", t("key.confirm"), id="minutes.confirm"),
        Binding("u", "handover", t("key.handover"), id="minutes.handover"),
        Binding("v", "keep_minutes", t("key.keep_minutes"), id="minutes.keep"),
        Binding("p", "procedure", t("key.procedure"), id="minutes.procedure"),  # issue 18
        Binding("escape", "back", t("key.back"), id="minutes.back"),
        Binding("f2", "focus('#minutes-view')", t("key.focus_minutes_text"),
                id="minutes.focus_text"),
        Binding("f3", "focus('#revisions')", t("key.focus_revisions"),
                id="minutes.focus_revisions"),
    ]

    def __init__(self, conversation_id: int) -> None:
        super().__init__()
        self.conversation_id = conversation_id
        self.revision: int | None = None
        self.latest: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="minutes-body"):
            with VerticalScroll(id="minutes-view"):
                yield MinutesMarkdown(t("ui.minutes.loading"), id="minutes-markdown")
            with Vertical(id="minutes-side"):
                yield Label(t("ui.minutes.revision_title"), classes="pane-title")
                yield Label("", id="minutes-fingerprint")
                yield Label(t("ui.minutes.confirmations_title"), classes="pane-title")
                yield Label("", id="minutes-confirmations", markup=False)
                # a beoordeling's procedure state, above the sign-off (whose line, empty,
                # is the space before the revisions)
                yield Label("", id="minutes-procedure", markup=False)
                yield Label("", id="minutes-sign-off", markup=False)
                yield Label(t("ui.minutes.revisions_title"), classes="pane-title")
                yield OptionList(id="revisions")
        yield KeyFooter()

    def on_mount(self) -> None:
        store, conversation_id = self.store, self.conversation_id
        c = self.store_read(lambda: store.get_conversation(conversation_id))
        if c is None:
            return
        self.conversation = c
        self.title = t("ui.minutes.title", kind=kind_title(c.kind),
                       employee=c.employee_name)
        self.publish()

    # -- store work (off the UI thread) ------------------------------------------
    def publish(self) -> None:
        """Issue the minutes (a new revision when the content changed) and show them."""
        from gespreks_tui.minutes import publish

        store, conversation_id = self.store, self.conversation_id
        self.store_work(lambda: publish(store, conversation_id), then=self.show_minutes)

    def write_export(self, path: Path, fmt: str, markdown: str) -> Path:
        """Write the minutes to ``path`` (run in the export dialog's worker)."""
        from gespreks_tui.exports import write_private

        c = self.conversation
        text: str | bytes = markdown
        if fmt == "html":
            from gespreks_tui.minutes import render_html, title_of

            text = render_html(markdown, title_of(c), c.language)
        elif fmt == "pdf":
            from gespreks_tui.minutes import title_of
            from gespreks_tui.minutes.pdf import render_pdf

            text = render_pdf(markdown, title_of(c), c.language)
        write_private(path, text)
        return path

    def show_stored(self, revision: int) -> None:
        """A stored revision exactly as issued, with its confirmations ticked."""
        from gespreks_tui.minutes import render_minutes

        store, conversation_id = self.store, self.conversation_id
        self.store_work(lambda: render_minutes(store, conversation_id, revision=revision),
                        then=self.show_minutes)

    # -- showing ------------------------------------------------------------
    def show_minutes(self, minutes: Minutes) -> None:
        self.latest = max(self.latest or 0, minutes.revision)
        self.show_revision(minutes.revision, minutes.markdown, minutes.sha256)

    def show_revision(self, revision: int, markdown: str, sha256: str) -> None:
        self.revision = revision
        self.markdown = markdown
        self.query_one("#minutes-markdown", Markdown).update(markdown)
        self.query_one("#minutes-fingerprint", Label).update(
            t("ui.minutes.fingerprint", revision=revision, sha=sha256[:12]))
        self.refresh_side()

    def refresh_side(self) -> None:
        store, conversation_id, revision = self.store, self.conversation_id, self.revision
        if revision is None:
            return
        confirmations = self.store_read(lambda: store.confirmations(conversation_id, revision),
                                        []) or []
        done = {c.party: c for c in confirmations}
        self.all_confirmed = len(done) == len(Party)  # 'b' hidden: nothing left to confirm
        lines = []
        for party in (Party.EMPLOYEE, Party.MANAGER):
            c = done.get(party)
            if c is None:
                lines.append(t("ui.minutes.not_confirmed", party=t(f"ui.confirm.party.{party}")))
            else:
                lines.append(t("ui.minutes.confirmed_by", party=t(f"ui.confirm.party.{party}"), name=c.name,
                               verdict=t(f"ui.confirm.verdict.{c.verdict}"),
                               when=moment_text(c.confirmed_at, language(),
                                              zone=self.conversation.time_zone)))
        self.query_one("#minutes-confirmations", Label).update(unbroken("\n".join(lines)))
        self.query_one("#minutes-sign-off", Label).update(unbroken(self.sign_off_text()))
        state = ""
        if self.conversation.kind == "beoordeling":  # 'p' only with a step to record
            procedure = self.store_read(lambda: store.appraisal_procedure(conversation_id))
            self.procedure_steps = possible_steps(procedure) if procedure else ()
            if procedure is not None:  # where it stands: besproken ... definitief
                state = t("procedure.show.state",
                          state=t(f"procedure.state.{procedure.state}"))
        procedure_line = self.query_one("#minutes-procedure", Label)
        procedure_line.update(state)
        procedure_line.display = bool(state)
        self.refresh_bindings()  # 'v' only while a correction request is open
        revisions = self.query_one("#revisions", OptionList)
        revisions.clear_options()
        for r in self.store_read(lambda: store.revisions(conversation_id), []) or []:
            revisions.add_option(Option(t("ui.minutes.revision_line", revision=r.revision,
                                          when=moment_text(r.created_at, language(),
                                                          zone=self.conversation.time_zone)),
                                        id=str(r.revision)))
        if revisions.option_count:  # the revision on screen is the highlighted one
            revisions.highlighted = revisions.get_option_index(str(revision))

    def sign_off_text(self) -> str:
        """Where the newest revision's sign-off stands, in one line (empty: nothing to say)."""
        from gespreks_tui.display_time import moment_day
        from gespreks_tui.minutes.footer import until_text

        store, conversation_id = self.store, self.conversation_id
        record = self.store_read(lambda: store.conversation_record(conversation_id))
        self.can_hand_over = can_hand_over(record)  # 'u' only when the store takes it
        if record is None or record.latest is None:
            self.sign_off = SignOff.NONE
            return ""
        self.sign_off = record.sign_off(record.today)
        if self.sign_off == SignOff.NONE:
            return ""
        handover = record.handover_of(record.latest.revision)
        zone, lang = record.conversation.time_zone, language()
        values = {"date": moment_day(handover.handed_at, zone, lang),
                  "until": until_text(handover.until, lang)} if handover else {}
        objected = record.procedure is not None and record.procedure.objection is not None
        return t(worded(f"ui.minutes.sign_off.{self.sign_off}", record.conversation.kind,
                        objected), **values)  # a beoordeling's term is its objection term

    @on(OptionList.OptionSelected, "#revisions")
    def _revision_selected(self, event: OptionList.OptionSelected) -> None:
        self.show_stored(id_of(event.option))

    # -- actions ------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("export", "confirm"):
            return self.revision is not None and not (
                action == "confirm" and self.__dict__.get("all_confirmed", False))
        if action == "handover":  # hidden once handed over (or reacted to)
            return self.revision is not None and self.__dict__.get("can_hand_over", False)
        if action == "procedure":  # only a beoordeling has an appraisal procedure
            c = self.__dict__.get("conversation")
            return (self.revision is not None and c is not None and c.kind == "beoordeling"
                    and bool(self.__dict__.get("procedure_steps")))
        if action == "keep_minutes":
            return self.__dict__.get("sign_off") == SignOff.CORRECTION_REQUESTED
        return True

    def action_export(self) -> None:
        from gespreks_tui.exports import default_export_name
        from gespreks_tui.tui.screens.export_dialog import ExportDialog, notify_written

        markdown = self.markdown

        def done(choice: ExportChoice | None) -> None:  # written by the dialog
            if choice is not None:
                notify_written(self.app, "ui.export.done", choice.path)  # path on its own line

        md, html, pdf = (Path(default_export_name(self.conversation, ext))
                         for ext in ("md", "html", "pdf"))
        self.app.push_screen(ExportDialog(md, html, pdf, write=lambda path, fmt:
                                          self.write_export(path, fmt, markdown)), done)

    def action_confirm(self) -> None:
        from gespreks_tui.tui.screens.confirm_dialog import ConfirmDialog

        c, revision = self.conversation, self.revision
        if revision is None:
            return
        if revision != self.latest:
            self.app.notify(t("ui.confirm.only_latest"), severity="warning")
            return
        names = {Party.EMPLOYEE: c.employee_name, Party.MANAGER: c.manager_name or ""}
        store = self.store
        confirmations = self.store_read(lambda: store.confirmations(c.id, revision), []) or []
        done_parties = {x.party for x in confirmations}

        def done(choice: ConfirmChoice | None) -> None:
            if choice is None:
                return

            def confirm() -> str:
                store.confirm(c.id, revision, choice.party, choice.name, choice.verdict,
                              choice.comment, "screen")
                return store.get_conversation(c.id).status

            def confirmed(status: str) -> None:
                self.show_stored(revision)
                self.app.notify(t(f"ui.confirm.saved_{status}"), timeout=6)

            self.store_work(confirm, then=confirmed)

        self.app.push_screen(ConfirmDialog(revision, names, done_parties), done)

    def action_handover(self) -> None:
        """Record that the newest revision was handed over, with a reaction term."""
        from gespreks_tui.config import current
        from gespreks_tui.tui.screens.handover_dialog import HandoverChoice, HandoverDialog

        store, conversation_id, revision = self.store, self.conversation_id, self.latest
        if revision is None:
            return

        def chosen(choice: HandoverChoice | None) -> None:
            if choice is None:
                return

            def hand_over() -> str:
                return store.hand_over(conversation_id, choice.medium, choice.term_days).until

            def done(until: str) -> None:
                self.show_stored(revision)
                self.app.notify(t(worded("ui.handover.done", self.conversation.kind),
                                  until=day_text(until, language())), timeout=6, markup=False)

            self.store_work(hand_over, then=done)

        term = (store.procedure_terms().objection_days if self.conversation.kind == "beoordeling"
                else current().term_days)  # a beoordeling's hand-over: its objection term
        self.app.push_screen(HandoverDialog(revision, term, self.conversation.kind), chosen)

    def action_keep_minutes(self) -> None:
        """Answer a correction request: the minutes stay as they are, with the reason."""
        from gespreks_tui.tui.screens.reason_dialog import ReasonDialog

        store, conversation_id, revision = self.store, self.conversation_id, self.latest

        def chosen(reason: str | None) -> None:
            if reason is None or revision is None:
                return

            def done(_: object) -> None:
                self.show_stored(revision)
                self.app.notify(t("ui.keep.done"), timeout=6)

            self.store_work(lambda: store.keep_minutes(conversation_id, reason), then=done)

        self.app.push_screen(ReasonDialog(t("ui.keep.title"), t("ui.keep.explain"),
                                          t("ui.keep.reason")), chosen)

    def action_procedure(self) -> None:
        """Record a step of a beoordeling's procedure: objection, second assessor, final."""
        from gespreks_tui.tui.screens.procedure_dialog import (
            ProcedureChoice,
            ProcedureDialog,
            saved_text,
        )

        store, cid = self.store, self.conversation_id
        procedure = self.store_read(lambda: store.appraisal_procedure(cid))
        if procedure is None:
            return

        def chosen(choice: ProcedureChoice | None) -> None:
            if choice is None:
                return  # cancelled; a refusal keeps the dialog open (it records itself)
            if self.latest is not None:
                self.show_stored(self.latest)
            self.app.notify(saved_text(choice), timeout=6, markup=False)  # what was recorded

        self.app.push_screen(ProcedureDialog(procedure), chosen)

    def action_back(self) -> None:
        self.app.pop_screen()

