"""Dialog to export the minutes to a file (Markdown, HTML, or PDF when the caller
gives a PDF name and writes PDFs), asking before overwriting. Frame, buttons and
keys: ``BaseDialog``.

Given ``write`` (path, format), the dialog writes the file itself (in a worker)
and closes only when it was written: a file that cannot be written ("Kan ...
niet schrijven (map bestaat niet)") is said in the dialog, in the user's
language, with the typed name kept to correct.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.cells import cell_len
from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Input, Label, RadioSet

from gespreks_tui.catalogue import t
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.gateway import StoreCalls, error_line
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys
from gespreks_tui.tui.widgets.choice_button import ChoiceButton, ChoiceSet

TOAST_WIDTH, TOAST_FRAME = 60, 4  # Toast: 60 wide (at most half the screen); frame + rack gutter


def _shorten_start(text: str, room: int) -> str:
    """``text`` cut at the start to ``room`` cells, "…" in front, if it is longer."""
    if cell_len(text) <= room:
        return text
    while text and cell_len(text) > room - 1:
        text = text[1:]
    return "…" + text


def _name_lines(name: str, room: int) -> list[str]:
    """A file name on lines of ``room`` cells, broken after a "-", "_" or "." (never
    inside a word), so the whole name is readable; a piece wider than a line is cut."""
    pieces = re.findall(r"[^-_.]+[-_.]?|[-_.]", name)
    lines = [""]
    for piece in pieces:
        if lines[-1] and cell_len(lines[-1] + piece) > room:
            lines.append("")
        lines[-1] += piece
    return [_shorten_start(line, room) for line in lines]


def shown_path(path: Path, room: int) -> list[str]:
    """``path`` as a reader wants it in a notice, in lines of at most ``room`` cells:
    absolute, the home folder as "~"; when longer than a line, the folder (shortened
    at the start with "…") on one line and the file's whole name under it."""
    full = path.expanduser().absolute()
    home = Path.home()
    text = f"~/{full.relative_to(home)}" if full.is_relative_to(home) else str(full)
    if cell_len(text) <= room:
        return [text]
    folder = text[:len(text) - len(full.name)]
    return [_shorten_start(folder, room), *_name_lines(full.name, room)]


def notify_written(app: App, key: str, path: Path, timeout: float = 8) -> None:
    """The notice after a file was written, ``key``'s text with the path on a line of
    its own: in a toast (40 cells at 80 columns) a path wrapped where the line ended,
    mid-folder, and could not be read. A long path: its folder shortened with "…" at
    the start, the name whole under it (the whole path was in the dialog's field)."""
    room = min(TOAST_WIDTH, app.size.width // 2) - TOAST_FRAME
    message = t(key, path="\n" + "\n".join(shown_path(path, room)))
    app.notify("\n".join(line.rstrip() for line in message.split("\n")),
               timeout=timeout, markup=False)


@dataclass(frozen=True)
class ExportChoice:
    path: Path
    fmt: str


class ExportDialog(StoreCalls, BaseDialog[ExportChoice | None]):
    BINDINGS = dialog_keys("export", save_label="key.dialog_export")
    # The first choice first: Right and Space pick HTML here, and never type a
    # space into the file name.
    FIRST_FOCUS, MESSAGE_ID = "#format", "export-message"

    def __init__(self, default_md: Path, default_html: Path | None,
                 default_pdf: Path | None = None, *,
                 write: Callable[[Path, str], object] | None = None) -> None:
        super().__init__()
        self.write = write  # None: the caller writes after the dialog closed
        self.defaults = {"md": default_md}  # a format without a default is not offered
        if default_html is not None:
            self.defaults["html"] = default_html
        if default_pdf is not None:
            self.defaults["pdf"] = default_pdf
        self._confirmed_overwrite: Path | None = None

    def heading(self) -> str:
        return t("ui.export.title")

    def compose_body(self) -> ComposeResult:
        with ChoiceSet(id="format", compact=True):
            yield ChoiceButton(t("ui.export.format_md"), value=True, name="md", id="format-md")
            if "html" in self.defaults:
                yield ChoiceButton(t("ui.export.format_html"), name="html", id="format-html")
            if "pdf" in self.defaults:
                yield ChoiceButton(t("ui.export.format_pdf"), name="pdf", id="format-pdf")
        yield Label(t("ui.export.path"))
        yield Input(str(self.defaults["md"]), id="export-path", compact=True)
        yield Label(t("ui.export.private_note"), id="export-message", classes="field-message")
        yield from self.save_cancel(t("ui.export.save_button"))

    @on(RadioSet.Changed, "#format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        path = self.query_one("#export-path", Input)
        if path.value in {str(p) for p in self.defaults.values()}:
            path.value = str(self.defaults[name_of(event.pressed)])

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._confirmed_overwrite = None
        self.say(t("ui.export.private_note"), error=False)

    @on(Input.Submitted)
    def _submit(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.say(t("ui.export.no_path"))
            return
        path = Path(raw).expanduser()
        if path.is_dir():
            self.say(t("ui.export.is_directory", path=path))
            return
        if path.exists() and self._confirmed_overwrite != path:
            self._confirmed_overwrite = path
            self.say(t("ui.export.exists", path=path))
            return
        pressed = self.query_one("#format", RadioSet).pressed_button
        choice = ExportChoice(path, name_of(pressed, "md"))
        if self.write is None:
            self.dismiss(choice)
            return
        if self._writing:  # one write at a time
            return
        write, self._writing = self.write, True
        self.say(t("scale.export.writing"), error=False)
        def written(_done: object) -> None:
            self.dismiss(choice)

        self.store_work(lambda: write(choice.path, choice.fmt), then=written,
                        failed=self._not_written)

    _writing = False

    def _not_written(self, error: Exception) -> None:
        """Said here, the typed name kept: correct it and save again."""
        self._writing, self._confirmed_overwrite = False, None
        self.say(error_line(error))
        self.query_one("#export-path", Input).focus()
