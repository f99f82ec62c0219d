"""Where a person is mentioned in other people's records: the one search (issue 15).

``find_mentions(db, person)`` is used by the erasure plan (``store.privacy``)
and by the access export (``access_export``), so that what the export shows
and what an erasure lists are the same places, by construction.

Only free-text columns are read (``SOURCES``): never the agenda (phase
names, questions, criteria), templates, settings or names, except the
names typed in as text with a step of the appraisal procedure (the second
assessor, who objected, who made it final: ``appraisal_steps.by``). Left out are the
rows of the person's own conversations (erased with them, exported in full)
and the minutes of conversations they led (their name there becomes the
neutral manager label). Each text is pre-selected in SQL — ``instr`` for a
part of the name as written with its capital, ``like`` on every word for the
full name in any case — so only texts that may mention the person reach
Python, where ``privacy.matcher.MentionMatcher`` decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gespreks_tui.dutch_time import date_text
from gespreks_tui.model import Person
from gespreks_tui.privacy.matcher import MentionMatcher, lowercase_word
from gespreks_tui.privacy.mentions import Mention, excerpt, sentence
from gespreks_tui.store.tables import quote

_OF_PHASE = "(select p.conversation_id from phases p where p.id = t.phase_id)"
_OF_REVISION = "(select r.conversation_id from minutes_revisions r where r.id = t.revision_id)"


@dataclass(frozen=True)
class Source:
    """A free-text column: the SQL of its row's conversation, field key, phase and revision."""

    conversation: str
    field: str
    phase: str = "null"
    revision: str = "null"


SOURCES: dict[tuple[str, str], Source] = {
    ("notes", "body"): Source(_OF_PHASE, "'note_' || t.visibility",
                              "(select p.name from phases p where p.id = t.phase_id)"),
    ("agreements", "text"): Source("t.conversation_id", "'agreement'"),
    ("agreements", "done_note"): Source("t.conversation_id", "'agreement_note'"),
    ("follow_ups", "comment"): Source("t.conversation_id", "'follow_up'"),
    ("scores", "comment"): Source("t.conversation_id", "'score'", "t.criterion"),
    ("preparations", "body"): Source("t.conversation_id", "'preparation'"),
    ("conversations", "overall_comment"): Source("t.id", "'overall'"),
    ("minutes_revisions", "markdown"): Source("t.conversation_id", "'minutes'",
                                              revision="t.revision"),
    ("confirmations", "comment"): Source(_OF_REVISION, "'confirmation'"),
    ("reopenings", "reason"): Source("t.conversation_id", "'reopening'"),
    # an objection's text, a remark with the final decision or the second assessor's word
    ("appraisal_steps", "text"): Source("t.conversation_id", "'appraisal_step'"),
    # who gave that word: the second assessor's name (issue 18), or who objected or
    # made the result final; a name typed in, found and replaced as any mention
    ("appraisal_steps", "by"): Source(
        "t.conversation_id",
        "case when t.state is null then 'second_assessor' else 'appraisal_by' end"),
    ("correction_resolutions", "reason"): Source(
        "(select r.conversation_id from confirmations k join minutes_revisions r "
        "on r.id = k.revision_id where k.id = t.confirmation_id)", "'correction'"),
    ("collectives", "text"): Source("null", "'collective'"),
    # goals (issue 20): who is involved is often a name
    **{("goals", column): Source("t.conversation_id", "'goal'")
       for column in ("title", "what", "why", "who", "place", "how", "support")},
    ("goal_steps", "text"): Source(
        "(select g.conversation_id from goals g where g.id = t.goal_id)", "'goal_step'"),
    ("goal_reviews", "comment"): Source("t.conversation_id", "'goal_review'"),
    ("goal_reviews", "score_comment"): Source("t.conversation_id", "'goal_review'"),
}
MARKDOWN_COLUMNS = {("minutes_revisions", "markdown")}
_WORD_RUN = re.compile(r"\w+")
_ASCII_RUN = re.compile(r"[A-Za-z0-9]+")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _longest(pattern: re.Pattern[str], word: str) -> str:
    return max(pattern.findall(word), key=len, default="")


def _conditions(matcher: MentionMatcher, column: str) -> list[tuple[str, tuple[str, ...]]]:
    """SQL conditions (with their parameters) of which a text that may hold a mention
    meets at least one.

    A part counts only as written with its capital, so ``instr`` (exact) on its
    longest run of letters; the full name counts in any case, so ``like``
    (ASCII case-insensitive) on the longest ASCII run of each of its words —
    "Yılmaz" is looked for as "lmaz", which "YILMAZ" holds too.
    """
    col = f"t.{quote(column)}"
    found: list[tuple[str, tuple[str, ...]]] = []
    for part in matcher.parts:
        run = _longest(_WORD_RUN, part)
        if run:
            found.append((f"instr({col}, ?) > 0", (run,)))
    if len(matcher.name.split()) > 1:
        sql, more = name_like(col, matcher.name)
        found.append((sql, tuple(more)))
    return found


