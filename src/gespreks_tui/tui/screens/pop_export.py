"""The development plan (POP) exported from the app (walk of issue 20, finding 15).

``p`` in the goals column (and the palette's "POP exporteren") opens the export
dialog for the employee's POP: Markdown or PDF, as ``gespreks pop`` writes it
(``minutes.pop``: every development goal, whatever its period), owner-only.
The dialog writes the file itself and closes once it is written.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from gespreks_tui.catalogue import t
from gespreks_tui.tui.screens.export_dialog import ExportChoice, ExportDialog, notify_written


class PopExportDialog(ExportDialog):
    """The export dialog with Markdown and PDF only: the plan has no HTML form."""

    def heading(self) -> str:
        return t("goals_ui.pop_title")


def export_pop(app: App, employee_id: int) -> None:
    """Open the dialog for ``employee_id``'s POP; a notice once it is written."""
    from gespreks_tui.exports import slug, write_private
    from gespreks_tui.minutes.pop import pop_markdown, pop_pdf, read_pop

    store, today = app.store, app.clock.today()  # type: ignore[attr-defined]
    person = store.get_person(employee_id)
    stem = f"{today.isoformat()}-{slug(person.name) or person.id}-pop"
    md, pdf = Path(f"{stem}.md"), Path(f"{stem}.pdf")

    def write(path: Path, fmt: str) -> Path:  # in the dialog's worker
        plan = read_pop(store, employee_id, today=today)
        return write_private(path, pop_pdf(plan) if fmt == "pdf" else pop_markdown(plan))

    def done(choice: ExportChoice | None) -> None:
        if choice is not None:
            notify_written(app, "goals_ui.pop_written", choice.path)  # path on its own line

    app.push_screen(PopExportDialog(md, None, pdf, write=write), done)
