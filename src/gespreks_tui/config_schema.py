"""What ``config.toml`` may hold, and the checks on it (``config`` reads the file).

Kept apart from the reading so that the list of settings, their types and
ranges, and the search for the line of a key are one short page to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gespreks_tui.model import Kind, Owner

# The terms and the kinds' names are imported where first used (issue 19: start-up).
if TYPE_CHECKING:
    from gespreks_tui.procedure_terms import ProcedureTerms

LANGUAGES = ("nl", "en")
DEFAULT_TERM_DAYS = 14  # the same as store.sign_off.DEFAULT_TERM_DAYS
DEFAULT_KEEP = 7

_TOP = {"language", "theme", "time_zone", "reaction_term_days", "backup", "kinds", "keys"}
_BACKUP = {"automatic", "keep"}
# a [kinds.NAME] table: these and ``procedure_terms.TERM_NAMES`` (terms, name: issue 18)
_KIND = {"length", "owner", "name", "second_assessor"}
LONGEST_NAME = 40  # a kind's chosen name: one short phrase on a choice button


@dataclass(frozen=True)
class Problem:
    """Why the file is not used: ``reason`` is a catalogue key (``config.problem.*``)."""

    path: Path
    line: int | None
    key: str | None
    reason: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class KindDefaults:
    length: int | None = None  # minutes; None: the agenda template's total
    owner: str | None = None  # an ``Owner`` value; None: the agreement form's default
    # the appraisal procedure's terms in days and the second assessor (None: the default)
    terms: dict[str, int | bool] = field(default_factory=dict)
    name: str | None = None  # the organisation's name for the kind (``kind_names``)

    def procedure(self) -> ProcedureTerms:
        """The procedure's terms: the file's values over ``ProcedureTerms``' defaults."""
        from gespreks_tui.procedure_terms import ProcedureTerms

        return ProcedureTerms(**self.terms)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Config:
    """The file's values (None: not set there) and, when it could not be used, why."""

    path: Path
    exists: bool = False
    language: str | None = None
    theme: str | None = None
    time_zone: str | None = None
    reaction_term_days: int | None = None
    backup_automatic: bool | None = None
    backup_keep: int | None = None
    kinds: dict[str, KindDefaults] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    problem: Problem | None = None

    @property
    def term_days(self) -> int:
        return self.reaction_term_days if self.reaction_term_days is not None \
            else DEFAULT_TERM_DAYS

    @property
    def backups_on(self) -> bool:
        return self.backup_automatic is not False and self.keep > 0

    @property
    def keep(self) -> int:
        return self.backup_keep if self.backup_keep is not None else DEFAULT_KEEP

    def kind(self, kind: Kind | str) -> KindDefaults:
        return self.kinds.get(str(kind), KindDefaults())


