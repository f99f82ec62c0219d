"""Plain-text and JSON views of conversations for the command line, and the one
way the command line writes for people (``echo_safe``, ``echo_json``, ``prompt_safe``).

Every line the commands print passes ``gespreks_tui.safe_text``: a name, note,
agreement, comment, path or returned file (the ``verify``/``confirm`` diff is
what a tamperer wrote) can hold ESC, C1 or bidi characters, and click strips
only colour codes, and only when the output is not a terminal. So control
characters are printed as pictures and bidi and invisible characters as
markers, whether to a terminal, a pipe or a file; JSON escapes them instead,
so it stays valid and round-trips. Line feeds and tabs stay as they are.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from gespreks_tui.agreement_state import state_word
from gespreks_tui.appraisal_scale import legacy_scale
from gespreks_tui.catalogue import language, t
from gespreks_tui.cycle import trail_line
from gespreks_tui.display_time import day_text, iso_day, machine_zone, moment_day, moment_text
from gespreks_tui.model import (
    Agreement,
    AgreementStatus,
    Conversation,
    ConversationSummary,
    FollowUp,
    Visibility,
)
from gespreks_tui.model_records import Score
from gespreks_tui.safe_text import json_text, safe, safe_lines


def echo_safe(text: object = "", err: bool = False, nl: bool = True) -> None:
    """``click.echo`` for text meant for people: nothing in it can act on a terminal."""
    click.echo(safe_lines(str(text)), err=err, nl=nl)


def write_stdout(document: str | bytes) -> None:
    """A document on stdout (``-o -``) exactly as its file would hold it, so a pipe
    (``gespreks export 2 -o - | gespreks verify -``) gets every byte; on a terminal,
    text is made safe (``echo_safe``, CRLF shown as plain line ends). Binary (a PDF)
    never goes to a terminal: the caller refuses that first, in its own words."""
    import sys

    out = sys.stdout.buffer
    if out.isatty() and isinstance(document, str):
        echo_safe(document.replace("\r\n", "\n"), nl=False)
        return
    out.write(document.encode("utf-8") if isinstance(document, str) else document)
    out.flush()


def echo_lines(lines: list[str], err: bool = False) -> None:
    """Several lines at once, through ``echo_safe``."""
    echo_safe("\n".join(lines), err=err)


def echo_json(data: object) -> None:
    """``data`` as indented JSON, with controls, bidi and invisible characters escaped."""
    click.echo(json_text(data))


def prompt_safe(text: str, **options: Any) -> Any:
    """``click.prompt`` with a question that may name a person or a path, asked on
    stderr: stdout holds only what the command produces (``export -o - | ...``)."""
    options.setdefault("err", True)
    return click.prompt(safe(text), **options)


def echo_document(**parts: object) -> None:
    """A ``--json`` answer: one object, ``"format"`` first (``json_format``)."""
    from gespreks_tui.cli.json_format import document

    echo_json(document(**parts))


def error_line(error: click.ClickException) -> str:
    """A click error as one line in the user's language.

    A usage error is click's message (worded by the catalogue, ``click_words``)
    and where to find help, on one line: click's own form is the usage line, a
    hint and "Error: ..." on three or four.
    """
    if isinstance(error, click.UsageError):
        message = " ".join(_missing_text(error).split())
        if not message.endswith((".", "?", "!", ")")):  # "Kies uit: a, b, c" ends a sentence
            message += "."
        command = error.ctx.command_path if error.ctx is not None else "gespreks"
        return t("cli.usage_error", message=message, command=command)
    return error.format_message()


def _missing_text(error: click.UsageError) -> str:
    """Click's message, but a missing argument or option worded as a sentence ("Het
    argument ID ontbreekt.", click's own reads "Argument ontbreekt 'ID'."), followed
    by what click adds (the choices)."""
    if not isinstance(error, click.MissingParameter) or error.param is None:
        return error.format_message()
    param = error.param
    kind = error.param_type or param.param_type_name
    if kind not in ("argument", "option"):
        return error.format_message()
    name = (param.get_error_hint(error.ctx) if error.ctx is not None
            else param.name or "").replace("'", "").replace('"', "")
    extra = param.type.get_missing_message(param=param, ctx=error.ctx) or ""
    return " ".join(part for part in (t(f"cli.missing_{kind}", name=name),
                                      error.message, extra) if part)


def show_error(error: click.ClickException) -> None:
    """A click error on stderr, made safe: click repeats what was typed on the command
    line. A refusal of ours (``options.UserError``) is its message as it is."""
    echo_safe(error_line(error), err=True)


def local_time(stamp: str | None, zone: str | None = None) -> str:
    """A stored UTC moment as '30 september 2026 14:05' in the conversation's zone
    (``display_time``; without one, the zone a new conversation would take)."""
    if not stamp:
        return "-"
    return moment_text(stamp, zone or machine_zone(), language())


def day_of(value: str | None, missing: str, short: bool = False) -> str:
    """A stored date as '30 september 2026' ('30 sep 2026' in a table); text that
    is no ISO date as it is."""
    if not value:
        return missing
    day = iso_day(value)
    return day_text(day, language(), short) if day is not None else value


def minutes(seconds: float) -> int:
    return round(seconds / 60)


def summary_table(rows: list[ConversationSummary],
                  procedure: dict[int, str] | None = None) -> list[str]:
    """``gespreks list`` in 80 columns. ``procedure``: a beoordeling's procedure state
    (issue 18) shown as its status.

    The columns are as wide as what they hold (in terminal cells); when that is
    wider than 80 the kind takes its short name ("voortgang"), then the header of
    the open agreements goes over two lines ("open" over "afspr."), and only then
    names and states wrap at words and after hyphens inside their column
    (``goal_table.aligned_rows``). The state is the last column, so a long one
    ("uitgereikt, geen reactie") reads on under itself. Prepared appraisals not
    held yet ("concept") are not earlier conversations: they follow under a
    heading of their own, as on the start screen. ``--json`` is unchanged."""
    from rich.cells import cell_len

    from gespreks_tui.cli.goal_table import WIDTH, aligned_rows
    from gespreks_tui.kind_names import kind_name
    from gespreks_tui.model import Status

    procedure = procedure or {}
    prepared = [r for r in rows if r.status == Status.DRAFT]
    held = [r for r in rows if r.status != Status.DRAFT]

    def table(short: bool, brief: bool = False) -> list[list[str]]:
        def kind(r: ConversationSummary) -> str:
            name = kind_name(r.kind, short=short)
            return name[:1].lower() + name[1:] if short else name

        header = [t("cli.col.id"), t("cli.col.date"), t("cli.col.kind"),
                  t("cli.col.employee"), t("cli.col.manager"),
                  t("cli.list.col_open_short" if brief else "cli.col.open"),
                  t("cli.col.status")]
        return [header] + [[str(r.id), moment_day(r.date, r.time_zone, language(), short=True),
                            kind(r), r.employee, r.manager or "-", str(r.open_agreements),
                            t(f"procedure.state.{procedure[r.id]}") if r.id in procedure
                            else t(f"status.{r.state}")]
                           for r in held + prepared]

    def fits(laid_out: list[list[str]]) -> bool:
        return all(cell_len(line) <= WIDTH for row in laid_out for line in row)

    # the least change that fits: the short kind, then "open afspr." over two lines,
    # and only then names and states wrapped at words (the state is the last column:
    # a long one, "uitgereikt, geen reactie", goes on under itself)
    for short, brief, wrappable in ((False, False, set()), (True, False, set()),
                                    (True, True, {5})):
        laid_out = aligned_rows(table(short, brief), wrappable, hyphens=True)
        if fits(laid_out):
            break
    else:
        laid_out = aligned_rows(table(True, True), wrappable={2, 3, 4, 5, 6}, hyphens=True)
    lines = [line for row in laid_out[:1 + len(held)] for line in row]
    if prepared:
        lines += ["", t("cli.list.prepared")]
        lines += [line for row in laid_out[1 + len(held):] for line in row]
    return lines


def summary_json(row: ConversationSummary, procedure: str | None = None) -> dict:
    """One row of ``list --json``, in the keys of ``json_format`` (``date`` is
    ``started_at``, a UTC moment; ``procedure_state``: a beoordeling's only, as
    ``show --json`` has ``procedure`` for a beoordeling only)."""
    from gespreks_tui.cli.json_format import renamed

    data = {**asdict(row), "kind": str(row.kind), "status": str(row.status),
            "sign_off": str(row.sign_off)}
    if procedure is not None:
        data["procedure_state"] = procedure
    del data["time_zone"]
    return renamed(data, {"date": "started_at"})


def agreement_line(a: Agreement) -> str:
    """One agreement; its state word says what happened ("niet gehaald" is never "gedaan")."""
    return t("show.agreement", mark="x" if a.status == AgreementStatus.DONE else " ",
             text=a.text, owner=t(f"owner.{a.owner or 'none'}"),
             due=day_of(a.due_date, t("show.no_due")), status=state_word(a))


def conversation_text(
    c: Conversation, notes: dict, agreements: list[Agreement], follow_ups: list[FollowUp],
    private: bool, trails: dict[int, list] | None = None,
    served: dict[int, str] | None = None,
) -> list[str]:
    """``show``'s text; ``served``: the titles of the goals agreements serve, by goal id."""
    from gespreks_tui.kind_names import kind_title

    used = sum(p.used_seconds for p in c.phases)
    lines = [
        t("show.title", kind=kind_title(c.kind), employee=c.employee_name,  # chosen name
          id=c.id),
        t("show.meta", manager=c.manager_name or "-", date=local_time(c.started_at, c.time_zone),
          status=t(f"status.{c.status}"), planned=minutes(c.planned_seconds),
          used=minutes(used)),
    ]
    if c.next_evaluation:
        lines.append(t("show.next_evaluation", date=day_of(c.next_evaluation, "-")))
    if follow_ups:
        lines += ["", t("show.follow_ups")]
        for f in follow_ups:
            comment = f" — {f.comment}" if f.comment else ""
            lines.append("  " + t("show.follow_up", text=f.agreement_text,
                                  outcome=t(f"outcome.{f.outcome}"), comment=comment))
    for phase in c.phases:
        lines += ["", t("show.phase", name=phase.name, planned=minutes(phase.planned_seconds),
                        used=minutes(phase.used_seconds))]
        shared = notes.get((phase.position, Visibility.SHARED), "")
        lines += ["  " + line for line in shared.splitlines()] or ["  " + t("show.no_notes")]
        secret = notes.get((phase.position, Visibility.PRIVATE), "")
        if private and secret:
            lines.append("  " + t("show.private_label"))
            lines += ["    " + line for line in secret.splitlines()]
    lines += ["", t("show.agreements")]
    lines += [line for a in agreements
              for line in _agreement_with_trail(a, trails, served or {})] or [
        "  " + t("show.no_agreements")]
    if not private and any(v == Visibility.PRIVATE and body for (_, v), body in notes.items()):
        lines += ["", t("show.private_hidden")]
    return lines


