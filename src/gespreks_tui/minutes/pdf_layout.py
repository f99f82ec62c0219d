"""Setting the minutes' markdown-it tokens on A4 pages with fpdf2 (``pdf.render_pdf``).

The minutes use few constructs: headings (three levels), paragraphs with hard
breaks, bullet, numbered and task lists, one table (an appraisal's scores),
and in the employee's reaction emphasis, nested lists and block quotes. Each
gets a fixed place and size here; everything else (a link, an image: user
text cannot make them) is set as its text. Lists and quotes are indented by
moving fpdf2's left margin, so wrapped lines stay under their first one.
"""

from __future__ import annotations

import re
from datetime import datetime

from fpdf import FPDF
from markdown_it.token import Token

from gespreks_tui.catalogue import t
from gespreks_tui.minutes.paper import (
    DATE,
    SIGNATURE,
    WRITE_HERE,
    is_confirmation,
    signature_labels,
)
from gespreks_tui.minutes.pdf_fonts import STYLES, FontFiles, builtin_has, glyphs, shown

LEFT, TOP, RIGHT, BOTTOM = 20.0, 18.0, 20.0, 24.0  # margins, mm
BODY, LINE = 10.5, 5.2  # body text: points, line height in mm
HEADINGS = {"h1": (16.0, 8.0, 0.0, 3.0), "h2": (13.0, 6.5, 5.0, 2.0), "h3": (11.0, 5.6, 3.5, 0.8)}
"""Heading level: size (pt), line height, space before and after (mm)."""
INDENT, BOX = 6.0, 3.8  # one list level, the side of a box (mm)
PAGES = "{nb}"  # fpdf2's alias for the page count, replaced when the file is written
CONFIRMATION = 105.0  # mm: the confirmation section (instruction, boxes, signatures) on
# one page when it fits there, so no one signs below half an instruction
_CHECKBOX = re.compile(r'<input class="task-list-item-checkbox" (checked="checked" )?')


