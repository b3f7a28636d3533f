"""KOR ratings (ORS and SRS) as QuestionnaireResponses per session and Observations of totals."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from laeringsnettverk._checks import Checker, check_unicode
from laeringsnettverk.fhir._common import (
    DEFAULT_BASE_URL,
    Reader,
    check_base_url,
    check_id_key,
    code_system_url,
    coding,
    decode_text,
    each_resource,
    encode_text,
    finish,
    read_team,
    resource_id,
    team_reference,
)
from laeringsnettverk.fhir._form import MAX_VALUE, MIN_VALUE, score_quantity, survey_category
from laeringsnettverk.fhir._subject import Subject, as_subject
from laeringsnettverk.toolkit import KorRatings, KorSession, OrsRatings, SrsRatings

__all__ = ["KorResources", "kor_from_fhir", "kor_questionnaire", "kor_to_fhir"]

# (linkId, field, text) per scale, in the scale's order.
ORS_ITEMS = (
    ("ors.individuelt", "individually", "Individuelt (personlig velvære)"),
    ("ors.mellommenneskelig", "interpersonally", "Mellommenneskelig (familie, nære relasjoner)"),
    ("ors.sosialt", "socially", "Sosialt (arbeid, skole, vennskap)"),
    ("ors.generelt", "overall", "Generelt (generell følelse av velvære)"),
)
SRS_ITEMS = (
    ("srs.relasjon", "relationship", "Relasjon (ble hørt, forstått og respektert)"),
    ("srs.maal_og_tema", "goals_and_topics", "Mål og tema (arbeidet med det jeg ville)"),
    ("srs.tilnaerming", "approach", "Tilnærming eller metode (passer for meg)"),
    ("srs.generelt", "overall", "Generelt (timen var riktig for meg)"),
)
ORS_CODE = ("ors_total", "ORS totalskåre (Outcome Rating Scale)")
SRS_CODE = ("srs_total", "SRS totalskåre (Session Rating Scale)")
KOR_CODE = ("kor", "KOR – klient- og resultatstyrt praksis (ORS og SRS)")
GROUP_TEXTS = {"ors": "Outcome Rating Scale (ORS)", "srs": "Session Rating Scale (SRS)"}
MAX_DECIMAL_PLACES = "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces"


def kor_questionnaire_url(base: str) -> str:
    """The canonical URL of the KOR Questionnaire."""
    return f"{base}/Questionnaire/kor"


def kor_questionnaire(base_url: str = DEFAULT_BASE_URL) -> dict[str, Any]:
    """The KOR Questionnaire: the fixed ORS and SRS items that every KOR response answers.

    Its ``url`` is ``{base_url}/Questionnaire/kor``, the ``questionnaire`` of the responses
    :func:`kor_to_fhir` makes, and its id is derived from that URL. Two optional groups,
    ``ors`` and ``srs`` (a session may take either or both), of four required ``decimal``
    items each, from 0 to 10 with one decimal (the core ``minValue``, ``maxValue`` and
    ``maxDecimalPlaces`` extensions).

    ```pycon
    >>> q = kor_questionnaire()
    >>> q["url"], [group["linkId"] for group in q["item"]]
    ('https://laeringsnettverk.no/fhir/Questionnaire/kor', ['ors', 'srs'])

    ```
    """
    base = check_base_url(base_url)
    url = kor_questionnaire_url(base)
    groups = []
    for group, items in (("ors", ORS_ITEMS), ("srs", SRS_ITEMS)):
        groups.append(
            {
                "linkId": group,
                "text": GROUP_TEXTS[group],
                "type": "group",
                "item": [
                    {
                        "extension": [
                            {"url": MIN_VALUE, "valueDecimal": 0},
                            {"url": MAX_VALUE, "valueDecimal": 10},
                            {"url": MAX_DECIMAL_PLACES, "valueInteger": 1},
                        ],
                        "linkId": link,
                        "text": text,
                        "type": "decimal",
                        "required": True,
                    }
                    for link, _, text in items
                ],
            }
        )
    q = {
        "resourceType": "Questionnaire",
        "id": str(uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, base), f"questionnaire/{url}")),
        "url": url,
        "name": "Kor",
        "title": KOR_CODE[1],
        "status": "active",
        "subjectType": ["Patient", "Group"],
        "code": [coding(code_system_url(base, "instrument"), *KOR_CODE)],
        "item": groups,
    }
    return finish(q, "KOR: Outcome Rating Scale (ORS) og Session Rating Scale (SRS), 0 til 10.")


@attrs.frozen(kw_only=True)
class KorResources:
    """The FHIR R4 resources of a person's KOR ratings (plain JSON dicts).

    Made by :func:`kor_to_fhir`; read back with :func:`kor_from_fhir`.
    """

    questionnaire: dict[str, Any] = attrs.field(hash=False)
    """The KOR Questionnaire the responses answer (:func:`kor_questionnaire`)."""
    responses: tuple[dict[str, Any], ...] = attrs.field(hash=False)
    """One QuestionnaireResponse per session, in order: groups ``ors`` and ``srs`` of four
    decimal items each."""
    observations: tuple[dict[str, Any], ...] = attrs.field(hash=False)
    """Per session, an Observation of the ORS total and one of the SRS total (where taken),
    each ``derivedFrom`` its session's response."""

    def resources(self) -> tuple[dict[str, Any], ...]:
        """Every resource: the Questionnaire, the responses, then the Observations."""
        return (self.questionnaire, *self.responses, *self.observations)


