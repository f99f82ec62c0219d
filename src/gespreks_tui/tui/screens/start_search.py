"""The start screen's name field searches first, and adds a new employee second.

Typing in the employees list types in the name field ("Zoek (nieuw: ctrl+n)"):
the list highlights the first employee the text ``matches`` (the start of the
name or of one of its words, case-blind). Enter chooses that employee; only a
name that matches nobody is added by Enter. ctrl+n in the field adds what is
typed whatever it resembles (a name already in the list is chosen instead: names
are unique). While the text matches nobody, no employee is highlighted and the
list beside says that Enter adds the name.

A mixin for ``StartScreen``; its ``@on`` handlers call ``search_people`` and
``submit_search`` (``@on`` needs a DOMNode class).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input, OptionList

from gespreks_tui.catalogue import t
from gespreks_tui.errors import UserError
from gespreks_tui.model import Person
from gespreks_tui.person_names import clean_name

if TYPE_CHECKING:  # for the type checker: what it uses of the start screen
    from textual.screen import Screen

    from gespreks_tui.tui.gateway import StoreCalls

    class _Base(StoreCalls, Screen):
        def say(self, text: str, error: bool = False) -> None: ...
        def say_error(self, error: Exception) -> None: ...
        def refresh_lists(self) -> None: ...
        def show_history(self) -> None: ...
        def _focused_id(self) -> str | None: ...
else:
    _Base = object


def matches(name: str, typed: str) -> bool:
    """Whether ``typed`` starts ``name`` or one of its words (case-blind, spaces as one):
    "jor", "Joris B" and "bakk" match "Joris Bakker", "ris" does not."""
    typed = " ".join(typed.split()).casefold()
    return bool(typed) and f" {' '.join(name.split()).casefold()}".find(f" {typed}") >= 0


class StartSearch(_Base):
    """Type-to-search in the employees list; Enter chooses, ctrl+n adds."""

    _before_search: int | None = None  # the one highlighted before a name matched nobody

    def on_key(self, event: events.Key) -> None:
        """Typing in the employees list types in the name field (type-to-search): the
        letter lands there, the focus follows, and the list jumps to the first match.

        Keys typed quickly are all sent to the list before the focus has moved: they
        arrive here with the focus already in the field (which keeps the keys it gets
        itself), and go there in the order typed, a space among them too."""
        if self._focused_id() not in ("people-list", "new-person") \
                or not event.is_printable or not event.character:
            return
        field = self.query_one("#new-person", Input)
        if event.character.isspace() and not field.value:
            return
        event.stop()
        event.prevent_default()
        self.set_focus(field)  # now, not after this message: the next key goes there
        field.insert_text_at_cursor(event.character)

    def search_people(self, value: str) -> None:
        """The list highlights the first employee ``value`` matches: Enter chooses it.
        No match: no highlight, and the list beside says Enter adds the name."""
        people = self.query_one("#people-list", OptionList)
        if not value.strip():  # the field emptied: back to the one chosen before
            if people.highlighted is None and people.option_count:
                people.highlighted = min(self._before_search or 0, people.option_count - 1)
            return
        found = self.search_match(value)
        if found is not None:
            people.highlighted = found
            return
        if people.highlighted is not None:
            self._before_search = people.highlighted
            people.highlighted = None
        self.show_history()

    def search_match(self, typed: str) -> int | None:
        """The index of the first employee ``typed`` matches (``matches``), or None."""
        people = self.query_one("#people-list", OptionList)
        return next((i for i in range(people.option_count)
                     if matches(str(people.get_option_at_index(i).prompt), typed)), None)

    def submit_search(self, field: Input) -> None:
        """Enter in the name field: the employee found is chosen; only a name that
        matches nobody is added (ctrl+n adds one that does)."""
        found = self.search_match(field.value)
        if found is None:
            self.add_person(field)
        else:
            self._choose(found, field, "start.person_chosen")

    def _choose(self, index: int, field: Input, message: str) -> None:
        people = self.query_one("#people-list", OptionList)
        people.highlighted = index
        field.value = ""
        people.focus()
        self.say(t(message, name=str(people.get_option_at_index(index).prompt)))

    def action_add_typed(self) -> None:
        self.add_person(self.query_one("#new-person", Input))

    def add_person(self, field: Input) -> None:
        """Add the name in ``field`` as a new employee (Enter on no match, or ctrl+n)."""
        try:
            name = clean_name(field.value)
        except UserError as refused:  # refused, and what was typed stays in the field
            self.say(refused.message(), error=True)
            return
        if not name:
            self.say(t("start.empty_name"), error=True)
            return
        people = self.query_one("#people-list", OptionList)
        same = next((i for i in range(people.option_count)
                     if str(people.get_option_at_index(i).prompt).casefold() == name.casefold()),
                    None)
        if same is not None:  # names are unique: that one is chosen, nobody is added
            self._choose(same, field, "start.person_exists")
            return
        store = self.store

        def added(person: Person) -> None:
            field.value = ""
            self.refresh_lists()
            people = self.query_one("#people-list", OptionList)
            people.highlighted = people.get_option_index(str(person.id))
            people.focus()
            self.say(t("start.person_added", name=person.name))

        self.store_work(lambda: store.add_person(name), then=added, failed=self.say_error)

    def early_keys(self) -> frozenset[str]:
        """The keys the key line shows first (``KeyFooter``): in the employees list and
        the name field, at 80 columns ctrl+n ("Nieuwe medewerker", "Toevoegen als
        nieuw") and f2 ("Naam wijzigen", "Medewerkers") stay visible."""
        if self._focused_id() in ("people-list", "new-person"):
            return frozenset({"ctrl+s", "ctrl+n", "f2"})
        return frozenset()
