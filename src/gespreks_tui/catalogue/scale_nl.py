"""Dutch messages for appraisal scales, criteria and indicators (issue 18)."""

MESSAGES: dict[str, str] = {
    # the store
    "scale.off_scale": "score {score} staat niet op de schaal van dit gesprek (1 tot en met {points})",
    # template problems (file:line: message)
    "scale.problem.points": "een schaal heeft {fewest} tot {most} punten; deze heeft er {points}",
    "scale.problem.empty_label": "een punt van de schaal zonder naam",
    "scale.problem.duplicate_label": "het punt '{label}' staat twee keer in de schaal",
    "scale.problem.second_scale": "nog een schaal: een sjabloon heeft er één (op regel {first})",
    "scale.problem.no_criteria": "een schaal zonder criteria: zet onder een fase '### Criteria' met wat er beoordeeld wordt, of haal de schaal weg",
    "scale.problem.text_in_scale": "onder '### Schaal' staan alleen de punten (laagste eerst) en eventueel 'Totaaloordeel: ja' of 'Totaaloordeel: nee'",
    "scale.problem.overall_value": "'{text}': schrijf 'Totaaloordeel: ja' of 'Totaaloordeel: nee'",
    "scale.problem.nested_in_scale": "een punt van de schaal heeft geen onderliggende opsomming; gedragsindicatoren horen onder een criterium",
    "scale.problem.nested_in_goals": "een doelvraag heeft geen onderliggende opsomming; gedragsindicatoren horen onder een criterium",
    "scale.problem.indicator_depth": "een gedragsindicator heeft zelf geen opsomming; zet elke indicator op een eigen regel onder het criterium",
    "scale.problem.duplicate_indicator": "de gedragsindicator '{text}' staat al bij dit criterium",
    "scale.problem.second_goals": "nog een kop '### Doelen': een sjabloon heeft er één (op regel {first})",
    "scale.problem.no_goal_prompts": "onder '### Doelen' staan geen doelvragen; zet er een opsomming onder (wat, waarom, wie, waar, hoe)",
    "scale.problem.text_in_goals": "onder '### Doelen' hoort alleen een opsomming van doelvragen (wat, waarom, wie, waar, hoe)",
    "scale.problem.unknown_goal_prompt": "'{text}' is geen doelvraag; kies uit {words}",
    "scale.problem.duplicate_goal_prompt": "de doelvraag '{text}' staat er al",
    # the goal prompts, as a template and the app name them
    "scale.prompt.what": "wat",
    "scale.prompt.why": "waarom",
    "scale.prompt.who": "wie",
    "scale.prompt.where": "waar",
    "scale.prompt.how": "hoe",
    # shown while scoring, in the minutes and by `gespreks templates`
    "scale.legend": "Schaal: {legend}",
    "scale.indicators": "Gedrag: {indicators}",
    "scale.overall_asked": "met totaaloordeel",
    "scale.overall_not_asked": "zonder totaaloordeel",
    # the meeting's key (f3 from the notes) and its palette entry
    "scale.key_focus_scores": "Scores",
    "help.meeting.focus_scores": "Ga naar de beoordeling per criterium (het eerste criterium zonder score)",
    "scale.templates.scale": "schaal: {legend} ({overall})",
    "scale.templates.goal_prompts": "doelvragen: {prompts}",
    "scale.templates.scale_option": "Welke ingebouwde schaal het gekopieerde beoordelingssjabloon krijgt: 5 (onvoldoende … uitstekend, de standaard) of 4 (de oude schaal onvoldoende, voldoende, goed, uitstekend).",
    "scale.templates.scale_only_appraisal": "--scale past alleen bij het beoordelingssjabloon (beoordeling)",
    # the draft screen, the export dialog and the procedure dialog (appraisal-ui)
    "scale.draft.template_kept": "Sjabloon: {problem} — dit concept houdt het formulier waarmee het is begonnen.",
    "scale.draft.cli_kept_changed": "Het concept van {employee} houdt het formulier waarmee het is begonnen; het beoordelingssjabloon is sindsdien gewijzigd.",
    "scale.draft.cli_kept_broken": "Het concept van {employee} houdt het formulier waarmee het is begonnen; het beoordelingssjabloon heeft een fout: {problem}",
    "scale.draft_export.title": "Concept exporteren",
    "scale.export.writing": "Bezig met schrijven…",
    "scale.procedure.hand_over_first": "Bezwaar en definitief komen na het uitreiken: druk eerst op u.",
    "scale.procedure.saved.bezwaar": "Bezwaar vastgelegd; de beoordeling wacht op het definitieve besluit.",
    "scale.procedure.saved.second_agrees": "Tweede beoordelaar {name}: akkoord.",
    "scale.procedure.saved.second_disagrees": "Tweede beoordelaar {name}: niet akkoord.",
    "scale.procedure.saved.definitief": "De beoordeling is definitief vastgesteld.",
}
