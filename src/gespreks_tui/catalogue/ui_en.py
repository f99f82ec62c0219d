"""English messages of the app's plumbing: the store gateway, crashes, the meeting object."""

MESSAGES: dict[str, str] = {
    "app.unexpected": "Something unexpected went wrong ({reason}); what you typed is still on screen. Details (without your text): {path}",
    "meeting.read_along_private": "Private notes are not shown on a screen that reads along.",
    "meeting.no_undo": "There is nothing to undo.",
}
