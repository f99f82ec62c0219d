"""The one kind of error a user reads: a catalogue key, its values, an exit code.

Every refusal the core raises for a person to act on (``StoreError``,
``MinutesError``, ``ExportError``, ``PreparationError``) is a ``UserError``:

- ``key`` names the catalogue message, ``values`` fill its placeholders;
- ``details`` are lines that explain it (a diff), shown apart from the message;
- ``exit_code`` (a class attribute) is what the command line exits with:
  1 refused or not found, 2 a file or database problem;
- ``message(lang)`` is the one line to show, in ``lang`` or the current language.

Values are formatted when the message is shown, not when the error is raised,
so the layer that raises never words or formats anything: a ``Term`` is a
catalogue entry (a party, a status) and a ``Moment`` a stored ISO moment shown
in the conversation's zone, both in the language the message is shown in. A value the
caller knows better (``path``: the file a user named) can be given to
``message(path=...)``; the error's own values win.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, cast

from gespreks_tui.catalogue import t


@dataclass(frozen=True)
class Term:
    """A catalogue entry used as a value: translated when the message is shown."""

    key: str


@dataclass(frozen=True)
class Moment:
    """A stored ISO moment used as a value: shown as day and time in ``zone`` (the
    conversation's; without one, the zone a new conversation takes), in the style
    of the screens: '2 dec 2026 16:24' (walk25 F6: one zone rule, not ISO)."""

    stamp: str
    zone: str | None = None

    def text(self, lang: str | None = None) -> str:
        from gespreks_tui import display_time
        from gespreks_tui.catalogue import language

        return display_time.moment_text(self.stamp, self.zone or display_time.machine_zone(),
                                        lang or language(), short=True)


class UserError(Exception):
    """A problem a user can act on; see the module's docstring."""

    exit_code: ClassVar[int] = 1

    def __init__(self, key: str, /, **values: object) -> None:
        """``UserError(key, details=[lines], **values)``; ``details`` is not a value."""
        details = cast(Iterable[str], values.pop("details", None) or ())
        self.key = key
        self.values = values
        self.details = list(details)
        super().__init__(key)

    def message(self, lang: str | None = None, **context: object) -> str:
        """The catalogue message; ``context`` fills what only the caller knows (a path)."""
        values = {"path": "", **context, **self.values}
        return t(self.key, lang=lang, **{name: _shown(value, lang)
                                         for name, value in values.items()})

    def __str__(self) -> str:
        """For logs and tracebacks: the key, then the message when it can be formed."""
        try:
            return f"{self.key}: {self.message()}"
        except (KeyError, IndexError, ValueError):
            return f"{self.key}: {self.values!r}"


class MinutesError(UserError):
    """Returned minutes that cannot be used, or a confirmation they cannot give."""


def _shown(value: object, lang: str | None) -> object:
    if isinstance(value, Term):
        return t(value.key, lang=lang)
    if isinstance(value, Moment):
        return value.text(lang)
    return value
