"""Finding templates: the built-in ones in the package, the user's in their config folder.

A user's ``CONFIG/templates/KIND.LANG.md`` replaces the built-in template of that
kind and language. A user file with any problem is not used: the built-in one
takes its place, and the problems are returned so the app and ``gespreks
templates`` can show them (file:line: message).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from gespreks_tui.agenda_template import AgendaTemplate
from gespreks_tui.model import Kind
from gespreks_tui.safe_read import FileRefused, read_small_file
from gespreks_tui.templates.parse import (
    LANGUAGES,
    TemplateProblem,
    parse_template,
    template_id,
)

BUILTIN = "builtin"
DEFAULT_LANGUAGE = "nl"


def file_name(kind: Kind | str, language: str) -> str:
    return f"{Kind(kind).value}.{language}.md"


# Built-in alternatives that ``copy_builtin(..., scale=N)`` writes instead of the
# default: (kind, points) -> file stem in ``builtin/alternatives`` (+ ``.LANG.md``).
# The appraisal's default has the common five-point scale; the four-point scale it
# had before (onvoldoende, voldoende, goed, uitstekend) stays available.
ALTERNATIVE_SCALES = {(Kind.BEOORDELING, 4): "beoordeling.scale4"}
DEFAULT_SCALE_POINTS = 5


def builtin_text(kind: Kind | str, language: str, scale: int | None = None) -> str:
    """The Markdown of a built-in template, as shipped in the package.

    ``scale``: the built-in alternative with that many points (``ALTERNATIVE_SCALES``);
    None or the default's own points give the default. ``KeyError`` for one not shipped.
    """
    folder = resources.files("gespreks_tui.templates").joinpath("builtin")
    kind = Kind(kind)
    if scale is None or (kind == Kind.BEOORDELING and scale == DEFAULT_SCALE_POINTS):
        return folder.joinpath(file_name(kind, language)).read_text(encoding="utf-8")
    stem = ALTERNATIVE_SCALES[(kind, scale)]
    return folder.joinpath("alternatives", f"{stem}.{language}.md").read_text(encoding="utf-8")


@cache
def builtin_template(kind: Kind | str, language: str) -> AgendaTemplate:
    """A built-in template, parsed once (``language`` is nl or en)."""
    agenda, problems = parse_template(builtin_text(kind, language), kind, language, BUILTIN)
    if agenda is None:  # the tests parse every built-in, so this is a packaging error
        raise RuntimeError("; ".join(str(p) for p in problems))
    return agenda


def templates_dir(config_dir: Path | str | None = None) -> Path:
    """Where the user's own templates live: ``templates/`` in the config folder."""
    if config_dir is None:
        from gespreks_tui.paths import config_dir as default_config_dir

        config_dir = default_config_dir()
    return Path(config_dir) / "templates"


def _language(language: str | None) -> str:
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def _user_files(folder: Path) -> tuple[list[Path], list[TemplateProblem]]:
    if not folder.exists():
        return [], []
    try:
        return sorted(p for p in folder.iterdir() if p.name.lower().endswith(".md")), []
    except OSError as error:
        from gespreks_tui.catalogue import t

        return [], [TemplateProblem(str(folder), None, t(
            "template.problem.unreadable", reason=error.strerror or error))]


