"""The scales we ship, and our own scale worded in the other language.

A conversation stores its scale in the words of its template. When the minutes
of a Dutch conversation are read in English (or the other way round), a scale
we ship — the legacy four points or the built-in appraisal's five — reads in
that language; an organisation's own labels are its own words and stay as
written. Lives beside the templates because the built-in five-point scale is
the one in ``builtin/beoordeling.LANG.md``.
"""

from __future__ import annotations

from gespreks_tui.appraisal_scale import Scale, legacy_scale
from gespreks_tui.model import Kind
from gespreks_tui.templates.loader import builtin_template

LANGUAGES = ("nl", "en")


def shipped_scales(language: str) -> list[Scale]:
    """The scales we ship in ``language``: the legacy one and the built-in appraisal's."""
    shipped = builtin_template(Kind.BEOORDELING, language).scale
    return [legacy_scale(language), *([shipped] if shipped is not None else [])]


def in_language(scale: Scale, language: str) -> Scale:
    """``scale`` worded in ``language`` when it is one we ship; else ``scale`` itself."""
    if language not in LANGUAGES:
        return scale
    for other in LANGUAGES:
        if other == language:
            continue
        for index, ours in enumerate(shipped_scales(other)):
            if ours.labels == scale.labels:
                return Scale(shipped_scales(language)[index].labels, scale.overall)
    return scale
