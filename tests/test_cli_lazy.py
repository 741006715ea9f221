from __future__ import annotations

import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from exposurecheck import cli_shielding
from exposurecheck.cli import build_app
from exposurecheck.cli_lazy import real_command

LAZY = ("diff", "baseline", "requests")

LOADED_BY_HELP = """
import sys
from exposurecheck.cli import main
sys.argv = ["exposurecheck", "--help"]
try:
    main()
except SystemExit:
    pass
print(" ".join(sys.modules))
"""


@pytest.mark.parametrize("name", LAZY)
def test_each_stand_in_is_listed_as_its_command_would_be(name: str) -> None:
    stand_in = typer.main.get_group(build_app()).commands[name]
    real = real_command(name, cli_shielding.register)
    assert type(stand_in) is not type(real)
    assert stand_in.get_short_help_str(200) == real.get_short_help_str(200)


@pytest.mark.parametrize("name", LAZY)
def test_a_stand_in_shows_its_commands_own_help_and_usage(name: str) -> None:
    result = CliRunner().invoke(build_app(), [name, "--help"], terminal_width=100)
    assert result.exit_code == 0
    assert f"Usage: exposurecheck {name} [OPTIONS]" in result.stdout
    assert "--help" in result.stdout and "Options" in result.stdout


def test_a_stand_in_runs_its_command() -> None:
    result = CliRunner().invoke(build_app(), ["diff", "missing-old.json", "missing-new.json"])
    assert result.exit_code == 2
    assert "missing-old.json" in result.stderr


def test_help_loads_neither_pydantic_rich_httpx_nor_the_lazy_commands() -> None:
    done = subprocess.run([sys.executable, "-c", LOADED_BY_HELP], check=True,
                          capture_output=True, text=True)
    assert "Commands:" in done.stdout
    loaded = set(done.stdout.split())
    assert "exposurecheck.cli" in loaded
    assert not loaded & {"pydantic", "rich", "httpx", "exposurecheck.cli_shielding",
                         "exposurecheck.models"}
