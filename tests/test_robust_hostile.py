"""Hostile input through every field: stored unchanged, minutes still escaped, no crash.

Each field is fed the corpus of ``hostile_corpus.py`` (control characters, NUL,
terminal escapes, emoji and ZWJ sequences, right-to-left text and bidi
controls, Markdown, HTML, Textual markup, SQL-looking text, 100k-character
lines, 1 MB pastes) through the app with Pilot where the app has a field for
it, and through the store where it does not (confirmations, follow-up
comments). Hypothesis adds random text at the store level.

What "unchanged" means, by design: one-line fields (agreement text) lose
leading and trailing whitespace, names have their whitespace runs collapsed,
and Textual's TextArea turns every ``str.splitlines`` line boundary into its
newline (see ``hostile_corpus.in_text_area``). The minutes escape control
characters (``markdown_escape.py``; proven in ``test_minutes_escape.py``); the
database never does. The one refusal: a person's name
(``gespreks_tui.person_names``) is stored in NFC with its whitespace collapsed,
and one with a control character or an invisible format character (bidi
controls, zero-width characters: Unicode category Cf) is refused with a
message, in the store and in both name dialogs, which keep what was typed; two
names equal up to case and NFC are one person, the one stored first. On screen
every control character is drawn as a picture (``tui/safe_output.py``) and
never reaches the terminal.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.geometry import Region
from textual.widgets import DataTable, Input, Label, OptionList

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.catalogue import t
from gespreks_tui.controls import CONTROLS
from gespreks_tui.dates import DateError, parse_date
from gespreks_tui.db import StoreError
from gespreks_tui.minutes import render_minutes
from gespreks_tui.model import Kind, Outcome, Owner, Party, Status, Verdict, Visibility
from gespreks_tui.person_names import name_key
from gespreks_tui.tui.app import MANAGER_SETTING
from helpers import (
    answer_paste_question,
    due_text,
    make_app,
    meeting,
    prepare,
    saved,
    visible_text,
)
from hostile_corpus import (
    ALL_CONTROLS,
    APP_CORPUS,
    BLANK,
    CORPUS,
    HEAVY,
    MEGABYTE,
    MEGABYTE_LINE,
    hostile_text,
    in_text_area,
    markdown_shape,
    name_of,
    one_line,
    pasted_into_input,
)

SIZE = (120, 40)
SHORT = [(label, text) for label, text in CORPUS if len(text) < 1000]


async def start_meeting(pilot):
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    return meeting(pilot.app)


async def paste(pilot, text: str) -> None:
    """A paste as the terminal driver delivers it: to the app, which forwards it."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def notes_title(screen) -> str:
    """The notes pane's title as shown (phase and mode, in its top border)."""
    pane = screen.notes
    return pane.render_lines(Region(0, 0, pane.outer_size.width, 1))[0].text.strip(" ─═╭╮╔╗")


async def still_alive(pilot, screen) -> None:
    """A later Pilot action still works: ctrl+f shows the next phase."""
    title = notes_title(screen)
    await pilot.press("ctrl+f")
    assert notes_title(screen) != title
    assert pilot.app.is_running


def save_failed(screen) -> bool:
    """The notes pane shows a save error (in red, in its bottom border)."""
    return screen.notes.has_class("save-error")


def assert_minutes_escaped(store, cid: int) -> None:
    """Concluded, the minutes of what was typed have no HTML and no extra headings:
    as many as a conversation of the same kind holding plain text."""
    c = store.get_conversation(cid)
    plain = store.create_conversation(c.employee_id, builtin_agenda(c.kind), 45)
    store.add_agreement(plain.id, "gewone afspraak")
    for conversation_id in (cid, plain.id):
        store.conclude(conversation_id, "2027-05-02")
    found, html = markdown_shape(render_minutes(store, cid).markdown)
    assert html == []
    assert found == markdown_shape(render_minutes(store, plain.id).markdown)[0]


# --- notes ------------------------------------------------------------------------------

