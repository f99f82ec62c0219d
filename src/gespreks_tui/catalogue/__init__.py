"""The one message catalogue: everything a user reads, in Dutch and English.

``t("key", name=...)`` formats the entry for the current language. The
entries live in ``nl.py``/``en.py`` and in one pair of section files per area
(``minutes_*``, ``cycle_*``, ``templates_*``, ``privacy_*``); a test checks that both languages have every key with the
same placeholders.
"""

from __future__ import annotations

import os

from gespreks_tui.catalogue import (
    cycle_en,
    cycle_nl,
    en,
    minutes_en,
    minutes_nl,
    nl,
    privacy_en,
    privacy_nl,
    templates_en,
    templates_nl,
    ui_en,
    ui_nl,
)

# One catalogue, kept in sections: the app, the minutes, the cycle, templates, privacy.
SECTIONS = {
    "nl": (nl, minutes_nl, cycle_nl, templates_nl, privacy_nl, ui_nl),
    "en": (en, minutes_en, cycle_en, templates_en, privacy_en, ui_en),
}
LANGUAGES: dict[str, dict[str, str]] = {
    lang: {key: text for module in modules for key, text in module.MESSAGES.items()}
    for lang, modules in SECTIONS.items()
}
DEFAULT_LANGUAGE = "nl"

_current = DEFAULT_LANGUAGE


def resolve_language(option: str | None = None) -> str:
    """``--lang`` wins over ``$GESPREKS_LANG``, which wins over Dutch."""
    lang = (option or os.environ.get("GESPREKS_LANG") or DEFAULT_LANGUAGE).lower()
    if lang not in LANGUAGES:
        raise ValueError(lang)
    return lang


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current = lang


def language() -> str:
    return _current


def t(key: str, /, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language)."""
    messages = LANGUAGES[lang or _current]
    text = messages.get(key)
    if text is None:
        text = LANGUAGES[DEFAULT_LANGUAGE].get(key, key)
    return text.format(**values) if values else text
