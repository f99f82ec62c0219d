"""The notes text itself: a TextArea on the meeting screen's grid.

Typing cost does not grow with the note (``IndexedTextArea``), and a paste
never holds the screen still for long: one over ``ASK_BYTES`` is asked about
first (the meeting screen shows ``PasteDialog``), and one of many lines is
wrapped on a thread before it goes in. The text goes in as pasted; only its
line ends become the note's, as in any Textual TextArea.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets.text_area import Edit, EditResult, Location

from gespreks_tui.catalogue import t
from gespreks_tui.tui.indexed_document import IndexedWrappedDocument, Wrapped, wrap_lines
from gespreks_tui.tui.indexed_text_area import IndexedTextArea

ASK_BYTES = 100 * 1024  # a larger paste (UTF-8) is asked about first
PREWRAP_LINES = 1000  # a paste of this many lines is wrapped on a thread first


def quoted(text: str) -> str:
    """``text`` as a quoted block: "> " before every line, the line ends kept as they were."""
    return "".join(f"> {line}" for line in text.splitlines(keepends=True)) or "> "


class NotesArea(IndexedTextArea):
    """The notes of the current phase, straight on the meeting screen's grid.

    It is not inside the notes pane (questions, preparation, scores) on
    purpose: every key repaints the text, and Textual re-renders every widget
    that lies under it; a container around it would be one more on every key,
    and a border of its own would make every line dearer to draw. The screen
    puts it in the focus order after the pane above it, and lights up the
    pane's border while it has focus.
    """

    # No border, focused or not (see above); private notes get a red tint.
    DEFAULT_CSS = """
    NotesArea, NotesArea:focus {
        border: none;
    }
    NotesArea.private {
        background: $error 10%;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(soft_wrap=True, tab_behavior="focus",
                         placeholder=t("notes.placeholder"), **kwargs)
        # Edits so far: a paste that waited for its wrapping knows whether
        # something was typed meanwhile (``_insert_pasted``).
        self.edits = 0

    def edit(self, edit: Edit) -> EditResult:
        self.edits += 1
        return super().edit(edit)

    class LargePaste(Message):
        """A paste over ``ASK_BYTES`` waits: the screen asks how to take it.

        The screen answers with ``paste_answered`` (the meeting screen shows
        ``PasteDialog``); unanswered, nothing is inserted.
        """

        def __init__(self, area: NotesArea, text: str) -> None:
            super().__init__()
            self.area, self.text = area, text
            self.size = len(text.encode("utf-8", "surrogatepass"))
            self.lines = text.count("\n") + 1

    async def _on_paste(self, event: events.Paste) -> None:
        """A paste over ``ASK_BYTES`` asks first (``LargePaste``); the rest go in at once.

        What goes in is the pasted text as it came (or, as a quote, with "> "
        before each line). Nothing is asked for a read-only note.
        """
        event.prevent_default()  # Textual's own handler would insert it at once
        text = event.text
        if self.read_only:
            return
        if len(text) * 4 <= ASK_BYTES or len(text.encode("utf-8", "surrogatepass")) <= ASK_BYTES:
            self._insert_pasted(text)
        else:
            self.post_message(self.LargePaste(self, text))

    def paste_answered(self, text: str, choice: str | None) -> None:
        """The answer to ``LargePaste``: ``"insert"``, ``"quote"`` or None (do not paste)."""
        if choice is not None and not self.read_only:
            # After the screen under the dialog is drawn again: two shorter
            # waits instead of one long one.
            self.call_after_refresh(self._insert_pasted,
                                    quoted(text) if choice == "quote" else text)

    def _insert_pasted(self, text: str) -> None:
        """Insert a paste; one of many lines is wrapped on a thread first.

        Wrapping 20,000 lines takes a good part of a tenth of a second: on the
        event loop the screen would stand still for it. On a worker thread the
        loop goes on between its time slices, and the edit then finds its lines
        wrapped (``IndexedWrappedDocument.prewrapped``); the first and last
        line join text already there and are wrapped with the edit.
        """
        lines = text.splitlines()
        wrapped = self.wrapped_document
        if len(lines) < PREWRAP_LINES or not isinstance(wrapped, IndexedWrappedDocument):
            self._replace_pasted(text)
            return
        if text.endswith(("\r\n", "\n", "\r")):  # as Textual's Document splits it
            lines.append("")
        middle = lines[1:-1]
        width, tab_width = wrapped._width, wrapped._tab_width
        # Where the paste was made: keys typed while it is wrapped go in first,
        # and must still come after it, as they were typed after it.
        at, edits_then = self.selection, self.edits

        def done(result: Wrapped | None) -> None:
            if result is not None and self.wrapped_document is wrapped:
                wrapped.prewrapped(middle, width, tab_width, result)
            if self.edits == edits_then:  # nothing typed meanwhile: as Textual pastes
                self._replace_pasted(text, *at)
            else:  # before what was typed since, where the cursor was
                point = self.clamp_visitable(min(at.start, at.end))
                self._replace_pasted(text, point, point)

        def work() -> None:
            result: Wrapped | None = None
            try:
                result = wrap_lines(middle, width, tab_width)
            finally:  # whatever happened here, the paste goes in (wrapped by the edit)
                self.app.call_from_thread(done, result)

        self.run_worker(work, thread=True, group="paste", exit_on_error=False)

    def _replace_pasted(self, text: str, start: Location | None = None,
                        end: Location | None = None) -> None:
        """Textual's paste: replace the selection (or ``start``–``end``), cursor after
        the text."""
        if start is None or end is None:
            start, end = self.selection
        if result := self._replace_via_keyboard(text, start, end):
            self.move_cursor(result.end_location)
            self.focus()
