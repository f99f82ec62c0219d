"""The PDF of the minutes, read back with pypdf: A4, page numbers, the fingerprint on
every page, drawn boxes, signature lines, the confirmations as recorded, and text
that wraps instead of running off the page."""

from __future__ import annotations

import io
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli_helpers import invoke
from gespreks_tui.clock import FakeClock
from gespreks_tui.demo import load_demo
from gespreks_tui.fingerprint import fingerprint_code
from gespreks_tui.minutes import publish, render_minutes
from gespreks_tui.minutes.pdf import pdf_document, render_pdf
from gespreks_tui.minutes.pdf_fonts import FontFiles, find_fonts
from gespreks_tui.minutes.publish import publish_record
from gespreks_tui.model import Party, Verdict, Visibility
from gespreks_tui.store import Store

PROGRESS = 2  # the demo's concluded progress conversation with Joris Bakker
NAME = "2026-06-10-joris-bakker-voortgangsgesprek"
A4 = (595, 842)  # points
BOX = re.compile(r"10\.77 -10\.77 re S")  # a drawn box: 3.8 mm square
TICK = re.compile(r"^2\.13 w$", re.MULTILINE)  # the check mark's heavy line (0.75 mm)
FONTS = ["auto", "builtin"]


@pytest.fixture
def demo(tmp_path: Path, clock: FakeClock):
    store = Store.open(tmp_path / "demo.db", clock=clock)
    load_demo(store)
    yield store
    store.close()


def pages_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def drawn(data: bytes, page: int = -1) -> str:
    return PdfReader(io.BytesIO(data)).pages[page].get_contents().get_data().decode("latin-1")


def exported(store: Store, conversation_id: int = PROGRESS) -> tuple[bytes, str]:
    record, minutes = publish_record(store, conversation_id)
    code = fingerprint_code(conversation_id, minutes.revision, minutes.sha256)
    return pdf_document(record, minutes), code


def lengthen(store: Store, note: str) -> None:
    store.reopen(PROGRESS)
    store.save_note(PROGRESS, 0, Visibility.SHARED, note)
    store.conclude(PROGRESS, "2026-12-10")


# --- the command line ------------------------------------------------------------------

