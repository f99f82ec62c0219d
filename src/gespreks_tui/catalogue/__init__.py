"""The one message catalogue: everything a user reads, in Dutch and English.

``t("key", name=...)`` formats the entry for the current language. The
entries live in ``nl.py``/``en.py`` and in one pair of section files per area
(``minutes_*``, ``cycle_*``, ``templates_*``, ``privacy_*``); a test checks that both languages have every key with the
same placeholders.

A language's sections are imported the first time one of its messages is asked
for, so a run in Dutch never loads the English files (issue 19: start-up).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from types import ModuleType
from typing import TypeVar

_T = TypeVar("_T")

# One catalogue, kept in sections: the app, the minutes, the cycle, templates, privacy.
SECTION_NAMES = {
    "nl": ("nl", "minutes_nl", "cycle_nl", "templates_nl", "privacy_nl", "ui_nl", "admin_nl",
           "start_nl", "cli_nl", "palette_nl", "scale_nl", "procedure_nl", "draft_nl",
           "goals_nl", "goals_ui_nl", "meeting_nl", "kinds_nl"),
    "en": ("en", "minutes_en", "cycle_en", "templates_en", "privacy_en", "ui_en", "admin_en",
           "start_en", "cli_en", "palette_en", "scale_en", "procedure_en", "draft_en",
           "goals_en", "goals_ui_en", "meeting_en", "kinds_en"),
}
DEFAULT_LANGUAGE = "nl"


class _ByLanguage(Mapping[str, _T]):
    """A read-only mapping of the languages that loads a language's value when first read."""

    def __init__(self, load: Callable[[str], _T]) -> None:
        self._load = load
        self.loaded: dict[str, _T] = {}

    def __getitem__(self, lang: str) -> _T:
        found = self.loaded.get(lang)
        if found is None:
            if lang not in SECTION_NAMES:
                raise KeyError(lang)
            found = self.loaded[lang] = self._load(lang)
        return found

    def __contains__(self, lang: object) -> bool:  # without loading it
        return lang in SECTION_NAMES

    def __iter__(self) -> Iterator[str]:
        return iter(SECTION_NAMES)

    def __len__(self) -> int:
        return len(SECTION_NAMES)


def _sections(lang: str) -> tuple[ModuleType, ...]:
    # ``__import__`` (an import statement's path), not ``importlib.import_module``: so
    # ``python -X importtime`` lists the sections too.
    return tuple(__import__(f"{__name__}.{name}", fromlist=["MESSAGES"])
                 for name in SECTION_NAMES[lang])


def _messages(lang: str) -> dict[str, str]:
    return {key: text for module in SECTIONS[lang] for key, text in module.MESSAGES.items()}


_languages = _ByLanguage(_messages)
SECTIONS: Mapping[str, tuple[ModuleType, ...]] = _ByLanguage(_sections)
LANGUAGES: Mapping[str, dict[str, str]] = _languages

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
    lang = lang or _current
    messages = _languages.loaded.get(lang) or _languages[lang]
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
