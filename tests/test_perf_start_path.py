"""Start-up work that issue 19 took out, kept out: each check can fail.

- ``FittedMixin.fitted`` fits its runs once per width and runs (layout, render
  and the agreements' share asked for the same lines several times a frame).
- ``display_time`` reads a zone from the tzdata package's own file, and gives
  the same zone as the standard library.
- The record's and the cycle's dataclasses live outside ``model``, which the
  start path imports.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import pytest
from textual.app import App
from textual.content import Content

from gespreks_tui.tui.widgets import fitted as fitted_module
from gespreks_tui.tui.widgets.fitted import FittedText, fit, parts_run, text_run


def _runs(text: str):
    return (text_run(text), parts_run(["31 mrt 2027", "Joris Bakker"]))


def test_fitted_lines_are_fitted_once_per_width_until_the_runs_change(monkeypatch):
    widget = FittedText(_runs("een afspraak die over meer dan een regel loopt"))
    calls: list[int] = []

    def counted(runs, width):
        calls.append(width)
        return fit(runs, width)

    monkeypatch.setattr(fitted_module, "fit", counted)
    first = widget.fitted(12)
    assert widget.fitted(12) is first  # the same lines, not fitted again
    assert [line.plain for line in first] == [line.plain for line in fit(widget.runs, 12)]
    widget.fitted(30)
    widget.fitted(12)
    assert calls == [12, 30]
    widget.runs = _runs("iets anders")  # new runs: fitted anew
    assert [line.plain for line in widget.fitted(12)] == ["iets anders", "31 mrt 2027",
                                                          "Joris Bakker"]
    assert calls == [12, 30, 12]


async def test_a_fitted_text_shows_its_new_runs_at_once():
    class Host(App):
        def compose(self):
            yield FittedText(_runs("eerst"), id="text")

    app = Host()
    async with app.run_test(size=(40, 6)) as pilot:
        widget = app.query_one("#text", FittedText)
        assert widget.render().plain.startswith("eerst")
        widget.show_runs([text_run("daarna veel langer dan de regel breed is, echt")])
        await pilot.pause()
        lines = widget.render().plain.splitlines()
        assert lines[0].startswith("daarna") and len(lines) == 2
        assert widget.size.height == 2
        assert isinstance(widget.render(), Content)


@pytest.mark.parametrize("name", ["Europe/Amsterdam", "America/Argentina/Buenos_Aires",
                                  "UTC", "Asia/Kolkata"])
def test_a_zone_read_from_the_tzdata_file_is_the_standard_librarys(name):
    from zoneinfo import ZoneInfo

    from gespreks_tui.display_time import _load, _tzdata_file

    assert _tzdata_file(name).is_file()
    ours, theirs = _load(name), ZoneInfo(name)
    for moment in ("2026-03-29T00:30:00", "2026-10-25T01:30:00", "2027-07-01T12:00:00"):
        utc = datetime.fromisoformat(moment + "+00:00")
        assert utc.astimezone(ours).utcoffset() == utc.astimezone(theirs).utcoffset()


def test_no_name_reaches_outside_the_zone_files():
    from gespreks_tui.display_time import is_zone

    assert not is_zone("../../etc/passwd")
    assert not is_zone("Europe")  # a folder, not a zone
    assert not is_zone("Nowhere/Atlantis")


def test_the_model_leaves_the_records_and_trails_to_their_own_modules():
    code = ("import sys, gespreks_tui.model, gespreks_tui.store; "
            "print(sorted(m for m in sys.modules if m.startswith('gespreks_tui.model')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['gespreks_tui.model']"
    from gespreks_tui import model, model_cycle, model_records

    assert not hasattr(model, "Revision") and not hasattr(model, "TrailStep")
    assert model_records.Confirmation.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert model_cycle.TrailStep.__module__ == "gespreks_tui.model_cycle"


def test_the_notes_wrap_keeps_no_break_spaces_as_textual_is_told_to():
    """``keep_no_break_spaces`` (applied by every ``GesprekApp``) changes Textual's
    wrap; the notes' own wrap (``line_wrap``) follows it, or the height index and
    Textual's rows disagree on a line with "2 dec 2026" in it."""
    from textual._wrap import compute_wrap_offsets

    from gespreks_tui.tui.line_wrap import narrow_wrap
    from gespreks_tui.tui.textual_compat import keep_no_break_spaces

    keep_no_break_spaces()
    line = "afspraak tot 2\u00a0dec\u00a02026 en daarna 60\u00a0min overleg " * 3
    for width in range(6, 40):
        assert narrow_wrap(line, width) == compute_wrap_offsets(line, width, 4), width
        assert line.index("dec") == 15
        assert 15 not in narrow_wrap(line, width)  # never between "2" and "dec"
