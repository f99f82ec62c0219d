"""The minutes as functions of one record; the store as the one judge of a confirmation.

- the store package (and what it imports) never imports ``gespreks_tui.minutes``;
- ``render_record`` and ``verify_record`` need no store: a record is enough;
- ``conversation_record`` reads in one transaction;
- ``verify`` and ``confirm`` give the same verdict on tampered files, as
  they ask the store's one check (``check_copy``);
- the four user-facing error types share ``UserError`` and its ``message()``.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from gespreks_tui.clock import FakeClock
from gespreks_tui.db import StoreError
from gespreks_tui.errors import MinutesError, Moment, Term, UserError
from gespreks_tui.exports import ExportError
from gespreks_tui.minutes import (
    confirm_text,
    parse_returned,
    publish,
    render_minutes,
    render_record,
    verify_record,
    verify_text,
)
from gespreks_tui.model import Conversation, Kind, Party, Phase, Status, Verdict, Visibility
from gespreks_tui.prepare import PreparationError
from gespreks_tui.record import ConversationRecord
from gespreks_tui.store import Store

SRC = Path(__file__).parent.parent / "src"
GOLDEN = Path(__file__).parent / "golden"
PROGRESS = 2  # the demo's concluded progress conversation with Joris Bakker


@pytest.fixture
def demo(demo_db: Path, clock: FakeClock):
    opened = Store.open(demo_db, clock=clock)
    yield opened
    opened.close()


# --- layers ---------------------------------------------------------------------------------

def _imports(path: Path) -> set[str]:
    """Every ``gespreks_tui`` module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return {name for name in found if name.split(".")[0] == "gespreks_tui"}


def _file_of(module: str) -> Path | None:
    base = SRC.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def test_the_store_imports_nothing_from_the_minutes():
    """Not directly, not through what it imports, not in a function body."""
    store_files = sorted((SRC / "gespreks_tui" / "store").glob("*.py"))
    assert len(store_files) > 10
    seen: set[Path] = set()
    todo = list(store_files)
    reached: dict[str, Path] = {}
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for module in _imports(path):
            target = _file_of(module)
            if target is not None:
                reached.setdefault(module, path)
                todo.append(target)
    bad = {m: str(p.relative_to(SRC)) for m, p in reached.items()
           if m.startswith(("gespreks_tui.minutes", "gespreks_tui.tui", "gespreks_tui.cli"))}
    assert bad == {}


# --- rendering a record -----------------------------------------------------------------------

def _hand_made_record(**changes) -> ConversationRecord:
    phases = (Phase(id=1, conversation_id=7, position=0, name="Terugblik", planned_seconds=900,
                    used_seconds=840.0),
              Phase(id=2, conversation_id=7, position=1, name="Vooruitblik *nu*",
                    planned_seconds=600, used_seconds=660.0))
    conversation = Conversation(
        id=7, kind=Kind.VOORTGANG, employee_id=1, employee_name="Joris Bakker", manager_id=2,
        manager_name="Sanne de Vries", language="nl", status=Status.CONCLUDED,
        planned_seconds=1500, created_at="2026-06-10T07:55:00+00:00",
        started_at="2026-06-10T08:00:00+00:00", next_evaluation="2026-12-10", phases=phases)
    fields = {"conversation": conversation,
              "shared_notes": {0: "Doelen gehaald.\n\n# geen kop"}, **changes}
    return ConversationRecord(**fields)


def test_render_record_needs_no_store_and_is_byte_identical():
    record = _hand_made_record()
    first, second = render_record(record), render_record(_hand_made_record())
    assert first.markdown.encode() == second.markdown.encode()
    assert (first.revision, first.stored) == (1, False)
    assert "\\# geen kop" in first.markdown and "Vooruitblik \\*nu\\*" in first.markdown
    assert "- Datum: 10 juni 2026, begin 10:00 uur" in first.markdown  # Dutch summer time
    english = render_record(record, lang="en")
    assert english.sha256 != first.sha256 and english.language == "en"
    with pytest.raises(MinutesError) as caught:
        render_record(record, revision=1)
    assert caught.value.key == "minutes.revision_not_found"


def test_the_record_is_what_render_minutes_renders(demo):
    record = demo.conversation_record(PROGRESS)
    assert record.conversation == demo.get_conversation(PROGRESS)
    # only the shared notes: a private note cannot reach the minutes by mistake
    assert set(record.shared_notes) == {p for p, v in demo.notes(PROGRESS)
                                        if v == Visibility.SHARED}
    assert not any("Mogelijk kandidaat" in text for text in record.shared_notes.values())
    for lang in ("nl", "en"):
        golden = (GOLDEN / f"minutes_demo_{lang}.md").read_text(encoding="utf-8")
        assert render_record(record, lang=lang).markdown == golden
    assert render_record(record) == render_minutes(demo, PROGRESS)
    assert render_record(record) == render_record(record)


