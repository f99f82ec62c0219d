"""Goals in the minutes (issue 20): set, reviewed, judged — as of each conversation.

A conversation without goals renders exactly as before goals existed; the
goals a conversation set or reviewed render with the state at that
conversation, so nothing recorded later reaches earlier minutes, even when
they are rendered again rather than read from a stored revision.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.minutes import publish, render_html, render_minutes
from gespreks_tui.minutes.goals import goal_section
from gespreks_tui.minutes.parse import parse_returned
from gespreks_tui.minutes.pdf import render_pdf
from gespreks_tui.minutes.render import record_content, render_content
from gespreks_tui.model import Kind, Visibility
from gespreks_tui.store import Store

DAY = 86_400


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 1, 14, 9, 0, tzinfo=UTC))


@pytest.fixture
def cycle(store: Store, clock: FakeClock):
    """Joris's doelstellingengesprek with two goals, concluded; a running voortgangsgesprek."""
    joris = store.add_person("Joris Bakker")
    setting = store.create_conversation(joris.id, builtin_agenda(Kind.DOELSTELLING), 60)
    portal = store.add_goal(setting.id, "resultaat", "Klantportaal live",
                            what="200 actieve gebruikers", who="Het portaalteam",
                            period_start="2026-01-01", period_end="2026-12-31")
    store.add_step(portal.id, "Proef met tien klanten", "2026-04-01")
    store.add_step(portal.id, "Livegang", "2026-10-01")
    growth = store.add_goal(setting.id, "ontwikkeling", "Projectleider worden",
                            support="Opleidingsbudget", period_end="2026-12-31")
    store.add_step(growth.id, "Cursus afronden")
    store.conclude(setting.id, "2026-06-10")
    clock.advance(140 * DAY)
    progress = store.create_conversation(joris.id, builtin_agenda(Kind.VOORTGANG), 45)
    return joris, setting, progress, store.get_goal(portal.id), store.get_goal(growth.id)


def test_the_minutes_of_the_conversation_that_set_them_list_goals_answers_and_steps(
        store: Store, cycle):
    _, setting, *_ = cycle
    text = render_minutes(store, setting.id).content
    section = text[text.index("## Gestelde doelen"):text.index("## Gemaakte afspraken")]
    assert section.splitlines() == [
        "## Gestelde doelen", "",
        "### 1. Klantportaal live (resultaatdoel)", "",
        "- Eigenaar: medewerker; periode: 1 januari 2026 tot en met 31 december 2026",
        "- Wat: 200 actieve gebruikers",
        "- Wie: Het portaalteam",
        "- Stap 1: Proef met tien klanten — uiterlijk: 1 april 2026; open",
        "- Stap 2: Livegang — uiterlijk: 1 oktober 2026; open", "",
        "### 2. Projectleider worden (ontwikkeldoel)", "",
        "- Eigenaar: medewerker; periode: tot en met 31 december 2026",
        "- Afgesproken ondersteuning: Opleidingsbudget",
        "- Stap 1: Cursus afronden — zonder datum; open", ""]
    english = render_minutes(store, setting.id, lang="en").content
    assert "## Goals set" in english and "### 2. Projectleider worden (development goal)" in english


def test_a_later_conversation_lists_progress_comment_and_ticked_steps(store: Store, cycle):
    _, setting, progress, portal, growth = cycle
    store.review_goal(progress.id, portal.id, "achter", "Leverancier te laat")
    store.tick_step(portal.steps[0].id, progress.id, True)
    store.review_goal(progress.id, growth.id, "op_koers")
    text = render_minutes(store, progress.id).content
    section = text[text.index("## Voortgang van de doelen"):text.index("## Gemaakte afspraken")]
    assert section.splitlines() == [
        "## Voortgang van de doelen", "",
        "### 1. Klantportaal live (resultaatdoel)", "",
        "- Voortgang: loopt achter — Leverancier te laat",
        "- Stap 1: Proef met tien klanten — uiterlijk: 1 april 2026; gedaan (in dit gesprek)",
        "- Stap 2: Livegang — uiterlijk: 1 oktober 2026; open", "",
        "### 2. Projectleider worden (ontwikkeldoel)", "",
        "- Voortgang: op koers",
        "- Stap 1: Cursus afronden — zonder datum; open", ""]
    assert "Gestelde doelen" not in text


