"""The Textual application: holds the store, the clock and the theme, and moves between screens.

Screens reach the store through the gateway (``gespreks_tui.tui.gateway``) and
move to another screen through the app (``open_meeting``, ``show_start``), so
no screen imports another that imports it back. The app also offers every
binding of the current screen in the command palette.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.reactive import reactive
from textual.screen import Screen

from gespreks_tui import config as user_config
from gespreks_tui.catalogue import t
from gespreks_tui.clock import SystemClock, iso
from gespreks_tui.presence import Presence
from gespreks_tui.settings import MANAGER_SETTING, SCREEN_SHARE_SETTING, THEME_SETTING
from gespreks_tui.store import Store, StoreError
from gespreks_tui.tui import lazy_styles
from gespreks_tui.tui.action_help import action_help
from gespreks_tui.tui.safe_output import with_control_pictures
from gespreks_tui.tui.textual_compat import (
    command_palette,
    end_quietly,
    keep_no_break_spaces,
    keep_pastes_whole,
)
from gespreks_tui.tui.widgets.scrollbars import use_whole_cell_scrollbars

if TYPE_CHECKING:
    from gespreks_tui.meeting import Meeting

__all__ = ["MANAGER_SETTING", "THEME_SETTING", "GesprekApp"]
RESUME_HOURS = 12  # the app reopens a meeting it stopped in up to this long afterwards
RESUMED_NOTICE_SECONDS = 4  # "Verder met het gesprek…": as long as "heropend" and the like


class GesprekApp(App):
    """gespreks-tui: run a performance conversation from the terminal."""

    TITLE = "gespreks-tui"
    # Every style file (for a host that shows our screens); the app itself starts with
    # the shared one and parses a screen's own file when it first pushes it (lazy_styles).
    CSS_PATH: ClassVar[list[str | PurePath]] = list(lazy_styles.all_files())
    BINDINGS = [
        Binding("ctrl+q", "quit", t("key.quit"), id="app.quit", priority=True),
        Binding("f9", "toggle_dark", t("key.theme"), id="app.theme"),
        Binding("f10", "toggle_screen_share", t("key.screen_share"), id="app.screen_share",
                priority=True),
        # Textual adds this one itself unless the app has it, in English: so it has it.
        Binding("ctrl+p", "command_palette", t("key.palette"), id="app.palette", show=False,
                priority=True, tooltip=t("key.palette_help")),
    ]
    # On a shared screen (a beamer, a call, the laptop turned to the employee): no
    # private notes, no other employees' names. Remembered between runs.
    screen_share: reactive[bool] = reactive(False, init=False)

    def __init__(self, store: Store, clock: Any = None, autosave_delay: float = 0.5,
                 prep_path: str | None = None, backups: bool = False) -> None:
        super().__init__(css_path=[lazy_styles.shared_file()])
        # The configuration file: keys, theme, backups (``gespreks config`` shows it).
        # ``backups``: the daily automatic backup (on for the real app, off in tests).
        self.config, self.backups = user_config.current(), backups
        self._stored_theme: str | None = None  # the theme last written to the settings
        self._theme_chosen = False  # True once on_mount has set the starting theme
        self.store = store
        self.prep_path = prep_path
        self.clock = clock or SystemClock()
        self.autosave_delay = autosave_delay
        self.exit_message: str | None = None
        self.presence = Presence(store.path)  # which meetings this copy has on screen
        self.meetings: list[Meeting] = []  # the meetings on this copy's screens, oldest first
        self.crash_message: str | None = None  # set by an unexpected error
        end_quietly(self, self._crashed)
        keep_pastes_whole()
        keep_no_break_spaces()  # a date stays on one line
        use_whole_cell_scrollbars()

    def _crashed(self, error: BaseException | None) -> None:
        """An unexpected error: the details go to a crash file, one line to the user."""
        from gespreks_tui.crash import record_crash

        path = record_crash(error) if error is not None else None
        self.crash_message = t("app.crashed", path=path or "-")

    def run_to_end(self, **options: Any) -> int:
        """Run the app; after an unexpected error print its one line. The exit status."""
        self.run(**options)
        if self.crash_message:
            print(self.crash_message, file=sys.stderr)
        return self.return_code or 0

    def on_mount(self) -> None:
        resume = None
        try:
            self._stored_theme = self.store.get_setting(THEME_SETTING)
            # The file's theme wins; a palette choice is remembered in the database.
            theme = self.config.theme or self._stored_theme or "textual-dark"
            self.theme = theme if theme in self.available_themes else "textual-dark"
            self._theme_chosen = True
            # With --prep the user came to start a new conversation: the start screen.
            # A meeting left more than RESUME_HOURS ago is offered there too, not opened.
            since = iso(self.clock.now() - timedelta(hours=RESUME_HOURS))
            resume = None if self.prep_path else self.store.meeting_to_resume(since)
            self.screen_share = self.store.get_setting(SCREEN_SHARE_SETTING) == "1"
        except StoreError as error:
            from gespreks_tui.tui.gateway import error_line  # OS reasons in words

            self.notify(error_line(error), severity="error", timeout=8, markup=False)
        for notice in self.store.notices:  # e.g. file permissions tightened on open
            self.notify(notice, severity="warning", timeout=12, markup=False)
        if self.config.problem is not None:  # one line; the defaults are used
            self.notify(user_config.problem_line(self.config.problem), severity="warning",
                        timeout=12, markup=False)
        if self.config.keys:  # binding ids to keys: Textual's keymap
            self.set_keymap(dict(self.config.keys))
        self.presence.hold_database()  # `gespreks restore` waits for this copy to end
        if resume is not None and not self.presence.open_elsewhere(resume):
            # The app stopped (or crashed) during this meeting: go on with it.
            self.open_meeting(resume, resumed=True)
            # Short, as the other passing notices: it sits over the goals pane's foot.
            self.notify(t("app.resumed"), timeout=RESUMED_NOTICE_SECONDS)
        else:
            self.show_start(ask_name=True)

    # -- moving between screens (so no screen imports another) ---------------
    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Textual's ``push_screen``, after parsing the screen's style files (``lazy_styles``)."""
        lazy_styles.load_for(self, screen)
        return super().push_screen(screen, *args, **kwargs)

    def switch_screen(self, screen: Screen | str) -> Any:
        """Textual's ``switch_screen``, after parsing the screen's style files."""
        lazy_styles.load_for(self, screen)
        return super().switch_screen(screen)

    def open_meeting(self, conversation_id: int, resumed: bool = False) -> None:
        """Show a meeting; ``resumed``: the app opened it by itself (Esc goes to the start)."""
        from gespreks_tui.tui.screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen(conversation_id, resumed=resumed))

    def show_start(self, ask_name: bool = False) -> None:
        """The start screen, in place of the screen on top (or first of all). With
        ``ask_name`` and no manager's name yet (a first start), the welcome that asks
        it comes first, on its own: the start screen is built once it is answered."""
        if ask_name and not self.manager_name:
            from gespreks_tui.tui.screens.manager_name import ManagerNameScreen

            self.push_screen(ManagerNameScreen(), lambda _: self.show_start())
            return
        from gespreks_tui.tui.screens.start import StartScreen

        if len(self.screen_stack) > 1:
            self.switch_screen(StartScreen())
        else:
            self.push_screen(StartScreen())

    def on_ready(self) -> None:
        from gespreks_tui import startup_gc

        self.call_after_refresh(startup_gc.resume)  # paused by run_app for the start
        if self.backups:
            self.call_after_refresh(self.daily_backup)

    def daily_backup(self) -> None:
        """Today's automatic backup, if there is none yet (at the start, after concluding)."""
        from gespreks_tui import backup
        from gespreks_tui.errors import UserError
        from gespreks_tui.tui.gateway import error_line

        if not (self.backups and self.config.backups_on):
            return
        path, keep = self.store.path, self.config.keep
        today = self.clock.now().astimezone().date().isoformat()

        def make() -> None:  # a worker: copying a large file takes a moment
            try:
                backup.automatic(path, today, keep)
            except UserError as error:
                self.call_from_thread(self.notify, t("backup.automatic_failed",
                                                     reason=error_line(error)),
                                      severity="warning", timeout=8, markup=False)

        self.run_worker(make, thread=True, exit_on_error=False, group="backup")

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

    def watch_theme(self, theme: str) -> None:
        """Remember a theme picked here (f9, the palette) for the next start."""
        if not self._theme_chosen or theme == self._stored_theme:
            return
        self._stored_theme, store = theme, self.store

        def remember() -> None:  # a worker: the database may be busy; not worth a message
            with contextlib.suppress(StoreError):
                store.set_setting(THEME_SETTING, theme)

        self.run_worker(remember, thread=True, exit_on_error=False, group="store")

    def action_toggle_screen_share(self) -> None:
        self.screen_share = not self.screen_share
        value, store = "1" if self.screen_share else "0", self.store

        def remember() -> None:  # a worker, like the theme
            with contextlib.suppress(StoreError):
                store.set_setting(SCREEN_SHARE_SETTING, value)

        self.run_worker(remember, thread=True, exit_on_error=False, group="store")
        self.notify(t("app.screen_share_on" if self.screen_share else "app.screen_share_off"),
                    timeout=6)

    @property
    def manager_name(self) -> str | None:
        try:
            return self.store.get_setting(MANAGER_SETTING)
        except StoreError:
            return None

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then ``CONTROL_PICTURES``: stored text never acts on the terminal."""
        return with_control_pictures(list(super().get_line_filters()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every binding of ours (they all have an id) on this screen, by its description."""
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.id or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            title = binding.description[:1].upper() + binding.description[1:]  # "Opdrachten"
            yield SystemCommand(
                title, f"{action_help(binding)} ({key})",
                lambda node=active.node, action=binding.action: self.run_action(action, node),
            )
        yield from self._textual_commands(screen)

    def _textual_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette entries that are of use here, in the user's language.

        Textual's "Quit" is ours already (ctrl+q saves a running meeting first); its
        "Keys" panel is replaced by ``KeysDialog`` (the panel lists the widgets' own
        bindings too, in English); its "Theme" list gets a Dutch prompt; its
        "Screenshot" is left out: it writes the screen (names, notes) as an SVG to
        the Downloads folder, readable by anyone, outside every rule this app keeps
        for personnel data.
        """
        yield SystemCommand(t("palette.theme"), t("palette.theme_help"),
                            self.action_change_theme)
        yield SystemCommand(t("palette.keys"), t("palette.keys_help"),
                            lambda: self.show_keys(screen))
        # No "maximize": the panes keep their own widths and the key line goes, so the
        # notes showed 19 columns wide on a hatched screen (walk25 F24).
        if screen.maximized is not None:
            yield SystemCommand(t("palette.minimize"), t("palette.minimize_help"),
                                screen.action_minimize)

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        """Every toast with its dates, times and "60 min" kept on one line (walk25 F10)."""
        from gespreks_tui.tui.format import unbroken

        super().notify(unbroken(message), *args, **kwargs)

    def action_help_quit(self) -> None:
        """Ctrl+C outside a text field: Textual's English hint, in the user's language,
        with the quit key as bound (``[keys]``) (walk25 F23)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(t("ui.quit_hint", key=key), title=t("ui.quit_title"),
                            markup=False)
                return

    def show_keys(self, screen: Screen) -> None:
        """Our own list of the keys of ``screen``, in place of Textual's English key panel."""
        from gespreks_tui.tui.screens.keys_dialog import KeysDialog

        self.push_screen(KeysDialog(screen))

    def action_change_theme(self) -> None:
        """Textual's theme list, with its prompt in the user's language."""
        from textual.theme import ThemeProvider

        self.push_screen(command_palette(t("palette.theme_placeholder"),
                                         t("palette.no_matches"), providers=[ThemeProvider]))

    def action_command_palette(self) -> None:
        """The command palette, with its prompt in the user's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(command_palette(t("palette.placeholder"), t("palette.no_matches")))
