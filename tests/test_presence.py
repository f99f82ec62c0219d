"""One meeting, one copy of the app: claims through a lock the OS drops when a copy dies."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.model import Kind
from gespreks_tui.presence import Presence, side_file
from gespreks_tui.store import Store
from gespreks_tui.tui.screens.start import StartScreen
from helpers import make_app, meeting, prepare

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX record locks")


class OtherCopy:
    """Another process that claims ``conversation_id`` and holds it until killed."""

    def __init__(self, db_path, conversation_id: int) -> None:
        code = textwrap.dedent(f"""
            import sys, time
            from gespreks_tui.presence import Presence
            p = Presence({str(db_path)!r})
            print(p.claim({conversation_id}), flush=True)
            time.sleep(60)
        """)
        self.process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                        text=True)
        assert self.process.stdout.readline().strip() == "True"

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=5)


@pytest.fixture
def other_copies():
    started: list[OtherCopy] = []

    def start(db_path, conversation_id):
        copy = OtherCopy(db_path, conversation_id)
        started.append(copy)
        return copy

    yield start
    for copy in started:
        if copy.process.poll() is None:
            copy.kill()


def test_a_claim_is_seen_by_other_copies_and_dies_with_its_process(tmp_path, other_copies):
    db = tmp_path / "g.db"
    other = other_copies(db, 7)
    here = Presence(db)
    try:
        assert here.open_elsewhere(7)
        assert not here.claim(7)
        assert here.claim(8) and not here.open_elsewhere(8)  # other meetings are free
        other.kill()  # kill -9: no clean-up ran, yet the claim is gone
        assert not here.open_elsewhere(7)
        assert here.claim(7)
        assert stat.S_IMODE(os.stat(side_file(db)).st_mode) == 0o600
        assert side_file(db).read_bytes() == b""  # no personal data in the side file
    finally:
        here.close()


def running_meeting(db_path, clock) -> int:
    store = Store.open(db_path, clock=clock)
    try:
        prepare(store, "Joris Bakker")
        person = store.find_person("Joris Bakker")
        c = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 45)
        store.save_note(c.id, 0, "shared", "Wat de ander typte")
        store.remember_open_meeting(c.id)
        return c.id
    finally:
        store.close()


async def test_a_meeting_open_in_another_copy_is_not_resumed_there(db_path, clock,
                                                                    other_copies):
    conversation_id = running_meeting(db_path, clock)
    other_copies(db_path, conversation_id)
    store = Store.open(db_path, clock=clock)
    app = make_app(store, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)  # not straight into the other's meeting
        await pilot.press("ctrl+r")  # asked for explicitly: shown, but only to read
        await pilot.pause()
        screen = meeting(app)
        assert screen.read_only
        assert any("ander venster" in str(n.message) for n in app._notifications)
        await pilot.press(*"xyz")
        assert screen.text_area.text == "Wat de ander typte"
        await pilot.press("escape")
        await pilot.pause()
    assert store.notes(conversation_id)[(0, "shared")] == "Wat de ander typte"
    assert store.meeting_to_resume() == conversation_id  # the other copy keeps its place
    store.close()


async def test_without_another_copy_the_meeting_is_claimed_and_released(db_path, clock):
    conversation_id = running_meeting(db_path, clock)
    store = Store.open(db_path, clock=clock)
    app = make_app(store, clock)
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            assert meeting(app).conversation_id == conversation_id
            assert conversation_id in app.presence.claimed
            await pilot.press("escape")
            await pilot.pause()
            assert conversation_id not in app.presence.claimed
    finally:
        store.close()


def test_one_copy_showing_a_meeting_twice_keeps_it_until_both_are_closed(tmp_path,
                                                                         other_copies):
    db = tmp_path / "g.db"
    here = Presence(db)
    try:
        assert here.claim(5) and here.claim(5)  # the meeting, and again from its history
        here.release(5)
        probe = subprocess.run(
            [sys.executable, "-c", "import sys; from gespreks_tui.presence import Presence;"
             f" print(Presence({str(db)!r}).open_elsewhere(5))"],
            capture_output=True, text=True, timeout=60)
        assert probe.stdout.strip() == "True", probe.stderr  # still held by the first
        here.release(5)
        assert 5 not in here.claimed
        other = other_copies(db, 5)  # now another copy can take it
        assert other.process.poll() is None
    finally:
        here.close()


async def test_the_read_only_copy_follows_what_the_other_copy_stores(db_path, clock,
                                                                     other_copies):
    """A second window reads along: notes, phase and agreements, a tick behind."""
    from gespreks_tui.model import Owner

    conversation_id = running_meeting(db_path, clock)
    other_copies(db_path, conversation_id)
    store = Store.open(db_path, clock=clock)
    writer = Store.open(db_path, clock=clock)  # what the other copy writes, as it would
    app = make_app(store, clock)
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.press("ctrl+r")
            await pilot.pause()
            screen = meeting(app)
            assert screen.read_only and screen.text_area.text == "Wat de ander typte"
            writer.save_note(conversation_id, 0, "shared", "Wat de ander typte, en meer")
            writer.add_agreement(conversation_id, "Cursus plannen", Owner.EMPLOYEE, None)
            screen.every_second()
            await pilot.pause()
            assert screen.text_area.text == "Wat de ander typte, en meer"
            assert [a.text for a in screen.meeting.agreements] == ["Cursus plannen"]
            assert "Cursus plannen" in str(screen.query_one("AgreementItem").render())
            writer.save_note(conversation_id, 1, "shared", "Vooruit")
            writer.save_timer(conversation_id, 1, False, {0: 600.0})
            screen.every_second()
            await pilot.pause()
            assert screen.timer.current == 1 and screen.timer.used(0) == 600.0
            assert screen.text_area.text == "Vooruit"
            await pilot.press(*"xyz")  # still only reading
            assert screen.text_area.text == "Vooruit"
        assert store.notes(conversation_id)[(1, "shared")] == "Vooruit"
    finally:
        writer.close()
        store.close()