def test_export_pdf_writes_an_owner_only_a4_file_that_asks_before_overwriting(
        demo_db: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("export", "2", "--format", "pdf", "--db", demo_db)
    assert result.exit_code == 0, result.output
    target = tmp_path / f"{NAME}.pdf"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert [(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages] == \
        [A4] * len(reader.pages)
    assert "Voortgangsgesprek met Joris Bakker" in reader.metadata.title

    again = invoke("export", "2", "--format", "pdf", "--db", demo_db, input="n\n")
    assert again.exit_code != 0 and "Overschrijven?" in again.output
    assert target.read_bytes() == data and sorted(p.name for p in tmp_path.iterdir()) == \
        sorted(["demo.db", f"{NAME}.pdf", *(p.name for p in tmp_path.glob("demo.db-*"))])
    assert invoke("export", "2", "--format", "pdf", "--force", "--db", demo_db).exit_code == 0


def test_export_pdf_to_stdout_writes_the_pdf_bytes(demo_db: Path):
    result = invoke("export", "2", "--format", "pdf", "-o", "-", "--db", demo_db)
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert "pagina 1 van" in pages_of(data)[0]


def test_the_help_offers_pdf():
    result = invoke("export", "--help")
    assert "[md|html|pdf]" in result.output


# --- every page ------------------------------------------------------------------------

@pytest.mark.parametrize("fonts", FONTS)
def test_every_page_has_the_fingerprint_and_page_n_of_m(demo, fonts):
    record, minutes = publish_record(demo, PROGRESS)
    code = fingerprint_code(PROGRESS, minutes.revision, minutes.sha256)
    short = pages_of(render_pdf(minutes.markdown, "T", "nl", fonts=fonts))
    lengthen(demo, "\n\n".join(f"Alinea {n}: " + "het portaal en de planning " * 30
                                for n in range(40)))
    record, minutes = publish_record(demo, PROGRESS)
    long_code = fingerprint_code(PROGRESS, minutes.revision, minutes.sha256)
    pages = pages_of(render_pdf(minutes.markdown, "T", "nl", fonts=fonts))
    assert len(short) >= 1 and len(pages) > len(short) + 3  # grows with the notes
    assert f"pagina 1 van {len(short)}" in short[0] and code in short[0]
    for n, text in enumerate(pages, 1):
        assert long_code in text, n
        assert f"pagina {n} van {len(pages)}" in text, n
    assert code != long_code


def test_english_minutes_say_page_n_of_m_and_sign_in_english(demo):
    minutes = render_minutes(demo, PROGRESS, lang="en")
    pages = pages_of(render_pdf(minutes.markdown, "Progress", "en"))
    text = "\n".join(pages)
    assert f"page 1 of {len(pages)}" in text and "Signature" in text and "Date" in text
    assert "pagina" not in text and "brackets" not in text


# --- boxes, signatures and confirmations ---------------------------------------------------

def test_boxes_are_drawn_empty_and_the_paper_instruction_replaces_the_brackets(demo):
    data, _ = exported(demo)
    content = "\n".join(pages_of(data))
    stream = "".join(drawn(data, n) for n in range(len(pages_of(data))))
    assert len(BOX.findall(stream)) == 4 and not TICK.findall(stream)
    assert "tussen de haken" not in content and "handtekening en de datum" in content
    assert content.count("Handtekening") == 2 and re.search(r"Handtekening\s+Datum", content)
    employee = content.index("Naam: Joris Bakker")
    manager = content.index("Naam: Sanne de Vries")
    signatures = [m.start() for m in re.finditer("Handtekening", content)]
    assert employee < signatures[0] < manager < signatures[1]


def test_the_confirmations_are_printed_as_recorded(demo):
    publish(demo, PROGRESS)
    demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.GEZIEN,
                 comment="Ik zie de werkdruk anders.")
    demo.confirm(PROGRESS, 1, Party.MANAGER, "Sanne de Vries", Verdict.VASTGESTELD)
    data, code = exported(demo)
    pages = pages_of(data)
    content = "\n".join(pages)
    stream = "".join(drawn(data, n) for n in range(len(pages)))
    assert len(BOX.findall(stream)) == 4 and len(TICK.findall(stream)) == 2
    assert "bevestigd op het scherm van de leidinggevende" in content
    assert "Bevestigd op" in content  # the manager's
    comments = content.index("Opmerkingen medewerker")
    assert content.index("Ik zie de werkdruk anders.") > comments
    assert all(code in page for page in pages)


def test_a_correction_request_is_printed_with_its_box(demo):
    publish(demo, PROGRESS)
    demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.CORRECTIE,
                 comment="De datum klopt niet.")
    data, _ = exported(demo)
    content = "\n".join(pages_of(data))
    assert "de leidinggevende heeft nog niet geantwoord" in content
    assert "De datum klopt niet." in content
    assert len(TICK.findall("".join(drawn(data, n) for n in range(len(pages_of(data)))))) == 1


# --- text ------------------------------------------------------------------------------

@pytest.mark.parametrize("fonts", FONTS)
def test_a_long_unbroken_string_wraps_inside_the_page(demo, fonts):
    word = "".join(f"{n:03d}" for n in range(300))  # 900 digits, no space
    lengthen(demo, f"Serienummer {word} einde")
    record, minutes = publish_record(demo, PROGRESS)
    text = "\n".join(pages_of(render_pdf(minutes.markdown, "T", "nl", fonts=fonts)))
    lines = [line for line in text.splitlines() if re.fullmatch(r"[0-9 a-zA-Z]*", line)
             and re.search(r"\d{40}", line)]
    assert len(lines) >= 6  # about 90 digits a line at 10.5 pt on 170 mm
    assert all(len(line) < 140 for line in lines)
    assert word in re.sub(r"\s+", "", text)


