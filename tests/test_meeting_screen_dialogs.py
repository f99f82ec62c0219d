"""The agreement form and the conclude dialog: a default owner, live hints, what is open."""

from __future__ import annotations

from textual.widgets import Input

from gespreks_tui.meeting import FollowUps
from gespreks_tui.meeting.checklist import agreement_reminders as reminders
from gespreks_tui.model import Agreement, AgreementStatus, FollowUp, Outcome, Owner
from gespreks_tui.tui.screens.conclude import ConcludeScreen, SummaryScreen
from gespreks_tui.tui.widgets.key_footer import KeyFooter
from helpers import make_app, visible_text
from test_meeting_screen_focus import AGREEMENTS, open_for, team


async def test_the_form_starts_with_the_employee_and_hints_as_you_type(store, clock):
    joris = team(store)
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_for(pilot, store, joris)
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = pilot.app.screen
        assert form.query_one("#owner-employee").value  # preselected
        hints = form.query_one("#smart-hints")
        assert visible_text(hints) == ""  # nothing typed, nothing to say
        form.query_one("#agreement-text", Input).value = "Beter communiceren"
        await pilot.pause()
        assert "vaag" in visible_text(hints) and "geen datum" in visible_text(hints)
        assert "geen eigenaar" not in visible_text(hints)
        form.query_one("#agreement-text", Input).value = (
            "Budget voor opleiding aanvragen bij afdeling HR")
        form.query_one("#agreement-due", Input).value = "+3m"
        await pilot.pause()
        assert "Concreet genoeg" in visible_text(hints)
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = store.agreements(screen.conversation_id)
        assert saved.owner == Owner.EMPLOYEE and saved.due_date == "2027-02-02"


async def test_conclude_lists_what_is_unfinished_and_still_concludes(store, clock):
    joris = team(store)
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_for(pilot, store, joris, AGREEMENTS)
        await pilot.press("ctrl+r")
        await pilot.pause()
        shown = visible_text(pilot.app.screen.query_one("#conclude-open"))
        assert "1 afspraak zonder eigenaar" in shown
        assert "2 afspraken zonder datum" in shown
        assert "4 afspraken uit eerdere gesprekken nog niet besproken" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert screen.read_only  # hints, never a blocker
        assert "Aantal afspraken: 5" in " ".join(
            visible_text(label) for label in pilot.app.screen.query("Label"))


async def test_conclude_and_summary_show_only_their_own_keys(store, clock):
    """While a dialog is open the meeting's keys do nothing: the key line shows the
    dialog's keys (Escape, Ctrl+S), not "Afspraak +" of the screen below."""
    joris = team(store)
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        await open_for(pilot, store, joris)
        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ConcludeScreen)
        keys = str(dialog.query_one(KeyFooter).render())
        assert "esc Annuleren" in keys and "^s Afronden" in keys
        assert "Afspraak" not in keys and "Pauze" not in keys
        await pilot.press("ctrl+s")  # the key line's key does what the button does
        await pilot.pause()
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        keys = str(summary.query_one(KeyFooter).render())
        assert "esc Sluiten" in keys and "^s Verslag bekijken" in keys
        assert "Afspraak" not in keys
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "MinutesScreen"


def test_reminders_count_in_dutch_and_skip_what_is_done():
    def agreement(i: int, owner=None, due=None, done=False) -> Agreement:
        return Agreement(id=i, conversation_id=1, text=f"a{i}", owner=owner, due_date=due,
                         status=AgreementStatus.DONE if done else AgreementStatus.OPEN)

    mine = [agreement(1, "employee", None), agreement(2, None, "2027-01-01"),
            agreement(3, None, None, done=True)]
    earlier = (agreement(10), agreement(11), agreement(12))
    follow = FollowUps(earlier, {10: FollowUp(id=1, agreement_id=10, conversation_id=2,
                                              outcome=Outcome.ACHIEVED)},
                       frozenset({11}))
    assert reminders(mine, follow) == [
        "1 afspraak zonder eigenaar", "1 afspraak zonder datum",
        "1 afspraak uit een eerder gesprek nog niet besproken"]
    assert reminders([], FollowUps()) == []


def test_score_reminders_count_criteria_and_the_overall_judgment(store):
    """Fast, without Textual: criteria without a score, and no overall judgment while
    the scale has one; a conversation without criteria has no such hints."""
    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.meeting.checklist import score_reminders
    from gespreks_tui.model import Kind
    from gespreks_tui.model_records import Score

    person = store.add_person("Joris Bakker")
    appraisal = store.create_conversation(person.id, builtin_agenda(Kind.BEOORDELING), 60)
    assert score_reminders(appraisal, [], None) == [
        "5 criteria hebben nog geen score", "nog geen totaaloordeel gegeven"]
    scores = [Score(i, f"c{i}", 3) for i in range(4)] + [Score(4, "c4", None, "later")]
    assert score_reminders(appraisal, scores, 3) == ["1 criterium heeft nog geen score"]
    scores[4] = Score(4, "c4", 2)
    assert score_reminders(appraisal, scores, 3) == []
    progress = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45)
    assert score_reminders(progress, [], None) == []


async def test_concluding_an_appraisal_without_scores_says_so_and_still_concludes(store,
                                                                                 clock):
    """Reported: no criterion scored and no Totaaloordeel gave no warning at all."""
    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.model import Kind

    joris = team(store)
    c = store.create_conversation(joris, builtin_agenda(Kind.BEOORDELING), 60)
    store.save_score(c.id, 0, "Vakkennis", 3)
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pilot.app.open_meeting(c.id)
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ConcludeScreen)
        shown = visible_text(dialog.query_one("#conclude-open"))
        assert "4 criteria hebben nog geen score" in shown
        assert "nog geen totaaloordeel gegeven" in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)  # hints, never a blocker
        labels = " ".join(visible_text(label) for label in summary.query("Label"))
        assert "Aantal afspraken: 0" in labels
        assert "Doelen: 0 nieuw; 0 van 3 eerdere besproken" in labels  # the demo goals


async def test_the_summary_counts_no_goals_where_there_are_none(store, clock):
    team(store)
    erik = store.add_person("Erik de Jong").id  # no goals set, none to follow
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        await open_for(pilot, store, erik)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        labels = " ".join(visible_text(label) for label in pilot.app.screen.query("Label"))
        assert "Aantal afspraken" in labels and "Doelen" not in labels


async def test_conclude_pressed_twice_before_its_dialog_is_up_opens_one_dialog(store, clock):
    """The dialog comes after its checks are read in a worker: a second press in that
    moment does nothing (it used to stack a second dialog that concluded again)."""
    joris = team(store)
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_for(pilot, store, joris)
        screen.action_conclude()
        screen.action_conclude()  # same tick: the first one's checks are not back yet
        await pilot.pause()
        assert [s for s in pilot.app.screen_stack if isinstance(s, ConcludeScreen)] == [
            pilot.app.screen]
        await pilot.press("escape")
        await pilot.pause()
        screen.action_conclude()  # asked again after cancelling: the dialog comes back
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConcludeScreen)
