"""What every dialog of ours shares: the frame, the title, Escape, the first focus, the
save and cancel buttons, and a message line for a refusal.

A dialog says what it asks in ``compose_body`` (under the title); the frame
(``Vertical.dialog`` with the ``FRAME_ID``), the bold title and, with
``save_cancel``, the buttons row come from here, and so do the handlers:
the "save" button runs ``action_save``, "cancel" and Escape dismiss with None.
Focus starts on ``FIRST_FOCUS`` (the first choice or field), as the issue asks
of every dialog. The bottom line shows the dialog's own keys (``KeyFooter``),
not the keys of the screen below, which do not work while it is open. The frame's look is in ``styles/dialogs.tcss`` under
``BaseDialog`` (a type selector matches the subclasses too).

``dialog_keys`` builds the bindings, with ids of the dialog's own (the palette's
help texts are keyed by them: ``help.<binding id>``).
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from gespreks_tui.catalogue import t
from gespreks_tui.tui.widgets.key_footer import KeyFooter

ResultT = TypeVar("ResultT")


def dialog_keys(prefix: str, save: bool = True, choices: tuple[str, str] | None = None,
                cancel: tuple[str, str] = ("cancel", "key.cancel"),
                save_label: str = "key.save") -> list[BindingType]:
    """Escape (cancel), Ctrl+S (save) if ``save``, and with ``choices`` (the two labels'
    catalogue keys) Left/Right between the answers, kept out of the Footer.

    ``save_label`` is the catalogue key of Ctrl+S's label: the verb on the dialog's
    button ("Exporteren"), so the key line says what the button says."""
    action, label = cancel
    keys: list[BindingType] = [Binding("escape", action, t(label), id=f"{prefix}.{action}")]
    if save:
        keys.append(Binding("ctrl+s", "save", t(save_label), id=f"{prefix}.save"))
    if choices is not None:
        previous, following = choices
        keys += [Binding("left", "app.focus_previous", t(previous), id=f"{prefix}.previous",
                         show=False),
                 Binding("right", "app.focus_next", t(following), id=f"{prefix}.next",
                         show=False)]
    return keys


class BaseDialog(ModalScreen[ResultT]):
    """A framed dialog with a title; subclasses add ``compose_body`` and ``action_save``."""

    # Tab and Shift+Tab move the focus the moment they are read (priority), not once
    # the key has bubbled up from the field: text, Tab and more text read at once (a
    # fast typist, a text expander) otherwise put the text after the Tab in the
    # field before it too, the Tab seemingly lost (walk25 F1). Subclasses inherit these.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", t("ui.dialog.next_field"), id="dialog.next_field",
                show=False, priority=True, tooltip=t("ui.dialog.next_field_help")),
        Binding("shift+tab", "app.focus_previous", t("ui.dialog.previous_field"),
                id="dialog.previous_field", show=False, priority=True,
                tooltip=t("ui.dialog.previous_field_help")),
    ]

    FRAME_ID: ClassVar[str | None] = None  # the frame's id (a dialog's own size rules)
    FIRST_FOCUS: ClassVar[str | None] = None  # selector of what has focus on opening
    MESSAGE_ID: ClassVar[str | None] = None  # the Label that says what was refused

    def heading(self) -> str:
        """The dialog's title, in the user's language."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id=self.FRAME_ID):
            yield Label(self.heading(), classes="dialog-title", markup=False)
            yield from self.compose_body()
        # The dialog's own keys on the bottom line: the screen below's keys do not work
        # while the dialog is open, and a key line showing them offers dead keys.
        yield KeyFooter()

    def compose_body(self) -> ComposeResult:
        """What the dialog asks: under the title, inside the frame."""
        return iter(())

    def save_cancel(self, save_label: str) -> ComposeResult:
        """The buttons row: save (the primary one) and cancel, at the right."""
        with Horizontal(classes="dialog-buttons"):
            yield Button(save_label, id="save", variant="primary", compact=True)
            yield Button(t("agreement.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        if self.FIRST_FOCUS:
            self.query_one(self.FIRST_FOCUS).focus()

    def say(self, text: str, error: bool = True) -> None:
        """``text`` on the message line (a refusal, by default: in the error colour)."""
        if self.MESSAGE_ID is None:
            return
        message = self.query_one(f"#{self.MESSAGE_ID}", Label)
        message.update(text)
        message.set_class(error, "error")

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_save(self) -> None:
        """Check what was entered and dismiss with it (or ``say`` what is missing)."""

    def action_cancel(self) -> None:
        self.dismiss(None)
