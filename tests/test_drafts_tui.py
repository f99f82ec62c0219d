"""Preparing a beoordeling in the app: start screen → draft → export → meeting → minutes."""

from __future__ import annotations

import stat

from textual.widgets import Input, OptionList, RadioSet

from gespreks_tui.minutes.render import render_minutes
from gespreks_tui.model import Status
from gespreks_tui.tui.widgets.score_comment import CommentArea
from helpers import make_app, meeting, prepare, saved, visible_text


def _choose(app, name: str) -> None:
    people = app.screen.query_one("#people-list", OptionList)
    names = [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]
    people.highlighted = next(i for i, shown in enumerate(names) if name in shown)


async def _export(pilot, path, fmt: str) -> None:
    dialog = pilot.app.screen
    assert type(dialog).__name__ == "DraftExportDialog"
    # Markdown and PDF only: no hidden choice the arrows could still reach
    assert [b.id for b in dialog.query("RadioButton")] == ["format-md", "format-pdf"]
    dialog.query_one(f"#format-{fmt}").value = True
    await pilot.pause()
    dialog.query_one("#export-path", Input).value = str(path)
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_prepare_export_begin_change_and_the_minutes_say_so(store, clock, tmp_path):
    prepare(store, "Joris Bakker", "Aylin Yılmaz")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        _choose(app, "Joris Bakker")
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "DraftAssessmentScreen"
        assert "Joris Bakker" in visible_text(screen.query_one("#draft-title"))
        (draft,) = [c for c in store.list_conversations() if c.status == Status.DRAFT]
        rows = screen.query(".score-row")
        first = rows.first()
        first.query(RadioSet).first().query("RadioButton")[2].value = True
        first.query_one(CommentArea).value = "Deelt kennis uit zichzelf."
        await pilot.pause()

        await pilot.press("f5")  # the concept, for the employee in advance
        await pilot.pause()
        await _export(pilot, tmp_path / "concept.md", "md")
        await pilot.press("f5")
        await pilot.pause()
        await _export(pilot, tmp_path / "concept.pdf", "pdf")
        text = (tmp_path / "concept.md").read_text(encoding="utf-8")
        assert text.startswith("# Concept-beoordeling van Joris Bakker")
        headings = [line for line in text.splitlines() if line.startswith("## ")]
        assert headings and all(line.startswith("## Concept · ") for line in headings)
        assert "Deelt kennis uit zichzelf." in text
        assert (tmp_path / "concept.pdf").read_bytes().startswith(b"%PDF")
        for name in ("concept.md", "concept.pdf"):
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600

        await pilot.press("escape")  # back: the draft is among the unfinished ones
        await pilot.pause()
        resume = app.screen.query_one("#resume-list", OptionList)
        line = str(resume.get_option_at_index(0).prompt)
        assert line.startswith("CONCEPT · ") and "Joris Bakker" in line

        _choose(app, "Joris Bakker")
        await pilot.press("f6")  # a second draft is never made: the one there is opens
        await pilot.pause()
        assert app.screen.query_one("#draft-title")
        assert len([c for c in store.list_conversations() if c.status == Status.DRAFT]) == 1
        await pilot.press("escape")
        await pilot.pause()

        resume.focus()
        resume.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuestionDialog"
        await pilot.click("#answer-begin")
        await pilot.pause()
        screen = meeting(app)
        assert screen.conversation_id == draft.id
        assert store.get_conversation(draft.id).status == Status.RUNNING
        await pilot.press("ctrl+f")  # the scoring phase: the draft's scores in place
        await pilot.pause()
        first = screen.query(".score-row").first()
        buttons = first.query(RadioSet).first().query("RadioButton")
        assert buttons[2].value
        assert first.query_one(CommentArea).value == "Deelt kennis uit zichzelf."
        buttons[3].value = True  # changed in the meeting
        await pilot.pause()
        await saved(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert store.get_conversation(draft.id).status == Status.CONCLUDED
    minutes = render_minutes(store, draft.id).content
    criterion = store.get_conversation(draft.id).phases[1].criteria[0]
    scale = store.scale(draft.id)
    assert (f"- {criterion}: aangepast in het gesprek (concept: {scale.numbered(3)}, "
            "toelichting: Deelt kennis uit zichzelf.)") in minutes
    assert store.frozen_draft(draft.id).draft.scores[0].score == 3


async def test_the_manager_is_not_offered_and_no_choice_is_refused(store, clock):
    prepare(store, "Joris Bakker")
    store.add_person("Sanne de Vries")  # the manager, listed when the setting differs
    store.set_setting("manager.name", "sanne de vries")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        people = app.screen.query_one("#people-list", OptionList)
        assert people.option_count == 1  # the manager is not offered as an employee
        people.highlighted = None
        await pilot.press("f6")
        await pilot.pause()
        assert "Kies eerst een medewerker" in visible_text(app.screen.query_one("#start-message"))
    assert store.list_conversations() == []


async def test_keys_typed_while_a_save_waits_are_stored_before_leaving(store, clock):
    from helpers import pause_for_messages, type_text

    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _choose(app, "Joris Bakker")
        await pilot.press("f6")
        await pilot.pause()
        (draft,) = store.list_conversations()
        comment = app.screen.query(".score-row").first().query_one(CommentArea)
        comment.focus()
        with store._worker_lock:  # the first save waits (another process writing, say)
            await type_text(pilot, "Helpt")
            await pause_for_messages(pilot)
            await type_text(pilot, " collega's graag")
            await pilot.press("escape")  # leaves once everything typed is stored
            await pause_for_messages(pilot)
            assert type(app.screen).__name__ == "DraftAssessmentScreen"
        await pilot.pause()
        assert type(app.screen).__name__ == "StartScreen"
        assert store.draft_values(draft.id).scores[0].comment == "Helpt collega's graag"

        resume = app.screen.query_one("#resume-list", OptionList)
        resume.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#answer-edit")  # edit, not begin: still a draft
        await pilot.pause()
        assert type(app.screen).__name__ == "DraftAssessmentScreen"
        assert store.get_conversation(draft.id).status == Status.DRAFT
        value = app.screen.query(".score-row").first().query_one(CommentArea).value
        assert value == "Helpt collega's graag"
