"""privacy messages (nl)."""

MESSAGES: dict[str, str] = {
}
