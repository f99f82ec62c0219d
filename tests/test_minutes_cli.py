"""export → edit as the employee would → confirm → verify, through real files.

The demo (see demo.py): conversation 1 (goals) and conversation 2 (progress,
2026-06-10, Joris Bakker with Sanne de Vries) are both concluded.
"""

from __future__ import annotations

import contextlib
import stat
import subprocess
from pathlib import Path

import pytest

from cli_helpers import invoke, one_line_failure
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.model import Kind, Party, Status, Verdict, Visibility
from gespreks_tui.store import Store

NAME = "2026-06-10-joris-bakker-voortgangsgesprek"


def export(db: Path, out: Path, conversation: int = 2, *extra: str) -> Path:
    result = invoke("export", conversation, "-o", out, "--db", db, *extra)
    assert result.exit_code == 0, result.output
    return out


def tick(path: Path, label: str = "Akkoord", comment: str = "", occurrence: int = 0) -> Path:
    """Edit as the employee would: tick one box, maybe write comments at the end."""
    lines = path.read_text(encoding="utf-8").split("\n")
    boxes = [i for i, line in enumerate(lines) if line == f"- [ ] {label}"]
    lines[boxes[occurrence]] = f"- [x] {label}"
    path.write_text("\n".join(lines) + (comment + "\n" if comment else ""), encoding="utf-8")
    return path


def stored(db: Path):
    store = Store.open(db, clock=FakeClock())
    return store


def confirmations(db: Path, conversation: int = 2):
    store = stored(db)
    try:
        return store.confirmations(conversation)
    finally:
        store.close()


# --- the whole round trip ---------------------------------------------------------------

def test_export_tick_confirm_verify_show(demo_db: Path, tmp_path: Path):
    out = export(demo_db, tmp_path / "verslag.md")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    tick(out, "Gezien, niet akkoord", "Ik zie het anders:\n\n- de planning was *te* krap\n")

    result = invoke("confirm", out, "--db", demo_db)
    assert result.exit_code == 0, result.output
    assert "Joris Bakker (medewerker), gezien, niet akkoord, revisie 1 van gesprek 2" in \
        result.stdout
    assert "Nog nodig: de bevestiging van de leidinggevende." in result.stdout
    [k] = confirmations(demo_db)
    assert (k.party, k.name, k.verdict, k.via, k.revision) == (
        Party.EMPLOYEE, "Joris Bakker", Verdict.GEZIEN, "file", 1)
    assert k.comment == "Ik zie het anders:\n\n- de planning was *te* krap"

    result = invoke("verify", out, "--db", demo_db)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{out} komt overeen met revisie 1 van gesprek 2, "
                                    "bevestigd door Joris Bakker (medewerker, gezien")

    manager = tick(export(demo_db, tmp_path / "manager.md"),
                   "Vastgesteld (opgesteld door de leidinggevende)")
    result = invoke("confirm", manager, "--party", "manager", "--db", demo_db)
    assert result.exit_code == 0, result.output
    assert "bevestigd en vergrendeld" in result.stdout

    shown = invoke("show", "2", "--db", demo_db)
    assert shown.exit_code == 0, shown.output
    assert "status: bevestigd" in shown.stdout
    assert "Revisie 1" in shown.stdout and "Medewerker: Joris Bakker — gezien" in shown.stdout
    assert "Leidinggevende: Sanne de Vries — vastgesteld" in shown.stdout
    assert "opmerking: Ik zie het anders:" in shown.stdout
    english = invoke("verify", out, "--db", demo_db, "--lang", "en")
    assert "matches revision 1 of conversation 2, confirmed by Joris Bakker (employee, seen" \
        in english.stdout and "Sanne de Vries (manager, settled" in english.stdout


