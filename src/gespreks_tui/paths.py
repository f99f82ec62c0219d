"""Where things live on disk: the database, the user's config, packaged styles."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

APP_NAME = "gespreks-tui"
DB_ENV = "GESPREKS_DB"
LANG_ENV = "GESPREKS_LANG"
CONFIG_ENV = "GESPREKS_CONFIG"


def default_db_path() -> Path:
    """The default database: ``gespreks.db`` in the user's data directory."""
    return data_dir() / "gespreks.db"


def resolve_db_path(option: str | os.PathLike | None) -> Path:
    """``--db`` wins over ``$GESPREKS_DB``, which wins over the default."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def config_dir() -> Path:
    """The user's config folder (their own agenda templates live in ``templates/``).

    ``$GESPREKS_CONFIG`` overrides the platform default (used by the tests).
    """
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return _platform_config_dir(os.environ.get("XDG_CONFIG_HOME"), os.environ.get("HOME"))


@lru_cache(maxsize=4)
def _platform_config_dir(_xdg: str | None, _home: str | None) -> Path:
    """platformdirs' answer for what it reads (``config.current`` asks for every line of
    a list that names a kind: ~20 µs each, issue 19)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def styles_dir() -> Path:
    """The TCSS folder: inside an installed wheel, or ``styles/`` of a source checkout."""
    packaged = Path(__file__).parent / "styles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "styles"


def data_dir() -> Path:
    """The user's data folder: the default database and the automatic backups."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def state_dir() -> Path:
    """The user's state folder: crash files (``crash.crash_dir``)."""
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False)


def backups_dir(db_path: Path | str) -> Path:
    """Where the automatic backups of ``db_path`` go: ``backups/`` in the data folder.

    Another database than the default one (``--db``) gets a folder of its own
    in there, named after its file and its full path (a short hash), so two
    databases called ``gespreks.db`` never prune each other's copies.
    """
    import hashlib

    folder = data_dir() / "backups"
    real = os.path.realpath(db_path)
    if real == os.path.realpath(default_db_path()):
        return folder
    digest = hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return folder / f"{Path(real).stem}-{digest}"
