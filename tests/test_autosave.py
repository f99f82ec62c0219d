"""The background saver: ordered, coalesced per key, retried, flushed and closed.

Real threads, but no fixed sleeps: the tests hold the saver's thread inside a job
with a ``threading.Event`` and wait on events or ``flush()``.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.autosave import Saver
from gespreks_tui.clock import FakeClock
from gespreks_tui.model import Kind, Visibility
from gespreks_tui.store import Store

WAIT = 2.0  # generous upper bound for waits on events; normally milliseconds


@pytest.fixture
def make_saver() -> Iterator[Callable[..., Saver]]:
    """Savers that are always closed again, so no thread outlives its test."""
    made: list[Saver] = []

    def make(**kwargs) -> Saver:
        saver = Saver(**kwargs)
        made.append(saver)
        return saver

    yield make
    for saver in made:
        if saver._thread.is_alive():
            saver.close(timeout=1.0)
        assert not saver._thread.is_alive()


class Gate:
    """A job that tells when it started and then waits until it is released."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self) -> None:
        self.started.set()
        assert self.release.wait(WAIT), "gate never released"


def recorder(log: list, name: str) -> Callable[[], None]:
    return lambda: log.append(name)


def hold(saver: Saver) -> Gate:
    """Occupy the saver's thread so that what is submitted next is queued."""
    gate = Gate()
    saver.submit("gate", gate)
    assert gate.started.wait(WAIT)
    return gate


def test_jobs_run_in_the_background_in_submission_order(make_saver):
    saver = make_saver()
    log: list[str] = []
    caller = threading.get_ident()
    threads: set[int] = set()

    def job(name: str) -> Callable[[], None]:
        def run() -> None:
            threads.add(threading.get_ident())
            log.append(name)
        return run

    for name in ["a", "b", "c", "d", "e"]:
        saver.submit(name, job(name))
    assert saver.flush(WAIT)
    assert log == ["a", "b", "c", "d", "e"]
    assert caller not in threads
    assert saver.idle


def test_queued_jobs_keep_their_order(make_saver):
    saver = make_saver()
    log: list[str] = []
    gate = hold(saver)
    for name in ["one", "two", "three"]:
        saver.submit(name, recorder(log, name))
    assert log == []  # queued behind the held job, not run on the caller's thread
    gate.release.set()
    assert saver.flush(WAIT)
    assert log == ["one", "two", "three"]


def test_submit_does_not_wait_for_a_running_job(make_saver):
    saver = make_saver()
    gate = hold(saver)
    started = time.perf_counter()
    for i in range(200):
        saver.submit(("note", i % 3), lambda: None)
    elapsed = time.perf_counter() - started
    gate.release.set()
    assert elapsed < 0.1
    assert saver.flush(WAIT)


def test_jobs_with_the_same_key_coalesce(make_saver):
    saver = make_saver()
    log: list[str] = []
    gate = hold(saver)
    for version in range(1, 6):
        saver.submit("note", recorder(log, f"note v{version}"))
    saver.submit("timer", recorder(log, "timer"))
    saver.submit("note", recorder(log, "note v6"))
    assert not saver.idle
    gate.release.set()
    assert saver.flush(WAIT)
    assert sorted(log) == ["note v6", "timer"]


def test_a_job_submitted_while_its_key_runs_still_runs(make_saver):
    """Coalescing only replaces queued jobs: the running save is followed by the new one."""
    saver = make_saver()
    log: list[str] = []
    gate = Gate()

    def first() -> None:
        gate()
        log.append("v1")

    saver.submit("note", first)
    assert gate.started.wait(WAIT)
    saver.submit("note", recorder(log, "v2"))
    gate.release.set()
    assert saver.flush(WAIT)
    assert log == ["v1", "v2"]


def test_flush_waits_until_written(make_saver):
    saver = make_saver()
    written = threading.Event()
    gate = Gate()

    def slow() -> None:
        gate()
        written.set()

    saver.submit("slow", slow)
    assert gate.started.wait(WAIT)
    assert saver.flush(timeout=0.05) is False  # still held: flush says it is not done
    assert not written.is_set()
    threading.Timer(0.05, gate.release.set).start()
    assert saver.flush(WAIT) is True
    assert written.is_set()
    assert saver.idle


def test_flush_with_nothing_queued_returns_at_once(make_saver):
    saver = make_saver()
    started = time.perf_counter()
    assert saver.flush(WAIT)
    assert time.perf_counter() - started < 0.1