def kor_to_fhir(
    ratings: KorRatings,
    *,
    subject: Subject | str,
    base_url: str = DEFAULT_BASE_URL,
    id_key: bytes | None = None,
) -> KorResources:
    """Map KOR ratings to a QuestionnaireResponse per session and Observations of the totals.

    Each response (``questionnaire`` ``{base}/Questionnaire/kor``, the Questionnaire of
    :func:`kor_questionnaire`; ``authored`` the session's date) has a group ``ors`` and/or
    ``srs`` with the four ratings as ``valueDecimal``. The ratings' identifier is each
    response's ``identifier`` (system ``{base}/identifier/kor``, value
    ``<identifier>#<session number>``, so that each set of answers has its own); the team
    is each response's ``author`` and each Observation's ``performer`` (an Organization by
    the identifier ``{base}/identifier/team``). Each total is an Observation (category
    ``survey``, code ``ors_total`` or ``srs_total``) with a ``valueQuantity`` in
    ``{score}``.

    Raises:
        ValidationError: for ratings without sessions that have an identifier or a team
            (there would be no resource to carry them), a bad ``base_url`` or ``id_key``.
    """
    base = check_base_url(base_url)
    key = check_id_key(id_key)
    c = Checker()
    if not isinstance(ratings, KorRatings):
        c.add(("ratings",), "must be KorRatings", type(ratings).__name__)
    elif not ratings.sessions and (ratings.identifier is not None or ratings.team is not None):
        c.add(("sessions",), "must not be empty when there is an identifier or a team to map")
    c.done()
    check_unicode(ratings)  # a lone surrogate cannot be written as UTF-8
    ref = as_subject(subject).to_reference()
    score_system = code_system_url(base, "score")
    responses = []
    observations = []
    for n, session in enumerate(ratings.sessions, 1):
        qr: dict[str, Any] = {
            "resourceType": "QuestionnaireResponse",
            "id": resource_id(base, "kor", ratings, f"response/{n}", subject=ref, id_key=key),
        }
        if ratings.identifier is not None:
            qr["identifier"] = {
                "system": f"{base}/identifier/kor",
                "value": encode_text(f"{ratings.identifier}#{n}"),
            }
        qr.update(
            {
                "questionnaire": kor_questionnaire_url(base),
                "status": "completed",
                "subject": dict(ref),
                "authored": session.date.isoformat(),
            }
        )
        if ratings.team is not None:
            qr["author"] = team_reference(base, ratings.team)
        groups = []
        for group, ratings_of, items, code in (
            ("ors", session.ors, ORS_ITEMS, ORS_CODE),
            ("srs", session.srs, SRS_ITEMS, SRS_CODE),
        ):
            if ratings_of is None:
                continue
            groups.append(
                {
                    "linkId": group,
                    "text": GROUP_TEXTS[group],
                    "item": [
                        {
                            "linkId": link,
                            "text": text,
                            "answer": [{"valueDecimal": getattr(ratings_of, field)}],
                        }
                        for link, field, text in items
                    ],
                }
            )
            obs: dict[str, Any] = {
                "resourceType": "Observation",
                "id": resource_id(base, "kor", ratings, f"{group}/{n}", subject=ref, id_key=key),
                "status": "final",
                "category": survey_category(),
                "code": {"coding": [coding(score_system, *code)], "text": code[1]},
                "subject": dict(ref),
                "effectiveDateTime": session.date.isoformat(),
            }
            if ratings.team is not None:
                obs["performer"] = [team_reference(base, ratings.team)]
            obs["valueQuantity"] = score_quantity(ratings_of.total)
            obs["derivedFrom"] = [{"reference": f"QuestionnaireResponse/{qr['id']}"}]
            observations.append(
                finish(obs, f"{code[1]} {session.date.isoformat()}: {ratings_of.total:g}.")
            )
        qr["item"] = groups
        taken = " og ".join(str(g["linkId"]).upper() for g in groups)
        responses.append(finish(qr, f"KOR-samtale {session.date.isoformat()}: {taken}."))
    return KorResources(
        questionnaire=kor_questionnaire(base),
        responses=tuple(responses),
        observations=tuple(observations),
    )


