"""Click's own words ("Usage:", "Options", "No such option" …) in the catalogue's language.

Click words everything it prints through ``gettext``: each of its modules calls
``_(msgid)`` or ``ngettext(singular, plural, n)`` when it prints, so giving
those modules a ``_`` that looks the English text up in the catalogue
(``click.*`` keys in ``catalogue/cli_*``) turns help, usage lines and usage
errors Dutch without touching click's behaviour: an unknown text stays as it
was. ``install`` is idempotent; ``translate_tree`` does the same for the
placeholders click takes from our own commands (``[OPTIONS]``, ``NAME``, ``FILE``).

Both click 8.3 (the floor) and 8.5 are covered: where a text changed between
them, both spellings are listed.
"""

from __future__ import annotations

import re
from types import ModuleType

import click

from gespreks_tui.catalogue import LANGUAGES, language, t

# click's English text -> catalogue key
WORDS: dict[str, str] = {
    "Usage:": "click.usage",
    "Options": "click.options",
    "Positional arguments": "click.arguments",
    "Commands": "click.commands",
    "Show this message and exit.": "click.help_option",
    "Show the version and exit.": "click.version_option",
    "%(prog)s, version %(version)s": "click.version",
    "Confirm the action without prompting.": "click.confirm_option",
    "Do you want to continue?": "click.continue",
    "Missing command.": "click.missing_command",
    "Aborted!": "click.aborted",
    "deprecated": "click.deprecated",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "click.deprecated_command",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "click.deprecated_parameter",
    "Value must be an iterable.": "click.iterable",
    "env var: {var}": "click.env_var",
    "default: {default}": "click.default",
    "required": "click.required",
    "(dynamic)": "click.dynamic",
    "Missing argument": "click.missing_argument",
    "Missing option": "click.missing_option",
    "Missing parameter": "click.missing_parameter",
    "Missing {param_type}": "click.missing_type",
    "Missing parameter: {param_name}": "click.missing_parameter_name",
    "unknown error": "click.unknown_error",
    "Invalid value for {param_hint}: {message}": "click.invalid_value_for",
    "Invalid value: {message}": "click.invalid_value",
    "Could not open file {filename!r}: {message}": "click.cannot_open",
    "Error: {message}": "click.error",
    "Try '{command} {option}' for help.": "click.try_help",
    "No such option {name!r}.": "click.no_such_option",
    "No such option: {name}": "click.no_such_option_old",
    "No such command {name!r}.": "click.no_such_command",
    "Invalid start character for option ({option})": "click.bad_option_start",
    "Option {name!r} does not take a value.": "click.no_value_taken",
    "Argument {name!r} takes {nargs} values.": "click.argument_values",
    "Couldn't detect Bash version, shell completion is not supported.": "click.bash_unknown",
    "Shell completion is not supported for Bash versions older than 4.4.": "click.bash_old",
    "Press any key to continue...": "click.press_any_key",
    "Repeat for confirmation": "click.repeat",
    "Error: The two entered values do not match.": "click.values_differ",
    "Error: The value you entered was invalid.": "click.value_invalid",
    "Unknown color {colour!r}": "click.unknown_colour",
    "Error: invalid input": "click.invalid_input",
    "file": "click.file",
    "directory": "click.directory",
    "path": "click.path",
    "Choose from:\n\t{choices}": "click.choose_from",
    "Choice({choices})": "click.choice",
    "{value} is not in the range {range}.": "click.not_in_range",
    "{value!r} is not a valid boolean. Recognized values: {states}": "click.not_boolean",
    "{value!r} is not a valid {number_type}.": "click.not_number",
    "{value!r} is not a valid UUID.": "click.not_uuid",
    "{name} {filename!r} is a file.": "click.is_file",
    "{name} {filename!r} is a directory.": "click.is_directory",
    "{name} {filename!r} is not readable.": "click.not_readable",
    "{name} {filename!r} is not writable.": "click.not_writable",
    "{name} {filename!r} is not executable.": "click.not_executable",
    "{name} {filename!r} does not exist.": "click.does_not_exist",
    "{editor}: Editing failed": "click.editing_failed",
    "{editor}: Editing failed: {e}": "click.editing_failed_because",
    "d": "click.days",
    "Unknown standard stream '{name}'": "click.unknown_stream",
    "Name '{name}' defined twice": "click.defined_twice",
    "Could not determine name for option with declarations {decls!r}": "click.no_option_name",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument"
    " instead? Did you mean to pass '--{name}'?": "click.name_without_options",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "click.one_declaration",
    "Boolean option {decl!r} cannot use the same flag for true/false.": "click.same_flag",
    "{text} {deprecated_message}": "click.deprecated_text",
}

