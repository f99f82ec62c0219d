"""The employee's POP exported from the app (walk of issue 20, finding 15): p in the
goals column opens the export dialog (Markdown or PDF, no HTML), which writes the
plan as ``gespreks pop`` does. Real app, real SQLite in tmp_path, a fake clock."""

from __future__ import annotations

from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.goals import GoalKind
from gespreks_tui.model import Kind
from gespreks_tui.tui.screens.pop_export import PopExportDialog
from helpers import make_app, prepare


async def test_p_in_the_goals_column_exports_the_pop(store, clock, tmp_path):
    catalogue.set_language("nl")
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    cid = store.create_conversation(joris, builtin_agenda(Kind.DOELSTELLING, "nl"), 60).id
    store.add_goal(cid, GoalKind.DEVELOPMENT, "Leren presenteren", support="Cursus")
    target = tmp_path / "plan.md"
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(cid)
        await pilot.pause()
        await pilot.press("f4", "p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PopExportDialog)
        # Markdown and PDF only: no hidden choice the arrows could still reach
        assert [b.id for b in dialog.query("RadioButton")] == ["format-md", "format-pdf"]
        await pilot.press("right", "space")
        await pilot.pause()
        assert dialog.query_one("#export-path").value.endswith("-joris-bakker-pop.pdf")
        await pilot.press("left", "space")
        await pilot.pause()
        assert dialog.query_one("#export-path").value.endswith("-joris-bakker-pop.md")
        dialog.query_one("#export-path").value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, PopExportDialog)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Persoonlijk ontwikkelplan van Joris Bakker\n")
    assert "Leren presenteren" in text and "Cursus" in text
