"""A style file is parsed as far as the screens shown need it (``tui/lazy_styles``).

The name dialog of a first start needs ``dialogs.tcss``' frame rules, not the
rules of the goal forms (issue 19). These checks show that a dialog pushed
later gets its own rules then, and that every node ends up styled exactly as
with the whole files parsed at once.
"""

from __future__ import annotations

import os

from gespreks_tui.store import Store
from gespreks_tui.tui import lazy_styles
from gespreks_tui.tui.app import GesprekApp
from gespreks_tui.tui.screens.name_dialog import NameDialog
from gespreks_tui.tui.screens.reason_dialog import ReasonDialog


def _dialog_rules_given(app) -> str:
    [(location, text)] = [(p, source.content) for (p, _), source in app.stylesheet.source.items()
                          if os.path.basename(p) == "dialogs.tcss"]
    return text


def _looks(screen) -> list[tuple[str, str]]:
    """Every node's computed style rules, in DOM order, as text."""
    return [(f"{type(node).__name__}#{node.id}.{'.'.join(sorted(node.classes))}",
             repr(sorted(node.styles.get_rules().items())))
            for node in screen.walk_children(with_self=True)]


async def _open(app, pilot, dialog):
    app.push_screen(dialog)
    await pilot.pause()
    return _looks(app.screen)


async def test_dialog_rules_come_as_each_dialog_is_first_shown(tmp_path):
    store = Store.open(tmp_path / "g.db")  # no manager's name yet: the name dialog first
    app = GesprekApp(store)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert type(app.screen).__name__ == "ManagerNameScreen"
            given = _dialog_rules_given(app)
            assert "BaseDialog .dialog {" in given
            assert "GoalReviewDialog" not in given and "NameDialog" not in given
            full = (lazy_styles.styles_dir() / "dialogs.tcss").read_text(encoding="utf-8")
            assert given.count("\n") == full.count("\n")  # an error names the file's line
            await _open(app, pilot, NameDialog("Naam", "Uitleg", "Sanne"))
            given = _dialog_rules_given(app)
            assert "NameDialog" in given and "BaseDialog .dialog {" in given
            assert "GoalReviewDialog" not in given
    finally:
        store.close()


async def test_each_dialog_looks_as_with_every_file_parsed_at_once(tmp_path):
    store = Store.open(tmp_path / "g.db")
    store.set_setting("manager.name", "Sanne de Vries")
    looks = {}
    try:
        for how in ("lazy", "whole"):
            app = GesprekApp(store)
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                if how == "whole":
                    lazy_styles.load_for(app, "every file")
                    assert "GoalReviewDialog" in _dialog_rules_given(app)
                looks[how] = [
                    await _open(app, pilot, ReasonDialog("Reden", "Uitleg", "Reden")),
                    await _open(app, pilot, NameDialog("Naam", "Uitleg", "Sanne")),
                ]
                app.pop_screen()
                await pilot.pause()
                looks[how].append(_looks(app.screen))  # the dialog below: unchanged
    finally:
        store.close()
    assert looks["lazy"] == looks["whole"]
    assert len(looks["lazy"][0]) > 5
