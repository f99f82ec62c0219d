"""Plain-text and JSON views of the minutes' revisions and confirmations (``show``)."""

from __future__ import annotations

from dataclasses import asdict

from gespreks_tui.catalogue import t
from gespreks_tui.model_records import Confirmation, Revision


def _moment(stamp: str, zone: str | None) -> tuple[str, str]:
    """Day and time of a stored moment in the conversation's zone."""
    from gespreks_tui.catalogue import language
    from gespreks_tui.display_time import clock_text, moment_day

    return moment_day(stamp, zone, language()), clock_text(stamp, zone)


def minutes_text(history: list[tuple[Revision, list[Confirmation]]],
                 zone: str | None = None) -> list[str]:
    """The 'Verslag' block: every revision, and who confirmed it how."""
    lines = ["", t("show.minutes")]
    if not history:
        return lines + ["  " + t("show.no_minutes")]
    for revision, confirmations in history:
        day, time = _moment(revision.created_at, zone)
        lines.append("  " + t("show.revision", revision=revision.revision, date=day, time=time,
                              sha=revision.sha256))
        for k in confirmations:
            day, time = _moment(k.confirmed_at, zone)
            lines.append("    " + t("show.confirmation", party=t(f"minutes.party.{k.party}"),
                                    name=k.name, verdict=t(f"verdict.{k.verdict}"), date=day,
                                    time=time, via=t(f"minutes.via.{k.via}")))
            if k.comment:
                first, *rest = k.comment.splitlines()
                lines.append("      " + t("show.confirmation_comment", comment=first))
                lines += [("        " + line).rstrip() for line in rest]
        if not confirmations:
            lines.append("    " + t("show.not_confirmed"))
    return lines


def minutes_json(history: list[tuple[Revision, list[Confirmation]]]) -> list[dict]:
    return [
        {"revision": r.revision, "sha256": r.sha256, "created_at": r.created_at,
         "confirmations": [{**asdict(k), "party": str(k.party), "verdict": str(k.verdict)}
                           for k in confirmations]}
        for r, confirmations in history
    ]


def sign_off_text(record) -> list[str]:
    """Where the sign-off stands (a correction asked, handed over ...), with the
    hand-overs, reopenings and answers to a correction request that are on record.
    A beoordeling's hand-over starts its objection term, and says so (``worded``)."""
    from gespreks_tui.appraisal_procedure import worded
    from gespreks_tui.catalogue import language
    from gespreks_tui.display_time import day_text, iso_day
    from gespreks_tui.model import SignOff

    zone, kind = record.conversation.time_zone, record.conversation.kind
    lines: list[str] = []
    state = record.sign_off(record.today)
    if state != SignOff.NONE:
        objected = record.procedure is not None and record.procedure.objection is not None
        lines.append("  " + t("show.sign_off",
                              state=t(worded(f"status.{state}", kind, objected))))
    for h in record.handovers:
        day, _ = _moment(h.handed_at, zone)
        lines.append("  " + t(worded("show.handover", kind), date=day,
                              until=day_text(d, language()) if (d := iso_day(str(h.until)))
                              else h.until,
                              medium=t(f"minutes.handover.medium.{h.medium}")))
    for r in record.reopenings:
        day, _ = _moment(r.reopened_at, zone)
        lines.append("  " + t("show.reopening", date=day, revision=r.from_revision or "-",
                              reason=r.reason))
    for answer in record.resolutions:
        day, _ = _moment(answer.resolved_at, zone)
        lines.append("  " + t(f"show.resolution.{answer.outcome}", date=day,
                              reason=answer.reason))
    return lines
