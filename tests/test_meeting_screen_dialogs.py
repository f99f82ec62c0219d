"""The agreement form and the conclude dialog: a default owner, live hints, what is open."""

from __future__ import annotations

from textual.widgets import Input

from gespreks_tui.meeting import FollowUps
from gespreks_tui.model import Agreement, AgreementStatus, FollowUp, Outcome, Owner
from gespreks_tui.tui.screens.conclude import reminders
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
