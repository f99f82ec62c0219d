"""The dialogs share ``BaseDialog``: frame, title, Escape, first focus, save/cancel and the
message line. These tests pin what the refactoring must not change (binding ids, the
first focus, what Escape and the buttons return) and that a dialog's look lives in
styles/dialogs.tcss, not in a DEFAULT_CSS of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input, Label

from gespreks_tui.model import Agreement, Outcome
from gespreks_tui.tui.format import history_line, shorten
from gespreks_tui.tui.screens.base_dialog import BaseDialog
from gespreks_tui.tui.screens.conclude import ConcludeScreen, SummaryScreen
from gespreks_tui.tui.screens.confirm_dialog import ConfirmDialog
from gespreks_tui.tui.screens.export_dialog import ExportDialog
from gespreks_tui.tui.screens.follow_up_dialog import FollowUpDialog
from gespreks_tui.tui.screens.handover_dialog import HandoverDialog
from gespreks_tui.tui.screens.keys_dialog import KeysDialog
from gespreks_tui.tui.screens.manager_name import ManagerNameScreen
from gespreks_tui.tui.screens.name_dialog import NameDialog
from gespreks_tui.tui.screens.paste_dialog import PasteDialog
from gespreks_tui.tui.screens.question_dialog import QuestionDialog
from gespreks_tui.tui.screens.reason_dialog import ReasonDialog
from helpers import make_app, prepare

# The ids the palette's help texts are keyed by (help.<id>): unchanged by the base class.
BINDING_IDS = {
    ReasonDialog: {"reason.cancel", "reason.save"},
    HandoverDialog: {"handover.cancel", "handover.save"},
    NameDialog: {"name.cancel"},
    FollowUpDialog: {"followup_dialog.cancel", "followup_dialog.save"},
    QuestionDialog: {"question.cancel", "question.previous", "question.next"},
    KeysDialog: {"keys.close"},
    ManagerNameScreen: {"manager.skip"},
    PasteDialog: {"paste.cancel", "paste.previous", "paste.next"},
    ExportDialog: {"export.cancel", "export.save"},
    ConfirmDialog: {"confirm.cancel", "confirm.save"},
    ConcludeScreen: {"conclude.cancel", "conclude.save"},
    SummaryScreen: {"summary.close", "summary.save"},
}


@pytest.mark.parametrize("dialog", list(BINDING_IDS), ids=lambda d: d.__name__)
def test_each_dialog_is_a_base_dialog_with_its_own_binding_ids(dialog):
    assert issubclass(dialog, BaseDialog)
    assert {b.id for b in dialog.BINDINGS} == BINDING_IDS[dialog]
    assert all(b.description for b in dialog.BINDINGS)
    assert not dialog.__dict__.get("DEFAULT_CSS", "").strip()  # its look is in dialogs.tcss


def test_the_follow_up_dialogs_look_is_in_the_dialogs_style_file():
    from gespreks_tui.paths import styles_dir

    css = (Path(styles_dir()) / "dialogs.tcss").read_text(encoding="utf-8")
    assert "FollowUpDialog" in css and "BaseDialog .dialog {" in css


async def test_follow_up_dialog_first_choice_escape_and_save(store, clock):
    prepare(store)
    app = make_app(store, clock)
    agreement = Agreement(id=1, conversation_id=1, text="Cursus afronden")
    results: list = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(FollowUpDialog(agreement), results.append)
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "outcome"
        assert str(app.screen.query_one(".dialog-title", Label).render()) != ""
        await pilot.press("escape")
        await pilot.pause()
        assert results == [None]
        app.push_screen(FollowUpDialog(agreement), results.append)
        await pilot.pause()
        app.screen.query_one("#followup-comment", Input).value = "Certificaat in mei"
        app.screen.query_one("#followup-comment", Input).focus()
        await pilot.press("enter")  # nothing chosen yet: said, nothing recorded
        await pilot.pause()
        assert results == [None] and isinstance(app.screen, FollowUpDialog)
        assert "Kies eerst" in str(app.screen.query_one("#followup-message", Label).render())
        assert app.focused is not None and app.focused.id == "outcome"
        await pilot.press("4")  # the digit chooses ("4 loopt door"), Enter goes on
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "followup-comment"
        await pilot.press("enter")
        await pilot.pause()
        assert results[-1] == (Outcome.CARRIED_ON, "Certificaat in mei")


async def test_a_refusal_shows_on_the_message_line_and_the_dialog_stays(store, clock):
    prepare(store)
    app = make_app(store, clock)
    results: list = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ReasonDialog("Heropenen", "Waarom?", "Reden"), results.append)
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "reason-text"
        app.screen.query_one("#save", Button).press()
        await pilot.pause()
        message = app.screen.query_one("#reason-message", Label)
        assert "error" in message.classes and str(message.render())
        assert results == [] and isinstance(app.screen, ReasonDialog)
        app.screen.query_one("#cancel", Button).press()
        await pilot.pause()
        assert results == [None]


class _Row:
    date, kind, status, open_agreements, time_zone = (
        "2026-06-10T12:00:00+00:00", "doelstelling", "concluded", 1, "UTC")


def test_history_line_picks_the_longest_form_that_fits():
    full = history_line(_Row, "nl")
    assert full == "10 jun 2026 · doelstellingengesprek · afgerond · 1 open"
    assert history_line(_Row, "nl", 80) == full
    # the short kind needs 46 cells; at 44 two lines of our own, nothing left out
    assert history_line(_Row, "nl", 44) == "10 jun 2026 · doelstelling\n  afgerond · 1 open"
    assert history_line(_Row, "nl", 46) == "10 jun 2026 · doelstelling · afgerond · 1 open"
    narrow = history_line(_Row, "nl", 16)
    assert all(len(line) <= 16 for line in narrow.split("\n")) and "…" in narrow


def test_shorten_cuts_at_a_word_and_adds_an_ellipsis():
    assert shorten("kort", 10) == "kort"
    assert shorten("afspraak 4: Twee collega's inwerken", 20) == "afspraak 4: Twee…"
    assert shorten("Klantportaalbeheerder", 8) == "Klantpo…"
    assert len(shorten("a b c d e f g h", 5)) <= 5
