"""The part of the minutes below the content: fingerprint line and sign-off.

    Gesprek 2, revisie 2. Vingerafdruk: `gespreks/2/2/sha256:<64 hex>`

    <for a corrected revision: which revision it corrects, when, and why;
     the employee's reaction to the earlier revision>

    ## Bevestiging
    <how to tick>
    ### Medewerker
    - [ ] Akkoord
    - [ ] Gezien, niet akkoord
    - [ ] Correctie gevraagd
    Naam: <employee>
    <given: when, and how: on the manager's screen / returned file (its sha256)>
    <a correction request: the manager's answer, or that it is still open>
    ### Leidinggevende
    - [ ] Vastgesteld (opgesteld door de leidinggevende)
    Naam: <manager>
    <handed over: on, via, reaction possible until; after it: no reaction>
    <a beoordeling handed over: its appraisal procedure (``minutes.procedure``)>
    ## Opmerkingen medewerker
    <the employee writes here, to the end of the file>

The fingerprint is the only code span in the minutes (user text cannot make
one), which is how ``parse`` finds it. Stored confirmations are shown ticked,
with the name, the moment and the way they were given. Everything here is a
function of the record (``today`` included), so it is deterministic.
"""

from __future__ import annotations

from gespreks_tui.catalogue import t
from gespreks_tui.display_time import clock_text, day_text, iso_day, moment_day
from gespreks_tui.fingerprint import fingerprint_code
from gespreks_tui.markdown_escape import inline, note_lines
from gespreks_tui.minutes.procedure import minutes_lines as procedure_lines
from gespreks_tui.minutes.reaction import reaction_lines
from gespreks_tui.model import VERDICTS_OF, Channel, Party, Verdict
from gespreks_tui.model_records import Confirmation
from gespreks_tui.record import ConversationRecord, default_name

__all__ = ["default_name", "render_footer", "until_text"]


def until_text(until: str, lang: str) -> str:
    """The last day of a reaction term (stored YYYY-MM-DD) as a date in ``lang``."""
    day = iso_day(until)
    return day_text(day, lang) if day is not None else until


def _boxes(party: Party, given: Confirmation | None, tr) -> list[str]:
    verdicts = list(VERDICTS_OF[party])
    if given is not None and given.verdict not in verdicts:  # an older database's verdict
        verdicts.append(given.verdict)
    return [f"- [{'x' if given and given.verdict == v else ' '}] "
            + tr(f"minutes.verdict.{v}") for v in verdicts]


def _how(k: Confirmation, tr, when) -> str:
    """When and how a confirmation was given, and by whose hand it was entered."""
    date, time = when(k.confirmed_at)
    if k.via == Channel.SCREEN and k.party == Party.EMPLOYEE:
        return tr("minutes.confirmed_on_manager_screen", date=date, time=time)
    if k.via == Channel.FILE and k.file_sha256:
        how = tr("minutes.via.file_sha", sha=k.file_sha256[:12])
    else:
        how = tr(f"minutes.via.{k.via}")
    return tr("minutes.confirmed_at", date=date, time=time, via=how)


def _correction(record: ConversationRecord, k: Confirmation, tr, when) -> list[str]:
    """Under a correction request: the manager's answer, or that none was given yet."""
    answer = record.resolution_of(k.id)
    if answer is None:
        return [tr("minutes.correction.open"), ""]
    key = "minutes.correction.kept" if answer.outcome == "kept" else "minutes.correction.revised"
    return [tr(key, date=when(answer.resolved_at)[0]), "", *note_lines(answer.reason), ""]


def _handover(record: ConversationRecord, revision: int, employee: Confirmation | None,
              tr, when, lang: str) -> list[str]:
    handover = record.handover_of(revision)
    if handover is None:
        return []
    lines = ["### " + tr("minutes.handover"), "",
             tr("minutes.handover.given", date=when(handover.handed_at)[0],
                medium=tr(f"minutes.handover.medium.{handover.medium}"),
                until=until_text(handover.until, lang)), ""]
    if employee is None and record.today and record.today > handover.until:
        lines += [tr("minutes.handover.no_reaction"), ""]
    return lines


def _correcting(record: ConversationRecord, revision: int, tr, when) -> list[str]:
    """For a corrected revision: what it corrects and why, and the earlier reaction."""
    reopening = record.reopening_before(revision)
    if reopening is None:
        return []
    earlier = revision - 1
    lines = [tr("minutes.corrects", revision=earlier, date=when(reopening.reopened_at)[0]),
             "", *note_lines(reopening.reason), ""]
    for k in record.confirmations_of(earlier):
        if k.party == Party.EMPLOYEE and reaction_lines(k.comment):
            lines += [tr("minutes.earlier_reaction", revision=earlier,
                         verdict=tr(f"verdict.{k.verdict}")), "", *reaction_lines(k.comment), ""]
    return lines


def render_footer(record: ConversationRecord, revision: int, sha256: str, stored: bool,
                  lang: str) -> str:
    """The footer of ``revision`` (``stored``: issued, so its confirmations are shown)."""
    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    c = record.conversation

    def when(stamp: str) -> tuple[str, str]:  # in the conversation's zone and language
        return moment_day(stamp, c.time_zone, lang), clock_text(stamp, c.time_zone)

    code = fingerprint_code(c.id, revision, sha256)
    lines = [tr("minutes.fingerprint", id=c.id, revision=revision, code=f"`{code}`"), ""]
    lines += _correcting(record, revision, tr, when)  # issued or about to be
    lines += ["## " + tr("minutes.confirmation"), "", tr("minutes.confirmation_help"), ""]
    given = {k.party: k for k in record.confirmations_of(revision)} if stored else {}
    for party in Party:
        k = given.get(party)
        lines += ["### " + tr(f"minutes.party.{party}"), "", *_boxes(party, k, tr), "",
                  tr("minutes.name", name=inline(k.name if k else default_name(c, party))), ""]
        if k:
            lines += [_how(k, tr, when), ""]
            if k.verdict == Verdict.CORRECTIE:
                lines += _correction(record, k, tr, when)
            if party == Party.MANAGER and note_lines(k.comment):
                lines += [tr("minutes.manager_comment"), "", *note_lines(k.comment), ""]
    if stored:
        lines += _handover(record, revision, given.get(Party.EMPLOYEE), tr, when, lang)
        if record.latest is not None and revision == record.latest.revision:  # issue 18
            lines += procedure_lines(record.procedure, c.time_zone, lang)
    lines += ["## " + tr("minutes.comments"), ""]
    if Party.EMPLOYEE in given:
        lines += reaction_lines(given[Party.EMPLOYEE].comment)
    return "\n".join(line.rstrip() for line in lines).rstrip("\n") + "\n"
