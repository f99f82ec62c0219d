"""templates messages (en)."""

MESSAGES: dict[str, str] = {
}
