"""``gespreks pop --period``: a goal without a start date counts from the day it was set
(walk of issue 20, finding 5), one without an end runs on. CLI on a real SQLite file."""

from __future__ import annotations

from cli_helpers import invoke
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.goals import GoalKind
from gespreks_tui.model import Kind
from helpers import prepare

TODAY = {"GESPREKS_TODAY": "2027-01-10"}


def test_a_goal_without_a_start_counts_from_the_day_it_was_set(store, db_path):
    # The clock stands on 2 Nov 2026: both goals are set that day.
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    cid = store.create_conversation(joris, builtin_agenda(Kind.DOELSTELLING, "nl"), 60).id
    store.add_goal(cid, GoalKind.DEVELOPMENT, "Leren presenteren", period_end="2027-06-02")
    store.add_goal(cid, GoalKind.DEVELOPMENT, "Een cursus Excel volgen")

    def titles(period: str) -> list[str]:
        result = invoke("pop", "Joris Bakker", "--period", period, "-o", "-",
                        "--db", db_path, env=TODAY)
        assert result.exit_code == 0, result.output
        return [t for t in ("Leren presenteren", "Een cursus Excel volgen")
                if t in result.stdout]

    assert titles("2025") == []  # before the day they were set: neither
    assert titles("2026-01-01..2026-11-01") == []
    assert titles("2026") == ["Leren presenteren", "Een cursus Excel volgen"]
    assert titles("2027") == ["Leren presenteren", "Een cursus Excel volgen"]
    assert titles("2027-07-01..2027-12-31") == ["Een cursus Excel volgen"]  # no end: runs on
