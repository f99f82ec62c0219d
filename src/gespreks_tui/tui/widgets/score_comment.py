"""A criterion's comment in the scores panel: wrapped at its words, always whole.

A one-line ``Input`` showed a long comment only in part: scrolled sideways
while typing, cut with "…" after (issue 16, walk finding W3). ``CommentArea``
is a soft-wrapping ``TextArea`` as high as its text (``height: auto``), so
the whole comment shows while it is typed and after; the scores panel around
it scrolls, and keeps the cursor's line in sight while typing
(``scroll_cursor_visible``). A one-line comment looks as the ``Input`` did.

Keys: Tab and shift+Tab go to the next or previous field, as before. Enter
also goes on to the next field (the next criterion's points): a comment is one
paragraph, shown as one cell of the minutes' score table, and the ``Input``
did not take a line break either, so Enter never starts a new line here. A
paste's line breaks become spaces, for the same reason (the ``Input`` kept
only a paste's first line and dropped the rest). Tab into a comment puts the
cursor after its text, to go on writing (the ``Input`` selected all of it, so
the first key typed replaced the stored comment).

A comment holds at most ``LIMIT`` characters. A paste that does not fit is
cut to what does, and a notice says how much was left out; typing past the
limit adds nothing and says so. A 1 MB paste thus costs one scan of the
pasted text, never a megabyte of wrapped lines (the ``Input`` took it whole,
with no limit). A longer comment stored earlier shows whole; it can only get
shorter.

What is shown passes the app's line filter (``safe_output``), like every
widget's lines: a control character pasted in shows as its picture.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.geometry import Offset, Size
from textual.widget import Widget
from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from gespreks_tui.catalogue import t

LIMIT = 2000  # characters in one comment


def one_paragraph(text: str) -> str:
    """``text`` with its line breaks as single spaces (the lines' outer blanks dropped)."""
    if "\n" not in text and "\r" not in text:
        return text
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


class CommentArea(TextArea):
    """A criterion's comment: wrapped at words, as high as its text, one paragraph."""

    # Under its criterion's name, across the rest of the row; the look of the
    # compact ``Input`` it replaced: no border, no padding, a tint while focused.
    DEFAULT_CSS = """
    CommentArea {
        width: 1fr;
        height: auto;
        margin: 0 0 0 2;
        padding: 0;
        border: none;
    }
    CommentArea:focus {
        border: none;
        background-tint: $foreground 5%;
    }
    CommentArea .text-area--cursor-line {
        background: transparent;
    }
    CommentArea .text-area--placeholder {
        color: $text-disabled;
    }
    """

    BINDINGS = [
        Binding("enter", "next_field", t("scores.comment.key_next"), id="scores.comment.next",
                tooltip=t("scores.comment.help_next"), show=False),
    ]

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", compact=True,
                         highlight_cursor_line=False, **kwargs)
        self._told_full = False  # the notice "full" shown since the text last got shorter

    @property
    def value(self) -> str:
        """The comment (as ``Input.value`` named it)."""
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.load_text(text)

    # -- keys -----------------------------------------------------------------
    def _on_focus(self, event: events.Focus) -> None:
        """Tab (or Enter) into a comment: the cursor after its text, to go on writing
        (a click then puts it where was clicked; back from another window: where it was)."""
        if not event.from_app_focus:
            self.move_cursor(self.document.end)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            # Not TextArea's new line: the key goes on to the bindings (``action_next_field``).
            event.prevent_default()

    def action_next_field(self) -> None:
        """Enter: on to the next field, as Tab."""
        self.screen.focus_next()

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # TextArea's own would insert the text as it is
        if self.read_only or self.disabled:
            return
        if result := self._replace_via_keyboard(one_paragraph(event.text), *self.selection):
            self.move_cursor(result.end_location)
            self.focus()

    # -- the limit ------------------------------------------------------------
    def _replace_via_keyboard(self, insert: str, start: Location,
                              end: Location) -> EditResult | None:
        """Every typed or pasted edit: cut to what fits in ``LIMIT``, with a notice."""
        insert = one_paragraph(insert)
        room = LIMIT - (len(self.text) - len(self.get_text_range(start, end)))
        if len(insert) > room:
            kept = max(0, room)
            if len(insert) > 1:  # a paste
                self.notify(t("scores.comment.cut", limit=LIMIT, dropped=len(insert) - kept),
                            severity="warning", timeout=8, markup=False)
            elif not self._told_full:  # a key: said once, not on every key
                self.notify(t("scores.comment.full", limit=LIMIT), severity="warning",
                            timeout=6, markup=False)
                self._told_full = True
            insert = insert[:kept]
            if not insert and start == end:
                self.app.bell()
                return None
        return super()._replace_via_keyboard(insert, start, end)

    def _on_text_area_changed(self, event: TextArea.Changed) -> None:
        if len(self.text) < LIMIT:
            self._told_full = False

    # -- as high as its text ---------------------------------------------------
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The lines of the text wrapped at ``width``: the width it gets now, not the
        one it had (TextArea rewraps only after its resize, when its height is set)."""
        wrap = max(0, width - 1)  # a cell for the cursor after a line, as TextArea keeps
        wrapped = self.wrapped_document
        if wrapped._width != wrap:
            wrapped.wrap(wrap, tab_width=self.indent_width)
            self._line_cache.clear()
        return wrapped.height

    # -- in sight -------------------------------------------------------------
    def scroll_cursor_visible(self, center: bool = False, animate: bool = False) -> Offset:
        """The cursor in sight of the panel around, not only of this field (which
        grows with its text and has nothing of its own to scroll)."""
        offset = super().scroll_cursor_visible(center, animate)
        if self.has_focus and self.is_mounted:
            self.call_after_refresh(self.cursor_in_sight)
        return offset

    def cursor_in_sight(self) -> None:
        """Scroll the nearest ancestor that scrolls so the cursor's line shows."""
        if not self.has_focus:
            return
        y = self.cursor_screen_offset.y
        for ancestor in self.ancestors:
            if isinstance(ancestor, Widget) and ancestor.allow_vertical_scroll:
                view = ancestor.scrollable_content_region
                if y < view.y:
                    ancestor.scroll_relative(y=y - view.y, animate=False, immediate=True)
                elif y >= view.bottom:
                    ancestor.scroll_relative(y=y - view.bottom + 1, animate=False,
                                             immediate=True)
                return
