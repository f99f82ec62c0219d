"""Preparation forms: written for an employee, filled in as they would, parsed back."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from gespreks_tui.agendas import AgendaTemplate, PhaseTemplate, builtin_agenda
from gespreks_tui.catalogue import t
from gespreks_tui.cli import build_cli
from gespreks_tui.clock import FakeClock
from gespreks_tui.model import Kind
from gespreks_tui.prepare import (
    PreparationError,
    parse_preparation,
    preparation_form,
    read_preparation,
    write_private,
)
from gespreks_tui.store import Store

JORIS = "Joris Bakker"
ODD_NAME = "Anne-Marie *de* [Boer] #1"
PORTAL = "Klantportaal live met minstens 200 *actieve* gebruikers #doel"


def invoke(*args: str):
    return CliRunner().invoke(build_cli(), list(args))


@pytest.fixture
def config(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    return folder


@pytest.fixture
def team_db(tmp_path: Path) -> Path:
    """Joris with two open agreements and one done; Anne-Marie with none."""
    path = tmp_path / "team.db"
    store = Store.open(path, clock=FakeClock())
    try:
        joris = store.add_person(JORIS)
        store.add_person(ODD_NAME)
        earlier = store.create_conversation(joris.id, builtin_agenda("doelstelling"), 60)
        store.add_agreement(earlier.id, PORTAL, "employee", "2026-10-01")
        store.add_agreement(earlier.id, "Elke maand een één-op-één", "both")
        done = store.add_agreement(earlier.id, "Cursus afronden", "employee")
        store.update_agreement(done.id, status="done")
    finally:
        store.close()
    return path


def fill_in(form: str, answers: dict[str, str]) -> str:
    """Write each answer under the question (a line of the form), after 'Antwoord:'."""
    lines = form.split("\n")
    for question, answer in answers.items():
        at = lines.index(question)
        marker = next(i for i in range(at, len(lines)) if lines[i].endswith(":"))
        lines[marker + 1:marker + 1] = answer.split("\n")
    return "\n".join(lines)


# --- the form --------------------------------------------------------------------------

def test_prepare_writes_an_owner_only_form_with_questions_and_open_agreements(
        team_db: Path, tmp_path: Path, config: Path):
    out = tmp_path / "form.md"
    result = invoke("--db", str(team_db), "prepare", "joris bakker", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert t("prepare.done", employee=JORIS, path=out) in result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    form = out.read_text(encoding="utf-8")
    assert "\nVoorbereiding: voortgangsgesprek · Joris Bakker\n" in form
    for phase in builtin_agenda("voortgang").phases:
        assert f"\n## {phase.name}\n" in form
        for question in phase.questions:
            assert f"\n### {question}\n\nAntwoord:\n" in form
    assert "## Open afspraken" in form
    assert "Klantportaal live met minstens 200 \\*actieve\\* gebruikers \\#doel" in form
    assert "Elke maand een één-op-één (beiden, uiterlijk geen datum)" in form
    assert "Cursus afronden" not in form  # done, so nothing to reflect on
    assert list(tmp_path.glob(".form.md.*")) == []  # no temp file left behind


def test_prepare_refuses_to_overwrite_a_form_without_force(team_db: Path, tmp_path: Path,
                                                          config: Path):
    out = tmp_path / "form.md"
    out.write_text("al ingevuld")
    result = invoke("--db", str(team_db), "prepare", JORIS, "-o", str(out))
    assert result.exit_code == 1
    assert t("prepare.exists", path=out) in result.output
    assert out.read_text() == "al ingevuld"
    forced = invoke("--db", str(team_db), "prepare", JORIS, "-o", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert out.read_text().startswith("# Voorbereiding")


def test_prepare_in_english_for_another_kind_to_the_screen(team_db: Path, config: Path):
    result = invoke("--db", str(team_db), "prepare", JORIS, "--kind", "beoordeling",
                    "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "\nPreparation: appraisal · Joris Bakker\n" in result.output
    assert "\n## Rating per criterion\n" in result.output
    assert "\n## Open agreements\n" in result.output
    assert "\nAnswer:\n" in result.output


def test_prepare_with_a_dash_writes_to_the_screen_not_a_file(team_db: Path, config: Path,
                                                             tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("--db", str(team_db), "prepare", JORIS, "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Voorbereiding")
    assert not (tmp_path / "-").exists()


def test_prepare_for_an_unknown_employee(team_db: Path, config: Path):
    result = invoke("--db", str(team_db), "prepare", "Niemand Bekend", "-o", "x.md")
    assert result.exit_code == 1
    assert t("person.not_found", name="Niemand Bekend") in result.output


def test_prepare_uses_the_users_template_and_reports_a_broken_one(
        team_db: Path, tmp_path: Path, config: Path):
    folder = config / "templates"
    folder.mkdir(parents=True)
    (folder / "voortgang.nl.md").write_text("# Eigen\n\n## Kort (5 min)\n\n- Hoe gaat het?\n")
    (folder / "functionering.nl.md").write_text("# Kapot\n")
    result = invoke("--db", str(team_db), "prepare", JORIS)
    assert "\n## Kort\n\n### Hoe gaat het?\n" in result.output
    broken = CliRunner().invoke(build_cli(), ["--db", str(team_db), "prepare", JORIS,
                                              "--kind", "functionering"])
    assert broken.exit_code == 0
    assert f"{folder / 'functionering.nl.md'}:1: " in broken.output  # on stderr
    assert "\n## Wederzijdse feedback\n" in broken.output  # the built-in one


def test_prepare_into_a_missing_folder_is_one_clear_line(team_db: Path, tmp_path: Path,
                                                         config: Path):
    out = tmp_path / "nowhere" / "form.md"
    result = invoke("--db", str(team_db), "prepare", JORIS, "-o", str(out))
    assert result.exit_code == 1
    assert str(out) in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def test_write_private_replaces_the_file_whole_and_owner_only(tmp_path: Path):
    path = tmp_path / "f.md"
    path.write_text("oud")
    path.chmod(0o644)
    write_private(path, "nieuw\n")
    assert path.read_text() == "nieuw\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# --- filled in and read back -----------------------------------------------------------

def _form(name: str = JORIS, kind: str = "voortgang", lang: str = "nl", agreements=()):
    return preparation_form(name, kind, lang, builtin_agenda(kind, lang), agreements)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_filled_in_form_gives_the_answers_per_phase(
        team_db: Path, tmp_path: Path, config: Path, newline: str):
    out = tmp_path / "form.md"
    assert invoke("--db", str(team_db), "prepare", JORIS, "-o", str(out)).exit_code == 0
    form = out.read_text(encoding="utf-8")
    filled = fill_in(form, {
        "### Welke doelen van de afgelopen periode zijn gehaald, en welke niet?":
            "Het portaal is live.\n\n\n\nDe migratie liep uit:\n- te weinig testers\n"
            "- een late leverancier",
        "### Waar liep je tegenaan, en hoe heb je dat aangepakt?":
            "Planning.\nIk heb wekelijks bijgestuurd.",
        "### Waar wil je over een jaar staan?": "Als **projectleider**.",
        f"### {PORTAL.replace('*', chr(92) + '*').replace('#', chr(92) + '#')} "
        "(medewerker, uiterlijk 2026-10-01)": "Bijna: 180 gebruikers.",
    })
    # An answer typed on the marker's own line counts too.
    filled = filled.replace("### Wanneer kijken we samen hoe het gaat?\n\nAntwoord:\n",
                            "### Wanneer kijken we samen hoe het gaat?\n\n"
                            "Antwoord: over drie maanden\n")
    out.write_bytes(filled.replace("\n", newline).encode("utf-8"))

    prep = read_preparation(out, "Joris  Bakker", "voortgang")
    assert list(prep) == ["Terugblik", "Vooruitblik", "Afspraken"]
    assert prep["Terugblik"] == (
        "Welke doelen van de afgelopen periode zijn gehaald, en welke niet?\n"
        "Het portaal is live.\n\nDe migratie liep uit:\n- te weinig testers\n"
        "- een late leverancier\n\n"
        "Waar liep je tegenaan, en hoe heb je dat aangepakt?\n"
        "Planning.\nIk heb wekelijks bijgestuurd.")
    assert prep["Vooruitblik"] == "Waar wil je over een jaar staan?\nAls **projectleider**."
    assert prep["Afspraken"] == "Wanneer kijken we samen hoe het gaat?\nover drie maanden"
    assert [a.question for a in prep.answers["Terugblik"]] == [
        "Welke doelen van de afgelopen periode zijn gehaald, en welke niet?",
        "Waar liep je tegenaan, en hoe heb je dat aangepakt?"]
    assert prep.phases == ("Terugblik", "Vooruitblik", "Afspraken")
    assert prep.employee == JORIS and prep.kind == Kind.VOORTGANG
    assert [(a.question, a.text) for a in prep.agreements] == [
        (f"{PORTAL} (medewerker, uiterlijk 2026-10-01)", "Bijna: 180 gebruikers.")]
    assert prep.agreements_text == f"{PORTAL} (medewerker, uiterlijk 2026-10-01)\n" \
        "Bijna: 180 gebruikers."


def test_an_empty_form_has_no_answers():
    prep = parse_preparation(_form(), JORIS, "voortgang")
    assert dict(prep) == {} and prep.agreements == []
    assert prep.phases == ("Terugblik", "Vooruitblik", "Afspraken")


def test_answers_without_the_marker_and_text_directly_under_a_phase():
    form = _form().replace("Antwoord:\n", "")
    filled = form.replace("## Vooruitblik\n\n", "## Vooruitblik\n\nAlgemeen: meer tijd.\n\n")
    filled = filled.replace("### In welke richting wil je groeien?\n\n",
                            "### In welke richting wil je groeien?\n\n1. data\n2. leiding\n\n")
    prep = parse_preparation(filled, JORIS, "voortgang")
    assert prep["Vooruitblik"] == ("Algemeen: meer tijd.\n\n"
                                   "In welke richting wil je groeien?\n1. data\n2. leiding")


def test_a_phase_without_questions_gets_room_for_one_answer():
    agenda = AgendaTemplate(Kind.VOORTGANG, "nl", "Kort", (PhaseTemplate("Alles", 10),))
    form = preparation_form(JORIS, "voortgang", "nl", agenda)
    filled = form.replace("## Alles\n\nAntwoord:\n", "## Alles\n\nAntwoord:\nPrima zo.\n")
    assert dict(parse_preparation(filled, JORIS, "voortgang")) == {"Alles": "Prima zo."}


def test_an_english_form_is_read_whatever_the_current_language():
    form = _form(lang="en", kind="functionering")
    filled = form.replace("### What are you proud of?\n\nAnswer:\n",
                          "### What are you proud of?\n\nAnswer:\nThe portal.\n")
    prep = parse_preparation(filled, JORIS, Kind.FUNCTIONERING)
    assert prep == {"Looking back": "What are you proud of?\nThe portal."}


def test_names_with_markdown_characters_survive_the_round_trip(team_db: Path, config: Path):
    result = invoke("--db", str(team_db), "prepare", ODD_NAME)
    assert result.exit_code == 0, result.output
    assert "Anne-Marie \\*de\\* \\[Boer\\] \\#1" in result.output
    assert "## Open afspraken" not in result.output
    assert parse_preparation(result.output, ODD_NAME, "voortgang").employee == ODD_NAME


# --- refused -----------------------------------------------------------------------------

def test_a_form_for_another_employee_is_refused():
    with pytest.raises(PreparationError) as refused:
        parse_preparation(_form(name="Fatima El Amrani"), JORIS, "voortgang")
    assert refused.value.key == "prepare.wrong_employee"
    assert refused.value.message() == t("prepare.wrong_employee", found="Fatima El Amrani",
                                        expected=JORIS)


def test_a_form_for_another_kind_is_refused():
    with pytest.raises(PreparationError) as refused:
        parse_preparation(_form(kind="beoordeling"), JORIS, "voortgang")
    assert refused.value.message() == t("prepare.wrong_kind", found="beoordelingsgesprek",
                                        expected="voortgangsgesprek")
    assert refused.value.message("en") == t("prepare.wrong_kind", lang="en",
                                            found="appraisal", expected="progress conversation")


@pytest.mark.parametrize("text", [
    "", "# Zomaar een bestand\n\nMet tekst.\n", "Voorbereiding voortgangsgesprek Joris\n",
    "## Terugblik\n\nVoorbereiding: voortgangsgesprek · Joris Bakker\n",
])
def test_anything_else_is_not_a_form(text: str):
    with pytest.raises(PreparationError) as refused:
        parse_preparation(text, JORIS, "voortgang")
    assert refused.value.message() == t("prepare.not_a_form")


def test_an_unreadable_form(tmp_path: Path):
    with pytest.raises(PreparationError) as refused:
        read_preparation(tmp_path / "missing.md", JORIS, "voortgang")
    assert refused.value.key == "prepare.unreadable"
    assert str(tmp_path / "missing.md") in refused.value.message()


# --- any plain answer comes back as written ----------------------------------------------

_WORDS = st.text(st.characters(whitelist_categories=("L", "N"), whitelist_characters=".,?'"),
                 min_size=1, max_size=12)
_LINE = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)
_PARAGRAPH = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=4), st.integers(1, 4))
def test_paragraph_answers_come_back_as_written(paragraphs: list[str], gap: int):
    answer = ("\n" * (gap + 1)).join(paragraphs)
    question = "### Waar wil je over een jaar staan?"
    prep = parse_preparation(fill_in(_form(), {question: answer}), JORIS, "voortgang")
    assert prep["Vooruitblik"] == question[4:] + "\n" + "\n\n".join(paragraphs)