def test_a_failing_job_is_reported_kept_and_retried(make_saver):
    results: list[tuple[object, Exception | None]] = []
    saver = make_saver(on_result=lambda key, error: results.append((key, error)),
                       retry_after=0.05)
    attempts = []

    def flaky() -> None:
        attempts.append(time.monotonic())
        if len(attempts) < 3:
            raise OSError(f"disk full (attempt {len(attempts)})")

    saver.submit("note", flaky)
    assert saver.flush(WAIT)
    assert len(attempts) == 3
    assert [key for key, _ in results] == ["note"] * 3
    errors = [error for _, error in results]
    assert isinstance(errors[0], OSError) and "attempt 1" in str(errors[0])
    assert isinstance(errors[1], OSError) and "attempt 2" in str(errors[1])
    assert errors[2] is None
    assert saver.idle


def test_a_newer_job_replaces_a_failed_one(make_saver):
    results: list[tuple[object, Exception | None]] = []
    failed = threading.Event()

    def on_result(key, error) -> None:
        results.append((key, error))
        if error is not None:
            failed.set()

    saver = make_saver(on_result=on_result, retry_after=5.0)
    log: list[str] = []

    def broken() -> None:
        log.append("old")
        raise RuntimeError("locked")

    saver.submit("note", broken)
    assert failed.wait(WAIT)
    saver.submit("note", recorder(log, "new"))  # wakes the saver before its retry
    assert saver.flush(WAIT)
    assert log == ["old", "new"]
    assert results[-1] == ("note", None)


def test_other_jobs_still_run_while_one_fails(make_saver):
    results: list[tuple[object, Exception | None]] = []
    saver = make_saver(on_result=lambda key, error: results.append((key, error)),
                       retry_after=0.05)
    log: list[str] = []
    calls = []

    def flaky() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("busy")
        log.append("flaky")

    saver.submit("a", recorder(log, "a"))
    saver.submit("flaky", flaky)
    saver.submit("b", recorder(log, "b"))
    assert saver.flush(WAIT)
    assert log == ["a", "b", "flaky"]


def test_flush_gives_up_on_a_job_that_keeps_failing(make_saver):
    saver = make_saver(retry_after=0.01)

    def broken() -> None:
        raise RuntimeError("read-only file system")

    saver.submit("note", broken)
    started = time.perf_counter()
    assert saver.flush(timeout=0.1) is False
    assert time.perf_counter() - started < 0.5
    assert not saver.idle
    assert saver.close(timeout=0.1) is False


def test_a_failing_report_does_not_stop_the_saver(make_saver):
    def on_result(key, error) -> None:
        raise ValueError("the UI is gone")

    saver = make_saver(on_result=on_result)
    log: list[str] = []
    saver.submit("a", recorder(log, "a"))
    saver.submit("b", recorder(log, "b"))
    assert saver.flush(WAIT)
    assert log == ["a", "b"]


def test_close_writes_what_is_queued(make_saver):
    saver = make_saver()
    log: list[str] = []
    gate = hold(saver)
    for name in ["x", "y", "z"]:
        saver.submit(name, recorder(log, name))
    threading.Timer(0.05, gate.release.set).start()
    assert saver.close(WAIT) is True
    assert log == ["x", "y", "z"]
    assert not saver._thread.is_alive()


def test_close_twice_is_harmless(make_saver):
    saver = make_saver()
    assert saver.close(WAIT)
    assert saver.close(WAIT)


# -- with the real store --------------------------------------------------------
def test_notes_saved_through_the_saver_land_in_the_database(tmp_path, make_saver):
    path = tmp_path / "g.db"
    store = Store.open(path, clock=FakeClock())
    try:
        employee = store.add_person("Joris Bakker")
        conversation = store.create_conversation(
            employee.id, builtin_agenda(Kind.VOORTGANG, "nl"), 45)
        results: list[tuple[object, Exception | None]] = []
        saver = make_saver(on_result=lambda key, error: results.append((key, error)))
        gate = hold(saver)
        text = ""
        for word in ("Joris", "vertelt", "over", "het", "project", "🚀", "en", "de",
                     "deadline"):
            text += word + " "
            body = text
            saver.submit(("note", 0, "shared"), lambda body=body: store.save_note(
                conversation.id, 0, Visibility.SHARED, body))
        saver.submit(("note", 1, "private"), lambda: store.save_note(
            conversation.id, 1, Visibility.PRIVATE, "alleen voor mij"))
        # the UI keeps using the store on its own thread meanwhile
        assert store.get_setting("manager.name") is None
        gate.release.set()
        assert saver.close(WAIT)
        assert all(error is None for _, error in results)
        assert store.notes(conversation.id) == {
            (0, Visibility.SHARED): text,
            (1, Visibility.PRIVATE): "alleen voor mij",
        }
    finally:
        store.close()

    # and it is really on disk: a separate connection sees it
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as check:
        rows = check.execute(
            "select p.position, n.visibility, n.body from notes n "
            "join phases p on p.id = n.phase_id order by p.position").fetchall()
    assert rows == [(0, "shared", text), (1, "private", "alleen voor mij")]
