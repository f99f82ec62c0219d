"""The one word an agreement's state is shown with, everywhere.

An agreement has a status (open, done, dropped: done means closed) and,
once something was recorded about it after its own conversation, an outcome
(achieved, partly, not achieved, carried on). The app's agreements pane and
history, ``gespreks show``, the minutes and the trail all show it through
``state_word``, so a closed agreement that was not achieved never reads as
"gedaan".
"""

from __future__ import annotations

from gespreks_tui.catalogue import t
from gespreks_tui.model import Agreement, AgreementStatus


def state_key(a: Agreement) -> str:
    """The catalogue key of the agreement's state word.

    Dropped reads "vervallen"; an outcome reads as itself ("gehaald", "deels
    gehaald", "niet gehaald", "loopt door"); ticked done in its own meeting
    reads "gedaan"; anything else "open".
    """
    if a.status == AgreementStatus.DROPPED:
        return "agreement_status.dropped"
    if a.outcome is not None:
        return f"outcome.{a.outcome}"
    if a.status == AgreementStatus.DONE:
        return "agreement_status.done"
    return "agreement_status.open"


def state_word(a: Agreement, lang: str | None = None) -> str:
    """The agreement's state in words, in ``lang`` (default: the current language)."""
    return t(state_key(a), lang=lang)

