"""The start screen's name field searches first (issue 16): Enter chooses the employee
found, a new one is added only when nobody matches or with ctrl+n; quickly typed
keys keep their spaces; the list beside says what to do when nobody is chosen;
the "Onafgerond" list sees a conversation made elsewhere; and at 80 columns the
key line keeps the keys of the employees list. Pilot on a real database."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, OptionList

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.model import Kind
from gespreks_tui.store import Store
from gespreks_tui.tui.screens.start_search import matches
from gespreks_tui.tui.widgets.key_footer import KeyFooter
from helpers import make_app, prepare, visible_text

TEAM = ("Aylin Yılmaz", "Joris Bakker", "Sanne Jansen")


def names(store) -> list[str]:
    return sorted(p.name for p in store.list_people())


def chosen_name(app) -> str | None:
    people = app.screen.query_one("#people-list", OptionList)
    if people.highlighted is None:
        return None
    return str(people.get_option_at_index(people.highlighted).prompt)


def history_lines(app) -> list[str]:
    listing = app.screen.query_one("#history", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def key_line(app) -> str:
    return str(app.screen.query_one(KeyFooter).render())


def test_a_match_starts_the_name_or_one_of_its_words():
    assert matches("Joris Bakker", "jor") and matches("Joris Bakker", "Joris  B")
    assert matches("Joris Bakker", "BAKK") and matches("Sanne de Vries", "de vr")
    assert not matches("Joris Bakker", "ris") and not matches("Joris Bakker", "")
    assert not matches("Joris Bakker", "Joris Bakkerman")


async def test_enter_chooses_the_employee_found_and_adds_nobody(store, clock):
    """Reported: "Joris" and Enter added a new person although Joris Bakker exists."""
    prepare(store, *TEAM)
    before = names(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Joris", "enter")
        await pilot.pause()
        assert names(store) == before  # nobody added
        assert chosen_name(app) == "Joris Bakker"
        assert app.focused is app.screen.query_one("#people-list")
        assert app.screen.query_one("#new-person", Input).value == ""
        assert "Joris Bakker gekozen" in visible_text(app.screen.query_one("#start-message"))
        # ctrl+n adds what is typed even when it matches someone (a different name)
        await pilot.press("ctrl+n", *"Joris", "ctrl+n")
        await pilot.pause()
        assert names(store) == sorted([*before, "Joris"])
        assert chosen_name(app) == "Joris"
        # a name that matches nobody: Enter adds it, as before
        await pilot.press("ctrl+n", *"Erik", "enter")
        await pilot.pause()
        assert "Erik" in names(store) and chosen_name(app) == "Erik"


async def test_ctrl_n_with_a_name_that_exists_chooses_it(store, clock):
    prepare(store, *TEAM)
    before = names(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", *"joris", "space", *"bakker", "ctrl+n")
        await pilot.pause()
        assert names(store) == before and chosen_name(app) == "Joris Bakker"
        assert "staat al in de lijst" in visible_text(app.screen.query_one("#start-message"))


async def test_keys_typed_quickly_in_the_list_keep_their_space(store, clock):
    """Reported: "Joris B" typed in the list became "JorisB": the keys arrive before
    the focus has moved to the field, and the space was dropped on the way."""
    prepare(store, *TEAM)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#people-list")
        for key, char in [(c, c) for c in "Joris"] + [("space", " "), ("B", "B")]:
            event = events.Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)  # as a terminal sends them: no wait between
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#new-person", Input).value == "Joris B"
        assert chosen_name(app) == "Joris Bakker"


async def test_with_nobody_chosen_the_list_beside_says_what_to_do(store, clock):
    """Reported: "Geen open afspraken." while no employee was chosen."""
    prepare(store, *TEAM)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Xander")
        await pilot.pause()
        assert chosen_name(app) is None  # a new name: nobody highlighted
        lines = history_lines(app)
        assert lines == ["Niemand gevonden met die naam. Enter voegt de naam toe als "
                         "nieuwe medewerker."]
        assert "Geen open afspraken." not in lines
        assert "^n Toevoegen als nieuw" in key_line(app)  # at 80 columns too
        await pilot.press(*["backspace"] * 6)  # the field emptied: the one chosen before
        await pilot.pause()
        assert chosen_name(app) == "Aylin Yılmaz"
        assert "^n Nieuwe medewerker" in key_line(app)
        people = app.screen.query_one("#people-list", OptionList)
        people.highlighted = None
        app.screen.show_history()
        assert history_lines(app) == ["Kies een medewerker (f2) om de open afspraken en "
                                      "eerdere gesprekken te zien."]


async def test_the_unfinished_list_sees_a_conversation_made_elsewhere(store, clock, db_path):
    """Reported: a draft made with the command line while the app was open did not
    show under "Onafgerond" (only in the employee's own list)."""
    prepare(store, *TEAM)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.query_one("#resume-box").display
        assert "Hervatten" not in key_line(app)  # nothing to resume: not offered
        other = Store.open(db_path, clock=clock)  # the command line: another connection
        try:
            joris = other.find_person("Joris Bakker")
            made = other.create_conversation(joris.id, builtin_agenda(Kind.BEOORDELING), 60)
        finally:
            other.close()
        screen.check_unfinished()  # what the screen's timer calls every few seconds
        await pilot.pause()
        resume = screen.query_one("#resume-list", OptionList)
        assert screen.query_one("#resume-box").display and resume.option_count == 1
        assert f"nr {made.id}" in str(resume.get_option_at_index(0).prompt)
        await pilot.press("f4")
        assert app.focused is resume and "^r Hervatten" in key_line(app)


async def test_the_employee_list_keeps_its_keys_at_80_columns(store, clock):
    """Reported: at 80 columns "^n Nieuwe medewerker" was cut from the key line."""
    prepare(store, *TEAM)
    joris = store.find_person("Joris Bakker")
    store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45)  # ^r shows
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#people-list")
        line = key_line(app)
        for key in ("^s Start gesprek", "^n Nieuwe medewerker", "f2 Naam wijzigen"):
            assert key in line, line
        await pilot.press(*"Xan")  # in the name field, with a name nobody has
        await pilot.pause()
        line = key_line(app)
        for key in ("^s Start gesprek", "^n Toevoegen als nieuw", "f2 Medewerkers"):
            assert key in line, line


async def test_the_unfinished_check_stays_quiet_when_the_store_fails(store, clock, db_path,
                                                                      monkeypatch):
    """The check runs every few seconds on its own: a store error (here the file gone
    unreadable) must not put up a notice each time; the list stays as it was."""
    from gespreks_tui.db import StoreError

    prepare(store, *TEAM)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        before = len(app._notifications)

        def unreadable():
            raise StoreError("db.unreadable", str(db_path))

        monkeypatch.setattr(store, "unfinished_overview", unreadable)
        for _ in range(3):
            screen.check_unfinished()
        await pilot.pause()
        assert len(app._notifications) == before
        assert not screen.query_one("#resume-box").display
