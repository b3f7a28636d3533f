"""The report's words, in Norwegian (bokmål) and English: key → (nb, en)."""

from __future__ import annotations

from laeringsnettverk._codes import CodedEnum
from laeringsnettverk._numbers import Lang

__all__ = ["label", "tr"]

_WORDS: dict[str, tuple[str, str]] = {
    "report": ("Rapport", "Report"),
    "team_report": ("Rapport for teamet", "Report for the team"),
    "as_of": ("Per", "As of"),
    "contents": ("Innhold", "Contents"),
    "overview": ("Oversikt", "Overview"),
    "theme": ("Tema", "Theme"),
    "target_group": ("Målgruppe", "Target group"),
    "vision": ("Visjon", "Vision"),
    "teams_n": ("Forbedringsteam", "Improvement teams"),
    "gatherings_n": ("Samlinger", "Gatherings"),
    "forms_n": ("Skjema («Hva er viktig for meg»)", "Forms («Hva er viktig for meg»)"),
    "checklists_n": ("Sjekklister for samhandling", "Collaboration checklists"),
    "network_goals": ("Nettverkets mål", "The network's goals"),
    "periods": ("Perioder", "Periods"),
    "period": ("Periode", "Period"),
    "from": ("Fra", "From"),
    "to": ("Til", "To"),
    "open": ("åpen", "open"),
    "now": ("Nå", "Now"),
    "current": ("pågår", "current"),
    "no_periods": ("Nettverket har ingen perioder registrert.", "The network has no periods."),
    "gatherings": ("Samlinger og tidsbruk", "Gatherings and their time"),
    "gatherings_note": (
        "Timer per type programpost, som i kildens figur 2: foredrag fra prosjektgruppen, "
        "eksterne foredrag, og gruppearbeid og fremlegg i plenum sammen.",
        "Hours per kind of programme item, as in the source's figure 2: lectures by the "
        "organisers, external lectures, and group work and plenary presentations together.",
    ),
    "number": ("Nr.", "No."),
    "days": ("Dager", "Days"),
    "place": ("Sted", "Place"),
    "title": ("Tittel", "Title"),
    "organiser_lecture": ("Foredrag, prosjektgruppen (t)", "Lectures, organisers (h)"),
    "external_lecture": ("Eksterne foredrag (t)", "External lectures (h)"),
    "group_work": ("Gruppearbeid og plenum (t)", "Group work and plenary (h)"),
    "total": ("Totalt (t)", "Total (h)"),
    "group_share": ("Andel gruppearbeid", "Share of group work"),
    "split": ("Fordeling", "Split"),
    "no_gatherings": ("Nettverket har ingen samlinger.", "The network has no gatherings."),
    "teams": ("Teamene", "The teams"),
    "team": ("Team", "Team"),
    "network": ("Nettverket", "The network"),
    "phase": ("Fase", "Phase"),
    "smart_goals": ("SMART-mål", "SMART goals"),
    "preparation": ("Forberedelse", "Preparation"),
    "forms_scored": ("Skjema med skår", "Forms scored"),
    "mean_benefit": ("Opplevd nytte (snitt)", "Perceived benefit (mean)"),
    "mean_fidelity": ("Programoppfyllelse (snitt)", "Program fidelity (mean)"),
    "contacts": ("Oppfølgingskontakter", "Follow-up contacts"),
    "progress": ("Fremdrift", "Progress"),
    "prep_follow": ("Forberedelse og oppfølging", "Preparation and follow-up"),
    "prep_note": (
        "Oppgaver i hver forberedelsespakke som teamet har gjort, og oppfølgingskontakter "
        "mellom samlingene (i parentes: på teamets initiativ).",
        "Tasks of each preparation package the team has done, and follow-up contacts between "
        "the gatherings (in brackets: asked for by the team).",
    ),
    "package": ("Pakke", "Package"),
    "before_gathering": ("før samling", "before gathering"),
    "between": ("Mellom samling", "Between gatherings"),
    "and": ("og", "and"),
    "no_teams": ("Nettverket har ingen team.", "The network has no teams."),
    "goals": ("Mål og SMARTE-vurdering", "Goals and their SMART assessment"),
    "goals_note": (
        "Kildens fem kriterier (spesifikke, målbare, ansporende, realistiske, enighet) og "
        "bibliotekets T (tidsbestemt); reglene for å vurdere dem er bibliotekets.",
        "The source's five criteria (specific, measurable, motivating, realistic, agreed) and "
        "the library's T (time-bound); the rules that assess them are the library's.",
    ),
    "met": ("oppfylt", "met"),
    "of_6": ("av 6", "of 6"),
    "no_goals": ("Ingen mål er registrert.", "No goal is recorded."),
    "text_goal": ("som tekst, ikke vurdert", "as text, not assessed"),
    "goal": ("Mål", "Goal"),
    "not_met": ("Kriterier som ikke er oppfylt", "Criteria not met"),
    "results": ("Resultater per periode", "Results per period"),
    "results_note": (
        "Et skjema hører til perioden for sin 2. samtale. n er antall skjema med opplevd "
        "nytte og antall sjekklister i perioden; 95 % KI er et konfidensintervall (Students "
        "t).",
        "A form belongs to the period of its 2nd conversation. n is the number of forms with "
        "a perceived benefit and of checklists in the period; the 95 % CI is a confidence "
        "interval (Student's t).",
    ),
    "n_forms": ("n skjema", "n forms"),
    "benefit": ("Opplevd nytte", "Perceived benefit"),
    "ci": ("95 % KI", "95 % CI"),
    "improved": ("Bedre", "Improved"),
    "important": ("Viktig endring", "Important change"),
    "n_checklists": ("n sjekklister", "n checklists"),
    "fidelity": ("Programoppfyllelse", "Program fidelity"),
    "of": ("av", "of"),
    "left_out": ("Ikke med i tabellen", "Left out of the table"),
    "left_out_text": (
        "{0} skjema utenfor nettverkets team, {1} skjema utenfor periodene, {2} sjekklister "
        "utenfor nettverkets team, {3} sjekklister uten dato eller periode.",
        "{0} forms not of the network's teams, {1} forms outside the periods, {2} checklists "
        "not of the network's teams, {3} checklists without a date or period.",
    ),
    "no_results": (
        "Resultater per periode trenger minst to samlinger (periodene er handlingsperiodene "
        "mellom dem).",
        "Results per period need at least two gatherings (the periods are the action periods "
        "between them).",
    ),
    "charts": ("Seriediagram", "Run charts"),
    "charts_note": (
        "Median som senterlinje og Anhøjs regler (lengste serie, antall kryssinger). En "
        "stiplet rød senterlinje betyr et signal om ikke-tilfeldig variasjon; tallene over "
        "diagrammet er endringer som er prøvd ut.",
        "The median as the centre line and Anhøj's rules (longest run, number of crossings). "
        "A dashed red centre line means a signal of non-random variation; the numbers above a "
        "chart are the changes tried.",
    ),
    "monthly_benefit": ("Opplevd nytte per måned", "Perceived benefit per month"),
    "too_few": (
        "for få målinger til et seriediagram (n = {0}: {1}).",
        "too few values for a run chart (n = {0}: {1}).",
    ),
    "median": ("median", "median"),
    "no_signal": ("ingen signal", "no signal"),
    "signal": ("Signal", "Signal"),
    "no_data": ("Ingen data å vise.", "No data to show."),
    "changes": ("Endringer prøvd ut", "Changes tried"),
    "rule_longest_run": (
        "lengste serie på samme side av medianen er {0} (grense {1})",
        "the longest run on one side of the median is {0} (limit {1})",
    ),
    "rule_crossings": (
        "for få kryssinger av medianen: {0} (minst {1})",
        "too few crossings of the median: {0} (at least {1})",
    ),
    "stakeholders": ("Aktørkart", "Stakeholder maps"),
    "stakeholders_note": (
        "Mendelows rutenett (makt og interesse). Aktørene vises som antall og kategorier, "
        "ikke med navn.",
        "Mendelow's grid (power and interest). Actors are shown as counts and categories, "
        "not by name.",
    ),
    "map": ("Kart", "Map"),
    "high_influence": ("Stor innflytelse", "High influence"),
    "low_influence": ("Liten innflytelse", "Low influence"),
    "low_interest": ("Lav interesse", "Low interest"),
    "high_interest": ("Høy interesse", "High interest"),
    "actors": ("aktører", "actors"),
    "not_placed": (
        "{0} aktører kan ikke plasseres (innflytelse eller interesse mangler).",
        "{0} actors cannot be placed (influence or interest not recorded).",
    ),
    "findings": ("Funn og råd", "Findings and advice"),
    "findings_note": (
        "Gjennomgangen per {0}: råd, ikke feil. Kodene er stabile; tersklene som er "
        "bibliotekets, sier det selv.",
        "The review as of {0}: advice, not errors. The codes are stable; the thresholds that "
        "are the library's say so.",
    ),
    "severity": ("Alvorlighet", "Severity"),
    "code": ("Kode", "Code"),
    "finding": ("Funn", "Finding"),
    "concerns": ("Gjelder", "Concerns"),
    "no_findings": ("Ingen funn.", "No findings."),
    "footer": (
        "Laget med laeringsnettverk {0}. Tall er rundet halvt opp; desimalkomma, og "
        "prosent med én desimal når den trengs. Teksten brukere har skrevet (aktiviteter, "
        "notater, navn) er ikke med.",
        "Made with laeringsnettverk {0}. Numbers are rounded half up; percentages to one "
        "decimal where needed. Text that users typed (activities, notes, names) is left "
        "out.",
    ),
}


def tr(key: str, lang: Lang) -> str:
    """The word or sentence ``key`` in ``lang``."""
    nb, en = _WORDS[key]
    return nb if lang == "nb" else en


def label(member: CodedEnum, lang: Lang) -> str:
    """A coded value's label in ``lang`` (English capitalised, as the Norwegian is)."""
    if lang == "nb":
        return member.label_nb
    return member.label_en[0].upper() + member.label_en[1:]