def test_earlier_minutes_rendered_again_show_nothing_recorded_later(store: Store, cycle, clock):
    joris, setting, progress, portal, _ = cycle
    before = render_minutes(store, setting.id).markdown  # not issued: rendered each time
    store.review_goal(progress.id, portal.id, "op_koers", "Proef gehaald")
    store.tick_step(portal.steps[0].id, progress.id, True)
    store.conclude(progress.id, None)
    progress_minutes = render_minutes(store, progress.id).markdown
    clock.advance(150 * DAY)
    appraisal = store.create_conversation(joris.id, builtin_agenda(Kind.BEOORDELING), 60)
    store.review_goal(appraisal.id, portal.id, "behaald", "Live in oktober")
    store.tick_step(portal.steps[1].id, appraisal.id, True)
    store.judge_goal(appraisal.id, portal.id, 3)
    store.conclude(appraisal.id, None)
    assert render_minutes(store, setting.id).markdown == before
    assert render_minutes(store, progress.id).markdown == progress_minutes
    judged = render_minutes(store, appraisal.id).content
    assert "## Oordeel over de doelen" in judged
    assert f"- Oordeel: {store.scale(appraisal.id).label(3)}\n" in judged
    assert "- Voortgang: behaald — Live in oktober" in judged
    assert "- Eerder, 3 juni 2026: op koers — Proef gehaald" in judged
    assert "Proef met tien klanten — uiterlijk: 1 april 2026; gedaan op 3 juni 2026" in judged
    assert "Livegang — uiterlijk: 1 oktober 2026; gedaan (in dit gesprek)" in judged


def test_a_conversation_without_goals_renders_as_before_goals_existed(store: Store, cycle):
    joris, *_ = cycle
    other = store.add_person("Aylin Yılmaz")
    plain = store.create_conversation(other.id, builtin_agenda(Kind.VOORTGANG), 45)
    store.save_note(plain.id, 0, Visibility.SHARED, "Goed gesprek")
    store.add_agreement(plain.id, "Cursus Excel afronden", "employee", "2026-09-01")
    store.conclude(plain.id, None)
    record = store.conversation_record(plain.id)
    assert record.goals_set == () and record.goals_reviewed == () and goal_section(record, "nl") == []
    c = record.conversation
    without = render_content(c, {(p, Visibility.SHARED): t for p, t in record.shared_notes.items()},
                             record.agreements_as_concluded, record.follow_ups, c.language,
                             record.scores, record.overall)
    assert record_content(record) == without
    assert "doel" not in without.lower().replace("doelstelling", "")


def test_user_text_in_goals_cannot_forge_a_heading_a_box_or_a_signature(store: Store, cycle):
    _, setting, progress, portal, _ = cycle
    store.reopen(setting.id)
    hostile = store.add_goal(setting.id, "resultaat", "# Bevestiging\n- [x] Akkoord",
                             what="Naam: Sanne\n## Opmerkingen medewerker")
    store.add_step(hostile.id, "- [x] Akkoord")
    store.conclude(setting.id, None)
    minutes = publish(store, setting.id)
    lines = minutes.content.splitlines()
    assert not [x for x in lines if x.startswith(("# Bevestiging", "## Opmerkingen", "- [x]"))]
    returned = parse_returned(minutes.markdown)
    assert not any(returned.ticked.values())


def test_html_and_pdf_show_the_goals_from_the_markdown(store: Store, cycle):
    _, setting, *_ = cycle
    minutes = render_minutes(store, setting.id)
    page = render_html(minutes.markdown, "Verslag", "nl")
    assert "Gestelde doelen" in page and "Proef met tien klanten" in page
    pdf = render_pdf(minutes.markdown, "Verslag", "nl", fonts="builtin",
                     created=datetime(2026, 1, 14, tzinfo=UTC))
    assert pdf.startswith(b"%PDF") and pdf == render_pdf(
        minutes.markdown, "Verslag", "nl", fonts="builtin",
        created=datetime(2026, 1, 14, tzinfo=UTC))
    assert len(pdf) > len(render_pdf(replace_goals(minutes.markdown), "Verslag", "nl",
                                     fonts="builtin", created=datetime(2026, 1, 14, tzinfo=UTC)))


def replace_goals(markdown: str) -> str:
    start, end = markdown.index("## Gestelde doelen"), markdown.index("## Gemaakte afspraken")
    return markdown[:start] + markdown[end:]


def test_the_record_carries_the_goals_as_of_the_conversation(store: Store, cycle):
    _, setting, progress, portal, _ = cycle
    store.review_goal(progress.id, portal.id, "achter")
    record = store.conversation_record(progress.id)
    assert [g.id for g in record.goals_reviewed] == [portal.id]
    assert record.goal_scale == store.goal_scale(progress.id)
    assert replace(record, goals_reviewed=()).goals_reviewed == ()
    set_record = store.conversation_record(setting.id)
    assert [g.reviews for g in set_record.goals_set] == [(), ()]  # later reviews left out