def test_a_file_with_crlf_and_trailing_spaces_still_confirms(demo_db: Path, tmp_path: Path):
    out = tick(export(demo_db, tmp_path / "v.md"), comment="Akkoord zo.")
    text = out.read_text(encoding="utf-8")
    out.write_bytes(("\ufeff" + "\r\n".join(line + " " for line in text.split("\n")))
                    .encode("utf-8"))
    result = invoke("confirm", out, "--db", demo_db, "--name", "J. Bakker")
    assert result.exit_code == 0, result.output
    [k] = confirmations(demo_db)
    assert (k.name, k.verdict, k.comment) == ("J. Bakker", Verdict.AKKOORD, "Akkoord zo.")


# --- refusals: nothing is recorded ---------------------------------------------------------

def test_a_tampered_file_is_refused_and_caught(demo_db: Path, tmp_path: Path):
    out = tick(export(demo_db, tmp_path / "v.md"))
    text = out.read_text(encoding="utf-8")
    assert text.count("De cursus is afgerond") == 1
    out.write_text(text.replace("De cursus is afgerond", "De cursus is afgerend"), "utf-8")

    result = invoke("confirm", out, "--db", demo_db)
    assert "boven de vingerafdruk gewijzigd (2 regels verschillen" in one_line_failure(result, 1)
    assert "\n-De cursus is afgerond" in result.stdout
    assert "\n+De cursus is afgerend" in result.stdout
    assert confirmations(demo_db) == []

    result = invoke("verify", out, "--db", demo_db)
    assert "komt met geen enkele opgeslagen revisie overeen" in one_line_failure(result, 1)
    assert "--- gesprek 2, revisie 1 (database)" in result.stdout
    assert f"+++ {out}" in result.stdout and "+De cursus is afgerend" in result.stdout


def test_a_changed_fingerprint_line_is_refused(demo_db: Path, tmp_path: Path):
    out = tick(export(demo_db, tmp_path / "v.md"))
    text = out.read_text(encoding="utf-8")
    at = text.index("/sha256:") + len("/sha256:")
    out.write_text(text[:at] + ("1" if text[at] == "0" else "0") + text[at + 1:], "utf-8")
    result = invoke("confirm", out, "--db", demo_db)
    assert "vingerafdruk" in one_line_failure(result, 1).lower()
    assert confirmations(demo_db) == []


@pytest.mark.parametrize("edit, message", [
    (lambda p: tick(tick(p, "Akkoord"), "Gezien, niet akkoord"), "meerdere vakjes"),
    (lambda p: p, "geen vakje aangekruist"),
    (lambda p: tick(p, "Vastgesteld (opgesteld door de leidinggevende)"),
     "niet bij de medewerker"),
])
def test_boxes_must_be_exactly_one(demo_db: Path, tmp_path: Path, edit, message: str):
    out = edit(export(demo_db, tmp_path / "v.md"))
    result = invoke("confirm", out, "--db", demo_db)
    assert message in one_line_failure(result, 1)
    assert confirmations(demo_db) == []


def test_a_file_of_another_conversation(demo_db: Path, tmp_path: Path):
    goals = export(demo_db, tmp_path / "gesprek1.md", 1).read_text(encoding="utf-8")
    progress = tick(export(demo_db, tmp_path / "gesprek2.md", 2))
    code_1 = next(line for line in goals.split("\n") if "`gespreks/1/1/" in line)
    lines = progress.read_text(encoding="utf-8").split("\n")
    lines = [code_1 if "`gespreks/2/1/" in line else line for line in lines]
    progress.write_text("\n".join(lines), "utf-8")

    result = invoke("confirm", progress, "--db", demo_db)
    assert "gewijzigd" in one_line_failure(result, 1)
    assert "--- gesprek 1, revisie 1 (database)" in result.stdout
    assert confirmations(demo_db, 1) == [] and confirmations(demo_db, 2) == []
    # verify recognises the content as conversation 2's, and refuses it as confirm does
    assert "revisie 1 van gesprek 2" in one_line_failure(
        invoke("verify", progress, "--db", demo_db), 1)

    progress.write_text("\n".join(lines).replace("`gespreks/1/1/", "`gespreks/42/1/"), "utf-8")
    result = invoke("confirm", progress, "--db", demo_db)
    assert "Gesprek 42 heeft geen revisie 1" in one_line_failure(result, 1)


