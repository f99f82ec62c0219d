"""Dutch messages for the kinds of conversation, their aliases and the settings shown by config."""

MESSAGES: dict[str, str] = {
    "kinds.unknown": "'{kind}' is geen gesprekssoort; kies uit {choices}.",
    "kinds.choices": "{kinds} (of een andere naam: {aliases})",
    "kinds.problem.table_twice": "deze gesprekssoort staat al eerder in het bestand, als [kinds.{kind}]",
    "kinds.problem.name_form": "hier hoort een korte naam op één regel, zonder [ en ], van hoogstens {most} tekens",
    "kinds.problem.name_taken": "deze naam hoort al bij een andere gesprekssoort ({kind})",
    "kinds.help": "{text} Kies uit {kinds} (ook met 'gesprek' erachter: voortgangsgesprek), of een andere naam: {aliases}; of de naam die in config.toml bij [kinds.…] name staat.",
}