def test_a_date_is_not_split_over_two_lines(demo):
    lengthen(demo, "woord " * 14 + "tot 30 september 2026 en 2026-09-30 afgesproken " * 8)
    record, minutes = publish_record(demo, PROGRESS)
    text = "\n".join(pages_of(render_pdf(minutes.markdown, "T", "nl")))
    assert not re.search(r"\b\d{1,2}\n(september|juni|juli) \d{4}|\b\d{1,2} "
                         r"(september|juni|juli)\n\d{4}", text)
    assert text.count("30\u00a0september\u00a02026") + text.count("30 september 2026") >= 8


def test_names_outside_latin_1_print_or_are_marked_never_dropped():
    markdown = "# Gesprek met Aylin Yılmaz\n\nNotitie van Łukasz: 中 en \u202eomgekeerd\n"
    builtin = "\n".join(pages_of(render_pdf(markdown, "Aylin Yılmaz", "nl", fonts="builtin")))
    assert "Y<U+0131>lmaz" in builtin and "<U+0141>ukasz" in builtin
    assert "<U+4E2D>" in builtin and "<U+202E>omgekeerd" in builtin and "\u202e" not in builtin
    if find_fonts() is None:
        pytest.skip("no Unicode TrueType font on this machine: the built-in fonts are used")
    system = "\n".join(pages_of(render_pdf(markdown, "Aylin Yılmaz", "nl")))
    assert "Yılmaz" in system and "Łukasz" in system and "\u202e" not in system
    assert "U+202E" in system  # shown for what it is (safe_text), never acted on


def test_rendering_prints_nothing(demo, capfd):
    """fpdf2 2.7.2 printed its glyph list to stdout: into `export -o -`'s PDF."""
    exported(demo)
    assert capfd.readouterr() == ("", "")


def test_the_same_revision_gives_the_same_bytes(demo):
    assert exported(demo)[0] == exported(demo)[0]


def test_fpdf2_is_loaded_only_for_a_pdf():
    code = ("import sys, gespreks_tui.cli, gespreks_tui.minutes, gespreks_tui.minutes.html;"
            "print('fpdf' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("fonts", FONTS)
def test_an_appraisal_prints_its_scores_as_a_table(store, fonts):
    from gespreks_tui.agendas import builtin_agenda

    joris = store.add_person("Joris Bakker")
    c = store.create_conversation(joris.id, builtin_agenda("beoordeling"), 60)
    criteria = c.phases[1].criteria
    store.save_score(c.id, 0, criteria[0], 3, "Sterk | in *analyse*")
    store.save_score(c.id, 2, criteria[2], 1, "lang " * 60 + "Z" * 150)
    store.save_overall(c.id, 2, "Een redelijk jaar")
    store.conclude(c.id, "2027-11-01")
    minutes = render_minutes(store, c.id)
    data = render_pdf(minutes.markdown, "Beoordeling", "nl", fonts=fonts)
    text = "\n".join(pages_of(data))
    assert re.search(r"Criterium\s+Oordeel\s+Toelichting", text)
    assert "Sterk | in *analyse*" in text and criteria[0] in text.replace("\n", " ")
    assert "Z" * 150 in re.sub(r"\s+", "", text)  # wrapped inside its cell
    assert all(len(line) < 140 for line in text.splitlines())
    assert "Totaaloordeel: matig" in text  # 2 on the built-in five-point scale


def test_a_font_file_that_is_no_font_falls_back_to_helvetica(tmp_path: Path):
    broken = tmp_path / "kapot.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00" + b"geen lettertype" * 10)
    files = FontFiles(broken)
    text = "\n".join(pages_of(render_pdf("# Gesprek met Aylin Yılmaz\n", "T", fonts=files)))
    assert "Y<U+0131>lmaz" in text and "pagina 1 van 1" in text


def test_an_empty_comments_section_gets_six_ruled_lines(demo):
    def lines(data: bytes) -> int:
        pages = PdfReader(io.BytesIO(data)).pages
        return sum(page.get_contents().get_data().decode("latin-1").count(" l S")
                   for page in pages)

    publish(demo, PROGRESS)
    empty, _ = exported(demo)
    demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.AKKOORD,
                 comment="Mijn reactie.")
    answered, _ = exported(demo)
    assert "Mijn reactie." in "\n".join(pages_of(answered))
    assert lines(empty) - lines(answered) == 6
