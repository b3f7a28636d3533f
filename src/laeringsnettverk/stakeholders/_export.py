"""The user-centred map as text for diagram tools: Mermaid and Graphviz DOT.

The owner (the user, or the team, service or municipality) sits in the middle; each
actor is joined to it by an edge weighted by the relation's strength and labelled with the
relation, and its box is coloured by its attitude (green supportive, grey neutral, red
opposed, white not recorded). Edges, by strength:

| strength              | Mermaid          | DOT                  |
|-----------------------|------------------|----------------------|
| strong                | ``===`` (thick)  | penwidth 4, solid    |
| moderate              | ``---`` (plain)  | penwidth 2, solid    |
| weak                  | ``-.-`` (dotted) | penwidth 1, dashed   |
| none, or not mapped   | ``-.-`` (dotted) | penwidth 1, dotted   |
"""

from __future__ import annotations

from laeringsnettverk._checks import fail
from laeringsnettverk.stakeholders._enums import Attitude, RelationStrength
from laeringsnettverk.stakeholders._model import Stakeholder, StakeholderMap

__all__ = ["NOT_MAPPED_LABEL", "stakeholder_dot", "stakeholder_mermaid"]

NOT_MAPPED_LABEL = "Ikke kartlagt (not mapped)"
"""The edge label of an actor whose relation is not recorded."""

_FILL = {
    Attitude.SUPPORTIVE: ("#d8f0d8", "#2e7d32"),
    Attitude.NEUTRAL: ("#eeeeee", "#757575"),
    Attitude.OPPOSED: ("#f8d7da", "#c62828"),
}
_MERMAID_LINK = {
    RelationStrength.STRONG: "===",
    RelationStrength.MODERATE: "---",
    RelationStrength.WEAK: "-.-",
    RelationStrength.NONE: "-.-",
    None: "-.-",
}
# (penwidth, style) per strength
_DOT_EDGE: dict[RelationStrength | None, tuple[int, str]] = {
    RelationStrength.STRONG: (4, "solid"),
    RelationStrength.MODERATE: (2, "solid"),
    RelationStrength.WEAK: (1, "dashed"),
    RelationStrength.NONE: (1, "dotted"),
    None: (1, "dotted"),
}


