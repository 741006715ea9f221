"""Commands that `exposurecheck --help` lists without importing them.

A stand-in takes the place in the app where its command would be, with the first
paragraph of that command's help, which is all the command list shows. The module
behind it (and pydantic, rich or httpx behind that) is imported only when the
command runs or shows its own help: the stand-in hands its arguments to the real
command. tests/test_cli_lazy.py checks that each stand-in says what its command says.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

Register = Callable[[typer.Typer], None]
"""Adds commands to an app, as `cli_shielding.register` does; imports their module when called."""


def register_shielding(app: typer.Typer) -> None:
    """`diff`, `baseline` and `requests` from cli_shielding.py, which loads pydantic and rich."""
    add_lazy_command(app, "diff", "Compare two audits: resolved, new, persisting and resurfaced "
                     "exposures.", _shielding)
    add_lazy_group(app, "baseline", "Accepted risks: findings that no longer fail a run.",
                   _shielding)
    add_lazy_command(app, "requests", "Write the request that fixes each open finding: KVK, "
                     "site owner (AVG), BRP.", _shielding)


def _shielding(app: typer.Typer) -> None:
    from exposurecheck.cli_shielding import register

    register(app)


def real_command(name: str, register: Register) -> Any:
    """The command `register` adds under `name`, built as the app would build it."""
    app = typer.Typer(rich_markup_mode=None)
    register(app)
    return typer.main.get_group(app).commands[name]


def add_lazy_command(app: typer.Typer, name: str, short_help: str, register: Register) -> None:
    app.command(name, cls=_stand_in(TyperCommand, name, register), help=short_help)(_never_runs)


def add_lazy_group(app: typer.Typer, name: str, short_help: str, register: Register) -> None:
    app.add_typer(typer.Typer(cls=_stand_in(TyperGroup, name, register), help=short_help,
                              rich_markup_mode=None), name=name)


def _never_runs() -> None:
    """The stand-in's context is the real command's, so the real callback runs instead."""


def _stand_in(base: type[Any], name: str, register: Register) -> type[Any]:
    real = cache(lambda: real_command(name, register))

    class StandIn(base):  # type: ignore[misc]
        def make_context(self, info_name: str | None, args: list[str],
                         parent: Any = None, **extra: Any) -> Any:
            return real().make_context(info_name, args, parent=parent, **extra)

    return StandIn