# click's (singular, plural) -> the catalogue keys for one and for more
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("click.extra_argument", "click.extra_arguments"),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("click.takes_values_one", "click.takes_values"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("click.did_you_mean_one", "click.did_you_mean"),
    ("Did you mean {possibility}?", "(Possible options: {possibilities})"):
        ("click.did_you_mean_one", "click.possible_options"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("click.needs_argument_one", "click.needs_argument"),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("click.not_choice_one", "click.not_choice"),
    ("{value!r} does not match the format {format}.",
     "{value!r} does not match the formats {formats}."):
        ("click.not_format_one", "click.not_format"),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("click.values_required_one", "click.values_required"),
}

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "shell_completion",
            "termui", "types", "utils", "_termui_impl")


def gettext(message: str) -> str:
    """Click's ``_``: the catalogue's text for ``message``, unformatted; else ``message``."""
    key = WORDS.get(message)
    return t(key) if key is not None else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Click's ``ngettext``: the catalogue's one-or-more text; else click's own choice."""
    keys = PLURALS.get((singular, plural))
    if keys is None:
        return singular if n == 1 else plural
    return t(keys[0] if n == 1 else keys[1])


def install() -> None:
    """Let every click module word its messages through the catalogue (current language)."""
    import importlib

    for name in _MODULES:
        try:
            module: ModuleType = importlib.import_module(f"click.{name}")
        except ImportError:  # a module that only exists on some click versions
            continue
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


# --- the placeholders in usage lines and option lists ---------------------------------

_TOKEN = re.compile(r"[A-Z][A-Z_]*")


def metavar_text(english: str) -> str:
    """``NAME,...`` -> ``NAAM,...``: every word with a ``cli.metavar.*`` entry translated."""
    messages = LANGUAGES[language()]

    def one(match: re.Match[str]) -> str:
        key = f"cli.metavar.{match.group(0)}"
        return messages.get(key, match.group(0))

    return _TOKEN.sub(one, english)


def _english_metavar(param: click.Parameter) -> str | None:
    """The placeholder click would show for ``param``, in English; None to leave it to click."""
    original = getattr(param, "_english_metavar", None)
    if original is not None:
        return str(original)
    if param.metavar is not None:
        return param.metavar
    kind = param.type
    if isinstance(kind, click.Choice) or getattr(param, "is_flag", False):
        return None
    if isinstance(param, click.Argument):
        return (param.name or "").upper() or None
    if isinstance(kind, click.Path):
        return "DIR" if not kind.file_okay else "FILE" if not kind.dir_okay else "PATH"
    if isinstance(kind, click.types.IntParamType | click.types.FloatParamType):
        return "N"
    if isinstance(kind, click.types.StringParamType):
        return "TEXT"
    return None


def translate_tree(command: click.Command) -> None:
    """Placeholders of ``command`` and everything under it in the current language.

    Sets only click's public attributes (``metavar``, ``options_metavar``,
    ``subcommand_metavar``) and remembers each English original, so building
    the tree again in another language starts from English.
    """
    command.options_metavar = t("cli.options_metavar")
    for param in command.params:
        english = _english_metavar(param)
        if english is None:
            continue
        param._english_metavar = english  # type: ignore[attr-defined]
        param.metavar = metavar_text(english)
    if isinstance(command, click.Group):
        command.subcommand_metavar = t("cli.subcommand_metavar")
        for sub in command.commands.values():
            translate_tree(sub)
