"""The README documents the real CLI: its --help blocks and Quick start are checked."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exposurecheck.cli import build_app

README = Path(__file__).parents[1] / "README.md"
HELP_BLOCK = re.compile(r"<!-- help: (?P<cmd>[a-z ]*) -->\n```text\n(?P<body>.*?)```", re.S)


def help_text(command: str) -> str:
    args = [*command.split(), "--help"] if command else ["--help"]
    result = CliRunner().invoke(build_app(), args, terminal_width=100,
                                env={"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"})
    assert result.exit_code == 0
    return "\n".join(line.rstrip() for line in result.stdout.strip().splitlines()) + "\n"


def test_readme_help_blocks_match_the_cli() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = list(HELP_BLOCK.finditer(text))
    assert {b["cmd"] for b in blocks} >= {"", "audit", "check"}
    if os.environ.get("UPDATE_README"):
        text = HELP_BLOCK.sub(lambda m: f"<!-- help: {m['cmd']} -->\n```text\n"
                              f"{help_text(m['cmd'])}```", text)
        README.write_text(text, encoding="utf-8")
    for block in HELP_BLOCK.finditer(README.read_text(encoding="utf-8")):
        assert block["body"] == help_text(block["cmd"]), f"README help for '{block['cmd']}'"


def test_quick_start_has_exactly_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    assert "exposurecheck demo" in commands[0]
    assert "pytest" in commands[1]


@pytest.mark.parametrize("code", ["0", "1", "2", "3"])
def test_readme_documents_every_exit_code(code: str) -> None:
    assert re.search(rf"^\| {code} \|", README.read_text(encoding="utf-8"), re.M)
