"""The Textual application: holds the store, the clock and the theme.

Screens call into the core (store, agenda, smart, dates); the app itself only
wires them together and offers every binding of the current screen in the
command palette.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.screen import Screen

from gespreks_tui.catalogue import t
from gespreks_tui.clock import SystemClock, iso
from gespreks_tui.paths import styles_dir
from gespreks_tui.presence import Presence
from gespreks_tui.tui.safe_output import with_control_pictures

THEME_SETTING = "ui.theme"
MANAGER_SETTING = "manager.name"
RESUME_HOURS = 12  # the app reopens a meeting it stopped in up to this long afterwards


def _stylesheets() -> list[Path]:
    return sorted(styles_dir().glob("*.tcss"))


class GesprekApp(App):
    """gespreks-tui: run a performance conversation from the terminal."""

    TITLE = "gespreks-tui"
    CSS_PATH = _stylesheets()
    BINDINGS = [
        Binding("ctrl+q", "quit", t("key.quit"), id="app.quit", priority=True),
        Binding("f9", "toggle_dark", t("key.theme"), id="app.theme"),
    ]

    def __init__(self, store, clock=None, autosave_delay: float = 0.5,
                 prep_path: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.prep_path = prep_path
        self.clock = clock or SystemClock()
        self.autosave_delay = autosave_delay
        self.exit_message: str | None = None
        self.presence = Presence(store.path)  # which meetings this copy has on screen

    def on_mount(self) -> None:
        self.theme = self.store.get_setting(THEME_SETTING, "textual-dark")
        # With --prep the user came to start a new conversation: the start screen.
        # A meeting left more than RESUME_HOURS ago is offered there too, not opened.
        since = iso(self.clock.now() - timedelta(hours=RESUME_HOURS))
        resume = None if self.prep_path else self.store.meeting_to_resume(since)
        if resume is not None and not self.presence.open_elsewhere(resume):
            from gespreks_tui.tui.screens.meeting import MeetingScreen

            # The app stopped (or crashed) during this meeting: go on with it.
            self.push_screen(MeetingScreen(resume))
            self.notify(t("app.resumed"), timeout=6)
        else:
            from gespreks_tui.tui.screens.start import StartScreen

            self.push_screen(StartScreen())

    def on_ready(self) -> None:
        from gespreks_tui import startup_gc

        self.call_after_refresh(startup_gc.resume)  # paused by run_app for the start

    def on_unmount(self) -> None:
        self.presence.close()

    async def action_quit(self) -> None:
        """Quit at once; a running meeting is saved first and offered next time."""
        for screen in self.screen_stack:
            save_all = getattr(screen, "save_all", None)
            if save_all is not None:
                save_all()
        self.exit()

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"
        self.store.set_setting(THEME_SETTING, self.theme)

    @property
    def manager_name(self) -> str | None:
        return self.store.get_setting(MANAGER_SETTING)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then ``CONTROL_PICTURES``: stored text never acts on the terminal."""
        return with_control_pictures(super().get_line_filters())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every binding of ours (they all have an id) on this screen, by its description."""
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.id or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            yield SystemCommand(
                binding.description, f"{binding.tooltip or binding.description} ({key})",
                lambda node=active.node, action=binding.action: self.run_action(action, node),
            )
        yield from super().get_system_commands(screen)
