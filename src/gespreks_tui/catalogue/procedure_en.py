"""English messages for the appraisal procedure: states, terms, second assessor, calendar (issue 18)."""

MESSAGES: dict[str, str] = {
}
