"""Credentials in addresses (``https://user:secret@host/``), hidden before text is written or printed."""

from __future__ import annotations

import re
from typing import Any

# scheme://userinfo@ : the userinfo (a user, and a password after ':') is replaced, the host kept
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@?#]+@")
HIDDEN = "***@"


def redacted(text: str) -> str:
    """``text`` with the user and password of every address in it replaced by ``***``."""
    return _USERINFO.sub(lambda match: match.group(1) + HIDDEN, text)


def redacted_values(value: Any) -> Any:
    """A JSON-like value (dicts, lists, strings) with every string ``redacted``."""
    if isinstance(value, str):
        return redacted(value)
    if isinstance(value, dict):
        return {redacted_values(k): redacted_values(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redacted_values(v) for v in value]
    return value
