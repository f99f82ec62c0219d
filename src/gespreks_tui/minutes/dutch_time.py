"""Dutch time for the minutes: the rule lives in the core (``gespreks_tui.dutch_time``)."""

from gespreks_tui.dutch_time import date_text, dutch, time_text

__all__ = ["date_text", "dutch", "time_text"]
