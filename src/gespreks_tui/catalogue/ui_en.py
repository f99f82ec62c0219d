"""English messages of the app's plumbing: the store gateway, crashes, the meeting object."""

MESSAGES: dict[str, str] = {
    "rescue.private": " (private)",
    "conversation.gone": "Conversation {id} is no longer in the database (deleted or erased while it was open); nothing of it is saved any more. Your text is still on screen: ctrl+s keeps it in a file.",
    "record.gone": "What you save belongs to something no longer in the database {path} (deleted or erased while it was open). Your text is still on screen.",
    "meeting.rescued": "Text kept in {path} (readable only by you).",
    "key.rescue": "Keep text",
    "app.crashed": "gespreks-tui stopped on an unexpected error; what was saved is kept. Details (without your text): {path}",
    "app.unexpected": "Something unexpected went wrong ({reason}); what you typed is still on screen. Details (without your text): {path}",
    "meeting.read_along_private": "Private notes are not shown on a screen that reads along.",
    "meeting.no_undo": "There is nothing to undo.",
}
