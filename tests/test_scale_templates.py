"""Issue 18: a template states its scale, its criteria's behavioural indicators and its
goal prompts; every problem in them is one ``file:line: message``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gespreks_tui.agenda_template import from_snapshot
from gespreks_tui.agendas import builtin_agenda, load_agenda
from gespreks_tui.appraisal_scale import Scale, legacy_scale
from gespreks_tui.catalogue import t
from gespreks_tui.cli import build_cli
from gespreks_tui.model import Kind
from gespreks_tui.templates import builtin_text, copy_builtin, parse_template
from gespreks_tui.templates.loader import ALTERNATIVE_SCALES

HEAD = "# Beoordeling\n\n## Beoordeling per criterium (30 min)\n\n- Hoe ging het?\n\n"
CRITERIA = "### Criteria\n\n- Vakkennis\n- Samenwerking\n\n"

THREE = HEAD + """\
### Criteria

- Vakkennis
  - kent de regels
  - legt collega's uit hoe iets werkt
- Samenwerking

### Schaal

1. beneden verwachting
2. naar verwachting
3. boven verwachting

Totaaloordeel: nee
"""


def _problems(text: str, kind: str = "beoordeling", lang: str = "nl"):
    agenda, problems = parse_template(text, kind, lang, "/x/beoordeling.nl.md")
    assert (agenda is None) == bool(problems)
    return [(p.line, p.message) for p in problems]


def test_a_three_point_scale_with_indicators_and_no_overall_judgment():
    agenda, problems = parse_template(THREE, "beoordeling", "nl")
    assert problems == []
    assert agenda.scale == Scale(("beneden verwachting", "naar verwachting",
                                  "boven verwachting"), overall=False)
    (phase,) = agenda.phases
    assert phase.questions == ("Hoe ging het?",)  # the criteria did not leak into them
    assert phase.criteria == ("Vakkennis", "Samenwerking")
    assert phase.indicators == (("kent de regels", "legt collega's uit hoe iets werkt"), ())
    assert phase.indicators_of(1) == () and phase.indicators_of(7) == ()
    assert agenda.goal_prompts == ()


def test_english_heading_words_and_a_bullet_scale():
    text = HEAD + CRITERIA + "### Scale:\n\n- low\n- mid\n- high\n- top\n\nOverall: yes\n"
    agenda, problems = parse_template(text, "beoordeling", "en")
    assert problems == []
    assert agenda.scale == Scale(("low", "mid", "high", "top"), overall=True)


def test_an_old_template_without_a_scale_gets_the_old_four_point_scale():
    agenda, _ = parse_template(HEAD + CRITERIA, "beoordeling", "nl")
    assert agenda.scale == legacy_scale("nl") == Scale(
        ("onvoldoende", "voldoende", "goed", "uitstekend"), overall=True)
    english, _ = parse_template(HEAD + CRITERIA, "beoordeling", "en")
    assert english.scale.labels == ("unsatisfactory", "satisfactory", "good", "excellent")
    plain, _ = parse_template(HEAD, "voortgang", "nl")
    assert plain.scale is None  # no criteria, no scale


SCALE_AT = 12  # the line of "### Schaal" in the texts below


@pytest.mark.parametrize(("scale", "line", "key", "values"), [
    ("- a\n- b\n", SCALE_AT, "scale.problem.points", {"points": 2, "fewest": 3, "most": 5}),
    ("- a\n- b\n- c\n- d\n- e\n- f\n", SCALE_AT, "scale.problem.points",
     {"points": 6, "fewest": 3, "most": 5}),
    ("- a\n- b\n- A\n", SCALE_AT + 4, "scale.problem.duplicate_label", {"label": "A"}),
    ("- a\n-\n- c\n", SCALE_AT + 3, "scale.problem.empty_label", {}),
    ("- a\n  - onder een punt\n- b\n- c\n", SCALE_AT + 2, "scale.problem.nested_in_scale", {}),
    ("- a\n- b\n- c\n\nEen uitleg.\n", SCALE_AT + 6, "scale.problem.text_in_scale", {}),
    ("- a\n- b\n- c\n\nTotaaloordeel: misschien\n", SCALE_AT + 6,
     "scale.problem.overall_value", {"text": "Totaaloordeel: misschien"}),
])
def test_each_problem_in_a_scale_is_one_message_at_its_line(scale, line, key, values):
    text = HEAD + CRITERIA + "### Schaal\n\n" + scale
    assert _problems(text) == [(line, t(key, **values))]


def test_a_scale_without_criteria_and_a_second_scale():
    assert _problems(HEAD + "### Schaal\n\n- a\n- b\n- c\n") == [
        (7, t("scale.problem.no_criteria"))]
    text = HEAD + CRITERIA + "### Schaal\n\n- a\n- b\n- c\n\n## Nog een (5 min)\n\n" \
        "### Scale\n\n- x\n- y\n- z\n"
    assert _problems(text) == [(20, t("scale.problem.second_scale", first=SCALE_AT))]


@pytest.mark.parametrize(("criteria", "line", "key", "values"), [
    ("- Vakkennis\n  - a\n    - te diep\n", 10, "scale.problem.indicator_depth", {}),
    ("- Vakkennis\n  - a\n  - a\n", 11, "scale.problem.duplicate_indicator", {"text": "a"}),
    ("- Vakkennis\n  - a\n  -\n", 11, "template.problem.empty_item", {}),
])
def test_indicator_problems(criteria, line, key, values):
    assert _problems(HEAD + "### Criteria\n\n" + criteria) == [(line, t(key, **values))]


def test_a_list_under_a_question_is_an_indicator_in_the_wrong_place():
    text = "# T\n\n## A (5 min)\n\n- Hoe ging het?\n  - echt?\n"
    assert _problems(text, "voortgang") == [(5, t("template.problem.nested_list"))]


def test_goal_prompts_in_either_language_in_their_fixed_order():
    text = "# T\n\n## Doelen stellen (20 min)\n\n### Doelen\n\n- Hoe?\n- wat\n- Why\n"
    agenda, problems = parse_template(text, "doelstelling", "nl")
    assert problems == []
    assert agenda.goal_prompts == ("what", "why", "how")
    assert agenda.scale is None


@pytest.mark.parametrize(("goals", "line", "key", "values"), [
    ("- wat\n- wanneer\n", 8, "scale.problem.unknown_goal_prompt",
     {"text": "wanneer", "words": "wat, waarom, wie, waar, hoe"}),
    ("- wat\n- What\n", 8, "scale.problem.duplicate_goal_prompt", {"text": "What"}),
    ("Alleen tekst.\n", 7, "scale.problem.text_in_goals", {}),
    ("- wat\n  - precies\n", 7, "scale.problem.nested_in_goals", {}),
])
def test_goal_prompt_problems(goals, line, key, values):
    text = "# T\n\n## A (5 min)\n\n### Doelen\n\n" + goals
    problems = _problems(text, "doelstelling")
    assert problems[0] == (line, t(key, **values))


def test_an_empty_goals_section_is_reported_at_its_heading():
    assert _problems("# T\n\n## A (5 min)\n\n### Goals\n", "doelstelling") == [
        (5, t("scale.problem.no_goal_prompts"))]


def test_a_problem_reads_as_file_line_message(tmp_path: Path):
    from gespreks_tui.templates import parse_template_file

    path = tmp_path / "beoordeling.nl.md"
    path.write_text(HEAD + CRITERIA + "### Schaal\n\n- a\n- b\n", encoding="utf-8")
    agenda, problems = parse_template_file(path)
    assert agenda is None
    assert [str(p) for p in problems] == [
        f"{path}:{SCALE_AT}: " + t("scale.problem.points", points=2, fewest=3, most=5)]


# --- the built-in templates -----------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_builtin_appraisal_has_a_five_point_scale_and_indicators(lang):
    agenda = builtin_agenda(Kind.BEOORDELING, lang)
    assert agenda.scale.points == 5 and agenda.scale.overall
    assert agenda.scale.labels[0] == legacy_scale(lang).labels[0]  # onvoldoende
    phase = agenda.phases[1]
    assert len(phase.indicators) == len(phase.criteria)
    assert all(len(found) >= 2 for found in phase.indicators)
    assert builtin_agenda(Kind.BEOORDELING, "nl").scale.labels == (
        "onvoldoende", "matig", "voldoende", "goed", "uitstekend")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_old_four_point_scale_is_a_builtin_alternative(lang):
    text = builtin_text(Kind.BEOORDELING, lang, scale=4)
    agenda, problems = parse_template(text, Kind.BEOORDELING, lang)
    assert problems == []
    assert agenda.scale == legacy_scale(lang)
    default = builtin_agenda(Kind.BEOORDELING, lang)
    assert agenda.phases == default.phases  # only the scale differs
    assert (Kind.BEOORDELING, 4) in ALTERNATIVE_SCALES
    assert builtin_text(Kind.BEOORDELING, lang, scale=5) == builtin_text(Kind.BEOORDELING, lang)
    with pytest.raises(KeyError):
        builtin_text(Kind.VOORTGANG, lang, scale=4)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_goal_setting_template_asks_all_five_prompts_in_about_an_hour(lang):
    agenda = builtin_agenda(Kind.DOELSTELLING, lang)
    assert agenda.goal_prompts == ("what", "why", "who", "where", "how")
    assert agenda.total_minutes == 60 and 3 <= len(agenda.phases) <= 5
    names = " ".join(p.name.casefold() for p in agenda.phases)
    assert "acties" not in names and "opmerkingen" not in names and "comments" not in names
    for kind in Kind:
        if kind != Kind.DOELSTELLING:
            assert builtin_agenda(kind, lang).goal_prompts == ()


def test_snapshots_round_trip_scale_indicators_and_goal_prompts():
    for kind in (Kind.BEOORDELING, Kind.DOELSTELLING):
        agenda = builtin_agenda(kind)
        assert from_snapshot(json.loads(json.dumps(agenda.snapshot()))) == agenda
    assert "scale" not in builtin_agenda(Kind.VOORTGANG).snapshot()
    assert "goal_prompts" not in builtin_agenda(Kind.VOORTGANG).snapshot()


# --- the command line: list and copy --scale --------------------------------------------

@pytest.fixture
def config(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("GESPREKS_CONFIG", str(folder))
    return folder


def test_copy_with_scale_4_gives_the_old_scale_as_the_users_template(config: Path):
    result = CliRunner().invoke(build_cli(), ["templates", "copy", "beoordeling", "--scale", "4"])
    assert result.exit_code == 0, result.output
    agenda, problems = load_agenda(Kind.BEOORDELING, "nl", config)
    assert problems == [] and agenda.source.endswith("beoordeling.nl.md")
    assert agenda.scale == legacy_scale("nl")
    refused = CliRunner().invoke(build_cli(), ["templates", "copy", "voortgang", "--scale", "4"])
    assert refused.exit_code == 1
    assert t("scale.templates.scale_only_appraisal") in refused.output
    assert not (config / "templates" / "voortgang.nl.md").exists()


def test_copy_without_scale_gives_five_points_and_the_list_shows_the_scale(config: Path):
    copy_builtin(Kind.BEOORDELING, "nl", config)
    result = CliRunner().invoke(build_cli(), ["templates"])
    assert "schaal: 1 onvoldoende · 2 matig · 3 voldoende · 4 goed · 5 uitstekend " \
        "(met totaaloordeel)" in result.output
    assert "doelvragen: wat, waarom, wie, waar, hoe" in result.output
    data = json.loads(CliRunner().invoke(build_cli(), ["templates", "--json"]).output)
    appraisal = next(d for d in data["templates"]
                     if d["kind"] == "beoordeling" and d["language"] == "nl")
    assert appraisal["scale"]["labels"][1] == "matig"
    assert len(appraisal["phases"][1]["indicators"][0]) == 3
