"""kill -9 at random moments of a scripted meeting, many times over.

Each chain is one database and one conversation. Every round starts the real
``gespreks`` command in a pseudo-terminal, resumes the conversation (by itself;
the first round begins it with ctrl+s), and then, until a random moment 0.3 to
2 s later, types notes in short bursts, moves to the next phase (ctrl+f) and
back (ctrl+b), switches between shared and private notes (ctrl+o), adds
agreements through the dialog (ctrl+n … Enter) — and is killed with SIGKILL. Some rounds
are killed while the app is still starting. After every kill:

- ``PRAGMA integrity_check`` is ok and the one conversation is still running;
- every note is a state it really had while typing (nothing garbled, nothing
  from elsewhere) and holds everything typed more than one second before the
  kill (the issue's "never a lost note older than one second");
- the agreements are exactly those submitted, in order, each whole, and every
  one submitted more than a second before the kill is there;
- the next round proves it is resumable: the restarted app opens it by itself.

At the end of a chain ``Store.open`` opens the file and a last app resumes and
quits with ctrl+q (exit 0) without changing a note.

Three chains run at once (the apps mostly wait, so 2 cores suffice): 21 rounds
in all, about 15 s; GESPREKS_HEAVY=1 runs 201. CRASH_SEED=<n> replays a run's
choices (not its timing).
"""

from __future__ import annotations

import os
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from gespreks_tui.model import Status
from gespreks_tui.store import Store
from hostile_corpus import HEAVY
from test_meeting_crash import CTRL_Q, CTRL_S, ENTER, AppInPty, read_only

pytestmark = pytest.mark.slow

ROUNDS = 201 if HEAVY else 21
CHAINS = 3
CTRL_B, CTRL_F, CTRL_N, CTRL_O = b"\x02", b"\x06", b"\x0e", b"\x0f"
DURABLE = 1.0  # seconds: what was typed longer ago than this must be in the database

TEXT = (
    "Terugblik: Joris heeft de migratie afgerond, café-gesprekken hielpen.\n"
    "Knelpunten: planning en overdracht. Werkdruk soms hoog.\n\n"
    "Hij wil groeien richting architectuur; opleiding zoeken.\n"
)
AGREEMENTS = ["Cursus", "één-op-één", "Overdracht", "Werkdruk"]  # short: one line in the pane


@dataclass
class Typed:
    """What the app must have shown for one note: every state, with when it arose."""

    states: list[tuple[float, str]]  # (moment written to the terminal, text then)

    @property
    def text(self) -> str:
        return self.states[-1][1]


@dataclass
class Round:
    """The model of one round: what was sent, and what the app must have made of it."""

    notes: dict[tuple[int, str], Typed]
    agreements_before: list[str]
    submitted: list[tuple[float, str]] = field(default_factory=list)
    phase: int = 0
    visibility: str = "shared"
    cursor: int = 0  # the app puts the cursor at the end of a note it loads
    actions: list[str] = field(default_factory=list)  # for the failure message

    def did(self, what: str, moment: float) -> None:
        self.actions.append(f"{moment:.3f} {what}")

    def note(self, key=None) -> Typed:
        key = key or (self.phase, self.visibility)
        return self.notes.setdefault(key, Typed([(float("-inf"), "")]))

    def type(self, char: str, moment: float) -> None:
        note = self.note()
        text = note.text
        note.states.append((moment, text[:self.cursor] + char + text[self.cursor:]))
        self.cursor += 1


