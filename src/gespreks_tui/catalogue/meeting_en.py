"""English messages for the meeting screen (notes pane, agreements list)."""

MESSAGES: dict[str, str] = {
    # The notes title, shorter when the phase name needs the room (notes_pane.title_text).
    "notes.mode_shared_short": "SHARED → minutes",
    "notes.mode_shared_word": "SHARED",
    "notes.mode_private_short": "PRIVATE, not in minutes",
    "notes.mode_private_word": "PRIVATE",
    # The guiding questions with focus (Shift+Tab from the notes).
    "notes.questions_up": "Questions up",
    "notes.questions_down": "Questions down",
    "notes.questions_page_up": "Questions one page up",
    "notes.questions_page_down": "Questions one page down",
    "notes.questions_first": "To the first question",
    "notes.questions_last": "To the last question",
    # In the bottom border while the questions are folded away.
    "notes.questions_folded": "questions: ctrl+g",
    "notes.questions_more": "more questions: shift+tab",
    # Space, e or d on the agreements list while it is empty.
    "agreements.none_yet": "No agreements yet: ctrl+n makes one.",
    "key.agreements_none_yet": "How to make an agreement",
    # The palette's line for each of the keys above (help.<binding id>).
    "help.questions.up": "Move the guiding questions up by a line",
    "help.questions.down": "Move the guiding questions down by a line",
    "help.questions.page_up": "Move the guiding questions up by a boxful",
    "help.questions.page_down": "Move the guiding questions down by a boxful",
    "help.questions.first": "Show the guiding questions from the first one",
    "help.questions.last": "Show the guiding questions up to the last one",
    "help.agreements.none_yet": "Say that there are no agreements yet and how to make one",
    # The scores panel (appraisal): a score is recorded only by a deliberate choice.
    "scores.key_clear": "Clear score",
    "help.scores.clear": "Clear the chosen score of this criterion (0, Delete or Backspace)",
    "scores.choose_hint": "Choose a score with 1–{points}, or move to a point with ←/→ and then press space. 0 clears the score.",
    # A criterion's comment (score_comment): Enter goes on; at most {limit} characters.
    "scores.comment.key_next": "Next",
    "scores.comment.help_next": "Done with this explanation: on to the next field, like Tab",
    "scores.comment.full": "An explanation cannot be longer than {limit} characters. Shorten the text to add anything more.",
    "scores.comment.cut": "An explanation cannot be longer than {limit} characters: the last {dropped} characters of what you pasted were left out.",
    "help.meeting.focus_goals": "Go to the goals in the right-hand column",
    "agreements.saved_out_of_sight": "Agreement saved; f4 shows the agreements, f3 takes you back to the scores.",
    # The delete notice: the agreement shortened at a word with "…", quoted so
    # the "…" is not read as the sentence's end (walk25 F27).
    "agreements.deleted_quoted": "Agreement deleted: “{text}”. Press u in the list to undo.",
}
