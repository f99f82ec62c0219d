"""The command line's polish: ``list`` in 80 columns with prepared appraisals apart,
cell widths in the tables (wide characters), missing arguments worded as a sentence,
``--prep`` before a command that does not use it, and US dates in English."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len

from cli_helpers import invoke
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.catalogue import t
from gespreks_tui.cli.goal_table import cell_wrap, titled_table
from gespreks_tui.clock import FakeClock
from gespreks_tui.dates import DateError, parse_date
from gespreks_tui.demo import load_demo
from gespreks_tui.model import Kind
from gespreks_tui.store import Store

LONG_NAME = "Maria-Fernanda van den Berghe-Oudshoorn"


def db_with_a_draft(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    store = Store.open(path, clock=FakeClock())
    try:
        load_demo(store)
        person = store.add_person(LONG_NAME)
        held = store.create_conversation(person.id, builtin_agenda(Kind.FUNCTIONERING, "nl"), 60)
        store.conclude(held.id, None)
        joris = store.find_person("Joris Bakker")
        store.create_draft(joris.id, builtin_agenda(Kind.BEOORDELING, "nl"))
    finally:
        store.close()
    return path


def test_list_fits_80_columns_and_keeps_every_fact(tmp_path):
    db = db_with_a_draft(tmp_path)
    result = invoke("list", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(cell_len(line) for line in lines) <= 80, lines
    text = " ".join(result.output.split())
    for word in ("nr", "datum", "soort", "medewerker", "leidinggevende", "status", "open",
                 "afspr.", "Sanne de Vries", "Joris Bakker"):
        assert word in text
    for part in LONG_NAME.replace("-", "- ").split():  # wrapped at words, nothing cut
        assert part in text


def test_list_shows_a_prepared_appraisal_apart_from_the_held_ones(tmp_path):
    db = db_with_a_draft(tmp_path)
    lines = invoke("list", "--db", db).output.splitlines()
    heading = lines.index(t("cli.list.prepared"))
    draft_rows = [line for line in lines if t("procedure.state.concept") in line.split()]
    assert draft_rows and all(lines.index(row) > heading for row in draft_rows)
    held = [line for line in lines if t("status.concluded") in line]
    assert held and all(lines.index(row) < heading for row in held)


def test_goal_table_aligns_wide_characters_by_cell_width():
    rows = [["nr", "medewerker", "soort", "titel"],
            ["1", "山田 太郎", "resultaat", "Een doel 🚀 met een emoji"],
            ["22", "Joris Bakker", "ontwikkeling", "Cursus afronden"]]
    lines = titled_table(rows, wrappable={1, 2})
    facts = [line for line in lines if not line.startswith("    ")]
    # the third column starts at the same cell on every row
    starts = {cell_len(line[:line.index(word)]) for line, word in
              zip(facts, ["soort", "resultaat", "ontwikkeling"], strict=True)}
    assert len(starts) == 1, facts


def test_cell_wrap_counts_cells():
    lines = cell_wrap("日本語 日本語 日本語", 13)
    assert lines == ["日本語 日本語", "日本語"]
    assert all(cell_len(line) <= 13 for line in lines)


@pytest.mark.parametrize(("lang", "args", "expected"), [
    ("nl", ("show",), "Het argument ID ontbreekt. Zie 'gespreks show --help'."),
    ("en", ("show",), "The argument ID is missing. See 'gespreks show --help'."),
    ("nl", ("handover", "2"),
     "De optie --via ontbreekt. Kies uit: email, paper, screen. "
     "Zie 'gespreks handover --help'."),
])
def test_a_missing_argument_is_one_natural_sentence(gespreks_script, clean_env, tmp_path,
                                                     lang, args, expected):
    db = db_with_a_draft(tmp_path)
    done = subprocess.run([str(gespreks_script), "--db", str(db), "--lang", lang, *args],
                          capture_output=True, text=True, env=clean_env, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == expected


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_prep_before_a_command_that_does_not_use_it_says_so(gespreks_script, clean_env,
                                                            tmp_path, lang):
    db = db_with_a_draft(tmp_path)
    done = subprocess.run([str(gespreks_script), "--db", str(db), "--lang", lang,
                           "--prep", str(tmp_path / "nope.md"), "list"],
                          capture_output=True, text=True, env=clean_env, timeout=60)
    assert done.returncode == 0  # the list is still shown
    assert "Joris Bakker" in done.stdout
    said = done.stderr.strip().splitlines()
    assert said == [t("cli.prep_unused", lang=lang, command="gespreks list")]


TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("12/31/2027", "en", date(2027, 12, 31)),  # the US order, unambiguous
    ("12/31/2027", "nl", date(2027, 12, 31)),  # only one order makes it a date
    ("31/12/2027", "en", date(2027, 12, 31)),
    ("31-12-2027", "nl", date(2027, 12, 31)),
    ("03/04/2027", "en", date(2027, 3, 4)),  # ambiguous: the language's convention
    ("03/04/2027", "nl", date(2027, 4, 3)),
    ("3-4-2027", "en", date(2027, 4, 3)),  # dashes are day-month in both
    ("1.3.2027", "en", date(2027, 3, 1)),
])
def test_numeric_dates_follow_the_language(text, lang, expected):
    assert parse_date(text, TODAY, lang) == expected


def test_a_date_that_is_no_date_in_either_order_is_refused():
    with pytest.raises(DateError):
        parse_date("13/13/2027", TODAY, "en")
    with pytest.raises(DateError):
        parse_date("1-3/2027", TODAY, "nl")  # one separator, not two kinds


def test_the_form_shows_an_ambiguous_date_written_out():
    from gespreks_tui.catalogue import set_language
    from gespreks_tui.tui.format import date_feedback

    set_language("en")
    ok, parsed, shown = date_feedback("03/04/2027", TODAY, "en")
    assert ok and parsed == date(2027, 3, 4) and "Mar" in shown and "2027" in shown
    set_language("nl")
    ok, parsed, shown = date_feedback("03/04/2027", TODAY, "nl")
    assert ok and parsed == date(2027, 4, 3) and "apr" in shown


@pytest.mark.parametrize(("lang", "said"), [("en", "03/04/2027 read as 4 March 2027."),
                                            ("nl", "03/04/2027 gelezen als 3 april 2027.")])
def test_an_ambiguous_date_on_the_command_line_is_said_back(tmp_path, lang, said):
    db = db_with_a_draft(tmp_path)
    result = invoke("--lang", lang, "collective", "add", "Enquête invullen", "--due",
                    "03/04/2027", "--employees", "Joris Bakker", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == said
    plain = invoke("--lang", lang, "collective", "add", "Enquête invullen", "--due",
                   "31/12/2027", "--employees", "Joris Bakker", "--db", db)
    assert plain.exit_code == 0 and plain.stderr == ""  # only one order: nothing to say
