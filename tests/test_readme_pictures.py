"""`make pictures`: the README's pictures come from the app itself.

The script runs the app on the demo data and writes SVG screenshots of the start
screen, a meeting and the minutes (and the PDF minutes); here without the PNG
conversion, into tmp_path, so the test needs no rsvg-convert or poppler.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "readme_pictures.py"
pytestmark = pytest.mark.skipif(not SCRIPT.exists() or not (ROOT / "docs").is_dir(),
                                reason="a source tree without scripts/ and docs/ (an sdist)")


@pytest.mark.slow
def test_the_script_writes_the_three_screenshots_and_the_pdf(tmp_path: Path):
    out = tmp_path / "docs"
    result = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out), "--no-png"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in out.iterdir()) == [
        "meeting-screen.svg", "minutes-screen.svg", "minutes.pdf", "start-screen.svg"]
    pictures = {p.stem: p.read_text(encoding="utf-8") for p in out.glob("*.svg")}
    for name, svg in pictures.items():
        assert svg.lstrip().startswith("<svg") and svg.rstrip().endswith("</svg>"), name
        assert "Joris&#160;Bakker" in svg, name  # the demo's employee, in every picture
    assert "Medewerkers" in pictures["start-screen"]
    assert "Terugblik" in pictures["meeting-screen"]
    assert "Cursus&#160;Excel&#160;afronden" in pictures["meeting-screen"]
    assert "Verslag" in pictures["minutes-screen"]
    assert (out / "minutes.pdf").read_bytes().startswith(b"%PDF-")


def test_the_readme_shows_the_pictures_the_script_makes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("start-screen", "meeting-screen", "minutes-screen", "minutes-pdf-1"):
        assert f"docs/{name}.png" in readme, name
        assert (ROOT / "docs" / f"{name}.png").is_file(), name
