"""Making a checked model inside generated code, from the rules declared next to its fields.

The fast loader (:mod:`laeringsnettverk.serialization._fast`) holds each field's value in
a local of its generated function; :func:`build_lines` gives the statements that make the
model from those locals with the same checks as the model's ``__attrs_post_init__`` (the
rules' quick tests, then the cross-field rules), without a call per object.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from types import MemberDescriptorType
from typing import Any

import attrs

from laeringsnettverk._codegen import Names, type_hints
from laeringsnettverk._converters import on_fresh
from laeringsnettverk._rules import (
    _STOP_AT_FIRST,
    RULE,
    Rule,
    _AllOk,
    _post_init,
    items_kept,
    to_tuple,
)

__all__ = ["build_lines"]

_FAIL = "return False"


def build_lines(
    cls: type,
    values: Sequence[str],
    names: Names,
    fail: str,
    proven: Collection[int] = (),
    *,
    read: bool = False,
) -> tuple[list[str], str] | None:
    """Statements that make a ``cls`` from its field values, checked, without a call.

    For generated loaders (the fast path), which hold each field's value in a local
    (``values``, in the order of ``attrs.fields(cls)``): the statements apply each field's
    converter, then its rule's quick test (the same lines as the quick pass, with ``fail``
    where the quick pass returns ``False``), set the fields on a new object and run the
    cross-field rules with a checker that raises at the first problem. Returns the lines
    and the name of the local holding the object: the same object ``cls(...)`` makes from
    the same values, when the value keeps every rule; on a doubt the statements raise
    (``fail``, or the cross-field rules' stop), and the loader takes its detailed path.

    ``proven`` holds the positions of the values the loader has proven to be of their
    field's annotated type (a ``str``, a tuple of ``Activity`` it built itself, a mapping
    of ``str`` to ``int``): a field whose converter keeps the items
    (:func:`~laeringsnettverk._rules.keeps_items`) and whose rule holds for every value of
    that type (:meth:`~laeringsnettverk._rules.Rule.holds_for`) has its quick test left out.
    With ``read``, the proven values were made by a strict reader for this object alone:
    their text is Unicode, and a container (a ``dict``, a tuple) is new, held by no one
    else. The rule of such a field whose converter keeps the items runs
    :meth:`~laeringsnettverk._rules.Rule.quick_read`, a proven tuple is not made a tuple
    again, and a converter declared with a ``fresh`` function
    (:func:`~laeringsnettverk._converters.keeps_items`) is given the container to keep.

    ``None`` when ``cls`` is not made by ``attrs`` and :func:`checked` alone (a validator,
    a ``__attrs_pre_init__``, a slot that is not a field): the caller calls ``cls``.
    """
    builder = _builder(cls)
    if builder is None:
        return None
    lines: list[str] = []
    hints = type_hints(cls) if proven else {}
    for i, (attribute, v) in enumerate(zip(attrs.fields(cls), values, strict=True)):
        converter: Any = attribute.converter
        if converter is to_tuple:  # inline: a tuple is kept
            if not (read and i in proven):
                lines.append(f"if type({v}) is not tuple: {v} = tuple({v})")
        elif converter is not None:
            fresh = on_fresh(converter) if read and i in proven else None
            lines.append(f"{v} = {names.const(fresh or converter)}({v})")
        declared: Rule = attribute.metadata[RULE]
        kept = i in proven and items_kept(converter)  # still of the proven type, converted
        if kept and declared.holds_for(hints[attribute.name]):
            continue  # the value's proven type keeps the rule: no test to run
        quick = declared.quick_read if read and kept else declared.quick
        for line in quick(v, names):
            if line.endswith(_FAIL):
                lines.append(line[: -len(_FAIL)] + fail)
            elif "return" in line:  # a doubt not at a line's end: not one this can rewrite
                return None
            else:
                lines.append(line)
    obj = names.var()
    # made as the builder, its fields set by plain stores (a slot each), then made a ``cls``
    lines.append(f"{obj} = {names.const(object.__new__)}({names.const(builder)})")
    lines.extend(f"{obj}.{f.name} = {v}" for f, v in zip(attrs.fields(cls), values, strict=True))
    lines.append(f"{obj}.__class__ = {names.const(cls)}")
    if hasattr(cls, "_check_across"):
        ok = names.const(_AllOk(dict.fromkeys(attrs.fields_dict(cls), True)))  # found in C
        lines.append(f"{obj}._check_across({names.const(_STOP_AT_FIRST)}, {ok})")
    return lines, obj


_BUILDERS: dict[type, type | None] = {}


def _builder(cls: type) -> type | None:
    """A subclass of ``cls`` whose instances take plain stores, when ``cls`` can be made so.

    ``cls`` qualifies when its ``__init__`` only sets the fields and checks: the class's
    own ``__init__`` is the one attrs wrote (not one written by hand, nor one inherited by a
    subclass), nothing else takes part in making an instance or a subclass (``__new__``, a
    metaclass, ``__init_subclass__``), the checks are :func:`checked`'s, and every field is a
    slot (``slots=True``) and nothing else is. The builder adds no slot and stores by
    ``object.__setattr__`` (a frozen class refuses a store); generated code makes an
    instance of it, stores each field (a slot each: the cheapest store there is), then
    assigns ``__class__ = cls`` (allowed: the same layout), and from then on the object is
    exactly a ``cls``, frozen as any other. Made once per class (``None`` when it does
    not qualify).
    """
    if cls not in _BUILDERS:
        _BUILDERS[cls] = _make_builder(cls) if _qualifies(cls) else None
    return _BUILDERS[cls]


def _make_builder(cls: type) -> type:
    return type(
        f"_Building{cls.__name__}",
        (cls,),
        {
            "__slots__": (),
            # both: the store then skips the class's own __setattr__ and __delattr__
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__module__": __name__,
            "__doc__": f"Makes a {cls.__qualname__} in generated code (never seen outside).",
        },
    )


def _qualifies(cls: type) -> bool:
    fields = attrs.fields(cls)
    names = {f.name for f in fields}
    slots = {slot for k in cls.__mro__ for slot in getattr(k, "__slots__", ())}
    init: Any = cls.__dict__.get("__init__")
    new: Any = cls.__new__
    if (
        "__attrs_attrs__" not in cls.__dict__
        or not getattr(getattr(init, "__code__", None), "co_filename", "").startswith(
            "<attrs generated"
        )
        or new is not object.__new__
        or type(cls) is not type
        or any("__init_subclass__" in k.__dict__ for k in cls.__mro__[:-1])
        or getattr(cls, "__attrs_post_init__", None) is not _post_init
        or hasattr(cls, "__attrs_pre_init__")
        or not slots <= names | {"__weakref__"}
        or any(
            f.validator is not None
            or isinstance(f.converter, attrs.Converter)
            or RULE not in f.metadata
            for f in fields
        )
    ):
        return False
    return all(type(getattr(cls, f.name, None)) is MemberDescriptorType for f in fields)
