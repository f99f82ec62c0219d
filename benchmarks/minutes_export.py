"""Row 4: exporting the minutes of a two-hour conversation.

3 phases x 300 lines of shared notes, 60 agreements and 20 follow-ups of
earlier agreements; timed is ``export_text`` (render, fingerprint, store the
revision when changed) to Markdown, and the HTML rendering separately.
"""

from __future__ import annotations

import time
from pathlib import Path

from common import median

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.clock import FakeClock
from gespreks_tui.model import Outcome, Visibility
from gespreks_tui.store import Store


def build(path: Path) -> tuple[Store, int]:
    store = Store.open(path, clock=FakeClock())
    joris = store.add_person("Joris Bakker")
    earlier = store.create_conversation(joris.id, builtin_agenda("voortgang"), 45)
    old = [store.add_agreement(earlier.id, f"Eerdere afspraak {i} met 3 stappen", "employee",
                               "2026-06-01") for i in range(20)]
    store.conclude(earlier.id, "2026-11-01")
    c = store.create_conversation(joris.id, builtin_agenda("voortgang"), 120)
    for position in range(3):
        body = "\n".join(f"Regel {n}: *notitie* over [het werk] en #doelen, 50% klaar."
                         for n in range(300))
        store.save_note(c.id, position, Visibility.SHARED, body)
    for i in range(60):
        store.add_agreement(c.id, f"Afspraak {i}: rapport opleveren met 2 bijlagen",
                            "both", "2027-03-01")
    for a in old:
        store.record_follow_up(a.id, c.id, Outcome.PARTLY, "Deels gelukt, zie notities")
    store.conclude(c.id, "2027-05-01")
    return store, c.id


def measure(work: Path, runs: int) -> dict:
    from gespreks_tui.minutes import export_text, render_html, render_minutes

    path = work / "minutes.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store, conversation_id = build(path)
    export_text(store, conversation_id, "md")  # warm imports and the first revision
    md, html = [], []
    for _ in range(runs):
        began = time.perf_counter()
        minutes, text = export_text(store, conversation_id, "md")
        md.append(time.perf_counter() - began)
        began = time.perf_counter()
        render_html(minutes.markdown, "Verslag")
        html.append(time.perf_counter() - began)
    size = len(render_minutes(store, conversation_id).markdown.encode())
    store.close()
    return {"md": median(md), "html": median(html), "bytes": size, "runs": runs}
