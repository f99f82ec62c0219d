"""What the walk of issue 18 left open, in the app: the procedure dialog stays open after
a refusal with everything typed; its choice (and the hand-over's) starts highlighted on
the chosen answer; a beoordeling's hand-over, side panel and conclude checklist speak of
the objection (bezwaar), other kinds keep the reaction (reactie)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from textual.widgets import Input, RadioSet, TextArea

from gespreks_tui import config
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.minutes import publish
from helpers import MANAGER, make_app, prepare, type_text, visible_text


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def second_assessor(tmp_path, monkeypatch):
    """A configuration in which "definitief" needs the second assessor's agreement."""
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "config.toml").write_text("[kinds.beoordeling]\nsecond_assessor = true\n",
                                        encoding="utf-8")
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    config.reset()
    yield
    config.reset()


def concluded(store, kind: str = "beoordeling", handed: bool = True) -> int:
    prepare(store, "Joris Bakker")
    c = store.create_conversation(store.find_person("Joris Bakker").id, builtin_agenda(kind),
                                  60)
    store.conclude(c.id, "2027-11-01")
    publish(store, c.id)
    if handed:
        store.hand_over(c.id, "email", 21)
    return c.id


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def on_minutes(pilot, conversation_id: int) -> None:
    from gespreks_tui.tui.screens.minutes import MinutesScreen

    await settle(pilot)
    pilot.app.push_screen(MinutesScreen(conversation_id))
    await settle(pilot)


def _message(app) -> str:
    return visible_text(app.screen.query_one("#procedure-message"))


@pytest.mark.usefixtures("second_assessor")  # the longest summary: three lines at 80x24
async def test_a_refusal_keeps_the_dialog_open_with_what_was_typed(store, clock):
    from gespreks_tui.tui.screens.procedure_dialog import ProcedureDialog, button_in_view

    cid = concluded(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_minutes(pilot, cid)
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ProcedureDialog)
        dialog.query_one("#procedure-step-second").value = True
        await settle(pilot)
        dialog.query_one("#procedure-name", Input).focus()
        await type_text(pilot, MANAGER)  # the manager herself: refused
        dialog.query_one("#procedure-text", TextArea).focus()
        await type_text(pilot, "Eens met de score")
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert app.screen is dialog  # still open, nothing lost
        assert "leidinggevende van dit gesprek" in _message(app)
        assert dialog.query_one("#procedure-name", Input).value == MANAGER
        assert dialog.query_one("#procedure-text", TextArea).text == "Eens met de score"
        assert dialog.query_one("#procedure-step", RadioSet).pressed_button.name == "second"
        assert store.appraisal_procedure(cid).second is None  # nothing recorded
        assert button_in_view(dialog)  # the two-line refusal left the buttons in the frame

        dialog.query_one("#procedure-name", Input).value = "Anna Smit"  # corrected
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ProcedureDialog)
        second = store.appraisal_procedure(cid).second
        assert (second.by, second.agrees, second.text) == ("Anna Smit", True,
                                                          "Eens met de score")
        assert any("Anna Smit" in n.message for n in app._notifications)


async def test_a_refusal_after_another_window_moved_on_is_said_in_the_dialog(store, clock):
    """The store refuses what the dialog offered when the procedure moved on meanwhile
    (another window, the command line): said in place, the text kept."""
    from gespreks_tui.tui.screens.procedure_dialog import ProcedureDialog

    cid = concluded(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_minutes(pilot, cid)
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#procedure-text", TextArea).load_text("Niet eens met punt 2")
        store.record_objection(cid, "Al ingediend op papier")  # meanwhile, elsewhere
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "al bezwaar ingediend" in _message(app)
        assert dialog.query_one("#procedure-text", TextArea).text == "Niet eens met punt 2"
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ProcedureDialog)
        assert store.appraisal_procedure(cid).objection.text == "Al ingediend op papier"


