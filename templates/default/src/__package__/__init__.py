"""The application package: its command-line interface lives in ``cli``."""

from importlib.metadata import PackageNotFoundError, version

# pyproject.toml holds the version (`uv version --bump minor` changes it); the
# installed metadata carries it here.
try:
    __version__ = version("{{name}}")
except PackageNotFoundError:  # a source tree on sys.path, never installed
    __version__ = "0+unknown"
