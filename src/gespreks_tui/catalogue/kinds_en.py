"""English messages for the kinds of conversation, their aliases and the settings shown by config."""

MESSAGES: dict[str, str] = {
    "kinds.unknown": "'{kind}' is not a conversation kind; choose from {choices}.",
    "kinds.choices": "{kinds} (or another name: {aliases})",
    "kinds.problem.table_twice": "this conversation kind is already in the file, as [kinds.{kind}]",
    "kinds.problem.name_form": "this should be a short name on one line, without [ and ], of at most {most} characters",
    "kinds.problem.name_taken": "this name already belongs to another conversation kind ({kind})",
    "kinds.help": "{text} Choose from {kinds}, the English names goal-setting, progress, performance-review and appraisal, or another name: {aliases}; or the name set in config.toml under [kinds.…] name.",
}
