"""The manager's side of preparing a beoordeling on the command line: form, read, export."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from cli_helpers import invoke, one_line_failure, row_counts
from gespreks_tui.draft_form import Draft, DraftError, Entry, parse_assessment
from gespreks_tui.model import Status
from gespreks_tui.store import Store
from helpers import MANAGER, prepare

JORIS = "Joris Bakker"


@pytest.fixture
def team_db(db_path: Path, clock) -> Path:
    store = Store.open(db_path, clock=clock, create=True)
    prepare(store, JORIS, "Aylin Yılmaz")
    store.close()
    return db_path


def _form(db: Path, tmp_path: Path, *extra: str) -> tuple[Path, str]:
    out = tmp_path / "beoordeling.md"
    result = invoke("--db", db, "prepare", JORIS, "--kind", "beoordeling", "--assessment",
                    "-o", out, *extra)
    assert result.exit_code == 0, result.output
    return out, out.read_text(encoding="utf-8")


def _fill(text: str, score: str, comment: str, nth: int = 1) -> str:
    """Write ``score`` and ``comment`` in the ``nth`` criterion's section."""
    head, *sections = text.split("\n## ")
    section = sections[nth - 1]
    section = section.replace("Score:", f"Score: {score}", 1)
    section = section.replace("Toelichting:\n", f"Toelichting:\n{comment}\n", 1)
    sections[nth - 1] = section
    return "\n## ".join([head, *sections])


def _criteria(db: Path) -> list[str]:
    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.model import Kind

    return [n for p in builtin_agenda(Kind.BEOORDELING).phases for n in p.criteria]


def test_the_form_round_trip_stores_a_draft(team_db: Path, tmp_path: Path, clock):
    out, text = _form(team_db, tmp_path)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Concept beoordeling: beoordelingsgesprek · Joris Bakker" in text
    assert "Schaal: 1 onvoldoende · 2 matig · 3 voldoende · 4 goed · 5 uitstekend" in text
    criteria = _criteria(team_db)
    assert all(f"## {name}" in text for name in criteria)
    filled = _fill(_fill(text, "4", "Deelt kennis.\n\n- ook met stagiairs"), "matig",
                   "Plant te krap.", nth=2)
    filled = _fill(filled, "3 voldoende", "", nth=len(criteria) + 1)  # the overall judgment
    out.write_text(filled.replace("\n", "\r\n"), encoding="utf-8")  # CRLF is fine
    result = invoke("--db", team_db, "draft", "read", JORIS, out)
    assert result.exit_code == 0, result.output
    assert "opgeslagen als gesprek" in result.output
    store = Store.open(team_db, clock=clock)
    try:
        (draft,) = store.list_conversations()
        assert draft.status == Status.DRAFT
        assert store.draft_values(draft.id) == Draft(
            {0: Entry(4, "Deelt kennis.\n\n- ook met stagiairs"), 1: Entry(2, "Plant te krap.")},
            Entry(3, ""))
    finally:
        store.close()
    again = invoke("--db", team_db, "draft", "form", JORIS)  # to the screen, filled in
    assert "Score: 4 goed" in again.output and "Plant te krap." in again.output


def test_export_for_the_employee_is_marked_concept(team_db: Path, tmp_path: Path):
    out, text = _form(team_db, tmp_path)
    out.write_text(_fill(text, "2", "Moet sneller."), encoding="utf-8")
    assert invoke("--db", team_db, "draft", "read", JORIS, out).exit_code == 0
    md, pdf = tmp_path / "concept.md", tmp_path / "concept.pdf"
    result = invoke("--db", team_db, "draft", "export", JORIS, "-o", md)
    assert result.exit_code == 0, result.output
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Concept-beoordeling van Joris Bakker\n")
    assert "**CONCEPT**" in text and "Score: 2 matig" in text and "Moet sneller." in text
    assert all(line.startswith("## Concept · ") for line in text.splitlines()
               if line.startswith("## "))
    assert invoke("--db", team_db, "draft", "export", JORIS, "-o", pdf).exit_code == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    for path in (md, pdf):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    refused = invoke("--db", team_db, "draft", "export", JORIS, "-o", md)
    assert "--force" in one_line_failure(refused, 1)


