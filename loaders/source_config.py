"""The sources file: which feeds, pages, folders and dumps scheduled ingestion reads, and when.

```toml
[[source]]
name = "example-wire"
kind = "rss"                  # rss | atom | html | folder | jsonl
url = "https://example.org/world/rss.xml"   # rss, atom, html; folder and jsonl take path
every = "15m"                 # an interval (s, m, h, d), or cron = "*/15 * * * *"
language = "en"
outlet_country = "GBR"
enabled = true
```
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KINDS = frozenset({"rss", "atom", "html", "folder", "jsonl"})
WEB_KINDS = frozenset({"rss", "atom", "html"})
_INTERVAL = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
LANGUAGES = frozenset({"en"})  # the languages the extractor reads


class SourceConfigError(ValueError):
    """The sources file cannot be used; the message names the file and the source."""


@dataclass(frozen=True)
class Source:
    """One source of the sources file."""

    name: str
    kind: str
    location: str  # a URL for rss, atom and html; a path for folder and jsonl
    every_seconds: int | None = None
    cron: str | None = None
    language: str = "en"
    outlet_country: str | None = None
    enabled: bool = True

    @property
    def is_web(self) -> bool:
        return self.kind in WEB_KINDS


def parse_interval(text: str) -> int:
    """Seconds of an interval such as ``90s``, ``15m``, ``2h`` or ``1d``."""
    match = _INTERVAL.match(text)
    if match is None or int(match.group(1)) == 0:
        raise ValueError(f"interval {text!r} is not a positive number with a unit s, m, h or d (e.g. '15m')")
    return int(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def _source(table: dict[str, Any], number: int, path: Path, base: Path) -> Source:
    name = table.get("name")
    where = f"{path}: source {name!r}" if isinstance(name, str) else f"{path}: source #{number}"
    if not isinstance(name, str) or not _NAME.match(name):
        raise SourceConfigError(f"{where}: name must be letters, digits, '.', '_' or '-'")
    known = {"name", "kind", "url", "path", "every", "cron", "language", "outlet_country", "enabled"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise SourceConfigError(f"{where}: unknown key {', '.join(unknown)}")
    kind = table.get("kind")
    if kind not in KINDS:
        raise SourceConfigError(f"{where}: kind must be one of {', '.join(sorted(KINDS))}, not {kind!r}")
    key = "url" if kind in WEB_KINDS else "path"
    location = table.get(key)
    if not isinstance(location, str) or not location:
        raise SourceConfigError(f"{where}: a {kind} source needs {key} = \"...\"")
    if kind in WEB_KINDS and not location.startswith(("http://", "https://")):
        raise SourceConfigError(f"{where}: url must start with http:// or https://")
    if kind not in WEB_KINDS:
        location = str((base / location).resolve()) if not Path(location).is_absolute() else location
    every, cron = table.get("every"), table.get("cron")
    if (every is None) == (cron is None):
        raise SourceConfigError(f"{where}: give exactly one of every = \"15m\" or cron = \"*/15 * * * *\"")
    seconds = None
    if every is not None:
        try:
            seconds = parse_interval(str(every))
        except ValueError as error:
            raise SourceConfigError(f"{where}: {error}") from error
    if cron is not None and (not isinstance(cron, str) or len(cron.split()) != 5):
        raise SourceConfigError(f"{where}: cron must have five fields (minute hour day month weekday)")
    enabled = table.get("enabled", True)
    if not isinstance(enabled, bool):
        raise SourceConfigError(f"{where}: enabled must be true or false")
    language = table.get("language", "en")
    if language not in LANGUAGES:
        raise SourceConfigError(f"{where}: language {language!r} is not read by the extractor "
                                f"(supported: {', '.join(sorted(LANGUAGES))})")
    country = table.get("outlet_country")
    if country is not None and (not isinstance(country, str) or not _COUNTRY.match(country)):
        raise SourceConfigError(f"{where}: outlet_country must be an ISO 3166 alpha-3 code such as \"GBR\"")
    return Source(name, kind, location, seconds, cron, language, country, enabled)


def load_sources(path: Path) -> list[Source]:
    """Every source of a sources file, checked; relative paths are relative to the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SourceConfigError(f"{path}: cannot read ({error.strerror or error})") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SourceConfigError(f"{path}: not valid TOML ({error})") from error
    tables = data.get("source")
    if not isinstance(tables, list) or not tables:
        raise SourceConfigError(f"{path}: no [[source]] tables")
    sources = [_source(table, number, path, path.parent) for number, table in enumerate(tables, start=1)]
    names = [s.name for s in sources]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SourceConfigError(f"{path}: source names must be unique: {', '.join(duplicates)}")
    return sources
