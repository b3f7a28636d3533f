"""Exchange the toolkit's data and SMART goals with an EHR as FHIR R4 (4.0.1) resources.

Mapping functions build and read plain JSON dicts (``dict[str, Any]``): no FHIR library
is needed at run time. Every mapping reads back to the same object, for example
``form_from_fhir(r.questionnaire, r.responses) == form`` for ``r = form_to_fhir(form, ...)``.

- :func:`form_to_fhir`: a «Hva er viktig for meg»-form as answers to the form's shared
  Questionnaire (:func:`form_questionnaire`), one QuestionnaireResponse per conversation,
  and an Observation of the means and benefit.
- :func:`checklist_to_fhir`: the collaboration checklist as a QuestionnaireResponse and an
  Observation of program fidelity in ``%`` (:func:`checklist_questionnaire` says whose
  items they are).
- :func:`kor_to_fhir`: KOR ratings as a QuestionnaireResponse per session and Observations
  of the ORS and SRS totals.
- :func:`goal_to_fhir`: a SMART(E) goal as a Goal, its baseline as an Observation.
- :func:`plan_to_fhir`: the action plan as a CarePlan.
- :func:`bundle`: a transaction Bundle of all of it for one user; :func:`bundle_from_fhir`
  reads it back.

The subject of the resources is a :class:`Subject`: a reference the caller gives (the
record system's own Patient), or a Norwegian fødselsnummer, D-nummer or H-nummer (checked
by :class:`~laeringsnettverk.identity.PersonIdentifier`). Every resource has
``language`` ``nb`` and a generated narrative. The library's own code systems
(:func:`code_systems`), value sets, extensions (:func:`structure_definitions`),
Questionnaires and identifier systems live under a base URL (:data:`DEFAULT_BASE_URL`, a
placeholder that an integrator replaces with ``base_url=``); :func:`write_package` writes
them as a FHIR package for a validator's ``-ig``. No LOINC codes exist for these
instruments.

```pycon
>>> from laeringsnettverk.examples import load_example
>>> from laeringsnettverk.fhir import Subject, form_from_fhir, form_to_fhir
>>> form = load_example("form")
>>> resources = form_to_fhir(form, subject=Subject(reference="Patient/123"))
>>> [r["resourceType"] for r in resources.resources()]
['Questionnaire', 'QuestionnaireResponse', 'QuestionnaireResponse', 'Observation']
>>> form_from_fhir(resources.questionnaire, resources.responses) == form
True

```
"""

from laeringsnettverk.fhir._bundle import BundleContents, bundle, bundle_from_fhir
from laeringsnettverk.fhir._checklist import (
    ChecklistResources,
    checklist_from_fhir,
    checklist_questionnaire,
    checklist_to_fhir,
)
from laeringsnettverk.fhir._codesystems import CODE_SYSTEMS, code_systems
from laeringsnettverk.fhir._common import DEFAULT_BASE_URL
from laeringsnettverk.fhir._conformance import (
    NO_BASIS_PACKAGE,
    conformance_resources,
    package_manifest,
    structure_definitions,
    value_sets,
    write_conformance_resources,
    write_package,
)
from laeringsnettverk.fhir._form import (
    FormResources,
    form_from_fhir,
    form_questionnaire,
    form_to_fhir,
)
from laeringsnettverk.fhir._goal import (
    GOAL_ACCEPTANCE,
    GOAL_LIFECYCLE_STATUSES,
    PROGRESS_TO_ACHIEVEMENT,
    GoalResources,
    goal_from_fhir,
    goal_to_fhir,
)
from laeringsnettverk.fhir._kor import (
    KorResources,
    kor_from_fhir,
    kor_questionnaire,
    kor_to_fhir,
)
from laeringsnettverk.fhir._norway import (
    HPR_SYSTEM,
    NO_BASIS_ORGANIZATION,
    ORGANISASJONSNUMMER_SYSTEM,
    RESH_SYSTEM,
    TeamIdentifiers,
)
from laeringsnettverk.fhir._plan import MEASURE_STATUS_TO_FHIR, plan_from_fhir, plan_to_fhir
from laeringsnettverk.fhir._subject import (
    DNUMMER_SYSTEM,
    FOEDSELSNUMMER_SYSTEM,
    HNUMMER_SYSTEM,
    NO_BASIS_PATIENT,
    Subject,
)
from laeringsnettverk.fhir._units import UNIT_WORDS, ucum_code

__all__ = [
    # subject and URLs
    "DEFAULT_BASE_URL",
    "DNUMMER_SYSTEM",
    "FOEDSELSNUMMER_SYSTEM",
    "HNUMMER_SYSTEM",
    "NO_BASIS_PATIENT",
    "Subject",
    # Norwegian identifiers of teams and people
    "HPR_SYSTEM",
    "NO_BASIS_ORGANIZATION",
    "ORGANISASJONSNUMMER_SYSTEM",
    "RESH_SYSTEM",
    "TeamIdentifiers",
    # the toolkit
    "FormResources",
    "form_from_fhir",
    "form_questionnaire",
    "form_to_fhir",
    "ChecklistResources",
    "checklist_from_fhir",
    "checklist_questionnaire",
    "checklist_to_fhir",
    "KorResources",
    "kor_from_fhir",
    "kor_questionnaire",
    "kor_to_fhir",
    "MEASURE_STATUS_TO_FHIR",
    "plan_from_fhir",
    "plan_to_fhir",
    # goals
    "GOAL_ACCEPTANCE",
    "GOAL_LIFECYCLE_STATUSES",
    "PROGRESS_TO_ACHIEVEMENT",
    "GoalResources",
    "goal_from_fhir",
    "goal_to_fhir",
    # the bundle
    "BundleContents",
    "bundle",
    "bundle_from_fhir",
    # conformance resources and units
    "CODE_SYSTEMS",
    "code_systems",
    "structure_definitions",
    "value_sets",
    "conformance_resources",
    "write_conformance_resources",
    "NO_BASIS_PACKAGE",
    "package_manifest",
    "write_package",
    "UNIT_WORDS",
    "ucum_code",
]
