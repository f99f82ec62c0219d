"""Dutch messages for the meeting screen (notes pane, agreements list)."""

MESSAGES: dict[str, str] = {
    # The notes title, shorter when the phase name needs the room (notes_pane.title_text).
    "notes.mode_shared_short": "GEDEELD → verslag",
    "notes.mode_shared_word": "GEDEELD",
    "notes.mode_private_short": "PRIVÉ, niet in verslag",
    "notes.mode_private_word": "PRIVÉ",
    # The guiding questions with focus (Shift+Tab from the notes).
    "notes.questions_up": "Vragen omhoog",
    "notes.questions_down": "Vragen omlaag",
    "notes.questions_page_up": "Vragen een bladzijde omhoog",
    "notes.questions_page_down": "Vragen een bladzijde omlaag",
    "notes.questions_first": "Naar de eerste vraag",
    "notes.questions_last": "Naar de laatste vraag",
    # In the bottom border while the questions are folded away.
    "notes.questions_folded": "richtvragen: ctrl+g",
    # Space, e or d on the agreements list while it is empty.
    "agreements.none_yet": "Nog geen afspraken: ctrl+n maakt er een.",
    "key.agreements_none_yet": "Hoe maak je een afspraak",
    # The palette's line for each of the keys above (help.<binding id>).
    "help.questions.up": "Schuif de richtvragen een regel omhoog",
    "help.questions.down": "Schuif de richtvragen een regel omlaag",
    "help.questions.page_up": "Schuif de richtvragen een bladzijde omhoog",
    "help.questions.page_down": "Schuif de richtvragen een bladzijde omlaag",
    "help.questions.first": "Toon de richtvragen vanaf de eerste",
    "help.questions.last": "Toon de richtvragen tot en met de laatste",
    "help.agreements.none_yet": "Meld dat er nog geen afspraken zijn en hoe je er een maakt",
}