class BadValue(Exception):
    """The first value of the file that cannot be used: its dotted key and why."""

    def __init__(self, key: str, reason: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.reason, self.values = key, reason, values


def _text(key: str, value: Any, choices: tuple[str, ...] | None = None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadValue(key, "config.problem.not_text")
    if choices is not None and value not in choices:
        raise BadValue(key, "config.problem.choice", choices=", ".join(choices))
    return value.strip()


def _number(key: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise BadValue(key, "config.problem.number", low=low, high=high)
    return value


def _table(key: str, value: Any, allowed: set[str] | None) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadValue(key, "config.problem.not_table")
    for name in value:
        if allowed is not None and name not in allowed:
            raise BadValue(f"{key}.{name}".lstrip("."), "config.problem.unknown")
    return value


def _keys(value: Any, path: tuple[str, ...] = ()) -> dict[str, str]:
    """Binding ids to keys; ``meeting.previous_phase = ...`` unquoted is a nested table."""
    found: dict[str, str] = {}
    for name, keys in _table(".".join(("keys", *path)), value, None).items():
        binding = (*path, name)
        if isinstance(keys, dict):
            found.update(_keys(keys, binding))
            continue
        where = ".".join(("keys", *binding))
        text = _text(where, keys)
        if not re.fullmatch(r"[A-Za-z0-9_+\-]+(\s*,\s*[A-Za-z0-9_+\-]+)*", text):
            raise BadValue(where, "config.problem.key")
        found[".".join(binding)] = text
    return found


def parse(data: dict[str, Any], path: Path) -> Config:
    """The checked values of a parsed file; raises ``BadValue`` for the first wrong one."""
    from gespreks_tui.kind_aliases import resolve
    from gespreks_tui.procedure_terms import TERM_NAMES

    _table("", data, _TOP)
    values: dict[str, Any] = {"path": path, "exists": True}
    if "language" in data:
        values["language"] = _text("language", data["language"], LANGUAGES)
    if "theme" in data:
        values["theme"] = _text("theme", data["theme"])
    if "time_zone" in data:
        from gespreks_tui.display_time import is_zone

        values["time_zone"] = _text("time_zone", data["time_zone"])
        if not is_zone(values["time_zone"]):
            raise BadValue("time_zone", "config.problem.zone")
    if "reaction_term_days" in data:
        values["reaction_term_days"] = _number("reaction_term_days",
                                               data["reaction_term_days"], 0, 366)
    backup = _table("backup", data.get("backup", {}), _BACKUP)
    if "automatic" in backup:
        if not isinstance(backup["automatic"], bool):
            raise BadValue("backup.automatic", "config.problem.not_bool")
        values["backup_automatic"] = backup["automatic"]
    if "keep" in backup:
        values["backup_keep"] = _number("backup.keep", backup["keep"], 0, 365)
    kinds: dict[str, KindDefaults] = {}
    for name, table in _table("kinds", data.get("kinds", {}), None).items():
        kind = resolve(name)  # [kinds.planningsgesprek] is [kinds.doelstelling]
        if kind is None:
            raise BadValue(f"kinds.{name}", "config.problem.unknown")
        if str(kind) in kinds:
            raise BadValue(f"kinds.{name}", "kinds.problem.table_twice", kind=str(kind))
        kinds[str(kind)] = _kind(name, _table(f"kinds.{name}", table, {*_KIND, *TERM_NAMES}))
    _check_names(kinds, {str(kind): name for name in data.get("kinds", {})
                         if (kind := resolve(name)) is not None})
    values["kinds"] = kinds
    values["keys"] = _keys(data.get("keys", {}))
    return Config(**values)


def _kind(name: str, table: dict[str, Any]) -> KindDefaults:
    """One ``[kinds.NAME]`` table, checked."""
    from gespreks_tui.procedure_terms import MOST_TERM_DAYS, TERM_NAMES

    length = (_number(f"kinds.{name}.length", table["length"], 5, 480)
              if "length" in table else None)
    owner = (_text(f"kinds.{name}.owner", table["owner"], tuple(str(o) for o in Owner))
             if "owner" in table else None)
    terms: dict[str, int | bool] = {
        key: _number(f"kinds.{name}.{key}", table[key], 0, MOST_TERM_DAYS)
        for key in TERM_NAMES if key in table}
    if "second_assessor" in table:
        if not isinstance(table["second_assessor"], bool):
            raise BadValue(f"kinds.{name}.second_assessor", "config.problem.not_bool")
        terms["second_assessor"] = table["second_assessor"]
    chosen = None
    if "name" in table:
        chosen = " ".join(_text(f"kinds.{name}.name", table["name"]).split())
        # Brackets would read as markup on screen; controls are never a name.
        if len(chosen) > LONGEST_NAME or not chosen.isprintable() or set("[]") & set(chosen):
            raise BadValue(f"kinds.{name}.name", "kinds.problem.name_form",
                           most=LONGEST_NAME)
    return KindDefaults(length, owner, terms, chosen)


def _check_names(kinds: dict[str, KindDefaults], tables: dict[str, str]) -> None:
    """A chosen name may not be another kind's own name, nor the name of two kinds."""
    from gespreks_tui.kind_aliases import own_kind, stems

    taken: dict[str, str] = {}
    for kind, found in kinds.items():
        if not found.name:
            continue
        where = f"kinds.{tables.get(kind, kind)}.name"
        other = own_kind(found.name)
        if other is not None and str(other) != kind:
            raise BadValue(where, "kinds.problem.name_taken", kind=str(other))
        for form in stems(found.name):
            if taken.setdefault(form, kind) != kind:
                raise BadValue(where, "kinds.problem.name_taken", kind=taken[form])


def key_line(text: str, dotted: str) -> int | None:
    """The line that sets ``dotted`` (``backup.keep``), read from the text: tomllib
    gives no positions for values it parsed well."""
    *tables, last = dotted.split(".")
    current: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\s*([^\[\]]+?)\s*\]\s*(#.*)?", stripped)
        if header:
            current = [part.strip().strip('"\'') for part in header.group(1).split(".")]
            if current == [*tables, last]:  # the table itself: [kinds.sollicitatie]
                return number
            continue
        match = re.match(r"""("[^"]*"|'[^']*'|[A-Za-z0-9_.\-]+)\s*=""", stripped)
        if not match:
            continue
        name = [p.strip('"\'') for p in (match.group(1).split(".")
                                          if match.group(1)[0] not in "\"'"
                                          else [match.group(1)])]
        full = current + name
        if full == [*tables, last] or ".".join(full) == dotted:
            return number
        if full == tables and tables:  # ``kinds = { ... }``: the table's line
            return number
    return None
