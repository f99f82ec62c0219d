"""The minutes screen: preview (rendered Markdown), export, and on-screen confirmation.

Rendering, storing a revision and writing files run in worker threads; their
results come back as messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Label, Markdown, OptionList
from textual.widgets.option_list import Option

from gespreks_tui.catalogue import language, t
from gespreks_tui.model import Party
from gespreks_tui.tui.format import kind_text, moment_text
from gespreks_tui.tui.widgets.key_footer import KeyFooter


@dataclass
class MinutesReady(Message):
    revision: int
    markdown: str
    sha256: str


@dataclass
class WorkFailed(Message):
    text: str


class MinutesScreen(Screen):
    BINDINGS = [
        Binding("e", "export", t("key.export"), id="minutes.export"),
        Binding("b", "confirm", t("key.confirm"), id="minutes.confirm"),
        Binding("escape", "back", t("key.back"), id="minutes.back"),
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
                yield Markdown(t("ui.minutes.loading"), id="minutes-markdown")
            with Vertical(id="minutes-side"):
                yield Label(t("ui.minutes.revision_title"), classes="pane-title")
                yield Label("", id="minutes-fingerprint")
                yield Label(t("ui.minutes.confirmations_title"), classes="pane-title")
                yield Label("", id="minutes-confirmations", markup=False)
                yield Label(t("ui.minutes.revisions_title"), classes="pane-title")
                yield OptionList(id="revisions")
        yield KeyFooter()

    def on_mount(self) -> None:
        c = self.app.store.get_conversation(self.conversation_id)
        self.conversation = c
        self.title = t("ui.minutes.title", kind=kind_text(c.kind).capitalize(),
                       employee=c.employee_name)
        self.publish()

    # -- workers ------------------------------------------------------------
    @work(thread=True, exclusive=True, group="minutes")
    def publish(self) -> None:
        from gespreks_tui.minutes import publish

        try:
            minutes = publish(self.app.store, self.conversation_id)
        except Exception as error:  # shown, never a traceback
            self.post_message(WorkFailed(_reason(error)))
            return
        self.post_message(MinutesReady(minutes.revision, minutes.markdown, minutes.sha256))

    @work(thread=True, group="export")
    def write_export(self, path, fmt: str, markdown: str) -> None:
        from gespreks_tui.exports import write_private

        try:
            if fmt == "html":
                from gespreks_tui.minutes import render_html, title_of

                text = render_html(markdown, title_of(self.conversation),
                                   self.conversation.language)
            else:
                text = markdown
            write_private(path, text)
        except Exception as error:
            self.post_message(WorkFailed(_reason(error)))
            return
        self.app.notify(t("ui.export.done", path=path), timeout=8, markup=False)

    # -- showing ------------------------------------------------------------
    def on_minutes_ready(self, message: MinutesReady) -> None:
        self.latest = max(self.latest or 0, message.revision)
        self.show_revision(message.revision, message.markdown, message.sha256)

    def on_work_failed(self, message: WorkFailed) -> None:
        self.app.notify(message.text, severity="error", timeout=10, markup=False)

    def show_revision(self, revision: int, markdown: str, sha256: str) -> None:
        self.revision = revision
        self.markdown = markdown
        self.query_one("#minutes-markdown", Markdown).update(markdown)
        self.query_one("#minutes-fingerprint", Label).update(
            t("ui.minutes.fingerprint", revision=revision, sha=sha256[:12]))
        self.refresh_side()

    def refresh_side(self) -> None:
        store = self.app.store
        if self.revision is None:
            return
        done = {c.party: c for c in store.confirmations(self.conversation_id, self.revision)}
        lines = []
        for party in (Party.EMPLOYEE, Party.MANAGER):
            c = done.get(party)
            if c is None:
                lines.append(t("ui.minutes.not_confirmed", party=t(f"ui.confirm.party.{party}")))
            else:
                lines.append(t("ui.minutes.confirmed_by", party=t(f"ui.confirm.party.{party}"), name=c.name,
                               verdict=t(f"ui.confirm.verdict.{c.verdict}"),
                               when=moment_text(c.confirmed_at, language())))
        self.query_one("#minutes-confirmations", Label).update("\n".join(lines))
        revisions = self.query_one("#revisions", OptionList)
        revisions.clear_options()
        for r in store.revisions(self.conversation_id):
            revisions.add_option(Option(t("ui.minutes.revision_line", revision=r.revision,
                                          when=moment_text(r.created_at, language())),
                                        id=str(r.revision)))

    @on(OptionList.OptionSelected, "#revisions")
    def _revision_selected(self, event: OptionList.OptionSelected) -> None:
        self.show_stored(int(event.option.id))

    @work(thread=True, exclusive=True, group="minutes")
    def show_stored(self, revision: int) -> None:
        """A stored revision exactly as issued, with its confirmations ticked."""
        from gespreks_tui.minutes import render_minutes

        try:
            minutes = render_minutes(self.app.store, self.conversation_id, revision=revision)
        except Exception as error:
            self.post_message(WorkFailed(_reason(error)))
            return
        self.post_message(MinutesReady(minutes.revision, minutes.markdown, minutes.sha256))

    # -- actions ------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("export", "confirm"):
            return self.revision is not None
        return True

    def action_export(self) -> None:
        from gespreks_tui.exports import default_export_name
        from gespreks_tui.tui.screens.export_dialog import ExportDialog

        markdown = self.markdown

        def done(choice) -> None:
            if choice is not None:
                self.write_export(choice.path, choice.fmt, markdown)

        defaults = [default_export_name(self.conversation, ext) for ext in ("md", "html")]
        self.app.push_screen(ExportDialog(*defaults), done)

    def action_confirm(self) -> None:
        from gespreks_tui.tui.screens.confirm_dialog import ConfirmDialog

        c, revision = self.conversation, self.revision
        if revision != self.latest:
            self.app.notify(t("ui.confirm.only_latest"), severity="warning")
            return
        names = {Party.EMPLOYEE: c.employee_name, Party.MANAGER: c.manager_name or ""}
        done_parties = {x.party for x in self.app.store.confirmations(c.id, revision)}

        def done(choice) -> None:
            if choice is None:
                return
            try:
                self.app.store.confirm(c.id, revision, choice.party, choice.name,
                                       choice.verdict, choice.comment, "screen")
            except Exception as error:
                self.app.notify(_reason(error), severity="error", timeout=10,
                                markup=False)
                return
            self.show_stored(revision)
            status = self.app.store.get_conversation(c.id).status
            self.app.notify(t(f"ui.confirm.saved_{status}"), timeout=6)

        self.app.push_screen(ConfirmDialog(revision, names, done_parties), done)

    def action_back(self) -> None:
        self.app.pop_screen()


def _reason(error: Exception) -> str:
    message = getattr(error, "message", None)
    return message() if callable(message) else str(error)
