"""Dutch messages of the app's plumbing: the store gateway, crashes, the meeting object."""

MESSAGES: dict[str, str] = {
    "rescue.private": " (privé)",
    "conversation.gone": "Gesprek {id} staat niet meer in de database (verwijderd of gewist terwijl het open stond); er wordt niets meer van opgeslagen. Je tekst staat nog op het scherm: ctrl+s bewaart hem in een bestand.",
    "record.gone": "Wat je opslaat hoort bij iets dat niet meer in de database {path} staat (verwijderd of gewist terwijl het open stond). Je tekst staat nog op het scherm.",
    "meeting.rescued": "Tekst bewaard in {path} (alleen voor jou leesbaar).",
    "key.rescue": "Tekst bewaren",
    "app.crashed": "gespreks-tui stopte door een onverwachte fout; wat opgeslagen was, is bewaard. Details (zonder je tekst): {path}",
    "app.unexpected": "Er ging iets onverwachts mis ({reason}); wat je typte staat nog op het scherm. Details (zonder je tekst): {path}",
    "meeting.read_along_private": "Privénotities worden niet getoond op een scherm dat meeleest.",
    "meeting.no_undo": "Er is niets om terug te zetten.",
}
