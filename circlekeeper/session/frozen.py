"""Immutable value records that cost nothing to define: the event log's building block.

``@dataclass(frozen=True, slots=True)`` writes the source of six methods for every class and
compiles it when the module is imported: about 3 million instructions a class, 70 million for
the log's twenty-odd events, a twentieth of ``circlekeeper export ID`` before its first page.
A :class:`FrozenRecord` behaves the same way with methods written once, here:

- fields are the class's annotations (``ClassVar`` ones excluded), after its bases' fields,
  stored in ``__slots__``; a class attribute of the same name is the field's default, which
  may not be of a mutable (unhashable) type such as a list, dict or set (``ValueError`` when
  the class is made, as ``@dataclass`` raises);
- ``__init__`` takes them positionally or by keyword, defaults filled in, and refuses
  missing, repeated and unknown arguments with the messages Python gives;
- instances are immutable (``dataclasses.FrozenInstanceError``, as a frozen dataclass
  raises), equal only to an instance of the very same class with equal fields, hashable
  from their fields, shown as ``Name(field=value, ...)`` and matched positionally
  (``__match_args__``); ``copy``, ``deepcopy`` and ``pickle`` rebuild them through
  ``__init__``.

The type checker sees them as frozen dataclasses (:func:`typing.dataclass_transform`), so
constructor calls are checked as before. They are not dataclasses at run time:
:func:`fields` and :func:`replace` below stand in for ``dataclasses.fields`` and
``dataclasses.replace``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import Any, ClassVar, TypeVar, dataclass_transform

__all__ = ["FrozenRecord", "fields", "replace"]

R = TypeVar("R", bound="FrozenRecord")


def _is_class_var(annotation: object) -> bool:
    if isinstance(annotation, str):  # ``from __future__ import annotations``
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return annotation is ClassVar or getattr(annotation, "__origin__", None) is ClassVar


def _values_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving a record's field values as a tuple (what equality and hashing use)."""
    if not names:
        return lambda record: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    getter: Callable[[Any], tuple[Any, ...]] = attrgetter(*names)
    return getter


def _immutable_default(field: str, default: object) -> object:
    """``default``, unless it is of an unhashable (mutable) type: one list or dict would be
    shared by every record made without that field, and changing it would change them all.
    Refused when the class is made, as ``@dataclass`` refuses it (the same error and opening
    words; a record has no ``default_factory``, so the advice differs)."""
    if type(default).__hash__ is None:
        raise ValueError(
            f"mutable default {type(default)} for field {field} is not allowed:"
            " use an immutable value (a tuple, a frozenset)"
        )
    return default


@dataclass_transform(eq_default=True, frozen_default=True)
class _RecordType(type):
    """Turns a class body's annotations into slots, defaults and the field list."""

    def __new__(
        mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any
    ) -> _RecordType:
        inherited: list[str] = []
        defaults: dict[str, Any] = {}
        for base in reversed(bases):
            for field in getattr(base, "__record_fields__", ()):
                if field not in inherited:
                    inherited.append(field)
            defaults.update(getattr(base, "__record_defaults__", {}))
        own: list[str] = []
        for field, annotation in namespace.get("__annotations__", {}).items():
            if _is_class_var(annotation):
                continue
            if field in namespace:
                defaults[field] = _immutable_default(field, namespace.pop(field))
            if field not in inherited:
                own.append(field)
        names = (*inherited, *own)
        after_default = ""
        for field in names:
            if field in defaults:
                after_default = field
            elif after_default:
                raise TypeError(f"non-default argument {field!r} follows default argument")
        namespace["__slots__"] = tuple(own)
        namespace["__record_fields__"] = names
        namespace["__record_defaults__"] = defaults
        namespace["__match_args__"] = names
        namespace["_record_values"] = staticmethod(_values_getter(names))
        return super().__new__(mcs, name, bases, namespace, **kwargs)


class FrozenRecord(metaclass=_RecordType):
    """Base of an immutable value record; see the module's docstring for what it does."""

    __slots__ = ()
    __record_fields__: ClassVar[tuple[str, ...]]
    __record_defaults__: ClassVar[Mapping[str, Any]]
    _record_values: ClassVar[Callable[[Any], tuple[Any, ...]]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        names = cls.__record_fields__
        given = len(args)
        if given > len(names):
            raise TypeError(_too_many_message(cls, given))
        assign = object.__setattr__
        for field, value in zip(names, args, strict=False):
            assign(self, field, value)
        defaults = cls.__record_defaults__
        used = 0
        missing: list[str] = []
        for field in names[given:]:
            if field in kwargs:
                assign(self, field, kwargs[field])
                used += 1
            elif field in defaults:
                assign(self, field, defaults[field])
            else:
                missing.append(field)
        if used != len(kwargs):
            raise TypeError(_keyword_refusal(cls.__qualname__, names[:given], names, kwargs))
        if missing:
            raise TypeError(_missing_message(cls.__qualname__, missing))

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return bool(type(self)._record_values(self) == type(self)._record_values(other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(type(self)._record_values(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__record_fields__)
        return f"{type(self).__qualname__}({shown})"

    def __reduce__(self) -> tuple[type[FrozenRecord], tuple[Any, ...]]:
        return type(self), type(self)._record_values(self)


def _too_many_message(cls: type[FrozenRecord], given: int) -> str:
    most = len(cls.__record_fields__) + 1
    least = most - len(cls.__record_defaults__)
    takes = f"{most}" if least == most else f"from {least} to {most}"
    return (
        f"{cls.__qualname__}.__init__() takes {takes} positional arguments"
        f" but {given + 1} were given"
    )


def _keyword_refusal(
    owner: str, positional: tuple[str, ...], names: tuple[str, ...], kwargs: Mapping[str, Any]
) -> str:
    for keyword in kwargs:
        if keyword in positional:
            return f"{owner}.__init__() got multiple values for argument {keyword!r}"
    unknown = next(k for k in kwargs if k not in names)
    return f"{owner}.__init__() got an unexpected keyword argument {unknown!r}"


def _missing_message(owner: str, missing: list[str]) -> str:
    quoted = [repr(name) for name in missing]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
    plural = "argument" if len(missing) == 1 else "arguments"
    return f"{owner}.__init__() missing {len(missing)} required positional {plural}: {listed}"


def fields(record: FrozenRecord | type[FrozenRecord]) -> tuple[str, ...]:
    """The names of a record's fields, in order (bases' fields first)."""
    return record.__record_fields__


def has_default(record: type[FrozenRecord], field: str) -> bool:
    """Whether ``field`` may be left out when the record is made."""
    return field in record.__record_defaults__


def replace(record: R, /, **changes: Any) -> R:
    """A copy of ``record`` with some fields changed (``dataclasses.replace`` for records)."""
    values = {name: getattr(record, name) for name in record.__record_fields__}
    values.update(changes)
    return type(record)(**values)
