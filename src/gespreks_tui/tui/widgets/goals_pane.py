"""The goals pane: goals set in this conversation and earlier goals to follow up.

It shares the agreements' column (f7 switches) and has the same keys as the
agreements list: ctrl+n adds (a screen key), e edits, d deletes (u brings it
back), space ticks the highlighted step; besides, s adds a step to the goal
(splitting it up), r records progress of an earlier goal with a comment (in
a beoordelingsgesprek: its judgment too), 1–4 its progress at once (as on
the follow-ups), and a makes an agreement that serves the goal. One list holds every entry (headings, goals, their steps), so each is
reachable with the arrow keys and the list scrolls on its own at any size.

Like ``AgreementsPane`` it only shows and asks: its actions post a message,
the meeting screen does the store work and calls ``show`` again. What it shows
comes from the meeting's ``GoalWork`` (read on the UI thread, never written).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, ListItem, ListView

from gespreks_tui.catalogue import t
from gespreks_tui.goals import Goal, GoalProgress, GoalStep
from gespreks_tui.meeting.goal_work import GoalWork
from gespreks_tui.tui.widgets.goal_items import GoalHeading, GoalItem, StepItem, goal_runs

Key = tuple[str, object]  # ("goal", id), ("step", id), ("heading", name)
CHANGING = {"tick_step", "edit", "add_step", "delete", "undo", "review", "quick",
            "new_agreement_for"}


class GoalsPane(Vertical):
    DEFAULT_CSS = """
    GoalsPane {
        border: round $primary;
    }
    GoalsPane:focus-within {
        border: round $accent;
    }
    GoalsPane Label {
        width: 100%;
    }
    GoalsPane ListView {
        height: 1fr;
        border: none;
        scrollbar-size-vertical: 1;
    }
    GoalsPane ListView > ListItem {
        padding: 0 1;
    }
    GoalsPane ListView > ListItem:disabled {
        text-opacity: 100%;
    }
    GoalsPane ListView:focus > ListItem.-highlight {
        text-style: bold;
    }
    GoalsPane #goal-list > ListItem.done {
        color: $text-muted;
    }
    GoalsPane .goals-empty {
        color: $text-muted;
    }
    """

    @dataclass
    class EditGoal(Message):
        """Open the goal dialog for this goal (None: a new one)."""

        goal: Goal | None

    @dataclass
    class EditStep(Message):
        """Open the step dialog: a new step of ``goal`` (``step`` None) or this step."""

        goal: Goal
        step: GoalStep | None

    @dataclass
    class TickStep(Message):
        step: GoalStep

    @dataclass
    class Delete(Message):
        goal: Goal
        step: GoalStep | None  # None: the goal itself

    @dataclass
    class Undo(Message):
        """Bring back the goal or step deleted last."""

    @dataclass
    class Review(Message):
        """Record progress (or the judgment) of an earlier goal."""

        goal: Goal

    @dataclass
    class QuickProgress(Message):
        """Record progress of an earlier goal at once (keys 1–4, keeping its comment;
        0: back to not discussed)."""

        goal: Goal
        progress: GoalProgress | None

    class ExportPop(Message):
        """Export the employee's development plan (POP)."""

    @dataclass
    class NewAgreement(Message):
        """Make an agreement that serves ``goal``."""

        goal: Goal

    BINDINGS = [
        Binding("space", "tick_step", t("goals_ui.key_tick"), id="goals.tick"),
        Binding("e", "edit", t("key.edit"), id="goals.edit"),
        Binding("s", "add_step", t("goals_ui.key_add_step"), id="goals.add_step"),
        Binding("r", "review('progress')", t("goals_ui.key_review"), id="goals.review"),
        Binding("r", "review('judge')", t("goals_ui.key_judge"), id="goals.judge"),
        Binding("a", "new_agreement_for", t("goals_ui.key_agreement"), id="goals.agreement"),
        # As 1–4 on the follow-ups: progress at once (the heading says so; r asks more).
        Binding("1", "quick('op_koers')", t("goals.progress.op_koers"), id="goals.on_track",
                show=False),
        Binding("2", "quick('achter')", t("goals.progress.achter"), id="goals.behind",
                show=False),
        Binding("3", "quick('behaald')", t("goals.progress.behaald"), id="goals.achieved",
                show=False),
        Binding("4", "quick('vervallen')", t("goals.progress.vervallen"), id="goals.dropped",
                show=False),
        Binding("0", "quick('')", t("goals_ui.review_not_discussed"),
                id="goals.not_discussed", show=False),
        Binding("p", "export_pop", t("goals_ui.key_pop"), id="goals.pop", show=False),
        Binding("delete,d", "delete", t("key.delete"), id="goals.delete"),
        Binding("u", "undo", t("key.undo"), id="goals.undo"),
    ]

    def __init__(self, work: GoalWork, today: date, **kwargs) -> None:
        super().__init__(**kwargs)
        self.work = work
        self.today = today

    def compose(self) -> ComposeResult:
        yield Label(t("goals_ui.title_switch"), classes="pane-title")
        yield ListView(*self._entries(), id="goal-list")

    @property
    def goal_list(self) -> ListView:
        return self.query_one("#goal-list", ListView)

    # -- what it shows --------------------------------------------------------------
    def _entries(self) -> list[ListItem]:
        work, today = self.work, self.today
        judge, labels = work.judges_goals, work.goal_scale() if work.judges_goals else ()
        entries: list[ListItem] = []
        if work.sets_goals or work.goals:
            entries.append(GoalHeading(t("goals_ui.set_heading"), "set"))
            for goal in work.goals:
                entries.append(GoalItem(goal, True, lambda g: goal_runs(
                    g, today, None, None, judge, labels)))
                entries.extend(StepItem(goal, step, True) for step in goal.steps)
            if not work.goals:
                empty = GoalHeading(t("goals_ui.none_set" if work.read_only
                                      else "goals_ui.empty"), "empty")
                empty.add_class("goals-empty")
                entries.append(empty)
        if work.open_goals or not entries:
            keys = "" if work.read_only else " " + t("goals_ui.open_heading_keys")
            entries.append(GoalHeading(t("goals_ui.open_heading") + keys, "open"))
            for goal in work.open_goals:
                entries.append(GoalItem(goal, False, lambda g: goal_runs(
                    g, today, work.review_here(g), work.earlier_reviews(g), judge, labels,
                    work.past_period(g))))
                entries.extend(StepItem(goal, step, False) for step in goal.steps)
            if not work.open_goals:
                entries.append(GoalHeading(t("goals_ui.none_open"), "none-open"))
        return entries

    def show(self, today: date, keep: Key | None = None) -> None:
        """Draw the goals anew from the meeting; highlight ``keep`` (else the same place)."""
        self.today = today
        listing = self.goal_list
        current = listing.highlighted_child
        keep = keep or (getattr(current, "key", None) if current is not None else None)
        index = listing.index
        entries = self._entries()
        listing.clear()
        listing.extend(entries)
        keys = [entry.key for entry in entries]  # type: ignore[attr-defined]
        if keep in keys:
            target = keys.index(keep)
        else:
            choosable = [i for i, e in enumerate(entries) if not e.disabled]
            target = min(choosable, key=lambda i: abs(i - (index or 0)), default=-1)
        self.call_after_refresh(self._highlight, None if target < 0 else target)

    def _highlight(self, index: int | None) -> None:
        listing = self.goal_list
        listing.index = index
        if listing.highlighted_child is not None:
            listing.scroll_to_widget(listing.highlighted_child, animate=False, immediate=True)
        self.screen.refresh_bindings()

    def first_choosable(self) -> None:
        """Put the highlight on the first goal or step, if none is highlighted."""
        listing = self.goal_list
        if listing.highlighted_child is None or listing.highlighted_child.disabled:
            for number, entry in enumerate(listing.children):
                if isinstance(entry, ListItem) and not entry.disabled:
                    listing.index = number
                    return

    # -- keys -----------------------------------------------------------------------
    def selected(self) -> GoalItem | StepItem | None:
        item = self.goal_list.highlighted_child
        return item if isinstance(item, GoalItem | StepItem) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in CHANGING:
            return True
        work = self.work
        if work.read_only:
            return False
        if action == "undo":
            return work.can_undo_goal
        item = self.selected()
        if item is None:
            return False
        if action == "tick_step":
            return isinstance(item, StepItem)
        if action in ("edit", "add_step", "delete"):
            return item.set_here
        if action == "review":
            return not item.set_here and (parameters == ("judge",)) == work.judges_goals
        if action == "quick":
            return not item.set_here
        return True  # new_agreement_for

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        """Enter: edit a goal or step set here, review an earlier goal."""
        event.stop()
        item = event.item
        if self.work.read_only or not isinstance(item, GoalItem | StepItem):
            return
        if item.set_here:
            self.action_edit()
        else:
            self.post_message(self.Review(item.goal))

    def on_list_view_highlighted(self, _event: ListView.Highlighted) -> None:
        self.screen.refresh_bindings()  # the keys follow the kind of entry highlighted

    def action_tick_step(self) -> None:
        item = self.selected()
        if isinstance(item, StepItem):
            self.post_message(self.TickStep(item.step))

    def action_edit(self) -> None:
        item = self.selected()
        if isinstance(item, StepItem):
            self.post_message(self.EditStep(item.goal, item.step))
        elif isinstance(item, GoalItem):
            self.post_message(self.EditGoal(item.goal))

    def action_add_step(self) -> None:
        if item := self.selected():
            self.post_message(self.EditStep(item.goal, None))

    def action_delete(self) -> None:
        item = self.selected()
        if item is not None:
            self.post_message(self.Delete(item.goal, item.step if isinstance(item, StepItem)
                                          else None))

    def action_undo(self) -> None:
        self.post_message(self.Undo())

    def action_review(self, _what: str = "") -> None:
        if item := self.selected():
            self.post_message(self.Review(item.goal))

    def action_quick(self, progress: str) -> None:
        if item := self.selected():
            self.post_message(self.QuickProgress(item.goal,
                                                 GoalProgress(progress) if progress else None))

    def action_new_agreement_for(self) -> None:
        if item := self.selected():
            self.post_message(self.NewAgreement(item.goal))

    def action_export_pop(self) -> None:
        self.post_message(self.ExportPop())
