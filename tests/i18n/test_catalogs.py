"""The shipped catalogs are complete and faithful, and the check catches the next slip."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog, Message

from circlekeeper.i18n import SHIPPED_LANGUAGES, catalogs, ngettext, use_language
from circlekeeper.i18n.catalog_check import check_catalog, message_problems


def test_every_catalog_is_complete_faithful_compiled_and_up_to_date_with_the_code() -> None:
    assert catalogs.check() == []


def test_every_shipped_language_but_english_has_a_catalog() -> None:
    assert sorted(catalogs.translated_languages()) == sorted(
        code for code in SHIPPED_LANGUAGES if code != "en"
    )


@pytest.mark.parametrize(("code", "forms"), [("ar", 6), ("de", 2), ("es", 3), ("pt_BR", 3)])
def test_plural_forms_header_is_cldrs(code: str, forms: int) -> None:
    catalog = catalogs.read_catalog(catalogs.po_path(code), locale=code)
    assert catalog.num_plurals == forms


def test_arabic_speaks_each_of_its_six_plural_forms() -> None:
    use_language("ar")
    said = {
        n: ngettext("{count} session", "{count} sessions", n).format(count=n)
        for n in (0, 1, 2, 3, 11, 100)
    }
    assert said[1] == "جلسة واحدة" and said[2] == "جلستان"
    assert said[3] == "3 جلسات" and said[11] == "11 جلسة"
    assert len(set(said.values())) == 6


def _template(*messages: Message) -> Catalog:
    template = Catalog()
    for message in messages:
        template[message.id] = message
    return template


def test_the_check_names_an_untranslated_a_fuzzy_and_an_unfaithful_message() -> None:
    ids = ["Wrote {path}", "Use --db to choose", "Ready", "&Save"]
    template = _template(*(Message(i) for i in ids))
    catalog = Catalog(locale="es")
    catalog["Wrote {path}"] = Message("Wrote {path}", "Se escribió {ruta}")
    catalog["Use --db to choose"] = Message("Use --db to choose", "Usa --base para elegir")
    catalog["Ready"] = Message("Ready", "Listo", flags={"fuzzy"})
    catalog["&Save"] = Message("&Save", "Guardar")
    problems = "\n".join(check_catalog(catalog, template))
    assert "“Wrote {path}” changes the placeholders" in problems
    assert "changes the command-line options" in problems
    assert "“Ready” is marked fuzzy" in problems
    assert "“&Save” needs exactly one & shortcut marker" in problems

    catalog.delete("Ready")
    assert "“Ready” is missing" in "\n".join(check_catalog(catalog, template))


def test_the_check_counts_plural_forms_and_lets_arabic_spell_out_the_count() -> None:
    ids = ("{count} session in {circle}", "{count} sessions in {circle}")
    short = Message(ids, ("{count} جلسة في {circle}",) * 5)
    assert any("has 5 plural forms" in p for p in message_problems(short, 6))
    spelled = Message(
        ids, ("لا جلسات في {circle}", "جلسة واحدة في {circle}", *("{count} جلسة في {circle}",) * 4)
    )
    assert message_problems(spelled, 6) == []
    lost_circle = Message(ids, ("لا جلسات", *("{count} جلسة في {circle}",) * 5))
    assert any("plural form 0" in p for p in message_problems(lost_circle, 6))


def test_compiled_catalogs_are_built_from_the_committed_sources() -> None:
    for code in catalogs.translated_languages():
        catalog = catalogs.read_catalog(catalogs.po_path(code), locale=code)
        assert catalogs.mo_path(code).read_bytes() == catalogs.mo_bytes(catalog), code
