"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real extractor with the real model and knowledge files (loaded once)."""
    return Extractor()
