"""What opening the database put right is told in the app, once, as a warning."""

from __future__ import annotations

import os
import stat

from gespreks_tui.store import Store
from helpers import make_app, prepare


async def test_loose_permissions_are_tightened_and_said_in_the_app(db_path, clock):
    first = Store.open(db_path, clock=clock)
    prepare(first, "Joris Bakker")
    first.close()
    os.chmod(db_path, 0o644)  # as `touch` under umask 022 leaves a file
    store = Store.open(db_path, clock=clock)
    try:
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
        assert store.notices and str(db_path) in store.notices[0]
        app = make_app(store, clock)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            shown = [str(n.message) for n in app._notifications]
            assert store.notices[0] in shown
    finally:
        store.close()
