"""The package version, kept in one place (read by hatchling and by ``--version``)."""

__version__ = "0.1.0"
