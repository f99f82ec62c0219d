"""What ``gespreks_tui.tui.textual_compat`` relies on in Textual still holds.

Each function there uses a private part of Textual for a measured reason; a
Textual release that changes that part fails here first.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Static

from gespreks_tui.tui.textual_compat import set_border_subtitle_quietly


class Boxed(App):
    CSS = "Static { border: round white; height: 5; }"

    def compose(self) -> ComposeResult:
        yield Static("inside", id="boxed")


async def test_the_quiet_border_subtitle_is_the_one_textual_draws():
    app = Boxed()
    async with app.run_test(size=(40, 8)) as pilot:
        boxed = app.query_one("#boxed", Static)
        set_border_subtitle_quietly(boxed, "Opgeslagen [b]12:00[/b]")
        await pilot.pause()
        width, height = boxed.outer_size
        lines = [strip.text for strip in boxed.render_lines(Region(0, 0, width, height))]
        assert "Opgeslagen [b]12:00[/b]" in lines[-1]  # drawn, as text (not markup)
        assert "inside" in lines[1]


BROKEN_APP = """
import sys
from gespreks_tui.clock import FakeClock
from gespreks_tui.store import Store
from gespreks_tui.tui.app import GesprekApp

class Broken(GesprekApp):
    def on_ready(self):
        secret = "geheime notitie over Joris"  # a local an ordinary traceback would print
        raise RuntimeError(secret)

store = Store.open(sys.argv[1], clock=FakeClock())
app = Broken(store, clock=FakeClock())
status = app.run_to_end(headless=True, size=(80, 24))
store.close()
sys.exit(status)
"""


def test_an_unexpected_error_ends_the_app_with_one_line_and_a_crash_file(tmp_path, clean_env):
    import stat
    import subprocess
    import sys

    env = {**clean_env, "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-c", BROKEN_APP, str(tmp_path / "g.db")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and "geheime" not in done.stderr
    crashes = list((tmp_path / "state").rglob("crash-*.txt"))
    assert len(crashes) == 1 and str(crashes[0]) in lines[0]
    assert stat.S_IMODE(crashes[0].stat().st_mode) == 0o600
    report = crashes[0].read_text()
    assert "RuntimeError" in report and "on_ready" in report
    assert "geheime" not in report  # neither the message nor the locals


def test_pastes_are_taken_whole_by_the_linux_driver_parser():
    from textual import events
    from textual.drivers import linux_driver

    from gespreks_tui.tui.textual_compat import keep_pastes_whole

    keep_pastes_whole()
    keep_pastes_whole()  # idempotent
    parser = linux_driver.XTermParser(False)
    pasted = "a\x1b]0;titel\x07b\x1b[2Jc\x00d\u202ee"
    raw = "x\x1b[200~" + pasted + "\x1b[201~y"
    events_seen = []
    for cut in (1, 5, 11, len(raw) - 3, len(raw) - 1):  # markers split across reads
        parser = linux_driver.XTermParser(False)
        events_seen = [*parser.feed(raw[:cut]), *parser.feed(raw[cut:])]
        pastes = [e for e in events_seen if isinstance(e, events.Paste)]
        keys = [e.key for e in events_seen if isinstance(e, events.Key)]
        assert [p.text for p in pastes] == [pasted], cut
        assert keys == ["x", "y"], cut


async def test_the_palette_says_no_matches_in_the_users_language(store, clock):
    from textual.command import CommandList

    from helpers import make_app, prepare

    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"zzqqxx")
        await pilot.pause(0.8)  # Textual shows it after half a second
        listed = app.screen.query_one(CommandList)
        texts = [str(listed.get_option_at_index(i).prompt.renderable)
                 for i in range(listed.option_count)]
        assert any("Niets gevonden" in text for text in texts), texts
        assert not any("No matches" in text for text in texts)