def _agreement_with_trail(a: Agreement, trails: dict[int, list] | None,
                          served: dict[int, str]) -> list[str]:
    """The agreement's line with its number, the goal it serves, then its trail (made,
    followed up, outcomes)."""
    goal = (["      " + t("goals.cli.show.serves", id=a.goal_id, title=served[a.goal_id])]
            if a.goal_id in served else [])
    return ["  " + t("show.agreement_id", line=agreement_line(a), id=a.id)] + goal + [
        "      " + trail_line(step) for step in (trails or {}).get(a.id, [])]


def conversation_json(
    c: Conversation, notes: dict, agreements: list[Agreement], follow_ups: list[FollowUp],
    private: bool, trails: dict[int, list] | None = None,
) -> dict:
    from gespreks_tui.cli.json_format import renamed

    data = renamed(asdict(c), {"employee_name": "employee", "manager_name": "manager"})
    for phase in data["phases"]:
        phase["notes"] = notes.get((phase["position"], Visibility.SHARED), "")
        if private:
            phase["private_notes"] = notes.get((phase["position"], Visibility.PRIVATE), "")
    data["agreements"] = [asdict(a) for a in agreements]
    if trails is not None:
        for entry in data["agreements"]:
            entry["trail"] = [asdict(step) for step in trails.get(entry["id"], [])]
    data["follow_ups"] = [asdict(f) for f in follow_ups]
    return data


