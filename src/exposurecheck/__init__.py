"""exposurecheck: audit how exposed Dutch public officials are to doxing."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("exposurecheck")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0+unknown"