def test_a_stored_revision_renders_from_the_record_alone(demo, clock):
    issued = publish(demo, PROGRESS)
    demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.AKKOORD, "Prima.")
    record = demo.conversation_record(PROGRESS)
    demo.close()  # the record stands on its own
    shown = render_record(record, revision=1)
    assert shown.content == issued.content and shown.stored
    assert "- [x] Akkoord" in shown.markdown and shown.markdown.endswith("Prima.\n")
    assert render_record(record) == shown  # unchanged content: the stored revision


def test_the_record_is_read_in_one_transaction(demo):
    statements: list[str] = []
    demo.db.conn.set_trace_callback(statements.append)
    try:
        demo.conversation_record(PROGRESS)
    finally:
        demo.db.conn.set_trace_callback(None)
    words = [s.split(None, 1)[0].upper() for s in statements]
    assert words[0] == "BEGIN" and words[-1] == "ROLLBACK", statements
    assert set(words[1:-1]) == {"SELECT"}, statements
    assert len(words) > 8  # conversation, phases, notes, agreements … all in it


# --- one check for verify and confirm -----------------------------------------------------------

def _tick(markdown: str) -> str:
    return markdown.replace("- [ ] Akkoord\n", "- [x] Akkoord\n", 1)


def _digit(text: str) -> str:
    at = text.index("/sha256:") + len("/sha256:")
    return text[:at] + ("1" if text[at] == "0" else "0") + text[at + 1:]


TAMPERED = {
    "as issued": (lambda text: text, None),
    "line endings and trailing spaces": (
        lambda text: "\r\n".join(line + "  " for line in text.split("\n")), None),
    "a comment below the fingerprint": (lambda text: text + "\nMijn opmerking.\n", None),
    "a changed line": (
        lambda text: text.replace("De cursus is afgerond", "De cursus is afgerend"),
        "confirm.changed"),
    "a wrong fingerprint hex digit": (_digit, "confirm.fingerprint_changed"),
    "a changed line and a wrong digit": (
        lambda text: _digit(text.replace("Joris wil", "Joris zal")), "confirm.changed"),
}


def _key(error: UserError | None) -> str | None:
    return error.key if error is not None else None


@pytest.mark.parametrize("name", list(TAMPERED))
def test_verify_and_confirm_give_the_same_verdict(demo_db: Path, tmp_path: Path, name: str):
    edit, refusal = TAMPERED[name]
    store = Store.open(demo_db, clock=FakeClock())
    try:
        text = edit(_tick(publish(store, PROGRESS).markdown))
        assert (text != _tick(store.latest_revision(PROGRESS).markdown)) == (
            name != "as issued")
    finally:
        store.close()
    copy = tmp_path / "copy.db"  # confirm writes: give it its own copy of the database
    shutil.copy(demo_db, copy)

    verdict_store = Store.open(demo_db, clock=FakeClock())
    try:
        verified = verify_text(verdict_store, text, name="v.md")
        record = verdict_store.conversation_record(PROGRESS)
    finally:
        verdict_store.close()
    pure = verify_record(record, parse_returned(text), "v.md")  # no store: the same answer
    assert pure == verified and _key(pure.refusal) == _key(verified.refusal)

    confirming = Store.open(copy, clock=FakeClock())
    try:
        try:
            done = confirm_text(confirming, text, Party.EMPLOYEE, path="v.md")
            refused = None
        except UserError as error:
            done, refused = None, error
        recorded = confirming.confirmations(PROGRESS)
    finally:
        confirming.close()

    assert (verified.match is not None) == (done is not None) == (refusal is None)
    if refusal is None:
        assert verified.refusal is None and [k.id for k in recorded] == [done.id]
        assert (verified.match.revision, done.revision) == (1, 1)
    else:
        assert recorded == []
        assert refused.key == verified.refusal.key == refusal
        assert refused.details == verified.refusal.details
        if refusal == "confirm.changed":
            assert refused.details == verified.diff and refused.details[0].startswith("---")
            assert refused.values["count"] == 2