def scores_text(c: Conversation, scores: list[Score], overall: tuple[int | None, str]) -> list[str]:
    """The appraisal scores, when the conversation has criteria or scores."""
    criteria = [name for phase in c.phases for name in phase.criteria]
    if not criteria and not scores and overall[0] is None:
        return []
    given = {s.position: s for s in scores}

    # The labels as the scores were given, in the conversation's language, as the app
    # and the minutes show them (walk25 F29: "unsatisfactory" there, "onvoldoende" here).
    scale = c.scale if c.scale is not None else legacy_scale(c.language)

    def label(score: int | None) -> str:
        return scale.numbered(score) if score else "-"

    lines = ["", t("minutes.scores")]
    if c.scale is not None:
        lines.append("  " + t("scale.legend", legend=scale.legend()))
    for position, name in enumerate(criteria):
        s = given.get(position)
        comment = f" — {s.comment}" if s and s.comment else ""
        lines.append(f"  {name}: {label(s.score if s else None)}{comment}")
    lines.append("  " + t("minutes.overall", score=label(overall[0])))
    if overall[1]:
        lines.append("  " + t("minutes.overall_comment", comment=overall[1]))
    return lines


def scores_json(scores: list[Score], overall: tuple[int | None, str]) -> dict:
    return {"criteria": [asdict(s) for s in scores],
            "overall": {"score": overall[0], "comment": overall[1]}}
