"""The agenda timer: time per phase from an injected monotonic clock, never slept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gespreks_tui.agenda import AgendaTimer, PhaseTime, clock_text
from gespreks_tui.clock import FakeClock

PLANNED = [600.0, 300.0, 300.0]


@pytest.fixture
def fake() -> FakeClock:
    return FakeClock()


def running(clock: FakeClock, planned: list[float] | None = None, **kwargs) -> AgendaTimer:
    return AgendaTimer(list(planned or PLANNED), clock, paused=False, **kwargs)


def shares(timer: AgendaTimer) -> list[float]:
    return [p.share for p in timer.phases()]


# -- construction -------------------------------------------------------------
def test_empty_agenda_is_refused(fake):
    with pytest.raises(ValueError):
        AgendaTimer([], fake)


def test_new_timer_is_paused_at_the_first_phase_by_default(fake):
    timer = AgendaTimer(PLANNED, fake)
    assert timer.paused
    assert timer.current == 0
    fake.advance(100)
    assert timer.total_used == 0
    assert timer.total_planned == 1200


def test_current_is_clamped_into_range(fake):
    assert AgendaTimer(PLANNED, fake, current=9).current == 2
    assert AgendaTimer(PLANNED, fake, current=-3).current == 0


# -- counting -----------------------------------------------------------------
def test_time_counts_only_for_the_current_phase(fake):
    timer = running(fake)
    fake.advance(42)
    assert [timer.used(i) for i in range(3)] == [42, 0, 0]
    assert timer.next()
    fake.advance(10)
    assert [timer.used(i) for i in range(3)] == [42, 10, 0]
    assert timer.total_used == 52


def test_time_counts_only_while_running(fake):
    timer = running(fake)
    fake.advance(30)
    timer.pause()
    assert timer.paused
    fake.advance(1000)
    assert timer.used(0) == 30
    timer.resume()
    assert not timer.paused
    fake.advance(5)
    assert timer.used(0) == 35


def test_moving_while_paused_counts_nothing(fake):
    timer = AgendaTimer(PLANNED, fake, paused=True)
    fake.advance(20)
    assert timer.next()
    fake.advance(20)
    assert timer.total_used == 0
    timer.resume()
    fake.advance(7)
    assert [timer.used(i) for i in range(3)] == [0, 7, 0]


def test_pause_and_resume_are_idempotent(fake):
    timer = running(fake)
    fake.advance(10)
    timer.resume()  # already running: the running segment is not restarted or lost
    fake.advance(10)
    assert timer.used(0) == 20
    timer.pause()
    timer.pause()
    fake.advance(10)
    assert timer.used(0) == 20


def test_toggle_reports_whether_the_timer_now_runs(fake):
    timer = AgendaTimer(PLANNED, fake)
    assert timer.toggle() is True
    assert not timer.paused
    fake.advance(3)
    assert timer.toggle() is False
    assert timer.paused
    fake.advance(3)
    assert timer.used(0) == 3


def test_used_includes_the_running_segment(fake):
    timer = running(fake, used=[100.0, 0.0, 0.0])
    fake.advance(25)
    assert timer.used(0) == 125
    assert timer.phases()[0].used == 125
    assert timer.state()[2][0] == 125


# -- moving between phases ----------------------------------------------------
def test_next_and_previous_stop_at_the_ends(fake):
    timer = running(fake)
    assert timer.previous() is False
    assert timer.current == 0
    assert timer.next() is True
    assert timer.next() is True
    assert timer.current == 2
    assert timer.next() is False
    assert timer.current == 2
    assert timer.previous() is True
    assert timer.current == 1


def test_goto_bounds(fake):
    timer = running(fake)
    assert timer.goto(-1) is False
    assert timer.goto(3) is False
    assert timer.goto(0) is False  # already current
    assert timer.current == 0
    assert timer.goto(2) is True
    assert timer.current == 2


def test_a_refused_move_loses_no_time(fake):
    timer = running(fake)
    fake.advance(12)
    assert timer.previous() is False
    fake.advance(3)
    assert timer.used(0) == 15


def test_going_back_continues_the_earlier_phase(fake):
    timer = running(fake)
    fake.advance(60)
    timer.next()
    fake.advance(30)
    timer.previous()
    fake.advance(15)
    assert [timer.used(i) for i in range(3)] == [75, 30, 0]


# -- stored state -------------------------------------------------------------
@pytest.mark.parametrize("paused", [False, True])
def test_state_round_trip_continues_exactly(fake, paused):
    timer = running(fake)
    fake.advance(100)
    timer.next()
    fake.advance(33.5)
    if paused:
        timer.pause()
    state = timer.state()
    assert state == (1, paused, {0: 100, 1: 33.5, 2: 0})

    current, was_paused, used = state
    again = AgendaTimer(PLANNED, fake, used=[used[i] for i in range(3)],
                        current=current, paused=was_paused)
    assert again.state() == state
    assert again.phases() == timer.phases()
    fake.advance(20)
    assert again.state() == timer.state()
    assert again.used(1) == (33.5 if paused else 53.5)


def test_state_after_a_restart_later_on_the_clock(fake):
    """A resumed meeting (new process) continues from the stored figures, not from 0."""
    timer = running(fake)
    fake.advance(200)
    _, _, used = timer.state()
    later = FakeClock()
    later.advance(99_999)  # another process: an unrelated monotonic origin
    resumed = AgendaTimer(PLANNED, later, used=[used[i] for i in range(3)], paused=False)
    later.advance(10)
    assert resumed.used(0) == 210


# -- overrun and text ---------------------------------------------------------
def test_overrun_gives_negative_remaining(fake):
    timer = running(fake)
    fake.advance(600 + 75)
    phase = timer.phases()[0]
    assert phase.current
    assert phase.remaining == -75
    assert clock_text(phase.remaining) == "+01:15"


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "00:00"),
    (59.9, "00:59"),
    (60, "01:00"),
    (600, "10:00"),
    (3599, "59:59"),
    (3600, "60:00"),
    (-0.4, "+00:00"),
    (-1, "+00:01"),
    (-75, "+01:15"),
    (-3725, "+62:05"),
])
def test_clock_text(seconds, text):
    assert clock_text(seconds) == text


def test_phase_time_remaining():
    assert PhaseTime(0, 300, 100, 300, True).remaining == 200
    assert PhaseTime(0, 300, 400, 300, True).remaining == -100


# -- shares of the phases still to come -----------------------------------------
def test_shares_equal_the_plan_when_on_schedule(fake):
    timer = running(fake)
    fake.advance(300)
    assert shares(timer) == [600, 300, 300]


def test_overrun_shrinks_the_later_phases_proportionally(fake):
    timer = running(fake)
    fake.advance(900)  # 300 s over plan in phase 0; 300 s of the meeting left
    phases = timer.phases()
    assert phases[0].remaining == -300
    assert [p.share for p in phases[1:]] == [150, 150]
    assert sum(p.share for p in phases[1:]) == timer.total_planned - timer.total_used


def test_later_phases_share_nothing_when_the_meeting_time_is_used_up(fake):
    timer = running(fake)
    fake.advance(1200)
    assert [p.share for p in timer.phases()[1:]] == [0, 0]
    fake.advance(500)  # never negative
    assert [p.share for p in timer.phases()[1:]] == [0, 0]


def test_shares_are_proportional_to_the_plan(fake):
    timer = running(fake, planned=[600, 600, 300])
    fake.advance(900)  # 600 of 1500 left, split 2:1
    assert [p.share for p in timer.phases()[1:]] == [400, 200]


def test_moving_on_early_spreads_the_saved_time_over_all_later_phases(fake):
    timer = running(fake)
    fake.advance(300)  # phase 0 used half of its 600 s: 900 s left for 300 + 300 planned
    timer.next()
    phases = timer.phases()
    assert [p.share for p in phases[1:]] == [450, 450]  # not all of it to the last phase
    assert phases[1].remaining == 450  # the current phase counts down from its share


def test_a_phase_shows_the_same_figure_just_before_and_just_after_it_is_entered(fake):
    timer = running(fake, planned=[1200, 900, 600])
    fake.advance(1300)  # 100 s over: the later phases share 1400 s, 3:2
    before = timer.phases()[1].share
    assert before == 840
    timer.next()
    after = timer.phases()[1]
    assert after.current and after.share == before and after.remaining == before
    fake.advance(840)  # used exactly its share: the last phase keeps what it was shown
    last_before = timer.phases()[2].share
    timer.next()
    assert timer.phases()[2].share == last_before == 560


def test_while_the_current_phase_is_within_its_share_the_later_shares_stand_still(fake):
    timer = running(fake, planned=[600, 600, 300])
    fake.advance(100)
    timer.next()  # 1400 s for 600 + 300 planned: 933.3 and 466.7
    first = shares(timer)
    fake.advance(500)
    assert shares(timer) == first
    assert first[1] == pytest.approx(1400 * 600 / 900)


def test_current_and_earlier_phases(fake):
    timer = running(fake)
    fake.advance(900)  # phase 0: 300 s over its 600
    timer.next()
    fake.advance(100)
    phases = timer.phases()
    assert phases[0].share == 600  # an earlier phase shows its plan
    assert phases[1].share == 150 and phases[2].share == 150
    assert phases[1].remaining == 50
    assert [p.current for p in phases] == [False, True, False]


def test_the_last_phase_gets_all_that_is_left(fake):
    timer = running(fake, current=2)
    fake.advance(500)
    assert shares(timer) == [600, 300, 1200]  # nothing was used before it
    timer = running(fake, used=[700, 400, 0], current=2)
    assert shares(timer) == [600, 300, 100]


def test_going_back_gives_the_earlier_phase_its_share_again(fake):
    timer = running(fake)
    fake.advance(300)
    timer.next()
    fake.advance(100)
    timer.previous()  # phase 0 again: all phases open, 1200 s budget as planned
    assert shares(timer) == [600, 300, 300]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0, 4000), min_size=3, max_size=3), st.integers(0, 2))
def test_shares_of_the_open_phases_add_up_to_what_is_left(used, current):
    timer = AgendaTimer(PLANNED, FakeClock(), used=used, current=current)
    phases = timer.phases()
    left = max(0.0, sum(PLANNED) - sum(used[:current]))
    if used[current] <= phases[current].share:
        assert sum(p.share for p in phases[current:]) == pytest.approx(left)
    assert all(p.share >= 0 for p in phases)


# -- no drift -----------------------------------------------------------------
def test_many_small_advances_equal_one_big_advance():
    small, big = FakeClock(), FakeClock()
    a, b = running(small), running(big)
    for _ in range(10_000):
        small.advance(0.1)
        a.used(0)  # reading (as the UI's tick does) must not bank rounding errors
        a.phases()
    big.advance(1000.0)
    assert a.used(0) == pytest.approx(b.used(0), abs=1e-6)
    assert a.used(0) == pytest.approx(1000.0, abs=1e-6)


def test_frequent_state_saves_do_not_drift(fake):
    timer = running(fake)
    for _ in range(3600):
        fake.advance(1.0)
        timer.state()
    assert timer.used(0) == pytest.approx(3600.0, abs=1e-6)


def test_pause_resume_cycles_do_not_drift(fake):
    timer = running(fake)
    for _ in range(1000):
        fake.advance(0.3)
        timer.pause()
        fake.advance(5)
        timer.resume()
    assert timer.used(0) == pytest.approx(300.0, abs=1e-6)


# -- property: the total is exactly the running time ------------------------------
operation = st.one_of(
    st.tuples(st.just("advance"), st.floats(min_value=0, max_value=500,
                                            allow_nan=False, allow_infinity=False)),
    st.tuples(st.just("toggle"), st.none()),
    st.tuples(st.just("next"), st.none()),
    st.tuples(st.just("previous"), st.none()),
)


@settings(max_examples=200, deadline=None)
@given(
    planned=st.lists(st.integers(min_value=1, max_value=3600), min_size=1, max_size=6),
    start_paused=st.booleans(),
    operations=st.lists(operation, max_size=60),
)
def test_total_used_is_the_time_advanced_while_running(planned, start_paused, operations):
    clock = FakeClock()
    timer = AgendaTimer(planned, clock, paused=start_paused)
    expected = 0.0
    previous_total = 0.0
    for name, value in operations:
        if name == "advance":
            if not timer.paused:
                expected += value
            clock.advance(value)
        elif name == "toggle":
            timer.toggle()
        elif name == "next":
            before = timer.current
            moved = timer.next()
            assert moved == (before < len(planned) - 1)
        else:
            before = timer.current
            moved = timer.previous()
            assert moved == (before > 0)
        assert 0 <= timer.current < len(planned)
        total = timer.total_used
        assert total == pytest.approx(expected, rel=1e-9, abs=1e-6)
        assert total >= previous_total - 1e-9
        previous_total = total
        assert all(p.share >= 0 for p in timer.phases())
