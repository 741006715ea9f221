"""An invented roster (roster.yaml) and small documents of every format, built in the test."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from exposurecheck.models import Roster
from exposurecheck.roster import load_roster
from exposurecheck.scrub.detect import Detector

ROSTER = Path(__file__).with_name("roster.yaml")
BSN = "111222333"  # passes the elfproef; invented
IBAN = "NL91ABNA0417164300"
PHONE = "06-12345678"
EMAIL = "p.devries@gmail.com"
ADDRESS = "Dorpsstraat 4, 8011 AB Zwolle"


def mail_with_broken_pdf(subject: str, payload: bytes, filename: str) -> bytes:
    """A mail whose one attachment claims to be a PDF and cannot be read as one."""
    message = EmailMessage()
    message["Subject"] = subject
    message.set_content("Zie bijlage.\n")
    message.add_attachment(payload, maintype="application", subtype="pdf", filename=filename)
    return bytes(message)


@pytest.fixture
def roster_path(tmp_path: Path) -> Path:
    path = tmp_path / "roster.yaml"
    path.write_text(ROSTER.read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.fixture
def roster(roster_path: Path) -> Roster:
    return load_roster(roster_path)


@pytest.fixture
def detector(roster: Roster) -> Detector:
    return Detector(roster, ["@raalte.nl", "0572 347799"])
