"""cycle messages (en)."""

MESSAGES: dict[str, str] = {
}
