"""The one message catalogue: everything a user reads, in Dutch and English.

``t("key", name=...)`` formats the entry for the current language. The
entries live in ``nl.py``/``en.py`` and in one pair of section files per area
(``minutes_*``, ``cycle_*``, ``templates_*``, ``privacy_*``); a test checks that both languages have every key with the
same placeholders.
"""

from __future__ import annotations

import os

from gespreks_tui.catalogue import (
    admin_en,
    admin_nl,
    cli_en,
    cli_nl,
    cycle_en,
    cycle_nl,
    draft_en,
    draft_nl,
    en,
    goals_en,
    goals_nl,
    goals_ui_en,
    goals_ui_nl,
    minutes_en,
    minutes_nl,
    nl,
    palette_en,
    palette_nl,
    privacy_en,
    privacy_nl,
    procedure_en,
    procedure_nl,
    scale_en,
    scale_nl,
    start_en,
    start_nl,
    templates_en,
    templates_nl,
    ui_en,
    ui_nl,
)

# One catalogue, kept in sections: the app, the minutes, the cycle, templates, privacy.
SECTIONS = {
    "nl": (nl, minutes_nl, cycle_nl, templates_nl, privacy_nl, ui_nl, admin_nl,
           start_nl, cli_nl, palette_nl, scale_nl, procedure_nl, draft_nl, goals_nl,
           goals_ui_nl),
    "en": (en, minutes_en, cycle_en, templates_en, privacy_en, ui_en, admin_en,
           start_en, cli_en, palette_en, scale_en, procedure_en, draft_en, goals_en,
           goals_ui_en),
}
LANGUAGES: dict[str, dict[str, str]] = {
    lang: {key: text for module in modules for key, text in module.MESSAGES.items()}
    for lang, modules in SECTIONS.items()
}
DEFAULT_LANGUAGE = "nl"

_current = DEFAULT_LANGUAGE


def resolve_language(option: str | None = None, configured: str | None = None) -> str:
    """``--lang`` wins over ``$GESPREKS_LANG``, over the configuration file, over Dutch."""
    lang = (option or os.environ.get("GESPREKS_LANG") or configured or DEFAULT_LANGUAGE).lower()
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


def tn(key: str, n: int, /, lang: str | None = None, **values: object) -> str:
    """A counted message: ``key + "_one"`` when ``n`` is 1 and the language has it, else
    ``key``; both get ``n``. Dutch and English say "1 minuut", "2 minuten"."""
    messages = LANGUAGES[lang or _current]
    one = f"{key}_one"
    chosen = one if n == 1 and (one in messages or one in LANGUAGES[DEFAULT_LANGUAGE]) else key
    return t(chosen, lang=lang, n=n, **values)