def test_files_that_are_not_minutes(demo_db: Path, tmp_path: Path):
    other = tmp_path / "notities.md"
    other.write_text("# Notities\n\n- [x] Akkoord\n", "utf-8")
    binary = tmp_path / "foto.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0 geen tekst \xff")
    for command in ("confirm", "verify"):
        assert "geen verslag" in one_line_failure(invoke(command, other, "--db", demo_db))
        assert "UTF-8" in one_line_failure(invoke(command, binary, "--db", demo_db))
        missing = invoke(command, tmp_path / "weg.md", "--db", demo_db)
        assert "Kan" in one_line_failure(missing, 2)


def test_confirming_twice_is_refused(demo_db: Path, tmp_path: Path):
    out = tick(export(demo_db, tmp_path / "v.md"))
    assert invoke("confirm", out, "--db", demo_db).exit_code == 0
    result = invoke("confirm", out, "--db", demo_db)
    assert "al bevestigd" in one_line_failure(result, 1)
    assert len(confirmations(demo_db)) == 1


# --- export --------------------------------------------------------------------------------

def test_export_html_has_the_task_list(demo_db: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("export", "2", "--format", "html", "--db", demo_db)
    assert result.exit_code == 0, result.output
    page = (tmp_path / f"{NAME}.html").read_text(encoding="utf-8")
    assert page.count('<span class="box">☐</span>') == 4 and '<ul class="contains-task-list">' in page
    assert "Gezien, niet akkoord</li>" in page and "<h2>Opmerkingen medewerker</h2>" in page
    assert stat.S_IMODE((tmp_path / f"{NAME}.html").stat().st_mode) == 0o600


def test_export_default_name_asks_before_overwriting(demo_db: Path, tmp_path: Path,
                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = invoke("export", "2", "--db", demo_db)
    assert first.exit_code == 0, first.output
    target = tmp_path / f"{NAME}.md"
    assert first.stdout.strip() == f"Verslag van gesprek 2, revisie 1, geschreven naar {target}"
    target.write_text("eigen aantekeningen", "utf-8")

    refused = invoke("export", "2", "--db", demo_db, input="n\n")
    assert refused.exit_code == 1 and "[j/N]" not in refused.stdout  # asked on stderr
    assert "Overschrijven? [j/N]" in refused.stderr.splitlines()[0]
    assert "niet overschreven" in refused.stderr.splitlines()[-1]
    assert target.read_text("utf-8") == "eigen aantekeningen"
    assert invoke("export", "2", "--db", demo_db, input="").exit_code == 1

    assert invoke("export", "2", "--db", demo_db, input="\n").exit_code == 1
    assert target.read_text("utf-8") == "eigen aantekeningen"
    agreed = invoke("export", "2", "--db", demo_db, input="j\n")
    assert "[j/N]" in agreed.stderr and "[j/N]" not in agreed.stdout
    assert agreed.exit_code == 0 and target.read_text("utf-8").startswith("# Voortgangsgesprek")
    target.write_text("eigen aantekeningen", "utf-8")
    assert invoke("export", "2", "--db", demo_db, "--lang", "en", input="yes\n").exit_code == 0
    target.write_text("weer eigen", "utf-8")
    assert invoke("export", "2", "--db", demo_db, "--force").exit_code == 0
    assert target.read_text("utf-8").startswith("# Voortgangsgesprek")
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.db")] == [
        f"{NAME}.md"]


@pytest.mark.parametrize("where", ["afile/x.md", "missing/x.md", "adir"])
def test_export_to_an_unwritable_place(demo_db: Path, tmp_path: Path, where: str):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "afile").write_text("een gewoon bestand")
    (folder / "adir").mkdir()
    result = invoke("export", "2", "-o", folder / where, "--db", demo_db, "--force")
    line = one_line_failure(result, 2)
    assert str(folder / where) in line and "geen bestand achtergelaten" in line
    assert sorted(p.name for p in folder.rglob("*")) == ["adir", "afile"]


