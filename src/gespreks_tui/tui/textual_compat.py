"""The one place where gespreks-tui touches Textual's private API, each use with its reason.

Textual is pinned to 8.x (pyproject.toml); ``tests/test_textual_compat.py``
fails as soon as a Textual release changes what a function here relies on, so
an upgrade shows at once what to redo. The notes TextArea's wrapping and
drawing (private parts of Textual's TextArea) are in ``indexed_text_area``, the
second half of this module, kept apart so that start-up does not import the
TextArea.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

from textual.app import App
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget


def set_border_subtitle_quietly(widget: Widget, text: str) -> None:
    """Show ``text`` in ``widget``'s bottom border, repainting only that line.

    Setting ``border_subtitle`` repaints the whole widget; the notes pane's
    save status changes at every autosave while typing, and a whole repaint of
    the pane each time was measurable on the keystroke benchmark. So the
    private ``_border_subtitle`` is set and only the bottom line refreshed.
    ``Content``: the text is shown as is, whatever brackets it holds.
    """
    widget._border_subtitle = Content(text).split()[0]
    width, height = widget.outer_size
    if height:
        x, y = widget.content_offset
        widget.refresh(Region(-x, height - 1 - y, width, 1))


def end_quietly(app: App, on_error: Callable[[BaseException | None], None]) -> None:
    """Make an unhandled error end ``app`` without Textual's traceback.

    Textual's ``_fatal_error`` prints a traceback with local variables (a note's
    text, ten times over) when an error reaches the app. Instead ``on_error``
    is called with the error (it records the crash file and keeps the one line
    to print once the terminal is back), and the app closes; the exit status
    stays 1, as Textual sets it. Replaced on the instance, so the class and
    Textual stay as they are.
    """

    def fatal_error() -> None:
        app.bell()
        on_error(app._exception or sys.exc_info()[1])
        app._close_messages_no_wait()

    app._fatal_error = fatal_error  # type: ignore[method-assign]


PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


def _partial(data: str, marker: str, shortest: int = 1) -> int:
    """How many characters at the end of ``data`` could begin ``marker`` (a split read)."""
    for size in range(min(len(marker) - 1, len(data)), shortest - 1, -1):
        if marker.startswith(data[-size:]):
            return size
    return 0


def keep_pastes_whole() -> None:
    """Take a bracketed paste from the terminal as it was pasted, byte for byte.

    Textual's terminal parser (``textual._xterm_parser.XTermParser``) reads an
    escape sequence inside a paste as keys: a paste holding ESC sequences was
    stored reordered, with parts typed as keys, and it drops NUL. A note must
    hold what was pasted (the screen shows control characters as pictures), so
    the Linux drivers get a parser that takes everything between the paste
    markers whole and hands it on as one ``Paste`` event, and leaves the rest to
    Textual's. Patched on Textual's driver modules (their module-level name for
    the parser): the one place this is possible; idempotent.
    """
    from textual import events
    from textual._xterm_parser import XTermParser
    from textual.drivers import linux_driver, linux_inline_driver

    class WholePasteParser(XTermParser):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._pasted: list[str] | None = None  # inside a paste: what came so far
            self._held = ""  # the end of a read that may be the start of PASTE_END

        def feed(self, data: str) -> Iterator[Message]:
            if not data:  # end of input
                yield from super().feed(data)
                return
            data, self._held = self._held + data, ""
            while data:
                if self._pasted is None:
                    start = data.find(PASTE_START)
                    if start < 0:
                        # "ESC [ 2" at the very end may be a paste starting in the next
                        # read; ESC or "ESC [" alone (a key) is never held back.
                        held = _partial(data, PASTE_START, shortest=3)
                        self._held = data[len(data) - held:] if held else ""
                        if len(data) > held:  # feed("") would mean the end of input
                            yield from super().feed(data[:len(data) - held])
                        return
                    if start:
                        yield from super().feed(data[:start])
                    self._pasted, data = [], data[start + len(PASTE_START):]
                    continue
                end = data.find(PASTE_END)
                if end < 0:
                    held = _partial(data, PASTE_END)
                    self._pasted.append(data[:len(data) - held])
                    self._held = data[len(data) - held:]
                    return
                self._pasted.append(data[:end])
                yield events.Paste("".join(self._pasted))
                self._pasted, data = None, data[end + len(PASTE_END):]

    for module in (linux_driver, linux_inline_driver):
        if getattr(module, "XTermParser", None) is XTermParser:
            module.XTermParser = WholePasteParser  # type: ignore[attr-defined]


def command_palette(placeholder: str, no_matches: str,
                    providers: list | None = None) -> Screen:
    """Textual's command palette, with its two texts in the user's language.

    The placeholder is a parameter; "No matches found" is written into
    ``CommandPalette._start_no_matches_countdown``, so that one method is
    replaced by the same steps with ``no_matches`` as the text. ``providers``:
    other sources than the screen's commands (Textual's theme list, say).
    """
    from rich.align import Align
    from rich.text import Text as RichText
    from textual.command import CommandList, CommandPalette
    from textual.widgets.option_list import Option

    class Palette(CommandPalette):
        def _start_no_matches_countdown(self, search_value: str) -> None:
            self._stop_no_matches_countdown()

            def show_no_matches() -> None:
                if search_value:
                    self.query_one(CommandList).add_option(Option(
                        Align.center(RichText(no_matches, style="not bold")), disabled=True,
                        id=self._NO_MATCHES))
                    self._list_visible = True
                else:
                    self._list_visible = False

            self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN,
                                                    show_no_matches)

    return Palette(providers=providers, id="--command-palette", placeholder=placeholder)



def select_closing_with(label: str, binding_id: str) -> type:
    """A ``Select`` whose open list's Escape is called ``label`` on the key line.

    Textual's ``SelectOverlay`` binds Escape as "Dismiss menu" (English, no id) and
    ``Select.compose`` builds that overlay itself, so the Dutch key line read "esc
    Dismiss menu" (walk25 F22). The subclass binds the same key with our words; the
    compose is ``Select.compose`` with the subclass in its place.
    """
    from textual.app import ComposeResult
    from textual.binding import Binding
    from textual.widgets import Select
    from textual.widgets._select import SelectCurrent, SelectOverlay

    class Menu(SelectOverlay):
        BINDINGS = [Binding("escape", "dismiss", label, id=binding_id)]

    class TranslatedSelect(Select):
        def compose(self) -> ComposeResult:
            yield SelectCurrent(self.prompt)
            yield Menu(type_to_search=self._type_to_search).data_bind(compact=Select.compact)

    return TranslatedSelect


# A no-break space keeps what it joins on one line ("2 dec 2026", "60 min"): Textual
# and Rich split lines at every "\s", U+00A0 and U+202F included.
_NO_BREAK = "\u00a0\u202f"
_SPACE = rf"[^\S{_NO_BREAK}]"
_WORD = rf"[\S{_NO_BREAK}]"


def keep_no_break_spaces() -> None:
    """Let lines break at spaces only, never at a no-break space (walk25 F9, F10, F21).

    Rich's ``_wrap.re_word`` (used by ``Content`` for labels, Markdown and toasts)
    and Textual's ``_wrap.re_chunk`` (TextArea, Input) treat U+00A0 as a space to
    break at, so a date shown with no-break spaces still split as "2 / dec 2026".
    Both are module-level patterns looked up at each call: replaced by the same
    patterns with the no-break spaces counted as part of a word. Idempotent.
    """
    import re

    from rich import _wrap as rich_wrap
    from textual import _wrap as textual_wrap

    rich_wrap.re_word = re.compile(rf"{_SPACE}*{_WORD}+{_SPACE}*")
    textual_wrap.re_chunk = re.compile(rf"{_WORD}+{_SPACE}*|{_SPACE}+")
