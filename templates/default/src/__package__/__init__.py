"""The application package: its command-line interface lives in ``cli``."""

__version__ = "0.1.0"