def test_export_needs_a_concluded_conversation(demo_db: Path, tmp_path: Path):
    store = stored(demo_db)
    try:
        running = store.create_conversation(2, builtin_agenda(Kind.VOORTGANG), 45).id
    finally:
        store.close()
    result = invoke("export", running, "-o", tmp_path / "x.md", "--db", demo_db)
    assert "nog niet afgerond (status: bezig)" in one_line_failure(result, 1)
    assert not (tmp_path / "x.md").exists()
    assert "999" in one_line_failure(invoke("export", "999", "--db", demo_db), 1)


# --- a correction after confirmation -------------------------------------------------------

def test_reopen_change_and_export_gives_revision_2(demo_db: Path, tmp_path: Path):
    first = tick(export(demo_db, tmp_path / "r1.md"))
    assert invoke("confirm", first, "--db", demo_db).exit_code == 0
    store = stored(demo_db)
    try:
        store.confirm(2, 1, Party.MANAGER, "Sanne de Vries", Verdict.AKKOORD)
        assert store.get_conversation(2).status == Status.CONFIRMED
        store.reopen(2, correction=True)
        store.save_note(2, 1, Visibility.SHARED, "Joris wil technisch projectleider worden.")
        store.conclude(2, "2026-12-10")
    finally:
        store.close()

    result = invoke("export", "2", "-o", tmp_path / "r2.md", "--db", demo_db)
    assert "revisie 2" in result.stdout
    assert "`gespreks/2/2/" in (tmp_path / "r2.md").read_text("utf-8")
    old = one_line_failure(invoke("verify", first, "--db", demo_db), 1)
    assert "revisie 1 van gesprek 2, ongewijzigd, maar die is vervangen" in old
    assert "de huidige revisie is 2" in old and "bevestigd door Joris" in old
    assert "vervangen door revisie 2" in one_line_failure(
        invoke("confirm", first, "--party", "manager", "--db", demo_db), 1)
    kept = confirmations(demo_db)
    assert [(k.revision, k.party) for k in kept] == [(1, Party.EMPLOYEE), (1, Party.MANAGER)]
    shown = invoke("show", "2", "--db", demo_db, "--json")
    revisions = __import__("json").loads(shown.stdout)["minutes"]
    assert [(r["revision"], len(r["confirmations"])) for r in revisions] == [(1, 2), (2, 0)]


# --- help and the installed script ---------------------------------------------------------

@pytest.mark.parametrize("command", ["export", "confirm", "verify"])
def test_minutes_commands_have_help(command: str):
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "--db" in result.output and "--lang" in result.output


def test_the_installed_script(gespreks_script, clean_env, demo_db: Path, tmp_path: Path):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(gespreks_script), *args, "--db", str(demo_db)],
                              capture_output=True, text=True, env=clean_env, cwd=tmp_path,
                              timeout=60)

    assert run("export", "2").returncode == 0
    out = tick(tmp_path / f"{NAME}.md", comment="Prima.")
    assert run("confirm", str(out)).returncode == 0
    assert run("verify", str(out)).returncode == 0
    out.write_text(out.read_text("utf-8").replace("Joris wil", "Joris zal"), "utf-8")
    tampered = run("verify", str(out))
    assert tampered.returncode == 1 and "Traceback" not in tampered.stderr
    assert len(tampered.stderr.strip().splitlines()) == 1
    assert "+Joris zal doorgroeien" in tampered.stdout


