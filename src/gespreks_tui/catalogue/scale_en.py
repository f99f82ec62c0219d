"""English messages for appraisal scales, criteria and indicators (issue 18)."""

MESSAGES: dict[str, str] = {
    # the store
    "scale.off_scale": "score {score} is not on this conversation's scale (1 to {points})",
    # template problems (file:line: message)
    "scale.problem.points": "a scale has {fewest} to {most} points; this one has {points}",
    "scale.problem.empty_label": "a point of the scale without a name",
    "scale.problem.duplicate_label": "the point '{label}' is in the scale twice",
    "scale.problem.second_scale": "another scale: a template has one (on line {first})",
    "scale.problem.no_criteria": "a scale without criteria: put '### Criteria' under a phase with what is appraised, or remove the scale",
    "scale.problem.text_in_scale": "under '### Scale' only the points (lowest first) and optionally 'Overall: yes' or 'Overall: no'",
    "scale.problem.overall_value": "'{text}': write 'Overall: yes' or 'Overall: no'",
    "scale.problem.nested_in_scale": "a point of the scale has no list under it; behavioural indicators belong under a criterion",
    "scale.problem.nested_in_goals": "a goal prompt has no list under it; behavioural indicators belong under a criterion",
    "scale.problem.indicator_depth": "a behavioural indicator has no list of its own; put each indicator on its own line under the criterion",
    "scale.problem.duplicate_indicator": "the behavioural indicator '{text}' is already under this criterion",
    "scale.problem.second_goals": "another '### Goals' heading: a template has one (on line {first})",
    "scale.problem.no_goal_prompts": "no goal prompts under '### Goals'; put a list under it (what, why, who, where, how)",
    "scale.problem.text_in_goals": "under '### Goals' only a list of goal prompts (what, why, who, where, how)",
    "scale.problem.unknown_goal_prompt": "'{text}' is not a goal prompt; choose from {words}",
    "scale.problem.duplicate_goal_prompt": "the goal prompt '{text}' is already there",
    # the goal prompts, as a template and the app name them
    "scale.prompt.what": "what",
    "scale.prompt.why": "why",
    "scale.prompt.who": "who",
    "scale.prompt.where": "where",
    "scale.prompt.how": "how",
    # shown while scoring, in the minutes and by `gespreks templates`
    "scale.legend": "Scale: {legend}",
    "scale.indicators": "Behaviour: {indicators}",
    "scale.overall_asked": "with an overall judgment",
    "scale.overall_not_asked": "without an overall judgment",
    # the meeting's key (f3 from the notes) and its palette entry
    "scale.key_focus_scores": "Scores",
    "help.meeting.focus_scores": "Go to the scores per criterion (the first criterion without a score)",
    "scale.templates.scale": "scale: {legend} ({overall})",
    "scale.templates.goal_prompts": "goal prompts: {prompts}",
    "scale.templates.scale_option": "Which built-in scale the copied appraisal template gets: 5 (unsatisfactory … excellent, the default) or 4 (the old scale unsatisfactory, satisfactory, good, excellent).",
    "scale.templates.scale_only_appraisal": "--scale only fits the appraisal template (beoordeling)",
    # the draft screen, the export dialog and the procedure dialog (appraisal-ui)
    "scale.draft.template_kept": "Template: {problem} — this draft keeps the form it was started on.",
    "scale.draft.cli_kept_changed": "The draft for {employee} keeps the form it was started on; the appraisal template has changed since.",
    "scale.draft.cli_kept_broken": "The draft for {employee} keeps the form it was started on; the appraisal template has a problem: {problem}",
    "scale.draft_export.title": "Export the draft",
    "scale.export.writing": "Writing…",
    "scale.procedure.hand_over_first": "Objection and final after the hand-over: press u.",
    "scale.procedure.saved.bezwaar": "Objection recorded; the appraisal awaits the final decision.",
    "scale.procedure.saved.second_agrees": "Second assessor {name}: agrees.",
    "scale.procedure.saved.second_disagrees": "Second assessor {name}: does not agree.",
    "scale.procedure.saved.definitief": "The appraisal is final.",
}
