"""Locate the bundled fixtures, from an installed wheel or from a checkout."""

from __future__ import annotations

from pathlib import Path


def fixtures_dir() -> Path:
    """The `fixtures/` tree: packaged as `exposurecheck/_fixtures` in a wheel.

    In a checkout (editable install or PYTHONPATH=src) the package has no copy,
    so fall back to the repository's top-level `fixtures/`.
    """
    packaged = Path(__file__).with_name("_fixtures")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "fixtures"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("exposurecheck fixtures are missing from this installation")
