"""SMART hints for an agreement: what a good agreement still misses.

Hints, never blockers: ``hints(...)`` returns catalogue keys such as
``smart.no_owner``. The checks are deliberately simple and explainable: an
agreement counts as measurable when it names a quantity ("200 gebruikers",
"twee collega's", "10%"), a moment ("maart", "Q2", "elke week") or a result
you can tick off (a verb of completion: "aanvragen", "afronden", "submit").
A vague word ("beter", "proberen") is pointed out unless a quantity or a
result is named as well; a bare year ("in 2027") is a moment, not a result.
"""

from __future__ import annotations

import re
from datetime import date

# Words that make an agreement sound like an intention rather than a result.
VAGUE_WORDS = {
    "proberen", "probeer", "verbeteren", "verbeter", "beter", "meer", "minder", "zoveel",
    "mogelijk", "misschien", "aandacht", "werken", "kijken", "bekijken",
    "try", "improve", "better", "more", "less", "possibly", "maybe", "attention",
    "look", "consider",
}
# Quantities in words, and words that make something countable.
QUANTITY_WORDS = {
    "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
    "twaalf", "twintig", "dertig", "veertig", "vijftig", "honderd", "duizend", "één",
    "helft", "dubbel", "alle", "minstens", "maximaal", "hoogstens", "ten minste",
    "elke", "iedere", "per", "keer", "procent", "uur", "stuks",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "fifty", "hundred", "thousand", "half", "double",
    "least", "most", "every", "each", "times", "percent", "hours",
}
# Moments: months, days, periods. They make an agreement checkable in time.
DATE_WORDS = {
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun",
    "jul", "aug", "sep", "sept", "okt", "nov", "dec", "maandag", "dinsdag", "woensdag",
    "donderdag", "vrijdag", "wekelijks", "maandelijks", "kwartaal", "zomer",
    "q1", "q2", "q3", "q4",
    "january", "february", "march", "june", "july", "august", "october", "monday",
    "tuesday", "wednesday", "thursday", "friday", "weekly", "monthly", "quarter",
    "quarterly", "summer",
    "week", "weken", "maand", "maanden", "morgen", "overmorgen", "vandaag", "zaterdag",
    "zondag", "weekend", "deadline", "uiterlijk", "kerst", "jaareinde", "jaarwisseling",
    "voorjaar", "najaar", "herfst", "winter", "lente",
    "weeks", "month", "months", "tomorrow", "today", "saturday", "sunday", "christmas",
    "spring", "autumn", "fall",
}
# Verbs (infinitive and past participle) and nouns of a result you can tick off.
COMPLETION_WORDS = {
    "afronden", "afgerond", "rondt", "aanvragen", "aangevraagd", "indienen", "ingediend",
    "opleveren", "opgeleverd", "aanleveren", "aangeleverd", "leveren", "geleverd",
    "halen", "gehaald", "behalen", "behaald", "afleggen", "afgelegd", "voltooien",
    "voltooid", "presenteren", "gepresenteerd", "publiceren", "gepubliceerd",
    "versturen", "verstuurd", "sturen", "gestuurd", "schrijven", "geschreven",
    "opstellen", "opgesteld", "inplannen", "ingepland", "plannen", "gepland",
    "organiseren", "georganiseerd", "regelen", "geregeld", "invoeren", "ingevoerd",
    "implementeren", "geïmplementeerd", "inwerken", "ingewerkt", "aanmelden",
    "aangemeld", "inschrijven", "ingeschreven", "vastleggen", "vastgelegd", "delen",
    "gedeeld", "lanceren", "gelanceerd", "overdragen", "overgedragen", "uitvoeren",
    "uitgevoerd", "live", "klaar", "certificaat", "diploma",
    # a decision or an appointment that is made, or not: "Livegang afspreken met team"
    "afspreken", "afgesproken", "opvragen", "opgevraagd", "bestellen", "besteld",
    "aanschaffen", "aangeschaft", "installeren", "geïnstalleerd", "invullen", "ingevuld",
    "ondertekenen", "ondertekend", "tekenen", "getekend", "melden", "gemeld", "doorgeven",
    "doorgegeven", "agenderen", "geagendeerd", "vaststellen", "vastgesteld", "beslissen",
    "besloten", "aanpassen", "aangepast", "bijwerken", "bijgewerkt", "vervangen",
    "oplossen", "opgelost", "starten", "gestart", "testen", "getest", "volgen", "gevolgd",
    "inleveren", "ingeleverd", "uitnodigen", "uitgenodigd", "bellen", "gebeld", "mailen",
    "gemaild", "verzenden", "verzonden", "goedkeuren", "goedgekeurd", "bevestigen",
    "bevestigd", "doorlopen", "afsluiten", "afgesloten", "opzetten", "opgezet",
    "livegang", "oplevering", "release", "offerte", "aanvraag", "rapport", "rapportage",
    "handtekening", "besluit", "examen", "toets",
    "complete", "completed", "finish", "finished", "deliver", "delivered", "submit",
    "submitted", "request", "requested", "apply", "applied", "publish", "published",
    "present", "presented", "send", "sent", "write", "written", "draft", "drafted",
    "schedule", "scheduled", "organise", "organize", "organised", "organized", "launch",
    "launched", "implement", "implemented", "pass", "passed", "obtain", "obtained",
    "share", "shared", "register", "registered", "enrol", "enroll", "enrolled", "done",
    "ready", "certificate", "agree", "agreed", "decide", "decided", "order", "ordered",
    "install", "installed", "sign", "signed", "fill", "filled", "update", "updated",
    "replace", "replaced", "fix", "fixed", "solve", "solved", "start", "started", "test",
    "tested", "invite", "invited", "call", "called", "email", "emailed", "approve",
    "approved", "confirm", "confirmed", "close", "closed", "released",
    "report", "proposal", "exam", "decision", "signature",
}
# The end of a compound noun of a result: "websitelivegang", "projectoplevering".
COMPLETION_ENDINGS = ("livegang", "oplevering", "aanvraag", "offerte", "rapport",
                      "examen", "certificaat", "diploma")
