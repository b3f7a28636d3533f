"""Findings: advice from a review or readiness check, never an error.

A :class:`Finding` says what a check noticed, how much it matters (:class:`Severity`), a stable
technical ``code`` a program can act on, and a message in Norwegian and English. Reviews and
readiness checks return findings and never raise: the improvement model is advice.

```pycon
>>> finding = Finding(
...     severity=Severity.WARNING,
...     code="missing_goal",
...     message_nb="Ingen mål er satt.",
...     message_en="No goal has been set.",
...     concerns="phase:planlegge",
... )
>>> print(finding)
Advarsel (warning) [missing_goal] Ingen mål er satt. / No goal has been set.
>>> highest_severity([finding]) is Severity.WARNING
True

```
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._codes import CodedEnum

__all__ = ["Finding", "Severity", "highest_severity"]


class Severity(CodedEnum):
    """How much a finding matters, from information to an error in the work.

    Codes compare as strings, so order severities by :attr:`rank`, not with ``<``.
    """

    INFO = ("info", "Informasjon", "information")
    """Worth knowing; nothing needs doing."""
    WARNING = ("advarsel", "Advarsel", "warning")
    """The model expects something that is missing; the team should look at it."""
    ERROR = ("feil", "Feil", "error")
    """Something is wrong in the work as recorded (still advice: nothing is refused)."""

    @property
    def rank(self) -> int:
        """0 for information, 1 for a warning, 2 for an error."""
        return list(Severity).index(self)


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a review or readiness check noticed.

    ``code`` is stable (programs may act on it); the messages are for people and may be
    reworded between releases.
    """

    severity: Severity
    """How much it matters."""
    code: str
    """A stable technical code, e.g. ``"missing_goal"`` or ``"skipped_phase"``."""
    message_nb: str
    """What was noticed, in Norwegian."""
    message_en: str
    """What was noticed, in English."""
    concerns: str | None = None
    """What it is about: a path (``"history[3]"``) or an identifier (``"phase:planlegge"``)."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.member(("severity",), self.severity, Severity)
        c.code(("code",), self.code)
        c.text(("message_nb",), self.message_nb)
        c.text(("message_en",), self.message_en)
        c.optional_text(("concerns",), self.concerns)
        c.done()

    def __str__(self) -> str:
        return f"{self.severity.label} [{self.code}] {self.message_nb} / {self.message_en}"


def highest_severity(findings: Iterable[Finding]) -> Severity | None:
    """The most serious severity among ``findings``, or ``None`` when there are none.

    ```pycon
    >>> highest_severity([]) is None
    True

    ```
    """
    ranked = [f.severity for f in findings]
    return max(ranked, key=lambda s: s.rank) if ranked else None