def test_verify_of_a_changed_number_says_so_in_verifys_words(demo_db, tmp_path):
    """verify records nothing, so it never says "er is niets vastgelegd" as confirm does."""
    out = export(demo_db, tmp_path / "v.md")
    text = out.read_text(encoding="utf-8").replace("gespreks/2/1/", "gespreks/2/2/")
    out.write_text(text, encoding="utf-8")
    verified = invoke("verify", out, "--db", demo_db)
    confirmed = invoke("confirm", out, "--db", demo_db)
    assert verified.exit_code == confirmed.exit_code != 0  # the same verdict
    assert "gewijzigd" in one_line_failure(verified) and "gewijzigd" in one_line_failure(confirmed)
    assert "niets vastgelegd" not in one_line_failure(verified)
    assert "niets vastgelegd" in one_line_failure(confirmed)


# --- "-" for stdout and stdin, prompts on stderr (issue 17) ---------------------------------

def test_export_to_stdout_is_the_file_byte_for_byte(demo_db: Path, tmp_path: Path):
    to_file = export(demo_db, tmp_path / "v.md")
    piped = invoke("export", "2", "-o", "-", "--db", demo_db)
    assert piped.exit_code == 0, piped.output
    assert piped.stdout_bytes == to_file.read_bytes()
    assert "standaarduitvoer" in piped.stderr and not (tmp_path / "-").exists()


def test_export_pipe_to_verify_and_confirm_from_stdin(demo_db: Path, tmp_path: Path,
                                                      gespreks_script, clean_env):
    """The issue's "done when": a shell pipe between two real processes."""
    env = {**clean_env, "GESPREKS_DB": str(demo_db)}
    script = str(gespreks_script)
    done = subprocess.run(["sh", "-c", f"'{script}' export 2 -o - | '{script}' verify -"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "standaardinvoer komt overeen met revisie 1 van gesprek 2" in done.stdout
    assert not (tmp_path / "-").exists()

    ticked = tick(export(demo_db, tmp_path / "v.md")).read_bytes()
    confirmed = subprocess.run([script, "confirm", "-"], input=ticked, capture_output=True,
                               env=env, cwd=tmp_path, timeout=60)
    assert confirmed.returncode == 0, confirmed.stderr
    assert [k.party for k in confirmations(demo_db)] == [Party.EMPLOYEE]
    changed = ticked.replace(b"De cursus is afgerond", b"Een regel erbij.\nDe cursus is afgerond")
    refused = subprocess.run([script, "verify", "-"], input=changed, capture_output=True,
                             env=env, cwd=tmp_path, timeout=60)
    assert refused.returncode == 1
    assert "standaardinvoer komt met geen enkele opgeslagen revisie overeen; 1 regel " \
           "verschilt" in refused.stderr.decode()


def test_a_pdf_on_stdout_is_refused_when_stdout_is_a_terminal(demo_db: Path, tmp_path: Path,
                                                               gespreks_script, clean_env):
    """PDF bytes are not text: on a terminal they could act as escape sequences.
    Read back from a real pseudo-terminal; nothing is published either."""
    import os
    import pty

    from gespreks_tui.store import Store

    before = len(Store.open(demo_db).revisions(2))
    main, child = pty.openpty()
    try:
        done = subprocess.run([str(gespreks_script), "export", "2", "-o", "-", "--format", "pdf",
                               "--db", str(demo_db)], stdout=child, stderr=subprocess.PIPE,
                              text=True, env=clean_env, cwd=tmp_path, timeout=60)
        os.close(child)
        shown = b""
        with contextlib.suppress(OSError):
            while chunk := os.read(main, 65536):
                shown += chunk
    finally:
        os.close(main)
    assert done.returncode == 1
    assert "PDF" in done.stderr and "-o verslag.pdf" in done.stderr
    assert b"%PDF" not in shown
    assert len(Store.open(demo_db).revisions(2)) == before
