"""Appraisal scores: stored, shown by `gespreks show`, and a table in the minutes."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.cli import build_cli
from gespreks_tui.minutes import render_minutes


@pytest.fixture
def appraisal(store):
    joris = store.add_person("Joris Bakker")
    c = store.create_conversation(joris.id, builtin_agenda("beoordeling"), 60)
    criteria = c.phases[1].criteria
    store.save_score(c.id, 0, criteria[0], 3, "Sterk | in *analyse*")
    store.save_score(c.id, 2, criteria[2], 1)
    store.save_overall(c.id, 2, "Een redelijk jaar")
    store.conclude(c.id, "2027-11-01")
    return c.id, criteria


def test_scores_are_stored_and_validated(store, appraisal):
    conversation_id, criteria = appraisal
    assert [(s.position, s.score) for s in store.scores(conversation_id)] == [(0, 3), (2, 1)]
    assert store.overall(conversation_id) == (2, "Een redelijk jaar")
    store.save_score(conversation_id, 0, criteria[0], None, "")  # a score can be taken back
    assert store.scores(conversation_id)[0].score is None
    with pytest.raises(ValueError):
        store.save_score(conversation_id, 1, criteria[1], 6)  # the built-in scale has 5


def test_the_minutes_carry_the_scores_as_a_table(store, appraisal):
    conversation_id, criteria = appraisal
    markdown = render_minutes(store, conversation_id).markdown
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    cells = [t.children[0].content if t.children else "" for t in tokens if t.type == "inline"]
    header = cells.index("Criterium")
    assert cells[header:header + 3] == ["Criterium", "Oordeel", "Toelichting"]
    assert cells[header + 3:header + 6] == [criteria[0], "voldoende", "Sterk | in *analyse*"]
    assert sum(1 for t in tokens if t.type == "tr_open") == len(criteria) + 1
    assert "Totaaloordeel: matig" in markdown


def test_show_lists_the_scores(db_path, store, appraisal):
    conversation_id, criteria = appraisal
    store.close()
    result = CliRunner().invoke(build_cli(), ["--db", str(db_path), "show", str(conversation_id)])
    assert result.exit_code == 0, result.output
    assert f"{criteria[0]}: 3 voldoende — Sterk | in *analyse*" in result.output
    assert "Totaaloordeel: 2 matig\n  Toelichting: Een redelijk jaar" in result.output
