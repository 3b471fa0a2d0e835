"""The application package: its command-line interface lives in ``cli``."""

import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def _source_version() -> str:
    """Read the version from pyproject.toml, for a source tree never installed."""
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return "0+unknown"
    # The first `version =` at the start of a line: [project]'s, which comes first.
    found = re.search(r'^version = "([^"]+)"', text, re.MULTILINE)
    return found.group(1) if found else "0+unknown"


# pyproject.toml holds the version (`uv version --bump minor` changes it); the
# installed package's metadata carries it here.
try:
    __version__ = version("{{name}}")
except PackageNotFoundError:
    __version__ = _source_version()
