"""Escaping: no user text can become Markdown structure, and all of it comes back.

The property test puts arbitrary text (control characters, Markdown and HTML
syntax, emoji, right-to-left text, every kind of line break and whitespace)
in every field of a conversation, renders the minutes, parses them back with
markdown-it-py and compares the whole document outline — every block, every
list item, every checkbox and every field's text — with what is expected.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin

from gespreks_tui.agendas import builtin_agenda
from gespreks_tui.catalogue import t
from gespreks_tui.clock import FakeClock
from gespreks_tui.display_time import clock_text, day_text, iso_day, moment_day
from gespreks_tui.fingerprint import canonical
from gespreks_tui.markdown_escape import clean, inline, note_lines, note_text
from gespreks_tui.minutes import parse_returned, publish, render_minutes
from gespreks_tui.model import Kind, Outcome, Owner, Party, Verdict, Visibility
from gespreks_tui.store import Store

# --- the outline of a Markdown document, from markdown-it-py's tokens ------------------

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(tasklists_plugin)
_CHECKBOX = re.compile(r'<input class="task-list-item-checkbox" (checked="checked" )?')


def _inline(token) -> tuple:
    """An inline token as segments: ("text", s) with line breaks as "\\n", ("em", s), ("code", s)."""
    segments: list[list[str]] = []
    em = False
    for child in token.children:
        if child.type in ("text", "hardbreak"):
            value = child.content if child.type == "text" else "\n"
            kind = "em" if em else "text"
            if segments and segments[-1][0] == kind:
                segments[-1][1] += value
            else:
                segments.append([kind, value])
        elif child.type in ("em_open", "em_close"):
            em = child.type == "em_open"
        elif child.type == "code_inline":
            segments.append(["code", child.content])
        elif child.type == "html_inline" and _CHECKBOX.match(child.content) and not segments:
            segments.append(["checkbox", "x" if "checked" in child.content else " "])
        else:  # softbreak, link, image, html, strong, strikethrough …: never expected
            segments.append(["UNEXPECTED " + child.type, child.content])
    return tuple(tuple(s) for s in segments)


def outline(markdown: str) -> list[tuple]:
    """Every block in order: ("h2", segments), ("p", …), ("ul",), ("ol",), ("end",), ("li", …)."""
    for token in MarkdownIt("commonmark").parse(markdown):  # plain CommonMark: no HTML at all
        assert token.type not in ("html_block", "html_inline")
        assert all(c.type != "html_inline" for c in token.children or [])
    blocks: list[tuple] = []
    tokens = _PARSER.parse(markdown)
    for i, token in enumerate(tokens):
        if token.type == "inline":
            opener = tokens[i - 1]
            in_item = opener.type == "paragraph_open" and tokens[i - 2].type == "list_item_open"
            kind = opener.tag if opener.type == "heading_open" else "li" if in_item else "p"
            blocks.append((kind, _inline(token)))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            blocks.append(("ul" if token.type.startswith("bullet") else "ol",))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            blocks.append(("end",))
        elif token.type not in ("paragraph_open", "paragraph_close", "heading_open",
                                "heading_close", "list_item_open", "list_item_close"):
            blocks.append(("UNEXPECTED", token.type))
    return _merge(blocks)


def _merge(blocks: list[tuple]) -> list[tuple]:
    """Consecutive plain-text paragraphs are one note: joined with an empty line."""
    out: list[tuple] = []
    for block in blocks:
        previous = out[-1] if out else None
        plain = block[0] == "p" and len(block[1]) == 1 and block[1][0][0] == "text"
        if plain and previous and previous[0] == "p" and len(previous[1]) == 1 \
                and previous[1][0][0] == "text":
            out[-1] = ("p", (("text", previous[1][0][1] + "\n\n" + block[1][0][1]),))
        else:
            out.append(block)
    return out


# --- what the minutes should contain, built independently of the renderer -------------

def expected_clean(text: str) -> str:
    """The documented mapping of control characters (see escape.py)."""
    def picture(ch: str) -> str:
        code = ord(ch)
        if ch in "\t\n\r" or not (code < 0x20 or 0x7F <= code <= 0x9F):
            return ch
        return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"
    return "".join(map(picture, text))


def text(value: str) -> tuple:
    return (("text", value),) if value else ()


def em(value: str) -> tuple:
    return (("em", value),)


def expected_note(body: str, lang: str, empty_key: str = "minutes.no_notes") -> list[tuple]:
    cleaned = expected_clean(body)
    if not cleaned.strip():
        return [("p", em(t(empty_key, lang=lang)))] if empty_key else []
    return [("p", text(cleaned.strip("\n")))]


def expected_date(value: str, lang: str) -> str:
    """A stored date: an ISO date reads as a date in the language, other text as typed."""
    day = iso_day(value)
    return day_text(day, lang) if day is not None else expected_clean(value)


def task(ticked: bool, label: str) -> tuple:
    return ("li", (("checkbox", "x" if ticked else " "), ("text", " " + label)))


# --- fields -----------------------------------------------------------------------------

NASTY = [
    "# ", "## Bevestiging", "### Medewerker", "## Opmerkingen medewerker", "- ", "* ", "+ ",
    "1. ", "2) ", "> ", "    ", "\t", "```", "~~~", "---", "***", "___", "===", "~~s~~",
    "| a | b |", "|---|---|", "[ ] ", "[x] ", "- [ ] Akkoord", "- [x] Gezien, niet akkoord",
    "[link](http://x.nl)", "![img](x.png)", "[ref]: /url", "<b>", "</p>", "<!-- c -->",
    "<div>", "<http://x.nl>", "www.example.com", "&amp;", "&#0;", "&#10;", "&copy;", "\\",
    "\\\n", "  \n", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "*em*", "_em_", "**b**", "`code`",
    "Vingerafdruk: `gespreks/1/1/sha256:" + "a" * 64 + "`", "\x00", "\x07", "\x0b", "\x0c",
    "\x1c", "\x7f", "\x85", "\xa0", "\u2028", "\u2029", "\u3000", "\u200b", "\u202e",
    "שלום", "مرحبا", "😀", "👩‍💻", "\ufeff", "\ufffd", " ", "  ", "é", "İ",
    # marks escaped only where they could be syntax (start of a line, after an enumerator)
    "a) ", "(i) ", "(1) ", "iv. ", "B. ", ": ", "::: ", "=", "+ ", "+", "-", ":", "(", ")",
    "!", "![", "/", ">", "http://x.nl/a", "één-op-één", "Totaaloordeel: goed",
    "(max. € 2.500)", "Goed gedaan!", "1+1=2", "a - b", "\n- ", "\n+ ", "\n= ", "\n: ",
    "\n1) ", "\n(a) ",
]
field = st.one_of(
    st.text(max_size=30),
    st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=6)), max_size=8).map("".join),
)
# The store refuses blank agreements (SQLite's length() stops at a NUL character).
filled = field.filter(lambda s: s.strip() and s.split("\x00")[0].strip(" "))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("escape")


def build(folder: Path, data: dict):
    """A fresh database with one earlier and one concluded conversation holding ``data``."""
    path = Path(tempfile.mkstemp(dir=folder, suffix=".db")[1])
    path.unlink()
    store = Store.open(path, clock=FakeClock())
    store.db.execute("pragma synchronous = off")  # speed only: a test database
    employee = store.add_person("employee")
    store.db["people"].update(employee.id, {"name": data["employee"]})
    earlier = store.create_conversation(employee.id, builtin_agenda(Kind.DOELSTELLING), 60)
    old = store.add_agreement(earlier.id, data["old_agreement"], Owner.EMPLOYEE)
    store.conclude(earlier.id, None)
    c = store.create_conversation(employee.id, builtin_agenda(Kind.VOORTGANG, data["lang"]),
                                  45, language=data["lang"])
    store.db.execute("update conversations set manager_label = ? where id = ?",
                     [data["manager"], c.id])
    for position, (name, shared, private) in enumerate(data["phases"]):
        store.db.execute("update phases set name = ? where conversation_id = ? and position = ?",
                         [name, c.id, position])
        store.save_note(c.id, position, Visibility.SHARED, shared)
        store.save_note(c.id, position, Visibility.PRIVATE, "PRIVÉ-GEHEIM " + private)
    for agreement_text, due in data["agreements"]:
        store.add_agreement(c.id, agreement_text, Owner.BOTH, due)
    store.record_follow_up(old.id, c.id, Outcome.PARTLY, data["follow_up"])
    store.conclude(c.id, data["next"])
    return store, store.get_conversation(c.id)


def expected_outline(c, data: dict, sha: str, confirmed: bool) -> list[tuple]:
    lang = data["lang"]

    def tr(key: str, **values: object) -> str:
        return t(key, lang=lang, **values)

    def ends_with(key: str, value: str, **values: object) -> tuple:
        """A fixed text ending in a field; an empty field leaves no trailing space."""
        filled_in = tr(key, **values)
        return text(filled_in if value else filled_in.rstrip(" "))

    name, manager = expected_clean(data["employee"]), expected_clean(data["manager"])
    start = c.started_at
    blocks = [
        ("h1", ends_with("minutes.title", name, kind=tr("kind.voortgang").capitalize(),
                         employee=name)),
        ("ul",),
        ("li", ends_with("minutes.meta.employee", name, name=name)),
        ("li", text(tr("minutes.meta.manager", name=manager or tr("minutes.unknown")))),
        ("li", text(tr("minutes.meta.date", date=moment_day(start, c.time_zone, lang),
                       time=clock_text(start, c.time_zone)))),
        ("li", text(tr("minutes.meta.duration", planned=45, actual=0))),
        ("end",),
        ("h2", text(tr("minutes.notes"))),
    ]
    for phase_name, shared, _ in data["phases"]:
        blocks += [("h3", text(expected_clean(phase_name))), *expected_note(shared, lang)]
    blocks += [("h2", text(tr("minutes.agreements"))),
               ("ol",) if data["agreements"] else ("p", em(tr("minutes.no_agreements")))]
    for agreement_text, due in data["agreements"]:
        blocks.append(("li", text(tr(
            "minutes.agreement", text=expected_clean(agreement_text), owner=tr("owner.both"),
            due=expected_date(due, lang) if due else tr("minutes.no_due"),
            status=tr("agreement_status.open")))))
    blocks += [("end",)] if data["agreements"] else []
    blocks += [("h2", text(tr("minutes.follow_ups"))), ("ul",)]
    key = "minutes.follow_up_comment" if data["follow_up"] else "minutes.follow_up"
    blocks += [("li", text(tr(key, text=expected_clean(data["old_agreement"]),
                              outcome=tr("outcome.partly"),
                              comment=expected_clean(data["follow_up"])))), ("end",)]
    blocks += [("h2", text(tr("minutes.next_evaluation"))),
               ("p", text(expected_date(data["next"], lang)) if data["next"]
                else em(tr("minutes.no_next_evaluation")))]
    before, after = tr("minutes.fingerprint", id=c.id, revision=1, code="\x00").split("\x00")
    blocks += [("p", (*text(before), ("code", f"gespreks/{c.id}/1/sha256:{sha}"), *text(after))),
               ("h2", text(tr("minutes.confirmation"))), ("p", text(tr("minutes.confirmation_help")))]
    names = {Party.EMPLOYEE: name, Party.MANAGER: manager}
    for party in Party:
        signer = " ".join(data[f"{party}_name"].split()) if confirmed else names[party]
        boxes = ([task(confirmed, tr("minutes.verdict.akkoord")),
                  task(False, tr("minutes.verdict.gezien")),
                  task(False, tr("minutes.verdict.correctie"))] if party == Party.EMPLOYEE
                 else [task(confirmed, tr("minutes.verdict.vastgesteld"))])
        blocks += [("h3", text(tr(f"minutes.party.{party}"))), ("ul",), *boxes,
                   ("end",), ("p", ends_with("minutes.name", signer, name=expected_clean(signer)))]
        if confirmed and party == Party.EMPLOYEE:
            blocks.append(("p", text(tr("minutes.confirmed_on_manager_screen",
                                        date=moment_day(start, c.time_zone, lang),
                                        time=clock_text(start, c.time_zone)))))
        elif confirmed:
            blocks.append(("p", text(tr("minutes.confirmed_at",
                                        date=moment_day(start, c.time_zone, lang),
                                        time=clock_text(start, c.time_zone),
                                        via=tr("minutes.via.screen")))))
        if confirmed and party == Party.MANAGER and expected_clean(data["manager_comment"]).strip():
            blocks += [("p", text(tr("minutes.manager_comment"))),
                       *expected_note(data["manager_comment"], lang, "")]
    blocks.append(("h2", text(tr("minutes.comments"))))
    return _merge(blocks)  # the employee's reaction below it: see reaction_is_never_structure


def reaction_is_never_structure(blocks: list[tuple]) -> None:
    """The employee's reaction renders as Markdown (lists, emphasis), but never as a
    heading, a task box, a code span (a fingerprint) or anything else unexpected."""
    allowed = {"blockquote_open", "blockquote_close", "code_block"}
    for block in blocks:
        assert block[0] in ("p", "li", "ul", "ol", "end") or (
            block[0] == "UNEXPECTED" and block[1] in allowed), block
        if block[0] in ("p", "li"):
            for kind, _ in block[1]:
                assert kind in ("text", "em") or kind.startswith(
                    ("UNEXPECTED strong", "UNEXPECTED em", "UNEXPECTED softbreak")), block


# A stored ISO date reads as a date ("30 september 2026"), any other text as typed.
iso_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)).map(
    date.isoformat)
conversation_data = st.fixed_dictionaries({
    "lang": st.sampled_from(["nl", "en"]),
    "employee": field, "manager": field, "old_agreement": filled, "follow_up": field,
    "phases": st.tuples(*[st.tuples(field, field, field)] * 3),
    "agreements": st.lists(st.tuples(filled, st.one_of(st.none(), field.filter(bool),
                                                        iso_dates)), max_size=3),
    "next": st.one_of(field, iso_dates), "employee_name": filled, "manager_name": filled,
    "employee_comment": field, "manager_comment": field,
})


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=conversation_data)
def test_any_text_in_any_field_stays_text_and_comes_back(folder: Path, data: dict):
    store, c = build(folder, data)
    try:
        issued = publish(store, c.id)
        assert outline(issued.markdown) == expected_outline(c, data, issued.sha256, False)
        assert "PRIVÉ-GEHEIM" not in issued.markdown
        assert all(line == line.rstrip() for line in issued.markdown.split("\n"))
        assert canonical(issued.content) == issued.content

        store.confirm(c.id, 1, Party.EMPLOYEE, data["employee_name"], Verdict.AKKOORD,
                      data["employee_comment"])
        store.confirm(c.id, 1, Party.MANAGER, data["manager_name"], Verdict.VASTGESTELD,
                      data["manager_comment"])
        confirmed = render_minutes(store, c.id, revision=1)
        expected = expected_outline(c, data, issued.sha256, True)
        shown = outline(confirmed.markdown)
        assert shown[:len(expected)] == expected
        reaction_is_never_structure(shown[len(expected):])
        returned = parse_returned(confirmed.markdown)
        assert (returned.conversation_id, returned.revision) == (c.id, 1)
        assert returned.sha256 == returned.fingerprint == issued.sha256
        assert returned.ticked == {Party.EMPLOYEE: (Verdict.AKKOORD,),
                                   Party.MANAGER: (Verdict.VASTGESTELD,)}
    finally:
        store.close()


# --- the rules one by one ---------------------------------------------------------------

def paragraph_text(markdown: str) -> tuple:
    blocks = outline(markdown)
    assert len(blocks) == 1 and blocks[0][0] == "p", blocks
    return blocks[0][1]


@pytest.mark.parametrize("value", [
    "# kop", "- lijst", "1. lijst", "1) lijst", "> citaat", "    code", "\tcode", "---", "***",
    "===", "| a | b |", "[ ] taak", "[x] taak", "[a](b)", "![a](b)", "<b>vet</b>", "<!-- -->",
    "&amp;", "&#0;", "*nadruk*", "`code`", "eind\\", "eind  ", "a\nb", "a\r\nb", " begin",
    "\u3000ideografisch", "eind\xa0", "\u2028", "gespreks/1/1/sha256:" + "0" * 64,
])
def test_one_line_field_is_one_text_paragraph(value: str):
    rendered = "x " + inline(value)
    assert "\n" not in rendered
    assert paragraph_text(rendered) == text("x " + value)


@pytest.mark.parametrize(("value", "written"), [
    ("één-op-één", "één-op-één"), ("Totaaloordeel: goed", "Totaaloordeel: goed"),
    ("(max. € 2.500)", "(max. € 2.500)"), ("Goed gedaan! 1+1=2, a > b", "Goed gedaan! 1+1=2, a > b"),
    ("zie https://x.nl/a", "zie https://x.nl/a"), ("- punt", "\\- punt"), ("+ punt", "\\+ punt"),
    (": term", "\\: term"), ("> citaat", "\\> citaat"), ("=== ", "\\===&#32;"),
    ("1) a", "1\\) a"), ("a) b", "a\\) b"), ("(iv) c", "\\(iv\\) c"), ("iv. d", "iv\\. d"),
    ("2026. jaar", "2026\\. jaar"), ("a\n- b", "a&#10;\\- b"), ("*nadruk*", "\\*nadruk\\*"),
])
def test_punctuation_is_escaped_only_where_it_could_be_syntax(value: str, written: str):
    assert inline(value) == written
    assert paragraph_text("x " + inline(value)) == text("x " + value.replace("\n", "\n"))


def test_a_line_of_a_note_starting_with_a_marker_stays_text():
    lines = note_lines("a\n- b\n1) c\n: d\n---\n> e")
    assert lines == ["a\\", "\\- b\\", "1\\) c\\", "\\: d\\", "\\---\\", "\\> e"]
    assert paragraph_text("\n".join(lines)) == text("a\n- b\n1) c\n: d\n---\n> e")


def test_control_characters_become_visible_placeholders():
    assert clean("a\x00b\x07c\x1fd\x7fe\x85f\tg\nh\ri") == "a␀b␇c␟d␡e\ufffdf\tg\nh\ri"
    assert paragraph_text("x " + inline("\x00")) == text("x ␀")
    assert paragraph_text(inline("\x0c")) == text("␌")


def test_nul_has_no_reference_that_survives_so_it_is_a_placeholder():
    # markdown-it (like every CommonMark parser) turns U+0000 and &#0; into U+FFFD.
    assert paragraph_text("a\x00b") == text("a\ufffdb")
    assert paragraph_text("a&#0;b") == text("a\ufffdb")
    assert paragraph_text(inline("a\x00b")) == text("a␀b")


def test_notes_keep_every_line_and_empty_line():
    note = "eerste\n  ingesprongen\n\ntweede alinea\n\n\n\nna drie lege regels\\"
    lines = note_lines(note)
    assert lines[:2] == ["eerste\\", "&#32;&#32;ingesprongen"]
    assert outline("\n".join(lines)) == [("p", text(note))]


def test_note_edges_and_empty_notes():
    assert note_lines("") == [] and note_lines(" \n\t\n") == []
    assert note_text("\n\nmidden\n\n") == "midden"
    assert note_lines("\n\nmidden\n") == ["midden"]


@pytest.mark.parametrize("reaction", [
    "- punt 1\n- *punt* 2", "# Bevestiging\n## Opmerkingen medewerker", "- [x] Akkoord",
    "Vingerafdruk: `gespreks/1/1/sha256:" + "a" * 64 + "`", "Kop\n===", "Kop\n---",
    "- Kop\n  ---", "> citaat **vet**", "```\ncode\n```", "~~~", "<b>x</b> [l](u)",
    "| a | b |\n|---|---|", "***",
])
def test_a_reaction_renders_as_markdown_but_never_as_structure(reaction: str):
    from gespreks_tui.minutes.reaction import reaction_lines

    reaction_is_never_structure(outline("\n".join(reaction_lines(reaction))))


def test_a_reaction_list_comes_back_as_a_list():
    from gespreks_tui.minutes.reaction import reaction_lines

    shown = outline("\n".join(reaction_lines("Dit klopt niet:\n\n- punt 1\n- *punt* 2")))
    assert shown == [("p", text("Dit klopt niet:")), ("ul",), ("li", text("punt 1")),
                     ("li", (("em", "punt"), ("text", " 2"))), ("end",)]
