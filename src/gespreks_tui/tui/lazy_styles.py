"""The app's style files, each parsed when the first screen it styles is pushed.

Parsing TCSS is slow: the files in ``styles/`` took ~10 ms of a start-up that
needs one or two of them (the meeting's, or the start screen's and the name
dialog's; issue 19). Every rule of a screen file starts with the type of its
screen (``tests/test_styles.py``) and a widget's own look is in its
``DEFAULT_CSS``, so the rules a screen needs are in ``app.tcss`` (shared,
loaded with the app) and in the files that name one of the screen's own
types. ``GesprekApp.push_screen`` and ``switch_screen`` call ``load_for``
first; rules added that way select only the new screen's types, so no node
already on screen needs its styles computed again.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from gespreks_tui.paths import styles_dir

SHARED = "app.tcss"


def shared_file() -> Path:
    """The file the app starts with: classes and the backdrop of every dialog."""
    return styles_dir() / SHARED


def all_files() -> list[Path]:
    """Every style file, the shared one first (``GesprekApp.CSS_PATH``, for a host app)."""
    return [shared_file(), *(path for path, _ in _files())]


@cache
def _files() -> tuple[tuple[Path, str], ...]:
    """Every screen style file with its text (read once; the texts are small)."""
    return tuple((path, path.read_text(encoding="utf-8"))
                 for path in sorted(styles_dir().glob("*.tcss")) if path.name != SHARED)


@cache
def _files_for(names: frozenset[str]) -> tuple[Path, ...]:
    """The files whose text names one of ``names`` (whole words)."""
    if not names:
        return ()
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b")
    return tuple(path for path, text in _files() if pattern.search(text))


def own_types(screen: Screen) -> frozenset[str]:
    """The names of the screen's classes that are the app's own (not Textual's)."""
    return frozenset(cls.__name__ for cls in type(screen).__mro__
                     if cls.__module__.startswith("gespreks_tui."))


def load_for(app: App, screen: Screen | str) -> None:
    """Parse the style files ``screen`` needs into ``app``'s stylesheet (all of them
    for a screen given by name), unless they are there already."""
    paths = _files_for(own_types(screen)) if isinstance(screen, Screen) else \
        tuple(path for path, _ in _files())
    stylesheet, added = app.stylesheet, False
    for path in paths:
        if not stylesheet.has_source(os.path.abspath(path)):
            stylesheet.read(path)
            app.css_path.append(path)  # as if it had been in CSS_PATH (Textual's CSS watcher)
            added = True
    if added:
        stylesheet.parse()  # the files parsed before come from Textual's parse cache
