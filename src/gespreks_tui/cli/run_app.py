"""Starting the Textual app from the command line (imported only when needed)."""

from __future__ import annotations


def run_app(options: dict | None) -> None:
    from gespreks_tui.paths import resolve_db_path
    from gespreks_tui.tui.app import GesprekApp

    app = GesprekApp(db_path=resolve_db_path((options or {}).get("db")))
    app.run()
    if app.exit_message:
        import click

        click.echo(app.exit_message, err=True)
        raise SystemExit(2)
