"""Starting the Textual app from the command line (imported only when needed)."""

from __future__ import annotations


def run_app(options: dict | None) -> None:
    """Open the database first (a bad file is one line on stderr), then the app."""
    from gespreks_tui import startup_gc

    startup_gc.pause()  # the app resumes it after its first frame
    from gespreks_tui.paths import resolve_db_path
    from gespreks_tui.store import Store
    from gespreks_tui.tui.app import GesprekApp

    options = options or {}
    store = Store.open(resolve_db_path(options.get("db")))
    prep = options.get("prep")
    try:
        status = GesprekApp(store, prep_path=str(prep) if prep else None,
                            backups=True).run_to_end()
    finally:
        store.close()
    if status:
        raise SystemExit(status)