def test_a_second_draft_is_refused_unless_replaced(team_db: Path, tmp_path: Path, clock):
    out, text = _form(team_db, tmp_path)
    out.write_text(_fill(text, "2", "eerste"), encoding="utf-8")
    assert invoke("--db", team_db, "draft", "read", JORIS, out).exit_code == 0
    out.write_text(_fill(text, "5", "tweede"), encoding="utf-8")
    line = one_line_failure(invoke("--db", team_db, "draft", "read", JORIS, out), 1)
    assert "al een voorbereide beoordeling van Joris Bakker" in line and "--replace" in line
    result = invoke("--db", team_db, "draft", "read", JORIS, out, "--replace")
    assert result.exit_code == 0 and "bijgewerkt" in result.output
    store = Store.open(team_db, clock=clock)
    try:
        (draft,) = store.list_conversations()
        assert store.draft_values(draft.id).scores == {0: Entry(5, "tweede")}
    finally:
        store.close()


@pytest.mark.parametrize("who, words", [
    (MANAGER, "is de leidinggevende"),
    ("Niemand Bekend", "Er is niemand met de naam"),
])
def test_a_draft_for_someone_who_is_not_an_employee(team_db: Path, tmp_path: Path, who,
                                                     words):
    form = tmp_path / "f.md"
    _, text = _form(team_db, tmp_path)
    form.write_text(text.replace(JORIS, who), encoding="utf-8")
    before = row_counts(team_db)
    line = one_line_failure(invoke("--db", team_db, "draft", "read", who, form), 1)
    assert words in line
    assert row_counts(team_db) == before


@pytest.mark.parametrize("score", ["6", "0", "fantastisch", "2 goed"])
def test_an_impossible_score_stores_nothing(team_db: Path, tmp_path: Path, score):
    out, text = _form(team_db, tmp_path)
    out.write_text(_fill(_fill(text, "3", "prima"), score, "", nth=2), encoding="utf-8")
    before = row_counts(team_db)
    line = one_line_failure(invoke("--db", team_db, "draft", "read", JORIS, out), 1)
    assert f"'{score}'" in line and "niet op de schaal" in line
    assert row_counts(team_db) == before


def test_a_form_for_another_employee_is_refused(team_db: Path, tmp_path: Path):
    out, text = _form(team_db, tmp_path)
    before = row_counts(team_db)
    line = one_line_failure(invoke("--db", team_db, "draft", "read", "Aylin Yılmaz", out), 1)
    assert "van Joris Bakker, niet van Aylin Yılmaz" in line
    assert row_counts(team_db) == before


def test_assessment_goes_with_the_beoordeling_and_the_preparation_is_untouched(
        team_db: Path):
    line = one_line_failure(invoke("--db", team_db, "prepare", JORIS, "--assessment"), 1)
    assert "--kind beoordeling" in line
    plain = invoke("--db", team_db, "prepare", JORIS)  # the employee's form, as before
    assert plain.exit_code == 0 and "Voorbereiding: voortgangsgesprek" in plain.output


