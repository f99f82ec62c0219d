"""The measurability hint: a concrete agreement (a verb or noun of completion, a
quantity or a moment) is not flagged; a vague one still is (polish, item 6)."""

from datetime import date

import pytest

from gespreks_tui.smart import hints, measurable

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("text", [
    "Livegang van de nieuwe website afspreken met team",
    "Projectoplevering inplannen met de klant",
    "Offerte opvragen bij de leverancier",
    "Subsidieaanvraag indienen bij de gemeente",
    "Nieuwe laptop bestellen voor het team",
    "Evaluatie uiterlijk volgende week versturen",
    "Contract ondertekenen met het uitzendbureau",
    "Agree the release plan with the team",
    "Order the new laptops for the team",
    "Rapport over de pilot afronden",
    "Budget vaststellen met de directie",
])
def test_concrete_agreements_are_not_flagged(text):
    found = hints(text, "employee", "2027-03-01", TODAY)
    assert measurable(text)
    assert "smart.not_measurable" not in found and "smart.vague" not in found


@pytest.mark.parametrize(("text", "hint"), [
    ("beter communiceren met het team", "smart.vague"),
    ("Meer aandacht voor collega's", "smart.vague"),
    ("try to communicate better with the team", "smart.vague"),
    ("Goed samenwerken met collega's", "smart.not_measurable"),
    ("Positiever zijn in het overleg", "smart.not_measurable"),
    ("Be more positive in meetings", "smart.vague"),
])
def test_vague_agreements_are_still_flagged(text, hint):
    assert hint in hints(text, "employee", "2027-03-01", TODAY)
    assert not measurable(text)


def test_a_vague_word_with_a_date_in_words_is_still_vague():
    # a moment makes it checkable in time, not a result: "beter" stays pointed out
    assert "smart.vague" in hints("Volgende week beter communiceren", "employee",
                                  "2027-03-01", TODAY)
