"""A prepared assessment as values, and the Markdown form the manager fills in.

Before a beoordelingsgesprek the manager drafts a score and an explanation per
criterion (and the overall judgment, when the scale asks for one). ``Draft``
holds those values; the store keeps them as the scores of a conversation in
status ``draft`` (``store.drafts``).

``assessment_form`` writes the manager's side of ``gespreks prepare``: a
title, the line that says whose draft it is (``Concept beoordeling:
beoordelingsgesprek · Joris Bakker``), the scale's labels, then per criterion
(``## Samenwerken``) its behavioural indicators, ``Score:`` and
``Toelichting:`` with room to write. ``parse_assessment`` reads it back in the
style of ``prepare.parse_preparation`` (markdown-it for the structure, the
source lines for the text): a score is the number or the label of a point on
the scale, or empty. A form for another employee, an unknown or repeated
criterion, or a score off the scale raises ``DraftError`` with one clear
message; nothing is returned half.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from gespreks_tui.appraisal_scale import NO_SCORE, Scale
from gespreks_tui.catalogue import LANGUAGES, language, t
from gespreks_tui.errors import UserError
from gespreks_tui.model import Conversation
from gespreks_tui.safe_read import FileRefused, read_small_file

ROOM = 3  # empty lines left under "Toelichting:"
_BLANK_RUNS = re.compile(r"\n{3,}")
_LEADING_NUMBER = re.compile(r"^(\d+)\s*[.:)\-–]?\s*(.*)$")


class DraftError(UserError):
    """A draft that cannot be made or read; ``message()`` says why."""


@dataclass(frozen=True)
class Entry:
    """One drafted judgment: a point on the scale (or None) and its explanation."""

    score: int | None = None
    comment: str = ""

    @property
    def empty(self) -> bool:
        return self.score is None and not self.comment.strip()


@dataclass(frozen=True)
class Criterion:
    """A criterion as the form shows it: its name and behavioural indicators."""

    name: str
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Draft:
    """A prepared assessment: per criterion position an ``Entry``, and the overall one."""

    scores: dict[int, Entry] = field(default_factory=dict)
    overall: Entry = Entry()


def criteria_of(c: Conversation) -> list[Criterion]:
    """Every criterion of a conversation, in the order its scores number them."""
    return [Criterion(name, phase.indicators[i] if i < len(phase.indicators) else ())
            for phase in c.phases for i, name in enumerate(phase.criteria)]


def _all(key: str) -> set[str]:
    return {LANGUAGES[lang][key].casefold() for lang in LANGUAGES}


def scale_line(scale: Scale, lang: str) -> str:
    return t("draft.form.scale", lang=lang, legend=scale.legend())


# --- writing ---------------------------------------------------------------------------

def draft_title(employee_name: str, lang: str | None = None, screen: bool = False) -> str:
    """The title of the manager's form (``screen``: of the F6 screen): with the name the
    organisation chose for the beoordeling ("Jaargesprek voorbereiden: …") when there
    is one, else the catalogue's. The "Concept beoordeling:" line keeps the standard
    name, so a form reads back whatever the configuration says later."""
    from gespreks_tui.kind_names import chosen_names, kind_title
    from gespreks_tui.model import Kind

    if chosen_names().get(Kind.BEOORDELING):
        return t("draft.form.title_named", lang=lang, employee=employee_name,
                 kind=kind_title(Kind.BEOORDELING, lang=lang))
    return t("draft.screen.title" if screen else "draft.form.title", lang=lang,
             employee=employee_name)


def assessment_form(employee_name: str, criteria: list[Criterion], scale: Scale, lang: str,
                    draft: Draft | None = None) -> str:
    """The Markdown form to draft ``employee_name``'s assessment (filled with ``draft``)."""
    from gespreks_tui.templates.markdown import escape_inline  # markdown-it: not at start-up

    draft = draft or Draft()
    kind = t("kind.beoordeling", lang=lang)
    name = escape_inline(employee_name)
    lines = [
        "# " + escape_inline(draft_title(employee_name, lang)), "",
        f"{t('draft.form.label', lang=lang)}: {kind} · {name}", "",
        escape_inline(t("draft.form.intro", lang=lang)), "",
        escape_inline(scale_line(scale, lang)), "",
    ]

    def section(title: str, indicators: tuple[str, ...], entry: Entry) -> list[str]:
        out = ["## " + escape_inline(title), ""]
        if indicators:
            out += [escape_inline(t("draft.form.indicators", lang=lang)), ""]
            out += ["- " + escape_inline(text) for text in indicators] + [""]
        score = scale.numbered(entry.score) if entry.score is not None else ""
        out += [f"{t('draft.form.score', lang=lang)} {score}".rstrip(), "",
                t("draft.form.comment", lang=lang)]
        out += entry.comment.split("\n") if entry.comment else [""] * ROOM
        return [*out, ""]

    for position, criterion in enumerate(criteria):
        lines += section(criterion.name, criterion.indicators,
                         draft.scores.get(position, Entry()))
    if scale.overall:
        lines += section(t("scores.overall", lang=lang), (), draft.overall)
    return "\n".join(lines).rstrip("\n") + "\n"


