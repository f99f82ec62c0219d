"""The minutes: golden files, determinism, private notes, revisions and confirmations.

Regenerate the golden files with ``UPDATE_GOLDEN=1 pytest tests/test_minutes_render.py``
and read the diff before committing it.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.db import StoreError
from gespreks_tui.demo import load_demo
from gespreks_tui.dutch_time import dutch
from gespreks_tui.exports import ExportError, default_export_name, slug, write_private
from gespreks_tui.fingerprint import canonical, sha256_of
from gespreks_tui.minutes import (
    MinutesError,
    export_text,
    parse_returned,
    publish,
    render_html,
    render_minutes,
)
from gespreks_tui.model import Kind, Party, Status, Verdict, Visibility
from gespreks_tui.store import Store

GOLDEN = Path(__file__).parent / "golden"
PRIVATE_NOTE = "Mogelijk kandidaat"
PROGRESS = 2  # the demo's concluded progress conversation with Joris Bakker


@pytest.fixture
def demo(tmp_path: Path, clock: FakeClock):
    store = Store.open(tmp_path / "demo.db", clock=clock)
    load_demo(store)
    yield store
    store.close()


def tick(markdown: str, label: str, occurrence: int = 0) -> str:
    """Tick the ``occurrence``-th box with ``label`` (0: the employee's, 1: the manager's)."""
    parts = markdown.split(f"- [ ] {label}\n")
    return "".join(part + (f"- [{'x' if i == occurrence else ' '}] {label}\n"
                           if i < len(parts) - 1 else "") for i, part in enumerate(parts))


# --- golden files and determinism --------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_golden_minutes_of_the_demo_conversation(demo, lang: str):
    markdown = render_minutes(demo, PROGRESS, lang=lang).markdown
    golden = GOLDEN / f"minutes_demo_{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(markdown, encoding="utf-8", newline="\n")
    assert markdown == golden.read_text(encoding="utf-8")


def test_rendering_is_deterministic_across_runs_stores_and_time_zones(demo, tmp_path, monkeypatch):
    first = render_minutes(demo, PROGRESS)
    assert render_minutes(demo, PROGRESS) == first
    other = Store.open(tmp_path / "other.db", clock=FakeClock())
    try:
        load_demo(other)
        monkeypatch.setenv("TZ", "America/Los_Angeles")
        time.tzset()
        assert render_minutes(other, PROGRESS).markdown.encode() == first.markdown.encode()
    finally:
        other.close()
        monkeypatch.delenv("TZ")
        time.tzset()


def test_private_notes_never_appear(demo):
    assert PRIVATE_NOTE in demo.notes(PROGRESS)[(1, Visibility.PRIVATE)]
    for lang in ("nl", "en"):
        assert PRIVATE_NOTE not in render_minutes(demo, PROGRESS, lang=lang).markdown
    for fmt in ("md", "html"):
        assert PRIVATE_NOTE not in export_text(demo, PROGRESS, fmt)[1]
    assert all(PRIVATE_NOTE not in r.markdown for r in demo.revisions(PROGRESS))


def test_the_content_is_canonical_and_the_fingerprint_covers_it(demo):
    minutes = render_minutes(demo, PROGRESS)
    assert canonical(minutes.content) == minutes.content
    assert minutes.markdown.startswith(minutes.content + "\n")
    assert minutes.sha256 == sha256_of(minutes.content)
    assert f"`gespreks/{PROGRESS}/1/sha256:{minutes.sha256}`" in minutes.markdown
    for line in ("- [ ] Akkoord", "- [ ] Gezien, niet akkoord", "## Opmerkingen medewerker",
                 "Naam: Joris Bakker", "Naam: Sanne de Vries"):
        assert line in minutes.markdown.split("\n")


def test_dutch_time_follows_summer_time_whatever_the_machine():
    assert str(dutch("2026-03-29T00:59:00+00:00")) == "2026-03-29 01:59:00"
    assert str(dutch("2026-03-29T01:00:00+00:00")) == "2026-03-29 03:00:00"
    assert str(dutch("2026-10-25T00:59:00+00:00")) == "2026-10-25 02:59:00"
    assert str(dutch("2026-10-25T01:00:00+00:00")) == "2026-10-25 02:00:00"


# --- revisions ---------------------------------------------------------------------------

def test_publish_stores_one_revision_per_content(demo):
    first = publish(demo, PROGRESS)
    assert (first.revision, first.stored) == (1, True)
    assert publish(demo, PROGRESS) == first
    assert [r.revision for r in demo.revisions(PROGRESS)] == [1]
    stored = demo.latest_revision(PROGRESS)
    assert (stored.markdown, stored.sha256) == (first.markdown, first.sha256)
    assert demo.revision_by_sha(first.sha256) == stored
    assert render_minutes(demo, PROGRESS, revision=1) == first
    assert demo.save_revision(PROGRESS, "anders", first.sha256) == 1


def test_publish_refuses_a_conversation_that_is_not_concluded(demo):
    running = demo.create_conversation(1, builtin_agenda(Kind.VOORTGANG), 45)
    with pytest.raises(StoreError) as caught:
        publish(demo, running.id)
    assert caught.value.key == "minutes.not_concluded"
    assert demo.revisions(running.id) == []
    assert render_minutes(demo, running.id).stored is False  # a preview is fine


def test_confirmation_rules_and_locking(demo, clock):
    publish(demo, PROGRESS)
    with pytest.raises(StoreError, match="confirm.empty_name"):
        demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "  ", Verdict.AKKOORD)
    with pytest.raises(StoreError, match="minutes.revision_not_found"):
        demo.confirm(PROGRESS, 2, Party.EMPLOYEE, "Joris Bakker", Verdict.AKKOORD)
    first = demo.confirm(PROGRESS, 1, "employee", " Joris  Bakker ", "gezien", "Niet eens.")
    assert (first.name, first.verdict, first.via, first.comment) == (
        "Joris Bakker", Verdict.GEZIEN, "screen", "Niet eens.")
    with pytest.raises(StoreError, match="confirm.already"):
        demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.AKKOORD)
    assert demo.get_conversation(PROGRESS).status == Status.CONCLUDED
    clock.advance(3600)
    demo.confirm(PROGRESS, 1, Party.MANAGER, "Sanne de Vries", Verdict.AKKOORD)
    assert demo.get_conversation(PROGRESS).status == Status.CONFIRMED
    assert [k.party for k in demo.confirmations(PROGRESS, 1)] == [Party.EMPLOYEE, Party.MANAGER]

    shown = render_minutes(demo, PROGRESS).markdown
    assert shown == render_minutes(demo, PROGRESS, revision=1).markdown
    assert "- [x] Gezien, niet akkoord" in shown and "- [x] Vastgesteld" in shown
    assert "uur bevestigd op het scherm van de leidinggevende" in shown
    assert "Bevestigd op 2 november 2026 om 11:00 uur, op het scherm." in shown
    assert shown.endswith("## Opmerkingen medewerker\n\nNiet eens.\n")
    assert parse_returned(shown).sha256 == demo.latest_revision(PROGRESS).sha256


def test_a_correction_after_confirmation_is_a_new_revision(demo):
    publish(demo, PROGRESS)
    demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.AKKOORD)
    demo.confirm(PROGRESS, 1, Party.MANAGER, "Sanne de Vries", Verdict.AKKOORD)
    assert demo.reopen(PROGRESS).status == Status.CONFIRMED  # locked without a correction
    assert demo.reopen(PROGRESS, correction=True).status == Status.RUNNING
    with pytest.raises(StoreError, match="confirm.not_concluded"):
        demo.confirm(PROGRESS, 1, Party.MANAGER, "Sanne de Vries", Verdict.AKKOORD)
    demo.save_note(PROGRESS, 0, Visibility.SHARED, "Gecorrigeerd: de cursus is in juni afgerond.")
    demo.conclude(PROGRESS, "2026-12-10")
    second = publish(demo, PROGRESS)
    assert second.revision == 2 and "Gecorrigeerd" in second.markdown
    assert "- [x]" not in second.markdown
    assert demo.get_conversation(PROGRESS).status == Status.CONCLUDED
    old = render_minutes(demo, PROGRESS, revision=1)
    assert "Gecorrigeerd" not in old.markdown and old.markdown.count("- [x] Akkoord") == 1
    assert old.markdown.count("- [x] Vastgesteld") == 1
    assert len(demo.confirmations(PROGRESS, 1)) == 2 and demo.confirmations(PROGRESS, 2) == []
    with pytest.raises(StoreError, match="confirm.superseded"):
        demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.AKKOORD)
    history = demo.minutes_history(PROGRESS)
    assert [(r.revision, len(ks)) for r, ks in history] == [(1, 2), (2, 0)]


def test_unchanged_content_after_reopen_keeps_the_revision(demo):
    first = publish(demo, PROGRESS)
    demo.reopen(PROGRESS)
    demo.conclude(PROGRESS, "2026-12-10")
    assert publish(demo, PROGRESS).revision == first.revision


# --- parsing returned minutes ------------------------------------------------------------

def test_parse_returned_survives_editors(demo):
    issued = publish(demo, PROGRESS)
    edited = tick(issued.markdown, "Akkoord") + "\nPrima gesprek.\n\n*Echt.*\n"
    mangled = "\ufeff" + "\r\n".join(line + "  " for line in edited.split("\n")) + "\r\n\r\n"
    for text in (edited, mangled):
        returned = parse_returned(text)
        assert (returned.conversation_id, returned.revision) == (PROGRESS, 1)
        assert returned.sha256 == returned.fingerprint == issued.sha256
        assert returned.ticked == {Party.EMPLOYEE: (Verdict.AKKOORD,)}
        assert returned.verdict(Party.EMPLOYEE) == Verdict.AKKOORD
        assert returned.comments == "Prima gesprek.\n\n*Echt.*"


def test_parse_returned_reports_boxes(demo):
    issued = publish(demo, PROGRESS).markdown
    both = parse_returned(tick(tick(issued, "Akkoord"), "Gezien, niet akkoord"))
    with pytest.raises(MinutesError, match="confirm.two_boxes"):
        both.verdict(Party.EMPLOYEE)
    with pytest.raises(MinutesError, match="confirm.no_box"):
        parse_returned(issued).verdict(Party.EMPLOYEE)
    upper = parse_returned(issued.replace("- [ ] Gezien, niet akkoord", "- [X] Gezien, niet akkoord", 1))
    assert upper.verdict(Party.EMPLOYEE) == Verdict.GEZIEN
    manager = parse_returned(tick(issued, "Vastgesteld (opgesteld door de leidinggevende)"))
    assert manager.ticked == {Party.MANAGER: (Verdict.VASTGESTELD,)}
    with pytest.raises(MinutesError, match="confirm.box_of_other"):
        manager.verdict(Party.EMPLOYEE)


def test_a_file_without_fingerprint_is_not_minutes():
    with pytest.raises(MinutesError, match="returned.not_minutes") as caught:
        parse_returned("# Iets\n\n- [x] Akkoord\n")
    assert "x.md" in caught.value.message(path="x.md")


# --- HTML ----------------------------------------------------------------------------------

def test_html_is_a_standalone_page_with_checkboxes_and_no_raw_html(demo):
    demo.reopen(PROGRESS)
    demo.save_note(PROGRESS, 0, Visibility.SHARED, "<script>alert(1)</script> & <b>vet</b>")
    demo.conclude(PROGRESS, "2026-12-10")
    minutes, page = export_text(demo, PROGRESS, "html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<title>Voortgangsgesprek met Joris Bakker, 10 juni 2026</title>" in page
    assert page.count('<span class="box">☐</span>') == 4 and "<input" not in page  # printed glyphs
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "@media print" in page
    ticked = render_html(tick(minutes.markdown, "Akkoord"), "<T>")
    assert ticked.count('<span class="box">☑</span>') == 1 and "<title>&lt;T&gt;</title>" in ticked


# --- export files --------------------------------------------------------------------------

def test_write_private_is_owner_only_and_replaces(tmp_path: Path):
    target = tmp_path / "verslag.md"
    target.write_text("oud")
    target.chmod(0o644)
    write_private(target, "nieuw\n")
    assert target.read_text() == "nieuw\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.md"]


@pytest.mark.parametrize("where", ["missing/x.md", "afile/x.md", "adir"])
def test_write_private_fails_cleanly(tmp_path: Path, where: str):
    (tmp_path / "afile").write_text("een bestand")
    (tmp_path / "adir").mkdir()
    target = tmp_path / where
    with pytest.raises(ExportError) as caught:
        write_private(target, "tekst")
    assert str(target) in str(caught.value) and "\n" not in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir", "afile"]
    assert list((tmp_path / "adir").iterdir()) == []


def test_a_full_disk_leaves_no_file(tmp_path: Path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("gespreks_tui.exports.os.fsync", full)
    with pytest.raises(ExportError, match="No space left on device"):
        write_private(tmp_path / "x.md", "tekst")
    assert list(tmp_path.iterdir()) == []


def test_default_export_name(demo):
    conversation = demo.get_conversation(PROGRESS)
    assert default_export_name(conversation, "md") == \
        "2026-06-10-joris-bakker-voortgangsgesprek.md"
    assert default_export_name(conversation, "html").endswith(".html")
    assert slug("Aylin Yılmaz") == "aylin-yilmaz"
    assert slug("Zoë Ørsted-Ünal & Łukasz") == "zoe-orsted-unal-lukasz"


# --- speed ---------------------------------------------------------------------------------

def test_a_two_hour_conversation_exports_quickly(store: Store):
    person = store.add_person("Joris Bakker")
    c = store.create_conversation(person.id, builtin_agenda(Kind.VOORTGANG), 120)
    line = "Een regel met tekst, leestekens (zoals deze) en een datum: 2026-01-01. "
    for position in range(3):
        store.save_note(c.id, position, Visibility.SHARED, "\n".join([line * 2] * 150))
    for i in range(30):
        store.add_agreement(c.id, f"Afspraak {i}: iets *concreets* doen", "employee", "2026-05-01")
    store.conclude(c.id, "2026-12-01")
    export_text(store, c.id, "md")  # warm up
    started = time.perf_counter()
    minutes, _ = export_text(store, c.id, "md")
    assert time.perf_counter() - started < 0.1
    assert minutes.revision == 1


def test_ticks_as_people_make_them(demo):
    issued = publish(demo, PROGRESS).markdown
    v_tick = issued.replace("- [ ] Akkoord\n", "* [v] Akkoord\n", 1)
    assert parse_returned(v_tick).verdict(Party.EMPLOYEE) == Verdict.AKKOORD
    cramped = issued.replace("- [ ] Correctie gevraagd\n\nNaam: Joris Bakker",
                             "- [x]  Correctie gevraagd\nNaam: Joris Bakker", 1)
    assert parse_returned(cramped).verdict(Party.EMPLOYEE) == Verdict.CORRECTIE


def test_the_minutes_core_does_not_import_textual():
    import json
    import subprocess
    import sys

    code = ("import json, sys, gespreks_tui.minutes, gespreks_tui.exports, "
            "gespreks_tui.cli.minutes_commands; print(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert not [m for m in json.loads(done.stdout) if m.split(".")[0] == "textual"]
