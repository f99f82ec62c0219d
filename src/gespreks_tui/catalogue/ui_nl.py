"""Dutch messages of the app's plumbing: the store gateway, crashes, the meeting object."""

MESSAGES: dict[str, str] = {
    "app.unexpected": "Er ging iets onverwachts mis ({reason}); wat je typte staat nog op het scherm. Details (zonder je tekst): {path}",
    "meeting.read_along_private": "Privénotities worden niet getoond op een scherm dat meeleest.",
    "meeting.no_undo": "Er is niets om terug te zetten.",
}
