"""Everything stored about one person, as files they can read (AVG art. 15).

``build_export(store, person)`` gathers it; ``write_export(directory, export)``
writes it into a new owner-only (0700) directory, every file 0600, all or
nothing. The files:

- ``00-overzicht.md``: what is in the export, which private notes it holds,
  the conversations the person led as manager (listed only);
- one Markdown file per conversation in which the person is the employee:
  the minutes (``render_minutes``: the shared part, as issued) for a concluded
  one, a plain rendering of what is recorded for one that still runs; then
  appendices with every earlier issued revision (with its confirmations), the
  employee's preparation, and — clearly marked — the manager's private notes;
- ``gegevens.json``: every stored row about the person, per table.

Mentions of the person in other people's records (a note about Aylin that
names Joris, a sentence in her stored minutes) are included as excerpts, in
the overview and in the JSON (``access_mentions``: the same places an
erasure lists); with ``black_out`` the names of other people in them are
replaced (art. 15(4)), and the overview says what was included and what was
blacked out.

Private notes are included on purpose: Dutch case law counts a manager's notes
about an employee as personal data open to the right of access.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from gespreks_tui import __version__
from gespreks_tui.access_mentions import ExportedMention, export_mentions
from gespreks_tui.catalogue import language, t
from gespreks_tui.dutch_time import date_text, time_text
from gespreks_tui.errors import Term
from gespreks_tui.exports import ExportError, slug, write_private
from gespreks_tui.markdown_escape import inline, note_lines
from gespreks_tui.model import Kind, Person, Status, Visibility
from gespreks_tui.safe_text import json_text

FORMAT = "gespreks-tui/person-export/1"
BREAK = ["", "---", ""]


@dataclass(frozen=True)
class PrivateNote:
    conversation_id: int
    kind: Kind
    date: str
    phase: str
    text: str


@dataclass(frozen=True)
class ConversationFile:
    conversation_id: int
    kind: Kind
    date: str
    status: Status
    file: str


@dataclass(frozen=True)
class LedConversation:
    """A conversation the person led as manager: listed, not exported (it is the employee's)."""

    conversation_id: int
    kind: Kind
    date: str
    status: Status


@dataclass(frozen=True)
class PersonExport:
    person: Person
    files: dict[str, str]
    conversations: tuple[ConversationFile, ...]
    private_notes: tuple[PrivateNote, ...]
    as_manager: tuple[LedConversation, ...]
    json_file: str
    index_file: str
    mentions: tuple[ExportedMention, ...] = ()
    black_out: bool = False


def _appendix(title: str, body: list[str]) -> list[str]:
    return [*BREAK, "# " + title, "", *body]


def _conversation_markdown(store, person: Person, conversation_id: int, lang: str,
                           created: str) -> tuple[str, list[PrivateNote]]:
    from gespreks_tui.minutes import render_minutes
    from gespreks_tui.minutes.goals import goal_section
    from gespreks_tui.minutes.render import render_content

    c = store.get_conversation(conversation_id)
    day = date_text(c.started_at or c.created_at)
    notes = store.notes(conversation_id)
    banner = ["> " + t("privacy.md.banner", lang=lang, name=inline(person.name), id=c.id,
                       date=created)]
    shown: int | None = None
    if c.status in (Status.CONCLUDED, Status.CONFIRMED):
        minutes = render_minutes(store, conversation_id)
        if minutes.stored:  # as issued, with the confirmations given
            shown = minutes.revision
            body = minutes.markdown.rstrip("\n").split("\n")
        else:  # no fingerprint or confirmation boxes for minutes never issued
            body = minutes.content.rstrip("\n").split("\n")
            banner += [">", "> " + t("privacy.md.not_issued", lang=lang)]
    else:
        body = render_content(c, notes, store.agreements(conversation_id),
                              store.follow_ups(conversation_id), c.language,
                              store.scores(conversation_id),
                              store.overall(conversation_id),
                              goal_section(store.conversation_record(conversation_id),
                                           c.language)).rstrip("\n").split("\n")
        banner += [">", "> " + t("privacy.md.running", lang=lang,
                                 status=t(f"status.{c.status}", lang=lang))]
    lines = [*banner, "", *body]

    for revision in store.revisions(conversation_id):
        if revision.revision == shown:
            continue
        issued = render_minutes(store, conversation_id, revision=revision.revision)
        lines += _appendix(t("privacy.md.revision", lang=lang, revision=revision.revision,
                             date=date_text(revision.created_at),
                             time=time_text(revision.created_at)),
                           issued.markdown.rstrip("\n").split("\n"))

    prepared = store.preparation(conversation_id)
    if prepared:
        body = []
        for phase in c.phases:
            answer = note_lines(prepared.get(phase.position, ""))
            if answer:
                body += ["## " + inline(phase.name), "", *answer, ""]
        lines += _appendix(t("privacy.md.preparation", lang=lang), body[:-1])

    private: list[PrivateNote] = []
    body = ["> " + t("privacy.md.private_intro", lang=lang), ""]
    for phase in c.phases:
        text = notes.get((phase.position, Visibility.PRIVATE), "")
        if note_lines(text):
            private.append(PrivateNote(c.id, c.kind, day, phase.name, text))
            body += ["## " + inline(phase.name), "", *note_lines(text), ""]
    if private:
        lines += _appendix(t("privacy.md.private", lang=lang), body[:-1])
    return "\n".join(lines) + "\n", private


def _mention_place(m: ExportedMention, lang: str) -> str:
    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    found = m.mention
    field = tr(f"privacy.field.{found.field}")
    if found.revision is not None:
        field = tr("privacy.mention.minutes", revision=found.revision)
    if found.phase:
        field += f" ({inline(found.phase)})"
    if found.conversation_id is None:
        return tr("privacy.mention.nowhere", field=field)
    place = tr("privacy.mention.place", id=found.conversation_id,
               kind=tr(f"kind.{found.conversation_kind}"), date=found.date, field=field)
    if m.employee is not None:
        place += " " + tr("privacy.mention.employee", name=inline(m.employee))
    return place


def _mention_lines(mentions: list[ExportedMention], black_out: bool, lang: str) -> list[str]:
    """The overview's section with every mention in other people's records.

    Ends with what was included (how many in notes, agreements, minutes, …)
    and what was blacked out.
    """
    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    lines = ["", "## " + tr("privacy.index.mentions"), "", tr("privacy.index.mentions_intro"), ""]
    for number, m in enumerate(mentions, 1):
        lines.append(f"{number}. " + _mention_place(m, lang))
        lines.append("   > " + inline(m.sentence))
        if m.candidate:
            lines.append("   " + tr("privacy.mention.candidate"))
    if not mentions:
        lines.append("- " + tr("privacy.index.no_mentions"))
    per_field: dict[str, int] = {}
    for m in mentions:
        per_field[m.mention.field] = per_field.get(m.mention.field, 0) + 1
    included = ", ".join(tr("privacy.count", label=tr(f"privacy.field.{f}"), count=n)
                         for f, n in per_field.items()) or tr("privacy.nothing")
    lines += ["", tr("privacy.index.included", count=len(mentions), fields=included)]
    hidden = sum(m.blacked_out for m in mentions)
    lines.append(tr("privacy.index.blacked_out", count=hidden,
                    excerpts=sum(1 for m in mentions if m.blacked_out)) if black_out
                 else tr("privacy.index.not_blacked_out"))
    return lines


def _index(export_person: Person, files: list[ConversationFile], private: list[PrivateNote],
           led: list[LedConversation], json_file: str, groups: int, lang: str,
           created: str, mentions: list[ExportedMention] | None = None,
           black_out: bool = False) -> str:
    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    name = inline(export_person.name)
    lines = ["# " + tr("privacy.index.title", name=name), "",
             tr("privacy.index.intro", date=created, version=__version__), "",
             "## " + tr("privacy.index.files"), ""]
    for f in files:
        lines.append("- " + tr("privacy.index.file", file=f"`{f.file}`",
                               kind=tr(f"kind.{f.kind}"), date=f.date,
                               status=tr(f"status.{f.status}")))
    if not files:
        lines.append("- " + tr("privacy.index.no_conversations"))
    lines += ["- " + tr("privacy.index.json", file=f"`{json_file}`"), "",
              "## " + tr("privacy.index.private"), "", tr("privacy.md.private_intro"), ""]
    for note in private:
        lines.append("- " + tr("privacy.private_line", id=note.conversation_id,
                               kind=tr(f"kind.{note.kind}"), date=note.date,
                               phase=inline(note.phase)))
    if not private:
        lines.append("- " + tr("privacy.index.no_private"))
    lines += ["", "## " + tr("privacy.index.as_manager"), "",
              tr("privacy.index.as_manager_intro"), ""]
    for c in led:
        lines.append("- " + tr("privacy.led_line", id=c.conversation_id,
                               kind=tr(f"kind.{c.kind}"), date=c.date,
                               status=tr(f"status.{c.status}")))
    if not led:
        lines.append("- " + tr("privacy.index.none"))
    lines += _mention_lines(mentions or [], black_out, lang)
    left = export_person.left_on or tr("privacy.index.not_left")
    lines += ["", "## " + tr("privacy.index.other"), "",
              "- " + tr("privacy.index.left_on", date=inline(left)),
              "- " + tr("privacy.index.groups", count=groups)]
    return "\n".join(lines) + "\n"


def build_export(store, person: Person, lang: str | None = None,
                 black_out: bool = False) -> PersonExport:
    """Gather everything stored about ``person`` (texts around it in ``lang``).

    ``black_out``: other people's names in the excerpts from their records
    are replaced by "▇▇▇" (AVG art. 15(4)).
    """
    lang = lang or language()
    created = date_text(store.now())
    rows = store.person_rows(person.id)
    files: dict[str, str] = {}
    listed: list[ConversationFile] = []
    private: list[PrivateNote] = []
    for summary in sorted(store.list_conversations(person.id), key=lambda s: (s.date, s.id)):
        day = date_text(summary.date)
        name = t("privacy.file.conversation", lang=lang, date=day, id=summary.id,
                 kind=slug(t(f"kind.{summary.kind}", lang=lang))) + ".md"
        text, notes = _conversation_markdown(store, person, summary.id, lang, created)
        files[name] = text
        private += notes
        listed.append(ConversationFile(summary.id, summary.kind, day, summary.status, name))
    led = [LedConversation(r["id"], Kind(r["kind"]),
                           date_text(r["started_at"] or r["created_at"]), Status(r["status"]))
           for r in rows["as_manager"]["conversations"]]
    mentions = export_mentions(store, person, black_out)
    json_file = t("privacy.file.json", lang=lang)
    data = {
        "format": FORMAT, "created_at": store.now(), "person": rows["tables"]["people"][0],
        "private_notes_included": True,
        "private_notes": [{"conversation_id": n.conversation_id, "phase": n.phase,
                           "text": n.text} for n in private],
        "tables": rows["tables"], "as_manager": rows["as_manager"],
        "third_party_names_blacked_out": black_out,
        "mentions_in_other_records": [
            {"conversation_id": m.mention.conversation_id,
             "kind": m.mention.conversation_kind, "date": m.mention.date,
             "field": m.mention.field, "revision": m.mention.revision,
             "phase": m.mention.phase, "employee": m.employee, "sentence": m.sentence,
             "candidate": m.candidate, "names_blacked_out": m.blacked_out}
            for m in mentions],
    }
    index_file = t("privacy.file.index", lang=lang)
    groups = len(rows["tables"].get("collective_members", []))
    files = {index_file: _index(person, listed, private, led, json_file, groups, lang, created,
                                mentions, black_out),
             **files,
             json_file: json_text(data) + "\n"}  # valid JSON, nothing raw in it
    return PersonExport(person=person, files=files, conversations=tuple(listed),
                        private_notes=tuple(private), as_manager=tuple(led),
                        json_file=json_file, index_file=index_file,
                        mentions=tuple(mentions), black_out=black_out)


def _make_parents(folder: Path) -> None:
    """Create missing ancestors owner-only (``mkdir(parents=True)`` would use the umask)."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)


def write_export(directory: Path | str, export: PersonExport) -> Path:
    """Write the export into ``directory``: new (or empty), 0700, files 0600, all or nothing.

    Raises ``ExportError`` (one line) when the directory exists and is not
    empty, is a file, or cannot be written; nothing is left behind then.
    """
    target = Path(directory).expanduser().absolute()
    if target.exists():
        if not target.is_dir():
            raise ExportError("export.failed", path=target,
                              reason=Term("privacy.export.not_a_directory"))
        if any(target.iterdir()):
            raise ExportError("export.failed", path=target,
                              reason=Term("privacy.export.not_empty"))
    temporary: str | None = None
    try:
        _make_parents(target.parent)
        temporary = tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp",
                                     dir=target.parent)
        os.chmod(temporary, 0o700)
        for name, text in export.files.items():
            write_private(Path(temporary) / name, text)
        if target.is_dir():  # empty (checked above): Windows renames onto nothing else
            target.rmdir()  # a file put there meanwhile makes this fail: nothing replaced
        os.replace(temporary, target)  # a filled folder that appeared meanwhile is refused
        temporary = None
    except ExportError as error:
        raise ExportError("export.failed", path=target, reason=error.reason) from error
    except OSError as error:
        raise ExportError("export.failed", path=target,
                          reason=error.strerror or str(error)) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                shutil.rmtree(temporary)
    return target


def request_line(request, today) -> str:
    """One line for ``gespreks due``: an access request not yet answered, and its deadline.

    ``request`` is a ``store.person_export.AccessRequest``; ``today`` a date.
    """
    key = "due.access_request_overdue" if request.due < today else "due.access_request"
    return t(key, name=request.name, date=request.requested_on, due=request.due.isoformat(),
             extended=request.extended.isoformat())
