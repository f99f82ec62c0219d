"""Redacting issued minutes after an erasure (AVG art. 17): a new revision, old text gone.

The minutes of another person's conversation that mention an erased person
are not changed in place: that would keep the old fingerprint next to the
redacted text, and hashing the text with candidate names put back would
give the name away. Instead (``redact_revision``):

- when the revision is the conversation's newest, a new revision is issued
  with the redacted content, its own fingerprint, and one closing line that
  says which revision it replaces, that that one was confirmed (if it was)
  and when it was anonymised; it becomes the issued revision, and the
  conversation keeps its status (nothing the parties wrote changed);
- the old revision's text and fingerprint are removed (empty); its row and
  its confirmations stay, and ``revision_redactions`` records when it was
  anonymised and by which revision it was replaced, so that ``verify`` of a
  copy someone still holds can say exactly that.

Runs inside the erasure's transaction (module functions, no mixin state).
"""

from __future__ import annotations

import re

from gespreks_tui.catalogue import t
from gespreks_tui.display_time import moment_day
from gespreks_tui.fingerprint import FINGERPRINT, fingerprint_code, issued_content, sha256_of
from gespreks_tui.markdown_escape import inline

_CODE_LINE = re.compile(rf"^.*`{FINGERPRINT.pattern}`.*$", re.MULTILINE)


def _confirmed_line(db, revision_id: int, revision: int, lang: str, zone: str | None,
                    now: str) -> str:
    names = [r[0] for r in db.execute(
        "select name from confirmations where revision_id = ? "
        "order by party = 'manager', id", [revision_id]).fetchall()]
    day = moment_day(now, zone, lang)
    if names:
        return t("privacy.redacted.confirmed_line", lang=lang, revision=revision,
                 names=inline(", ".join(names)), date=day)
    return t("privacy.redacted.line", lang=lang, revision=revision, date=day)


def redact_revision(db, revision_id: int, markdown: str, now: str) -> int | None:
    """Replace stored revision ``revision_id`` by its redacted ``markdown``; see the module.

    Returns the number of the revision issued in its place (None: it was not
    the newest, so only its text and fingerprint were removed).
    """
    conversation_id, number = db.execute(
        "select conversation_id, revision from minutes_revisions where id = ?",
        [revision_id]).fetchone()
    lang, zone, issued, latest = db.execute(
        "select c.language, c.time_zone, c.issued_revision, "
        "(select max(revision) from minutes_revisions where conversation_id = c.id) "
        "from conversations c where c.id = ?", [conversation_id]).fetchone()
    by_revision = None
    content = issued_content(markdown)
    if number == latest and content is not None:
        by_revision = latest + 1
        content = (content.rstrip("\n") + "\n\n"
                   + _confirmed_line(db, revision_id, number, lang, zone, now) + "\n")
        sha = sha256_of(content)
        code_line = t("minutes.fingerprint", lang=lang, id=conversation_id,
                      revision=by_revision,
                      code=f"`{fingerprint_code(conversation_id, by_revision, sha)}`")
        start = _CODE_LINE.search(markdown)
        assert start is not None  # issued_content found it
        new_markdown = content + "\n" + code_line + markdown[start.end():]
        db.execute("insert into minutes_revisions (conversation_id, revision, markdown, sha256, "
                   "created_at) values (?, ?, ?, ?, ?)",
                   [conversation_id, by_revision, new_markdown, sha, now])
        if issued in (None, number):
            db.execute("update conversations set issued_revision = ? where id = ?",
                       [by_revision, conversation_id])
    db.execute("update minutes_revisions set markdown = '', sha256 = '' where id = ?",
               [revision_id])
    db.execute("insert or replace into revision_redactions (revision_id, redacted_at, "
               "by_revision) values (?, ?, ?)", [revision_id, now, by_revision])
    return by_revision


def redaction_of(db, conversation_id: int, revision: int) -> tuple[str, int | None] | None:
    """(redacted_at, by_revision) when that revision was anonymised, else None."""
    row = db.execute(
        "select x.redacted_at, x.by_revision from revision_redactions x "
        "join minutes_revisions r on r.id = x.revision_id "
        "where r.conversation_id = ? and r.revision = ?", [conversation_id, revision]).fetchone()
    return (row[0], row[1]) if row else None