def test_a_changed_revision_number_is_never_a_match(demo):
    """Issue 13: the content is revision 1, the line says 7: verify and confirm both
    refuse it, with the same line."""
    issued = publish(demo, PROGRESS)
    text = _tick(issued.markdown).replace(f"`gespreks/{PROGRESS}/1/", f"`gespreks/{PROGRESS}/7/")
    verified = verify_text(demo, text)
    assert verified.match is None
    assert _key(verified.refusal) == "confirm.number_changed"
    with pytest.raises(MinutesError) as caught:
        confirm_text(demo, text)
    assert caught.value.key == verified.refusal.key
    assert demo.confirmations(PROGRESS) == []


def test_the_store_refuses_a_changed_copy_with_the_diff(demo):
    issued = publish(demo, PROGRESS)
    text = _tick(issued.markdown).replace("De cursus is afgerond", "De cursus is afgerend")
    with pytest.raises(MinutesError) as caught:
        demo.confirm_returned(parse_returned(text), Party.EMPLOYEE, source="v.md")
    error = caught.value
    assert error.key == "confirm.changed" and error.exit_code == 1
    assert any(line.startswith("-De cursus is afgerond") for line in error.details)
    assert any(line.startswith("+De cursus is afgerend") for line in error.details)
    assert "v.md" in error.message() and "2 regels" in error.message()
    assert demo.confirmations(PROGRESS) == []


def test_screen_and_file_confirmations_meet_the_same_rules(demo):
    issued = publish(demo, PROGRESS)
    demo.confirm_returned(parse_returned(_tick(issued.markdown)), "employee", source="v.md")
    with pytest.raises(StoreError) as on_screen:
        demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.GEZIEN)
    with pytest.raises(StoreError) as from_file:
        demo.confirm_returned(parse_returned(_tick(issued.markdown)), "employee")
    assert on_screen.value.key == from_file.value.key == "confirm.already"
    # the conversation's zone and the screens' date style, formatted when shown (walk25 F6)
    assert "2 nov 2026 10:00" in on_screen.value.message()
    [k] = demo.confirmations(PROGRESS)
    assert (k.via, k.name, k.verdict) == ("file", "Joris Bakker", Verdict.AKKOORD)


def test_a_refused_box_is_worded_in_the_language_it_is_shown_in(demo):
    issued = publish(demo, PROGRESS)
    with pytest.raises(MinutesError) as caught:
        demo.confirm_returned(parse_returned(issued.markdown), Party.MANAGER)
    assert caught.value.key == "confirm.no_box"
    assert "leidinggevende" in caught.value.message("nl")
    assert "manager" in caught.value.message("en")


# --- one kind of user-facing error ----------------------------------------------------------------

def test_the_four_error_types_share_one_base(tmp_path: Path):
    errors = [
        StoreError("conversation.not_found", tmp_path / "g.db", id=9),
        MinutesError("returned.not_minutes"),
        ExportError("export.failed", path=tmp_path / "x.md", reason="Disk full"),
        PreparationError("prepare.wrong_kind", expected=Kind.VOORTGANG, found=Kind.BEOORDELING),
    ]
    for error in errors:
        assert isinstance(error, UserError)
        assert error.key in str(error)
        for lang in ("nl", "en"):
            text = error.message(lang)
            assert text and "\n" not in text and "{" not in text
    store_error, minutes_error, export_error, preparation_error = errors
    assert store_error.path == str(tmp_path / "g.db") and "9" in store_error.message("en")
    assert (store_error.exit_code, minutes_error.exit_code, export_error.exit_code,
            preparation_error.exit_code) == (2, 1, 2, 1)
    assert "x.md" in minutes_error.message(path="x.md")
    assert export_error.path == str(tmp_path / "x.md") and export_error.reason == "Disk full"
    assert "Disk full" in export_error.message("en")
    assert "beoordelingsgesprek" in preparation_error.message("nl")
    assert "appraisal" in preparation_error.message("en").lower()


def test_values_are_formatted_when_shown():
    error = UserError("confirm.already", name="Joris", revision=1,
                      at=Moment("2026-07-01T08:30:00+00:00", "Europe/Amsterdam"))
    assert "1 Jul 2026 10:30" in error.message("en")  # summer: UTC+2, as the screens show it
    assert "1 jul 2026 10:30" in error.message("nl")
    assert "1 Jul 2026 08:30" in UserError("confirm.already", name="J", revision=1,
                                           at=Moment("2026-07-01T08:30:00+00:00", "UTC")).message("en")
    status = UserError("minutes.not_concluded", id=3, status=Term("status.running"))
    assert "bezig" in status.message("nl") and "running" in status.message("en")
