"""What the privacy commands print: plans, counts and one-line summaries.

Pure text from the catalogue (current language); the command line only
echoes these lines.
"""

from __future__ import annotations

from gespreks_tui.catalogue import LANGUAGES, language, t
from gespreks_tui.privacy.retention import Erasure, PurgePlan, RetentionPolicy

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


def erasure_plan_lines(erasure: Erasure, lang: str | None = None) -> list[str]:
    from gespreks_tui.privacy.names import removed_label

    name = ", ".join(p.name for p in erasure.people)
    lines = [t("privacy.erase.plan", name=name,
               conversations=erasure.removed.get("conversations", 0)),
             "  " + t("privacy.erase.removes", counts=counts_text(erasure.removed))]
    if erasure.as_manager:
        lines.append("  " + t("privacy.erase.as_manager", count=erasure.as_manager, name=name,
                              label=removed_label("manager", lang)))
    if erasure.texts:
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
