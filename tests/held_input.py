"""Input held back from an ingestion process, so that a test can kill it mid-run on a machine of
any speed: a JSONL feed through a named pipe that never ends, and a kill once the ledger shows
progress."""

from __future__ import annotations

import errno
import json
import os
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from graph.model import Article

EXAMPLE_ARTICLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
HELD_ARTICLES = 10  # the example articles a held feed keeps back


def loaded_in(ledger: Path) -> int:
    """How many articles an ingestion's ledger marks loaded (0 while it is being created or written)."""
    if not ledger.exists():
        return 0
    try:
        with closing(sqlite3.connect(ledger)) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM ledger WHERE status = 'loaded'").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the process is creating or writing the ledger


def kill_after_loaded(process: subprocess.Popen[bytes], ledger: Path, articles: int, timeout: float = 180) -> None:
    """SIGKILL an ingestion process once its ledger marks ``articles`` loaded. The caller holds
    back part of the process's input (``held_feed``, a gated page of ``NewsSite``), so the process
    cannot finish before the kill on a machine of any speed."""
    deadline, loaded = time.monotonic() + timeout, 0
    while time.monotonic() < deadline and process.poll() is None:
        loaded = loaded_in(ledger)
        if loaded >= articles:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    if process.poll() is None:  # the deadline passed: never leave the process behind
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    errors = process.stderr.read().decode(errors="replace")[-2000:] if process.stderr else ""
    assert process.returncode == -signal.SIGKILL and loaded >= articles, (
        f"the run was not killed after {articles} articles (exit {process.returncode}): {errors}")


@dataclass(frozen=True)
class HeldFeed:
    """The same JSONL articles as a named pipe that keeps back its last lines, and as a file."""

    pipe: Path  # every line but the held ones is written, and the pipe stays open: no end of input
    file: Path  # every line


@contextmanager
def held_feed(folder: Path, articles: list[Article], held: int) -> Iterator[HeldFeed]:
    """A process reading ``pipe`` gets all ``articles`` but the last ``held`` and then waits for
    more until the block ends; ``file`` holds them all, for a clean run and a rerun."""
    lines = [json.dumps({"id": a.id, "text": a.text, "title": a.title, "date": a.date, "url": a.url}) + "\n"
             for a in articles]
    feed = HeldFeed(folder / "feed-pipe.jsonl", folder / "feed.jsonl")
    feed.file.write_text("".join(lines), encoding="utf-8")
    os.mkfifo(feed.pipe)
    done = threading.Event()

    def write() -> None:
        while not done.is_set():
            try:  # a writer opens a pipe only once a reader has it open
                descriptor = os.open(feed.pipe, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as error:
                if error.errno != errno.ENXIO:
                    raise
                time.sleep(0.05)
                continue
            os.set_blocking(descriptor, True)
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                    stream.writelines(lines[:-held])
                    stream.flush()
                    done.wait()
            except BrokenPipeError:
                pass  # the reader was killed
            return

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        yield feed
    finally:
        done.set()
        writer.join(timeout=10)
