"""What was typed in a meeting, as one Markdown text: for when the database lost it.

If the conversation disappears from the database while it is on screen (the
person erased, the conversation purged, the file replaced), nothing typed can
be saved there any more; the meeting screen offers to keep it in an
owner-only file instead. Shared and private notes per phase, and the
agreements known on screen, each clearly headed.
"""

from __future__ import annotations

from gespreks_tui.catalogue import t
from gespreks_tui.model import Agreement, Conversation, Visibility


def rescue_text(c: Conversation, texts: dict[tuple[int, Visibility], str],
                agreements: list[Agreement]) -> str:
    """Notes per phase (shared, then private) and the agreements, as Markdown."""
    lines = [f"# {t(f'kind.{c.kind}').capitalize()} — {c.employee_name}", ""]
    for phase in c.phases:
        for visibility in (Visibility.SHARED, Visibility.PRIVATE):
            body = texts.get((phase.position, visibility), "")
            if body.strip():
                mode = t("rescue.private") if visibility == Visibility.PRIVATE else ""
                lines += [f"## {phase.name}{mode}", "", body.rstrip(), ""]
    if agreements:
        lines += [f"## {t('agreements.title')}", ""]
        lines += [f"- {a.text}" for a in agreements]
        lines.append("")
    return "\n".join(lines)
