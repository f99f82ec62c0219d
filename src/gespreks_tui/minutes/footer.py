"""The part of the minutes below the content: fingerprint line and confirmation.

    Gesprek 2, revisie 1. Vingerafdruk: `gespreks/2/1/sha256:<64 hex>`

    ## Bevestiging
    <how to tick>
    ### Medewerker
    - [ ] Akkoord
    - [ ] Gezien, niet akkoord
    Naam: <employee>
    ### Leidinggevende
    - [ ] Akkoord
    - [ ] Gezien, niet akkoord
    Naam: <manager>
    ## Opmerkingen medewerker
    <the employee writes here, to the end of the file>

The fingerprint is the only code span in the minutes (user text cannot make
one), which is how ``parse`` finds it. Stored confirmations are shown ticked,
with the name, the moment and the way they were given.
"""

from __future__ import annotations

from collections.abc import Iterable

from gespreks_tui.catalogue import t
from gespreks_tui.dutch_time import date_text, time_text
from gespreks_tui.fingerprint import fingerprint_code
from gespreks_tui.markdown_escape import inline, note_lines
from gespreks_tui.model import Confirmation, Conversation, Party, Verdict
from gespreks_tui.record import default_name

__all__ = ["default_name", "render_footer"]


def render_footer(
    c: Conversation, revision: int, sha256: str, confirmations: Iterable[Confirmation],
    lang: str,
) -> str:
    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    code = fingerprint_code(c.id, revision, sha256)
    lines = [tr("minutes.fingerprint", id=c.id, revision=revision, code=f"`{code}`"), "",
             "## " + tr("minutes.confirmation"), "", tr("minutes.confirmation_help"), ""]
    given = {k.party: k for k in confirmations}
    for party in Party:
        k = given.get(party)
        lines += ["### " + tr(f"minutes.party.{party}"), ""]
        lines += [f"- [{'x' if k and k.verdict == v else ' '}] " + tr(f"minutes.verdict.{v}")
                  for v in Verdict]
        lines += ["", tr("minutes.name", name=inline(k.name if k else default_name(c, party))),
                  ""]
        if k:
            lines += [tr("minutes.confirmed_at", date=date_text(k.confirmed_at),
                         time=time_text(k.confirmed_at), via=tr(f"minutes.via.{k.via}")), ""]
            if party == Party.MANAGER and note_lines(k.comment):
                lines += [tr("minutes.manager_comment"), "", *note_lines(k.comment), ""]
    lines += ["## " + tr("minutes.comments"), ""]
    if Party.EMPLOYEE in given:
        lines += note_lines(given[Party.EMPLOYEE].comment)
    return "\n".join(line.rstrip() for line in lines).rstrip("\n") + "\n"
