"""Personnel data rights under the AVG/GDPR, without a user interface.

- ``names``: a person's full name in stored text (``NameMatcher``).
- ``matcher``: ``MentionMatcher``, the one matcher for erasure, access export
  and purge (full name in any case; first name or surname only where used as
  a name).
- ``mentions``: a ``Mention`` (place, sentence, full or part) and the user's
  choice of which to redact; the search itself is ``store.mentions``.
- ``retention``: the retention policy and which records are past it.
- ``report``: the lines the command line prints (counts, plans, summaries).

The database work (one transaction each, then VACUUM and a WAL checkpoint)
is in the store: ``store.mentions`` (where a person is mentioned),
``store.privacy`` (erasure), ``store.retention``,
``store.person_export`` and ``store.secure_delete``; the access export (art. 15),
which renders minutes, is ``gespreks_tui.access_export``, above the minutes.
Nothing here imports Textual.

The names below (``retention``'s) are imported when first read, so importing one
of the modules here (the store does, for its erasure) does not load the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gespreks_tui.privacy.retention import (
        DEFAULT_LEFT_YEARS,
        Erasure,
        LeftPerson,
        OldConversation,
        PurgePlan,
        RetentionPolicy,
        keep_until,
    )

__all__ = [
    "DEFAULT_LEFT_YEARS", "Erasure", "LeftPerson", "OldConversation", "PurgePlan",
    "RetentionPolicy", "keep_until",
]


def __getattr__(name: str) -> object:
    if name in __all__:
        from gespreks_tui.privacy import retention

        return getattr(retention, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
