"""Erase and access export find the same mentions: one search, one matcher (issue 15).

Joris is mentioned by full name, first name and surname only, in notes of
three other employees' conversations, in an agreement, a confirmation comment
and the issued minutes. ``plan_erasure`` (what ``person erase`` lists) and
``build_export`` (what ``person export`` shows) must list the same places,
in the same order; after the erasure with every listed mention chosen,
nothing of him is left in those places and nothing else changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import invoke
from gespreks_tui.access_export import build_export
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.minutes import publish
from gespreks_tui.model import Kind, Visibility
from gespreks_tui.privacy.matcher import MentionMatcher
from gespreks_tui.store import Store
from test_privacy_mentions import every_text

NOTES = {
    "Aylin Yılmaz": "Aylin loopt goed. Joris helpt haar met de planning.",
    "Pieter Jansen": "Pieter werkt samen met Joris Bakker aan het portaal.",
    "Femke de Boer": "Femke stemt de release af met Bakker. Ze wil een cursus.",
}


@pytest.fixture
def three_db(tmp_path: Path) -> Path:
    path = tmp_path / "drie.db"
    store = Store.open(path, clock=FakeClock())
    try:
        manager = store.add_person("Sanne de Vries")
        joris = store.add_person("Joris Bakker")
        own = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45,
                                        manager_id=manager.id)
        store.save_note(own.id, 0, Visibility.SHARED, "Joris wil teamleider worden.")
        for name, note in NOTES.items():
            person = store.add_person(name)
            c = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45,
                                          manager_id=manager.id)
            store.save_note(c.id, 0, Visibility.SHARED, note)
            if name.startswith("Aylin"):
                store.add_agreement(c.id, "Met Joris Bakker de overdracht plannen", "employee")
                store.conclude(c.id, None)
                issued = publish(store, c.id)
                store.confirm(c.id, issued.revision, "employee", name, "akkoord",
                              "Fijn dat Joris meedenkt.")
    finally:
        store.close()
    return path


def places(mentions) -> list[tuple]:
    return [(m.table, m.column, m.rowid, m.start, m.end, m.kind) for m in mentions]


def test_erase_plan_and_access_export_list_the_same_places(three_db: Path, tmp_path: Path):
    store = Store.open(three_db, clock=FakeClock())
    try:
        joris = store.find_person("Joris Bakker")
        plan = store.plan_erasure(joris.id)
        export = build_export(store, joris)
        blacked = build_export(store, joris, black_out=True)
    finally:
        store.close()
    listed = places(plan.mentions)
    assert listed == places(m.mention for m in export.mentions)
    assert listed == places(m.mention for m in blacked.mentions)
    found = {(m.field, m.found, m.kind) for m in plan.mentions}
    assert found == {
        ("note_shared", "Joris", "part"), ("note_shared", "Joris Bakker", "full"),
        ("note_shared", "Bakker", "part"), ("agreement", "Joris Bakker", "full"),
        ("confirmation", "Joris", "part"), ("minutes", "Joris", "part"),
        ("minutes", "Joris Bakker", "full")}
    assert {m.employee for m in plan.mentions} == {
        "Aylin Yılmaz", "Pieter Jansen", "Femke de Boer"}
    assert not any(m.conversation_id == 1 for m in plan.mentions)  # his own: not a mention

    # The command line shows the same list, numbered the same way, in both commands.
    out = tmp_path / "inzage"
    assert invoke("person", "export", "Joris Bakker", "-o", out, "--db", three_db
                  ).exit_code == 0
    data = json.loads((out / "gegevens.json").read_text(encoding="utf-8"))
    assert [m["sentence"] for m in data["mentions_in_other_records"]] == [
        m.sentence for m in plan.mentions]
    overview = (out / "00-overzicht.md").read_text(encoding="utf-8")
    for m in plan.mentions:
        assert f"{m.number}. gesprek {m.conversation_id}" in overview

    before = every_text(three_db)
    result = invoke("person", "erase", "Joris Bakker", "--redact", "all", "--yes",
                    "--db", three_db)
    assert result.exit_code == 0, result.output + result.stderr
    for m in plan.mentions:
        assert f"  {m.number}. gesprek {m.conversation_id}" in result.output
    after = every_text(three_db)
    changed = {key for key in before.keys() & after.keys() if before[key] != after[key]}
    # Only the listed texts (and the minutes' bookkeeping) changed.
    assert {k for k in changed if k[0] not in ("minutes_revisions", "conversations")} == {
        (m.table, m.rowid, m.column) for m in plan.mentions if m.table != "minutes_revisions"}
    assert {k[2] for k in changed if k[0] == "conversations"} <= {"issued_revision"}
    for key in changed:
        assert "Joris" not in str(after[key]) and "Bakker" not in str(after[key])


@pytest.mark.parametrize(("text", "expected"), [
    ("Wil, kun je de planning doen?", ["Wil"]),  # addressed
    ("Wil je de planning doen?", []),
    ("Gisteren belde Wil over de planning.", ["Wil"]),
    ("De wil is er. Roos en Mark niet.", []),
])
def test_a_word_name_counts_where_it_is_used_as_a_name(text: str, expected: list):
    matcher = MentionMatcher("Wil")
    assert [text[s:e] for s, e, _ in matcher.candidates(text)] == expected


def test_a_surname_the_texts_use_as_a_word_is_not_taken_at_a_sentence_start():
    matcher = MentionMatcher("Joris Bakker")
    text = "Bakker levert het brood. Overleg met Bakker. Joris helpt."
    def word(part: str) -> bool:
        return part == "Bakker"  # the texts say "de bakker" somewhere

    assert [text[s:e] for s, e, _ in matcher.candidates(text, word)] == ["Bakker", "Joris"]
    assert [text[s:e] for s, e, _ in matcher.candidates(text)] == ["Bakker", "Bakker", "Joris"]
    assert matcher.used_as_word("Bakker", "Naar de bakker.")
    assert not matcher.used_as_word("Joris", "met dank aan joris bakker")  # the full name


def test_the_stored_texts_decide_what_is_a_word(tmp_path: Path):
    store = Store.open(tmp_path / "bakker.db", clock=FakeClock())
    try:
        store.add_person("Joris Bakker")
        aylin = store.add_person("Aylin Yılmaz")
        c = store.create_conversation(aylin.id, builtin_agenda(Kind.VOORTGANG), 45)
        store.save_note(c.id, 0, Visibility.SHARED, "Bakker belt morgen. Joris ook.")
        assert [m.found for m in store.mentions_of(store.find_person("Joris Bakker").id)
                ] == ["Bakker", "Joris"]
        store.add_agreement(c.id, "Koffie halen bij de bakker")
        assert [m.found for m in store.mentions_of(store.find_person("Joris Bakker").id)
                ] == ["Joris"]
    finally:
        store.close()


def test_a_part_inside_another_stored_persons_name_is_not_a_mention():
    matcher = MentionMatcher("Joris Bakker", ["Joris de Wit", "Femke Bakker", "Sanne de Vries"])
    text = "Joris de Wit helpt Femke Bakker. Overleg met Joris. Bakker belt."
    assert [text[s:e] for s, e, _ in matcher.candidates(text)] == ["Joris", "Bakker"]
    assert [text[s:e] for s, e, _ in MentionMatcher("Joris Bakker").candidates(text)] == [
        "Joris", "Bakker", "Joris", "Bakker"]


def test_a_one_word_manager_name_is_replaced_only_where_it_names_them():
    """The minutes of a conversation "Wil" led: the name goes, the word stays."""
    minutes = "- Leidinggevende: Wil\n\nWil je dat? Ik wil wel. Met Wil besproken.\n"
    replaced, count = MentionMatcher("Wil").replace_name(minutes, "(X)")
    assert replaced == "- Leidinggevende: (X)\n\nWil je dat? Ik wil wel. Met (X) besproken.\n"
    assert count == 2
    two, _ = MentionMatcher("Sanne de Vries").replace_name("Sanne de vries, SANNE DE VRIES", "X")
    assert two == "X, X"
