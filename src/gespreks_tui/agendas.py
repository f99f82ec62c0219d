"""Built-in agendas: each kind's phases, planned minutes and guiding questions.

The questions are our own words (nl and en). ``AgendaTemplate.scaled`` spreads a
chosen total length over the phases in proportion to their default minutes.
"""

from __future__ import annotations

from dataclasses import dataclass

from gespreks_tui.model import Kind


@dataclass(frozen=True)
class PhaseTemplate:
    name: str
    minutes: int
    questions: tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True)
class AgendaTemplate:
    kind: Kind
    language: str
    title: str
    phases: tuple[PhaseTemplate, ...]
    source: str = "builtin"

    @property
    def total_minutes(self) -> int:
        return sum(p.minutes for p in self.phases)

    def scaled(self, total_minutes: int) -> list[tuple[PhaseTemplate, int]]:
        """Each phase with its planned seconds, summing exactly to ``total_minutes``."""
        base = self.total_minutes or 1
        exact = [p.minutes * total_minutes / base for p in self.phases]
        whole = [int(x) for x in exact]
        short = total_minutes - sum(whole)
        by_remainder = sorted(range(len(exact)), key=lambda i: whole[i] - exact[i])
        for i in by_remainder[:short]:
            whole[i] += 1
        return [(p, m * 60) for p, m in zip(self.phases, whole, strict=True)]

    def snapshot(self) -> dict:
        """The JSON stored with a conversation, so later edits never change it."""
        return {
            "kind": str(self.kind),
            "language": self.language,
            "title": self.title,
            "source": self.source,
            "phases": [
                {"name": p.name, "minutes": p.minutes, "questions": list(p.questions),
                 "help": p.help}
                for p in self.phases
            ],
        }


def _p(name: str, minutes: int, *questions: str) -> PhaseTemplate:
    return PhaseTemplate(name, minutes, tuple(questions))


