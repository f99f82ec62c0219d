"""Agenda templates in Markdown: parsing, problems with line numbers, user overrides,
fallback to the built-in template, the conversation's snapshot, and the commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import invoke
from gespreks_tui.agendas import builtin_agenda, default_minutes, from_snapshot, load_agenda
from gespreks_tui.catalogue import t
from gespreks_tui.model import Kind
from gespreks_tui.templates import (
    all_templates,
    builtin_text,
    copy_builtin,
    parse_template,
    parse_template_file,
    templates_dir,
)

LANGS = ("nl", "en")
ALL = [(kind, lang) for kind in Kind for lang in LANGS]

# The agendas as they were in code before they moved into Markdown (names, minutes).
OLD_PHASES = {
    # issue 18: rewritten for setting goals (result goals, the POP, support, closing)
    ("doelstelling", "nl"): [("Resultaatdoelstellingen", 20),
                             ("Persoonlijke ontwikkelpunten", 20),
                             ("Steun en eerste stappen", 15), ("Afronding", 5)],
    ("doelstelling", "en"): [("Result goals", 20), ("Personal development points", 20),
                             ("Support and first steps", 15), ("Closing", 5)],
    ("voortgang", "nl"): [("Terugblik", 20), ("Vooruitblik", 15), ("Afspraken", 10)],
    ("voortgang", "en"): [("Looking back", 20), ("Looking ahead", 15), ("Agreements", 10)],
    ("functionering", "nl"): [("Terugblik", 15), ("Wederzijdse feedback", 20),
                              ("Ontwikkeling", 15), ("Afspraken", 10)],
    ("functionering", "en"): [("Looking back", 15), ("Mutual feedback", 20),
                              ("Development", 15), ("Agreements", 10)],
    ("beoordeling", "nl"): [("Terugblik op de doelstellingen", 15),
                            ("Beoordeling per criterium", 25), ("Toelichting", 10),
                            ("Afspraken", 10)],
    ("beoordeling", "en"): [("Review of the goals", 15), ("Rating per criterion", 25),
                            ("Explanation", 10), ("Agreements", 10)],
}

GOOD = """\
# Voortgangsgesprek (kort)

Een notitie voor wie dit bestand bewerkt; de app slaat haar over.

## Terugblik (15 min)

Kijk samen terug op de afgelopen maanden.

Neem de vorige afspraken erbij.

- Wat ging *goed*?
- Wat kan `beter`?
  Over twee regels geschreven.

---

## Beoordeling (20 minuten)

1. Hoe scoort het werk?
2. Welke voorbeelden zijn er?

### Criteria

- Vakkennis
- Samenwerking \\& overleg

## Afspraken (5 min)
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def config(tmp_path: Path, monkeypatch) -> Path:
    """An empty config folder, chosen through $GESPREKS_CONFIG."""
    folder = tmp_path / "config"
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    return folder


# --- parsing ---------------------------------------------------------------------------

@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_good_template_parses_into_phases_questions_help_and_criteria(newline: str):
    agenda, problems = parse_template(GOOD.replace("\n", newline), "voortgang", "nl",
                                      "mine.md")
    assert problems == []
    assert agenda.kind == Kind.VOORTGANG and agenda.language == "nl"
    assert agenda.title == "Voortgangsgesprek (kort)"
    assert agenda.source == "mine.md"
    assert [(p.name, p.minutes) for p in agenda.phases] == [
        ("Terugblik", 15), ("Beoordeling", 20), ("Afspraken", 5)]
    first, second, last = agenda.phases
    assert first.questions == ("Wat ging goed?", "Wat kan beter? Over twee regels geschreven.")
    assert first.help == ("Kijk samen terug op de afgelopen maanden.\n\n"
                          "Neem de vorige afspraken erbij.")
    assert first.criteria == ()
    assert second.questions == ("Hoe scoort het werk?", "Welke voorbeelden zijn er?")
    assert second.criteria == ("Vakkennis", "Samenwerking & overleg")
    assert last.questions == () and last.help == ""
    assert agenda.total_minutes == 40


def _problems(text: str) -> list[tuple[int | None, str]]:
    agenda, problems = parse_template(text, "voortgang", "nl", "x.md")
    assert agenda is None
    assert all(p.path == "x.md" for p in problems)
    return [(p.line, p.message) for p in problems]


def test_no_phases():
    assert _problems("# Titel\n\nAlleen tekst.\n") == [(1, t("template.problem.no_phases"))]


