"""Dutch messages for goals in the app: the goals pane and its dialogs (issue 20)."""

MESSAGES: dict[str, str] = {
}