MIN_WORDS = 3
YEAR = re.compile(r"^(19|20)\d\d$")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _quantity(text: str, words: list[str]) -> bool:
    """A number (not a bare year), a percentage, or a word that counts."""
    if "%" in text or any(w.isdigit() and not YEAR.match(w) for w in words):
        return True
    return any(w in QUANTITY_WORDS for w in words) or "ten minste" in text.lower()


def _moment(words: list[str]) -> bool:
    return any(YEAR.match(w) or w in DATE_WORDS for w in words)


def _result(words: list[str]) -> bool:
    """A verb or noun of a result you can tick off, also at the end of a compound."""
    return any(w in COMPLETION_WORDS or w.endswith(COMPLETION_ENDINGS) for w in words)


def measurable(text: str) -> bool:
    """Whether the text names a quantity, a moment or a result you can tick off."""
    words = _words(text)
    return _quantity(text, words) or _moment(words) or _result(words)


def hints(text: str, owner: str | None, due_date: str | None, today: date) -> list[str]:
    """Catalogue keys of the SMART hints that apply, most important first."""
    found: list[str] = []
    if not owner:
        found.append("smart.no_owner")
    if not due_date:
        found.append("smart.no_due")
    else:
        try:
            if date.fromisoformat(due_date) < today:
                found.append("smart.past_due")
        except ValueError:
            found.append("smart.no_due")
    words = _words(text)
    if len(words) < MIN_WORDS:
        found.append("smart.too_short")
    result = _quantity(text, words) or _result(words)
    if any(w in VAGUE_WORDS for w in words) and not result:
        found.append("smart.vague")
    elif not measurable(text):
        found.append("smart.not_measurable")
    return found


def days_overdue(due_date: str | None, today: date) -> int:
    """Days past the due date (0 when not due yet, without a date, or unreadable)."""
    if not due_date:
        return 0
    try:
        return max(0, (today - date.fromisoformat(due_date)).days)
    except ValueError:
        return 0
