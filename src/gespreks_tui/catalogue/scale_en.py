"""English messages for appraisal scales, criteria and indicators (issue 18)."""

MESSAGES: dict[str, str] = {
}
