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

- ``class State(FrozenRecord, frozen=False)`` makes a mutable record instead (as
  ``@dataclass(slots=True)`` without ``frozen``): its fields may be set again, and it has no
  hash; its subclasses are mutable too;
- a field may be given as ``field(default=...)`` or ``field(default_factory=...)`` (a
  fresh default for each record, as a dataclass makes it), nothing else of ``field``;
- ``__post_init__``, when a class has one, runs after the fields are set (it may set them
  again with ``object.__setattr__``, as in a frozen dataclass).

The type checker sees them as frozen dataclasses (:func:`typing.dataclass_transform`), so
constructor calls are checked as before. At run time ``dataclasses.replace``, ``fields``,
``asdict`` and ``astuple`` take them too: ``__dataclass_fields__`` is made the first time
something asks for it (never while a report or the window is built), so the domain's records
can be records without every caller of ``dataclasses.replace`` changing. :func:`fields` and
:func:`replace` below do the same without building it.

``dataclasses`` itself is imported only when something needs it (a ``field(...)`` in a class
body can only come from it once it is loaded; an assignment refused raises its
``FrozenInstanceError``): the window's palette is a record, and importing ``dataclasses``
(and ``copy`` with it) cost the first paint about 4 M instructions.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast, dataclass_transform

if TYPE_CHECKING:
    from dataclasses import Field

__all__ = ["FrozenRecord", "field", "fields", "replace"]

R = TypeVar("R", bound="FrozenRecord")
T = TypeVar("T")


def _is_class_var(annotation: object) -> bool:
    if isinstance(annotation, str):  # ``from __future__ import annotations``
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return annotation is ClassVar or getattr(annotation, "__origin__", None) is ClassVar


class _Factory:
    """A default made afresh for each record: ``field(default_factory=make)``."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


_NO_DEFAULT = object()
"""A field given in a record's body without a default (``field()``, or ``MISSING`` itself)."""


def field(*, default_factory: Callable[[], T]) -> T:
    """A default made afresh for each record (``dataclasses.field(default_factory=...)``),
    written without importing ``dataclasses``, which the domain's records before the first
    paint would otherwise load for this alone."""
    return cast(T, _Factory(default_factory))


def _default_in_body(owner: str, name: str, value: object) -> object:
    """What a value in a record's body stands for: the value itself, a :class:`_Factory`, or
    :data:`_NO_DEFAULT`. A ``dataclasses.field(...)`` or ``MISSING`` can only be there once
    ``dataclasses`` is loaded, so it is not imported to check."""
    dataclasses = sys.modules.get("dataclasses")
    if dataclasses is None:
        return value
    if isinstance(value, dataclasses.Field):
        return _default_of(owner, name, value)
    return _NO_DEFAULT if value is dataclasses.MISSING else value


def _default_of(owner: str, name: str, given: Field[Any]) -> object:
    """What a ``field(...)`` in a record's body stands for: its default, a :class:`_Factory`,
    or :data:`_NO_DEFAULT`. Refuses the options a record does not have (it would ignore them)."""
    import dataclasses

    plain: Field[Any] = dataclasses.field()
    for option in ("init", "repr", "hash", "compare", "metadata", "kw_only"):
        if getattr(given, option) != getattr(plain, option):
            raise TypeError(f"{owner}.{name}: a record's field takes only a default or a factory")
    if given.default_factory is not dataclasses.MISSING:
        return _Factory(given.default_factory)
    return _NO_DEFAULT if given.default is dataclasses.MISSING else given.default


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
    Refused when the class is made, as ``@dataclass`` refuses it, in the same words."""
    if type(default).__hash__ is None:
        raise ValueError(
            f"mutable default {type(default)} for field {field} is not allowed: use default_factory"
        )
    return default


@dataclass_transform(eq_default=True, frozen_default=True, field_specifiers=(field,))
class _RecordType(type):
    """Turns a class body's annotations into slots, defaults and the field list."""

    def __new__(
        mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any
    ) -> _RecordType:
        frozen = kwargs.pop("frozen", all(getattr(b, "__record_frozen__", True) for b in bases))
        if not frozen:  # a mutable record: fields may be set again, and it has no hash
            namespace.setdefault("__setattr__", object.__setattr__)
            namespace.setdefault("__delattr__", object.__delattr__)
            namespace.setdefault("__hash__", None)
        namespace["__record_frozen__"] = frozen
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
                value = _default_in_body(name, field, namespace.pop(field))
                if value is not _NO_DEFAULT:
                    defaults[field] = (
                        value if isinstance(value, _Factory) else _immutable_default(field, value)
                    )
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
        namespace["_record_post_init"] = "__post_init__" in namespace or any(
            hasattr(base, "__post_init__") for base in bases
        )
        return super().__new__(mcs, name, bases, namespace, **kwargs)


class _DataclassFields:
    """``__dataclass_fields__`` of a record class, made on first use and kept: what
    ``dataclasses.replace``, ``fields``, ``asdict`` and ``astuple`` read."""

    def __get__(self, instance: object, owner: type[FrozenRecord]) -> dict[str, Field[Any]]:
        made: dict[str, Field[Any]] | None = owner.__dict__.get("_record_dataclass_fields")
        if made is None:
            import dataclasses

            made = {}
            annotations: dict[str, Any] = {}
            for klass in reversed(owner.__mro__):
                annotations.update(getattr(klass, "__annotations__", {}))
            for name in owner.__record_fields__:
                default = owner.__record_defaults__.get(name, dataclasses.MISSING)
                if isinstance(default, _Factory):
                    made[name] = dataclasses.field(default_factory=default.make)
                else:
                    made[name] = dataclasses.field(default=default)
                made[name].name = name
                made[name].type = annotations.get(name, Any)
                # dataclasses marks a plain field with a private sentinel; its functions
                # skip any field without it.
                object.__setattr__(made[name], "_field_type", vars(dataclasses)["_FIELD"])
            type.__setattr__(owner, "_record_dataclass_fields", made)
        return made


class FrozenRecord(metaclass=_RecordType):
    """Base of an immutable value record; see the module's docstring for what it does."""

    __slots__ = ()
    __record_frozen__: ClassVar[bool]
    __record_fields__: ClassVar[tuple[str, ...]]
    __record_defaults__: ClassVar[Mapping[str, Any]]
    _record_values: ClassVar[Callable[[Any], tuple[Any, ...]]]
    _record_post_init: ClassVar[bool]
    __dataclass_fields__: ClassVar[Any] = _DataclassFields()

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
                value = defaults[field]
                if value.__class__ is _Factory:
                    value = value.make()
                assign(self, field, value)
            else:
                missing.append(field)
        if used != len(kwargs):
            raise TypeError(_keyword_refusal(cls.__qualname__, names[:given], names, kwargs))
        if missing:
            raise TypeError(_missing_message(cls.__qualname__, missing))
        if cls._record_post_init:
            self.__post_init__()  # type: ignore[attr-defined]  # defined: _record_post_init

    def __setattr__(self, name: str, value: object) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

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
