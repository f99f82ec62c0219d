"""privacy messages (en)."""

MESSAGES: dict[str, str] = {
}