@pytest.mark.usefixtures("second_assessor")
async def test_the_highlight_starts_on_the_chosen_step_not_the_first(store, clock):
    cid = concluded(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_minutes(pilot, cid)
        await pilot.press("p")
        await settle(pilot)
        steps = app.screen.query_one("#procedure-step", RadioSet)
        assert [b.name for b in steps.query("ChoiceButton")] == ["bezwaar", "second"]
        assert steps.pressed_button.name == "second"  # expected next: the second assessor
        assert steps.pressed_index == 1 and steps._selected == 1  # and highlighted there
        await pilot.press("space")  # takes the highlighted step: the chosen one stays
        assert steps.pressed_button.name == "second"
        await pilot.press("escape")
        await settle(pilot)
        store.record_second_assessor(cid, "Anna Smit", True)
        await pilot.press("p")
        await settle(pilot)
        steps = app.screen.query_one("#procedure-step", RadioSet)
        assert steps.pressed_button.name == "definitief"
        assert steps.pressed_index == 2 and steps._selected == 2


@pytest.mark.parametrize("kind, label, said", [
    ("beoordeling", "Bezwaartermijn (dagen)", "bezwaar mogelijk tot en met 23 november 2026"),
    ("voortgang", "Reactietermijn (dagen)", "reactie mogelijk tot 16 november 2026"),
])
async def test_the_hand_over_speaks_of_the_objection_for_an_appraisal(store, clock, kind,
                                                                      label, said):
    from gespreks_tui.tui.screens.handover_dialog import HandoverDialog

    cid = concluded(store, kind, handed=False)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_minutes(pilot, cid)
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, HandoverDialog)
        assert visible_text(app.screen.query_one("#handover-term-label")) == label
        media = app.screen.query_one("#medium", RadioSet)
        assert media._selected == media.pressed_index == 0  # e-mail, chosen and highlighted
        await pilot.press("ctrl+s")
        await settle(pilot)
        side = str(app.screen.query_one("#minutes-sign-off").render())  # no-break spaces kept
        assert "november\u00a02026" in side  # a date kept on one line (walk25 F10)
        side = side.replace("\u00a0", " ")
        assert said in side, side
        assert ("reactie" in side) == (kind != "beoordeling")
        toast = " ".join(n.message for n in app._notifications)
        assert ("bezwaar mogelijk tot en met" in toast) == (kind == "beoordeling"), toast
        # the minutes as issued keep their words ("reactie"), see test_appraisal_rest
        assert "reactie mogelijk tot" in app.screen.markdown


@pytest.mark.parametrize("kind, expected", [
    ("beoordeling", "Nog open (afronden kan toch; alleen ter herinnering):"),
    ("voortgang", "Nog open (geen bezwaar, alleen ter herinnering):"),
])
async def test_the_conclude_checklist_says_bezwaar_only_where_it_means_no_obstacle(
        store, clock, kind, expected):
    from gespreks_tui.tui.screens.conclude import ConcludeScreen

    prepare(store, "Joris Bakker")
    c = store.create_conversation(store.find_person("Joris Bakker").id, builtin_agenda(kind),
                                  60)
    app = make_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(ConcludeScreen(store.get_conversation(c.id), date(2026, 11, 2),
                                       ["3 criteria hebben nog geen score"]))
        await settle(pilot)
        assert visible_text(app.screen.query_one("#conclude-checklist-title")) == expected



@pytest.fixture
def named(tmp_path, monkeypatch):
    """The organisation calls its appraisal the jaargesprek."""
    folder = tmp_path / "named"
    folder.mkdir()
    (folder / "config.toml").write_text('[kinds.beoordeling]\nname = "jaargesprek"\n',
                                        encoding="utf-8")
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    config.reset()
    yield
    config.reset()


@pytest.mark.usefixtures("named")
async def test_f6_titles_the_draft_with_the_organisation_s_name(store, clock):
    from textual.widgets import OptionList

    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        people = app.screen.query_one("#people-list", OptionList)
        people.highlighted = next(i for i in range(people.option_count)
                                  if "Joris" in str(people.get_option_at_index(i).prompt))
        await pilot.press("f6")
        await settle(pilot)
        assert type(app.screen).__name__ == "DraftAssessmentScreen"
        title = visible_text(app.screen.query_one("#draft-title"))
        assert title == "Jaargesprek voorbereiden: Joris Bakker"
