"""Personnel data rights under the AVG/GDPR, without a user interface.

- ``names``: finding and replacing a person's name in stored text (erasure).
- ``retention``: the retention policy and which records are past it.
- ``report``: the lines the command line prints (counts, plans, summaries).

The database work (one transaction each, then VACUUM and a WAL checkpoint)
is in the store: ``store.privacy`` (erasure), ``store.retention``,
``store.person_export`` and ``store.secure_delete``; the access export (art. 15),
which renders minutes, is ``gespreks_tui.access_export``, above the minutes.
Nothing here imports Textual.
"""

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
