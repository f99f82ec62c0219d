"""The ``--json`` answers: one object per command, the same key for the same field.

Every ``--json`` answer is one object whose first key is ``"format": 1``; a
key's meaning never changes within a format, and a new key may be added
without raising it. The names are the database's column names (as in the
``gegevens.json`` of ``person export``), and a person's name is the role:

- ``id``: the object's own number; ``conversation_id``, ``agreement_id``,
  ``employee_id``, ``manager_id``, ``collective_id``: a number that points at
  another object.
- ``employee``, ``manager``: a name; ``kind``: the object's own kind (a
  conversation's: ``voortgang`` …; a due item's: ``agreement`` …);
  ``conversation_kind``: the kind of the conversation it belongs to.
- ``started_at``, ``created_at``, ``ended_at``, ``confirmed_at`` …: a moment in
  UTC (ISO 8601); ``due_date``, ``next_evaluation``, ``requested_on``: a day
  (``YYYY-MM-DD``); ``planned_seconds``, ``used_seconds``: durations.
- ``status``, ``owner``, ``outcome``, ``sign_off``: the stored English words.

The commands and their lists: ``list`` -> ``conversations``; ``show`` -> the
conversation's own keys at the top level; ``due`` -> ``due`` and
``access_requests``; ``collective list`` -> ``collectives``; ``templates`` ->
``folder``, ``templates``, ``problems``.
"""

from __future__ import annotations

FORMAT = 1


def document(**parts: object) -> dict:
    """``{"format": 1, **parts}``: the top level of every ``--json`` answer."""
    return {"format": FORMAT, **parts}


def renamed(data: dict, names: dict[str, str]) -> dict:
    """``data`` with keys renamed (``names``: old -> new), in the same order."""
    return {names.get(key, key): value for key, value in data.items()}
