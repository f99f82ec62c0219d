"""Agenda templates in Markdown: built-in ones in the package, the user's own beside them.

See ``gespreks_tui.templates.parse`` for the format and ``loader`` for where
templates are found and how a broken one falls back to the built-in template.
"""

from gespreks_tui.templates.loader import (
    BUILTIN,
    TemplateExists,
    TemplateInfo,
    TemplateSet,
    all_templates,
    builtin_template,
    builtin_text,
    copy_builtin,
    load_agenda,
    templates_dir,
)
from gespreks_tui.templates.parse import TemplateProblem, parse_template, parse_template_file

__all__ = [
    "BUILTIN", "TemplateExists", "TemplateInfo", "TemplateProblem", "TemplateSet",
    "all_templates", "builtin_template", "builtin_text", "copy_builtin", "load_agenda",
    "parse_template", "parse_template_file", "templates_dir",
]