def kor_from_fhir(
    responses: Iterable[Mapping[str, Any]], *, base_url: str = DEFAULT_BASE_URL
) -> KorRatings:
    """Read KOR ratings back from their QuestionnaireResponses.

    The inverse of :func:`kor_to_fhir`; responses may come in any order, and the
    Observations are derived data that are not needed.

    Raises:
        ValidationError: for responses that do not have the shape :func:`kor_to_fhir`
            makes, or that disagree on the identifier or the team.
    """
    base = check_base_url(base_url)
    sessions = []
    shared: dict[str, str | None] = {}
    for i, data in enumerate(each_resource(responses, "responses")):
        r = Reader(data, (i,))
        if r.data.get("resourceType") != "QuestionnaireResponse":
            raise r.fail(
                "resourceType", "must be 'QuestionnaireResponse'", r.data.get("resourceType")
            )
        for name, key, value in (
            ("identifier", "identifier", _read_identifier(r, base)),
            ("team", "author", read_team(r, "author", base)),
        ):
            if name in shared and shared[name] != value:
                raise r.fail(key, f"has a different {name} than the first response")
            shared[name] = value
        fields: dict[str, Any] = {}
        for group in r.objs("item"):
            link = group.data.get("linkId")
            if link not in ("ors", "srs"):
                continue
            values = {}
            items = ORS_ITEMS if link == "ors" else SRS_ITEMS
            by_link = {field_link: field for field_link, field, _ in items}
            for item in group.objs("item"):
                field = by_link.get(item.string("linkId"))
                if field is None:
                    raise item.fail("linkId", f"is not an item of {link}", item.data["linkId"])
                answers = item.objs("answer")
                if len(answers) != 1:
                    raise item.fail("answer", "must hold exactly one answer")
                values[field] = answers[0].number("valueDecimal")
            if len(values) != len(items):
                raise group.fail("item", f"needs all four {link} ratings")
            fields[link] = OrsRatings(**values) if link == "ors" else SrsRatings(**values)
        sessions.append(KorSession(date=r.date("authored"), **fields))
    sessions.sort(key=lambda s: s.date)
    return KorRatings(
        sessions=sessions,
        identifier=shared.get("identifier"),
        team=shared.get("team"),
    )


def _read_identifier(r: Reader, base: str) -> str | None:
    """The ratings' identifier from a response's ``<identifier>#<n>``, or None."""
    ident = r.opt_obj("identifier")
    if ident is None or ident.data.get("system") != f"{base}/identifier/kor":
        return None
    value = ident.string("value")
    text = decode_text(value)
    document, mark, number = ("" if text is None else text).rpartition("#")
    if not mark or not number.isdigit():
        raise ident.fail("value", "must be <identifier>#<session number>")
    return document
