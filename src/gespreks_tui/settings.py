"""The keys of the ``settings`` table, in one place.

The settings table holds the little the app remembers between runs; every
part that reads or writes one of these uses the name from here.
"""

THEME_SETTING = "ui.theme"  # the palette's light/dark choice
MANAGER_SETTING = "manager.name"  # the manager, asked once at the first start
RESUME_SETTING = "ui.open_meeting"  # the meeting on screen when the app stopped
PRIVATE_NOTICE_SETTING = "notice.private_notes"  # shown once: what private notes are
SCREEN_SHARE_SETTING = "ui.screen_share"  # "1": the screen is shared, hide what is not for all
CALENDAR_SETTING = "calendar.id"  # a random name of this database in calendar UIDs (issue 18)
