"""The appraisal procedure's state of each beoordeling in a list of conversations (issue 18).

A concluded beoordeling that was handed over is "afgerond" as minutes, but
what a manager looks for in a list is where its procedure stands: besproken,
voorlopig, bezwaar or definitief (``appraisal_procedure.AppraisalState``).
``gespreks list``, the start screen and the history screen show it in place of
the status; here so that the command line and the screens share it.
"""

from __future__ import annotations

from collections.abc import Iterable

from gespreks_tui.model import ConversationSummary, Kind


def procedure_states(store, rows: Iterable[ConversationSummary]) -> dict[int, str]:
    """Conversation id -> procedure state, for the beoordelingen among ``rows``.

    One query for the whole list (``Store.appraisal_states``), the same states
    as ``appraisal status``, so no list can say otherwise. A beoordeling still
    in ``concept`` (not concluded) keeps its status; ``--json`` has the state
    all the same.
    """
    ids = [r.id for r in rows if r.kind == Kind.BEOORDELING]
    return {cid: str(state) for cid, state in store.appraisal_states(ids).items()} \
        if ids else {}


def shown_states(states: dict[int, str]) -> dict[int, str]:
    """The states a list shows instead of the status: all but concept."""
    return {cid: state for cid, state in states.items() if state != "concept"}


def listed_states(store, rows: Iterable[ConversationSummary]) -> dict[int, str]:
    """``shown_states(procedure_states(...))``: what a screen's list shows per row."""
    return shown_states(procedure_states(store, rows))