def database_state(db: Path):
    """(status of each conversation, current phase, phase names, notes, agreement texts)."""
    with read_only(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        statuses = [r[0] for r in conn.execute("select status from conversations")]
        row = conn.execute("select id, current_phase from conversations").fetchone()
        if row is None:
            return statuses, 0, [], {}, []
        cid, phase = row
        phases = [r[0] for r in conn.execute(
            "select name from phases where conversation_id = ? order by position", [cid])]
        notes = {(p, v): body for p, v, body in conn.execute(
            "select p.position, n.visibility, n.body from notes n join phases p "
            "on p.id = n.phase_id where p.conversation_id = ?", [cid])}
        agreements = [r[0] for r in conn.execute(
            "select text from agreements where conversation_id = ? order by position, id",
            [cid])]
    return statuses, phase, phases, notes, agreements


def prepare(db: Path) -> None:
    store = Store.open(db)
    try:
        store.set_setting("manager.name", "Sanne de Vries")
        store.add_person("Sanne de Vries")
        store.add_person("Joris Bakker")
        store.set_setting("notice.private_notes", "1")  # no notice over the notes
    finally:
        store.close()


class Chain:
    """One database, killed round after round."""

    def __init__(self, name: str, db: Path, launch, seed: int, rounds: int) -> None:
        self.name, self.db, self.launch = name, db, launch
        self.seed, self.rounds = seed, rounds
        self.rng = random.Random(seed)
        self.log: list[str] = []
        self.stream = 0  # position in TEXT (it repeats)
        self.agreement_count = 0

    def context(self, number: int, extra: str = "") -> str:
        return f"chain {self.name}, seed {self.seed}, round {number}: {extra}"

    def run(self) -> None:
        prepare(self.db)
        for number in range(self.rounds):
            self.one_round(number)
        self.finish()

    # -- one round ------------------------------------------------------------
    def open_meeting(self, app: AppInPty, number: int) -> None:
        if number == 0:
            app.wait_for("Medewerkers", "Joris Bakker")
            app.settle(quiet=0.1)
            mark = app.mark()
            app.send(CTRL_S)
            app.wait_for("GEDEELD", since=mark)
        else:  # the app goes straight back into the meeting it was killed in
            app.wait_for("GEDEELD", "Joris Bakker")
        app.settle(quiet=0.1)

    def one_round(self, number: int) -> None:
        rng = self.rng
        statuses, phase, phases, notes, agreements = database_state(self.db)
        if number:
            assert statuses == [Status.RUNNING], self.context(number, f"{statuses}")
        app = self.launch(self.db)
        if number and rng.random() < 0.1:  # killed while starting or resuming
            time.sleep(rng.uniform(0.0, 0.6))
            app.kill()
            after = database_state(self.db)
            assert after[0] == [Status.RUNNING], self.context(number, "killed at start")
            assert after[3] == notes and after[4] == agreements, self.context(number)
            self.log.append(f"{number}: killed while starting")
            return
        self.open_meeting(app, number)
        model = Round(notes={k: Typed([(float("-inf"), v)]) for k, v in notes.items()},
                      agreements_before=agreements, phase=phase)
        model.cursor = len(model.note().text)  # a resumed note: typing goes on at its end
        kill_at = time.monotonic() + rng.uniform(0.3, 2.0)
        self.script(app, model, phases, kill_at)
        app.kill()
        killed_at = time.monotonic()
        self.check(number, model, killed_at)

    def switch(self, app: AppInPty, key: bytes, shows: str) -> None:
        """Send a key bound on the meeting screen and wait until its effect is drawn.

        Textual checks a screen's bindings when the key has bubbled up from the
        focused TextArea, so keys sent right behind it can reach the TextArea
        first. A person's next key comes much later; here we wait for the screen.
        """
        mark = app.mark()
        app.send(key)
        app.wait_for(shows, since=mark, timeout=3.0)

    def script(self, app: AppInPty, model: Round, phases: list[str], kill_at: float) -> None:
        rng = self.rng
        while time.monotonic() < kill_at:
            action = rng.random()
            if action < 0.05 and len(phases) > 1:
                step = rng.choice([s for s in (1, -1) if 0 <= model.phase + s < len(phases)])
                model.phase = model.phase + step
                model.cursor = len(model.note().text)
                model.did(f"phase -> {model.phase}", time.monotonic())
                self.switch(app, CTRL_F if step == 1 else CTRL_B,
                            f"Notities — {phases[model.phase]}")
            elif action < 0.09:
                model.visibility = "private" if model.visibility == "shared" else "shared"
                model.cursor = len(model.note().text)
                model.did(f"-> {model.visibility}", time.monotonic())
                self.switch(app, CTRL_O, "PRIVÉ" if model.visibility == "private" else "GEDEELD")
            elif action < 0.12:
                self.agreement(app, model, kill_at)
            elif action < 0.17:
                model.did("pause", time.monotonic())
                time.sleep(rng.uniform(0.2, 0.6))  # a pause: autosave gets its turn
            else:
                chunk = ""
                for _ in range(rng.randint(1, 5)):
                    chunk += TEXT[self.stream % len(TEXT)]
                    self.stream += 1
                moment = app.send(chunk.encode().replace(b"\n", ENTER))
                model.did(f"type {chunk!r}", moment)
                for char in chunk:
                    model.type(char, moment)
                time.sleep(rng.uniform(0.0, 0.06))

    def agreement(self, app: AppInPty, model: Round, kill_at: float) -> None:
        self.agreement_count += 1
        text = f"{self.rng.choice(AGREEMENTS)} {self.agreement_count}"
        time.sleep(0.03)
        mark = app.mark()
        app.send(CTRL_N)
        try:
            app.wait_for("Nieuwe afspraak", since=mark, timeout=2.0)
        except AssertionError:
            raise AssertionError(f"{self.name}: the agreement dialog did not open") from None
        data = text.encode()
        for start in range(0, len(data), 6):
            if time.monotonic() > kill_at:
                return  # killed with the dialog open: nothing may be stored
            app.send(data[start:start + 6])
            time.sleep(0.01)
        moment = app.send(ENTER)
        model.did(f"agreement {text!r}", moment)
        model.submitted.append((moment, text))
        # Stored when the dialog closes. Keys sent while it is being dismissed still
        # go to its Input and are lost with it (a person is not that fast): wait for
        # the row, then for the screen to settle.
        deadline = time.monotonic() + 3.0
        while text not in database_state(self.db)[4]:
            assert time.monotonic() < deadline, f"{self.name}: {text!r} was not stored"
            time.sleep(0.02)
        app.settle(quiet=0.1, timeout=1.0)

    # -- the checks -------------------------------------------------------------
    def check(self, number: int, model: Round, killed_at: float) -> None:
        statuses, _, _, notes, agreements = database_state(self.db)
        assert statuses == [Status.RUNNING], self.context(number, f"{statuses}")
        for key in set(notes) | set(model.notes):
            stored = notes.get(key, "")
            states = model.note(key).states
            safe = max(i for i, (moment, _) in enumerate(states)
                       if moment <= killed_at - DURABLE)
            allowed = [text for _, text in states[safe:]]
            info = (f"note {key}: stored {len(stored)} chars, typed {len(states[-1][1])}, "
                    f"must have {len(states[safe][1])}; {len(states) - 1} keys this round")
            assert stored in allowed, \
                self.context(number, info + f"\nstored {stored!r}\ntyped  {states[-1][1]!r}"
                             f"\nkilled at {killed_at:.3f} after:\n" + "\n".join(model.actions))
        before = model.agreements_before
        new = agreements[len(before):]
        submitted = [text for _, text in model.submitted]
        must = [text for moment, text in model.submitted if moment <= killed_at - DURABLE]
        assert agreements[:len(before)] == before, self.context(number, f"{agreements}")
        assert new == submitted[:len(new)] and len(new) >= len(must), \
            self.context(number, f"stored {new}, submitted {submitted}, required {must}")
        typed = sum(len(n.states) - 1 for n in model.notes.values())
        self.log.append(f"{number}: {typed} keys, {len(submitted)} agreements, "
                        f"phase {model.phase} {model.visibility}")

    def finish(self) -> None:
        statuses, _, _, notes, agreements = database_state(self.db)
        store = Store.open(self.db)  # migrations and all: the file is fine
        try:
            (summary,) = store.list_conversations()
            assert summary.status == Status.RUNNING
            assert [a.text for a in store.agreements(summary.id)] == agreements
            assert {(p, str(v)): body for (p, v), body in store.notes(summary.id).items()} \
                == notes
        finally:
            store.close()
        app = self.launch(self.db)
        self.open_meeting(app, 1)
        app.settle(quiet=0.1)
        mark = app.mark()
        app.send(CTRL_Q)
        code = app.process.wait(timeout=10)
        assert code == 0, app.text(mark)[-2000:]
        assert "Traceback" not in app.text()
        after = database_state(self.db)
        assert after[0] == [Status.RUNNING]
        assert after[3] == notes and after[4] == agreements


@pytest.fixture
def launch(gespreks_script, clean_env):
    started: list[AppInPty] = []
    lock = threading.Lock()

    def start(db: Path) -> AppInPty:
        app = AppInPty(gespreks_script, db, clean_env)
        with lock:
            started.append(app)
        return app

    yield start
    for app in started:
        app.close()


def test_kill_9_at_random_moments_never_corrupts_loses_or_strands(tmp_path, launch):
    seed = int(os.environ.get("CRASH_SEED", time.time_ns() % 10**9))
    per_chain = -(-ROUNDS // CHAINS)
    chains = [Chain(str(i), tmp_path / f"chain{i}.db", launch, seed + i, per_chain)
              for i in range(CHAINS)]
    failures: list[BaseException] = []

    def run(chain: Chain) -> None:
        try:
            chain.run()
        except BaseException as error:  # reported below, with the chain's seed
            failures.append(error)

    threads = [threading.Thread(target=run, args=(c,), daemon=True) for c in chains]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=per_chain * 15 + 60)
    for chain in chains:
        print(f"chain {chain.name} (seed {chain.seed}):", "; ".join(chain.log))
    print(f"{per_chain * CHAINS} rounds in {time.monotonic() - started:.1f} s")
    assert not any(t.is_alive() for t in threads), "a chain did not finish"
    if failures:
        raise failures[0]
    for chain in chains:
        with read_only(chain.db) as conn:
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"


# --- found by the kill rounds -------------------------------------------------------------

@pytest.mark.parametrize("keys, phase", [(("ctrl+f",), 1), (("ctrl+f", "ctrl+b"), 0)])
async def test_a_note_typed_just_before_a_phase_change_stays_in_its_phase(
        store, clock, keys, phase):
    """The pending note was saved under the phase moved to (timer.next() ran first)."""
    from gespreks_tui.model import Visibility
    from gespreks_tui.tui.app import GesprekApp
    from helpers import meeting
    from helpers import prepare as prepare_store

    prepare_store(store, "Joris Bakker")
    app = GesprekApp(store, clock=clock, autosave_delay=30)  # nothing saved by the timer
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        screen = meeting(app)
        await pilot.press("a", "b")
        await pilot.press(*keys[:1])
        if len(keys) > 1:
            await pilot.press("c", *keys[1:])
        await pilot.pause()
        assert screen.timer.current == phase
        assert screen.saver.flush()
        notes = store.notes(screen.conversation_id)
        assert notes[(0, Visibility.SHARED)] == "ab"
        assert notes.get((1, Visibility.SHARED), "") == ("c" if len(keys) > 1 else "")
        assert screen.text_area.text == ("ab" if phase == 0 else "")
