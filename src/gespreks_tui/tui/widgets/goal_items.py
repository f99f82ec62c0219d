"""The entries of the goals pane: a heading, a goal, one of its steps.

Each entry draws its own lines (``fitted``, as the agreements do): titles wrap
at words, a date or a state never breaks inside. A goal shows its kind, owner,
end date (a warning when its period ended before this conversation) and steps
done; a goal set in this conversation its SMART hints; an earlier goal its
history (each earlier review) and what this conversation recorded. Steps are
entries of their own, so space can tick the one highlighted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.content import Content

from gespreks_tui.catalogue import language, t
from gespreks_tui.goal_hints import hints_of, step_hints
from gespreks_tui.goals import Goal, GoalReview, GoalStep
from gespreks_tui.tui.format import day_text
from gespreks_tui.tui.widgets.agreement_items import FittedItem, owner_text
from gespreks_tui.tui.widgets.fitted import Run, parts_run, text_run, words


def day_of(stamp: str | None) -> str:
    """A stored day or moment as '31 mrt 2027' ('' when none or not a date)."""
    if not stamp:
        return ""
    try:
        return day_text(stamp[:10], language())
    except ValueError:
        return stamp


DATE = "\x00"  # where ``dated_run`` puts the date in a catalogue text


def dated_run(text: str, day: str, style: str, indent: int, hang: int) -> Run:
    """Running ``text`` that wraps at its words, with ``day`` at ``DATE`` never broken."""
    pieces = tuple(Content(word.replace(DATE, day)).stylize(style) for word in text.split())
    return Run(pieces, " ", indent, hang, fold=True)


def review_text(review: GoalReview, labels: tuple[str, ...]) -> str:
    """'loopt achter — toelichting · oordeel goed — toelichting' (what was recorded)."""
    parts = []
    if review.progress is not None:
        parts.append(t(f"goals.progress.{review.progress}"))
    if review.comment:
        parts.append(f"— {review.comment}" if parts else review.comment)
    text = [" ".join(parts)] if parts else []
    if review.score is not None and 1 <= review.score <= len(labels):
        judged = t("goals_ui.score", label=labels[review.score - 1])
        text.append(f"{judged} — {review.score_comment}" if review.score_comment else judged)
    elif review.score_comment:
        text.append(review.score_comment)
    return " · ".join(text) or t("goals_ui.no_progress")


def goal_runs(goal: Goal, today: date, here: GoalReview | None,
              earlier: list[GoalReview] | None, judge: bool,
              labels: tuple[str, ...], past: bool = False) -> tuple[Run, ...]:
    """``◆ title`` / kind · owner · until · steps / hints, or history and this review.

    ``earlier`` None: the goal was set in this conversation (hints, no history).
    ``past``: its period ended before this conversation ("period ended", warned).
    """
    marker = Content("◆" if goal.kind == "resultaat" else "◇").stylize("bold")
    runs = [Run((marker, *words(goal.title, "bold")), hang=2, fold=True)]
    steps = (t("goals_ui.steps_count", done=goal.steps_done, total=len(goal.steps))
             if goal.steps else t("goals_ui.no_steps") if earlier is None else "")
    past = past and bool(goal.period_end)
    until = t("goals_ui.until", date=day_of(goal.period_end)) if goal.period_end else ""
    runs.append(parts_run([t(f"goals.kind.{goal.kind}"), owner_text(goal.owner),
                           "" if past else until, steps], style="dim", indent=2, hang=2))
    if past:  # "periode afgelopen op" wraps at its words, the date stays whole
        runs.append(Run((*words(t("goals_ui.period_ended"), "bold $warning"),
                         Content(day_of(goal.period_end)).stylize("bold $warning")),
                        indent=2, hang=4))
    if goal.support:
        runs.append(text_run(t("goals_ui.support", text=goal.support), "dim", indent=2,
                             hang=4))
    if earlier is None:
        found = [t(key) for key in hints_of(goal, today)]
        if found:
            runs.append(text_run("⚠ " + " · ".join(found), "$warning", indent=2, hang=4))
        return tuple(runs)
    for review in earlier:
        runs.append(dated_run(t("goals_ui.history_row", date=DATE,
                                state=review_text(review, labels)), day_of(review.at), "dim",
                              indent=2, hang=4))
    if here is not None:
        runs.append(Run((Content(t("goals_ui.now")).stylize("bold"),
                         *words(review_text(here, labels), "bold")), indent=2, hang=4,
                        fold=True))
    else:
        pending = t("goals_ui.not_judged") if judge else t("goals_ui.not_reviewed")
        runs.append(text_run(pending, "dim italic", indent=2, hang=4))  # wraps at words
    return tuple(runs)


def step_runs(step: GoalStep, period_end: str | None) -> tuple[Run, ...]:
    """``[x] text`` / ``done by 31 mrt 2027`` (a warning when after the goal's period)."""
    box = Content("[x]").stylize("bold") if step.done else Content("[ ]")
    runs = [Run((box, *words(step.text)), indent=2, hang=6, fold=True)]
    # "klaar op" wraps at its words, the date never breaks: "15 feb 2027" stays whole.
    for key, day in (("goals_ui.step_due", step.due_date),
                     ("goals_ui.step_done_at", step.done_at if step.done else None)):
        if day:
            runs.append(Run((*words(t(key), "dim"), Content(day_of(day)).stylize("dim")),
                            indent=6, hang=8))
    if not step.done and step_hints(step.due_date, period_end):
        runs.append(dated_run("⚠ " + t("goals_ui.step_after_period", date=DATE),
                              day_of(period_end), "$warning", indent=6, hang=8))
    return tuple(runs)


class GoalHeading(FittedItem):
    """A section title in the list; disabled, so the cursor passes it by."""

    DEFAULT_CSS = """
    GoalHeading {
        height: auto;
    }
    """

    def __init__(self, text: str, key: str) -> None:
        super().__init__((text_run(text, "bold $accent"),))  # wraps at words
        self.key = ("heading", key)
        self.disabled = True


class GoalItem(FittedItem):
    """A goal: set in this conversation (``set_here``) or earlier (to review)."""

    DEFAULT_CSS = """
    GoalItem {
        height: auto;
    }
    """

    def __init__(self, goal: Goal, set_here: bool, runs: Callable[[Goal], tuple[Run, ...]]
                 ) -> None:
        super().__init__(runs(goal))
        self.goal, self.set_here = goal, set_here
        self.key = ("goal", goal.id)


class StepItem(FittedItem):
    """One step of a goal."""

    DEFAULT_CSS = """
    StepItem {
        height: auto;
    }
    """

    def __init__(self, goal: Goal, step: GoalStep, set_here: bool) -> None:
        super().__init__(step_runs(step, goal.period_end))
        self.goal, self.step, self.set_here = goal, step, set_here
        self.key = ("step", step.id)
        self.set_class(step.done, "done")
