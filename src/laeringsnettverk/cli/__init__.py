"""The ``laeringsnettverk`` command line (also ``python -m laeringsnettverk``).

- ``score FILE...`` scores forms, checklists, KOR ratings and goals and prints their
  numbers (:func:`laeringsnettverk.summary.summarize`; ``--example`` scores the shipped
  examples);
- ``validate FILE...`` checks documents and lists every problem;
- ``convert FILE`` prints documents in canonical form (``--to fhir``: a FHIR R4
  transaction Bundle, for one person: ``--subject`` is required);
- ``status FILE`` prints where each team of a learning network stands, ``review FILE``
  the network's findings, and ``report FILE -o report.html`` writes the self-contained
  HTML report (``--example`` for the shipped example network);
- ``example KIND`` prints a shipped example document; ``schema KIND`` the JSON Schema of
  a document kind.

**Input.** Every FILE may be ``-`` for standard input, which is read once: a command that
names ``-`` twice (``status - --forms -``) is refused. Files are UTF-8 (a leading byte
order mark is allowed). A FILE is read as **JSON Lines** (one document per line) when its
name ends in ``.jsonl`` or ``.ndjson``, or when ``--jsonl`` is given (which applies to
every FILE of the command, and is the only way to read JSON Lines from ``-``); otherwise
it is one JSON document. ``status --forms``/``--checklists`` and ``report
--forms``/``--checklists`` are always JSON Lines. JSON Lines are read line by line,
never whole, so memory stays flat however long the batch: each bad line is reported with
its number (``FILE: line N: $.path: rule``) and the command goes on with the next;
``--max-errors N`` stops after N bad lines or documents. When standard error is a
terminal and a batch passes 10,000 lines, a counter of the lines read is shown there.

**Output.** Text for people is Norwegian by default, with the Norwegian number format
(``2,0`` and ``80 %``); ``--lang en`` for English. ``--json`` prints JSON Lines
whatever the number of inputs: one compact JSON object per line, per document read
(``score``, ``validate``), or one object for the command's one result (``status``,
``review``); numbers in JSON are plain JSON numbers at full precision. ``convert``,
``example`` and ``schema`` always print JSON. Warnings are one line on standard error,
``advarsel: FILE: …`` (``warning:`` with ``--lang en``); errors are one line (or one line
and the problems indented below it) and never a traceback. Output the console's encoding
cannot show is replaced (``?``), not a crash.

**Exit status**:

| status | meaning |
|---|---|
| 0 | everything read was good (and, for ``review --fail-on-findings``, no findings) |
| 1 | the command ran to the end but found something: bad lines in a JSON Lines batch (each reported; the good lines were used), or findings with ``review --fail-on-findings`` |
| 2 | invalid usage (an unknown option, a missing ``--subject``, ``-`` twice), or invalid input: a file that cannot be read or is not UTF-8, or a JSON document that is invalid |

``--max-errors`` stopping a batch early exits 1 (2 if a whole document or file was bad).

The command is a package of private modules, one per responsibility: the run
(``_run``), reading (``_read``), the commands on documents (``_documents``,
``_convert``) and on a network (``_stream``, ``_status``, ``_review``), the arguments
(``_arguments``, ``_commands``, ``_network_commands``, ``_parser``) and :func:`main`
(``_main``).
"""  # noqa: E501

from __future__ import annotations

from laeringsnettverk.cli._main import main
from laeringsnettverk.cli._parser import build_parser
from laeringsnettverk.cli._run import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from laeringsnettverk.cli._run import _Run as _Run
from laeringsnettverk.cli._status import (
    _status_table as _status_table,
)
from laeringsnettverk.cli._stream import (
    _streamed_status as _streamed_status,
)

__all__ = ["EXIT_BAD_INPUT", "EXIT_FINDINGS", "EXIT_OK", "build_parser", "main"]
