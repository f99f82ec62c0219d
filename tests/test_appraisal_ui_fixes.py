"""The beoordelingsgesprek walked by hand (issues 16 and 18): a broken template said at
F6, whole scale labels, comments showing their start, readable score tables in the
minutes at 80x24, no dead keys in the minutes Footer, toasts that say what was
recorded, OS reasons in Dutch with the export dialog kept open, the concept's own
export title, and drafted scores that survive the keys of the meeting."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from textual.widgets import Input, OptionList, RadioSet

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.appraisal_procedure import AppraisalState
from gespreks_tui.cli import build_cli
from gespreks_tui.minutes import publish
from gespreks_tui.minutes.render import render_minutes
from gespreks_tui.tui.widgets.score_comment import CommentArea
from helpers import make_app, meeting, prepare, visible_text

LONG_LABELS = ("onvoldoende", "matig", "voldoende", "goed", "zeer goed")

TEMPLATE = """\
# Beoordeling

## Opening (5 min)

- Hoe kijk je terug op het jaar?

## Beoordeling per criterium (30 min)

- Wat ging goed?

### Criteria

- Vakkennis
- Samenwerking
- Klantgerichtheid

### Schaal

{scale}
Totaaloordeel: ja
"""


def _scale(labels) -> str:
    return "".join(f"{i}. {label}\n" for i, label in enumerate(labels, 1))


@pytest.fixture
def config(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cfg"
    (folder / "templates").mkdir(parents=True)
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    return folder


def _template(config: Path, labels) -> Path:
    path = config / "templates" / "beoordeling.nl.md"
    path.write_text(TEMPLATE.format(scale=_scale(labels)), encoding="utf-8")
    return path


def _choose(app, name: str) -> None:
    people = app.screen.query_one("#people-list", OptionList)
    names = [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]
    people.highlighted = next(i for i, shown in enumerate(names) if name in shown)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


# --- 1. a broken template, said at F6 and by `draft form` ------------------------------

BROKEN = ("onvoldoende", "matig", "voldoende", "goed", "goed")  # a duplicate label


async def test_f6_says_the_templates_problem_before_anything_is_drafted(store, clock, config):
    path = _template(config, BROKEN)
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _choose(app, "Joris Bakker")
        await pilot.press("f6")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "DraftAssessmentScreen"
        notice = screen.query_one("#draft-notice")
        shown = visible_text(notice)
        assert notice.display and notice.region.height >= 1
        assert f"{path}:" in shown and "'goed' staat twee keer" in shown
        assert "ingebouwde sjabloon" in shown  # the new draft has the built-in form
        screen.query(".score-row").first().query_one(CommentArea).value = "Kept"  # an empty
        await settle(pilot)  # draft is not kept (walk25 F20)
        await pilot.press("escape")
        await settle(pilot)
        _choose(app, "Joris Bakker")
        await pilot.press("f6")  # the open draft: it keeps the form it was started on
        await settle(pilot)
        shown = visible_text(app.screen.query_one("#draft-notice"))
        assert f"{path}:" in shown and "houdt het formulier" in shown


async def test_f6_with_a_sound_template_shows_no_notice(store, clock, config):
    _template(config, LONG_LABELS)
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _choose(app, "Joris Bakker")
        await pilot.press("f6")
        await settle(pilot)
        assert not app.screen.query_one("#draft-notice").display


def test_draft_form_for_an_open_draft_says_it_keeps_its_form(store, config, db_path):
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    store.create_draft(joris.id, builtin_agenda("beoordeling"), language="nl")
    runner = CliRunner()
    args = ["draft", "form", "Joris Bakker", "--db", str(db_path)]

    unchanged = runner.invoke(build_cli(), args)
    assert unchanged.exit_code == 0, unchanged.output
    assert "houdt het formulier" not in unchanged.stderr

    path = _template(config, BROKEN)
    broken = runner.invoke(build_cli(), args)
    assert broken.exit_code == 0, broken.output
    (line,) = [x for x in broken.stderr.splitlines() if x.strip()]  # one line
    assert "houdt het formulier" in line and f"{path}:" in line

    _template(config, LONG_LABELS)  # sound, but not the form the draft was started on
    changed = runner.invoke(build_cli(), args)
    (line,) = [x for x in changed.stderr.splitlines() if x.strip()]
    assert "houdt het formulier" in line and "gewijzigd" in line
    assert "1. onvoldoende" in changed.stdout or "onvoldoende" in changed.stdout


# --- 2. every scale label whole; 3. a comment shows its start ---------------------------

def _labels_whole(panel, labels) -> None:
    inside = panel.content_region
    for row in panel.query(".score-row"):
        buttons = row.query(RadioSet).first().query("RadioButton")
        chosen = row.query_one(".chosen")
        for value, label in enumerate(labels, 1):
            buttons[value - 1].value = True
            assert chosen.content_region.width >= cell_len(label), (label, chosen.region)
            assert chosen.region.right <= inside.right, (label, chosen.region, inside)


async def test_long_labels_show_whole_at_80x24_in_the_draft(store, clock, config):
    _template(config, LONG_LABELS)
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _choose(app, "Joris Bakker")
        await pilot.press("f6")
        await settle(pilot)
        panel = app.screen.query_one("ScoresPanel")
        rows = panel.query(".score-row")
        for row in rows:
            buttons = row.query(RadioSet).first().query("RadioButton")
            for value, label in enumerate(LONG_LABELS, 1):
                buttons[value - 1].value = True
                await pilot.pause()
                chosen = row.query_one(".chosen")
                assert visible_text(chosen) == label
                assert chosen.content_region.width >= cell_len(label), label
        _labels_whole(panel, LONG_LABELS)


async def test_the_lowest_label_is_whole_in_the_scoring_phase_at_80x24(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#kind-beoordeling")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        panel = meeting(app).query_one("ScoresPanel")
        first = panel.query(".score-row").first()
        first.query(RadioSet).first().query("RadioButton")[0].value = True
        await pilot.pause()
        chosen = first.query_one(".chosen")
        assert visible_text(chosen) == "onvoldoende"
        assert chosen.content_region.width >= len("onvoldoende")
        assert chosen.region.right <= panel.content_region.right


async def test_a_comment_left_shows_its_start(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#kind-beoordeling")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        comment = meeting(app).query_one("ScoresPanel").query(".score-row").first() \
            .query_one(CommentArea)
        comment.focus()
        await pilot.pause()
        text = "Scoort een 4, met een voorbeeld uit het afgelopen halfjaar en nog meer"
        await pilot.press(*["space" if ch == " " else ch for ch in text])
        await pilot.pause()
        assert comment.value == text
        assert comment.region.height > 1  # wrapped at its words, not scrolled sideways
        await pilot.press("tab")
        await pilot.pause()
        assert not comment.has_focus
        assert comment.scroll_offset.x == 0
        assert "Scoort een 4" in "".join(s.text for s in comment.render_line(0))


# --- the minutes of a beoordeling --------------------------------------------------------

@pytest.fixture
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


EXPLANATION = "Levert betrouwbaar werk af en helpt collega's met een voorbeeld uit het jaar"


def concluded(store) -> int:
    """Joris's beoordeling, scored with explanations, concluded and published."""
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    c = store.create_conversation(joris.id, builtin_agenda("beoordeling"), 60)
    for i, name in enumerate(c.phases[1].criteria):
        store.save_score(c.id, i, name, i % 5 + 1, EXPLANATION)
    store.conclude(c.id, "2027-11-01")
    publish(store, c.id)
    return c.id


