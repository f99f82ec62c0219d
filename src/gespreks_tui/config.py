"""The user's configuration file: ``config.toml`` in the user's config folder.

Why a file and not only the settings table: what a user wants on every
machine (language, keys, backup policy, defaults per kind) is something they
edit, copy and keep in their dotfiles; the database only remembers what the
app picked up by itself (the manager's name, the palette's theme).

Everything here is optional; a missing file is the defaults. A file that
cannot be used (TOML syntax, an unknown key, a value of the wrong kind) is
never half applied: the app runs on the defaults and ``Config.problem`` says
which file, line and key, for one line on stderr or one notice in the app.
Flags and environment variables win over the file; the file wins over the
defaults (``gespreks config``, ``cli.admin_commands``, shows where each value
came from). ``[kinds.*]`` (length, owner) is read and checked here for the start
screen and the agreement form to use, and so are the appraisal procedure's terms
(``invitation_days``, ``provisional_days``, ``objection_days``, ``final_days``,
``second_assessor``: ``appraisal_procedure.ProcedureTerms`` has their defaults),
and the organisation's own name for a kind (``name``: ``kind_names``). A kind's
table may be named by an alias too: ``[kinds.planningsgesprek]``.

Example::

    language = "en"
    theme = "gruvbox"
    time_zone = "Europe/Amsterdam"
    reaction_term_days = 21

    [backup]
    automatic = true   # one copy a day, in the data folder
    keep = 7

    [kinds.voortgang]
    length = 30        # minutes
    owner = "employee" # who an agreement is for, by default
    name = "tussentijds gesprek"  # shown on screen instead of "voortgangsgesprek"

    [keys]
    "meeting.previous_phase" = "ctrl+up"

This module reads text and checks types only: it imports nothing of the app
but ``paths`` and the model's names, so the command line and the app both use it.
"""

from __future__ import annotations

import re
from pathlib import Path

from gespreks_tui.config_schema import (
    DEFAULT_KEEP,
    DEFAULT_TERM_DAYS,
    BadValue,
    Config,
    KindDefaults,
    Problem,
    key_line,
    parse,
)
from gespreks_tui.paths import config_dir

__all__ = ["DEFAULT_KEEP", "DEFAULT_TERM_DAYS", "Config", "KindDefaults", "Problem",
           "config_path", "current", "load", "parse", "problem_line", "reset", "start"]

FILE_NAME = "config.toml"


def config_path() -> Path:
    """``config.toml`` in ``paths.config_dir()`` (``$GESPREKS_CONFIG`` in the tests)."""
    return config_dir() / FILE_NAME


def load(path: Path | None = None) -> Config:
    """Read the file (missing: the defaults); any problem: the defaults and why."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(path=path)
    except OSError as error:
        return Config(path=path, exists=True, problem=Problem(
            path, None, None, "config.problem.unreadable", {"reason": error.strerror or error}))
    import tomllib  # only when there is a file: ~10 ms off a plain start without one

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        return Config(path=path, exists=True,
                      problem=Problem(path, None, None, "config.problem.encoding"))
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        return Config(path=path, exists=True, problem=Problem(
            path, int(found.group(1)) if found else None, None, "config.problem.syntax",
            {"reason": re.sub(r"\s*\(at .*\)$", "", str(error))}))
    try:
        return parse(data, path)
    except BadValue as bad:
        return Config(path=path, exists=True, problem=Problem(
            path, key_line(text, bad.key), bad.key, bad.reason, bad.values))


_current: Config | None = None


def current() -> Config:
    """The configuration of this run: read once, then kept (``reset`` reads again)."""
    global _current
    if _current is None or _current.path != config_path():
        _current = load()
    return _current


def reset() -> None:
    global _current
    _current = None


def problem_line(problem: Problem) -> str:
    """The one line a user reads about a file that is not used: file, line, key, why."""
    from gespreks_tui.catalogue import t

    where = ""
    if problem.line is not None:
        where += t("config.where.line", line=problem.line)
    if problem.key:
        where += t("config.where.key", key=problem.key)
    return t("config.broken", path=problem.path, where=where,
             reason=t(problem.reason, **problem.values))


def start() -> Config:
    """Read the file afresh for this run (``main``), keep it, and give the core the
    values it reads itself (the time zone)."""
    global _current
    from gespreks_tui import display_time

    _current = load()
    display_time.configured_zone = _current.time_zone
    return _current
