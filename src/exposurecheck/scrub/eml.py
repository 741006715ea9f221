"""E-mail (RFC 5322, stdlib email): headers, text and HTML bodies, and attachments read as
documents of their own, recursively (a forwarded mail inside a mail, a PDF inside that)."""

from __future__ import annotations

import base64
import email
import email.policy
from email.header import decode_header, make_header
from email.message import Message

from exposurecheck.scrub import html
from exposurecheck.scrub.engine import (
    Context,
    DocumentError,
    DocumentProblem,
    Scanned,
    attachment_findings,
    scrub_bytes,
)
from exposurecheck.scrub.model import DocFinding, Location
from exposurecheck.scrub.slots import Slots
from exposurecheck.scrub.text import decode

_HEADERS = ("From", "To", "Cc", "Bcc", "Reply-To", "Subject", "Sender")


def _parse(data: bytes) -> Message:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.keys():
        raise DocumentError(DocumentProblem.BROKEN, "e-mail without headers")
    return message


def _header(message: Message, name: str) -> str:
    raw = message.get(name)
    if raw is None:
        return ""
    try:
        return str(make_header(decode_header(str(raw))))
    except (UnicodeDecodeError, LookupError, ValueError):
        return str(raw)


def _payload(part: Message) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _attachment_name(part: Message) -> str | None:
    name = part.get_filename()
    if name:
        return name
    if part.get_content_type() == "message/rfc822":
        return "forwarded.eml"
    return None


def _leaves(message: Message) -> list[Message]:
    return [part for part in message.walk() if not part.is_multipart()]


def scan(data: bytes, context: Context) -> Scanned:
    message = _parse(data)
    found: list[DocFinding] = []
    for name in _HEADERS:
        found += context.findings(context.detector.find(_header(message, name)), None,
                                  Location.MAIL_HEADER)
    for part in _leaves(message):
        attachment = _attachment_name(part)
        if attachment:
            found += attachment_findings(attachment, _payload(part), context)
        elif part.get_content_type() == "text/html":
            found += html.scan(_payload(part), context).findings
        elif part.get_content_maintype() == "text":
            found += context.findings(context.detector.find(decode(_payload(part))), None,
                                      Location.TEXT)
    return Scanned(found)


def _set_bytes(part: Message, payload: bytes) -> None:
    del part["Content-Transfer-Encoding"]
    part["Content-Transfer-Encoding"] = "base64"
    part.set_payload(base64.encodebytes(payload).decode("ascii"))


def scrub(data: bytes, context: Context) -> tuple[bytes, list[DocFinding]]:
    message = _parse(data)
    done: list[DocFinding] = []
    for name in _HEADERS:
        value = _header(message, name)
        hits = context.detector.find(value)
        if hits:
            slots = Slots()
            slots.add(0, value)
            message.replace_header(name, slots.redacted(hits)[0])
            done += context.findings(hits, None, Location.MAIL_HEADER)
    for part in _leaves(message):
        attachment = _attachment_name(part)
        if attachment:
            inner = context.nested(attachment)
            if inner is None:
                continue
            try:
                new, inner_done = scrub_bytes(attachment, _payload(part), inner)
            except DocumentError as exc:
                context.problems.append(f"attachment {inner.within}: {exc}")
                continue
            if inner_done:
                _set_bytes(part, new)
                done += [DocFinding(f.kind, f.page, Location.ATTACHMENT, f.value, f.official,
                                    f.within) for f in inner_done]
        elif part.get_content_maintype() == "text":
            if part.get_content_type() == "text/html":
                new, part_done = html.scrub(_payload(part), context)
            else:
                content = decode(_payload(part))
                hits = context.detector.find(content)
                slots = Slots()
                slots.add(0, content)
                new = slots.redacted(hits).get(0, content).encode("utf-8")
                part_done = context.findings(hits, None, Location.TEXT)
            if part_done:
                part.set_param("charset", "utf-8")
                _set_bytes(part, new)
                done += part_done
    return message.as_bytes(), done
