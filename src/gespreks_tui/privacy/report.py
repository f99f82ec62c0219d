"""What the privacy commands print: plans, counts and one-line summaries.

Pure text from the catalogue (current language); the command line only
echoes these lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from gespreks_tui.catalogue import LANGUAGES, language, t
from gespreks_tui.privacy.retention import (
    Erasure,
    PurgePlan,
    RetentionOverview,
    RetentionPolicy,
)

if TYPE_CHECKING:
    from gespreks_tui.privacy.mentions import Mention

# The order in which removed rows are counted; tables added later follow by name.
TABLE_ORDER = ("people", "conversations", "phases", "notes", "agreements", "follow_ups",
               "scores", "preparations", "minutes_revisions", "confirmations",
               "collective_members", "collectives", "settings")


def table_label(table: str) -> str:
    key = f"privacy.table.{table}"
    return t(key) if key in LANGUAGES[language()] else table


def counts_text(removed: dict[str, int]) -> str:
    """'gesprekken: 2, fasen: 7, …' (or 'niets')."""
    order = [t_ for t_ in TABLE_ORDER if t_ in removed] + sorted(
        t_ for t_ in removed if t_ not in TABLE_ORDER)
    parts = [t("privacy.count", label=table_label(name), count=removed[name])
             for name in order if removed[name]]
    return ", ".join(parts) or t("privacy.nothing")


def mention_lines(name: str, mentions: Sequence[Mention], lang: str | None = None) -> list[str]:
    """Each mention in other people's records, numbered, with its place and sentence."""
    from gespreks_tui.privacy.names import removed_label

    if not mentions:
        return ["  " + t("privacy.erase.no_mentions", name=name)]
    lines = ["  " + t("privacy.erase.mentions", name=name, count=len(mentions),
                      label=removed_label("person", lang))]
    for m in mentions:
        lines.append("  " + t("privacy.erase.mention", number=m.number, place=mention_place(m),
                              field=field_label(m),
                              kind=t("privacy.erase.mention_part") if m.candidate else "",
                              excerpt=m.excerpt))
    return lines


def mention_place(m: Mention) -> str:
    """'gesprek 3 (2026-06-10)', or 'buiten een gesprek'."""
    if m.conversation_id is None:
        return t("privacy.erase.mention_nowhere")
    return t("privacy.erase.mention_place", id=m.conversation_id, date=m.date or "–")


def field_label(m: Mention) -> str:
    """'privé-notitie', 'verslag (revisie 2)', 'toelichting bij score (Resultaten)'."""
    if m.revision is not None:
        return t("privacy.mention.minutes", revision=m.revision)
    label = t(f"privacy.field.{m.field}")
    return f"{label} ({m.phase})" if m.phase else label


def erasure_plan_lines(erasure: Erasure, lang: str | None = None,
                       mentions: Sequence[Mention] | None = None) -> list[str]:
    """The plan; with ``mentions`` (``plan_erasure``'s) each one listed for review."""
    from gespreks_tui.privacy.names import removed_label

    name = ", ".join(p.name for p in erasure.people)
    lines = [t("privacy.erase.plan", name=name,
               conversations=erasure.removed.get("conversations", 0)),
             "  " + t("privacy.erase.removes", counts=counts_text(erasure.removed))]
    if erasure.as_manager:
        lines.append("  " + t("privacy.erase.as_manager", count=erasure.as_manager, name=name,
                              label=removed_label("manager", lang)))
    if mentions is not None:
        lines.extend(mention_lines(name, mentions, lang))
    elif erasure.texts:
        lines.append("  " + t("privacy.erase.texts", count=erasure.texts,
                              label=removed_label("person", lang)))
    if erasure.settings:
        lines.append("  " + t("privacy.erase.settings", keys=", ".join(erasure.settings)))
    lines.append(t("privacy.erase.irreversible"))
    return lines


def erasure_summary(erasure: Erasure) -> str:
    return t("privacy.erase.done", name=", ".join(p.name for p in erasure.people),
             rows=erasure.rows, conversations=erasure.removed.get("conversations", 0),
             as_manager=erasure.as_manager, texts=erasure.texts)


