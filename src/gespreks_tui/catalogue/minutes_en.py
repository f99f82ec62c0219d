"""English messages of the minutes, export and confirmation."""

MESSAGES: dict[str, str] = {
}