async def test_notes_store_every_hostile_text_as_the_note_shows_it(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_meeting(pilot)
        cid = screen.conversation_id
        for i, (label, text) in enumerate(APP_CORPUS):
            if i % 2:  # alternate shared and private notes
                await pilot.press("ctrl+o")
            await pilot.press("f7")  # select all: the paste replaces the note
            await paste(pilot, text)
            await saved(pilot)
            key = (screen.timer.current, screen.visibility)
            stored = store.notes(cid)[key]
            assert stored == screen.text_area.text == in_text_area(text), label
            if not any(sep in text for sep in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
                assert stored == text, label  # exactly what was pasted
            assert not save_failed(screen), label
        # Typed key by key rather than pasted (Pilot cannot press an emoji as a key).
        await pilot.press("f7", "delete")
        typed = "[/]<é>'ש"
        await pilot.press(*["space" if ch == " " else ch for ch in typed])
        await saved(pilot)
        assert store.notes(cid)[(screen.timer.current, screen.visibility)] == typed
        await still_alive(pilot, screen)
    assert_minutes_escaped(store, cid)


async def test_one_megabyte_pastes_into_the_notes_and_the_agreement_field(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_meeting(pilot)
        cid = screen.conversation_id
        assert len(MEGABYTE.encode()) >= 1_000_000
        await paste(pilot, MEGABYTE)
        await answer_paste_question(pilot)
        await saved(pilot)
        assert store.notes(cid)[(0, Visibility.SHARED)] == MEGABYTE
        await pilot.press("ctrl+o", "x", "ctrl+o", "x")  # away and back: still all there
        await saved(pilot)
        assert store.notes(cid)[(0, Visibility.PRIVATE)] == "x"
        assert store.notes(cid)[(0, Visibility.SHARED)] == MEGABYTE + "x"  # typing goes on at the end
        form = await open_form(pilot)
        await paste(pilot, MEGABYTE)  # many lines: a one-line field keeps the first
        first = pasted_into_input(MEGABYTE)
        assert form.query_one("#agreement-text", Input).value == first
        await pilot.press("ctrl+s")
        await pilot.pause()
        (stored,) = store.agreements(cid)
        assert stored.text == one_line(first)
        await still_alive(pilot, screen)


@pytest.mark.skipif(not HEAVY, reason="GESPREKS_HEAVY=1: a 1 MB single line takes Textual "
                    "about 8 s to wrap in the notes and 8 s to show as an agreement")
async def test_a_one_megabyte_single_line_in_the_notes_and_as_an_agreement(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_meeting(pilot)
        await paste(pilot, MEGABYTE_LINE)
        await answer_paste_question(pilot)
        await saved(pilot)
        assert store.notes(screen.conversation_id)[(0, Visibility.SHARED)] == MEGABYTE_LINE
        form = await open_form(pilot)
        await paste(pilot, MEGABYTE_LINE)
        assert form.query_one("#agreement-text", Input).value == MEGABYTE_LINE
        await pilot.press("ctrl+s")
        await pilot.pause()
        (stored,) = store.agreements(screen.conversation_id)
        assert stored.text == MEGABYTE_LINE.strip()
        await still_alive(pilot, screen)


# --- agreements -------------------------------------------------------------------------

async def open_form(pilot):
    await pilot.press("ctrl+n")
    await pilot.pause()
    return pilot.app.screen


async def test_agreement_text_is_stored_trimmed_and_otherwise_unchanged(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # toasts are drawn
        screen = await start_meeting(pilot)
        cid = screen.conversation_id
        form = await open_form(pilot)
        for text in BLANK if HEAVY else BLANK[:2] + BLANK[-1:]:
            form.query_one("#agreement-text", Input).value = text
            await pilot.press("ctrl+s")
            assert app.screen is form
            assert "tekst" in visible_text(form.query_one("#text-message"))
        await pilot.press("escape")
        expected: list[str] = []
        for label, text in APP_CORPUS:
            form = await open_form(pilot)
            form.query_one("#agreement-text", Input).value = text
            await pilot.press("ctrl+s")
            await pilot.pause()
            if one_line(text).lstrip(" ").startswith("\x00"):  # refused: see the next test
                assert app.screen is not screen, label
                await pilot.press("escape")
                continue
            assert app.screen is screen, label
            expected.append(one_line(text))
            assert [a.text for a in store.agreements(cid)] == expected, label
        assert len(screen.query("AgreementItem")) == len(expected)
        # Deleting one shows its text in a notification; undo brings it back.
        await pilot.press("f4")
        screen.query_one("#agreement-list").index = 0  # the one with markup up front
        await pilot.press("delete")
        await pilot.pause()
        assert [a.text for a in store.agreements(cid)] == expected[1:]
        await pilot.press("u")
        assert sorted(a.text for a in store.agreements(cid)) == sorted(expected)
        await still_alive(pilot, screen)
    assert_minutes_escaped(store, cid)


async def test_agreement_starting_with_nul_is_refused_cleanly_and_kept_on_screen(store, clock):
    """SQLite's length() stops at NUL, so the table's CHECK would reject the row."""
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_meeting(pilot)
        form = await open_form(pilot)
        text = "\x00 begint met NUL"
        form.query_one("#agreement-text", Input).value = text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.agreements(screen.conversation_id) == []
        retry = app.screen  # the form again, with what was typed
        assert retry is not screen
        assert retry.query_one("#agreement-text", Input).value == text
        assert any("NUL" in str(n.message) for n in app._notifications)
        retry.query_one("#agreement-text", Input).value = "nu zonder NUL\x00 vooraan"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (stored,) = store.agreements(screen.conversation_id)
        assert stored.text == "nu zonder NUL\x00 vooraan"
        await still_alive(pilot, screen)


async def test_bad_due_dates_are_refused_with_the_message_and_nothing_is_lost(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_meeting(pilot)
        form = await open_form(pilot)
        text = "Cursus afronden [/] <b>🙂</b>"
        form.query_one("#agreement-text", Input).value = text
        await pilot.click("#owner-employee")
        bad_dates = [(label, text) for label, text in APP_CORPUS if len(text) < 1000]
        for label, bad in bad_dates + [("31 feb", "31-2-2027"), ("far", "+1000y"),
                                       ("neg", "-2w")]:
            form.query_one("#agreement-due", Input).value = bad
            await pilot.press("ctrl+s")
            assert app.screen is form, label
            assert "geen geldige datum" in visible_text(form.query_one("#due-message")), label
            assert form.query_one("#agreement-text", Input).value == text
            assert form.query_one("#agreement-due", Input).value == bad
        assert store.agreements(screen.conversation_id) == []
        form.query_one("#agreement-due", Input).value = "1 maart 2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (stored,) = store.agreements(screen.conversation_id)
        assert (stored.text, stored.owner, stored.due_date) == (text, Owner.EMPLOYEE,
                                                                "2027-03-01")
        await still_alive(pilot, screen)


@settings(max_examples=400 if HEAVY else 100, deadline=None)
@given(text=st.one_of(hostile_text, st.sampled_from([t for _, t in CORPUS])))
def test_parse_date_reads_a_date_or_says_it_cannot(text: str):
    try:
        parsed = parse_date(text, date(2026, 11, 2))
    except DateError:
        return
    assert isinstance(parsed, date)


def test_owner_and_dates_through_the_store(store, clock):
    """The store refuses an owner it does not know; a stored odd date is escaped in the minutes."""
    prepare(store, "Joris Bakker")
    person = store.find_person("Joris Bakker")
    c = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45)
    for _, text in SHORT:
        with pytest.raises(ValueError):
            store.add_agreement(c.id, "afspraak", owner=text)
    assert store.agreements(c.id) == []
    agreement = store.add_agreement(c.id, "afspraak", Owner.BOTH, "2027-03-01")
    for _, text in SHORT:
        with pytest.raises(Exception):  # noqa: B017  (ValueError or the CHECK constraint)
            store.update_agreement(agreement.id, owner=text)
    assert store.get_agreement(agreement.id).owner == Owner.BOTH
    for label, text in SHORT:
        store.update_agreement(agreement.id, due_date=text)
        assert store.get_agreement(agreement.id).due_date == text, label
    store.conclude(c.id, "<b>volgende keer</b> [/]")
    _, html = markdown_shape(render_minutes(store, c.id).markdown)
    assert html == []


# --- names ------------------------------------------------------------------------------

def people_shown(app) -> list[str]:
    people = app.screen.query_one("#people-list", OptionList)
    return [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]


def retyped(text: str) -> str:
    """What a name becomes once the refused characters are taken out: every control
    (Cc) that is not whitespace, every invisible format character (Cf), any surrogate."""
    return "".join(c for c in text
                   if c.isspace() or unicodedata.category(c) not in ("Cc", "Cf", "Cs"))


def person_name(text: str) -> str:
    """The name a person is stored under for ``text``: NFC, runs of whitespace one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def refused_as(text: str) -> str | None:
    """The catalogue key a name is refused with, for the first character a name may
    not hold (whitespace is collapsed, so it never counts); None when it may be stored."""
    for char in text:
        category = unicodedata.category(char)
        if char.isspace():
            continue
        if category in ("Cc", "Cs"):
            return "person.control_character"
        if category == "Cf":
            return "person.invisible_character"
    return None


# Typed after the corpus: a refused invisible character in a known name, and one
# new person typed twice (decomposed é, then capitals and composed): one person each.
SAME_PEOPLE = [
    ("zero width in a known name", "JORIS \u200bBAKKER"),
    ("decomposed", "Ame\u0301lie Jansen"),
    ("capitals and composed", " AM\u00c9LIE\tJANSEN "),
]


def add_key(text: str) -> str:
    """ctrl+n adds what is typed (Enter chooses a name it resembles); an empty field:
    Enter, which says a name is needed."""
    return "ctrl+n" if text.strip() else "enter"


async def test_employee_names_from_the_start_screen(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    names: list[str] = []
    first = {name_key(p.name): p.name for p in store.list_people()}  # one person: stored first
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        blank = BLANK if HEAVY else BLANK[:1] + BLANK[-1:]
        for label, text in APP_CORPUS + [(repr(b), b) for b in blank] + SAME_PEOPLE:
            await pilot.press("ctrl+n")
            field = app.screen.query_one("#new-person", Input)
            before = people_shown(app)
            refusal = refused_as(text)
            if refusal:  # refused, kept in the field: typed again without
                field.value = text
                await pilot.press(add_key(text))
                await pilot.pause()
                message = visible_text(app.screen.query_one("#start-message"))
                assert message == t(refusal), label
                assert field.value == text, label
                assert people_shown(app) == before, label
                text = retyped(text)
                assert refused_as(text) is None, label
            field.value = text
            await pilot.press(add_key(text))
            await pilot.pause()
            message = visible_text(app.screen.query_one("#start-message"))
            if not person_name(text):
                assert "naam" in message, label
                continue
            expected = first.setdefault(name_key(person_name(text)), person_name(text))
            person = store.find_person(text)
            assert person is not None and person.name == expected, label
            assert field.value == "", label
            assert message in (t("start.person_added", name=expected),  # or chosen: known
                               t("start.person_exists", name=expected)), label
            # The one shown and highlighted: nobody new when that person was there.
            assert sorted(people_shown(app)) == sorted({*before, expected}), label
            people = app.screen.query_one("#people-list", OptionList)
            assert people.highlighted == people.get_option_index(str(person.id)), label
            names.append(person.name)
        assert sorted(p.name for p in store.list_people()) == sorted(first.values())
        assert app.is_running
    # The names are in the database now: the app starts with them, and a meeting begins.
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = people_shown(app)
        assert all(name in shown for name in names)
        people = app.screen.query_one("#people-list", OptionList)
        people.highlighted = shown.index(names[0])  # markup up front
        screen = await start_meeting(pilot)
        assert screen.conversation.employee_name == names[0]
        await pilot.press("escape")  # back: the meeting is offered for resuming
        await pilot.pause()
        resume = app.screen.query_one("#resume-list", OptionList)
        assert names[0] in str(resume.get_option_at_index(0).prompt)
        assert app.is_running


async def test_manager_name_dialog_keeps_hostile_names(store, clock):
    from gespreks_tui.tui.screens.manager_name import ManagerNameScreen

    prepare(store, "Joris Bakker", manager=None)
    app = make_app(store, clock)
    first = {name_key(p.name): p.name for p in store.list_people()}  # one person: stored first
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for label, text in APP_CORPUS + SAME_PEOPLE:
            if not isinstance(app.screen, ManagerNameScreen):
                app.push_screen(ManagerNameScreen())
                await pilot.pause()
            dialog = app.screen
            field = dialog.query_one("#manager-name", Input)
            refusal = refused_as(text)
            if refusal:  # refused, kept in the field: typed again without
                before = store.get_setting(MANAGER_SETTING)
                field.value = text
                await pilot.press("enter")
                await pilot.pause()
                assert app.screen is dialog, label
                assert field.value == text, label
                assert visible_text(dialog.query_one("#manager-message")) == t(refusal), label
                assert store.get_setting(MANAGER_SETTING) == before, label
                text = retyped(text)
                assert refused_as(text) is None, label
            field.value = text
            await pilot.press("enter")
            await pilot.pause()
            if not person_name(text):
                assert app.screen is dialog, label
                continue
            assert app.screen is not dialog, label
            expected = first.setdefault(name_key(person_name(text)), person_name(text))
            assert store.get_setting(MANAGER_SETTING) == person_name(text), label
            assert store.find_person(text).name == expected, label
        assert sorted(p.name for p in store.list_people()) == sorted(first.values())
        screen = await start_meeting(pilot)
        # The last one typed (capitals) is the person first stored, in NFC (U+00E9).
        assert screen.conversation.manager_name == "Am\u00e9lie Jansen"
        assert app.is_running


NAME_CONTROLS = [char for char in ALL_CONTROLS if not char.isspace()]


def test_a_name_with_a_control_character_is_refused_with_a_message(store):
    """SQLite's NOCASE collation stops comparing at a NUL, so "Jan\\x00A" and
    "Jan\\x00B" would be one person to people.name's UNIQUE index and to
    find_person. No control character belongs in a name: the store refuses them."""
    for char in NAME_CONTROLS:
        for name in (f"Jan{char}A", f"{char}Jan", f"Jan {char}"):
            with pytest.raises(StoreError) as refused:
                store.add_person(name)
            assert refused.value.key == "person.control_character", repr(name)
            assert store.find_person(name) is None, repr(name)
    assert store.list_people() == []
    assert "NUL" in refused.value.message("nl") and "NUL" in refused.value.message("en")
    # The ones str.split takes for whitespace (tab, line feed, \x1c-\x1f, \x85...) are
    # whitespace in a name too: collapsed into one space, as always.
    for char in ALL_CONTROLS:
        if char.isspace():
            assert store.add_person(f"Jan{char}Wit").name == "Jan Wit", repr(char)
    assert [p.name for p in store.list_people()] == ["Jan Wit"]


def test_a_name_with_a_nul_stored_before_the_rule_is_only_found_exactly(store):
    """An older database may hold such a name: it keeps working as it is, and
    a new name that agrees with it up to the NUL is neither found nor added."""
    store.db["people"].insert({"name": "Jan\x00A", "left_on": None, "created_at": store.now()})
    (old,) = store.list_people()
    assert store.find_person("Jan\x00A") == old
    assert store.add_person("Jan\x00A") == old
    for other in ("Jan\x00B", "jan\x00a"):
        assert store.find_person(other) is None
        with pytest.raises(StoreError):
            store.add_person(other)
    assert store.list_people() == [old]


async def test_both_name_dialogs_refuse_a_nul_and_keep_what_was_typed(store, clock):
    from gespreks_tui.tui.screens.manager_name import ManagerNameScreen

    prepare(store, "Joris Bakker", manager=None)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ManagerNameScreen)  # asked at the start: no manager yet
        field = dialog.query_one("#manager-name", Input)
        field.value = "Sanne\x00 de Vries"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert field.value == "Sanne\x00 de Vries"
        assert visible_text(dialog.query_one("#manager-message")) == \
            t("person.control_character")
        assert store.get_setting(MANAGER_SETTING) is None
        assert [p.name for p in store.list_people()] == ["Joris Bakker"]
        field.value = "Sanne de Vries"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ManagerNameScreen)
        assert store.get_setting(MANAGER_SETTING) == "Sanne de Vries"

        await pilot.press("ctrl+n")
        field = app.screen.query_one("#new-person", Input)
        message = app.screen.query_one("#start-message", Label)
        for typed in ("Jan\x00A", "Jan\x00B", "Jan\x1b[2J"):
            field.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert field.value == typed
            assert visible_text(message) == t("person.control_character")
            assert message.has_class("error")
            assert people_shown(app) == ["Joris Bakker"]
        field.value = "Jan A"
        await pilot.press("enter")
        await pilot.pause()
        assert field.value == ""
        assert people_shown(app) == ["Jan A", "Joris Bakker"]
        assert not message.has_class("error")
        assert [p.name for p in store.list_people()] == ["Jan A", "Joris Bakker",
                                                         "Sanne de Vries"]


# --- confirmations, follow-ups and the minutes ----------------------------------------

def conversation_with(store, texts: dict[str, str]) -> int:
    """An earlier conversation and a concluded one holding ``texts`` in every field."""
    employee = store.add_person(texts["employee"])
    manager = store.add_person(texts["manager"])
    earlier = store.create_conversation(employee.id, builtin_agenda(Kind.DOELSTELLING), 60,
                                        manager_id=manager.id)
    old = store.add_agreement(earlier.id, texts["old_agreement"], Owner.EMPLOYEE)
    store.conclude(earlier.id, None)
    c = store.create_conversation(employee.id, builtin_agenda(Kind.VOORTGANG), 45,
                                  manager_id=manager.id)
    for position in range(len(c.phases)):
        store.save_note(c.id, position, Visibility.SHARED, texts["note"])
        store.save_note(c.id, position, Visibility.PRIVATE, texts["private"])
    store.add_agreement(c.id, texts["agreement"], Owner.BOTH, texts["due"])
    store.record_follow_up(old.id, c.id, Outcome.PARTLY, texts["follow_up"])
    store.conclude(c.id, "2027-05-02")
    return c.id


FIELDS = ("employee", "manager", "old_agreement", "note", "private", "agreement", "due",
          "follow_up", "employee_name", "employee_comment", "manager_name", "manager_comment")
BENIGN = {field: f"gewone tekst {i}" for i, field in enumerate(FIELDS)}
SECRET = "GEHEIM-7f3a9 "
BENIGN["private"] = SECRET + BENIGN["private"]


def confirm_both(store, cid: int, texts: dict[str, str]) -> None:
    revision = render_minutes(store, cid).revision
    from gespreks_tui.minutes import publish

    publish(store, cid)
    store.confirm(cid, revision, Party.EMPLOYEE, texts["employee_name"], Verdict.AKKOORD,
                  texts["employee_comment"])
    store.confirm(cid, revision, Party.MANAGER, texts["manager_name"], Verdict.VASTGESTELD,
                  texts["manager_comment"])


def check_stored_and_escaped(store, cid: int, texts: dict[str, str], headings: int) -> None:
    c = store.get_conversation(cid)
    assert c.status == Status.CONFIRMED
    assert (c.employee_name, c.manager_name) == (person_name(texts["employee"]),
                                                 person_name(texts["manager"]))
    c_phases = range(len(c.phases))
    assert store.notes(cid) == {
        **{(p, Visibility.SHARED): texts["note"] for p in c_phases},
        **{(p, Visibility.PRIVATE): texts["private"] for p in c_phases}}
    (agreement,) = store.agreements(cid)
    assert (agreement.text, agreement.due_date) == (texts["agreement"], texts["due"])
    (follow_up,) = store.follow_ups(cid)
    assert follow_up.comment == texts["follow_up"]
    assert follow_up.agreement_text == texts["old_agreement"]
    employee, manager = store.confirmations(cid)
    assert (employee.name, employee.comment) == (name_of(texts["employee_name"]),
                                                 texts["employee_comment"])
    assert (manager.name, manager.comment) == (name_of(texts["manager_name"]),
                                               texts["manager_comment"])
    for minutes in (render_minutes(store, cid), render_minutes(store, cid, revision=1)):
        found, html = markdown_shape(minutes.markdown)
        assert html == []
        assert found == headings
        assert SECRET not in minutes.markdown  # private notes never reach the minutes


@pytest.fixture
def baseline_headings(store):
    cid = conversation_with(store, BENIGN)
    confirm_both(store, cid, BENIGN)
    check_stored_and_escaped(store, cid, BENIGN, headings := markdown_shape(
        render_minutes(store, cid).markdown)[0])
    return headings


def filled(text: str, field: str) -> str:
    """A value the field accepts: names and agreements need some text (and no leading NUL).

    A person's name has no control or invisible characters (refused: see
    ``assert_store_refuses``); the names typed at a confirmation are not people
    and store whatever was typed, whitespace collapsed.
    """
    if field in ("employee", "manager"):
        text = retyped(text)
        return text if person_name(text) else text + " naam"
    if field in ("employee_name", "manager_name"):
        return text if name_of(text) else text + " naam"
    if field in ("agreement", "old_agreement"):
        return one_line(text) if one_line(text).lstrip(" ")[:1] not in ("", "\x00") else \
            "afspraak " + one_line(text)
    return text


def assert_store_refuses(store, raw: str) -> None:
    """A new person's name with a character a name may not hold is refused by the
    store with the key the dialogs show, and nobody is added."""
    key = refused_as(raw)
    if key is None:
        return
    before = store.list_people()
    with pytest.raises(StoreError) as refused:
        store.add_person(raw)
    assert refused.value.key == key, repr(raw)
    assert store.list_people() == before, repr(raw)


def test_every_field_through_the_store_with_the_corpus(store, baseline_headings):
    for i, (_label, text) in enumerate(CORPUS):
        for person in ("employee", "manager"):  # unique names: a marker up front
            assert_store_refuses(store, f"{i}{person} {text}")
        texts = {f: (f"{i}{f} " if f in ("employee", "manager") else "") + filled(text, f)
                 for f in FIELDS}
        texts["private"] = SECRET + texts["private"]
        cid = conversation_with(store, texts)
        confirm_both(store, cid, texts)
        check_stored_and_escaped(store, cid, texts, baseline_headings)


@settings(max_examples=500 if HEAVY else 100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_every_field_through_the_store_with_hypothesis(store, baseline_headings, data):
    n = len(store.list_people())
    drawn = {f: data.draw(hostile_text, label=f) for f in FIELDS}
    texts = {f: filled(drawn[f], f) for f in FIELDS}
    for person, marker in (("employee", f"e{n} "), ("manager", f"m{n} ")):  # unique names
        assert_store_refuses(store, marker + drawn[person])
        texts[person] = marker + texts[person]
    texts["private"] = SECRET + texts["private"]
    cid = conversation_with(store, texts)
    confirm_both(store, cid, texts)
    check_stored_and_escaped(store, cid, texts, baseline_headings)


# --- screens that show stored hostile text ----------------------------------------------

SGR = re.compile(r"\x1b\[[0-9;]*m")  # Textual's own colour changes (none in the test texts)


def terminal_output(app) -> str:
    """What the app writes to the terminal to draw its whole screen now."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


def assert_drawn_harmlessly(output: str, first: str, last: str) -> None:
    """Wherever the text from ``first`` to ``last`` is drawn, its ESC is a picture."""
    assert first in output and last in output, output
    for drawn in output.split(first)[1:]:
        inside = SGR.sub("", drawn.split(last, 1)[0])  # Textual's colours stay
        assert not CONTROLS.search(inside), repr(inside)
        assert "\u241b" in inside, repr(inside)  # ESC shown as "␛"


async def test_minutes_and_history_screens_show_hostile_text(store, clock):
    from gespreks_tui.tui.screens.history import HistoryScreen
    from gespreks_tui.tui.screens.minutes import MinutesScreen

    prepare(store)
    texts = {f: "[/] [b]x[/b] <b>y</b> \x1b[2J 🙂 zie [bijlage " + f for f in FIELDS}
    for person in ("employee", "manager"):  # a person's name refuses control characters
        texts[person] = retyped(texts[person])
    texts["due"] = "2026-11-01"  # overdue: on the start screen (the app stores ISO dates)
    cid = conversation_with(store, texts)
    confirm_both(store, cid, texts)
    employee = store.get_conversation(cid).employee_id
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # (the due list breaks a long text at a space, over two lines)
        assert texts["agreement"] in " ".join(
            due_text(app).split())
        assert "\x1b[2J" not in terminal_output(app)
        app.push_screen(MinutesScreen(cid))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        side = visible_text(app.screen.query_one("#minutes-confirmations"))
        assert name_of(texts["employee_name"]) in side
        output = terminal_output(app)
        assert "\u241b[2J" in output and "\x1b[2J" not in output
        app.pop_screen()
        await pilot.pause()
        app.push_screen(HistoryScreen(employee))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#history-agreements", DataTable)
        cells = [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
        assert any(texts["agreement"] in cell for cell in cells)  # narrow: under its date
        output = terminal_output(app)
        assert "\u241b[2J" in output and "\x1b[2J" not in output
        app.pop_screen()
        await pilot.pause()
        assert app.is_running


# --- what reaches the terminal ----------------------------------------------------------

async def test_control_characters_in_notes_and_agreements_are_drawn_as_pictures(store, clock):
    """The note's TextArea, the agreement's Input, the agreement list and the toast
    after deleting it draw ESC (and every other control character) as a picture,
    while the database keeps exactly what was typed."""
    prepare(store, "Joris Bakker")
    note = "Nn \x1b]0;GEKAAPT\x07\x1b[2J\x9b31m\x00\x7f Mm"
    agreement = "Aa \x1b]52;c;eA==\x07\x1b[2J Bb"  # short: fits the list
    app = make_app(store, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await start_meeting(pilot)
        cid = screen.conversation_id
        await paste(pilot, note)
        await saved(pilot)
        assert screen.text_area.text == note
        assert store.notes(cid)[(0, Visibility.SHARED)] == note
        output = terminal_output(app)
        assert_drawn_harmlessly(output, "Nn", "Mm")
        assert "\u2400" in output and "\u2421" in output and "\ufffd" in output  # NUL DEL CSI

        form = await open_form(pilot)
        form.query_one("#agreement-text", Input).value = agreement
        await pilot.pause()
        assert_drawn_harmlessly(terminal_output(app), "Aa", "Bb")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (stored,) = store.agreements(cid)
        assert stored.text == agreement
        output = terminal_output(app)
        assert_drawn_harmlessly(output, "Aa", "Bb")
        assert_drawn_harmlessly(output, "Nn", "Mm")

        await pilot.press("f4")
        screen.query_one("#agreement-list").index = 0
        await pilot.press("delete")
        await pilot.pause()
        assert store.agreements(cid) == []
        assert any(agreement in str(n.message) for n in app._notifications)
        assert_drawn_harmlessly(terminal_output(app), "Aa", "Bb")  # in the toast
        await pilot.press("u")
        await pilot.pause()
        assert [a.text for a in store.agreements(cid)] == [agreement]
        await still_alive(pilot, screen)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_stored_terminal_escapes_do_not_reach_the_terminal(tmp_path, gespreks_script,
                                                           clean_env):
    """A real terminal gets pictures, never the ESC: for an overdue agreement (stored as
    typed) and a name (only an older database can hold such a name)."""
    from gespreks_tui.store import Store
    from test_meeting_crash import AppInPty

    db = tmp_path / "g.db"
    store = Store.open(db)
    try:
        store.set_setting(MANAGER_SETTING, "Sanne de Vries")
        joris = store.add_person("Joris Bakker")
        store.db["people"].insert({"name": "Xx\x1b]0;GEKAAPT\x07\x1b[2JYy", "left_on": None,
                                   "created_at": store.now()})
        c = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45)
        # Short: a line of the due list full to the edge would lose its end on screen.
        store.add_agreement(c.id, "Aa\x1b]52;c;eA==\x07\x9b2JBb", Owner.BOTH, "2020-01-01")
        store.conclude(c.id, None)
    finally:
        store.close()
    app = AppInPty(gespreks_script, db, clean_env)
    try:
        app.wait_for("Medewerkers", "Joris Bakker")
        app.settle()
        with app._lock:
            raw = bytes(app._output)
        for first, last in ((b"Xx", b"Yy"), (b"Aa", b"Bb")):
            assert first in raw and last in raw, first
            for drawn in raw.split(first)[1:]:
                between = drawn.split(last, 1)[0]
                assert b"\x1b" not in between, between  # shown harmlessly, never obeyed
                assert b"\x07" not in between and "\u009b".encode() not in between, between
                assert "\u241b".encode() in between, between  # as "␛"
    finally:
        app.close()
