"""Where things live on disk: the database, the user's config, packaged styles."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "gespreks-tui"
DB_ENV = "GESPREKS_DB"
LANG_ENV = "GESPREKS_LANG"
CONFIG_ENV = "GESPREKS_CONFIG"


def default_db_path() -> Path:
    """The default database: ``gespreks.db`` in the user's data directory."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "gespreks.db"


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
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def styles_dir() -> Path:
    """The TCSS folder: inside an installed wheel, or ``styles/`` of a source checkout."""
    packaged = Path(__file__).parent / "styles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "styles"
