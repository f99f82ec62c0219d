"""The key line at the bottom of every screen: one widget, drawn as one line of text.

Textual's ``Footer`` builds a widget per key (with two styled parts each) and
rebuilds all of them whenever the bindings *may* have changed: every focus
change, ``refresh_bindings()`` or toast. The meeting screen has about fifteen
keys, so that was some fifty nodes to create, style and lay out at start-up,
again after the first frame. ``KeyFooter`` draws the same keys as one line of
text and only redraws when what it shows has changed.

What it shows is what ``Footer`` shows: every active binding with
``show=True``, disabled ones dimmed, in binding order, and the command palette
key at the right end. When the keys do not fit, the palette key stays and the
line is cut at a key boundary. Clicking a key presses it, as in ``Footer``.
A screen with an ``early_keys()`` method names keys to show first, whatever
their place among the bindings (the meeting's f3 while scoring), so that they
are not the ones cut at 80 columns.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

from gespreks_tui.catalogue import t


class KeyFooter(Widget):
    """One line: ``key description`` for each active binding, the palette at the right."""

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple = ()
        self._spans: list[tuple[int, int, str]] = []  # (start, end, key) for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        if hasattr(self.app, "screen_share"):  # the mark of a shared screen, at the left
            self.watch(self.app, "screen_share", self._screen_share, init=False)

    def _screen_share(self, _on: bool) -> None:
        self.refresh()
        self._shown = self._what_to_show()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _what_to_show(self) -> tuple:
        app = self.app
        keys: list[tuple[str, str, str, bool]] = []
        late: list[tuple[str, str, str, bool]] = []
        palette = None
        seen: set[str] = set()
        for key, (node, binding, enabled, _tip) in self.screen.active_bindings.items():
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = (key, app.get_key_display(binding), binding.description, enabled)
            elif binding.show and binding.action not in seen:
                seen.add(binding.action)  # one entry per action, as Footer does
                shown = (key, app.get_key_display(binding), binding.description, enabled)
                # A screen's priority key (f6 on the meeting) waits its turn; the app's
                # keep their place.
                (late if binding.priority and node is not app else keys).append(shown)
        early_keys = getattr(self.screen, "early_keys", None)
        first = early_keys() if early_keys is not None else frozenset()
        if first:
            keys = [k for k in keys if k[0] in first] + [k for k in keys if k[0] not in first]
        return tuple(keys + late), palette

    def _bindings_changed(self, screen) -> None:
        if screen is self.screen and self.is_attached:
            shown = self._what_to_show()
            if shown != self._shown:
                self._shown = shown
                self.refresh()

    @staticmethod
    def _key(display: str, description: str, enabled: bool) -> Content:
        key = Content(display).stylize("bold $footer-key-foreground")
        text = key + Content(f" {description}" if description else "")
        return text.stylize("dim") if not enabled else text

    def render(self) -> Content:
        keys, palette = self._shown or self._what_to_show()
        width = self.size.width
        right = self._key(*palette[1:]) if palette else Content("")
        room = width - right.cell_length - (1 if palette else 0)
        parts: list[Content] = []
        self._spans = []
        used = 0
        for key, display, description, enabled in keys:
            part = self._key(display, description, enabled)
            if used + part.cell_length > room:
                break
            self._spans.append((used, used + part.cell_length, key))
            parts.append(part)
            used += part.cell_length + 1
        line = Content(" ").join(parts)
        if getattr(self.app, "screen_share", False):
            mark = Content(t("app.screen_share_mark")).stylize("bold reverse $warning")
            line = mark + Content(" ") + line
        if palette:
            gap = max(1, width - line.cell_length - right.cell_length)
            self._spans.append((width - right.cell_length, width, palette[0]))
            line = line + Content(" " * gap) + right
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
