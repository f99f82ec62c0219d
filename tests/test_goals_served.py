"""A linked agreement shows which goal it serves (walk of issue 20, finding 8): in the
meeting's agreements list, in the minutes rendered now, and in ``gespreks show``.
Minutes of conversations without linked agreements do not change (tests/golden).
Real app, real SQLite in tmp_path, a fake clock."""

from __future__ import annotations

from cli_helpers import invoke
from gespreks_tui import catalogue
from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.minutes import render_minutes
from gespreks_tui.model import Kind
from helpers import make_app, meeting, prepare, type_text


async def test_an_agreement_says_which_goal_it_serves(store, clock, db_path):
    catalogue.set_language("nl")
    prepare(store, "Joris Bakker")
    joris = store.find_person("Joris Bakker").id
    cid = store.create_conversation(joris, builtin_agenda(Kind.DOELSTELLING, "nl"), 60).id
    app = make_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(cid)
        await pilot.pause()
        screen = meeting(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Klantportaal live in Q2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f4", "a")  # an agreement that serves the goal
        await pilot.pause()
        await type_text(pilot, "Portaal aan tien klanten tonen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        if screen.goals_shown:
            await pilot.press("f7")  # the agreements column
            await pilot.pause()
        await pilot.press("ctrl+n")  # and an agreement that serves none
        await pilot.pause()
        await type_text(pilot, "Koffie halen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        items = list(screen.agreements_pane.agreement_list.children)
        texts = [" ".join(str(i.render()).split()) for i in items]
        assert "voor doel: Klantportaal live in Q2" in texts[0]
        assert "voor doel" not in texts[1]
    goal = store.goals_set_in(cid)[0]
    markdown = render_minutes(store, cid).markdown
    assert ("1. Portaal aan tien klanten tonen — verantwoordelijk: medewerker; uiterlijk: "
            "geen datum; status: open (voor doel: Klantportaal live in Q2)") in markdown
    assert "2. Koffie halen — verantwoordelijk: medewerker; uiterlijk: geen datum; " \
           "status: open\n" in markdown
    shown = invoke("show", cid, "--db", db_path)
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "Portaal aan tien klanten" in line)
    assert lines[at + 1].strip() == f"voor doel {goal.id}: Klantportaal live in Q2"
    assert "voor doel" not in lines[at + 2]
