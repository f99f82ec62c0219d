"""Dialog to record how an earlier goal is going, or, in a beoordeling, to judge it.

Progress is one of four (on track, behind, achieved, dropped) with an optional
comment; in a beoordelingsgesprek the goal is also judged on the
conversation's own scale (``Store.scale``), next to the criteria scores, with
a comment of its own (the minutes keep the two apart). Above the choice
stands the goal's history (every earlier review), so the judgment is made
with the whole path in view; a goal whose period ended before this
conversation says so under its title (``goal_period``). It opens with what
this conversation recorded so far, focus on the first choice; a goal not yet
discussed here offers "0 not discussed" (saved as it is, nothing is recorded;
chosen for a goal discussed before, its progress here is taken back). The
digits choose (0–4 the progress, 1… the score), Enter moves to the next field. Frame, buttons
and keys: ``BaseDialog``; its look is in ``styles/dialogs.tcss``.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label

from gespreks_tui.catalogue import t
from gespreks_tui.goals import Goal, GoalProgress, GoalReview
from gespreks_tui.tui.format import name_of
from gespreks_tui.tui.screens.base_dialog import BaseDialog, dialog_keys
from gespreks_tui.tui.widgets.choice_button import ChoiceButton
from gespreks_tui.tui.widgets.field_choices import NumberedChoices
from gespreks_tui.tui.widgets.goal_items import day_of, review_text

NO_SCORE = "none"
NOT_DISCUSSED = "not_discussed"


@dataclass(frozen=True)
class ReviewInput:
    progress: GoalProgress | None
    comment: str  # about the progress
    score: int | None = None  # the judgment (a beoordeling only)
    score_comment: str = ""  # about the judgment


class GoalReviewDialog(BaseDialog[ReviewInput | None]):
    """Dismissed with (progress, score, comment), or None to record nothing."""

    BINDINGS = dialog_keys("goal_review")
    FRAME_ID, FIRST_FOCUS = "review-dialog", "#review-progress"

    def __init__(self, goal: Goal, given: GoalReview | None, earlier: list[GoalReview],
                 judge: bool = False, labels: tuple[str, ...] = (),
                 past: bool = False) -> None:
        super().__init__()
        self.goal = goal
        self.given = given
        self.earlier = earlier
        self.judge = judge
        self.labels = labels
        self.past = past  # its period ended before this conversation (said under its title)

    def heading(self) -> str:
        return t("goals_ui.judge_title" if self.judge else "goals_ui.review_title")

    def compose_body(self) -> ComposeResult:
        given, goal = self.given, self.goal
        progress = given.progress if given else None  # nothing offered: not discussed
        with VerticalScroll(classes="dialog-fields", id="review-fields"):
            yield Label(goal.title, markup=False, id="review-goal")
            if self.past and goal.period_end:
                ended = f"{t('goals_ui.period_ended')} {day_of(goal.period_end)}"
                ended = ended[:1].upper() + ended[1:]  # a line of its own here
                yield Label(Content(ended).stylize("bold $warning"), id="review-past")
            if goal.steps:
                yield Label(t("goals_ui.review_steps", done=goal.steps_done,
                              total=len(goal.steps)))
            history = [t("goals_ui.history_row", date=day_of(r.at),
                         state=review_text(r, self.labels)) for r in self.earlier]
            yield Label("\n".join([t("goals_ui.review_history"), *history]) if history
                        else t("goals_ui.review_no_history"), id="review-history",
                        markup=False)
            yield Label(t("goals_ui.review_progress"))
            with NumberedChoices(id="review-progress", compact=True):
                yield ChoiceButton(f"0 {t('goals_ui.review_not_discussed')}",
                                   name=NOT_DISCUSSED, value=progress is None)
                for number, choice in enumerate(GoalProgress, start=1):
                    yield ChoiceButton(f"{number} {t(f'goals.progress.{choice}')}",
                                       name=str(choice), value=choice == progress)
            yield Label(t("goals_ui.review_comment"))
            yield Input(given.comment if given else "", id="review-comment", compact=True)
            if self.judge:
                score = given.score if given else None
                yield Label(t("goals_ui.review_score"))
                with NumberedChoices(id="review-score", compact=True):
                    for value, label in enumerate(self.labels, start=1):
                        yield ChoiceButton(f"{value} {label}", name=str(value),
                                           value=score == value)
                    yield ChoiceButton(t("goals_ui.review_no_score"), name=NO_SCORE,
                                       value=score is None)
                yield Label(t("goals_ui.review_score_comment"))
                yield Input(given.score_comment if given else "", id="review-score-comment",
                            compact=True)
        yield from self.save_cancel(t("agreement.save_button"))

    def entered(self) -> ReviewInput:
        chosen_progress = name_of(self.query_one("#review-progress", NumberedChoices)
                                  .pressed_button)
        progress = (GoalProgress(chosen_progress)
                    if chosen_progress not in ("", NOT_DISCUSSED) else None)
        comment = self.query_one("#review-comment", Input).value.strip()
        if not self.judge:
            return ReviewInput(progress, comment)
        chosen = name_of(self.query_one("#review-score", NumberedChoices).pressed_button)
        return ReviewInput(progress, comment, int(chosen) if chosen.isdigit() else None,
                           self.query_one("#review-score-comment", Input).value.strip())

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in the progress comment of a judgment goes on to the score; else it saves."""
        if self.judge and event.input.id == "review-comment":
            self.query_one("#review-score").focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        self.dismiss(self.entered())


def progress_notice(before: GoalReview | None, after: GoalReview | None) -> str:
    """The one notice when progress this conversation recorded before was changed
    ("Voortgang gewijzigd: loopt achter → behaald", with the comment that stays) or
    taken back; "" when there was none before or it is the same."""
    was = before.progress if before else None
    now = after.progress if after else None
    if was is None or was == now:
        return ""
    name = {p: t(f"goals.progress.{p}") for p in GoalProgress}
    if now is None:
        return t("goals_ui.progress_cleared", before=name[was])
    if after is not None and after.comment:
        return t("goals_ui.progress_changed_comment", before=name[was], after=name[now],
                 comment=after.comment)
    return t("goals_ui.progress_changed", before=name[was], after=name[now])