def test_an_empty_file_has_neither_title_nor_phases():
    assert _problems("") == [(1, t("template.problem.no_title")),
                             (1, t("template.problem.no_phases"))]


def test_a_phase_without_minutes_is_reported_on_its_heading_line():
    text = "# Titel\n\n## Terugblik (15 min)\n\n- Vraag?\n\n## Vooruitblik\n\n- Vraag?\n"
    assert _problems(text) == [(7, t("template.problem.no_minutes", name="Vooruitblik"))]


def test_minutes_must_be_sensible():
    assert _problems("# T\n\n## Terugblik (0 min)\n") == [
        (3, t("template.problem.bad_minutes", name="Terugblik", minutes=0, most=480))]


def test_two_phases_with_the_same_name():
    text = "# Titel\n\n## Terugblik (15 min)\n- a\n\n## terugblik (10 min)\n- b\n"
    assert _problems(text) == [
        (6, t("template.problem.duplicate_phase", name="terugblik", first=3))]


def test_missing_title_and_a_second_title():
    assert _problems("## Terugblik (15 min)\n") == [(1, t("template.problem.no_title"))]
    assert _problems("# A\n\n## Fase (5 min)\n\n# B\n") == [
        (5, t("template.problem.second_title", text="B"))]


@pytest.mark.parametrize("text, line, key, values", [
    ("# T\n\n- los\n\n## A (5 min)\n", 3, "template.problem.list_before_phase", {}),
    ("# T\n\n## A (5 min)\n\n### Vragen\n", 5, "template.problem.unknown_subheading",
     {"text": "Vragen"}),
    ("# T\n\n### Criteria\n\n## A (5 min)\n", 3, "template.problem.heading_level",
     {"text": "Criteria"}),
    ("# T\n\n## A (5 min)\n\n#### Diep\n", 5, "template.problem.heading_level",
     {"text": "Diep"}),
    ("# T\n\n## A (5 min)\n\n- a\n  - b\n", 5, "template.problem.nested_list", {}),
    ("# T\n\n## A (5 min)\n\n- a\n-\n", 6, "template.problem.empty_item", {}),
    ("# T\n\n## A (5 min)\n\n- a\n- a\n", 6, "template.problem.duplicate_question",
     {"text": "a"}),
    ("# T\n\n## A (5 min)\n\n```\ncode\n```\n", 5, "template.problem.unexpected_block", {}),
    ("# T\n\n## A (5 min)\n\n> citaat\n", 5, "template.problem.unexpected_block", {}),
    ("# T\n\n## A (5 min)\n\n### Criteria\n", 5, "template.problem.no_criteria",
     {"name": "A"}),
    ("# T\n\n## A (5 min)\n\n### Criteria\n\nUitleg\n\n- x\n", 7,
     "template.problem.text_in_criteria", {"name": "A"}),
    ("# T\n\n## A (5 min)\n\n### Criteria\n- x\n- x\n", 7,
     "template.problem.duplicate_criterion", {"text": "x"}),
    ("# T\n\n## A (5 min)\n### Criteria\n- x\n### Criteria\n- y\n", 6,
     "template.problem.second_criteria", {"name": "A"}),
    ("# T\n\n## (5 min)\n", 3, "template.problem.empty_phase_name", {}),
])
def test_broken_templates_report_the_line(text: str, line: int, key: str, values: dict):
    assert _problems(text) == [(line, t(key, **values))]


def test_problems_read_as_file_line_message():
    _, problems = parse_template("# T\n\n## A\n", "voortgang", "nl", "/x/voortgang.nl.md")
    assert str(problems[0]) == "/x/voortgang.nl.md:3: " + t("template.problem.no_minutes",
                                                             name="A")


def test_problems_are_in_the_current_language():
    from gespreks_tui.catalogue import set_language

    set_language("en")
    _, problems = parse_template("# T\n", "voortgang", "nl", "x.md")
    assert problems[0].message == t("template.problem.no_phases", lang="en")