def _parse_user_file(
    path: Path, found: tuple[Kind, str],
) -> tuple[AgendaTemplate | None, list[TemplateProblem]]:
    """Read (``safe_read``: a FIFO, device or huge file is refused unread) and parse."""
    from gespreks_tui.catalogue import t

    try:
        data = read_small_file(path)
    except FileRefused as error:
        key = ("template.problem.too_large" if error.key == "file.too_large"
               else "template.problem.unreadable")
        return None, [TemplateProblem(str(path), None, t(key, reason=t(error.reason.key)))]
    except OSError as error:
        return None, [TemplateProblem(str(path), None, t(
            "template.problem.unreadable", reason=error.strerror or error))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [TemplateProblem(str(path), None, t("template.problem.not_utf8"))]
    return parse_template(text, *found, source=str(path))


@dataclass(frozen=True)
class TemplateInfo:
    """The template in use for one kind and language, and where it comes from."""

    kind: Kind
    language: str
    agenda: AgendaTemplate
    source: str  # "builtin" or the user's file
    fallback_for: str | None = None  # a broken user file that the built-in replaces


@dataclass(frozen=True)
class TemplateSet:
    templates: tuple[TemplateInfo, ...]
    problems: tuple[TemplateProblem, ...]
    folder: Path

    def get(self, kind: Kind | str, language: str) -> TemplateInfo:
        kind = Kind(kind)
        return next(i for i in self.templates if i.kind == kind and i.language == language)


def _user_templates(
    folder: Path, wanted: tuple[Kind, str] | None = None,
) -> tuple[dict[tuple[Kind, str], AgendaTemplate], dict[tuple[Kind, str], str],
           list[TemplateProblem]]:
    """Parse the user's files (only those for ``wanted`` when given).

    Returns the good templates, the broken file per (kind, language), and all problems.
    """
    good: dict[tuple[Kind, str], AgendaTemplate] = {}
    broken: dict[tuple[Kind, str], str] = {}
    seen: dict[tuple[Kind, str], Path] = {}
    files, problems = _user_files(folder)
    for path in files:
        found, name_problems = template_id(path)
        if wanted is not None and found != wanted:
            continue
        if found is None:
            problems += name_problems
            continue
        if found in seen:
            from gespreks_tui.catalogue import t

            problems.append(TemplateProblem(str(path), None, t(
                "template.problem.duplicate_file", other=seen[found])))
            continue
        seen[found] = path
        agenda, file_problems = _parse_user_file(path, found)
        if agenda is None:
            broken[found] = str(path)
            problems += file_problems
        else:
            good[found] = agenda
    return good, broken, problems


def load_agenda(
    kind: Kind | str, language: str, config_dir: Path | str | None = None,
) -> tuple[AgendaTemplate, list[TemplateProblem]]:
    """The template to use for ``kind`` in ``language``, and the problems of the user's file.

    The user's ``KIND.LANG.md`` wins when it is sound; otherwise the built-in one.
    Never raises for a broken or unreadable user file (only for an unknown kind).
    """
    kind, language = Kind(kind), _language(language)
    good, _broken, problems = _user_templates(templates_dir(config_dir), (kind, language))
    agenda = good.get((kind, language)) or builtin_template(kind, language)
    return agenda, problems


def all_templates(config_dir: Path | str | None = None) -> TemplateSet:
    """Every kind in every language, as it will be used, with every problem found."""
    folder = templates_dir(config_dir)
    good, broken, problems = _user_templates(folder)
    infos = []
    for kind in Kind:
        for language in LANGUAGES:
            agenda = good.get((kind, language))
            if agenda is None:
                infos.append(TemplateInfo(kind, language, builtin_template(kind, language),
                                          BUILTIN, broken.get((kind, language))))
            else:
                infos.append(TemplateInfo(kind, language, agenda, agenda.source))
    return TemplateSet(tuple(infos), tuple(problems), folder)


class TemplateExists(FileExistsError):
    pass


def copy_builtin(
    kind: Kind | str, language: str, config_dir: Path | str | None = None,
    force: bool = False, scale: int | None = None,
) -> Path:
    """Copy a built-in template into the user's folder for editing; return its path.

    ``scale`` picks a built-in alternative scale (``builtin_text``); the file is
    still ``KIND.LANG.md``, so it replaces the default for that kind and language.
    Raises ``TemplateExists`` when the file is there and ``force`` is false,
    ``KeyError`` for a scale that is not shipped, and ``OSError`` when it cannot
    be written.
    """
    kind, language = Kind(kind), _language(language)
    text = builtin_text(kind, language, scale)  # before anything is touched
    folder = templates_dir(config_dir)
    target = folder / file_name(kind, language)
    if target.exists() and not force:
        raise TemplateExists(str(target))
    if target.exists() and not target.is_file():  # writing into a FIFO would wait forever
        from gespreks_tui.catalogue import t

        raise OSError(errno.EINVAL, t("file.not_regular"), str(target))
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target

