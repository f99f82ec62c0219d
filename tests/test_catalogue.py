"""The message catalogue: Dutch and English say the same things."""

from __future__ import annotations

import string

import pytest

from gespreks_tui.catalogue import LANGUAGES, resolve_language, t

NL, EN = LANGUAGES["nl"], LANGUAGES["en"]


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_both_languages_are_registered():
    assert set(LANGUAGES) == {"nl", "en"}


def test_nl_and_en_have_exactly_the_same_keys():
    missing_in_en = sorted(set(NL) - set(EN))
    missing_in_nl = sorted(set(EN) - set(NL))
    assert missing_in_en == [], f"keys without English text: {missing_in_en}"
    assert missing_in_nl == [], f"keys without Dutch text: {missing_in_nl}"


def test_every_key_has_the_same_placeholders_in_both_languages():
    different = {
        key: (placeholders(NL[key]), placeholders(EN.get(key, "")))
        for key in NL
        if placeholders(NL[key]) != placeholders(EN.get(key, ""))
    }
    assert different == {}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_empty_messages(lang: str):
    empty = [key for key, text in LANGUAGES[lang].items() if not text.strip()]
    assert empty == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_message_formats_with_its_placeholders(lang: str):
    for key, text in LANGUAGES[lang].items():
        values = {name: "x" for name in placeholders(text)}
        assert text.format(**values).strip(), key


def test_values_reserved_by_t_are_not_used_as_placeholders():
    # t(key, lang=..., **values): a placeholder named "lang" cannot be filled through t().
    clashing = sorted(key for key, text in NL.items() if "lang" in placeholders(text))
    allowed: set[str] = set()
    assert set(clashing) <= allowed


def test_t_picks_the_language_and_fills_placeholders():
    assert t("kind.voortgang", lang="nl") == "voortgangsgesprek"
    assert t("kind.voortgang", lang="en") == "progress conversation"
    assert "42" in t("conversation.not_found", lang="en", id=42)


def test_every_kind_status_owner_and_outcome_has_a_message():
    from gespreks_tui.model import AgreementStatus, Kind, Outcome, Owner, Status, Visibility

    needed = ([f"kind.{k}" for k in Kind] + [f"status.{s}" for s in Status]
              + [f"owner.{o}" for o in Owner] + ["owner.none"]
              + [f"agreement_status.{s}" for s in AgreementStatus]
              + [f"outcome.{o}" for o in Outcome] + [f"visibility.{v}" for v in Visibility])
    for lang in ("nl", "en"):
        missing = [key for key in needed if key not in LANGUAGES[lang]]
        assert missing == [], lang


def test_every_store_error_key_has_a_message():
    import re
    from pathlib import Path

    import gespreks_tui

    source = Path(gespreks_tui.__file__).parent
    keys = set()
    for module in ("db.py", "store"):
        for path in ([source / module] if module.endswith(".py")
                     else sorted((source / module).glob("*.py"))):
            keys |= set(re.findall(r'StoreError\(\s*"([a-z_.]+)"', path.read_text()))
    assert keys, "found no StoreError keys to check"
    assert sorted(keys - set(NL)) == []


def test_language_resolution(monkeypatch):
    assert resolve_language(None) == "nl"
    assert resolve_language("EN") == "en"
    monkeypatch.setenv("GESPREKS_LANG", "en")
    assert resolve_language(None) == "en"
    assert resolve_language("nl") == "nl"
    with pytest.raises(ValueError):
        resolve_language("de")


def test_no_key_is_defined_in_two_sections():
    # The sections are merged into one dict: a duplicate would silently override.
    from gespreks_tui.catalogue import SECTIONS

    for modules in SECTIONS.values():
        seen: dict[str, str] = {}
        for module in modules:
            for key in module.MESSAGES:
                assert key not in seen, f"{key} in {seen.get(key)} and {module.__name__}"
                seen[key] = module.__name__