@pytest.mark.parametrize("name, key, values", [
    ("sollicitatie.nl.md", "template.problem.unknown_kind",
     {"kind": "sollicitatie", "kinds": "doelstelling, voortgang, functionering, beoordeling"
      " (of een andere naam: planningsgesprek, jaargesprek, personeelsgesprek,"
      " ontwikkelgesprek)"}),
    ("voortgang.de.md", "template.problem.unknown_language", {"language": "de"}),
    ("voortgang.md", "template.problem.bad_name", {}),
])
def test_file_names_must_say_kind_and_language(tmp_path: Path, name: str, key: str,
                                               values: dict):
    path = write(tmp_path, name, GOOD)
    agenda, problems = parse_template_file(path)
    assert agenda is None
    assert [(p.path, p.line, p.message) for p in problems] == [(str(path), None,
                                                                t(key, **values))]


def test_unreadable_files_are_problems_not_crashes(tmp_path: Path):
    not_utf8 = write(tmp_path, "voortgang.nl.md", "# Tïtel\n".encode("latin-1"))
    folder = tmp_path / "doelstelling.en.md"
    folder.mkdir()
    agenda, problems = parse_template_file(not_utf8)
    assert agenda is None and problems[0].message == t("template.problem.not_utf8")
    agenda, problems = parse_template_file(folder)
    assert agenda is None
    assert problems[0].path == str(folder) and problems[0].line is None
    assert problems[0].message.startswith(t("template.problem.unreadable", reason="")[:10])


def test_a_byte_order_mark_and_upper_case_file_name_are_fine(tmp_path: Path):
    path = write(tmp_path, "Voortgang.NL.md", "\ufeff" + GOOD)
    agenda, problems = parse_template_file(path)
    assert problems == [] and agenda.kind == Kind.VOORTGANG and agenda.language == "nl"


# --- the built-in templates ------------------------------------------------------------

@pytest.mark.parametrize("kind, lang", ALL)
def test_every_builtin_template_parses_with_three_to_five_questions_per_phase(kind, lang):
    agenda, problems = parse_template(builtin_text(kind, lang), kind, lang)
    assert problems == []
    assert agenda == builtin_agenda(kind, lang)
    for phase in agenda.phases:
        assert 3 <= len(phase.questions) <= 5, (kind, lang, phase.name)


@pytest.mark.parametrize("kind, lang", ALL)
def test_the_agendas_api_returns_the_old_phases_and_minutes(kind, lang):
    assert [(p.name, p.minutes) for p in builtin_agenda(kind, lang).phases] == \
        OLD_PHASES[(kind, lang)]
    assert builtin_agenda(kind, lang).source == "builtin"
    assert default_minutes(kind) == sum(m for _, m in OLD_PHASES[(kind, "nl")])


def test_the_old_questions_are_kept_word_for_word():
    voortgang = builtin_agenda("voortgang", "nl").phases[0].questions
    assert voortgang[0] == "Welke doelen van de afgelopen periode zijn gehaald, en welke niet?"
    assert voortgang[-1] == "Wat is er terechtgekomen van de afspraken van de vorige keer?"
    assert builtin_agenda("beoordeling", "en").phases[2].questions == (
        "What is the overall judgment, and why?",
        "What does this judgment mean for the coming period?",
        "Does the employee want to add anything to the minutes?")


@pytest.mark.parametrize("lang", LANGS)
def test_only_the_appraisal_has_criteria(lang: str):
    for kind in Kind:
        phases = builtin_agenda(kind, lang).phases
        with_criteria = [p for p in phases if p.criteria]
        if kind == Kind.BEOORDELING:
            assert [p.name for p in with_criteria] == [phases[1].name]
            assert 4 <= len(with_criteria[0].criteria) <= 6
        else:
            assert with_criteria == []
    assert len(builtin_agenda("beoordeling", "nl").phases[1].criteria) == \
        len(builtin_agenda("beoordeling", "en").phases[1].criteria)


def test_snapshots_carry_criteria_only_when_there_are_any():
    plain = builtin_agenda("voortgang").snapshot()
    assert all("criteria" not in p for p in plain["phases"])
    appraisal = builtin_agenda("beoordeling").snapshot()
    assert appraisal["phases"][1]["criteria"] == list(
        builtin_agenda("beoordeling").phases[1].criteria)
    assert from_snapshot(json.loads(json.dumps(appraisal))) == builtin_agenda("beoordeling")
    # A snapshot stored before criteria existed still loads.
    for phase in appraisal["phases"]:
        phase.pop("criteria", None)
    assert from_snapshot(appraisal).phases[1].criteria == ()


# --- user templates: override, fallback --------------------------------------------------

def test_without_user_templates_the_builtin_is_used(config: Path):
    assert load_agenda("voortgang", "nl") == (builtin_agenda("voortgang", "nl"), [])


