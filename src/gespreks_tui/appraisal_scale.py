"""An appraisal scale: its points and their labels, lowest first, and the overall judgment.

Organisations appraise on their own scale, agreed with the works council (3, 4
or 5 points, each with its own label), so the scale comes from the agenda
template and is stored with the conversation when it starts. A score is the
1-based value on that stored scale: changing the template later never changes
what an earlier appraisal said.

Conversations stored before scales existed were scored on the one fixed scale
of that time, ``legacy_scale`` (onvoldoende, voldoende, goed, uitstekend);
their stored scale is NULL and they read it from here.

Textual-free; the catalogue only gives the legacy labels in each language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from gespreks_tui.catalogue import t

FEWEST_POINTS = 3
MOST_POINTS = 5
NO_SCORE = "–"  # what a missing score reads as (minutes, panel)

# The old fixed scale's catalogue keys, lowest first (the labels stay in nl.py/en.py).
_LEGACY_KEYS = ("onvoldoende", "voldoende", "goed", "uitstekend")


@dataclass(frozen=True)
class Scale:
    """The points of a scale: ``labels[n - 1]`` names value ``n``; 3 to 5 labels."""

    labels: tuple[str, ...]
    overall: bool = True  # whether an overall judgment (totaaloordeel) is asked

    @property
    def points(self) -> int:
        return len(self.labels)

    @property
    def values(self) -> range:
        """The values a score may take: 1 .. points."""
        return range(1, self.points + 1)

    def allows(self, value: int | None) -> bool:
        """Whether ``value`` is a score on this scale (None, no score yet, always is)."""
        return value is None or (isinstance(value, int) and 1 <= value <= self.points)

    def label(self, value: int | None) -> str:
        """The label of ``value``; ``NO_SCORE`` for None; the number itself when off the scale."""
        if value is None:
            return NO_SCORE
        if 1 <= value <= self.points:
            return self.labels[value - 1]
        return str(value)  # never stored (the store checks), but never an IndexError

    def numbered(self, value: int | None) -> str:
        """``"4 goed"``, or ``NO_SCORE``: the value with its label."""
        return NO_SCORE if value is None else f"{value} {self.label(value)}"

    def legend(self, separator: str = " · ") -> str:
        """Every point with its label: ``1 onvoldoende · 2 matig · … · 5 uitstekend``."""
        return separator.join(f"{n} {label}" for n, label in enumerate(self.labels, 1))

    def to_json(self) -> str:
        return json.dumps({"labels": list(self.labels), "overall": self.overall},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None, language: str = "nl") -> Scale:
        """The scale stored as ``text``; the legacy scale of ``language`` for None/empty."""
        if not text:
            return legacy_scale(language)
        data = json.loads(text)
        return cls(tuple(str(label) for label in data["labels"]), bool(data.get("overall", True)))

    def as_data(self) -> dict:
        """For JSON output and agenda snapshots."""
        return {"labels": list(self.labels), "overall": self.overall}


def legacy_scale(language: str = "nl") -> Scale:
    """The fixed four-point scale scores were given on before scales were stored."""
    lang = language if language in ("nl", "en") else "nl"
    return Scale(tuple(t(f"scores.{key}", lang=lang) for key in _LEGACY_KEYS), overall=True)


LEGACY_SCALE = legacy_scale("nl")



def scale_problem(labels: list[str] | tuple[str, ...]) -> tuple[str, dict] | None:
    """The catalogue key and values of what is wrong with ``labels``, or None.

    Shared by the template parser (which adds the line) and anything that
    builds a scale from user input.
    """
    if not FEWEST_POINTS <= len(labels) <= MOST_POINTS:
        return "scale.problem.points", {"points": len(labels), "fewest": FEWEST_POINTS,
                                        "most": MOST_POINTS}
    seen: set[str] = set()
    for label in labels:
        if not label.strip():
            return "scale.problem.empty_label", {}
        if label.casefold() in seen:
            return "scale.problem.duplicate_label", {"label": label}
        seen.add(label.casefold())
    return None
