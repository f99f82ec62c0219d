"""templates messages (nl)."""

MESSAGES: dict[str, str] = {
}
