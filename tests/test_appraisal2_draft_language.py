"""A prepared appraisal keeps its own language (walk25 F29).

A conversation's language is set when it is made; for a prepared appraisal that
is when the preparation is made. Its criteria and the labels its scores were
given with stay in that language on the draft screen, the meeting screen, the
minutes and ``gespreks show`` alike; the app says so when it runs in another.
Driven with Pilot and the CLI on a real database in tmp_path.
"""

from __future__ import annotations

from textual.widgets import OptionList

from cli_helpers import invoke
from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.minutes.render import render_minutes
from gespreks_tui.model import Kind, Status
from helpers import make_app, meeting, prepare, visible_text

SCALE_EN = "1 unsatisfactory · 2 fair · 3 satisfactory · 4 good · 5 excellent"
SCALE_NL = "1 onvoldoende · 2 matig · 3 voldoende · 4 goed · 5 uitstekend"


def _english_draft(store):
    """Prepared with --lang en: one criterion scored 1."""
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    draft = store.create_draft(joris.id, builtin_agenda(Kind.BEOORDELING, "en"), language="en")
    criterion = draft.phases[1].criteria[0]
    store.save_draft_score(draft.id, 0, criterion, 1, "Needs work")
    return draft, criterion


def _legend(screen) -> str:
    return visible_text(screen.query_one(".score-legend"))


async def test_held_in_dutch_it_shows_the_labels_it_was_prepared_with(store, clock):
    draft, criterion = _english_draft(store)
    app = make_app(store, clock)  # the app in Dutch
    async with app.run_test(size=(120, 40)) as pilot:
        resume = app.screen.query_one("#resume-list", OptionList)
        resume.focus()
        resume.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        question = app.screen
        assert type(question).__name__ == "QuestionDialog"  # says so before beginning
        assert "Voorbereid in het Engels" in visible_text(question.query_one("#question-explain"))

        await pilot.click("#answer-edit")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "DraftAssessmentScreen"
        notice = visible_text(screen.query_one("#draft-notice"))
        assert "Voorbereid in het Engels" in notice and "verslag" in notice
        assert SCALE_EN in _legend(screen)

        await pilot.press("ctrl+s")  # begin the meeting from the draft
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        held = meeting(app)
        await pilot.press("ctrl+f")  # the scoring phase
        await pilot.pause()
        assert SCALE_EN in _legend(held)
        assert visible_text(held.query(".score-row").first().query_one(".chosen")) \
            == "unsatisfactory"
    assert store.get_conversation(draft.id).status == Status.RUNNING

    minutes = render_minutes(store, draft.id).content  # in the conversation's language
    assert f"Scale: {SCALE_EN}" in minutes
    assert f"| {criterion} | unsatisfactory | Needs work |" in minutes


def test_show_gives_the_labels_as_the_screen_and_the_minutes_do(store, db_path):
    draft, criterion = _english_draft(store)
    store.start_draft(draft.id)
    shown = invoke("--db", db_path, "--lang", "nl", "show", draft.id)
    assert shown.exit_code == 0, shown.output
    assert f"Schaal: {SCALE_EN}" in shown.output  # the app's word, the stored labels
    assert f"{criterion}: 1 unsatisfactory — Needs work" in shown.output
    assert SCALE_NL not in shown.output and "onvoldoende" not in shown.output
    as_json = invoke("--db", db_path, "--lang", "nl", "show", "--json", draft.id)
    assert as_json.exit_code == 0, as_json.output
    assert '"unsatisfactory"' in as_json.output and "onvoldoende" not in as_json.output


def test_the_notice_only_when_the_languages_differ():
    from gespreks_tui.draft_form import language_notice

    catalogue.set_language("nl")
    assert language_notice("nl") == ()
    assert language_notice("en") == (
        "Voorbereid in het Engels: de criteria, de schaal en het verslag van dit gesprek "
        "blijven in het Engels.",)
    catalogue.set_language("en")
    try:
        assert language_notice("en") == ()
        assert language_notice("nl")[0].startswith("Prepared in Dutch: ")
    finally:
        catalogue.set_language("nl")
