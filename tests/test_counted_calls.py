"""Every counted message is formatted through ``catalogue.tn``.

test_catalogue checks that each counted message has a ``_one`` variant that
reads right with 1 ("1 minuut", "2 minuten"); that only helps when the code
asks for the message with its count. A call ``t("ago.minutes", n=1)`` or a
hand-made ``t("x_one") if n == 1 else t("x", n=n)`` bypasses it (or repeats
it, and the next copy forgets). This test reads the sources and finds both.
"""

from __future__ import annotations

import re
from pathlib import Path

from gespreks_tui.catalogue import LANGUAGES

SRC = Path(__file__).resolve().parent.parent / "src" / "gespreks_tui"
# t("key" / t(f"key{...}" with the key as the first argument
CALL = re.compile(r"(?<![\w.])t\(\s*(f?)[\"']([\w.{}]+)[\"']")
# Hand-made counted forms in files another engineer was writing when this test came
# (they read right; the next edit there should use tn and take the file off this list).
ELSEWHERE = {"meeting/goal_work.py"}


def counted_keys() -> set[str]:
    return {key[:-4] for key in LANGUAGES["nl"] if key.endswith("_one")}


def straggler_calls(text: str, counted: set[str]) -> list[str]:
    """The ``t(...)`` calls in ``text`` that should be ``tn(...)``."""
    found = []
    for match in CALL.finditer(text):
        is_f, key = match.groups()
        line = text.count("\n", 0, match.start()) + 1
        if key.endswith("_one") or (is_f and key.endswith("}_one")):
            found.append(f"{line}: {key} (a _one variant asked for by name)")
        elif not is_f and key in counted:
            found.append(f"{line}: {key} (counted: use tn)")
    return found


def test_the_scan_sees_a_straggler():
    counted = {"ago.minutes"}
    assert straggler_calls('x = t("ago.minutes", n=2)', counted)
    assert straggler_calls('x = t("ago.minutes_one")', counted)
    assert straggler_calls('x = t(f"{key}_one")', counted)
    assert not straggler_calls('x = tn("ago.minutes", 2)', counted)
    assert not straggler_calls('x = t("ago.now")', counted)


def test_every_counted_message_goes_through_tn():
    counted = counted_keys()
    assert "ago.minutes" in counted  # the scan has something to look for
    problems = {}
    for path in sorted(SRC.rglob("*.py")):
        if "catalogue" in path.parts:
            continue
        found = straggler_calls(path.read_text(encoding="utf-8"), counted)
        name = str(path.relative_to(SRC))
        if found and name not in ELSEWHERE:
            problems[name] = found
    assert problems == {}


# -- a count before a plural noun, whatever the placeholder is called -------------------
# test_catalogue knows counts by their placeholder's name (n, count, days, …); a
# message may call its count {actual} or {files} and still read "1 minuten".
PLURALS = ("minuten", "dagen", "regels", "afspraken", "gesprekken", "namen", "personen",
           "maanden", "weken", "teksten", "zinnen", "vermeldingen", "verzoeken", "doelen",
           "bestanden", "punten", "versies", "fasen", "medewerkers")
COUNT_BEFORE_PLURAL = re.compile(r"\{(\w+)(?::[^}]*)?\} (" + "|".join(PLURALS) + r")\b")
# A count that is never 1 where the message is used (with the reason).
NEVER_ONE = {
    ("cli.demo.done", "people"): "the demo team: always four people",
    ("cli.demo.done", "conversations"): "the demo team: always two conversations",
    ("conclude.explain", "months"): "NEXT_EVALUATION_MONTHS: 6 or 12",
    ("confirm.stray_text", "count"): "hedged wording, on test_catalogue's NOT_YET list",
    ("db.hard_linked", "links"): "a file with one name is not hard-linked",
    ("handover.bad_term", "days"): "shows what was typed when it is no number from 0 to 366",
    ("invite.short_notice", "needed"): "the notice asked for is more than the days left",
    ("minutes.meta.duration", "planned"): "a conversation is planned for 5 to 480 minutes",
    ("privacy.export.done", "files"): "an access export writes an index and the minutes",
    ("scale.problem.points", "most"): "a scale has 3 to 5 points",
    ("template.problem.bad_minutes", "minutes"): "1 minute is valid: only 0 or too many",
}


def test_a_count_before_a_plural_noun_has_a_form_for_1():
    nl = LANGUAGES["nl"]
    missing = []
    for key, text in nl.items():
        if key.endswith("_one"):
            continue
        for match in COUNT_BEFORE_PLURAL.finditer(text):
            if f"{key}_one" not in nl and (key, match.group(1)) not in NEVER_ONE:
                missing.append(f"{key}: {match.group(0)}")
    assert missing == []


def test_the_duration_in_the_minutes_reads_1_minuut():
    from gespreks_tui.catalogue import tn

    assert tn("minutes.meta.duration", 1, lang="nl", planned=45, actual=1).endswith(
        "werkelijk 1 minuut")
    assert tn("minutes.meta.duration", 2, lang="nl", planned=45, actual=2).endswith(
        "werkelijk 2 minuten")
    assert tn("minutes.meta.duration", 1, lang="en", planned=45, actual=1).endswith(
        "actual 1 minute")
