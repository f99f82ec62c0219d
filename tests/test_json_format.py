"""Every ``--json`` answer: one object, ``"format": 1`` first, one key per field.

The key names are the database's column names (``cli/json_format.py``), so
``list``, ``show``, ``due``, ``collective list``, ``templates`` and the
``gegevens.json`` of ``person export`` call the same field the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import invoke

TODAY = {"GESPREKS_TODAY": "2026-09-25"}


def answer(*args, env: dict | None = None) -> dict:
    result = invoke(*args, "--json", env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data)[0] == "format" and data["format"] == 1, list(data)
    return data


@pytest.mark.parametrize("command", [("list",), ("show", "2"), ("due", "--within", "1m"),
                                     ("collective", "list", "--all"), ("templates",)])
def test_every_json_answer_is_one_object_with_the_format_first(demo_db: Path, command):
    answer(*command, "--db", demo_db, env=TODAY)


def test_the_same_field_has_the_same_key_everywhere(demo_db: Path, tmp_path: Path):
    db = str(demo_db)
    assert invoke("collective", "add", "BHV-cursus", "--due", "2026-10-01", "--db", db,
                  env=TODAY).exit_code == 0
    rows = {r["id"]: r for r in answer("list", "--db", db)["conversations"]}
    shown = answer("show", "2", "--db", db)
    row = rows[2]
    for key in ("id", "kind", "employee", "manager", "status", "started_at", "sign_off"):
        assert row[key] == shown[key], key
    assert "employee_name" not in shown and "date" not in row
    assert isinstance(shown["employee_id"], int) and isinstance(shown["manager_id"], int)

    due = answer("due", "--within", "1m", "--db", db, env=TODAY)["due"]
    item = next(d for d in due if d["agreement_id"] == 4)
    agreement = next(a for a in shown["agreements"] if a["id"] == 4)
    assert item["due_date"] == agreement["due_date"] == "2026-09-30"
    assert (item["employee"], item["employee_id"], item["conversation_id"]) == (
        shown["employee"], shown["employee_id"], 2)
    assert item["conversation_kind"] == shown["kind"]
    assert answer("collective", "list", "--db", db)["collectives"][0]["due_date"] == "2026-10-01"

    templates = answer("templates", "--db", db)["templates"]
    progress = next(t for t in templates if t["kind"] == "voortgang" and t["language"] == "nl")
    assert [(p["name"], p["planned_seconds"]) for p in progress["phases"]] == [
        (p["name"], p["planned_seconds"]) for p in shown["phases"]]
    assert set(progress["phases"][0]) <= set(shown["phases"][0])

    # the person export's tables use the same names (they are the columns)
    assert invoke("person", "export", "Joris Bakker", "-o", tmp_path / "inzage",
                  "--db", db, env=TODAY).exit_code == 0
    tables = json.loads((tmp_path / "inzage" / "gegevens.json").read_text("utf-8"))["tables"]
    conversation = next(c for c in tables["conversations"] if c["id"] == 2)
    for key in ("kind", "status", "started_at", "employee_id", "manager_id", "planned_seconds",
                "next_evaluation", "language", "time_zone"):
        assert conversation[key] == shown[key], key
    stored = next(a for a in tables["agreements"] if a["id"] == 4)
    for key in ("text", "owner", "due_date", "status", "conversation_id"):
        assert stored[key] == agreement[key], key


def test_due_json_holds_the_open_access_requests_like_the_text(demo_db: Path, tmp_path: Path):
    db = str(demo_db)
    assert invoke("person", "request", "Joris Bakker", "--on", "2026-08-20", "--db", db,
                  env=TODAY).exit_code == 0
    text = invoke("due", "--db", db, env=TODAY).stdout
    assert "Inzageverzoek van Joris Bakker (ontvangen 2026-08-20)" in text
    requests = answer("due", "--db", db, env=TODAY)["access_requests"]
    assert requests == [{"id": 1, "employee_id": 2, "employee": "Joris Bakker",
                         "requested_on": "2026-08-20", "due_date": "2026-09-20",
                         "extended_due_date": "2026-11-20", "answered_on": None,
                         "overdue": True}]
    only_aylin = answer("due", "--employee", "Aylin Yılmaz", "--db", db, env=TODAY)
    assert only_aylin["access_requests"] == []
    # answered by the export: no longer open
    assert invoke("person", "export", "Joris Bakker", "-o", tmp_path / "inzage", "--db", db,
                  env=TODAY).exit_code == 0
    assert answer("due", "--db", db, env=TODAY)["access_requests"] == []


def test_an_empty_answer_keeps_its_shape(tmp_path: Path):
    from gespreks_tui.store import Store

    Store.open(tmp_path / "leeg.db").close()
    db = str(tmp_path / "leeg.db")
    assert answer("list", "--db", db) == {"format": 1, "conversations": []}
    assert answer("due", "--db", db, env=TODAY) == {"format": 1, "due": [],
                                                    "access_requests": []}
    assert answer("collective", "list", "--db", db) == {"format": 1, "collectives": []}
