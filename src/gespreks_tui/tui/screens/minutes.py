"""The minutes screen: preview (rendered Markdown), export, and on-screen confirmation.

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

from gespreks_tui.catalogue import language, t
from gespreks_tui.model import Party
from gespreks_tui.tui.format import id_of, kind_text, moment_text
from gespreks_tui.tui.gateway import StoreCalls
from gespreks_tui.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from gespreks_tui.minutes import Minutes
    from gespreks_tui.tui.screens.confirm_dialog import ConfirmChoice
    from gespreks_tui.tui.screens.export_dialog import ExportChoice


class MinutesScreen(StoreCalls, Screen):
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
        store, conversation_id = self.store, self.conversation_id
        c = self.store_read(lambda: store.get_conversation(conversation_id))
        if c is None:
            return
        self.conversation = c
        self.title = t("ui.minutes.title", kind=kind_text(c.kind).capitalize(),
                       employee=c.employee_name)
        self.publish()

    # -- store work (off the UI thread) ------------------------------------------
    def publish(self) -> None:
        """Issue the minutes (a new revision when the content changed) and show them."""
        from gespreks_tui.minutes import publish

        store, conversation_id = self.store, self.conversation_id
        self.store_work(lambda: publish(store, conversation_id), then=self.show_minutes)

    def write_export(self, path: Path, fmt: str, markdown: str) -> None:
        c = self.conversation

        def write() -> Path:
            from gespreks_tui.exports import write_private

            text = markdown
            if fmt == "html":
                from gespreks_tui.minutes import render_html, title_of

                text = render_html(markdown, title_of(c), c.language)
            write_private(path, text)
            return path

        self.store_work(write, then=lambda done: self.app.notify(
            t("ui.export.done", path=done), timeout=8, markup=False))

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
        for r in self.store_read(lambda: store.revisions(conversation_id), []) or []:
            revisions.add_option(Option(t("ui.minutes.revision_line", revision=r.revision,
                                          when=moment_text(r.created_at, language())),
                                        id=str(r.revision)))

    @on(OptionList.OptionSelected, "#revisions")
    def _revision_selected(self, event: OptionList.OptionSelected) -> None:
        self.show_stored(id_of(event.option))

    # -- actions ------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("export", "confirm"):
            return self.revision is not None
        return True

    def action_export(self) -> None:
        from gespreks_tui.exports import default_export_name
        from gespreks_tui.tui.screens.export_dialog import ExportDialog

        markdown = self.markdown

        def done(choice: ExportChoice | None) -> None:
            if choice is not None:
                self.write_export(choice.path, choice.fmt, markdown)

        md, html = (Path(default_export_name(self.conversation, ext)) for ext in ("md", "html"))
        self.app.push_screen(ExportDialog(md, html), done)

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

    def action_back(self) -> None:
        self.app.pop_screen()

