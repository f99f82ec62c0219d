"""The appraisal procedure's terms and their defaults (issue 18).

Apart from ``appraisal_procedure`` (which imports them from here) because the
store reads the terms for every list of what is due, the start screen's
included, while the rest of the procedure is needed only for a beoordeling
(issue 19: start-up). The configuration (``config.toml``, ``[kinds.beoordeling]``)
sets them per kind; ``ProcedureTerms`` holds their defaults, the only place they
are written down.
"""

from __future__ import annotations

from dataclasses import dataclass


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
