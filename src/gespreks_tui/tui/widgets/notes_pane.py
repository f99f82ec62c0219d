"""The notes pane: guiding questions, the shared/private mode and the text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from gespreks_tui.catalogue import t
from gespreks_tui.model import Visibility


class NotesPane(Vertical):
    """Notes for the current phase; the meeting screen loads and saves the text."""

    def compose(self) -> ComposeResult:
        yield Label("", id="notes-title", classes="pane-title")
        yield Static("", id="questions", markup=False)
        yield Static("", id="preparation", markup=False)
        yield Label("", id="notes-mode")
        yield TextArea(id="notes", soft_wrap=True, tab_behavior="focus",
                       placeholder=t("notes.placeholder"))
        yield Label("", id="save-status", markup=False)

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#notes", TextArea)

    def show_phase(self, name: str, questions: tuple[str, ...], visibility: Visibility,
                   preparation: str = "") -> None:
        self.query_one("#notes-title", Label).update(t("notes.title", phase=name))
        self.query_one("#questions", Static).update(
            "\n".join(f"• {q}" for q in questions) or t("notes.no_questions"))
        prepared = self.query_one("#preparation", Static)
        prepared.update(t("notes.preparation", text=preparation) if preparation else "")
        prepared.set_class(not preparation, "empty")
        private = visibility == Visibility.PRIVATE
        self.query_one("#notes-mode", Label).update(
            t("notes.mode_private") if private else t("notes.mode_shared"))
        self.set_class(private, "private")

    def toggle_questions(self) -> bool:
        """Fold or unfold the guiding questions and the employee's preparation."""
        self.toggle_class("folded")
        return not self.has_class("folded")

    def show_scores(self, panel) -> None:
        """Put an appraisal scores panel above the notes, or remove it (``None``)."""
        self.query("ScoresPanel").remove()
        if panel is not None:
            self.mount(panel, before=self.query_one("#notes-mode"))

    def show_save_status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#save-status", Label)
        status.update(text, layout=False)  # one fixed line: no relayout while typing
        status.set_class(error, "error")
