"""Scrollbar thumbs on whole cells (issue 16: a thin partial block at a thumb's end
read as a second thumb in many terminal fonts)."""

from __future__ import annotations

from textual.scrollbar import ScrollBar, ScrollBarRender

from gespreks_tui.tui.widgets.scrollbars import WholeCellScrollBarRender, use_whole_cell_scrollbars

PARTIAL = set("▁▂▃▄▅▆▇▉▊▋▌▍▎▏")


def _drawn(render: type[ScrollBarRender], vertical: bool) -> str:
    bar = render.render_bar(size=10, virtual_size=37, window_size=10, position=7.3,
                            vertical=vertical)
    return "".join(segment.text for segment in bar.segments)


def test_textual_draws_partial_blocks_and_ours_does_not():
    assert PARTIAL & set(_drawn(ScrollBarRender, True))  # the case is a real one
    for vertical in (True, False):
        assert not PARTIAL & set(_drawn(WholeCellScrollBarRender, vertical))


async def test_the_app_uses_whole_cell_thumbs(tmp_path):
    from gespreks_tui.store import Store
    from gespreks_tui.tui.app import GesprekApp

    before = ScrollBar.renderer
    store = Store.open(tmp_path / "d.db")
    try:
        GesprekApp(store)
        assert ScrollBar.renderer is WholeCellScrollBarRender
    finally:
        ScrollBar.renderer = before
        store.close()
    use_whole_cell_scrollbars()
    assert ScrollBar.renderer is WholeCellScrollBarRender
    ScrollBar.renderer = before
