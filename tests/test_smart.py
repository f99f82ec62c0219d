"""SMART hints for agreements: what is missing, never a blocker."""

from __future__ import annotations

import inspect
import re
from datetime import date

import pytest

from gespreks_tui import smart
from gespreks_tui.catalogue import en, nl
from gespreks_tui.smart import hints

TODAY = date(2026, 11, 2)
GOOD = "Joris rondt minstens twee online cursussen Python af"


def test_a_complete_smart_agreement_has_no_hints():
    assert hints(GOOD, "employee", "2027-03-01", TODAY) == []


@pytest.mark.parametrize("owner", ["employee", "manager", "both"])
def test_every_owner_counts(owner):
    assert hints(GOOD, owner, "2027-03-01", TODAY) == []


@pytest.mark.parametrize("owner", [None, ""])
def test_no_owner(owner):
    assert hints(GOOD, owner, "2027-03-01", TODAY) == ["smart.no_owner"]


@pytest.mark.parametrize("due", [None, ""])
def test_no_due_date(due):
    assert hints(GOOD, "employee", due, TODAY) == ["smart.no_due"]


def test_an_unreadable_due_date_counts_as_none():
    assert hints(GOOD, "employee", "1 maart", TODAY) == ["smart.no_due"]


def test_past_due():
    assert hints(GOOD, "employee", "2026-11-01", TODAY) == ["smart.past_due"]


def test_due_today_is_not_past():
    assert hints(GOOD, "employee", TODAY.isoformat(), TODAY) == []


@pytest.mark.parametrize("text", ["", "Cursus", "Cursus 2", "   ", "!!"])
def test_too_short(text):
    assert "smart.too_short" in hints(text, "employee", "2027-03-01", TODAY)


def test_three_words_are_not_too_short():
    assert "smart.too_short" not in hints("Cursus 2 afronden", "both", "2027-03-01", TODAY)


@pytest.mark.parametrize("text", [
    "beter proberen te communiceren",
    "Meer aandacht voor de planning",
    "Misschien kijken naar een cursus",
    "try to communicate better with the team",
])
def test_vague(text):
    found = hints(text, "employee", "2027-03-01", TODAY)
    assert found == ["smart.vague"]


@pytest.mark.parametrize("text", [
    "Presentatie geven over het project",
    "Gesprek met de teamleider voeren",
])
def test_not_measurable(text):
    assert hints(text, "manager", "2027-03-01", TODAY) == ["smart.not_measurable"]


@pytest.mark.parametrize("text", [
    "beter communiceren: 2 keer per week overleg",  # a digit wins over a vague word
    "Verkoop verbeteren met 10% dit kwartaal",
    "minstens één presentatie voor het team",
    "Maximaal twee dagen achterstand in tickets",
    "Elke maandag het weekoverzicht sturen",
    "Certificaat Scrum master halen",
    "Deliver the new onboarding guide",
    "Finish the first aid course",
    "MINSTENS twee collega's inwerken",
])
def test_measurable(text):
    found = hints(text, "both", "2027-03-01", TODAY)
    assert "smart.vague" not in found
    assert "smart.not_measurable" not in found


def test_hints_are_ordered_most_important_first():
    assert hints("beter", None, None, TODAY) == [
        "smart.no_owner", "smart.no_due", "smart.too_short", "smart.vague"]
    assert hints("kort", None, "2020-01-01", TODAY) == [
        "smart.no_owner", "smart.past_due", "smart.too_short", "smart.not_measurable"]


def test_emoji_and_markdown_do_not_break_the_checks():
    text = "**Minstens** 1 blogpost 🚀 publiceren — `klaar`"
    assert hints(text, "employee", "2027-03-01", TODAY) == []


# -- every hint has words in both languages ---------------------------------------
def all_hint_keys() -> set[str]:
    """The keys ``hints`` can return, read from its source so a new one is not missed."""
    return set(re.findall(r'"(smart\.[a-z_]+)"', inspect.getsource(smart)))


def test_the_hint_keys_are_the_ones_the_checks_produce():
    produced = set()
    for args in [
        ("beter", None, None),
        ("kort", "employee", "2020-01-01"),
        ("een gesprek voeren", "employee", "1 maart"),
        (GOOD, "employee", "2027-03-01"),
    ]:
        produced.update(hints(*args, TODAY))
    assert produced == all_hint_keys()


@pytest.mark.parametrize("messages", [nl.MESSAGES, en.MESSAGES], ids=["nl", "en"])
def test_every_hint_key_is_in_the_catalogue(messages):
    keys = all_hint_keys()
    assert len(keys) == 6
    for key in keys:
        assert messages.get(key, "").strip(), key


# -- measurable: quantities, moments and results, not only digits -------------------
@pytest.mark.parametrize("text", [
    "Budget voor opleiding aanvragen bij afdeling HR",  # a request is made or not
    "Handleiding voor het klantportaal schrijven en delen met het team",
    "Twee collega's inwerken in het beheer van het portaal",
    "Voor de zomer een opleidingsplan opstellen",
    "Request the training budget from HR",
    "Overleg met het team in maart",  # a moment
    "Eén keer per kwartaal een klantbezoek",
])
def test_quantities_moments_and_results_count_as_measurable(text):
    assert "smart.not_measurable" not in hints(text, "employee", "2027-03-01", TODAY)
    assert smart.measurable(text)


@pytest.mark.parametrize("text", [
    "Beter communiceren met het team in 2027",  # a year is no result
    "Meer aandacht voor de planning 2027",
])
def test_a_bare_year_does_not_make_a_vague_agreement_concrete(text):
    assert hints(text, "employee", "2027-03-01", TODAY) == ["smart.vague"]


def test_adding_a_digit_to_a_sentence_without_result_is_still_checked():
    assert hints("Gesprek met de teamleider voeren", "both", "2027-03-01", TODAY) == [
        "smart.not_measurable"]
    assert hints("Beter communiceren: 3 keer per week", "both", "2027-03-01", TODAY) == []


@pytest.mark.parametrize(("due", "days"), [
    ("2026-11-02", 0), ("2026-11-01", 1), ("2026-10-01", 32), ("2027-01-01", 0),
    (None, 0), ("", 0), ("morgen", 0)])
def test_days_overdue(due, days):
    assert smart.days_overdue(due, TODAY) == days