class MinutesLayout(FPDF):
    """One PDF of the minutes; ``foot`` is printed at the foot of every page, above
    "pagina N van M"; ``italic``: the minutes have emphasis (load those styles too)."""

    def __init__(self, files: FontFiles | None, lang: str, title: str, foot: str,
                 italic: bool = True) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self._lang, self._heading, self._foot = lang, title, foot
        self._body, self._mono, self._has = "helvetica", "courier", builtin_has
        self.core_fonts_encoding = "windows-1252"  # as the PDF declares (WinAnsi)
        if files is not None and self._load(files, STYLES if italic else ("", "B")):
            covered = glyphs(files.regular)
            self._body, self._mono = "body", "mono"
            self._has = lambda char: ord(char) in covered
        self.set_margins(LEFT, TOP, RIGHT)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.alias_nb_pages(PAGES)
        self._lists: list[list[int]] = []  # per open list: [number of the next item] or []
        self._marker: str | None = None  # the pending list item's number or bullet
        self.add_page()

    def _load(self, files: FontFiles, styles: tuple[str, ...]) -> bool:
        """Register the family's ``styles``; False (Helvetica then) for a file fpdf2
        cannot use."""
        try:
            for style in styles:
                self.add_font("body", style, str(files.style(style)))
            self.add_font("mono", "", str(files.mono or files.regular))
        except Exception:  # fpdf2 and fontTools raise many kinds for a foreign file
            return False
        return True

    def metadata(self, title: str, lang: str, created: datetime | None) -> None:
        self.set_title(self._text(title))
        self.set_lang(lang)
        self.set_creator("gespreks-tui")
        if created is not None:
            self.set_creation_date(created)

    def _text(self, text: str) -> str:
        """``text`` as printed; a date's spaces do not break ("30 september 2026")."""
        return DATE.sub(lambda m: m[0].replace(" ", "\u00a0"), shown(text, self._has))

    # -- every page ------------------------------------------------------------------
    def header(self) -> None:
        if self.page_no() > 1:
            self.set_xy(LEFT, 9)
            self.set_font(self._body, "", 8)
            self.set_text_color(90)
            self.cell(self.w - LEFT - RIGHT, 4, self._text(self._heading))
            self.set_text_color(0)
            self.set_xy(self.l_margin, TOP)

    def footer(self) -> None:
        self.set_draw_color(150)
        self.set_line_width(0.2)
        self.line(LEFT, self.h - 17, self.w - RIGHT, self.h - 17)
        self.set_text_color(60)
        self.set_xy(LEFT, self.h - 15.5)
        self.set_font(self._body, "", 7.5)
        self.cell(self.w - LEFT - RIGHT, 4, self._text(self._foot))
        label = t("minutes.pdf.page", lang=self._lang, page=self.page_no(), pages=PAGES)
        widest = self.get_string_width(self._text(t("minutes.pdf.page", lang=self._lang,
                                                    page=999, pages=999)))
        self.set_xy(self.w - RIGHT - widest, self.h - 11.5)  # a fixed start: see pdf.py
        self.cell(widest, 4, self._text(label))
        self.set_text_color(0)
        self.set_draw_color(0)

    # -- the document ------------------------------------------------------------------
    def minutes(self, tokens: list[Token]) -> None:
        level = "p"
        for i, token in enumerate(tokens):
            kind = token.type
            if kind == "heading_open":
                level = token.tag
                _, height, before, _ = HEADINGS.get(level, HEADINGS["h3"])
                together = i + 1 < len(tokens) and is_confirmation(tokens[i + 1].content)
                self._keep_room(CONFIRMATION if together else before + height + 3 * LINE)
                self.ln(before if self.get_y() > TOP + 1 else 0)
            elif kind == "heading_close":
                self._heading_end(level)
                level = "p"
            elif kind == "inline":
                self._inline(token, level)
            elif kind == "paragraph_close":
                self.ln(1.0 if token.hidden else 2.5)  # hidden: an item of a tight list
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self._open_list(token, kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self._lists.pop()
                self.set_left_margin(self.l_margin - INDENT)
                if not self._lists:
                    self.ln(1.5)
            elif kind == "list_item_open":
                self._marker = self._next_marker()
            elif kind == "blockquote_open":
                self.set_left_margin(self.l_margin + INDENT)
            elif kind == "blockquote_close":
                self.set_left_margin(self.l_margin - INDENT)
            elif kind in ("code_block", "fence"):
                self._runs([("M", line) for line in token.content.rstrip("\n").split("\n")],
                           BODY, LINE, breaks=True)
                self.ln(2.5)
            elif kind == "hr":
                self.line(self.l_margin, self.get_y() + 2, self.w - RIGHT, self.get_y() + 2)
                self.ln(5)
            elif kind == "table_open":
                self._table(tokens, i)
            elif kind == SIGNATURE:
                self._signature()
            elif kind == WRITE_HERE:
                self._write_here()

    def _keep_room(self, height: float) -> None:
        """Start a new page when ``height`` no longer fits (a heading with its first lines)."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def _heading_end(self, level: str) -> None:
        _, _, _, after = HEADINGS.get(level, HEADINGS["h3"])
        if level == "h2":
            self.set_draw_color(150)
            self.line(self.l_margin, self.get_y() + 0.5, self.w - RIGHT, self.get_y() + 0.5)
            self.set_draw_color(0)
        self.ln(after + (0.5 if level == "h2" else 0))

    def _open_list(self, token: Token, ordered: bool) -> None:
        start = token.attrs.get("start", 1)
        self._lists.append([int(start)] if ordered else [])
        self.set_left_margin(self.l_margin + INDENT)

    def _next_marker(self) -> str:
        if not self._lists or not self._lists[-1]:
            return "\u2022" if self._has("\u2022") else "-"
        number = self._lists[-1][0]
        self._lists[-1][0] += 1
        return f"{number}."

    # -- text ------------------------------------------------------------------------
    def _inline(self, token: Token, level: str) -> None:
        box, runs = _runs(token.children or [])
        size, height = (BODY, LINE) if level == "p" else HEADINGS.get(level, HEADINGS["h3"])[:2]
        bold = level != "p"
        if self._marker is not None:
            self._keep_room(height)
            self._draw_marker(box, height)
            self._marker = None
        self._runs([(("B" if bold else "") + style if style != "M" else style, text)
                    for style, text in runs], size, height)

    def _draw_marker(self, box: bool | None, height: float) -> None:
        x, y = self.l_margin - INDENT + 0.6, self.get_y()
        if box is None:
            self.set_font(self._body, "", BODY)
            self.set_xy(x, y)
            self.cell(INDENT - 0.6, height, self._text(str(self._marker)))
        else:
            self._box(x, y + (height - BOX) / 2, box)
        self.set_xy(self.l_margin, y)

    def _box(self, x: float, y: float, ticked: bool) -> None:
        """An empty square, or one with a heavy check mark."""
        self.set_line_width(0.3)
        self.rect(x, y, BOX, BOX)
        if ticked:
            self.set_line_width(0.75)
            self.polyline([(x + 0.7, y + 2.0), (x + 1.6, y + 3.1), (x + 3.4, y + 0.5)])
        self.set_line_width(0.2)

    def _runs(self, runs: list[tuple[str, str]], size: float, height: float,
              breaks: bool = False) -> None:
        self.set_x(self.l_margin)
        for n, (style, text) in enumerate(runs):
            if text == "\n" or (breaks and n):
                self.ln(height)
            if style == "M":
                self.set_font(self._mono, "", size * 0.88)
            else:
                self.set_font(self._body, style.replace("BB", "B"), size)
            if text and text != "\n":
                self.write(height, self._text(text))
        self.ln(height)

    # -- the table of an appraisal, and the lines to sign on ------------------------------
    def _table(self, tokens: list[Token], i: int) -> None:
        rows: list[list[str]] = []
        for token in tokens[i:]:
            if token.type == "tr_open":
                rows.append([])
            elif token.type == "inline" and rows:
                words = _runs(token.children or [])[1]
                rows[-1].append(self._text("".join(text for _, text in words)))
            elif token.type == "table_close":
                break
        self.set_font(self._body, "", BODY - 1)
        width = self.w - self.l_margin - RIGHT
        columns = max((len(r) for r in rows), default=1)
        widths = (0.34, 0.16, 0.5) if columns == 3 else (1 / columns,) * columns
        with self.table(width=width, col_widths=tuple(w * width for w in widths),
                        text_align="LEFT", line_height=LINE - 0.4, align="LEFT") as table:
            for row in rows:
                cells = table.row()
                for text in row + [""] * (columns - len(row)):
                    cells.cell(text)
        self.ln(3)

    def _signature(self) -> None:
        sign, day = (self._text(label) for label in signature_labels(self._lang))
        self._keep_room(16)
        self.ln(7)
        self.set_font(self._body, "", BODY)
        y, left, right = self.get_y(), self.l_margin, self.w - RIGHT
        split = left + (right - left) * 0.62
        for label, start, end in ((sign, left, split - 8), (day, split, right)):
            width = self.get_string_width(label) + 2
            self.set_xy(start, y)
            self.cell(width, 5, label)
            self.line(start + width, y + 4.4, end, y + 4.4)
        self.set_xy(left, y + 5)
        self.ln(4)


    def _write_here(self) -> None:
        """Ruled lines under an empty comments section, for a reaction by hand."""
        self._keep_room(6 * 9.0)
        self.set_draw_color(120)
        for _ in range(6):
            self.ln(9.0)
            self.line(self.l_margin, self.get_y(), self.w - RIGHT, self.get_y())
        self.set_draw_color(0)
        self.ln(2)


def _runs(children: list[Token]) -> tuple[bool | None, list[tuple[str, str]]]:
    """An inline token as (box, [(style, text)]): box True/False for a task item's
    checkbox (None: none); style "", "B", "I", "BI", or "M" for code; "\\n" a break."""
    box: bool | None = None
    runs: list[tuple[str, str]] = []
    bold = italic = False
    for n, child in enumerate(children):
        style = ("B" if bold else "") + ("I" if italic else "")
        found = _CHECKBOX.match(child.content) if child.type == "html_inline" else None
        if found and n == 0:
            box = bool(found[1])
        elif child.type in ("em_open", "em_close"):
            italic = child.type == "em_open"
        elif child.type in ("strong_open", "strong_close"):
            bold = child.type == "strong_open"
        elif child.type == "code_inline":
            runs.append(("M", child.content))
        elif child.type == "hardbreak":
            runs.append(("", "\n"))
        elif child.type == "softbreak":
            runs.append((style, " "))
        elif child.content:  # text, and anything else as its text
            runs.append((style, child.content))
    if box is not None and runs and runs[0][0] != "M":
        runs[0] = (runs[0][0], runs[0][1].lstrip(" "))
    return box, runs
