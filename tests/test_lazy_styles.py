"""Style files parsed as screens need them (tui/lazy_styles.py): none missing, few early."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import re

from textual.screen import Screen

import gespreks_tui.tui.screens as screens_package
from gespreks_tui.store import Store
from gespreks_tui.tui import lazy_styles
from gespreks_tui.tui.app import GesprekApp


def _screen_classes() -> list[type[Screen]]:
    found = []
    for info in pkgutil.iter_modules(screens_package.__path__):
        module = importlib.import_module(f"{screens_package.__name__}.{info.name}")
        found += [cls for _, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, Screen) and cls.__module__ == module.__name__]
    return found


def _leading_types(css: str) -> set[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = [s.strip() for group in re.findall(r"([^{}]+)\{", css) for s in group.split(",")]
    return {m.group(0) for s in selectors if (m := re.match(r"[A-Za-z_][\w-]*", s))}


def test_every_file_whose_rules_select_a_screen_is_loaded_for_it():
    classes = _screen_classes()
    assert len(classes) > 10
    checked = 0
    for path, text in lazy_styles._files():
        for cls in classes:
            names = frozenset(c.__name__ for c in cls.__mro__
                              if c.__module__.startswith("gespreks_tui."))
            if _leading_types(text) & names:
                assert path in lazy_styles._files_for(names), (cls.__name__, path.name)
                checked += 1
    assert checked > 10


def test_the_shared_file_first_then_every_other_for_a_host_app():
    files = [os.path.basename(p) for p in GesprekApp.CSS_PATH]
    assert files[0] == lazy_styles.SHARED
    assert sorted(files[1:]) == files[1:] and len(files) == len(set(files)) > 3


async def test_a_first_start_parses_the_dialog_file_only_then_the_start_screens(tmp_path):
    store = Store.open(tmp_path / "g.db")
    person = store.add_person("Joris Bakker")
    app = GesprekApp(store)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert type(app.screen).__name__ == "ManagerNameScreen"  # the start screen later
            loaded = {os.path.basename(p) for p, _ in app.stylesheet.source if
                      str(p).endswith(".tcss")}
            assert loaded == {"app.tcss", "dialogs.tcss"}
            border = app.screen.query_one(".dialog").styles.border_top[0]
            assert border == "thick"  # the dialog's own rules are there
            await pilot.press("escape")  # later: the start screen, and its file with it
            await pilot.pause()
            assert type(app.screen).__name__ == "StartScreen"
            loaded = {os.path.basename(p) for p, _ in app.stylesheet.source if
                      str(p).endswith(".tcss")}
            assert loaded == {"app.tcss", "dialogs.tcss", "start.tcss"}
            from gespreks_tui.tui.screens.history import HistoryScreen

            await app.push_screen(HistoryScreen(person.id))
            await pilot.pause()
            loaded = {os.path.basename(p) for p, _ in app.stylesheet.source if
                      str(p).endswith(".tcss")}
            assert "history.tcss" in loaded and "meeting.tcss" not in loaded
    finally:
        store.close()
