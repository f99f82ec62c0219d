"""Screen-share mode (f10): no private notes and no other employees' names on screen.

A manager turns the laptop to the employee, or shares the screen in a call:
one key hides what is not for everyone, the key line says so, and the choice
is remembered for the next start.
"""

from __future__ import annotations

from textual.widgets import OptionList

from gespreks_tui.agendas import load_agenda
from gespreks_tui.model import Visibility
from gespreks_tui.settings import SCREEN_SHARE_SETTING
from helpers import make_app, meeting, prepare, saved, type_text


def screen_text(app) -> str:
    """Everything the current screen draws, as plain text."""
    return "\n".join(line.text for line in app.screen._compositor.render_strips())


async def test_screen_share_hides_other_names_and_private_notes_and_is_remembered(store, clock):
    prepare(store, "Joris Bakker", "Aylin Yilmaz")
    aylin = store.find_person("Aylin Yilmaz")
    agenda, _ = load_agenda("voortgang", "nl")
    store.create_conversation(aylin.id, agenda, 45)  # unfinished: listed to resume
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        people = app.screen.query_one("#people-list", OptionList)
        people.highlighted = [people.get_option_at_index(i).prompt
                              for i in range(people.option_count)].index("Joris Bakker")
        await pilot.pause()
        assert "Aylin" in screen_text(app)
        await pilot.press("f10")
        await pilot.pause()
        shown = screen_text(app)
        assert "Aylin" not in shown and "Joris Bakker" in shown
        assert "GEDEELD SCHERM" in shown
        assert store.get_setting(SCREEN_SHARE_SETTING) == "1"

        await pilot.press("ctrl+s")  # a meeting with the one employee shown
        await pilot.pause()
        screen = meeting(app)
        assert screen.conversation.employee_name == "Joris Bakker"
        assert not screen.check_action("toggle_private", ())
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert screen.visibility == Visibility.SHARED

        await pilot.press("f10")  # off: private notes may be written again
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert screen.visibility == Visibility.PRIVATE
        await type_text(pilot, "Alleen voor mij")
        await saved(pilot)
        await pilot.press("f10")  # on again, in private mode: back to the shared notes
        await pilot.pause()
        assert screen.visibility == Visibility.SHARED
        assert "Alleen voor mij" not in screen_text(app)
        assert screen.text_area.text == ""
        assert store.notes(screen.conversation_id)[(0, Visibility.PRIVATE)] == "Alleen voor mij"

    again = make_app(store, clock)  # remembered: the next start is shared too
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.screen_share
        assert "GEDEELD SCHERM" in screen_text(again)
