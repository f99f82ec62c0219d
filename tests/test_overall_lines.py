"""The overall judgment and its comment are separate lines in every renderer (issue 13)."""

from __future__ import annotations

from pathlib import Path

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.cli.render import scores_text
from gespreks_tui.clock import FakeClock
from gespreks_tui.minutes import render_minutes
from gespreks_tui.model import Kind
from gespreks_tui.store import Store


def test_overall_judgment_and_comment_on_their_own_lines(tmp_path: Path):
    store = Store.open(tmp_path / "g.db", clock=FakeClock())
    try:
        person = store.add_person("Joris Bakker")
        c = store.create_conversation(person.id, builtin_agenda(Kind.BEOORDELING), 60)
        store.save_overall(c.id, 3, "Sterk jaar: één-op-één (max. € 2.500)")
        lines = render_minutes(store, c.id).markdown.split("\n")
        at = lines.index("- Totaaloordeel: voldoende")
        assert lines[at + 1] == "- Toelichting: Sterk jaar: één-op-één (max. € 2.500)"
        english = render_minutes(store, c.id, lang="en").markdown.split("\n")
        at = english.index("- Overall judgment: satisfactory")
        assert english[at + 1] == "- Comment: Sterk jaar: één-op-één (max. € 2.500)"
        shown = scores_text(store.get_conversation(c.id), store.scores(c.id), store.overall(c.id))
        assert shown[-2:] == ["  Totaaloordeel: 3 voldoende",
                              "  Toelichting: Sterk jaar: één-op-één (max. € 2.500)"]
    finally:
        store.close()
