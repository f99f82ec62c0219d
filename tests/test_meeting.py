"""The meeting object on its own: no Textual, a real database, an injected clock.

Everything the meeting screen does goes through ``Meeting``; these tests call
it the way the screen does (state on this thread, store work too: the screen
only moves that to a worker) and look at what is stored.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import date

import pytest

from gespreks_tui.agendas import load_agenda
from gespreks_tui.meeting import Meeting
from gespreks_tui.meeting.meeting import CHECKPOINT_SECONDS
from gespreks_tui.model import AgreementStatus, Kind, Outcome, Owner, Status, Visibility
from gespreks_tui.presence import Presence
from gespreks_tui.settings import PRIVATE_NOTICE_SETTING, RESUME_SETTING
from gespreks_tui.store import Store


def new_conversation(store, name: str = "Joris Bakker", kind: Kind = Kind.VOORTGANG) -> int:
    person = store.find_person(name) or store.add_person(name)
    agenda, _ = load_agenda(kind, "nl")
    return store.create_conversation(person.id, agenda, 45).id


@pytest.fixture
def opened(store, clock):
    meetings: list[Meeting] = []

    def open_meeting(conversation_id: int, presence: Presence | None = None) -> Meeting:
        meeting = Meeting(store, conversation_id, clock, presence)
        meeting.start()
        meetings.append(meeting)
        return meeting

    yield open_meeting
    for meeting in meetings:
        meeting.close()


def test_the_core_meeting_imports_no_textual():
    code = ("import sys, gespreks_tui.meeting; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'click')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_typing_is_saved_only_when_flushed_and_by_phase_and_visibility(store, clock, opened):
    m = opened(new_conversation(store))
    assert m.typed() is True
    assert store.notes(m.id) == {}  # typing alone writes nothing
    m.flush("Terug naar het project")
    assert m.saver.flush()
    assert store.notes(m.id) == {(0, Visibility.SHARED): "Terug naar het project"}
    m.toggle_private("Terug naar het project")
    m.typed()
    m.flush("Alleen voor mij")
    assert m.goto(+1, "Alleen voor mij")
    assert m.saver.flush()
    assert store.notes(m.id) == {(0, Visibility.SHARED): "Terug naar het project",
                                 (0, Visibility.PRIVATE): "Alleen voor mij"}
    assert store.get_conversation(m.id).current_phase == 1
    assert m.note == ""  # the new phase's private note is empty


def test_a_flush_without_typing_writes_nothing(store, opened):
    m = opened(new_conversation(store))
    m.flush("loaded, not typed")
    assert m.saver.flush()
    assert store.notes(m.id) == {}


def test_the_timer_runs_while_open_and_its_state_is_stored(store, clock, opened):
    m = opened(new_conversation(store))
    assert not m.timer.paused
    clock.advance(90)
    m.tick()
    assert m.saver.flush()
    phase = store.get_conversation(m.id).phases[0]
    assert phase.used_seconds == pytest.approx(90)
    assert m.toggle_timer() is False
    clock.advance(30)  # paused: not counted
    m.save_all()
    assert store.get_conversation(m.id).phases[0].used_seconds == pytest.approx(90)
    assert store.get_conversation(m.id).paused


def test_goto_stops_at_either_end(store, opened):
    m = opened(new_conversation(store))
    assert m.goto(-1, "") is False
    last = len(m.conversation.phases) - 1
    for _ in range(last):
        assert m.goto(+1, "")
    assert m.goto(+1, "") is False
    assert m.timer.current == last


def test_start_remembers_the_open_meeting_and_leave_forgets_it(store, opened):
    m = opened(new_conversation(store))
    assert m.saver.flush()
    assert store.get_setting(RESUME_SETTING) == str(m.id)
    m.leave(None)
    assert m.saver.flush()
    assert store.get_setting(RESUME_SETTING) is None


def test_agreements_add_edit_tick_delete_and_undo(store, opened):
    m = opened(new_conversation(store))
    added = m.save_agreement(None, "Cursus plannen", Owner.EMPLOYEE, "2027-03-01")
    assert [a.text for a in m.agreements] == ["Cursus plannen"]
    edited = m.save_agreement(added, "Cursus boeken", Owner.BOTH, None)
    assert edited.id == added.id and store.get_agreement(added.id).owner == Owner.BOTH
    ticked = m.toggle_agreement(edited)
    assert ticked.status == AgreementStatus.DONE
    assert m.toggle_agreement(ticked).status == AgreementStatus.OPEN
    assert not m.can_undo
    m.delete_agreement(store.get_agreement(added.id))
    assert m.agreements == [] and store.agreements(m.id) == []
    assert m.can_undo
    restored = m.undo_delete()
    assert restored is not None and restored.text == "Cursus boeken"
    assert [a.text for a in store.agreements(m.id)] == ["Cursus boeken"]
    assert m.undo_delete() is None  # nothing left to undo


def test_follow_ups_of_earlier_agreements(store, opened):
    first = opened(new_conversation(store))
    earlier = first.save_agreement(None, "Presentatie geven", Owner.EMPLOYEE, None)
    first.stop_clock("")
    first.conclude(None)
    second = opened(new_conversation(store))
    assert [a.id for a in second.follow_ups.earlier] == [earlier.id]
    recorded = second.follow_up(earlier, Outcome.PARTLY, "half af")
    assert second.follow_ups.done[earlier.id] == recorded
    assert store.follow_ups(second.id)[0].comment == "half af"


def test_conclude_writes_everything_then_locks_and_reopen_unlocks(store, clock, opened):
    m = opened(new_conversation(store))
    m.typed()
    clock.advance(60)
    m.stop_clock("Laatste zin")
    concluded = m.conclude(date(2027, 6, 15))
    assert concluded.status == Status.CONCLUDED and m.read_only
    assert store.notes(m.id)[(0, Visibility.SHARED)] == "Laatste zin"
    assert store.get_conversation(m.id).next_evaluation == "2027-06-15"
    assert store.get_setting(RESUME_SETTING) is None
    m.typed()  # read-only: typing marks nothing
    assert not m.dirty
    reopened = m.reopen()
    assert reopened.status == Status.RUNNING and not m.read_only


def test_private_notice_is_due_once(store, opened):
    m = opened(new_conversation(store))
    assert not m.private_notice_due()  # shared notes: nothing to explain
    m.toggle_private("")
    assert m.private_notice_due()
    assert m.saver.flush() and store.get_setting(PRIVATE_NOTICE_SETTING) == "1"
    assert not m.private_notice_due()


def test_a_meeting_open_in_another_copy_is_read_along_only(store, clock, db_path, opened):
    cid = new_conversation(store)
    other_copy = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from gespreks_tui.presence import Presence; "
         f"p = Presence({str(db_path)!r}); assert p.claim({cid}); print('held', flush=True); "
         "sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other_copy.stdout.readline().strip() == "held"
        presence = Presence(db_path)
        m = opened(cid, presence)
        assert m.elsewhere and m.read_only and m.timer.paused
        assert not m.typed()
        assert m.toggle_private("") == Visibility.SHARED  # never private notes here
        # what the other copy stores shows up on refresh
        store.save_note(cid, 0, Visibility.SHARED, "getypt in de andere kopie")
        store.add_agreement(cid, "Afspraak van daar", None, None)
        changed = m.refresh()
        assert changed.note and changed.agreements and not changed.status
        assert m.note == "getypt in de andere kopie"
        assert [a.text for a in m.agreements] == ["Afspraak van daar"]
        assert m.refresh() == type(changed)()  # nothing new
        presence.close()
    finally:
        other_copy.communicate("")


# --- the timer is stored on a change, not every second (issue 19) -----------------------

def _commits(db_path) -> Callable[[], int]:
    """Commits by other connections so far (``pragma data_version`` of a reader)."""
    reader = sqlite3.connect(db_path)
    first = reader.execute("pragma data_version").fetchone()[0]
    return lambda: reader.execute("pragma data_version").fetchone()[0] - first


def test_an_idle_running_meeting_writes_its_timer_only_now_and_then(
        store, clock, db_path, opened):
    m = opened(new_conversation(store))
    commits = _commits(db_path)
    clock.advance(1)
    m.tick()  # the first tick stores the running segment (not the first frame)
    assert m.saver.flush() and commits() == 1
    commits = _commits(db_path)
    for _ in range(int(CHECKPOINT_SECONDS) - 1):
        clock.advance(1)
        m.tick()
        assert m.saver.flush()
    assert commits() == 0  # a minute of ticks: not one transaction
    clock.advance(1)
    m.tick()
    assert m.saver.flush()
    assert commits() == 1  # the checkpoint
    assert store.get_conversation(m.id).phases[0].used_seconds == pytest.approx(
        CHECKPOINT_SECONDS + 1)
    assert m.toggle_timer() is False  # a pause is a change: stored at once
    assert m.saver.flush()
    assert commits() == 2 and store.get_conversation(m.id).paused
    for _ in range(5):  # paused: no beat, no write
        clock.advance(1)
        m.tick()
    assert m.saver.flush() and commits() == 2


def test_after_a_kill_the_timer_resumes_within_a_second_without_the_time_it_was_down(
        store, clock, db_path):
    conversation_id = new_conversation(store)
    killed = Meeting(store, conversation_id, clock)
    killed.start()
    for _ in range(100):  # 100 s: the database has the state of second 61
        clock.advance(1)
        killed.tick()
        assert killed.saver.flush()  # (a write takes no time on the fake clock)
    clock.advance(0.6)  # the kill comes between two ticks
    at_kill = killed.timer.used(0)
    assert store.get_conversation(conversation_id).phases[0].used_seconds == pytest.approx(61)
    # kill -9: nothing more is written (the saver and the side file are left as they are)

    clock.advance(3600)  # down for an hour: that does not count
    again = Store.open(db_path, clock=clock)
    resumed = Meeting(again, conversation_id, clock)
    try:
        resumed.start()
        assert not resumed.timer.paused
        assert at_kill - 1 <= resumed.timer.used(0) <= at_kill
        clock.advance(1)
        resumed.tick()  # the first tick stores the resumed segment
        assert resumed.saver.flush()
        stored = again.get_conversation(conversation_id).phases[0].used_seconds
        assert stored == pytest.approx(resumed.timer.used(0), abs=0.01)
    finally:
        resumed.close()
        killed.saver.close()
        again.close()


def test_a_copy_reading_along_sees_the_running_phase_go_on(store, clock, db_path):
    conversation_id = new_conversation(store)
    writer = Meeting(store, conversation_id, clock)
    writer.start()
    reader_store = Store.open(db_path, clock=clock)
    reader = Meeting(reader_store, conversation_id, clock)
    try:
        reader.elsewhere = True  # what the claim finds in another process (test_presence.py)
        reader.start()
        assert reader.read_only
        clock.advance(30)  # no checkpoint yet: the reader works it out from the moment
        writer.tick()
        assert writer.saver.flush()
        reader.refresh()
        assert reader.timer.used(0) == pytest.approx(30)
    finally:
        reader.close()
        writer.close()
        reader_store.close()
