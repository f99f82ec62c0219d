"""The start screen's people list: one ``Option`` per person, kept between visits.

Returning to the start screen builds a new ``StartScreen`` and so a new list
of people; with a few hundred employees, Textual's ``OptionList`` spent most
of that time measuring each name again (the height of its text at the list's
width, issue 19). An ``Option`` keeps its measured text, so reusing the same
one for the same person (id and name) makes a return cost the same for a
team of five and of five hundred. The options are plain text (the list has
``markup=False``) and carry no state of a list, so any list can show them.

``people_list`` makes the list itself: an ``OptionList`` that, when it lays
its options out in lines, looks each style rule up once per pass instead of three
times per option (with 500 names that lookup was most of the remaining cost,
issue 19). The lines, heights and scrolling are Textual's own
(``tests/test_people_list.py`` compares them with a plain ``OptionList``).
"""

from __future__ import annotations

from types import MethodType
from typing import TYPE_CHECKING, Any, cast

from textual.geometry import Size
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

_KEEP = 5000  # more people than any team: beyond this, start again
_options: dict[tuple[int, str], Option] = {}


def person_option(person_id: int, name: str) -> Option:
    """The option for this person (the same object as last time, if the name is the same)."""
    key = (person_id, name)
    option = _options.get(key)
    if option is None:
        if len(_options) >= _KEEP:
            _options.clear()
        option = _options[key] = Option(name, id=str(person_id))
    return option


class _RulesOnce(dict):
    """A widget's style rules for one pass over the options, each read once.

    ``Visual.get_height`` asks ``rules.get(name, default)`` for a few rules; on
    a widget's ``styles`` each such call resolves the rule again. The styles do
    not change during a pass, so the first answer stands for the rest.
    """

    def __init__(self, styles: Any) -> None:
        super().__init__()
        self._styles = styles

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            return self[key, default]
        except KeyError:
            value = self[key, default] = self._styles.get(key, default)
            return value


def people_list(**options: Any) -> OptionList:
    """The start screen's list of people: an ``OptionList`` (``options`` are its
    arguments) whose ``_update_lines`` is ``update_lines`` below.

    An instance's own method, not a subclass: a subclass of a widget makes
    Textual parse its bases' DEFAULT_CSS again at start-up (new tie-breakers),
    ~2 ms, more than the list saves on a first start.
    """
    widget = OptionList(**options)
    setattr(widget, "_update_lines", MethodType(update_lines, widget))  # noqa: B010
    return widget


def update_lines(self: OptionList) -> None:
    """Textual's ``OptionList._update_lines`` with the style rules read once per pass."""
    if not self.scrollable_content_region:
        return
    line_cache = self._line_cache
    lines = line_cache.lines
    next_index = lines[-1][0] + 1 if lines else 0
    options = self.options
    if next_index < len(options):
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        padding = self.get_component_styles("option-list--option").padding
        rules = cast("RulesMap", _RulesOnce(self.styles))  # what get_height reads of it
        room, get_visual = width - padding.width, self._get_visual
        for index, option in enumerate(options[next_index:], next_index):
            line_cache.index_to_line[index] = len(lines)
            line_count = get_visual(option).get_height(rules, room) + option._divider
            line_cache.heights[index] = line_count
            lines.extend([(index, line_no) for line_no in range(line_count)])
    last_divider = options and options[-1]._divider
    width = self.scrollable_content_region.width - self._get_left_gutter_width()
    virtual_size = Size(width, len(lines) - (1 if last_divider else 0))
    if virtual_size != self.virtual_size:
        self.virtual_size = virtual_size
        self._scroll_update(virtual_size)
