"""What reportlab reads out of a font file, kept in the user's cache for the next report.

Every summary prints in DejaVu Sans and its bold face, and reportlab's ``TTFont`` spends tens
of milliseconds on each reading thousands of glyph widths and character-map entries, in pure
Python, before the first word is set: about a tenth of ``circlekeeper export ID``. The reading
never changes for a given font file, reportlab and Python, so the first report keeps it in the
user's cache folder (``marshal``: plain numbers, strings and tables, loaded in a millisecond)
and later ones load it instead. A cache entry is named after the file's size and time and the
two versions, so a new font or a new reportlab simply parses again; an entry that cannot be read
or written is ignored (the font is parsed, as without a cache). A test checks that a font loaded
from the cache is the font reportlab parses and that the PDF comes out identical.

What reportlab needs only while it parses (``glyphToChar``, glyph → characters, from which it
works out each character's width) is kept as marshalled bytes inside the reading and unpacked
the first time something asks for it, which a report never does: unpacking it was two fifths of
loading a face.

The tables a report reads glyph by glyph only when it embeds the font (each glyph's advance
and side bearing, ``hmetrics``, and its place in the file, ``glyphPos``: six thousand of each
in DejaVu Sans) are kept as packed arrays of machine integers, not a Python number (and a
tuple) for each glyph; the widths of the characters share one number object per distinct
width (DejaVu has 939 widths for 5,918 characters). The font file itself is mapped, not read:
embedding touches a few of its pages. Together that is about a megabyte less memory for each
face and half the time to load it, most of which a process spent faulting in fresh pages.

Each entry is about 340 KB and a font file's time changes with every reinstall or upgrade, but
the cache folder is shared by every copy of the app the user has installed (a .deb and a
tarball, this version and the last, each with its own font files, reportlab or Python), so one
copy's reading must not remove another's: each would then parse its fonts again on every
export, and write them, for the other to remove. A reading is kept while it is used: a copy
that reads it marks it used (its file time, at most once a day), and writing or marking a
reading removes that font's readings unused for :data:`UNUSED_FOR` seconds, and all but the
:data:`KEPT_PER_FONT` last used (and parts of writes a crash left behind): the folder holds a
reading per font for each copy in use, never a growing pile.
"""

from __future__ import annotations

import logging
import marshal
import mmap
import os
import re
import sys
import tempfile
import time
from array import array
from collections.abc import Iterator, Sequence
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, overload
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace
from reportlab.rl_config import unShapedFontGlob

from circlekeeper.bundled import resource_file
from circlekeeper.reports.font_catalog import BundledFont
from circlekeeper.user_folders import user_cache_folder

log = logging.getLogger(__name__)

_NOT_KEPT = ("_ttf_data", "_pdfScale", "filename")
"""The file's bytes (read from the font itself), a function, and where the file lives."""
_NAMES = "__ttf_names__"
_LATER = "__ttf_later__"
LATER = ("glyphToChar",)
"""Attributes kept as marshalled bytes, unpacked on first use (reports never use them)."""
_PACKED = "__ttf_packed__"
PACKED = ("hmetrics", "glyphPos")
"""Per-glyph tables kept as packed arrays of machine integers (:class:`GlyphMetrics`)."""
_FORMAT = "3"
"""The cache entry's layout; a new one makes older entries invisible (they are parsed again)."""
_ABANDONED_AFTER = 3600.0
"""Seconds after which a ``.part`` file is a write that never finished, not one under way."""
UNUSED_FOR = 30 * 86400.0
"""Seconds after which a reading no copy of the app has used is removed (an old version's,
a reinstalled font's)."""
KEPT_PER_FONT = 4
"""At most this many readings of one font, the last used: installed copies in use at once."""
_MARKED_EVERY = 86400.0
"""A reading used is marked so (its time set to now) once its mark is this old."""


def cache_folder() -> Path:
    return user_cache_folder() / "font-metrics"


def load_font(font: BundledFont) -> TTFont:
    """``TTFont(font.name, path, shapable=font.shaping)``: from the cached reading when there
    is one for this very file, else parsed (and the reading kept for next time)."""
    path = resource_file("fonts", font.file)
    entry = _entry(path)
    state = _read(entry) if entry is not None else None
    if state is not None:
        assert entry is not None  # (a reading was read from it)
        if _mark_used(entry):
            prune_stale(entry, path.stem)
        return _PreparsedTTFont(font.name, path, state, font.shaping)
    parsed = TTFont(font.name, str(path), shapable=font.shaping)
    if entry is not None:
        _write(entry, reading_of(parsed.face))
        prune_stale(entry, path.stem)
    return parsed