def _map(m: object) -> StakeholderMap:
    if not isinstance(m, StakeholderMap):
        fail(("stakeholder_map",), "must be a StakeholderMap", type(m).__name__)
    return m


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label: entity codes for the special characters."""
    out = _one_line(text).replace("#", "#35;")
    for char, code in (
        ('"', "#quot;"),
        ("<", "#lt;"),
        (">", "#gt;"),
        ("`", "#96;"),
        ("|", "#124;"),
    ):
        out = out.replace(char, code)
    return out


def _edge_label(s: Stakeholder) -> str:
    return NOT_MAPPED_LABEL if s.relation is None else s.relation.label


def _strength(s: Stakeholder) -> RelationStrength | None:
    return None if s.relation is None else s.relation.strength


def stakeholder_mermaid(m: StakeholderMap) -> str:
    """The map as a Mermaid flowchart, the owner in the middle.

    Actors alternate to the left and the right of the owner. Names are free text:
    quotes, ``<``, ``>``, ``#``, ``|`` and backticks become Mermaid entity codes and line
    breaks spaces, so a name cannot break the diagram.

    ```pycon
    >>> import datetime
    >>> from laeringsnettverk.stakeholders import (
    ...     Attitude, MapOwner, OwnerKind, Relation, RelationStrength, Stakeholder,
    ...     StakeholderCategory, StakeholderMap)
    >>> m = StakeholderMap(
    ...     owner=MapOwner(kind=OwnerKind.USER, name="Kari"),
    ...     date=datetime.date(2019, 9, 12),
    ...     stakeholders=[
    ...         Stakeholder(name="Mor", category=StakeholderCategory.NEXT_OF_KIN,
    ...                     relation=Relation(strength=RelationStrength.STRONG),
    ...                     attitude=Attitude.SUPPORTIVE),
    ...         Stakeholder(name="NAV", category=StakeholderCategory.NAV),
    ...     ],
    ... )
    >>> print(stakeholder_mermaid(m))
    flowchart LR
        sentrum(("Kari<br/>Bruker (user)"))
        a1["Mor<br/>Pårørende (next of kin)"]
        a1 ===|"Sterk (strong)"| sentrum
        a2["NAV<br/>NAV (labour and welfare administration)"]
        sentrum -.-|"Ikke kartlagt (not mapped)"| a2
        classDef eier fill:#cfe8ef,stroke:#00695c,stroke-width:2px
        classDef stoettende fill:#d8f0d8,stroke:#2e7d32
        class sentrum eier
        class a1 stoettende

    ```
    """
    m = _map(m)
    lines = [
        "flowchart LR",
        f'    sentrum(("{_mermaid_text(m.owner.name)}<br/>{m.owner.kind.label}"))',
    ]
    by_attitude: dict[Attitude, list[str]] = {}
    for i, s in enumerate(m.stakeholders, start=1):
        node = f"a{i}"
        lines.append(f'    {node}["{_mermaid_text(s.name)}<br/>{s.category.label}"]')
        link = f'{_MERMAID_LINK[_strength(s)]}|"{_edge_label(s)}"|'
        # odd actors to the left of the owner, even ones to the right: the owner in the middle
        lines.append(f"    {node} {link} sentrum" if i % 2 else f"    sentrum {link} {node}")
        if s.attitude is not None:
            by_attitude.setdefault(s.attitude, []).append(node)
    lines.append("    classDef eier fill:#cfe8ef,stroke:#00695c,stroke-width:2px")
    for attitude in Attitude:
        if attitude in by_attitude:
            fill, stroke = _FILL[attitude]
            lines.append(f"    classDef {attitude.code} fill:{fill},stroke:{stroke}")
    lines.append("    class sentrum eier")
    for attitude in Attitude:
        if attitude in by_attitude:
            lines.append(f"    class {','.join(by_attitude[attitude])} {attitude.code}")
    return "\n".join(lines)


def _dot_text(text: str) -> str:
    """Text safe inside a quoted DOT string."""
    return _one_line(text).replace("\\", "\\\\").replace('"', '\\"')


def stakeholder_dot(m: StakeholderMap) -> str:
    r"""The map as a Graphviz DOT graph, the owner in the middle (``layout=twopi``).

    Render it with ``dot -Tsvg`` (Graphviz picks the radial layout from the graph).
    Edge width and style follow the relation's strength; fill colour the attitude.

    ```pycon
    >>> import datetime
    >>> from laeringsnettverk.stakeholders import (
    ...     MapOwner, OwnerKind, Relation, RelationStrength, Stakeholder,
    ...     StakeholderCategory, StakeholderMap)
    >>> m = StakeholderMap(
    ...     owner=MapOwner(kind=OwnerKind.USER, name="Kari"),
    ...     date=datetime.date(2019, 9, 12),
    ...     stakeholders=[Stakeholder(name="Mor", category=StakeholderCategory.NEXT_OF_KIN,
    ...                               relation=Relation(strength=RelationStrength.STRONG))],
    ... )
    >>> print(stakeholder_dot(m))
    graph aktoerkart {
        layout=twopi;
        root=sentrum;
        overlap=false;
        ranksep=2;
        node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];
        edge [fontname="Helvetica", fontsize=10];
        sentrum [label="Kari\nBruker (user)", shape=ellipse, fillcolor="#cfe8ef"];
        a1 [label="Mor\nPårørende (next of kin)"];
        sentrum -- a1 [label="Sterk (strong)", penwidth=4, style=solid];
    }

    ```
    """
    m = _map(m)
    lines = [
        "graph aktoerkart {",
        "    layout=twopi;",
        "    root=sentrum;",
        "    overlap=false;",
        "    ranksep=2;",
        '    node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
        '    edge [fontname="Helvetica", fontsize=10];',
        f'    sentrum [label="{_dot_text(m.owner.name)}\\n{m.owner.kind.label}",'
        ' shape=ellipse, fillcolor="#cfe8ef"];',
    ]
    for i, s in enumerate(m.stakeholders, start=1):
        node = f"a{i}"
        fill = ""
        if s.attitude is not None:
            fill = f', fillcolor="{_FILL[s.attitude][0]}", color="{_FILL[s.attitude][1]}"'
        lines.append(f'    {node} [label="{_dot_text(s.name)}\\n{s.category.label}"{fill}];')
        width, style = _DOT_EDGE[_strength(s)]
        lines.append(
            f'    sentrum -- {node} [label="{_edge_label(s)}", penwidth={width}, style={style}];'
        )
    lines.append("}")
    return "\n".join(lines)
