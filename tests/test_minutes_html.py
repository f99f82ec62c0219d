"""The HTML minutes on paper: A4, printed boxes, the paper instruction, signature lines,
dates that do not break, long strings that wrap, and pages that still verify.

Where a headless Chromium is installed, the page is printed to PDF with it and read
back with pypdf; elsewhere that test is skipped.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gespreks_tui.clock import FakeClock
from gespreks_tui.demo import load_demo
from gespreks_tui.errors import MinutesError
from gespreks_tui.minutes import export_text, publish, render_html
from gespreks_tui.minutes.html import _embedded, _visible_before_paper, read_html
from gespreks_tui.model import Party, Verdict, Visibility
from gespreks_tui.store import Store

PROGRESS = 2


@pytest.fixture
def demo(tmp_path: Path, clock: FakeClock):
    store = Store.open(tmp_path / "demo.db", clock=clock)
    load_demo(store)
    yield store
    store.close()


def visible(page: str) -> str:
    """The page's body without the hidden copy of the Markdown."""
    main = page.split("<main>\n", 1)[1]
    return re.sub(r'<pre id="gespreks-minutes" hidden>[^<]*</pre>\n', "", main)


def test_the_page_prints_on_a4_with_wrapping_text(demo):
    _, page = export_text(demo, PROGRESS, "html")
    assert "@page { size: A4;" in page
    assert re.search(r"body \{[^}]*overflow-wrap: anywhere", page)
    assert re.search(r"th, td \{[^}]*overflow-wrap: anywhere", page)
    assert "@bottom-right" in page and "counter(pages)" in page
    assert re.search(r"@bottom-left \{ content: \"Vingerafdruk gespreks/2/1/sha256:[0-9a-f]{64}\"",
                     page)


def test_boxes_are_printed_glyphs_ticked_as_recorded(demo):
    publish(demo, PROGRESS)
    demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.AKKOORD)
    _, page = export_text(demo, PROGRESS, "html")
    body = visible(page)
    assert "<input" not in body and "disabled" not in body
    assert body.count('<span class="box">☑</span> Akkoord') == 1
    assert body.count('<span class="box">☐</span>') == 3
    assert ".box { font:" in page and "color: #000" in page  # black, not greyed out


@pytest.mark.parametrize("lang, brackets, paper", [
    ("nl", "tussen de haken", "handtekening en de datum"),
    ("en", "between the brackets", "sign and date"),
])
def test_the_paper_instruction_replaces_the_brackets(demo, lang, brackets, paper):
    from gespreks_tui.minutes import render_minutes

    markdown = render_minutes(demo, PROGRESS, lang=lang).markdown
    assert brackets in markdown  # the Markdown file keeps its own instruction
    page = render_html(markdown, "T", lang)
    assert brackets not in visible(page) and paper in visible(page)


def test_each_party_gets_a_signature_and_a_date_line(demo):
    _, page = export_text(demo, PROGRESS, "html")
    body = visible(page)
    assert body.count('<div class="signature">') == 2
    employee, manager = body.index("Naam: Joris Bakker"), body.index("Naam: Sanne de Vries")
    first, second = (m.start() for m in re.finditer('<div class="signature">', body))
    assert employee < first < body.index("<h3>Leidinggevende</h3>") < manager < second
    assert second < body.index("<h2>Opmerkingen medewerker</h2>")
    assert "Handtekening" in body and "Datum<span" in body


def test_dates_do_not_break(demo):
    demo.reopen(PROGRESS)
    demo.save_note(PROGRESS, 0, Visibility.SHARED, "Klaar op 2026-09-30, of 1 okt 2026.")
    demo.conclude(PROGRESS, "2026-12-10")
    _, page = export_text(demo, PROGRESS, "html")
    body = visible(page)
    assert ".date { white-space: nowrap; }" in page
    for date in ("2026-09-30", "1 okt 2026", "30 september 2026", "10 juni 2026",
                 "10 december 2026"):
        assert f'<span class="date">{date}</span>' in body, date
    assert re.search(r"[0-9] (januari|juni|juli|september|december) [0-9]{4}",
                     re.sub(r'<span class="date">[^<]*</span>', "", body)) is None


def test_a_page_still_verifies_and_an_edit_to_the_paper_parts_is_seen(demo):
    minutes, page = export_text(demo, PROGRESS, "html")
    assert read_html(page) == minutes.markdown
    with pytest.raises(MinutesError, match="html_changed"):
        read_html(page.replace("Handtekening", "Paraaf", 1))
    with pytest.raises(MinutesError, match="html_changed"):
        read_html(page.replace('<span class="box">☐</span>', '<span class="box">☑</span>', 1))


def test_a_page_exported_before_the_paper_layout_still_verifies(demo):
    minutes, page = export_text(demo, PROGRESS, "html")
    markdown = minutes.markdown
    old_body = _embedded(markdown) + _visible_before_paper(markdown)
    old = re.sub(r"<main>\n.*</main>", lambda _: f"<main>\n{old_body}</main>", page,
                 flags=re.DOTALL)
    assert '<input class="task-list-item-checkbox"' in old
    assert read_html(old) == markdown
    with pytest.raises(MinutesError, match="html_changed"):
        read_html(old.replace("Akkoord</li>", "Akoord</li>", 1))


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.slow
@pytest.mark.skipif(_browser() is None, reason="no headless Chromium or Chrome installed")
def test_a_browser_prints_the_page_on_a4_with_whole_dates(demo, tmp_path: Path):
    from pypdf import PdfReader

    demo.reopen(PROGRESS)
    demo.save_note(PROGRESS, 0, Visibility.SHARED, "x" * 600 + " klaar op 2026-09-30")
    demo.conclude(PROGRESS, "2026-12-10")
    _, page = export_text(demo, PROGRESS, "html")
    source, printed = tmp_path / "v.html", tmp_path / "v.pdf"
    source.write_text(page, encoding="utf-8")
    subprocess.run([str(_browser()), "--headless", "--disable-gpu", "--no-sandbox",
                    f"--print-to-pdf={printed}", "--no-pdf-header-footer", source.as_uri()],
                   check=True, capture_output=True, timeout=120)
    reader = PdfReader(io.BytesIO(printed.read_bytes()))
    assert {(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages} == \
        {(595, 842)}
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "2026-09-30" in text and "30 september 2026" in text  # each on one line
    assert "x" * 600 in re.sub(r"\s+", "", text)  # wrapped, not cut off


def test_an_empty_comments_section_gets_lines_to_write_on(demo):
    _, page = export_text(demo, PROGRESS, "html")
    assert ('<h2>Opmerkingen medewerker</h2>\n<div class="write-here">' + "<p></p>" * 6
            + "</div>\n</main>") in page
    demo.confirm(PROGRESS, 1, Party.EMPLOYEE, "Joris Bakker", Verdict.GEZIEN,
                 comment="Mijn reactie.")
    _, page = export_text(demo, PROGRESS, "html")
    assert "write-here" not in visible(page) and "<p>Mijn reactie.</p>" in visible(page)
