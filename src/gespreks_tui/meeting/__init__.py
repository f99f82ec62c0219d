"""The meeting as an object: what a running conversation is, free of any screen.

``Meeting`` owns a conversation while it is on screen: its timer, its notes per
phase and visibility, its agreements and follow-ups, what is not yet saved, and
the rules of who may change what (read-only when concluded or open in another
copy of the app). The meeting screen only shows a ``Meeting`` and turns keys
into calls on it; the tests drive it directly, without Textual.
"""

from gespreks_tui.meeting.follow_ups import FollowUps, load_follow_ups
from gespreks_tui.meeting.meeting import Meeting, Refreshed

__all__ = ["FollowUps", "Meeting", "Refreshed", "load_follow_ups"]