def test_the_parser_refuses_what_is_not_a_form_and_unknown_criteria():
    from gespreks_tui.appraisal_scale import legacy_scale

    scale = legacy_scale("nl")
    with pytest.raises(DraftError) as refused:
        parse_assessment("# Voorbereiding\n\nVoorbereiding: voortgangsgesprek · Joris\n",
                         "Joris", ["Vakkennis"], scale)
    assert refused.value.key == "draft.form.not_a_form"
    form = "Concept beoordeling: beoordelingsgesprek · Joris\n\n## {}\n\nScore: 2\n"
    with pytest.raises(DraftError) as refused:
        parse_assessment(form.format("Vakkennis") + "\n## Vakkennis\n\nScore: 3\n", "Joris",
                         ["Vakkennis"], scale)
    assert refused.value.key == "draft.form.duplicate_criterion"
    with pytest.raises(DraftError) as refused:
        parse_assessment(form.format("Koken"), "Joris", ["Vakkennis"], scale)
    assert refused.value.key == "draft.form.unknown_criterion"
    english = "Draft appraisal: appraisal conversation · Joris\n\n## Vakkennis\n\n" \
              "Score: voldoende\n\nExplanation: fine\n\n## Overall judgment\n\nScore: 4\n"
    parsed = parse_assessment(english, "joris", ["Vakkennis"], scale)
    assert parsed == Draft({0: Entry(2, "fine")}, Entry(4, ""))


def test_show_gives_the_scale_and_the_draft_beside_the_meeting(team_db: Path, clock):
    """``show --json``: every key it had, plus the scale and, per criterion, the draft;
    plain ``show`` says what the meeting changed in the draft."""
    import json

    from gespreks_tui.agendas import builtin_agenda
    from gespreks_tui.model import Kind

    store = Store.open(team_db, clock=clock)
    try:
        joris, manager = store.find_person(JORIS), store.find_person(MANAGER)
        made = store.create_draft(
            joris.id, builtin_agenda(Kind.BEOORDELING, "nl"), manager_id=manager.id,
            language="nl", draft=Draft({0: Entry(3, "Deelt kennis."), 1: Entry(2, "")},
                                       Entry(3, "Een goed jaar.")))
        store.start_draft(made.id)
        criteria = _criteria(team_db)
        store.save_score(made.id, 0, criteria[0], 4, "Deelt kennis.")
        store.conclude(made.id, None)
        plain = store.create_conversation(store.find_person("Aylin Yılmaz").id,
                                          builtin_agenda(Kind.BEOORDELING, "nl"), 60)
        store.save_score(plain.id, 0, criteria[0], 2, "")
    finally:
        store.close()
    drafted = json.loads(invoke("show", str(made.id), "--json", "--db", team_db).output)
    other = json.loads(invoke("show", str(plain.id), "--json", "--db", team_db).output)
    for data in (drafted, other):  # the keys users and scripts rely on are all there
        assert {"id", "kind", "employee", "scale", "phases", "agreements", "scores",
                "minutes", "sign_off", "procedure"} <= set(data)
        assert {"criteria", "overall"} <= set(data["scores"])
        assert data["scores"]["scale"] == {
            "points": 5, "labels": ["onvoldoende", "matig", "voldoende", "goed", "uitstekend"],
            "overall": True, "stored": True}
    first, second = drafted["scores"]["criteria"][:2]
    assert (first["score"], first["draft"], first["changed_in_meeting"]) == (
        4, {"score": 3, "comment": "Deelt kennis."}, True)
    assert (second["score"], second["draft"], second["changed_in_meeting"]) == (
        2, {"score": 2, "comment": ""}, False)
    assert drafted["scores"]["overall"]["draft"] == {"score": 3, "comment": "Een goed jaar."}
    assert drafted["scores"]["drafted_at"] == "2026-11-02T09:00:00+00:00"
    assert other["scores"]["drafted_at"] is None
    assert all("draft" not in c for c in other["scores"]["criteria"])
    assert "draft" not in other["scores"]["overall"]
    text = invoke("show", str(made.id), "--db", team_db).output
    assert f"{criteria[0]}: aangepast in het gesprek (concept: 3 voldoende, toelichting: " \
           "Deelt kennis.)" in text
    assert f"{criteria[1]}: aangepast" not in text
    assert "Voorbereide beoordeling" not in invoke("show", str(plain.id), "--db", team_db).output
