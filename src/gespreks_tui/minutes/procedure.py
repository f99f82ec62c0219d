"""A beoordeling's procedure as people read it: in the minutes, in ``show``, in the history.

``minutes_lines`` is the section of the minutes, below the confirmation of the
newest revision (``footer.render_footer`` calls it; empty for every other kind
and for a beoordeling not handed over yet, so those minutes stay as they were).
It states facts only, each once it happened — never "the term still runs" —
so a file exported earlier still reads as part of what the minutes say now
(``returned.stray_lines`` compares the lines).

``text_lines`` is the same for a terminal or a screen, with the running terms
("definitief uiterlijk 22 december 2026") that a manager acts on.

Pure functions of a ``Procedure`` (``appraisal_procedure``); all user text is
escaped for Markdown in the minutes.
"""

from __future__ import annotations

from datetime import date

from gespreks_tui.appraisal_procedure import AppraisalState, AppraisalStep, Procedure
from gespreks_tui.catalogue import t
from gespreks_tui.display_time import day_text, moment_day
from gespreks_tui.markdown_escape import inline, note_lines


def state_word(state: AppraisalState, lang: str | None = None) -> str:
    """"voorlopig vastgesteld", "bezwaar ingediend" ..."""
    return t(f"procedure.state.{state}", lang=lang)


def _day(value: date | None, lang: str) -> str:
    return day_text(value, lang) if value else "–"


def step_sentence(p: Procedure, step: AppraisalStep, zone: str | None, lang: str,
                  name=lambda text: text) -> str:
    """One step as a sentence; ``name`` prepares a name for the medium (Markdown)."""
    on = moment_day(step.at, zone, lang)
    who = name(step.by) if step.by else t("procedure.nobody", lang=lang)
    if step.state is None:
        verdict = t("procedure.agrees" if step.agrees else "procedure.disagrees", lang=lang)
        return t("procedure.step.second", date=on, name=who, verdict=verdict, lang=lang)
    if step.state == AppraisalState.PROVISIONAL:
        return t("procedure.step.voorlopig", date=on, until=_day(p.objection_until, lang),
                 lang=lang)
    if step.state == AppraisalState.OBJECTION:
        key = "procedure.step.bezwaar_late" if p.objection_late else "procedure.step.bezwaar"
        return t(key, date=on, name=who, until=_day(p.objection_until, lang), lang=lang)
    return t(f"procedure.step.{step.state}", date=on, name=who, lang=lang)


def shows_in_minutes(p: Procedure | None) -> bool:
    """Only once the result was handed over: before that, concluding says it all."""
    return p is not None and p.state not in (AppraisalState.CONCEPT, AppraisalState.DISCUSSED)


def minutes_lines(p: Procedure | None, zone: str | None, lang: str) -> list[str]:
    """The procedure's section of the minutes (Markdown), or nothing."""
    if p is None or not shows_in_minutes(p):
        return []
    lines = ["## " + t("procedure.minutes.title", lang=lang), ""]
    for step in p.steps:
        lines += [step_sentence(p, step, zone, lang, inline), ""]
        lines += [*note_lines(step.text), ""] if note_lines(step.text) else []
    return lines


def text_lines(p: Procedure | None, zone: str | None, lang: str | None = None,
               indent: str = "  ") -> list[str]:
    """The procedure for ``show`` and the history: state, steps, texts, running terms."""
    if p is None:
        return []
    from gespreks_tui.catalogue import language

    lang = lang or language()
    lines = [indent + t("procedure.show.state", state=state_word(p.state, lang), lang=lang)]
    for step in p.steps:
        lines.append(indent * 2 + step_sentence(p, step, zone, lang))
        lines += [indent * 3 + line for line in step.text.splitlines() if line.strip()]
    return lines + [indent * 2 + line for line in open_lines(p, lang, told=True)]


def open_lines(p: Procedure, lang: str | None = None, told: bool = False) -> list[str]:
    """The running terms, and whether the second assessor's agreement is still needed.
    ``told``: under the steps, whose "voorlopig" sentence already gives the objection
    term's last day (``appraisal status`` said it twice)."""
    from gespreks_tui.catalogue import language

    lang = lang or language()
    said = told and any(s.state == AppraisalState.PROVISIONAL for s in p.steps)
    lines = [t(f"procedure.show.term.{what}", date=day_text(when, lang), lang=lang)
             for what, when in p.running_terms() if not (said and what == "objection")]
    if p.before_procedure and p.state != AppraisalState.FINAL:
        lines.append(t("procedure.show.before", lang=lang))
    if p.terms.second_assessor and p.state != AppraisalState.FINAL and not p.second_agrees:
        lines.append(t("procedure.show.second_needed", lang=lang))
    return lines


def history_markdown(p: Procedure | None, zone: str | None, lang: str | None = None) -> str:
    """The procedure above a beoordeling's minutes in the history: state, steps (a text
    quoted under its step), what is open (Markdown, user text escaped); "" for none."""
    if p is None:
        return ""
    from gespreks_tui.catalogue import language

    lang = lang or language()
    lines = ["**" + inline(t("procedure.show.state", state=state_word(p.state, lang),
                               lang=lang)) + "**", ""]
    for step in p.steps:
        lines.append("- " + step_sentence(p, step, zone, lang, inline))
        lines += ["  > " + inline(line) for line in step.text.splitlines() if line.strip()]
    lines += ["- *" + inline(line) + "*" for line in open_lines(p, lang, told=True)]
    return "\n".join([*lines, "", "---", "", ""])


def history_section(store, conversation) -> str:
    """``history_markdown`` of one conversation read from ``store`` ("" for other kinds)."""
    from gespreks_tui.appraisal_procedure import applies_to

    if not applies_to(conversation.kind):
        return ""
    return history_markdown(store.appraisal_procedure(conversation.id), conversation.time_zone)
