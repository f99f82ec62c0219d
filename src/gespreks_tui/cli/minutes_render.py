"""Plain-text and JSON views of the minutes' revisions and confirmations (``show``)."""

from __future__ import annotations

from dataclasses import asdict

from gespreks_tui.catalogue import t
from gespreks_tui.model import Confirmation, Revision


def _moment(stamp: str) -> tuple[str, str]:
    from gespreks_tui.dutch_time import date_text, time_text

    return date_text(stamp), time_text(stamp)


def minutes_text(history: list[tuple[Revision, list[Confirmation]]]) -> list[str]:
    """The 'Verslag' block: every revision, and who confirmed it how."""
    lines = ["", t("show.minutes")]
    if not history:
        return lines + ["  " + t("show.no_minutes")]
    for revision, confirmations in history:
        day, time = _moment(revision.created_at)
        lines.append("  " + t("show.revision", revision=revision.revision, date=day, time=time,
                              sha=revision.sha256))
        for k in confirmations:
            day, time = _moment(k.confirmed_at)
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
