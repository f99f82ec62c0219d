"""The "Onafgerond" list keeps its highlight on the same conversation when it is
re-sorted (walk26 W9: after leaving one meeting, f4 and Enter resumed another
employee's), and a running conversation is not also listed as an earlier one
(walk26 W8). Pilot on a real database."""

from __future__ import annotations

from textual.widgets import OptionList

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.catalogue import t
from gespreks_tui.demo import load_demo
from helpers import make_app, prepare


def _unfinished(store, name: str):
    person = store.find_person(name)
    return store.create_conversation(person.id, builtin_agenda("voortgang"), 45)


async def test_the_highlight_follows_the_conversation_when_the_list_is_resorted(store,
                                                                                clock):
    load_demo(store)
    prepare(store)
    first = _unfinished(store, "Joris Bakker")
    second = _unfinished(store, "Aylin Yılmaz")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        resume = screen.query_one("#resume-list", OptionList)
        rows = screen.unfinished()
        ids = [str(row.summary.id) for row in rows]
        assert sorted(ids) == sorted([str(first.id), str(second.id)])
        resume.highlighted = 1
        chosen = ids[1]
        screen.show_unfinished(list(reversed(rows)))  # another order, as after a change
        await pilot.pause()
        assert resume.get_option_at_index(resume.highlighted).id == chosen


async def test_a_running_conversation_is_not_an_earlier_one(store, clock):
    load_demo(store)
    prepare(store)
    running = _unfinished(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        people = app.screen.query_one("#people-list", OptionList)
        joris = next(i for i in range(people.option_count)
                     if "Joris" in str(people.get_option_at_index(i).prompt))
        people.highlighted = joris
        await pilot.pause()
        history = app.screen.query_one("#history", OptionList)
        listed = [history.get_option_at_index(i).id for i in range(history.option_count)]
        assert str(running.id) not in listed
        texts = [str(history.get_option_at_index(i).prompt)
                 for i in range(history.option_count)]
        assert t("start.conversations_title") in texts
        assert len([i for i in listed if i and i.isdigit()]) >= 2  # the demo's two held
