"""Where a pinned, installed package keeps its files: the source of a converter that reads a
package's data (tools/build_geonames_places.py, tools/build_evaluative_words.py)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path


def installed_package_dir(package: str, pinned: str, extra: str) -> Path | str:
    """The folder of ``package`` at version ``pinned``, or a one-line error naming what is wrong
    (not installed: install the project's ``extra``; another version installed)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return f"{package} is not installed: pip install -e '.[{extra}]'"
    version = importlib.metadata.version(package)
    if version != pinned:
        return f"{package} {version} is installed, the converter is pinned to {pinned}"
    return Path(spec.origin).parent
