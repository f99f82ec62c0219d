"""The appraisal procedure's terms and their defaults (issue 18).

Apart from ``appraisal_procedure`` (which imports them from here) because the
store reads the terms for every list of what is due, the start screen's
included, while the rest of the procedure is needed only for a beoordeling
(issue 19: start-up). The configuration (``config.toml``, ``[kinds.beoordeling]``)
sets them per kind; ``ProcedureTerms`` holds their defaults, the only place they
are written down. ``worded``: a beoordeling's hand-over starts its objection term,
so where other kinds read "reactie(termijn)" it reads "bezwaar(termijn)".
"""

from __future__ import annotations

from dataclasses import dataclass

from gespreks_tui.model import Kind


@dataclass(frozen=True)
class ProcedureTerms:
    """The procedure's terms in days, and whether a second assessor must agree.

    The defaults follow a common Dutch pattern (invitation two weeks ahead,
    provisional result within two weeks, objection within three weeks, the final
    result within four weeks after that); every organisation sets its own.
    """

    invitation_days: int = 14  # the invitation goes out at least this long ahead
    provisional_days: int = 14  # provisional result within N days of the meeting
    objection_days: int = 21  # objection within N days of the provisional result
    final_days: int = 28  # final result within N days after the objection (term)
    second_assessor: bool = False  # "definitief" needs the second assessor's agreement


TERM_NAMES = ("invitation_days", "provisional_days", "objection_days", "final_days")
MOST_TERM_DAYS = 366


# Where the sign-off of other kinds speaks of a reaction (reactie, reactietermijn), a
# beoordeling's hand-over starts the objection term: the catalogue keys that have an
# appraisal wording of their own, ``procedure.wording.<key>`` (same placeholders). The
# minutes' own text (``minutes.*``) is not among them: issued minutes read as they did.
WORDED = frozenset({
    "ui.handover.term", "ui.handover.done", "ui.minutes.sign_off.handed_over",
    "ui.minutes.sign_off.no_reaction", "handover.done",
    "show.handover", "status.no_reaction", "conclude.checklist",
})


# "No objection received within the term": not once an objection was recorded (as a
# step of the procedure, not as a reaction to the minutes).
_NO_OBJECTION = frozenset({"ui.minutes.sign_off.no_reaction", "status.no_reaction"})


def worded(key: str, kind: Kind | str, objected: bool = False) -> str:
    """The catalogue key to use for ``key`` in a conversation of ``kind``: a beoordeling
    says bezwaar(termijn) where the others say reactie(termijn). ``objected``: the
    beoordeling has an objection on record, so "no objection received" is not said."""
    if objected and key in _NO_OBJECTION:
        return key
    return f"procedure.wording.{key}" if str(kind) == Kind.BEOORDELING and key in WORDED else key
