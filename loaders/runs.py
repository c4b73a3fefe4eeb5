"""Structured records of scheduled ingestion: the runs log (one JSON line per pass, appended to a
file) and events on a stream (one JSON line each), for logs read by machines rather than people."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from graph.redact import redacted_values

EventLog = Callable[[str, dict[str, Any]], None]


def _iso(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat(timespec="milliseconds")


def json_line(event: str, when: float, fields: dict[str, Any]) -> str:
    """One event as a JSON line: its time (ISO, UTC), its name, then its fields (any user and
    password in an address hidden)."""
    return json.dumps({"time": _iso(when), "event": event, **redacted_values(fields)}, sort_keys=False) + "\n"


def append_run(path: Path, when: float, report: dict[str, Any]) -> None:
    """Append a pass's report to the runs log."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "a", encoding="utf-8") as log:
        log.write(json_line("pass", when, report))


def stream_events(stream: TextIO, clock: Callable[[], float]) -> EventLog:
    """An event log writing JSON lines to ``stream``, flushed one by one."""

    def write(event: str, fields: dict[str, Any]) -> None:
        stream.write(json_line(event, clock(), fields))
        stream.flush()

    return write


class JsonLogFormatter(logging.Formatter):
    """Log records (for instance APScheduler's) as JSON lines like the events."""

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = {"level": record.levelname.lower(), "logger": record.name,
                                  "message": record.getMessage()}
        if record.exc_info:
            fields["exception"] = self.formatException(record.exc_info)
        return json_line("log", record.created, fields).rstrip("\n")
