"""The agreements pane: a live checklist with SMART hints, and earlier open agreements.

The pane only shows and asks: its key actions post a message (``Toggle``,
``Edit``, ``Delete``, ``Undo``, ``FollowUpChosen``, ``FollowUpComment``); the
meeting screen does the work and calls ``show`` again.

Both lists are as tall as their entries; when together they do not fit, the
list with focus (else the agreements) gets the room it needs and the other
keeps at least a third of the column, each scrolling on its own (``_share``).
So no entry is hidden while empty rows sit below. The keys follow what works:
nothing that changes agreements on a read-only conversation, undo only when
there is something to undo, 1–4 only on the follow-ups (pressed elsewhere,
they bring the follow-ups into focus and say so); space, e or d on the empty
agreements list say how to make one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, ListView

from gespreks_tui.catalogue import t
from gespreks_tui.meeting import FollowUps
from gespreks_tui.model import Agreement, Outcome
from gespreks_tui.tui.widgets.agreement_items import AgreementItem, EntryList, FollowUpItem
from gespreks_tui.tui.widgets.fitted import FittedText, Run, parts_run

AGREEMENT_ACTIONS = {"toggle_done", "edit", "delete"}
FOLLOW_UP_ACTIONS = {"follow_up", "follow_up_comment"}


class AgreementsPane(Vertical):
    # A done agreement stays muted even when highlighted: the id outranks
    # ListView's highlight rules.
    DEFAULT_CSS = """
    AgreementsPane {
        border: round $primary;
    }
    AgreementsPane:focus-within {
        border: round $accent;
    }
    AgreementsPane Label {
        width: 100%;
    }
    AgreementsPane #agreement-list > ListItem.done {
        color: $text-muted;
    }
    AgreementsPane #agreements-empty {
        color: $text-muted;
        padding: 0 1;
    }
    AgreementsPane #followup-title {
        margin: 1 0 0 0;
        padding: 0 1;
        text-style: bold;
        color: $accent;
    }
    """

    @dataclass
    class Toggle(Message):
        """Tick this agreement done (or open again)."""

        agreement: Agreement

    @dataclass
    class Edit(Message):
        agreement: Agreement

    @dataclass
    class Delete(Message):
        agreement: Agreement

    @dataclass
    class Undo(Message):
        """Bring back the agreement deleted last."""

    @dataclass
    class FollowUpChosen(Message):
        """Record what became of an earlier agreement."""

        agreement: Agreement
        outcome: Outcome

    @dataclass
    class FollowUpComment(Message):
        """Ask for outcome and comment of an earlier agreement in a dialog."""

        agreement: Agreement

    BINDINGS = [
        Binding("space", "toggle_done", t("key.toggle_done"), id="agreements.toggle"),
        Binding("e", "edit", t("key.edit"), id="agreements.edit"),
        Binding("delete,d", "delete", t("key.delete"), id="agreements.delete"),
        Binding("u", "undo", t("key.undo"), id="agreements.undo"),
        Binding("1", "follow_up('achieved')", t("outcome.achieved"), id="followup.achieved"),
        Binding("2", "follow_up('partly')", t("outcome.partly"), id="followup.partly"),
        Binding("3", "follow_up('not_achieved')", t("outcome.not_achieved"),
                id="followup.not_achieved"),
        Binding("4", "follow_up('carried_on')", t("outcome.carried_on"),
                id="followup.carried_on"),
        Binding("t", "follow_up_comment", t("key.followup_comment"), id="followup.comment"),
        Binding("1,2,3,4", "follow_up_elsewhere", t("key.followup_elsewhere"), show=False,
                id="followup.elsewhere"),
        Binding("space,e,delete,d", "none_yet", t("key.agreements_none_yet"), show=False,
                id="agreements.none_yet"),
    ]

    def __init__(self, agreements: list[Agreement], today: date, follow_ups: FollowUps,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self._first = agreements, today, follow_ups
        self.today = today
        self._read_only = False
        self.can_undo = False  # set by the screen: a deletion to bring back

    @property
    def read_only(self) -> bool:
        """Set by the screen: no key that changes anything, none offered in the titles."""
        return self._read_only

    @read_only.setter
    def read_only(self, value: bool) -> None:
        self._read_only = value
        if self.is_mounted:
            self.query_one("#followup-title", FittedText).show_runs(self._heading())

    def _heading(self) -> list[Run]:
        keys = [] if self._read_only else [t("followup.heading_keys")]
        return [parts_run([t("followup.heading"), *keys], sep=" ")]

    def compose(self) -> ComposeResult:
        """Drawn with its first contents, so nothing is mounted again after the first frame."""
        agreements, today, follow_ups = self._first
        earlier, done, between = follow_ups.earlier, follow_ups.done, follow_ups.between
        yield Label(t("agreements.title"), classes="pane-title")
        yield EntryList(*(AgreementItem(a, today, self.goal_of(a)) for a in agreements),
                        id="agreement-list")
        empty = Label(t("agreements.empty"), id="agreements-empty")
        empty.display = not agreements
        yield empty
        title = FittedText(self._heading(), id="followup-title")
        title.display = bool(earlier)
        yield title
        listing = EntryList(*(FollowUpItem(a, done.get(a.id), a.id in between, today)
                              for a in earlier), id="followup-list")
        listing.display = bool(earlier)
        yield listing

    # -- showing --------------------------------------------------------------
    goal_titles: Mapping[int, str] = {}  # the goals agreements may serve (MeetingGoals)

    def goal_of(self, agreement: Agreement) -> str:
        """The title of the goal ``agreement`` serves ("" for none)."""
        return self.goal_titles.get(agreement.goal_id, "") if agreement.goal_id else ""

    @property
    def agreement_list(self) -> ListView:
        return self.query_one("#agreement-list", ListView)

    @property
    def follow_up_list(self) -> ListView:
        return self.query_one("#followup-list", ListView)

    def show(self, agreements: list[Agreement], today: date, keep: int | None = None) -> None:
        """Show ``agreements``, updating entries in place; highlight ``keep`` (an id)."""
        self.today = today
        listing = self.agreement_list
        index = listing.index
        items = list(listing.query_children(AgreementItem))
        for item, agreement in zip(items, agreements, strict=False):
            item.update(agreement, today, self.goal_of(agreement))
        if len(agreements) > len(items):
            listing.extend(AgreementItem(a, today, self.goal_of(a))
                           for a in agreements[len(items):])
        for item in items[len(agreements):]:  # after the kept ones: no index shifts
            item.remove()
        self.query_one("#agreements-empty").display = not agreements
        if agreements:
            ids = [a.id for a in agreements]
            listing.index = ids.index(keep) if keep in ids else min(index or 0, len(ids) - 1)
        else:
            listing.index = None
        self.call_after_refresh(self._share)

    def show_follow_ups(self, follow_ups: FollowUps) -> None:
        earlier, done, between = follow_ups.earlier, follow_ups.done, follow_ups.between
        listing = self.follow_up_list
        items = list(listing.query_children(FollowUpItem))
        if [i.agreement.id for i in items] == [a.id for a in earlier]:
            for item, agreement in zip(items, earlier, strict=True):
                item.update(agreement, done.get(agreement.id), agreement.id in between,
                            self.today)
        else:  # another list (a read-along refresh): built anew
            index = listing.index
            listing.clear()
            listing.extend(FollowUpItem(a, done.get(a.id), a.id in between, self.today)
                           for a in earlier)
            listing.index = min(index or 0, len(earlier) - 1) if earlier else None
        self.query_one("#followup-title").display = bool(earlier)
        listing.display = bool(earlier)
        self.call_after_refresh(self._share)

    def on_resize(self, _event: events.Resize) -> None:
        self._share()

    @on(events.DescendantFocus)
    def _focus_moved(self, _event: events.DescendantFocus) -> None:
        self.call_after_refresh(self._share)

    @staticmethod
    def _need(listing: ListView, width: int) -> int:
        return sum(len(item.fitted(width)) for item in listing.query_children(
            AgreementItem if listing.id == "agreement-list" else FollowUpItem))

    def _share(self) -> None:
        """Give each list the rows its entries need; share when they do not fit."""
        if not self.is_attached:
            return
        lists = [self.agreement_list, self.follow_up_list]
        title = self.query_one("#followup-title", FittedText)
        heading = len(title.fitted(self.content_size.width - 2)) + 1  # padding; margin
        fixed = sum(child.outer_size.height for child in self.children
                    if child.display and child not in lists and child is not title)
        room = self.content_size.height - fixed - (heading if title.display else 0)
        if room <= 0:
            return
        width = self.content_size.width - 3  # entry padding and a scrollbar
        shown = [listing for listing in lists if listing.display]
        need = {listing.id: self._need(listing, width) for listing in shown}
        rows = dict(need)
        if sum(need.values()) > room and len(shown) == 2:
            first, second = shown if not lists[1].has_focus else shown[::-1]
            keep = min(need[second.id], max(3, room // 3))
            rows[first.id] = min(need[first.id], room - keep)
            rows[second.id] = room - rows[first.id]
        elif shown and sum(need.values()) > room:
            rows[shown[0].id] = room
        for listing in shown:
            listing.styles.max_height = max(1, rows[listing.id])
            if rows[listing.id] < need[listing.id]:
                # It scrolls: its scrollbar shown and styled for this layout. Textual
                # shows a new one after it, then styles it: two more layouts (issue 19).
                listing.show_vertical_scrollbar = True
                bar = listing.vertical_scrollbar
                bar.display = True
                self.app.stylesheet.apply(bar)
        self.call_after_refresh(self._highlight_in_view)

    def _highlight_in_view(self) -> None:
        """After a new share, the highlighted entry is wholly in view again."""
        for listing in (self.agreement_list, self.follow_up_list):
            item = listing.highlighted_child
            if item is not None and listing.display:
                listing.scroll_to_widget(item, animate=False, immediate=True)

    # -- keys -------------------------------------------------------------------
    def selected(self) -> Agreement | None:
        item = self.agreement_list.highlighted_child
        return item.agreement if isinstance(item, AgreementItem) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_follow_up = self.follow_up_list.has_focus
        if self.read_only and (action in AGREEMENT_ACTIONS | FOLLOW_UP_ACTIONS
                               or action in ("undo", "follow_up_elsewhere", "none_yet")):
            return False
        if action in FOLLOW_UP_ACTIONS:
            return in_follow_up and self.follow_up_list.highlighted_child is not None
        if action == "follow_up_elsewhere":
            return not in_follow_up
        if action in AGREEMENT_ACTIONS:
            return not in_follow_up and self.selected() is not None
        if action == "none_yet":  # a key for an agreement, and there are none
            return self.agreement_list.has_focus and not self.agreement_list.children
        if action == "undo":
            return self.can_undo
        return True

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        if self.read_only:
            return
        if isinstance(event.item, AgreementItem):
            self.post_message(self.Edit(event.item.agreement))
        elif isinstance(event.item, FollowUpItem):
            self.post_message(self.FollowUpComment(event.item.agreement))

    def action_toggle_done(self) -> None:
        if agreement := self.selected():
            self.post_message(self.Toggle(agreement))

    def action_edit(self) -> None:
        if agreement := self.selected():
            self.post_message(self.Edit(agreement))

    def action_delete(self) -> None:
        if agreement := self.selected():
            self.post_message(self.Delete(agreement))

    def action_undo(self) -> None:
        self.post_message(self.Undo())

    def action_follow_up(self, outcome: str) -> None:
        item = self.follow_up_list.highlighted_child
        if isinstance(item, FollowUpItem):
            self.post_message(self.FollowUpChosen(item.agreement, Outcome(outcome)))

    def action_follow_up_comment(self) -> None:
        item = self.follow_up_list.highlighted_child
        if isinstance(item, FollowUpItem):
            self.post_message(self.FollowUpComment(item.agreement))

    def action_none_yet(self) -> None:
        """Space, e or d on the empty agreements list: say how to make one."""
        self.app.notify(t("agreements.none_yet"), timeout=5, markup=False)

    def action_follow_up_elsewhere(self) -> None:
        """1–4 outside the follow-ups: bring them into focus and say what to do."""
        if self.follow_up_list.display:
            self.follow_up_list.focus()
            self.app.notify(t("followup.choose_first"), timeout=5)
        else:
            self.app.notify(t("followup.none"), timeout=5)
