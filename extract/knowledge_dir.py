"""Where an extractor's knowledge lives, and a digest of it that names the knowledge's version.

The knowledge directory is ``extract/data`` unless ``--knowledge-dir`` or the environment variable
``GEOKG_KNOWLEDGE_DIR`` names another (a copy with a changed file, say). Its digest covers every
data file in it, whatever its name, so a file added later changes the digest without code changes;
documentation and licence files are not data.
"""

from __future__ import annotations

import fnmatch
import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

KNOWLEDGE_ENV = "GEOKG_KNOWLEDGE_DIR"
DEFAULT_KNOWLEDGE_DIR = Path(__file__).parent / "data"
# files that describe the data rather than being read by an extractor
NOT_DATA = ("*.md", "LICENCE*", "LICENSE*", "NOTICE*", "COPYING*", "README*")


class KnowledgeError(ValueError):
    """A knowledge directory is missing or one of its files is malformed; the message names it."""


def resolve_knowledge_dir(option: Path | None, environ: Mapping[str, str]) -> Path:
    """The directory an option names, else the one ``GEOKG_KNOWLEDGE_DIR`` names, else extract/data."""
    if option is not None:
        return option
    named = environ.get(KNOWLEDGE_ENV, "")
    return Path(named) if named else DEFAULT_KNOWLEDGE_DIR


def require_knowledge_dir(path: Path) -> Path:
    """``path`` if it is a directory; else a one-line ``KnowledgeError`` naming it."""
    if not path.is_dir():
        what = "not a directory" if path.exists() else "no such directory"
        raise KnowledgeError(f"{path}: cannot read the knowledge directory ({what})")
    return path


def is_data_file(relative: Path) -> bool:
    """A file an extractor may read: not hidden, not documentation or a licence."""
    if any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
        return False
    return not any(fnmatch.fnmatchcase(relative.name, pattern) for pattern in NOT_DATA)


def knowledge_files(data_dir: Path) -> list[Path]:
    """The data files under ``data_dir`` (subfolders too), relative to it, in sorted order."""
    found = (path.relative_to(data_dir) for path in require_knowledge_dir(data_dir).rglob("*") if path.is_file())
    return sorted((path for path in found if is_data_file(path)), key=lambda path: path.as_posix())


def knowledge_digest(data_dir: Path, extra: Iterable[str] = ()) -> str:
    """The sha256 (hex) of every data file's relative path and bytes, then of each ``extra`` text
    (the NLP model's name and version, say): equal digests, equal knowledge."""
    digest = hashlib.sha256()
    for relative in knowledge_files(data_dir):
        path = data_dir / relative
        try:
            content = path.read_bytes()
        except OSError as error:
            raise KnowledgeError(f"{path}: cannot read the knowledge file ({error.strerror})") from error
        digest.update(relative.as_posix().encode("utf-8") + b"\0")
        digest.update(len(content).to_bytes(8, "big") + content)
    for text in extra:
        digest.update(b"\0extra\0" + text.encode("utf-8"))
    return digest.hexdigest()
