"""The quiet hint for special-category data (issue 15): detection in the core, shown in the pane."""

from __future__ import annotations

from textual.geometry import Region

from gespreks_tui.agendas import load_agenda
from gespreks_tui.meeting import Meeting
from gespreks_tui.model import Kind
from gespreks_tui.special_data import mentions_special, special_words
from helpers import make_app, meeting, prepare, saved, type_text


def test_whole_words_in_either_language_are_found():
    assert special_words("Hij is ziek; ziekmelding loopt. Burn-out? Medicatie.") == [
        "ziek", "ziekmelding", "Burn-out", "Medicatie"]
    assert mentions_special("She is pregnant and on medication")
    assert mentions_special("", "Gesprek over religie")


def test_parts_of_other_words_are_not_found():
    assert not mentions_special("overziekte", "Hij draagt een geloofsbrief?".replace("geloof", "x"))
    assert not mentions_special("Doelen gehaald, werkdruk hoog.", "")
    assert not mentions_special("")


def test_the_meeting_decides_the_hint_when_a_note_is_flushed(store, clock):
    person = store.add_person("Joris Bakker")
    agenda, _ = load_agenda(Kind.VOORTGANG, "nl")
    conversation = store.create_conversation(person.id, agenda, 45)
    m = Meeting(store, conversation.id, clock)
    m.start()
    try:
        assert m.special_hint is False
        m.typed()
        assert m.special_hint is False  # typing alone does no work
        m.flush("Was drie weken ziek, diagnose volgt.")
        assert m.save_all()
        assert m.special_hint is True
        m.typed()
        m.flush("Doelen gehaald.")
        assert m.save_all()
        assert m.special_hint is False
    finally:
        m.close()


def bottom_border(screen) -> str:
    pane = screen.notes
    return pane.render_lines(Region(0, 0, *pane.outer_size))[-1].text.strip(" ─╭╮╰╯")


async def test_the_notes_pane_shows_a_quiet_hint_never_a_block(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = meeting(pilot.app)
        await type_text(pilot, "Doelen gehaald.")
        await saved(pilot)
        await pilot.pause()
        assert "bijzondere gegevens" not in bottom_border(screen)
        await type_text(pilot, " Sinds maart ziek thuis.")
        await saved(pilot)
        await pilot.pause()
        border = bottom_border(screen)
        assert border.startswith("Opgeslagen") and "bijzondere gegevens" in border
        assert not screen.notes.has_class("save-error")
        assert screen.text_area.text.endswith("ziek thuis.")  # typed on, nothing blocked
        assert store.notes(screen.conversation_id)  # and saved
