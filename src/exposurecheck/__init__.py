"""exposurecheck: audit how exposed Dutch public officials are to doxing."""

from __future__ import annotations

from functools import cache


def __getattr__(name: str) -> str:
    """`__version__` on first use: reading the package metadata costs a quarter of
    `exposurecheck --help`'s start-up, and only --version and the reports need it."""
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("exposurecheck")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0.0.0+unknown"
