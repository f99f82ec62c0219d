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
    "notes.questions_more": "meer richtvragen: shift+tab",
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
    # The scores panel (appraisal): a score is recorded only by a deliberate choice.
    "scores.key_clear": "Score wissen",
    "help.scores.clear": "Wis de gekozen score van dit criterium (0, Delete of Backspace)",
    "scores.choose_hint": "Kies een score met 1–{points}, of ga met ←/→ naar een punt en druk dan op spatie. 0 wist de score.",
    # A criterion's comment (score_comment): Enter goes on; at most {limit} characters.
    "scores.comment.key_next": "Volgende",
    "scores.comment.help_next": "Klaar met deze toelichting: door naar het volgende veld, net als Tab",
    "scores.comment.full": "Een toelichting kan niet langer zijn dan {limit} tekens. Maak de tekst korter om nog iets toe te voegen.",
    "scores.comment.cut": "Een toelichting kan niet langer zijn dan {limit} tekens: van wat je plakte, zijn de laatste {dropped} tekens weggelaten.",
    "help.meeting.focus_goals": "Ga naar de doelen in de rechterkolom",
    "agreements.saved_out_of_sight": "Afspraak opgeslagen; f4 toont de afspraken, f3 brengt je terug bij de scores.",
    # The delete notice: the agreement shortened at a word with "…", quoted so
    # the "…" is not read as the sentence's end (walk25 F27).
    "agreements.deleted_quoted": "Afspraak verwijderd: “{text}”. Druk op u in de lijst om dat ongedaan te maken.",
}
