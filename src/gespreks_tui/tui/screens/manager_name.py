"""Asked once: the manager's own name, remembered as a setting.

The app's welcome on a first start: ``GesprekApp.show_start(ask_name=True)``
shows it on its own, before the start screen is built (issue 19: the first
frame is this light screen, not the start screen with a dialog on top). Frame
and keys: ``BaseDialog``; Escape is "later" (an empty name), not cancel: the
start screen follows either way, and the next start asks again.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from gespreks_tui.catalogue import t
from gespreks_tui.errors import UserError
from gespreks_tui.person_names import clean_name
from gespreks_tui.settings import MANAGER_SETTING
from gespreks_tui.tui.gateway import StoreCalls
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys


class ManagerNameScreen(StoreCalls, BaseDialog[str]):
    BINDINGS = dialog_keys("manager", save=False, cancel=("skip", "key.later"))
    MESSAGE_ID = "manager-message"

    def heading(self) -> str:
        return t("manager.title")

    def compose_body(self) -> ComposeResult:
        yield Label(t("manager.explain"))
        yield Input(placeholder=t("manager.placeholder"), id="manager-name", compact=True)
        # Until something typed is refused, the message line says what Escape does.
        yield Label(t("manager.later"), id="manager-message",
                    classes="field-message").set_styles("margin-top: 1;")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            name = clean_name(event.value)
        except UserError as refused:  # refused, and what was typed stays in the field
            self.say(refused.message(), error=False)
            return
        if not name:
            self.say(t("manager.empty"), error=False)
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