# --- reading ---------------------------------------------------------------------------

def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _header(text: str) -> str | None:
    """The employee's name from 'Concept beoordeling: kind · name', else None."""
    label, colon, rest = text.partition(":")
    if not colon or label.strip().casefold() not in _all("draft.form.label"):
        return None
    _kind, dot, name = rest.partition("·")
    return name.strip() if dot else None


def parse_score(text: str, scale: Scale, criterion: str) -> int | None:
    """A point of ``scale`` from what was written: "3", "voldoende", "3 voldoende", ""."""
    written = " ".join(text.replace("*", " ").split())
    if not written or written in (NO_SCORE, "-"):
        return None
    labels = [label.casefold() for label in scale.labels]
    number = _LEADING_NUMBER.match(written)
    value: int | None = None
    if number:
        value = int(number[1])
        rest = number[2].casefold()
        if rest and (not 1 <= value <= scale.points or rest != labels[value - 1]):
            value = None
    elif written.casefold() in labels:
        value = labels.index(written.casefold()) + 1
    if value is None or not scale.allows(value):
        raise DraftError("draft.form.bad_score", criterion=criterion, value=written,
                         legend=scale.legend())
    return value


def _clean(lines: list[str]) -> str:
    text = textwrap.dedent("\n".join(line.rstrip() for line in lines).strip("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip()


def _entry(lines: list[str], scale: Scale, criterion: str) -> Entry:
    """The score and explanation written in one criterion's section."""
    score_marks, comment_marks = _all("draft.form.score"), _all("draft.form.comment")
    score_text, comment_at = "", None
    for i, line in enumerate(lines):
        folded = line.strip().casefold()
        if comment_at is None and any(folded.startswith(m) for m in score_marks):
            mark = next(m for m in score_marks if folded.startswith(m))
            score_text = line.strip()[len(mark):]
        elif comment_at is None and any(folded.startswith(m) for m in comment_marks):
            mark = next(m for m in comment_marks if folded.startswith(m))
            comment_at = i
            lines = [*lines[:i], line.strip()[len(mark):], *lines[i + 1:]]
    comment = _clean(lines[comment_at:]) if comment_at is not None else ""
    return Entry(parse_score(score_text, scale, criterion), comment)


def parse_assessment(text: str, employee_name: str, criteria: list[str],
                     scale: Scale) -> Draft:
    """The drafted values of a filled-in form; see the module's doc for what is refused."""
    from gespreks_tui.templates.markdown import inline_text, normalise, parse

    text = normalise(text)
    lines = text.split("\n")
    tokens = parse(text)
    found: str | None = None
    headings: list[tuple[str, int, int]] = []  # (title, first line of the heading, after it)
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2" and token.map:
            headings.append((inline_text(tokens[i + 1]), token.map[0], token.map[1]))
        elif found is None and not headings and token.type == "inline" \
                and tokens[i - 1].type == "paragraph_open":
            found = _header(inline_text(token))
    if found is None:
        raise DraftError("draft.form.not_a_form")
    if not _same(found, employee_name):
        raise DraftError("draft.form.wrong_employee", found=found, expected=employee_name)
    overall_titles = _all("scores.overall")
    scores: dict[int, Entry] = {}
    overall: Entry | None = None
    for n, (title, _start, body) in enumerate(headings):
        end = headings[n + 1][1] if n + 1 < len(headings) else len(lines)
        position = next((p for p, name in enumerate(criteria) if _same(name, title)), None)
        if position is None and scale.overall and title.casefold() in overall_titles:
            if overall is not None:
                raise DraftError("draft.form.duplicate_criterion", criterion=title)
            overall = _entry(lines[body:end], scale, title)
            continue
        if position is None:
            raise DraftError("draft.form.unknown_criterion", criterion=title,
                             criteria=", ".join(criteria))
        if position in scores:
            raise DraftError("draft.form.duplicate_criterion", criterion=title)
        scores[position] = _entry(lines[body:end], scale, title)
    return Draft({p: e for p, e in scores.items() if not e.empty}, overall or Entry())


def read_assessment(path: Path | str, employee_name: str, criteria: list[str],
                    scale: Scale) -> Draft:
    """``parse_assessment`` of a file; an unreadable file is a ``DraftError`` too."""
    try:
        text = read_small_file(path).decode("utf-8-sig")
    except FileRefused as error:
        raise DraftError("prepare.unreadable", path=path, reason=error.reason) from error
    except OSError as error:
        raise DraftError("prepare.unreadable", path=path,
                         reason=error.strerror or error) from error
    except UnicodeDecodeError as error:
        raise DraftError("prepare.unreadable", path=path, reason="UTF-8") from error
    return parse_assessment(text, employee_name, criteria, scale)


def language_notice(draft_language: str) -> tuple[str, ...]:
    """For a draft prepared in another language than the app's now: that its criteria,
    scale and minutes stay in that language (walk25 F29). A conversation's language is
    set when it is made (for a prepared appraisal: when the preparation is), and the
    scores keep the labels they were given with; only the app's own words follow
    ``--lang``. Empty when the languages are the same."""
    if draft_language == language():
        return ()
    return (t("draft.other_language", language=t(f"draft.language.{draft_language}")),)
