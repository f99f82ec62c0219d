"""The start screen's polish (items 1-4): every label whole on an empty database at
80x24 and 200x60; the kind's highlight starts on the chosen kind; a prepared
appraisal is not an earlier conversation; the export notice shows its path on a
line of its own. Driven with Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Button, Label, OptionList, RadioSet, Static

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.catalogue import t
from gespreks_tui.model import Kind
from gespreks_tui.tui.screens.export_dialog import notify_written, shown_path
from helpers import make_app, prepare


def region_text(app, widget) -> str:
    """What the screen shows inside ``widget``'s region, lines joined by spaces."""
    region = widget.content_region
    strips = app.screen._compositor.render_strips()
    lines = [strips[y].text[region.x:region.x + region.width]
             for y in range(region.y, region.y + region.height)]
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_every_label_is_whole_on_an_empty_database(store, clock, size):
    prepare(store)  # the manager only: no employees, nothing due
    app = make_app(store, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#due-list").region.height > 0
        for widget in [*screen.query(Label), *screen.query(Static).exclude("Label"),
                       *screen.query(Button)]:
            if not widget.display or not widget.region.height:
                continue
            expected = " ".join(str(widget.render()).split())
            if not expected or widget.id == "resume-list":
                continue
            shown = region_text(app, widget)
            assert expected in shown, (widget, expected, shown)
        assert t("start.due_none") in region_text(app, screen.query_one("#due-list"))
        assert t("start.due_title") in region_text(app, screen.query_one("#due-title"))


async def test_the_kind_highlight_starts_on_the_chosen_kind(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        kinds = app.screen.query_one("#kind", RadioSet)
        kinds.focus()
        await pilot.pause()
        chosen = kinds.pressed_index
        assert str(kinds.pressed_button.name) == Kind.VOORTGANG
        assert kinds._selected == chosen  # not the first answer
        await pilot.press("space")  # Space on the highlight: the same kind stays chosen
        await pilot.pause()
        assert str(kinds.pressed_button.name) == Kind.VOORTGANG
        await pilot.press("right")
        await pilot.press("space")
        await pilot.pause()
        assert kinds.pressed_index == chosen + 1


async def test_a_prepared_appraisal_is_not_an_earlier_conversation(store, clock):
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    held = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG, "nl"), 30)
    store.conclude(held.id, None)
    draft = store.create_draft(joris.id, builtin_agenda(Kind.BEOORDELING, "nl"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        history = app.screen.query_one("#history", OptionList)
        prompts = [(str(history.get_option_at_index(i).prompt),
                    history.get_option_at_index(i).id) for i in range(history.option_count)]
        texts = [p for p, _ in prompts]
        ids = [i for _, i in prompts]
        prepared = texts.index(t("start.prepared_title"))
        earlier = texts.index(t("start.conversations_title"))
        assert prepared < ids.index(str(draft.id)) < earlier  # under "Voorbereid"
        assert ids.index(str(held.id)) > earlier  # the held one under "Eerdere"


async def test_the_export_notice_shows_the_path_on_a_line_of_its_own(store, clock, tmp_path):
    prepare(store)
    app = make_app(store, clock)
    deep = tmp_path / "een" / "heel" / "diep" / "gelegen" / "map" / "met" / "verslagen"
    target = deep / "2026-11-02-joris-bakker-voortgangsgesprek.pdf"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notify_written(app, "ui.export.done", target)
        await pilot.pause()
        message = list(app._notifications)[-1].message
        first, folder, *name = message.split("\n")
        assert first == t("ui.export.done", path="").rstrip()
        room = 80 // 2 - 4  # half the screen at 80 columns, less frame and rack gutter
        assert all(cell_len(line) <= room for line in [folder, *name])  # none wraps
        assert folder.startswith("…") and folder.endswith("/verslagen/")
        assert "".join(name) == target.name  # the whole name, broken after a "-"
        assert name[0].endswith("-")


async def test_a_path_as_wide_as_the_toast_is_never_wrapped_by_the_toast(store, clock):
    """walk26 W2: a 37-cell path at 80 columns was taken as fitting and the toast
    (36 cells of text inside its frame and the rack's scrollbar gutter) broke ".pd/f"."""
    from textual.widgets._toast import Toast

    prepare(store)
    app = make_app(store, clock)
    target = Path("/tmp/walker2-db/joris-beoordeling.pdf")
    assert cell_len(str(target)) == 37
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        notify_written(app, "ui.export.done", target)
        await pilot.pause()
        await pilot.pause()
        toast = app.screen.query(Toast).last()
        lines = list(app._notifications)[-1].message.split("\n")
        assert max(cell_len(line) for line in lines) <= toast.content_region.width
        assert any(line.endswith("joris-beoordeling.pdf") for line in lines)


def test_a_short_path_is_shown_whole_and_home_as_a_tilde(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert shown_path(tmp_path / "verslag.md", 40) == ["~/verslag.md"]
    assert shown_path(Path("/srv/verslag.md"), 40) == ["/srv/verslag.md"]
    lines = shown_path(Path("/srv") / ("x" * 60 + ".md"), 30)
    assert all(cell_len(line) <= 30 for line in lines)
    assert lines[-2].endswith("x.") and lines[-1] == "md"


async def test_a_preparation_form_that_is_not_there_is_said_at_once(store, clock, tmp_path):
    from gespreks_tui.tui.app import GesprekApp

    prepare(store, "Joris Bakker")
    missing = tmp_path / "nope.md"
    app = GesprekApp(store, clock=clock, autosave_delay=0.05, prep_path=str(missing))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = app.screen.query_one("#start-message", Label)
        assert message.display and message.has_class("error")
        assert str(message.render()) == t("start.prep_missing", path=str(missing))
    here = tmp_path / "ingevuld.md"
    here.write_text("# Voorbereiding\n", encoding="utf-8")
    app = GesprekApp(store, clock=clock, autosave_delay=0.05, prep_path=str(here))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#start-message", Label).display