async def on_minutes(pilot, conversation_id: int) -> None:
    from gespreks_tui.tui.screens.minutes import MinutesScreen

    await settle(pilot)
    pilot.app.push_screen(MinutesScreen(conversation_id))
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
async def test_the_score_table_reads_whole_on_screen(store, clock, size):
    """Narrow: the table as a list (every name, label and explanation whole); wide: the
    table. The minutes' Markdown itself is the same either way."""
    from gespreks_tui.tui.widgets.minutes_markdown import FittedTable

    cid = concluded(store)
    app = make_app(store, clock)
    async with app.run_test(size=size) as pilot:
        await on_minutes(pilot, cid)
        screen = app.screen
        table_lines = [x for x in screen.markdown.splitlines() if x.startswith("|")]
        assert any(EXPLANATION in x for x in table_lines)  # the Markdown keeps its table
        assert table_lines == [x for x in render_minutes(store, cid).content.splitlines()
                               if x.startswith("|")]
        (table,) = screen.query(FittedTable)
        listed, grid = table.query_one(".table-as-list"), table.query_one(
            "MarkdownTableContent")
        if size[0] == 80:
            assert listed.display and not grid.display
            text = " ".join(visible_text(listed).split())  # lines hang under the text
            for name in store.get_conversation(cid).phases[1].criteria:
                assert name in text
            assert "Oordeel: onvoldoende" in text and "Oordeel: uitstekend" in text
            assert f"Toelichting: {EXPLANATION}" in text
            assert listed.region.width >= table.content_region.width - 2  # the full width
        else:
            assert grid.display and not listed.display
            cells = [visible_text(c) for c in grid.query(".cell")]
            assert "Resultaatgerichtheid" in cells and "onvoldoende" in cells
            assert EXPLANATION in cells


# --- 5. no dead keys in the minutes Footer; 6. the toast says what was recorded ---------

