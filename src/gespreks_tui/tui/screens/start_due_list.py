"""The start screen's "Te laat of bijna" list: filled, fitted, focused and chosen from.

A mixin for ``StartScreen`` (through ``StartLists``). Without the focus the list is a
preview of what fits its room, ending in "… en nog N · f5" when not all do; with the
focus (f5, Tab) every item is whole and the list scrolls, read a page at a time; Enter
on an item chooses its employee and highlights the row it belongs to in the list
beside (walk26 W7). The lines themselves are made in ``start_due``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from gespreks_tui.catalogue import t, tn
from gespreks_tui.tui.format import escape, shorten
from gespreks_tui.tui.screens.start_due import (
    DueEntry,
    fitted_groups,
    lines_per_item,
    whole_lines,
    word_lines,
)
from gespreks_tui.tui.widgets.due_list import DueList

if TYPE_CHECKING:  # for the type checker: what it uses of the start screen
    from textual.screen import Screen

    from gespreks_tui.model import DueItem
    from gespreks_tui.tui.gateway import StoreCalls

    class _Base(StoreCalls, Screen):
        def selected_person_id(self) -> int | None: ...
        def show_history(self) -> None: ...
        def say(self, text: str, error: bool = False, lasting: bool = False) -> None: ...
else:
    _Base = object

DUE_PAGE = 100  # due items read at a time while the list has the focus (issue 19)


class StartDueList(_Base):
    """What is overdue or due soon, across everyone (the chosen one's on a shared screen)."""

    _due_items: list[DueItem] = []  # noqa: RUF012 - replaced, never changed in place
    _due_items_whole = False  # the list shows every item whole (it has the focus)
    _due_limit = DUE_PAGE

    def show_due(self) -> None:
        """What is overdue or due within two weeks, across everyone (walk26 W7).

        The list shares its column with the employees. Without the focus it is a
        preview: each item takes at least two lines (when and who; what) or, in a
        narrow column, three; as many items as the room allows (``due_room``),
        then "… en nog N · f5" on a line that always shows. Rows to spare show each
        item's "what" whole (``start_due``); nothing wraps, so the list's height is
        known. With the focus (f5) every item is whole and the list scrolls in the
        same room; Enter chooses the item's employee (``choose_due``).
        """
        due = self.query_one("#due-list", DueList)
        whole = due.has_focus
        store, today = self.store, self.app.clock.today()
        # Only what fits is read, and the rest counted (issue 19: thousands).
        person_id = self.selected_person_id() if self.app.screen_share else None
        total = 0
        if not self.app.screen_share or person_id is not None:  # shared: the chosen's only
            total = self.store_read(
                lambda: store.due_count(today, employee_id=person_id), 0) or 0
        key = self.bound_key("start.focus_due", "f5")
        title = self._due_title(total, key)
        self.query_one("#due-title", Label).update(title)
        width, room, most = self.due_room(title)
        # An item: "when · who" and "  what"; in a narrow column (80 columns) who, when
        # and what each on a line of their own, so none of them is cut to nothing.
        per = lines_per_item(width)
        if whole:  # a page at a time (``on_due_list_wants_more``)
            limit = max(self._due_limit, DUE_PAGE)
        else:  # a line for "… en nog N" if not all fit
            limit = room // per if total * per <= room else max(1, (room - 1) // per)
        items = (self.store_read(lambda: store.due(today, employee_id=person_id, limit=limit),
                                 []) or []) if total else []
        items = items[:limit]
        entries = [self._due_entry(item, per, whole) for item in items]
        rest = total - len(items)
        if whole:
            groups = [whole_lines(entry, width) for entry in entries]
        else:
            groups = fitted_groups(entries, width, room - (1 if rest > 0 else 0))
        options = [Option("\n".join(("[$warning]{}[/]" if entry.overdue else "{}")
                                    .format(escape(line)) for line in lines), id=f"due-{n}")
                   for n, (entry, lines) in enumerate(zip(entries, groups, strict=True))]
        if rest > 0:  # where the rest is: f5 (or, with the focus, read when reached)
            more = (tn("start.due_more_short", rest) if whole
                    else tn("start.due.more", rest, key=key))
            options.append(Option(escape(shorten(more, width)), disabled=True))
        if not options:  # "Niets te laat of binnenkort." wrapped at words: never cut (80x24)
            options.append(Option(escape("\n".join(word_lines(t("start.due_none"), width))),
                                  disabled=True))
        kept = due.highlighted if whole and self._due_items_whole else None
        self._due_items, self._due_items_whole = items, whole
        # With the focus the rest scrolls into this room, made taller (the names give
        # rows, keeping three) if one item needs more: each is seen whole.
        due.styles.max_height = min(most, max([room, *map(len, groups)]))
        due.set_options(options)
        if due.can_focus != bool(total):  # nothing due: no f5, and Tab goes past it
            due.can_focus = bool(total)
            self.refresh_bindings()
        if whole and items:
            due.highlighted = min(kept or 0, len(items) - 1)
        elif not whole:
            due.highlighted = None  # a preview shows no highlight
            self._due_limit = DUE_PAGE

    def _due_title(self, total: int, key: str) -> str:
        """"Te laat of bijna: 6 (f5)", or without the count where that would not fit."""
        if not total:
            return t("start.due_title")
        title = t("start.due.title_count", n=total, key=key)
        column = self.query_one("#people-box").content_region.width
        if column > 0 and cell_len(title) > column:
            return t("start.due.title", key=key)
        return title

    @staticmethod
    def _due_entry(item: DueItem, per: int, whole: bool) -> DueEntry:
        from gespreks_tui.cycle import due_what, due_when
        from gespreks_tui.model import DueKind

        when, what = due_when(item), due_what(item)
        if per == 3 and not whole and item.kind in (DueKind.AGREEMENT, DueKind.GOAL_STEP) \
                and item.text:
            what = item.text  # a narrow preview: the words, not "afspraak 15: Bu…"
        heads = ((f"{when} · {item.employee}",) if per == 2
                 else (item.employee, f"  {when}"))
        return DueEntry(heads, what, item.overdue)

    def on_due_list_focus_changed(self, _message: DueList.FocusChanged) -> None:
        self._due_limit = DUE_PAGE
        self.show_due()

    def on_due_list_wants_more(self, _message: DueList.WantsMore) -> None:
        """The last item read is highlighted: the next page, if there is more."""
        if self._due_items_whole and len(self._due_items) >= self._due_limit:
            self._due_limit += DUE_PAGE
            self.show_due()

    def action_focus_due(self) -> None:
        self.query_one("#due-list", DueList).focus()

    def on_due_list_chosen(self, message: DueList.Chosen) -> None:
        if 0 <= message.index < len(self._due_items):
            self.choose_due(self._due_items[message.index])

    def choose_due(self, item: DueItem) -> None:
        """Enter on a due item: its employee chosen, and in the list beside the row it
        belongs to (the agreement, or the conversation of the goal, term or evaluation)
        highlighted and focused, so Enter there opens it."""
        people = self.query_one("#people-list", OptionList)
        found = [n for n in range(people.option_count)
                 if people.get_option_at_index(n).id == str(item.employee_id)]
        if not found:  # not in the list (the manager's own name, or a shared screen)
            self.say(t("start.due.not_listed", employee=item.employee), error=True)
            return
        people.highlighted = found[0]
        self.show_history()  # now, so the row can be highlighted
        history = self.query_one("#history", OptionList)
        row = (f"agreement-{item.agreement_id}" if item.agreement_id is not None
               else str(item.conversation_id))
        for n in range(history.option_count):
            if history.get_option_at_index(n).id == row:
                history.highlighted = n
                break
        history.focus()

    def bound_key(self, binding_id: str, default: str) -> str:
        """The key bound to ``binding_id`` on this screen (``[keys]`` may remap it)."""
        for _node, bindings in self._binding_chain:
            for key, binding in bindings:
                if binding.id == binding_id:
                    return key
        return default

    def due_room(self, title: str) -> tuple[int, int, int]:
        """(width, lines, most) for the due list: the employees keep rows for their names
        (at least three, at most half the column when both are long), the rest is the
        list's; ``most`` leaves the names only three. Before the first layout: estimated
        from the terminal's size."""
        box = self.query_one("#people-box")
        height, column = box.content_region.height, box.content_region.width
        # The list's left padding, and a column kept for its scrollbar (with the focus):
        # the same width either way (a "stable" gutter would cost a row as well).
        width = column - 2
        if height <= 0 or width <= 0:  # not laid out yet: the terminal's size
            height, column, width = max(6, self.app.size.height - 4), 23, 21
        people = self.query_one("#people-list", OptionList).option_count
        # "Medewerkers", the name field, and the due list's title (it may wrap)
        titles = 2 + -(-cell_len(title) // max(1, column))
        free = max(3, height - titles)
        keep = min(max(3, people), max(3, free // 2))
        return max(10, width), max(3, free - keep), max(3, free - 3)