def name_like(col: str, name: str) -> tuple[str, list[str]]:
    """SQL true for every text in ``col`` that may hold ``name`` in any case (see above)."""
    runs = [r for r in (_longest(_ASCII_RUN, w) for w in name.split()) if len(r) > 1]
    ands = [f"{col} like ? escape '\\'" for _ in runs] or ["1"]
    return "(" + " and ".join(ands) + ")", [f"%{_like_escape(r)}%" for r in runs]


class _WordCheck:
    """Whether the stored texts use a part of a name as an ordinary (lowercase) word.

    Asked only for a part found at the start of a sentence; the answer is kept,
    for every person searched at once (a purge asks about "Medewerker" once).
    A lowercase occurrence inside the full name of one of them ("met dank aan
    joris bakker") is a name, not the word.
    """

    def __init__(self, db, matchers: list[MentionMatcher]) -> None:
        self.db, self.matchers = db, matchers
        self.known: dict[str, bool] = {}

    def __call__(self, part: str) -> bool:
        if part not in self.known:
            self.known[part] = self._look(part)
        return self.known[part]

    def _used_as_word(self, part: str, text: str) -> bool:
        names = [span for m in self.matchers for span in m.full_spans(text)]
        return any(not any(a <= found.start() < b for a, b in names)
                   for found in lowercase_word(part).finditer(text))

    def _look(self, part: str) -> bool:
        lower = part.lower()
        for table, column in SOURCES:
            col = quote(column)
            for (text,) in self.db.execute(
                    f"select {col} from {quote(table)} where instr({col}, ?) > 0 limit 50",
                    [lower]):
                if isinstance(text, str) and self._used_as_word(part, text):
                    return True
        return False


def matcher_for(db, person: Person) -> MentionMatcher:
    """The matcher of ``person``, shielding the names of everyone else stored."""
    others = [r[0] for r in db.execute("select name from people where id != ?",
                                       [person.id]).fetchall()]
    return MentionMatcher(person.name, others)


def find_mentions(db, person: Person) -> tuple[Mention, ...]:
    """Every mention of ``person`` in other people's records, numbered from 1 (see module)."""
    return find_mentions_of(db, [person])[person.id]


def find_mentions_of(db, people: list[Person]) -> dict[int, tuple[Mention, ...]]:
    """``find_mentions`` for several people at once (a purge): one scan of each column.

    The texts that may mention any of them are read once; each person's
    matcher then looks at each text (their own conversations left out).
    """
    if not people:
        return {}
    matchers = {p.id: matcher_for(db, p) for p in people}
    is_word = _WordCheck(db, list(matchers.values()))
    found: dict[int, list[Mention]] = {p.id: [] for p in people}
    for (table, column), source in SOURCES.items():
        wheres: dict[tuple, None] = {}  # one condition once: "Medewerker" in every name
        for matcher in matchers.values():
            for condition in _conditions(matcher, column):
                wheres.setdefault(condition)
        params = [value for _, values in wheres for value in values]
        col = quote(column)
        minutes = (table, column) in MARKDOWN_COLUMNS
        rows = db.execute(
            f"select t.rowid, t.{col}, cv.id, coalesce(cv.started_at, cv.created_at), cv.kind, "
            f"e.name, {source.field}, {source.phase}, {source.revision}, cv.employee_id, "
            f"cv.manager_id from {quote(table)} t "
            f"left join conversations cv on cv.id = {source.conversation} "
            f"left join people e on e.id = cv.employee_id "
            f"where t.{col} != '' and ({' or '.join(sql for sql, _ in wheres) or '0'}) "
            f"order by cv.id, t.rowid", params)
        for (rowid, text, cid, moment, kind, employee, field, phase, revision, employee_id,
             manager_id) in rows:
            for person_id, matcher in matchers.items():
                if cid is not None and (employee_id == person_id
                                        or (minutes and manager_id == person_id)):
                    continue  # their own record, or minutes of a conversation they led
                listed = found[person_id]
                for start, end, how in matcher.candidates(text, is_word):
                    listed.append(Mention(
                        number=len(listed) + 1, table=table, column=column, rowid=rowid,
                        start=start, end=end, found=text[start:end], kind=how,
                        conversation_id=cid, date=date_text(moment) if moment else None,
                        excerpt=excerpt(text, start, end), field=field, phase=phase,
                        conversation_kind=kind, employee=employee, revision=revision,
                        sentence=sentence(text, start, end)))
    return {person_id: tuple(listed) for person_id, listed in found.items()}
