"""The built-in agendas: phases, guiding questions and scaling to a chosen length."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gespreks_tui.agendas import builtin_agenda, default_minutes, from_snapshot
from gespreks_tui.model import Kind

LANGS = ("nl", "en")
ALL = [(kind, lang) for kind in Kind for lang in LANGS]


@pytest.mark.parametrize("kind, lang", ALL)
def test_every_phase_has_three_to_five_questions(kind: Kind, lang: str):
    agenda = builtin_agenda(kind, lang)
    assert agenda.kind == kind and agenda.language == lang
    assert agenda.title.strip()
    assert len(agenda.phases) >= 3
    for phase in agenda.phases:
        assert phase.name.strip()
        assert phase.minutes > 0
        assert 3 <= len(phase.questions) <= 5, (kind, lang, phase.name)
        assert all(q.strip() for q in phase.questions)
        assert len(set(phase.questions)) == len(phase.questions)


@pytest.mark.parametrize("kind", list(Kind))
def test_dutch_and_english_agendas_match(kind: Kind):
    nl, en = builtin_agenda(kind, "nl"), builtin_agenda(kind, "en")
    assert [p.minutes for p in nl.phases] == [p.minutes for p in en.phases]
    assert [len(p.questions) for p in nl.phases] == [len(p.questions) for p in en.phases]
    assert [p.name for p in nl.phases] != [p.name for p in en.phases]


def test_phases_of_each_kind():
    def names(kind: Kind) -> list[str]:
        return [p.name for p in builtin_agenda(kind).phases]

    assert names(Kind.VOORTGANG) == ["Terugblik", "Vooruitblik", "Afspraken"]
    assert names(Kind.DOELSTELLING) == [
        "Resultaatdoelstellingen", "Persoonlijke ontwikkelpunten", "Steun en eerste stappen",
        "Afronding"]
    assert names(Kind.FUNCTIONERING) == [
        "Terugblik", "Wederzijdse feedback", "Ontwikkeling", "Afspraken"]
    assert names(Kind.BEOORDELING)[0] == "Terugblik op de doelstellingen"
    assert names(Kind.BEOORDELING)[-1] == "Afspraken"


def test_kind_given_as_its_identifier_and_unknown_language_falls_back_to_dutch():
    assert builtin_agenda("voortgang") == builtin_agenda(Kind.VOORTGANG, "nl")
    assert builtin_agenda("voortgang", "de").phases == builtin_agenda("voortgang", "nl").phases
    with pytest.raises(ValueError):
        builtin_agenda("sollicitatie")
    assert default_minutes(Kind.VOORTGANG) == 45


@pytest.mark.parametrize("kind, lang", ALL)
def test_scaled_to_its_own_length_keeps_the_defaults(kind: Kind, lang: str):
    agenda = builtin_agenda(kind, lang)
    assert [s for _, s in agenda.scaled(agenda.total_minutes)] == [
        p.minutes * 60 for p in agenda.phases]


@given(st.sampled_from(ALL), st.integers(min_value=1, max_value=240))
def test_scaled_sums_exactly_to_the_total(kind_lang, total: int):
    agenda = builtin_agenda(*kind_lang)
    scaled = agenda.scaled(total)
    assert [p for p, _ in scaled] == list(agenda.phases)
    seconds = [s for _, s in scaled]
    assert sum(seconds) == total * 60
    assert all(s >= 0 and s % 60 == 0 for s in seconds)
    # Each phase is within a minute of its exact share.
    for phase, s in scaled:
        exact = phase.minutes * total / agenda.total_minutes
        assert abs(s / 60 - exact) < 1


@pytest.mark.parametrize("kind, lang", ALL)
def test_snapshot_round_trip(kind: Kind, lang: str):
    agenda = builtin_agenda(kind, lang)
    stored = json.loads(json.dumps(agenda.snapshot(), ensure_ascii=False))
    assert stored["kind"] == str(kind)
    assert from_snapshot(stored) == agenda


def test_snapshot_is_independent_of_later_changes():
    agenda = builtin_agenda(Kind.VOORTGANG)
    snapshot = agenda.snapshot()
    snapshot["phases"][0]["questions"].append("Een eigen vraag?")
    snapshot["phases"][0]["name"] = "Eigen terugblik"
    rebuilt = from_snapshot(snapshot)
    assert rebuilt.phases[0].name == "Eigen terugblik"
    assert len(rebuilt.phases[0].questions) == len(agenda.phases[0].questions) + 1
    assert builtin_agenda(Kind.VOORTGANG) == agenda  # the built-in itself is unchanged
