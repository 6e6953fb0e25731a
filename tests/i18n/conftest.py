"""Every test here may switch the process's language; each one ends back in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from circlekeeper.i18n import use_language


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    yield
    use_language("en")
