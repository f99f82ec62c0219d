"""A prepared assessment in the store: made, refused, started, and in the minutes."""

from __future__ import annotations

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.draft_form import Draft, DraftError, Entry
from gespreks_tui.minutes.render import render_minutes
from gespreks_tui.model import Kind, Status
from helpers import MANAGER, prepare


def _draft(store, name: str = "Joris Bakker", values: Draft | None = None):
    person = store.find_person(name)
    manager = store.find_person(MANAGER)
    return store.create_draft(person.id, builtin_agenda(Kind.BEOORDELING, "nl"),
                              manager_id=manager.id, language="nl", draft=values)


VALUES = Draft({0: Entry(3, "Werkt goed samen in het team."), 1: Entry(2, "")},
               Entry(3, "Een goed jaar."))


def test_a_draft_is_an_unfinished_beoordeling_with_its_scores(store, clock):
    prepare(store, "Joris Bakker")
    made = _draft(store, values=VALUES)
    assert (made.status, made.kind, made.started_at) == (Status.DRAFT, Kind.BEOORDELING, None)
    assert store.open_draft(made.employee_id).id == made.id
    assert [(s.position, s.score, s.comment) for s in store.scores(made.id)][:2] == [
        (0, 3, "Werkt goed samen in het team."), (1, 2, "")]
    assert store.overall(made.id) == (3, "Een goed jaar.")
    unfinished = store.unfinished_overview()
    assert [(u.summary.id, u.summary.status) for u in unfinished] == [(made.id, Status.DRAFT)]
    assert store.draft_values(made.id) == VALUES
    assert store.frozen_draft(made.id) is None  # not started: nothing frozen yet


def test_drafting_as_typed_and_refused_once_started(store, clock):
    prepare(store, "Joris Bakker")
    made = _draft(store)
    store.save_draft_score(made.id, 1, "Samenwerken", 4, "Neemt initiatief.")
    store.save_draft_score(made.id, -1, "", 2, "Nog werk aan.")
    assert store.draft_values(made.id) == Draft({1: Entry(4, "Neemt initiatief.")},
                                                Entry(2, "Nog werk aan."))
    store.start_draft(made.id)
    with pytest.raises(DraftError) as refused:
        store.save_draft_score(made.id, 1, "Samenwerken", 1, "")
    assert refused.value.key == "draft.not_a_draft"
    with pytest.raises(DraftError):
        store.start_draft(made.id)


@pytest.mark.parametrize("who, key", [
    (MANAGER, "draft.not_employee"),
    ("Aylin Yılmaz", "draft.has_left"),
])
def test_a_draft_for_someone_who_is_not_an_employee_is_refused(store, clock, who, key):
    prepare(store, "Joris Bakker", "Aylin Yılmaz")
    store.db.execute("update people set left_on = '2026-10-01' where name = 'Aylin Yılmaz'")
    before = store.list_conversations()
    with pytest.raises(DraftError) as refused:
        _draft(store, who)
    assert refused.value.key == key
    assert who in refused.value.message()
    assert store.list_conversations() == before


def test_a_second_draft_for_the_same_employee_is_refused(store, clock):
    prepare(store, "Joris Bakker")
    first = _draft(store, values=VALUES)
    with pytest.raises(DraftError) as refused:
        _draft(store, values=Draft({0: Entry(1, "anders")}))
    assert refused.value.key == "draft.exists"
    assert str(first.id) in refused.value.message()
    assert [c.id for c in store.list_conversations()] == [first.id]
    assert store.draft_values(first.id) == VALUES


def test_an_impossible_score_stores_nothing(store, clock):
    prepare(store, "Joris Bakker")
    points = builtin_agenda(Kind.BEOORDELING, "nl").scale.points
    with pytest.raises(DraftError) as refused:
        _draft(store, values=Draft({0: Entry(2, "goed"), 1: Entry(points + 1, "te hoog")}))
    assert refused.value.key == "draft.form.bad_score"
    assert store.list_conversations() == []
    made = _draft(store, values=VALUES)
    with pytest.raises(DraftError):
        store.save_draft(made.id, Draft({0: Entry(1, "x")}, Entry(0, "")))
    assert store.draft_values(made.id) == VALUES  # all or nothing


