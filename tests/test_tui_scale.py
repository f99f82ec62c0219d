"""Issue 18 in the app: scoring on the template's own scale, with its behavioural
indicators, through to the minutes; snapshots of the scoring phase."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.widgets import Label, RadioButton

from gespreks_tui.minutes import render_minutes
from gespreks_tui.tui.widgets.scores_panel import OVERALL, CommentArea, ScoreSet, ScoresPanel
from helpers import make_app, meeting, prepare, saved, visible_text

THREE_POINTS = """\
# Beoordeling

## Terugblik (10 min)

- Hoe ging het jaar?

## Beoordeling (30 min)

### Competenties

- Vakmanschap
  - maakt het werk af volgens de afspraken
  - vraagt hulp als iets niet lukt
- Samenwerking

### Schaal

1. beneden verwachting
2. naar verwachting
3. boven verwachting

Totaaloordeel: nee
"""


@pytest.fixture
def three_point_template(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    (folder / "templates").mkdir(parents=True)
    path = folder / "templates" / "beoordeling.nl.md"
    path.write_text(THREE_POINTS, encoding="utf-8")
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    return path


async def _scoring_phase(pilot):
    await pilot.click("#kind-beoordeling")
    await pilot.press("ctrl+s")
    await pilot.pause()
    screen = meeting(pilot.app)
    await pilot.press("ctrl+f")
    await pilot.pause()
    return screen, screen.query_one(ScoresPanel)


def _indicators_shown(row) -> bool:
    found = row.query(".score-indicators")
    return bool(found) and found.first().display and found.first().region.height > 0


async def test_a_three_point_template_is_scored_with_keys_1_to_3(
        store, clock, three_point_template):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, panel = await _scoring_phase(pilot)
        rows = list(panel.query(".score-row"))
        assert len(rows) == 2  # two criteria, and this scale asks no overall judgment
        assert [len(row.query(RadioButton)) for row in rows] == [3, 3]
        legend = visible_text(panel.query_one(".score-legend", Label))
        # a point and its label are joined by a no-break space (walk25 F25)
        assert legend.replace("\u00a0", " ") == (
            "Schaal: 1 beneden verwachting · 2 naar verwachting · 3 boven verwachting")
        first, second = rows
        assert not _indicators_shown(first)
        first.query_one(ScoreSet).focus()
        await pilot.pause()
        assert _indicators_shown(first) and not _indicators_shown(second)
        shown = visible_text(first.query_one(".score-indicators", Label))
        assert "maakt het werk af volgens de afspraken" in shown
        await pilot.press("4")  # not on this scale: nothing chosen
        await pilot.pause()
        assert first.query_one(ScoreSet).pressed_button is None
        await pilot.press("3")
        await pilot.pause()
        assert visible_text(first.query_one(".chosen", Label)) == "boven verwachting"
        second.query_one(CommentArea).focus()
        await pilot.pause()
        await pilot.pause()
        assert not _indicators_shown(first)  # the indicators follow the highlighted criterion
        await pilot.press("2")  # typed into the comment, not a score
        await saved(pilot)
        conversation_id = screen.conversation_id
    scores = store.scores(conversation_id)
    assert [(s.criterion, s.score, s.comment) for s in scores] == [
        ("Vakmanschap", 3, ""), ("Samenwerking", None, "2")]
    store.conclude(conversation_id, "2027-11-01")
    markdown = render_minutes(store, conversation_id).markdown
    assert "| Vakmanschap | boven verwachting |  |" in markdown
    assert "Schaal: 1 beneden verwachting · 2 naar verwachting · 3 boven verwachting" in markdown


async def test_the_builtin_five_point_scale_is_scored_and_shown_in_words(store, clock):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel = await _scoring_phase(pilot)
        rows = list(panel.query(".score-row"))
        criteria = screen.conversation.phases[1].criteria
        assert len(rows) == len(criteria) + 1  # and the overall judgment
        assert all(len(row.query(RadioButton)) == 5 for row in rows)
        first, overall = rows[0], rows[-1]
        first.query_one(ScoreSet).focus()
        await pilot.press("5")
        await pilot.pause()
        chosen = first.query_one(".chosen", Label)
        assert visible_text(chosen) == "uitstekend"
        # the chosen score reads without colour: a filled dot, and its label in words
        pressed = first.query_one(ScoreSet).pressed_button
        assert pressed is not None and "●" in str(pressed.render())
        inside = panel.content_region
        comment = first.query_one(CommentArea)
        assert comment.region.width >= 40 and comment.region.right <= inside.right
        assert _indicators_shown(first)
        indicators = first.query_one(".score-indicators")
        assert indicators.region.bottom <= inside.bottom  # on screen while scoring
        overall.query_one(ScoreSet).focus()
        await pilot.press("2")
        assert _indicators_shown(overall) is False and not _indicators_shown(first)
        screen.text_area.focus()  # back to the notes: no criterion is highlighted
        await pilot.pause()
        assert not any(row.has_class("-current") for row in rows)
        await saved(pilot)
        conversation_id = screen.conversation_id
    assert [(s.position, s.score) for s in store.scores(conversation_id)] == [(0, 5)]
    assert store.overall(conversation_id) == (2, "")
    store.conclude(conversation_id, "2027-11-01")
    markdown = render_minutes(store, conversation_id).markdown
    assert f"| {criteria[0]} | uitstekend |  |" in markdown
    assert "- Totaaloordeel: matig" in markdown
    assert markdown.count("Schaal: 1 onvoldoende · 2 matig · 3 voldoende · 4 goed · "
                          "5 uitstekend") == 1


async def test_a_read_only_panel_keeps_its_scores_and_takes_no_keys(store, clock):
    from textual.app import App

    from gespreks_tui.appraisal_scale import Scale
    from gespreks_tui.model_records import Score

    class Host(App):
        def compose(self):
            yield ScoresPanel(("Vakkennis",), [Score(0, "Vakkennis", 2, "ok")], (None, ""),
                              read_only=True, scale=Scale(("laag", "midden", "hoog"), False),
                              indicators=(("weet het",),))

    async with Host().run_test(size=(80, 24)) as pilot:
        panel = pilot.app.query_one(ScoresPanel)
        rows = list(panel.query(".score-row"))
        assert len(rows) == 1  # no overall judgment on this scale
        assert visible_text(rows[0].query_one(".chosen", Label)) == "midden"
        assert panel.query_one(ScoreSet).disabled
        assert OVERALL == -1


# --- snapshots ---------------------------------------------------------------------------

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_snapshot_scoring_on_five_points_with_indicators(snap_compare, store, clock, size,
                                                          _utc):
    prepare(store, "Joris Bakker")
    app = make_app(store, clock)

    async def run(pilot):
        screen, panel = await _scoring_phase(pilot)
        first = panel.query(".score-row").first()
        first.query_one(CommentArea).value = "Sterk in analyse, soms te snel"
        first.query_one(ScoreSet).focus()
        await pilot.press("4")
        clock.advance(60)
        screen.save_all()
        screen.tick()
        for field in pilot.app.screen.query(CommentArea):
            field.cursor_blink = False
        screen.text_area.cursor_blink = False
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run)