async def test_u_and_p_are_offered_only_when_they_can_act(store, clock, _utc):
    from gespreks_tui.tui.screens.handover_dialog import HandoverDialog
    from gespreks_tui.tui.screens.procedure_dialog import ProcedureDialog

    cid = concluded(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_minutes(pilot, cid)
        minutes = app.screen
        assert minutes.check_action("handover", ()) is True
        await pilot.press("p")  # besproken: only the second assessor, and say 'u' first
        await settle(pilot)
        assert isinstance(app.screen, ProcedureDialog)
        steps = [b.name for b in app.screen.query("#procedure-step RadioButton")]
        assert steps == ["second"]
        summary = visible_text(app.screen.query_one("#procedure-state"))
        assert "druk eerst op u" in summary and "gespreks appraisal" not in summary
        for selector in ("#procedure-text", "#save", "#cancel"):  # still all in view
            region = app.screen.query_one(selector).region
            assert region.height >= 1 and region.bottom <= 23, (selector, region)
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, HandoverDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is minutes
        assert minutes.check_action("handover", ()) is False  # handed over: no 'u'
        await pilot.press("u")
        await settle(pilot)
        assert app.screen is minutes

        await pilot.press("p")  # voorlopig: the objection preselected
        await settle(pilot)
        pressed = app.screen.query_one("#procedure-step", RadioSet).pressed_button
        assert pressed is not None and pressed.name == "bezwaar"
        # walk26 W1: the term's last day is never split over two lines
        raw = str(app.screen.query_one("#procedure-state").render())
        assert re.search(r"tot en met \d+\xa0\w+\xa0\d{4}", raw), raw
        app.screen.query_one("#procedure-step-definitief").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.appraisal_state(cid) == AppraisalState.FINAL
        said = [str(n.message) for n in app._notifications]
        assert "De beoordeling is definitief vastgesteld." in said
        assert minutes.check_action("procedure", ()) is False  # definitief: no 'p'
        await pilot.press("p")
        await settle(pilot)
        assert app.screen is minutes


async def test_the_second_assessors_toast_says_what_was_recorded(store, clock, _utc):
    cid = concluded(store)
    store.hand_over(cid, "email", 21)
    store.record_objection(cid, "Niet eens")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_minutes(pilot, cid)
        await pilot.press("p")
        await settle(pilot)
        steps = [b.name for b in app.screen.query("#procedure-step RadioButton")]
        assert steps == ["second", "definitief"]  # no second objection
        app.screen.query_one("#procedure-step-second").value = True
        await settle(pilot)
        app.screen.query_one("#procedure-name", Input).value = "Pieter Jansen"
        app.screen.query_one("#procedure-text").load_text("Eens met de beoordeling")
        await pilot.press("ctrl+s")
        await settle(pilot)
        said = [str(n.message) for n in app._notifications]
        assert "Tweede beoordelaar Pieter Jansen: akkoord." in said
        assert not any("bezwaar ingediend" in s for s in said)


# --- 7. the OS reason in Dutch, the dialog kept open; 8. the concept's own title --------

async def test_an_export_that_cannot_be_written_keeps_the_dialog_and_speaks_dutch(
        store, clock, tmp_path):
    from gespreks_tui.tui.screens.export_dialog import ExportDialog

    cid = concluded(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_minutes(pilot, cid)
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        target = tmp_path / "nonexist" / "x.md"
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog  # still open, the name kept to correct
        assert dialog.query_one("#export-path", Input).value == str(target)
        said = visible_text(dialog.query_one("#export-message"))
        assert f"Kan {target} niet schrijven (bestand of map bestaat niet)" in said
        assert "No such file" not in said
        assert not [n for n in app._notifications if "No such file" in str(n.message)]
        good = tmp_path / "x.md"
        dialog.query_one("#export-path", Input).value = str(good)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not dialog
        assert good.read_text(encoding="utf-8") == app.screen.markdown


def test_a_store_errors_os_reason_is_in_the_users_language():
    from gespreks_tui.exports import ExportError
    from gespreks_tui.tui.gateway import error_line

    error = ExportError("export.failed", path="/x/y.md", reason="No such file or directory")
    assert error_line(error) == ("Kan /x/y.md niet schrijven (bestand of map bestaat niet). "
                                 "Er is geen bestand achtergelaten.")


async def test_the_concepts_export_dialog_has_its_own_title(store, clock, tmp_path):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _choose(app, "Joris Bakker")
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        title = visible_text(app.screen.query_one(".dialog-title"))
        assert title == "Concept exporteren"
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "no" / "c.md")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "DraftExportDialog"  # kept open, said why
        assert "bestaat niet" in visible_text(app.screen.query_one("#export-message"))


# --- 9. drafted scores survive begin, ctrl+f, f3, f3 -----------------------------------

async def test_drafted_scores_survive_the_meetings_keys_at_200x60(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(200, 60)) as pilot:
        _choose(app, "Joris Bakker")
        await pilot.press("f6")
        await settle(pilot)
        for row in app.screen.query(".score-row")[:-1]:  # every criterion a 3
            row.query(RadioSet).first().query("RadioButton")[2].value = True
        await settle(pilot)
        await pilot.press("ctrl+s")  # begin the meeting from the draft
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        panel = meeting(app).query_one("ScoresPanel")
        rows = list(panel.query(".score-row"))[:-1]
        for row in rows:
            pressed = row.query(RadioSet).first().pressed_button
            assert pressed is not None and pressed.name == "3"
        cid = meeting(app).conversation_id
        assert {s.score for s in store.scores(cid)} == {3}
