"""The start screen's people list: one ``Option`` per person, kept between visits.

Returning to the start screen builds a new ``StartScreen`` and so a new list
of people; with a few hundred employees, Textual's ``OptionList`` spent most
of that time measuring each name again (the height of its text at the list's
width, issue 19). An ``Option`` keeps its measured text, so reusing the same
one for the same person (id and name) makes a return cost the same for a
team of five and of five hundred. The options are plain text (the list has
``markup=False``) and carry no state of a list, so any list can show them.
"""

from __future__ import annotations

from textual.widgets.option_list import Option

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
