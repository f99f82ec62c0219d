"""Dates and times as people read them: one module for the minutes, the app and the CLI.

Moments are stored as UTC; each conversation records the time zone it took
place in (``conversations.time_zone``, an IANA name), and every moment of a
conversation is shown in that zone — in its minutes, on screen and by the
command line — so the three never disagree. Conversations from before the
zone was recorded read as ``DEFAULT_ZONE`` (what their minutes always showed).
A new conversation takes ``machine_zone()``: ``$GESPREKS_TZ`` when set, else
the machine's own zone name, else ``DEFAULT_ZONE``.

Dates read as dates ("30 september 2026", "30 September 2026"; "30 sep 2026"
where space is short), never as ISO strings. Zone rules are read from the
``tzdata`` package when it is installed, before the machine's tz database, so
the same record gives the same minutes on every machine with the same
dependencies. This module imports nothing of the app (the model uses it).
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

DEFAULT_ZONE = "Europe/Amsterdam"
ZONE_VARIABLE = "GESPREKS_TZ"
configured_zone: str | None = None  # ``time_zone`` of the configuration file (config.start)

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
MONTH_ABBR = {
    "nl": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}

# An IANA name ("Europe/Amsterdam", "America/Argentina/Buenos_Aires", "UTC"):
# never a path, so a name from the environment or the database cannot point
# the zone reader at another file.
_ZONE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,3}$")


@lru_cache(maxsize=32)
def _load(name: str) -> tzinfo | None:
    if not _ZONE_NAME.match(name):
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # when first shown: not at start-up

    try:
        with _tzdata_file(name).open("rb") as data:
            return ZoneInfo.from_file(data, key=name)
    except (ImportError, OSError, ValueError):
        pass
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _tzdata_file(name: str) -> Path | Traversable:
    """The ``tzdata`` package's file of zone ``name`` (ImportError: no such package).

    Its own directory when it is installed as files (always, in practice):
    ``importlib.resources`` imports some 35 modules (zipfile among them) and
    took ~10 ms of the first meeting frame (issue 19).
    """
    import tzdata  # type: ignore[import-untyped]  # data only, no types

    folder = Path(tzdata.__file__).parent / "zoneinfo"
    if folder.is_dir():
        return folder.joinpath(*name.split("/"))
    from importlib.resources import files  # tzdata in a zip file

    return files("tzdata.zoneinfo").joinpath(*name.split("/"))


def is_zone(name: str | None) -> bool:
    """Whether ``name`` is a time zone this machine can show times in."""
    return bool(name) and _load(str(name)) is not None


def zone(name: str | None) -> tzinfo:
    """The zone called ``name``; ``DEFAULT_ZONE`` for none or an unknown name."""
    found = _load(name) if name else None
    if found is None:
        found = _load(DEFAULT_ZONE)
    return found if found is not None else UTC


def _name_from_path(path: str) -> str | None:
    """'Europe/Amsterdam' from '/usr/share/zoneinfo/Europe/Amsterdam'."""
    _, marker, name = path.partition("zoneinfo/")
    return name if marker and is_zone(name) else None


def machine_zone(environ: dict[str, str] | None = None, etc: Path = Path("/etc")) -> str:
    """The zone a new conversation records: ``$GESPREKS_TZ``, else the configuration
    file's, else the machine's (``$TZ``, ``/etc/timezone``, the ``/etc/localtime``
    link), else ``DEFAULT_ZONE``."""
    env = os.environ if environ is None else environ
    for variable in (ZONE_VARIABLE, "TZ"):
        if variable == "TZ" and configured_zone and is_zone(configured_zone):
            return configured_zone
        value = env.get(variable, "").strip().removeprefix(":")
        if is_zone(value):
            return value
        if value.startswith("/") and (name := _name_from_path(value)):
            return name
    try:
        name = (etc / "timezone").read_text(encoding="utf-8").strip()
        if is_zone(name):
            return name
    except (OSError, UnicodeDecodeError):
        pass
    try:
        localtime = etc / "localtime"
        if localtime.is_symlink() and (name := _name_from_path(str(localtime.resolve()))):
            return name
    except OSError:
        pass
    return DEFAULT_ZONE


def local(stamp: str | datetime, zone_name: str | None) -> datetime:
    """A stored moment (ISO, UTC when it has no offset) in the zone ``zone_name``."""
    moment = datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone(zone_name))


def iso_day(value: str) -> date | None:
    """The date of a stored ISO date ("2026-09-30"); None for anything else."""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return day if day.isoformat() == value else None


def day_text(day: date, lang: str, short: bool = False) -> str:
    """'30 september 2026' ('30 September 2026'); short: '30 sep 2026'."""
    names = (MONTH_ABBR if short else MONTHS)
    return f"{day.day} {names.get(lang, names['nl'])[day.month - 1]} {day.year}"


def moment_day(stamp: str, zone_name: str | None, lang: str, short: bool = False) -> str:
    """The day of a stored moment in the zone, as ``day_text``."""
    return day_text(local(stamp, zone_name).date(), lang, short)


def clock_text(stamp: str | datetime, zone_name: str | None, seconds: bool = False) -> str:
    """The time of day of a moment in the zone: '14:05' ('14:05:09' with seconds)."""
    return local(stamp, zone_name).strftime("%H:%M:%S" if seconds else "%H:%M")


def moment_text(stamp: str, zone_name: str | None, lang: str, short: bool = False) -> str:
    """Day and time of a stored moment in the zone: '30 sep 2026 14:05'."""
    return f"{moment_day(stamp, zone_name, lang, short)} {clock_text(stamp, zone_name)}"
