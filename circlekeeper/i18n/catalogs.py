"""The one translation workflow: ``python -m circlekeeper.i18n.catalogs COMMAND``.

``update``   extract every wrapped string into the template, merge it into each language's
             .po file and compile the .mo files: run it after changing strings in the code.
``compile``  only rebuild the .mo files from the .po files (after translating).
``check``    fail, naming each problem, when the template is stale, a catalog is incomplete,
             fuzzy or unfaithful (placeholders, markup, plural forms) or a .mo is not built
             from its .po; the test suite runs the same check.
``init CODE`` start a catalog for a new language (docs/TRANSLATING.md).

Both the .po sources and the compiled .mo files are committed, so an installed app needs no
build step; ``check`` (and ``tests/i18n``) makes sure they never disagree.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from circlekeeper import __version__
from circlekeeper.i18n.catalog_check import check_catalog
from circlekeeper.i18n.languages import SHIPPED_LANGUAGES, SOURCE_LANGUAGE
from circlekeeper.i18n.translation import DOMAIN

CHECKOUT = Path(__file__).resolve().parents[2]
LOCALE_DIR = CHECKOUT / "resources" / "locale"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
MAPPING = CHECKOUT / "babel.cfg"
KEYWORDS = {**DEFAULT_KEYWORDS, "lazy_gettext": None}
"""``_``, ``gettext``, ``ngettext``, ``pgettext``, ``N_`` … as usual, plus ``lazy_gettext``."""
COMMENT_TAG = "Translators:"
WIDTH = 100


def extract_template() -> Catalog:
    """Every wrapped string in the code, as a fresh template (nothing written)."""
    with MAPPING.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(MAPPING))
    template = Catalog(
        project="CircleKeeper",
        version=__version__,
        copyright_holder="CircleKeeper contributors",
        charset="utf-8",
        fuzzy=False,
    )
    found = extract_from_dir(
        str(CHECKOUT),
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=(COMMENT_TAG,),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def po_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(code: str) -> Path:
    return po_path(code).with_suffix(".mo")


def translated_languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(
        buffer, catalog, width=WIDTH, include_lineno=False, ignore_obsolete=True, sort_output=True
    )
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _same_messages(a: Catalog, b: Catalog) -> bool:
    def key(catalog: Catalog) -> set[object]:
        return {
            (m.id, m.context, tuple(m.auto_comments), tuple(sorted({f for f, _ in m.locations})))
            for m in catalog
            if m.id
        }

    return key(a) == key(b)


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def update_template() -> Catalog:
    """Re-extract; the template file is rewritten only when its messages changed."""
    fresh = extract_template()
    if TEMPLATE.exists():
        current = read_catalog(TEMPLATE)
        if _same_messages(current, fresh):
            return current
    _write_if_changed(TEMPLATE, po_bytes(fresh))
    return read_catalog(TEMPLATE)


def update_catalogs(template: Catalog) -> list[str]:
    changed = []
    for code in translated_languages():
        catalog = read_catalog(po_path(code), locale=code)
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        if _write_if_changed(po_path(code), po_bytes(catalog)):
            changed.append(code)
    return changed


def compile_catalogs() -> list[str]:
    changed = []
    for code in translated_languages():
        catalog = read_catalog(po_path(code), locale=code)
        if _write_if_changed(mo_path(code), mo_bytes(catalog)):
            changed.append(code)
    return changed


def init_catalog(code: str) -> Path:
    template = read_catalog(TEMPLATE)
    catalog = Catalog(
        locale=code, domain=DOMAIN, project="CircleKeeper", version=__version__, fuzzy=False
    )
    catalog.update(template, no_fuzzy_matching=True)
    path = po_path(code)
    if path.exists():
        raise SystemExit(f"{path} already exists; run `update` to refresh it.")
    _write_if_changed(path, po_bytes(catalog))
    return path


def check() -> list[str]:
    """Every reason the catalogs are not ready to ship (empty when they are)."""
    problems = []
    template = read_catalog(TEMPLATE) if TEMPLATE.exists() else Catalog()
    if not _same_messages(template, extract_template()):
        problems.append(
            "The template is out of date with the code; run"
            " `python -m circlekeeper.i18n.catalogs update`."
        )
    languages = translated_languages()
    for code in SHIPPED_LANGUAGES:
        if code != SOURCE_LANGUAGE and code not in languages:
            problems.append(f"{code}: there is no catalog at {po_path(code)}.")
    for code in languages:
        catalog = read_catalog(po_path(code), locale=code)
        problems.extend(check_catalog(catalog, template))
        mo = mo_path(code)
        if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
            problems.append(f"{code}: {mo.name} is not compiled from the current .po; run compile.")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m circlekeeper.i18n.catalogs",
        description="Extract, update, compile and check CircleKeeper's translation catalogs.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract strings, merge them into every .po, compile")
    commands.add_parser("compile", help="build the .mo files from the .po files")
    commands.add_parser("check", help="fail on stale, incomplete or unfaithful catalogs")
    init = commands.add_parser("init", help="start a catalog for a new language")
    init.add_argument("code", help="gettext language code, such as it or pt_PT")
    args = parser.parse_args(argv)
    out = sys.stdout
    if args.command == "update":
        template = update_template()
        changed = update_catalogs(template)
        compiled = compile_catalogs()
        out.write(
            f"{len(template)} messages; updated {changed or 'none'}; compiled"
            f" {compiled or 'none'}.\n"
        )
    elif args.command == "compile":
        out.write(f"compiled {compile_catalogs() or 'none'}.\n")
    elif args.command == "init":
        update_template()
        out.write(f"started {init_catalog(args.code)}; translate it, then run update.\n")
    else:
        problems = check()
        for problem in problems:
            out.write(f"{problem}\n")
        out.write(f"{len(problems)} problem(s).\n" if problems else "All catalogs are complete.\n")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
