"""Reporters turn a finished report into text. Each is a pure function of the report."""

from exposurecheck.reporters.interface import OutputFormat, render

__all__ = ["OutputFormat", "render"]
