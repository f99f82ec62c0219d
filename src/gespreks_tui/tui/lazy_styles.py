"""The app's style rules, each parsed when the first screen it styles is pushed.

Parsing TCSS is slow: the files in ``styles/`` took ~10 ms of a start-up that
needs one or two of them (the meeting's, or the start screen's and the name
dialog's; issue 19). Every rule of a screen file starts with the type of its
screen (``tests/test_styles.py``) and a widget's own look is in its
``DEFAULT_CSS``, so the rules a screen needs are in ``app.tcss`` (shared,
loaded with the app) and, in the other files, the rules that start with one
of the screen's own types. ``GesprekApp.push_screen`` and ``switch_screen``
call ``load_for`` first; rules added that way select only the new screen's
types, so no node already on screen needs its styles computed again.

A file holds the rules of several screens (``dialogs.tcss``: every dialog, 37
rules, ~4 ms to parse), so a file is parsed as far as it is needed: its text
with the rules of screens not shown yet blanked out (spaces and the same line
breaks, so an error still names the right line). A screen that needs more of
the file later gets the file again with those rules too, in the file's order.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from weakref import WeakKeyDictionary

from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

from gespreks_tui.paths import styles_dir

SHARED = "app.tcss"
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_RULE = re.compile(r"([^{}]+)\{[^{}]*\}")  # the files in styles/ do not nest rules
_LEADING_TYPE = re.compile(r"\s*([A-Za-z_][\w-]*)")

# What of each file a stylesheet has been given: the file's rules, by number.
_given: WeakKeyDictionary[Stylesheet, dict[Path, frozenset[int]]] = WeakKeyDictionary()


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


def _blank(text: str) -> str:
    """``text`` as spaces, its line breaks kept."""
    return re.sub(r"[^\n]", " ", text)


@cache
def _rules(path: Path) -> tuple[tuple[frozenset[str], int, int], ...] | None:
    """Each rule of the file: the types its selectors start with, and where it is in
    the text (comments blanked). None for a file this cannot split (a nested rule)."""
    plain = _COMMENT.sub(lambda found: _blank(found.group()), dict(_files())[path])
    rules = []
    for found in _RULE.finditer(plain):
        leading = frozenset(m.group(1) for selector in found.group(1).split(",")
                            if (m := _LEADING_TYPE.match(selector)))
        rules.append((leading, found.start(), found.end()))
    return tuple(rules) if plain.count("{") == len(rules) else None


def _text_of(path: Path, chosen: frozenset[int]) -> str:
    """The file's text with only the ``chosen`` rules (the others blanked)."""
    rules, text = _rules(path), dict(_files())[path]
    assert rules is not None
    parts, at = [], 0
    for number, (_, start, end) in enumerate(rules):
        if number not in chosen:
            parts += [text[at:start], _blank(text[start:end])]
            at = end
    return "".join(parts) + text[at:]


def own_types(screen: Screen) -> frozenset[str]:
    """The names of the screen's classes that are the app's own (not Textual's)."""
    return frozenset(cls.__name__ for cls in type(screen).__mro__
                     if cls.__module__.startswith("gespreks_tui."))


def load_for(app: App, screen: Screen | str) -> None:
    """Parse the style rules ``screen`` needs into ``app``'s stylesheet (all of every
    file for a screen given by name), unless they are there already."""
    stylesheet = app.stylesheet
    given = _given.setdefault(stylesheet, {})
    if isinstance(screen, Screen):
        names = own_types(screen)
        paths = _files_for(names)
    else:
        names, paths = None, tuple(path for path, _ in _files())
    added = False
    for path in paths:
        rules = _rules(path)
        location = os.path.abspath(path)
        had = given.get(path, frozenset())
        if rules is None or names is None:
            everything = frozenset(range(len(rules))) if rules is not None else frozenset({-1})
            if had == everything:
                continue
            stylesheet.read(path)  # the whole file
            chosen = everything
        else:
            chosen = had | {number for number, (types, _, _) in enumerate(rules)
                            if types & names}
            if chosen == had:
                continue
            stylesheet.add_source(_text_of(path, chosen), read_from=(location, ""))
        if not had:
            app.css_path.append(path)  # as if it had been in CSS_PATH (Textual's CSS watcher)
        given[path] = chosen
        added = True
    if added:
        stylesheet.parse()  # the files parsed before come from Textual's parse cache
