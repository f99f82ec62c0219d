"""Where the TCSS lives: a widget's own look in its DEFAULT_CSS, a screen's layout in styles/.

All files in styles/ are loaded into one app-wide stylesheet, so a rule that
selects ``#minutes`` styles every node with that id on every screen (it once
squeezed the summary dialog's "minutes" button). These checks keep each
screen file's rules scoped by its screen type, keep ids out of the shared
file, and keep a widget's look with the widget, so a widget looks the same
wherever it is mounted.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

import gespreks_tui.tui.screens as screens_package
import gespreks_tui.tui.widgets as widgets_package
from gespreks_tui.paths import styles_dir

SHARED_FILE = "app.tcss"  # app-wide classes and the modal backdrop; no ids
DIALOGS_FILE = "dialogs.tcss"  # every dialog (a ModalScreen of ours)

# Widgets drawn entirely by a parent's rules or by their base class: the reason, each.
NO_LOOK_OF_THEIR_OWN = {
    "DueList": "an OptionList whose room is set by the start screen's TCSS, with the lists beside it",
    "Figures": "a Static that updates quietly; AgendaPane styles its figures by id",
    "ChoiceButton": "a RadioButton that only changes its glyph; Textual's look is kept",
    "AgreementItem": "styled by AgreementsPane: done items stay muted over the highlight",
    "FollowUpItem": "styled by AgreementsPane, like the agreements",
    "FieldChoices": "a RadioSet whose Enter moves on; styled by the dialogs like a RadioSet",
    "NumberedChoices": "FieldChoices whose digits choose; styled by the dialogs",
    "ChoiceSet": "a RadioSet whose highlight starts on the chosen answer; Textual's look",
    "UnbrokenParagraph": "a Markdown paragraph that keeps dates whole; the Markdown's look",
    "CriterionName": "a Static with a criterion's name; styled by the scores panel",
}


def _classes_in(package, base: type) -> list[type]:
    found = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, base) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def _rules(css: str) -> list[tuple[str, str]]:
    """(selector list, body) of each rule; the files in styles/ do not nest rules."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    assert css.count("{") == len(rules), "a nested rule: keep styles/ flat"
    return [(selectors.strip(), body) for selectors, body in rules]


def _selectors(css: str) -> list[str]:
    return [s.strip() for selectors, _ in _rules(css) for s in selectors.split(",")]


def _ids(selector: str) -> set[str]:
    return set(re.findall(r"#([\w-]+)", selector))


def _leading_type(selector: str) -> str:
    match = re.match(r"[A-Za-z_][\w-]*", selector)
    return match.group(0) if match else ""


def _style_files() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(styles_dir().glob("*.tcss"))}


def _screen_files() -> dict[str, set[str]]:
    """Each screen file and the screen types its rules may start with."""
    allowed: dict[str, set[str]] = {DIALOGS_FILE: set()}
    for cls in _classes_in(screens_package, Screen):
        if issubclass(cls, ModalScreen):
            allowed[DIALOGS_FILE].add(cls.__name__)
        else:
            name = cls.__module__.rsplit(".", 1)[1] + ".tcss"
            allowed.setdefault(name, set()).add(cls.__name__)
    return allowed


@pytest.mark.parametrize("cls", _classes_in(widgets_package, Widget), ids=lambda c: c.__name__)
def test_a_widget_with_a_look_of_its_own_carries_it_in_default_css(cls):
    css = cls.__dict__.get("DEFAULT_CSS", "")
    if cls.__name__ in NO_LOOK_OF_THEIR_OWN:
        assert not css, f"{cls.__name__} has a DEFAULT_CSS now: take it off the list"
        return
    assert css.strip(), f"{cls.__name__}: put its border, padding and colours in DEFAULT_CSS"
    # Its rules style the widget and what is inside it, nothing else.
    for selector in _selectors(css):
        assert _leading_type(selector) == cls.__name__, (cls.__name__, selector)


def test_every_style_file_is_the_shared_file_or_a_screen_file():
    expected = {SHARED_FILE} | set(_screen_files())
    assert set(_style_files()) <= expected, set(_style_files()) - expected


def test_no_id_is_selected_in_two_style_files():
    where: dict[str, set[str]] = {}
    for name, css in _style_files().items():
        for selector in _selectors(css):
            for ident in _ids(selector):
                where.setdefault(ident, set()).add(name)
    shared = {ident: sorted(files) for ident, files in where.items() if len(files) > 1}
    assert not shared, shared


def test_the_shared_file_selects_no_ids_and_no_screen():
    screen_types = set().union(*_screen_files().values())
    for selector in _selectors(_style_files()[SHARED_FILE]):
        assert not _ids(selector), f"{SHARED_FILE}: {selector!r} belongs in a screen file"
        assert _leading_type(selector) not in screen_types, selector


@pytest.mark.parametrize("name", sorted(set(_style_files()) - {SHARED_FILE}))
def test_each_rule_of_a_screen_file_starts_with_its_screen_type(name):
    """``MeetingScreen AgendaPane``, ``StartScreen #plan-box``: nothing leaks to another screen."""
    allowed = _screen_files()[name]
    for selector in _selectors(_style_files()[name]):
        leading = _leading_type(selector)
        assert leading in allowed, f"{name}: {selector!r} does not start with {sorted(allowed)}"
        assert selector[len(leading):][:1] in ("", " ", ".", ":", ">"), selector


def test_the_check_sees_a_leak():
    """The parser itself: a bare id rule has no leading screen type, a list is split."""
    selectors = _selectors("/* x { } */ #minutes { width: 10; }\nA .b, B > #c { }")
    assert selectors == ["#minutes", "A .b", "B > #c"]
    assert [_leading_type(s) for s in selectors] == ["", "A", "B"]
    assert _ids("B > #c.d") == {"c"}


def test_screens_keep_the_css_types_of_textuals_screens():
    """A mixin before ``Screen`` must not hide ``Screen``/``ModalScreen`` from the styles."""
    from gespreks_tui.tui.screens.manager_name import ManagerNameScreen
    from gespreks_tui.tui.screens.meeting import MeetingScreen
    from gespreks_tui.tui.screens.start import StartScreen

    for screen in (StartScreen, MeetingScreen):
        assert "Screen" in screen._css_type_names, screen
    assert "ModalScreen" in ManagerNameScreen._css_type_names