def test_a_user_template_overrides_the_builtin_of_its_kind_and_language(config: Path):
    path = write(templates_dir(), "voortgang.nl.md", GOOD)
    assert templates_dir() == config / "templates"
    agenda, problems = load_agenda(Kind.VOORTGANG, "nl")
    assert problems == []
    assert agenda.title == "Voortgangsgesprek (kort)" and agenda.source == str(path)
    # Other kinds and languages keep their built-in template.
    assert load_agenda("voortgang", "en") == (builtin_agenda("voortgang", "en"), [])
    assert load_agenda("beoordeling", "nl")[0] == builtin_agenda("beoordeling", "nl")


def test_an_explicit_config_dir_is_used(tmp_path: Path):
    # An explicit config_dir wins over $GESPREKS_CONFIG (the UI and tests can pass one).
    write(tmp_path / "elsewhere" / "templates", "doelstelling.en.md", GOOD)
    agenda, problems = load_agenda("doelstelling", "en", tmp_path / "elsewhere")
    assert problems == [] and agenda.kind == Kind.DOELSTELLING and agenda.language == "en"


def test_a_broken_user_template_falls_back_to_the_builtin(config: Path):
    path = write(templates_dir(), "voortgang.nl.md",
                 "# Mijn voortgang\n\n## Terugblik (15 min)\n- a\n\n## Vooruitblik\n- b\n")
    agenda, problems = load_agenda("voortgang", "nl")
    assert agenda == builtin_agenda("voortgang", "nl")
    assert [(p.path, p.line) for p in problems] == [(str(path), 6)]
    assert problems[0].message == t("template.problem.no_minutes", name="Vooruitblik")
    # Problems in files for other kinds do not concern this one.
    assert load_agenda("voortgang", "en") == (builtin_agenda("voortgang", "en"), [])


def test_an_unreadable_user_template_falls_back_too(config: Path):
    write(templates_dir(), "functionering.nl.md", b"\xff\xfe# kapot\n")
    agenda, problems = load_agenda("functionering", "nl")
    assert agenda == builtin_agenda("functionering", "nl")
    assert problems[0].message == t("template.problem.not_utf8")


def test_all_templates_lists_every_kind_and_language_with_every_problem(config: Path):
    good = write(templates_dir(), "voortgang.en.md", GOOD)
    broken = write(templates_dir(), "beoordeling.nl.md", "# Beoordeling\n")
    stray = write(templates_dir(), "sollicitatie.nl.md", GOOD)
    found = all_templates()
    assert [(i.kind.value, i.language) for i in found.templates] == [
        (k.value, lang) for k in Kind for lang in LANGS]
    assert found.get("voortgang", "en").source == str(good)
    assert found.get("voortgang", "en").agenda.title == "Voortgangsgesprek (kort)"
    assert found.get("beoordeling", "nl").source == "builtin"
    assert found.get("beoordeling", "nl").fallback_for == str(broken)
    assert sorted(p.path for p in found.problems) == sorted([str(broken), str(stray)])


def test_copy_builtin_writes_the_builtin_text_and_refuses_to_overwrite(config: Path):
    from gespreks_tui.templates import TemplateExists

    path = copy_builtin("beoordeling", "en")
    assert path == config / "templates" / "beoordeling.en.md"
    assert path.read_text(encoding="utf-8") == builtin_text("beoordeling", "en")
    copied, problems = load_agenda("beoordeling", "en")
    assert problems == [] and copied.source == str(path)
    assert copied.phases == builtin_agenda("beoordeling", "en").phases
    path.write_text("# changed\n")
    with pytest.raises(TemplateExists):
        copy_builtin("beoordeling", "en")
    assert path.read_text() == "# changed\n"
    copy_builtin("beoordeling", "en", force=True)
    assert path.read_text(encoding="utf-8") == builtin_text("beoordeling", "en")


# --- the snapshot: later edits never change an old conversation ---------------------------

