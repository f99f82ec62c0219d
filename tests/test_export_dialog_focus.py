"""Dialogs open on their first choice: Right and Space choose in the export dialog and
never type into the file name; the confirm, hand-over and reason dialogs the same."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Input, Label, RadioSet

from gespreks_tui.model import Party
from gespreks_tui.tui.screens.confirm_dialog import ConfirmDialog
from gespreks_tui.tui.screens.export_dialog import ExportChoice, ExportDialog
from gespreks_tui.tui.screens.handover_dialog import HandoverDialog
from gespreks_tui.tui.screens.reason_dialog import ReasonDialog


class Host(App):
    """A bare app with the real style sheets, to open one dialog in."""

    def __init__(self, dialog) -> None:
        from gespreks_tui.tui.app import GesprekApp

        self.CSS_PATH = GesprekApp.CSS_PATH
        super().__init__()
        self.dialog, self.result = dialog, "not dismissed"

    def compose(self) -> ComposeResult:
        yield Label("host")

    def on_mount(self) -> None:
        def done(result) -> None:
            self.result = result

        self.push_screen(self.dialog, done)


def focused_id(app) -> str | None:
    return app.focused.id if app.focused is not None else None


async def test_export_opens_on_the_format_and_right_space_pick_html(tmp_path):
    md, html = tmp_path / "verslag.md", tmp_path / "verslag.html"
    app = Host(ExportDialog(md, html))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert focused_id(app) == "format"
        await pilot.press("right", "space")
        await pilot.pause()
        path = app.screen.query_one("#export-path", Input)
        assert path.value == str(html)  # the name follows the format, no space typed
        assert app.screen.query_one("#format", RadioSet).pressed_button.id == "format-html"
        await pilot.press("tab")
        assert focused_id(app) == "export-path"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result == ExportChoice(Path(html), "html")


async def test_confirm_opens_on_who_confirms():
    app = Host(ConfirmDialog(1, {Party.EMPLOYEE: "Joris Bakker", Party.MANAGER: "Sanne"},
                             set()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert focused_id(app) == "party"
        await pilot.press("tab")
        assert focused_id(app) == "verdict"
        # Everything fits at 80x24: the buttons are on screen.
        save = app.screen.query_one("#save")
        assert save.region.bottom <= 24 and save.region.height >= 1


async def test_handover_opens_on_the_medium_and_reason_on_its_text():
    app = Host(HandoverDialog(2, 14))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert focused_id(app) == "medium"
    app = Host(ReasonDialog("Titel", "Uitleg", "Reden"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert focused_id(app) == "reason-text"
        # The frame is the dialogs' own: a bordered box, not a bare screen.
        assert app.screen.query_one("#reason-dialog").styles.border_top[0] == "thick"