def policy_lines(policy: RetentionPolicy) -> list[str]:
    lines = [t("privacy.retention.title"),
             "  " + t("privacy.retention.left", years=policy.left_years)]
    if policy.max_age_years is None:
        lines.append("  " + t("privacy.retention.max_age_off"))
    else:
        lines.append("  " + t("privacy.retention.max_age", years=policy.max_age_years))
    return lines


def purge_lines(plan: PurgePlan) -> list[str]:
    """The list of what is past retention (and what is kept although old)."""
    if plan.empty and not plan.kept:
        return [t("privacy.purge.nothing", today=plan.today.isoformat())]
    lines = [t("privacy.purge.header", today=plan.today.isoformat())]
    for p in plan.people:
        lines.append("  " + t("privacy.purge.person", name=p.person.name, left=p.left_on,
                              last=p.last_conversation or t("privacy.purge.no_conversation"),
                              until=p.until.isoformat(), conversations=p.conversations))
    for p in plan.people:
        found = plan.mentions.get(p.person.id, ())
        if found:
            lines.append("  " + t("privacy.purge.mentions", name=p.person.name,
                                  count=len(found)))
            lines.extend("  " + line for line in mention_lines(p.person.name, found)[1:])
    for c in plan.conversations:
        lines.append("  " + t("privacy.purge.conversation", id=c.id, kind=t(f"kind.{c.kind}"),
                              date=c.date, employee=c.employee,
                              years=plan.policy.max_age_years, until=c.until.isoformat()))
    for c in plan.kept:
        lines.append("  " + t("privacy.purge.kept", id=c.id, kind=t(f"kind.{c.kind}"),
                              date=c.date, employee=c.employee,
                              years=plan.policy.max_age_years, count=c.open_agreements))
    if plan.empty:
        lines.append(t("privacy.purge.nothing", today=plan.today.isoformat()))
        return lines
    lines.append("  " + t("privacy.erase.removes", counts=counts_text(plan.effect.removed)))
    if plan.effect.as_manager:
        lines.append("  " + t("privacy.purge.as_manager", count=plan.effect.as_manager))
    return lines


def purge_summary(plan: PurgePlan) -> str:
    return t("privacy.purge.done", people=len(plan.people),
             conversations=plan.effect.removed.get("conversations", 0),
             rows=plan.effect.rows)


def kept_lines(overview: RetentionOverview, with_open: bool = True) -> list[str]:
    """What the policy keeps, why, and what it keeps without end (``retention``, a dry run).

    ``with_open=False`` leaves out the old conversations kept for an open
    agreement (the purge plan lists those already).
    """
    years = overview.policy.max_age_years
    lines = [t("privacy.kept.title", today=overview.today.isoformat())]
    for p in overview.waiting:
        lines.append("  " + t("privacy.kept.left", name=p.person.name, left=p.left_on,
                              last=p.last_conversation or t("privacy.purge.no_conversation"),
                              until=p.until.isoformat(), years=overview.policy.left_years))
    for person in overview.unreadable:
        lines.append("  " + t("privacy.kept.unreadable", name=person.name,
                              left=person.left_on or ""))
    for c in overview.open_kept if with_open else ():
        lines.append("  " + t("privacy.kept.open", id=c.id, kind=t(f"kind.{c.kind}"),
                              date=c.date, employee=c.employee, years=years,
                              count=c.open_agreements))
    if len(lines) == 1:
        lines.append("  " + t("privacy.kept.none"))
    if overview.staying and years is None:
        lines.append(t("privacy.kept.forever_title"))
        for s in overview.staying:
            lines.append("  " + t("privacy.kept.forever", name=s.person.name,
                                  conversations=s.conversations, open=s.open_agreements))
        lines.append(t("privacy.kept.forever_hint"))
    elif overview.staying:
        lines.append(t("privacy.kept.staying", count=len(overview.staying), years=years))
    return lines