def test_editing_the_template_later_does_not_change_a_stored_conversation(config: Path, store):
    path = copy_builtin("beoordeling", "nl")
    agenda, problems = load_agenda("beoordeling", "nl")
    assert problems == []
    employee = store.add_person("Joris Bakker")
    conversation = store.create_conversation(employee.id, agenda, 60)
    before = store.get_conversation(conversation.id)

    text = path.read_text(encoding="utf-8")
    text = text.replace("## Terugblik op de doelstellingen (15 min)", "## Eigen terugblik (30 min)")
    text = text.replace("- Welke afgesproken doelen zijn gehaald?", "- Een nieuwe vraag?")
    text = text.replace("- Vakkennis", "- Iets heel anders")
    path.write_text(text, encoding="utf-8")
    edited, problems = load_agenda("beoordeling", "nl")
    assert problems == [] and edited.phases[0].name == "Eigen terugblik"

    after = store.get_conversation(conversation.id)
    assert after.phases == before.phases
    assert [p.name for p in after.phases] == [p.name for p in agenda.phases]
    assert [p.questions for p in after.phases] == [p.questions for p in agenda.phases]
    stored = json.loads(store.db["conversations"].get(conversation.id)["agenda_snapshot"])
    assert from_snapshot(stored) == agenda
    assert "Vakkennis" in from_snapshot(stored).phases[1].criteria


# --- the commands ----------------------------------------------------------------------

def test_templates_lists_kind_language_phases_and_origin(config: Path):
    result = invoke("templates")
    assert result.exit_code == 0, result.output
    assert t("templates.folder", path=config / "templates") in result.output
    assert t("templates.row", kind="voortgang", language="en", title="Progress conversation",
             minutes=45, source=t("templates.builtin")) in result.output
    assert "  " + t("templates.phase", name="Terugblik", minutes=20) in result.output
    assert "Vakkennis" in result.output
    assert t("templates.problems") not in result.output
    rows = [line for line in result.output.splitlines() if " — " in line and
            not line.startswith(" ")]
    assert len(rows) == 8


def test_templates_shows_user_files_and_problems_with_file_and_line(config: Path):
    good = write(config / "templates", "voortgang.nl.md", GOOD)
    broken = write(config / "templates", "functionering.en.md",
                   "# Review\n\n## Looking back (15 min)\n\n## Looking back (5 min)\n")
    result = invoke("templates", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert t("templates.row", kind="voortgang", language="nl", title="Voortgangsgesprek (kort)",
             minutes=40, source=good, lang="en") in result.output
    assert t("templates.fallback", path=broken, lang="en") in result.output
    assert t("templates.problems", lang="en") in result.output
    assert f"  {broken}:5: " + t("template.problem.duplicate_phase", lang="en",
                                 name="Looking back", first=3) in result.output


def test_templates_json(config: Path):
    write(config / "templates", "voortgang.nl.md", "# X\n")
    result = invoke("templates", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["templates"]) == 8
    appraisal = next(i for i in data["templates"]
                     if i["kind"] == "beoordeling" and i["language"] == "nl")
    assert appraisal["phases"][1]["criteria"][0] == "Vakkennis"
    assert data["problems"][0]["line"] == 1


def test_templates_copy_prints_the_path_and_refuses_to_overwrite(config: Path):
    result = invoke("templates", "copy", "voortgang", "--lang", "en")
    assert result.exit_code == 0, result.output
    path = config / "templates" / "voortgang.en.md"
    assert str(path) in result.output
    assert path.read_text(encoding="utf-8") == builtin_text("voortgang", "en")

    path.write_text("# mine\n")
    again = invoke("templates", "copy", "voortgang", "--lang", "en")
    assert again.exit_code == 1
    assert t("templates.copy.exists", path=path, lang="en") in again.output
    assert path.read_text() == "# mine\n"
    forced = invoke("templates", "copy", "voortgang", "--lang", "en", "--force")
    assert forced.exit_code == 0, forced.output
    assert path.read_text(encoding="utf-8") == builtin_text("voortgang", "en")


def test_templates_copy_defaults_to_dutch_and_checks_the_kind(config: Path):
    result = invoke("templates", "copy", "beoordeling")
    assert result.exit_code == 0, result.output
    assert (config / "templates" / "beoordeling.nl.md").exists()
    wrong = invoke("templates", "copy", "sollicitatie")
    assert wrong.exit_code == 2
    assert not (config / "templates" / "sollicitatie.nl.md").exists()


def test_the_prep_option_is_remembered_for_the_app(tmp_path: Path, monkeypatch):
    seen = {}

    def fake_run_app(options):
        seen.update(options)

    monkeypatch.setattr("gespreks_tui.cli.run_app.run_app", fake_run_app)
    result = invoke("--prep", str(tmp_path / "form.md"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 0, result.output
    assert seen["prep"] == tmp_path / "form.md"
