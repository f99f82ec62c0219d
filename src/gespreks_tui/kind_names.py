"""The kinds as the user names them: reading a typed kind, and the wording to show.

``resolve_kind`` reads what a person typed (the command line's ``--kind``, a
template's file name): an identifier, a Dutch or English name, an alias
(``kind_aliases``) or the name the user chose in ``config.toml``::

    [kinds.doelstelling]
    name = "planningsgesprek"

``kind_name`` is the one place the screens and lists get a kind's name from:
the chosen name when there is one, else the catalogue's (``kind.*``, or
``kind_short.*`` for the short form of a choice button).

The chosen name is never written into a record: the minutes (and their
exports), the access export and the line of a preparation form that is read
back ("Voorbereiding: beoordelingsgesprek · …") keep the catalogue's name, so
that a record issued (and fingerprinted) once reads the same however the
configuration changes later. The wording is for what the user reads: the
screens, ``gespreks list``, ``show``, ``due``, the calendar and ``invite``
summaries, and the titles of the preparation forms.

``kind_help`` adds every accepted word to the help of an option or argument
that takes a kind.
"""

from __future__ import annotations

from gespreks_tui import config
from gespreks_tui.catalogue import t
from gespreks_tui.kind_aliases import ALIASES, resolve
from gespreks_tui.model import Kind


class UnknownKind(ValueError):
    """A word that names none of the kinds; ``message()`` says which words do."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def message(self) -> str:
        return t("kinds.unknown", kind=self.text, choices=choices_text())


def chosen_names() -> dict[Kind, str]:
    """The names chosen in the configuration file, per kind (none: not there)."""
    return {Kind(kind): found.name for kind, found in config.current().kinds.items()
            if found.name}


def resolve_kind(text: str | Kind) -> Kind:
    """The kind ``text`` names; ``UnknownKind`` when it names none."""
    if isinstance(text, Kind):
        return text
    found = resolve(text, chosen_names())
    if found is None:
        raise UnknownKind(text)
    return found


def kind_name(kind: Kind | str, short: bool = False, lang: str | None = None) -> str:
    """The kind's name as the user wants to read it (``short``: for a choice button)."""
    chosen = chosen_names().get(Kind(kind))
    if chosen:
        return chosen[:1].upper() + chosen[1:] if short else chosen
    return t(f"kind_short.{kind}" if short else f"kind.{kind}", lang=lang)


def kind_word(kind: Kind | str, lang: str | None = None) -> str:
    """The short name inside a line of a list ("voortgang"): the catalogue's word in
    lower case, a chosen name as the organisation writes it ("R&O-gesprek")."""
    chosen = chosen_names().get(Kind(kind))
    return chosen or t(f"kind_short.{kind}", lang=lang).lower()


def kind_title(kind: Kind | str, lang: str | None = None) -> str:
    """The name at the start of a title: the first letter upper case, the rest as it is
    (``str.capitalize`` would turn a chosen "R&O-gesprek" into "R&o-gesprek")."""
    name = kind_name(kind, lang=lang)
    return name[:1].upper() + name[1:]


def accepted_words() -> list[str]:
    """What ``--kind`` offers for completion: identifiers, aliases, chosen names."""
    words = [str(k) for k in Kind] + list(ALIASES)
    words += [name for name in chosen_names().values() if name not in words]
    return words


def kind_help(help_text: str, lang: str | None = None) -> str:
    """``help_text`` of a ``--kind`` option followed by every word it takes: the
    identifiers, the names in the catalogue's language and the aliases with the kind
    each means (issue 18). Static, so ``--help`` reads the same with any configuration;
    a name chosen in ``config.toml`` is mentioned, not listed."""
    aliases = ", ".join(f"{alias} ({kind})" for alias, kind in ALIASES.items())
    return t("kinds.help", lang=lang, text=help_text, kinds=", ".join(str(k) for k in Kind),
             aliases=aliases)


def choices_text() -> str:
    """The identifiers and the other names, for a message about an unknown kind."""
    others = list(ALIASES) + [n for n in chosen_names().values() if n not in ALIASES]
    return t("kinds.choices", kinds=", ".join(str(k) for k in Kind), aliases=", ".join(others))
