"""Asked once: the manager's own name, remembered as a setting."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from gespreks_tui.catalogue import t
from gespreks_tui.errors import UserError
from gespreks_tui.person_names import clean_name
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.tui.gateway import StoreCalls


class ManagerNameScreen(StoreCalls, ModalScreen[str]):
    BINDINGS = [Binding("escape", "skip", t("key.later"), id="manager.skip")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("manager.title"), classes="dialog-title")
            yield Label(t("manager.explain"))
            yield Input(placeholder=t("manager.placeholder"), id="manager-name", compact=True)
            yield Label("", id="manager-message", classes="field-message")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            name = clean_name(event.value)
        except UserError as refused:  # refused, and what was typed stays in the field
            self.query_one("#manager-message", Label).update(refused.message())
            return
        if not name:
            self.query_one("#manager-message", Label).update(t("manager.empty"))
            return
        store = self.store

        def remember() -> None:
            store.set_setting(MANAGER_SETTING, name)
            store.add_person(name)

        self.store_work(remember, then=lambda _: self._done(name))

    def _done(self, name: str) -> None:
        self.dismiss(name)

    def action_skip(self) -> None:
        self.dismiss("")
