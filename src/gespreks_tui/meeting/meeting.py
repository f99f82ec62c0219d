"""``Meeting``: one conversation on screen, its state and its rules.

Two kinds of methods, and the docstring of each says which it is:

- *state*: quick, on the caller's thread (the UI's). They change what the
  meeting holds and hand writes to the ``Saver`` (notes, timer, scores: many
  small writes, coalesced per key, written in order on the saver's thread);
- *store work*: one write that the caller waits for (an agreement added, the
  meeting concluded). The app runs these on a worker thread, since SQLite may
  wait up to its busy timeout for another process; they replace the lists they
  change instead of changing them in place, so the UI thread never sees half
  an update.

Every store error is a ``StoreError`` and leaves the meeting as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from typing import Any

from gespreks_tui.agenda import AgendaTimer
from gespreks_tui.autosave import ChangedText, Saver
from gespreks_tui.meeting.agreement_work import AgreementWork
from gespreks_tui.meeting.follow_ups import FollowUps, load_follow_ups
from gespreks_tui.meeting.goal_work import GoalWork
from gespreks_tui.meeting.heartbeat import Heartbeat, ran_after
from gespreks_tui.meeting.rescue import rescue_text
from gespreks_tui.model import (
    Agreement,
    Conversation,
    Phase,
    Visibility,
)
from gespreks_tui.presence import Presence
from gespreks_tui.settings import PRIVATE_NOTICE_SETTING
from gespreks_tui.special_data import context as special_context
from gespreks_tui.special_data import mentions_special, special_starts
from gespreks_tui.store import Store, StoreError

GONE = {"conversation.gone", "record.gone"}  # store errors: the conversation vanished
# A running timer's state is stored on every change (phase, pause), with every note
# save, and otherwise this often; ``meeting.heartbeat`` covers the time in between.
CHECKPOINT_SECONDS = 60.0
CHECKPOINT_SLACK = 5.0  # a checkpoint waits for the saver (the busy timeout at worst: 5 s)

TimerState = tuple[int, bool, dict[int, float], float]  # phase, paused, used, moment


def _timer(c: Conversation, clock: Any, ran: float = 0.0) -> AgendaTimer:
    """The stored timer, paused; ``ran``: seconds the current phase ran after it was stored."""
    used = [p.used_seconds for p in c.phases]
    if ran and 0 <= c.current_phase < len(used):
        used[c.current_phase] += ran
    return AgendaTimer([p.planned_seconds for p in c.phases], clock, used=used,
                       current=c.current_phase, paused=True)


@dataclass(frozen=True)
class Refreshed:
    """What ``Meeting.refresh`` found changed in the store."""

    note: bool = False  # the phase on screen or its text
    agreements: bool = False
    status: bool = False


class Meeting(AgreementWork, GoalWork):
    """A conversation while it is on screen (see the module's docstring)."""

    def __init__(self, store: Store, conversation_id: int, clock: Any,
                 presence: Presence | None = None,
                 on_saved: Callable[[Hashable, Exception | None], None] | None = None) -> None:
        """Read the conversation (state): the caller then calls ``start``."""
        self.store = store
        self.clock = clock
        self.presence = presence
        self.conversation = store.get_conversation(conversation_id)
        self.texts: dict[tuple[int, Visibility], str] = store.notes(conversation_id)
        self.preparation: dict[int, str] = store.preparation(conversation_id)
        self.agreements: list[Agreement] = store.agreements(conversation_id)
        self.follow_ups: FollowUps = load_follow_ups(store, self.conversation)
        self.load_goals()  # goals set here and earlier ones to review (GoalWork)
        self.timer = _timer(self.conversation, clock)
        self.visibility = Visibility.SHARED
        self.elsewhere = False  # another copy of the app has it open: read along only
        self.screen_share = False  # the screen is shared (or turned to the employee)
        self.dirty = False  # typed since the note was last handed to the saver
        # The last saved note or an agreement mentions health or other
        # special-category data: worked out by the saver, never per keystroke.
        self.special_hint = False
        self._special_scans: dict[tuple, ChangedText] = {}  # per note: what changed only
        self._deleted: list[Agreement] = []  # undo stack of this session's deletions
        self._claimed = False
        self.gone = False  # the conversation vanished from the database (erased, purged)
        self._on_saved = on_saved
        self.heartbeat = Heartbeat(store.path)
        self._stored_at: float | None = None  # clock.monotonic() of the last timer save
        self.saver = Saver(on_result=self._saved)

    def _saved(self, key: Hashable, error: Exception | None) -> None:
        """From the saver's thread: note a vanished conversation, then tell the caller."""
        if isinstance(error, StoreError) and error.key in GONE:
            self.gone = True
        if self._on_saved is not None:
            self._on_saved(key, error)

    def rescue(self, text: str) -> str:
        """State: everything typed in this meeting as Markdown, the note on screen as ``text``."""
        texts = {**self.texts, self.note_key: text}
        return rescue_text(self.conversation, texts, self.agreements)

    # -- lifetime (state) -------------------------------------------------
    def start(self) -> None:
        """Claim the meeting; run its timer when this copy may edit it."""
        c = self.conversation
        if c.is_open and self.presence is not None:
            self._claimed = self.presence.claim(c.id)
            self.elsewhere = not self._claimed
        if c.is_open and not self.elsewhere:
            if not c.paused:  # it was running when the app stopped: the time it ran on
                self.timer = _timer(c, self.clock, ran_after(
                    self.store.timer_moment(c.id), self.heartbeat.last(c.id),
                    self.clock.now().timestamp(), CHECKPOINT_SECONDS + CHECKPOINT_SLACK))
            self.timer.resume()  # stored at the first tick (not during the first frame)
            self.saver.submit("remember", lambda: self.store.remember_open_meeting(c.id))
        elif c.is_open:
            self.timer = _timer(c, self.clock, self._ran_since_stored(c))

    def _ran_since_stored(self, c: Conversation) -> float:
        """Reading along: how long the other copy's running phase has run since it stored."""
        if c.paused:
            return 0.0
        at = self.store.timer_moment(c.id)
        return 0.0 if at is None else max(0.0, self.clock.now().timestamp() - at)

    def close(self, timeout: float = 2.0) -> bool:
        """Save what is not yet saved, stop the saver, release the claim."""
        done = self.save_all(timeout)
        self.saver.close(timeout=timeout)
        self.heartbeat.close()
        if self._claimed and self.presence is not None:
            self.presence.release(self.id)
            self._claimed = False
        return done

    # -- what it is --------------------------------------------------------
    @property
    def id(self) -> int:
        return self.conversation.id

    @property
    def read_only(self) -> bool:
        """Concluded (or confirmed), or open in another copy of the app."""
        return not self.conversation.is_open or self.elsewhere

    @property
    def phase(self) -> Phase:
        return self.conversation.phases[self.timer.current]

    @property
    def note_key(self) -> tuple[int, Visibility]:
        return self.timer.current, self.visibility

    @property
    def note(self) -> str:
        """The stored (or last flushed) text of the note on screen."""
        return self.texts.get(self.note_key, "")

    @property
    def can_show_private(self) -> bool:
        """Private notes are never shown on a copy that reads along, nor on a shared screen."""
        return not self.elsewhere and not self.screen_share

    # -- notes and timer (state; writes go to the saver) ---------------------
    def typed(self) -> bool:
        """The note on screen was changed by typing; True when it must be flushed later."""
        if self.read_only:
            return False
        self.dirty = True
        return True

    def flush(self, text: str) -> None:
        """Hand ``text`` (the note on screen) to the saver, if it was typed in."""
        if not self.dirty or self.read_only:
            return
        self.dirty = False
        key, conversation_id, store = self.note_key, self.id, self.store
        self.texts[key] = text
        agreements = tuple(a.text for a in self.agreements)
        self._stored_at = self.clock.monotonic()
        scan = self._special_scans.get(key)
        if scan is None:
            scan = self._special_scans[key] = ChangedText(special_starts, special_context())

        def save() -> None:
            # The timer rides along: no transaction (no fsync) of its own.
            store.save_note(conversation_id, key[0], key[1], text, timer=self.timer_state())
            # On the saver's thread, before it reports the save: a long note
            # takes milliseconds to scan, which the screen need not wait for.
            # Only where the note changed since its last save is searched again.
            self.special_hint = bool(scan.starts(text)) or mentions_special(*agreements)

        self.saver.submit(("note", key), save)

    def timer_state(self) -> TimerState:
        """The timer now and the moment it is true (unix seconds), as the store keeps it.

        Called when the write runs, on the saver's thread: of two queued writes
        the one that runs last stores the newest state, whatever their order.
        """
        current, paused, used = self.timer.state()
        return current, paused, used, self.clock.now().timestamp()

    def save_timer(self) -> None:
        """Store the timer's state (state; the saver writes it)."""
        if self.read_only:
            return
        conversation_id, store = self.id, self.store
        self._stored_at = self.clock.monotonic()
        self.saver.submit("timer", lambda: store.save_timer(conversation_id,
                                                             *self.timer_state()))

    def tick(self) -> None:
        """Once a second (state): a running timer beats; its state is stored now and then.

        The beat is one ``pwrite`` to the side file (``meeting.heartbeat``);
        the database gets the state every ``CHECKPOINT_SECONDS`` at most.
        """
        if self.timer.paused or self.read_only:
            return
        if self._stored_at is None:
            # This running segment is not stored yet: store it before the first beat,
            # or a restart would count from the previous session's state.
            self.save_timer()
            return
        self.heartbeat.beat(self.id, self.clock.now().timestamp())
        if self.clock.monotonic() - self._stored_at >= CHECKPOINT_SECONDS:
            self.save_timer()

    def save_all(self, timeout: float = 5.0) -> bool:
        """Queue the timer and wait until everything queued is written."""
        self.save_timer()
        return self.saver.flush(timeout)

    def goto(self, step: int, text: str) -> bool:
        """Move ``step`` phases (±1) after saving the note on screen; False at either end."""
        self.flush(text)  # first: the note belongs to the phase being left
        moved = self.timer.goto(self.timer.current + step) if not self.read_only else False
        if moved:
            self.save_timer()
        return moved

    def toggle_timer(self) -> bool:
        """Pause or resume; True when the timer now runs."""
        running = self.timer.toggle()
        self.save_timer()
        return running

    def toggle_private(self, text: str) -> Visibility:
        """Switch between shared and private notes (never on a copy that reads along)."""
        self.flush(text)
        if self.visibility == Visibility.PRIVATE:
            self.visibility = Visibility.SHARED
        elif self.can_show_private:
            self.visibility = Visibility.PRIVATE
        return self.visibility

    def private_notice_due(self) -> bool:
        """Whether to explain private notes (the first time they are opened); then noted."""
        if self.visibility != Visibility.PRIVATE or self.store.get_setting(
                PRIVATE_NOTICE_SETTING):
            return False
        store = self.store
        self.saver.submit("notice", lambda: store.set_setting(PRIVATE_NOTICE_SETTING, "1"))
        return True

    def save_score(self, position: int, criterion: str, score: int | None,
                   comment: str) -> None:
        """Store one criterion's score (or, at ``position`` -1, the overall judgment)."""
        if self.read_only:
            return
        store, conversation_id = self.store, self.id
        if position < 0:
            self.saver.submit(("score", position), lambda: store.save_overall(
                conversation_id, score, comment))
        else:
            self.saver.submit(("score", position), lambda: store.save_score(
                conversation_id, position, criterion, score, comment))

    # -- conclude, reopen, leave (store work) ----------------------------------
    def stop_clock(self, text: str) -> None:
        """State: before concluding, save the note on screen and stop the timer."""
        self.flush(text)
        self.timer.pause()
        self.save_timer()

    def conclude(self, next_evaluation: date | None) -> Conversation:
        """Store work (after ``stop_clock``): write everything, then conclude."""
        self.saver.flush()  # an error here is reported through on_saved, and kept
        concluded = self.store.conclude(self.id, next_evaluation.isoformat()
                                        if next_evaluation else None)
        self.store.remember_open_meeting(None)
        self.conversation = concluded
        return concluded

    def reopen(self) -> Conversation:
        """Store work: make the conversation editable again (a correction if confirmed)."""
        reopened = self.store.reopen(self.id, correction=True)
        self.conversation = reopened
        self.store.remember_open_meeting(self.id)
        if reopened.is_open and not self.elsewhere and self.presence is not None \
                and not self._claimed:
            self._claimed = self.presence.claim(self.id)
        return reopened

    def leave(self, still_open: int | None) -> None:
        """State: the next start goes on with ``still_open`` (the meeting below), or none."""
        if self.elsewhere:  # that other copy keeps its own place
            return
        store = self.store
        self.saver.submit("remember", lambda: store.remember_open_meeting(still_open))

    # -- reading along (state, reads only) --------------------------------------
    def refresh(self) -> Refreshed:
        """Bring a read-along meeting up to what the other copy stored."""
        store = self.store
        fresh = store.get_conversation(self.id)
        texts = store.notes(self.id)
        agreements = store.agreements(self.id)
        phase_changed = fresh.current_phase != self.timer.current
        status_changed = fresh.status != self.conversation.status
        self.conversation = fresh
        self.timer = _timer(fresh, self.clock, self._ran_since_stored(fresh))
        note_changed = phase_changed or texts != self.texts
        self.texts = texts
        agreements_changed = agreements != self.agreements
        self.agreements = agreements
        return Refreshed(note_changed, agreements_changed, status_changed)

