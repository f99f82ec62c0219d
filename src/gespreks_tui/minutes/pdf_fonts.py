"""Which font the PDF of the minutes is set in, and what it does with a missing letter.

fpdf2's built-in fonts (Helvetica, Courier) know only Windows-1252: Dutch and
most Western European names are fine, "Yılmaz", "Łukasz" or "Nguyễn" are not.
No Python package we depend on ships a Unicode TrueType font, and shipping one
ourselves would add ~700 kB to the wheel, so the PDF uses one the system has:

1. ``$GESPREKS_PDF_FONT``, a .ttf file of your choice (for names in a script
   the others lack, such as Chinese), regular style;
2. DejaVu Sans (most Linux systems; ~5,900 characters), Noto Sans or
   Liberation Sans;
3. Arial on macOS and Windows;
4. else the built-in Helvetica.

Whatever the font, a character it has no glyph for is printed as a visible
marker, "⟨U+4E2D⟩" (or "<U+4E2D>" when the font lacks the angle brackets
too), never as an empty box or silently dropped: a name on paper is either
right or visibly incomplete. Text first passes ``safe_text.safe`` (controls as
pictures, bidi and invisible characters as markers) like every other output,
and is composed (NFC) so "e" + combining accent prints as one "é".
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gespreks_tui.safe_text import safe

STYLES = ("", "B", "I", "BI")


@dataclass(frozen=True)
class FontFiles:
    """A family's TrueType files; a style without a file is set in ``regular``."""

    regular: Path
    bold: Path | None = None
    italic: Path | None = None
    bold_italic: Path | None = None
    mono: Path | None = None

    def style(self, style: str) -> Path:
        chosen = {"B": self.bold, "I": self.italic, "BI": self.bold_italic}.get(style)
        return chosen or self.regular


def _family(folder: Path | str, *names: str) -> FontFiles:
    paths = [Path(folder) / name if name else None for name in names]
    regular, *rest = paths
    assert regular is not None
    return FontFiles(regular, *rest)


def _candidates() -> Iterable[FontFiles]:
    chosen = os.environ.get("GESPREKS_PDF_FONT")
    if chosen:
        yield FontFiles(Path(chosen).expanduser())
    dejavu = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
              "DejaVuSans-BoldOblique.ttf", "DejaVuSansMono.ttf")
    for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
                   "/usr/share/fonts/dejavu-sans-fonts", "/usr/share/fonts/TTF",
                   "/usr/local/share/fonts", "/usr/local/share/fonts/dejavu",
                   "/opt/homebrew/share/fonts"):
        yield _family(folder, *dejavu)
    yield _family("/usr/share/fonts/truetype/noto", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                  "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf", "NotoSansMono-Regular.ttf")
    yield _family("/usr/share/fonts/truetype/liberation", "LiberationSans-Regular.ttf",
                  "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
                  "LiberationSans-BoldItalic.ttf", "LiberationMono-Regular.ttf")
    yield _family("/System/Library/Fonts/Supplemental", "Arial.ttf", "Arial Bold.ttf",
                  "Arial Italic.ttf", "Arial Bold Italic.ttf", "Courier New.ttf")
    yield _family("/Library/Fonts", "Arial.ttf", "Arial Bold.ttf", "Arial Italic.ttf",
                  "Arial Bold Italic.ttf", "Courier New.ttf")
    windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    yield _family(windows, "arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf", "consola.ttf")


def _present(path: Path | None) -> Path | None:
    return path if path is not None and path.is_file() else None


def find_fonts() -> FontFiles | None:
    """The first family whose regular file exists (others only where present); None: none."""
    for family in _candidates():
        if _present(family.regular) and glyphs(family.regular):
            return FontFiles(family.regular, _present(family.bold), _present(family.italic),
                             _present(family.bold_italic), _present(family.mono))
    return None


@lru_cache(maxsize=8)
def glyphs(path: Path) -> frozenset[int]:
    """The code points ``path`` has a glyph for (empty when it cannot be read)."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    try:
        with TTFont(str(path), lazy=True) as font:
            return frozenset(font.getBestCmap() or ())
    except Exception:  # a broken or foreign file is no font to us: fall back
        return frozenset()


def builtin_has(char: str) -> bool:
    """Whether the built-in fonts (Windows-1252) print ``char``."""
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def shown(text: str, has: Callable[[str], bool]) -> str:
    """``text`` as the PDF prints it: safe, composed, and every character the font
    lacks (``has``) as a visible marker."""
    out = []
    for char in safe(unicodedata.normalize("NFC", text.replace("\t", "    "))):
        if has(char):
            out.append(char)
        elif char in "\u27e8\u27e9":  # the brackets of safe's own markers
            out.append("<" if char == "\u27e8" else ">")
        else:
            mark = f"U+{ord(char):04X}"
            out.append(f"\u27e8{mark}\u27e9" if has("\u27e8") and has("\u27e9") else f"<{mark}>")
    return "".join(out)