_AGENDAS: dict[tuple[Kind, str], tuple[str, tuple[PhaseTemplate, ...]]] = {
    (Kind.VOORTGANG, "nl"): ("Voortgangsgesprek", (
        _p("Terugblik", 20,
           "Welke doelen van de afgelopen periode zijn gehaald, en welke niet?",
           "Waar liep je tegenaan, en hoe heb je dat aangepakt?",
           "Wat heeft jouw werk het team of de organisatie opgeleverd?",
           "Hoe tevreden ben je over je werk en de samenwerking?",
           "Wat is er terechtgekomen van de afspraken van de vorige keer?"),
        _p("Vooruitblik", 15,
           "Waar wil je over een jaar staan?",
           "In welke richting wil je groeien?",
           "Wat heb je nodig van de organisatie of van mij als leidinggevende?",
           "Zou een training, cursus of coaching je verder helpen?"),
        _p("Afspraken", 10,
           "Wat spreken we concreet af voor de komende periode?",
           "Wie doet wat, en wanneer is het klaar?",
           "Wanneer kijken we samen hoe het gaat?",
           "Wat heb je nodig om deze afspraken waar te maken?"),
    )),
    (Kind.VOORTGANG, "en"): ("Progress conversation", (
        _p("Looking back", 20,
           "Which goals of the past period were reached, and which were not?",
           "What got in your way, and how did you deal with it?",
           "What did your work bring the team or the organisation?",
           "How satisfied are you with your work and the collaboration?",
           "What became of the agreements we made last time?"),
        _p("Looking ahead", 15,
           "Where would you like to be a year from now?",
           "In which direction do you want to grow?",
           "What do you need from the organisation or from me as your manager?",
           "Would training, a course or coaching help you further?"),
        _p("Agreements", 10,
           "What exactly do we agree on for the coming period?",
           "Who does what, and when is it done?",
           "When do we look together at how it is going?",
           "What do you need to keep these agreements?"),
    )),
    (Kind.DOELSTELLING, "nl"): ("Doelstellingengesprek", (
        _p("Resultaatdoelstellingen", 20,
           "Welke resultaten moeten er aan het eind van de periode liggen?",
           "Hoe meten we of een doel gehaald is?",
           "Welke doelen zijn het belangrijkst als de tijd krap wordt?"),
        _p("Persoonlijke ontwikkelpunten", 15,
           "Welke vaardigheid wil je dit jaar versterken?",
           "Waar krijg je energie van, en waar juist niet?",
           "Hoe merken anderen dat je gegroeid bent?"),
        _p("Acties", 15,
           "Welke stappen zet je als eerste?",
           "Welke steun, tijd of middelen zijn daarvoor nodig?",
           "Wanneer bespreken we de voortgang?"),
        _p("Opmerkingen", 10,
           "Is er iets dat nog niet ter sprake kwam?",
           "Zijn er omstandigheden waar we rekening mee moeten houden?",
           "Hoe heb je dit gesprek ervaren?"),
    )),
    (Kind.DOELSTELLING, "en"): ("Goal-setting conversation", (
        _p("Result goals", 20,
           "Which results should be there at the end of the period?",
           "How do we measure whether a goal was reached?",
           "Which goals matter most when time runs short?"),
        _p("Personal development points", 15,
           "Which skill do you want to strengthen this year?",
           "What gives you energy, and what drains it?",
           "How will others notice that you have grown?"),
        _p("Actions", 15,
           "Which steps do you take first?",
           "What support, time or means do those steps need?",
           "When do we discuss progress?"),
        _p("Comments", 10,
           "Is there anything we have not talked about yet?",
           "Are there circumstances we should take into account?",
           "How did you experience this conversation?"),
    )),
    (Kind.FUNCTIONERING, "nl"): ("Functioneringsgesprek", (
        _p("Terugblik", 15,
           "Hoe kijk je terug op de afgelopen periode?",
           "Waar ben je trots op?",
           "Wat zou je achteraf anders doen?"),
        _p("Wederzijdse feedback", 20,
           "Wat gaat er goed in onze samenwerking?",
           "Wat kan ik als leidinggevende beter doen?",
           "Welke feedback heb je voor het team of de organisatie?",
           "Welke feedback wil je van mij horen?"),
        _p("Ontwikkeling", 15,
           "Welke kennis of vaardigheid wil je ontwikkelen?",
           "Past je werk nog bij wat je wilt en kunt?",
           "Welke opleiding of ervaring helpt je verder?"),
        _p("Afspraken", 10,
           "Wat spreken we af, en wie doet wat?",
           "Wanneer is elke afspraak klaar?",
           "Wanneer praten we weer?"),
    )),
    (Kind.FUNCTIONERING, "en"): ("Performance review", (
        _p("Looking back", 15,
           "How do you look back on the past period?",
           "What are you proud of?",
           "What would you do differently, looking back?"),
        _p("Mutual feedback", 20,
           "What goes well in how we work together?",
           "What could I do better as your manager?",
           "What feedback do you have for the team or the organisation?",
           "What feedback would you like to hear from me?"),
        _p("Development", 15,
           "Which knowledge or skill do you want to develop?",
           "Does your work still fit what you want and can do?",
           "Which training or experience would help you further?"),
        _p("Agreements", 10,
           "What do we agree, and who does what?",
           "When is each agreement done?",
           "When do we talk again?"),
    )),
    (Kind.BEOORDELING, "nl"): ("Beoordelingsgesprek", (
        _p("Terugblik op de doelstellingen", 15,
           "Welke afgesproken doelen zijn gehaald?",
           "Welke niet, en wat was daarvan de oorzaak?",
           "Welke omstandigheden hebben meegespeeld?"),
        _p("Beoordeling per criterium", 25,
           "Hoe scoort het werk op elk afgesproken criterium?",
           "Welke voorbeelden onderbouwen die score?",
           "Herkent de medewerker zich in het oordeel?"),
        _p("Toelichting", 10,
           "Wat is het totaaloordeel, en waarom?",
           "Wat betekent dit oordeel voor de komende periode?",
           "Wil de medewerker iets aan het verslag toevoegen?"),
        _p("Afspraken", 10,
           "Welke doelen gelden voor de volgende periode?",
           "Welke ontwikkeling spreken we af?",
           "Wanneer is het volgende gesprek?"),
    )),
    (Kind.BEOORDELING, "en"): ("Appraisal", (
        _p("Review of the goals", 15,
           "Which of the agreed goals were reached?",
           "Which were not, and why?",
           "Which circumstances played a part?"),
        _p("Rating per criterion", 25,
           "How does the work score on each agreed criterion?",
           "Which examples support that score?",
           "Does the employee recognise themselves in the judgment?"),
        _p("Explanation", 10,
           "What is the overall judgment, and why?",
           "What does this judgment mean for the coming period?",
           "Does the employee want to add anything to the minutes?"),
        _p("Agreements", 10,
           "Which goals apply to the next period?",
           "Which development do we agree on?",
           "When is the next conversation?"),
    )),
}

# Months until the next conversation that a conclusion suggests, per kind.
NEXT_EVALUATION_MONTHS = {
    Kind.DOELSTELLING: 6,
    Kind.VOORTGANG: 6,
    Kind.FUNCTIONERING: 12,
    Kind.BEOORDELING: 12,
}


def builtin_agenda(kind: Kind | str, language: str = "nl") -> AgendaTemplate:
    """The built-in agenda of ``kind`` in ``language`` (nl or en)."""
    kind = Kind(kind)
    title, phases = _AGENDAS[(kind, language if language in ("nl", "en") else "nl")]
    return AgendaTemplate(kind, language, title, phases)


def default_minutes(kind: Kind | str) -> int:
    return builtin_agenda(kind).total_minutes


def from_snapshot(data: dict) -> AgendaTemplate:
    """Rebuild the template a conversation stored when it started."""
    phases = tuple(
        PhaseTemplate(p["name"], int(p["minutes"]), tuple(p.get("questions", ())),
                      p.get("help", ""))
        for p in data["phases"]
    )
    return AgendaTemplate(Kind(data["kind"]), data["language"], data["title"], phases,
                          data.get("source", "builtin"))