def test_starting_freezes_the_draft_and_the_minutes_show_what_changed(store, clock):
    prepare(store, "Joris Bakker")
    made = _draft(store, values=VALUES)
    clock.advance(7 * 24 * 3600)
    started = store.start_draft(made.id)
    assert started.status == Status.RUNNING and started.started_at is not None
    criteria = [n for p in started.phases for n in p.criteria]
    store.save_score(made.id, 0, criteria[0], 4, "Werkt goed samen in het team.")
    store.save_score(made.id, 1, criteria[1], 2, "Afgesproken: cursus plannen.")
    store.save_overall(made.id, 3, "Een goed jaar.")
    frozen = store.frozen_draft(made.id)
    assert frozen.draft == VALUES  # what the meeting did never reaches the draft
    store.conclude(made.id, None)
    minutes = render_minutes(store, made.id).content
    scale = store.scale(made.id)
    assert f"- {criteria[0]}: aangepast in het gesprek (concept: " \
           f"{scale.numbered(3)}, toelichting: Werkt goed samen in het team.)" in minutes
    assert f"- {criteria[1]}: aangepast in het gesprek (concept: {scale.numbered(2)})" \
        in minutes
    assert "Totaaloordeel: aangepast" not in minutes  # unchanged: not listed
    assert minutes.index("### Voorbereide beoordeling") < minutes.index("## Gemaakte afspraken")
    assert minutes.index("## Beoordeling") < minutes.index("### Voorbereide beoordeling")
    english = render_minutes(store, made.id, lang="en").content
    assert "changed in the meeting" in english


def test_a_draft_kept_as_it_was_says_so(store, clock):
    prepare(store, "Joris Bakker")
    made = _draft(store, values=VALUES)
    store.start_draft(made.id)
    store.conclude(made.id, None)
    minutes = render_minutes(store, made.id).content
    assert "in het gesprek is er niets aan veranderd" in minutes
    assert "aangepast in het gesprek" not in minutes


def test_minutes_without_a_draft_have_no_draft_section(store, clock):
    prepare(store, "Joris Bakker")
    person = store.find_person("Joris Bakker")
    c = store.create_conversation(person.id, builtin_agenda(Kind.BEOORDELING, "nl"), 60)
    store.save_score(c.id, 0, c.phases[1].criteria[0], 3, "")
    store.conclude(c.id, None)
    record = store.conversation_record(c.id)
    assert not hasattr(record, "draft") or record.draft is None
    assert "Voorbereide beoordeling" not in render_minutes(store, c.id).content


def test_a_discarded_draft_is_gone_and_a_new_one_may_be_made(store, clock):
    prepare(store, "Joris Bakker")
    made = _draft(store, values=VALUES)
    store.discard_conversation(made.id)
    assert store.open_draft(made.employee_id) is None
    assert _draft(store).status == Status.DRAFT


def test_migration_14_keeps_existing_scores_and_adds_no_draft(tmp_path, clock):
    import sqlite3

    from gespreks_tui.store import Store
    from schema_history import undo_after

    path = tmp_path / "old.db"
    store = Store.open(path, clock=clock, create=True)
    try:
        prepare(store, "Joris Bakker")
        person = store.find_person("Joris Bakker")
        c = store.create_conversation(person.id, builtin_agenda(Kind.BEOORDELING, "nl"), 60)
        store.save_score(c.id, 0, c.phases[1].criteria[0], 3, "Sterk.")
        store.save_overall(c.id, 2, "Matig jaar.")
        store.conclude(c.id, None)
        before = render_minutes(store, c.id).content
    finally:
        store.close()
    with sqlite3.connect(path) as conn:  # back to what version 13 wrote
        undo_after(conn, 13)
        columns = {r[1] for r in conn.execute("pragma table_info(scores)")}
        assert "draft_score" not in columns
    conn.close()
    store = Store.open(path, clock=clock)
    try:
        assert [(s.score, s.comment) for s in store.scores(c.id)] == [(3, "Sterk.")]
        assert store.overall(c.id) == (2, "Matig jaar.")
        assert store.frozen_draft(c.id) is None
        assert render_minutes(store, c.id).content == before
    finally:
        store.close()


def test_an_impossible_overall_score_names_the_overall_judgment(store, clock):
    prepare(store, "Joris Bakker")
    made = _draft(store, values=VALUES)
    with pytest.raises(DraftError) as refused:
        store.save_draft(made.id, Draft({}, Entry(9, "")))
    assert "Bij 'Totaaloordeel' staat de score '9'" in refused.value.message()
    assert store.draft_values(made.id) == VALUES
