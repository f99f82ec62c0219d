"""The export dialog offers PDF next to Markdown and HTML when its caller writes PDFs."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Input, RadioButton

from gespreks_tui.tui.screens.export_dialog import ExportChoice, ExportDialog


class DialogApp(App):
    def __init__(self, dialog: ExportDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.chosen: list[ExportChoice | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.chosen.append)


async def test_choosing_pdf_proposes_the_pdf_name_and_returns_pdf(tmp_path: Path):
    md, html, pdf = (tmp_path / f"verslag.{ext}" for ext in ("md", "html", "pdf"))
    app = DialogApp(ExportDialog(md, html, pdf))
    async with app.run_test() as pilot:
        await pilot.pause()
        button = app.screen.query_one("#format-pdf", RadioButton)
        assert "PDF" in str(button.label)
        button.value = True
        await pilot.pause()
        assert app.screen.query_one("#export-path", Input).value == str(pdf)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.chosen == [ExportChoice(pdf, "pdf")]


async def test_without_a_pdf_name_the_dialog_offers_markdown_and_html_only(tmp_path: Path):
    app = DialogApp(ExportDialog(tmp_path / "v.md", tmp_path / "v.html"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert [b.id for b in app.screen.query(RadioButton)] == ["format-md", "format-html"]