def reading_of(face: TTFontFace) -> dict[str, Any]:
    """What reportlab read out of ``face``, as data ``marshal`` keeps (names as plain text)."""
    reading: dict[str, Any] = {}
    names: list[str] = []
    later: dict[str, bytes] = {}
    packed: dict[str, tuple[bytes, ...]] = {}
    for key, value in face.__dict__.items():
        if key in _NOT_KEPT:
            continue
        if key in LATER:
            later[key] = marshal.dumps(value)
            continue
        if key == "hmetrics":
            advances, bearings = zip(*value, strict=True) if value else ((), ())
            packed[key] = (array("d", advances).tobytes(), array("i", bearings).tobytes())
            continue
        if key == "glyphPos":
            packed[key] = (array("q", value).tobytes(),)
            continue
        if key == "charWidths":
            shared: dict[float, float] = {}  # one object per width: marshal keeps references
            value = {char: shared.setdefault(width, width) for char, width in value.items()}
        if isinstance(value, TTFNameBytes):
            names.append(key)
            value = value.ustr
        reading[key] = value
    reading[_NAMES] = names
    reading[_LATER] = later
    reading[_PACKED] = packed
    return reading


class GlyphMetrics(Sequence[tuple[float, int]]):
    """``hmetrics`` as reportlab reads it, ``(advance, left side bearing)`` for each glyph,
    from two packed arrays: a tuple is made only for a glyph that is asked for. (reportlab
    keeps the advance of the glyphs after the last full metric scaled, a fraction; it rounds
    every advance to a whole number when it embeds the font, so a float holds them all.)"""

    __slots__ = ("_advances", "_bearings")

    def __init__(self, advances: array[float], bearings: array[int]) -> None:
        self._advances, self._bearings = advances, bearings

    def __len__(self) -> int:
        return len(self._advances)

    @overload
    def __getitem__(self, index: int) -> tuple[float, int]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[float, int]]: ...

    def __getitem__(self, index: int | slice) -> tuple[float, int] | list[tuple[float, int]]:
        if isinstance(index, slice):
            return list(zip(self._advances[index], self._bearings[index], strict=True))
        return self._advances[index], self._bearings[index]

    def __iter__(self) -> Iterator[tuple[float, int]]:
        return zip(self._advances, self._bearings, strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # (equal to a list, which has none)


def _unpacked(packed: dict[str, tuple[bytes, ...]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "hmetrics" in packed:
        advances, bearings = array("d"), array("i")
        advances.frombytes(packed["hmetrics"][0])
        bearings.frombytes(packed["hmetrics"][1])
        out["hmetrics"] = GlyphMetrics(advances, bearings)
    if "glyphPos" in packed:
        positions = array("q")
        positions.frombytes(packed["glyphPos"][0])
        out["glyphPos"] = positions
    return out


def _mapped(path: Path) -> mmap.mmap | bytes:
    """The font file, mapped read-only (its bytes read when it cannot be mapped)."""
    try:
        with path.open("rb") as handle:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return path.read_bytes()


class _PreparsedFace(TTFontFace):
    """A ``TTFontFace`` whose reading comes from the cache, not from parsing the file."""

    def __init__(self, path: Path, reading: dict[str, Any]) -> None:
        pdfmetrics.TypeFace.__init__(self, None)
        state = dict(reading)
        for key in state.pop(_NAMES):
            state[key] = TTFNameBytes(state[key].encode("utf-8"))
        _packed[self] = state.pop(_LATER)
        state.update(_unpacked(state.pop(_PACKED)))
        self.__dict__.update(state)
        self.filename = str(path)
        self._ttf_data = _mapped(path)  # subsetting and harfbuzz read the font itself
        per_em = self.unitsPerEm
        self._pdfScale = (lambda x: x) if per_em == 1000 else (lambda x: x * (1000 / per_em))

    def __getattr__(self, name: str) -> Any:
        """An attribute kept for later (:data:`LATER`), unpacked and set on first use."""
        packed = _packed.get(self, {}).pop(name, None)
        if packed is None:
            raise AttributeError(name)
        value = marshal.loads(packed)
        setattr(self, name, value)
        return value


_packed: WeakKeyDictionary[_PreparsedFace, dict[str, bytes]] = WeakKeyDictionary()
"""Each cached face's :data:`LATER` attributes, still marshalled (beside the face, so its
``__dict__`` holds what reportlab's own reading holds once they are unpacked)."""


class _PreparsedTTFont(TTFont):
    """What ``TTFont.__init__`` (reportlab 5) sets up, around the face above."""

    def __init__(self, name: str, path: Path, reading: dict[str, Any], shapable: bool) -> None:
        self.fontName = name
        self.face = _PreparsedFace(path, reading)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = shapable and not any(fnmatch(name, g) for g in unShapedFontGlob)

    @property
    def hbFace(self) -> Any:
        """harfbuzz's face of the font, which takes the file as ``bytes``, not a mapping."""
        if isinstance(self.face._ttf_data, mmap.mmap):
            self.face._ttf_data = bytes(self.face._ttf_data)
        return TTFont.hbFace.fget(self)


def _entry(path: Path) -> Path | None:
    try:
        info = path.stat()
        folder = cache_folder()
    except OSError:
        return None
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"
    stem = (
        f"{path.stem}-{info.st_size}-{info.st_mtime_ns}-rl{REPORTLAB_VERSION}-{python}-v{_FORMAT}"
    )
    return folder / f"{stem}.marshal"


def _read(entry: Path) -> dict[str, Any] | None:
    try:
        reading = marshal.loads(entry.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError) as error:
        log.info("Ignoring the cached font reading %s (%s)", entry.name, error)
        return None
    if not isinstance(reading, dict) or not isinstance(reading.get(_NAMES), list):
        return None
    if not isinstance(reading.get(_LATER), dict) or not isinstance(reading.get(_PACKED), dict):
        return None
    return reading


def _write(entry: Path, reading: dict[str, Any]) -> None:
    """Keep ``reading`` for the next report; a cache that cannot be written changes nothing."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(reading))
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError) as error:
        log.info("Could not keep the font reading %s (%s)", entry.name, error)


def _mark_used(entry: Path) -> bool:
    """Mark ``entry`` as used now, unless it was marked less than a day ago; whether it was."""
    try:
        if time.time() - entry.stat().st_mtime < _MARKED_EVERY:
            return False
        os.utime(entry)
    except OSError as error:
        log.info("Could not mark the font reading %s used (%s)", entry.name, error)
        return False
    return True


def prune_stale(entry: Path, font: str) -> None:
    """Remove the readings of ``font`` (a font file's name without its suffix) that no copy of
    the app has used for :data:`UNUSED_FOR` (kept for another file time, size, reportlab or
    Python), all but the :data:`KEPT_PER_FONT` last used, and writes a crash abandoned.
    ``entry`` (the reading this copy uses) always stays.

    Another font's entries are left alone, though one font's name may begin another's
    (``DejaVuSans-…`` and ``DejaVuSans-Bold-…``): an entry belongs to a font when the font's
    name is followed by the size and time, which are digits.
    """
    same_font = re.compile(re.escape(font) + r"-\d+-\d+-rl.*\.marshal")
    try:
        neighbours = list(entry.parent.iterdir())
    except OSError as error:
        log.info("Could not look through the font readings (%s)", error)
        return
    now = time.time()
    readings: list[tuple[float, Path]] = []
    for path in neighbours:
        try:
            if path.suffix == ".part" and now - path.stat().st_mtime > _ABANDONED_AFTER:
                path.unlink()
            elif path.name != entry.name and same_font.fullmatch(path.name) is not None:
                readings.append((path.stat().st_mtime, path))
        except OSError as error:
            log.info("Could not remove the old font reading %s (%s)", path.name, error)
    readings.sort(reverse=True)  # the last used first
    for number, (used, path) in enumerate(readings, start=2):  # (``entry`` is the first)
        if number > KEPT_PER_FONT or now - used > UNUSED_FOR:
            try:
                path.unlink()
            except OSError as error:
                log.info("Could not remove the old font reading %s (%s)", path.name, error)
