"""Fixtures shared by the whole suite."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from extract.pipeline import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real extractor with the real model and knowledge files (loaded once)."""
    return Extractor()


def kill_after_loaded(process: subprocess.Popen[bytes], ledger: Path, articles: int, timeout: float = 180) -> None:
    """SIGKILL an ingestion process as soon as its ledger marks ``articles`` loaded."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        loaded = 0
        if ledger.exists():
            try:
                with sqlite3.connect(ledger) as connection:
                    loaded = connection.execute("SELECT COUNT(*) FROM ledger WHERE status = 'loaded'").fetchone()[0]
            except sqlite3.OperationalError:
                loaded = 0  # the process is creating or writing the ledger
        if loaded >= articles:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"


@pytest.fixture
def killer() -> Callable[[subprocess.Popen[bytes], Path, int], None]:
    """``kill_after_loaded`` for tests in any folder."""
    return kill_after_loaded
